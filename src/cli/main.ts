// The command line: `uitkijk <command>`. Each command lives in its own module and is loaded
// only when asked for, so `uitkijk classify` starts without loading BullMQ or Fastify.

export interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, () => Promise<Command>> = {};

/** Register a command module; kept in one table so `help` lists them all. */
export function registerCommand(name: string, load: () => Promise<Command>): void {
  COMMANDS[name] = load;
}

const HELP = `uitkijk — houdt de sociale media van scholen in de gaten

Gebruik: uitkijk <opdracht> [opties]

Opdrachten:
`;

export async function main(argv: string[]): Promise<number> {
  await import('./commands.ts');
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const lines: string[] = [];
    for (const [cmd, load] of Object.entries(COMMANDS)) lines.push(`  ${cmd.padEnd(10)} ${(await load()).summary}`);
    process.stdout.write(HELP + lines.join('\n') + '\n');
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`Onbekende opdracht '${name}'. Kies uit: ${Object.keys(COMMANDS).join(', ')}.\n`);
    return 2;
  }
  return (await load()).run(rest);
}
