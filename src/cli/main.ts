// The command line: `uitkijk <command>`. The table below is the one list of commands; each
// command lives in its own module and is loaded only when asked for, so `uitkijk classify`
// starts without loading BullMQ or Fastify. `--help` and `--version` work everywhere.

import { readFileSync } from 'node:fs';
import type { Lang, Text } from '../i18n.ts';
import { isLang, langOf } from '../i18n.ts';
import type { Command } from './command.ts';

interface Entry {
  summary: Text;
  load: () => Promise<Command>;
}

const COMMANDS: Record<string, Entry> = {
  start: {
    summary: { nl: 'start alles in één proces: planning, workers en webserver', en: 'start everything in one process: schedules, workers and web server' },
    load: async () => (await import('./start.ts')).startCommand,
  },
  worker: {
    summary: { nl: 'start alleen workers (--queues fetch,classify,alert)', en: 'start workers only (--queues fetch,classify,alert)' },
    load: async () => (await import('./start.ts')).workerCommand,
  },
  web: {
    summary: { nl: 'start alleen de webserver (/healthz, /metrics)', en: 'start the web server only (/healthz, /metrics)' },
    load: async () => (await import('./start.ts')).webCommand,
  },
  classify: {
    summary: { nl: 'beoordeel een tekst, of JSON-regels met --jsonl', en: 'classify one text, or JSON lines with --jsonl' },
    load: async () => (await import('./classify.ts')).command,
  },
  evaluate: {
    summary: {
      nl: 'meet de classifier op een gelabeld bestand (JSONL of HateCheck-CSV)',
      en: 'measure the classifier on a labelled file (JSONL or HateCheck CSV)',
    },
    load: async () => (await import('./evaluate.ts')).command,
  },
  config: {
    summary: {
      nl: 'controleer een configuratiebestand (check) of druk het JSON-schema af (schema)',
      en: 'check a config file (check) or print its JSON schema (schema)',
    },
    load: async () => (await import('./config.ts')).command,
  },
};

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function overview(lang: Lang): string {
  const head =
    lang === 'nl'
      ? 'uitkijk — houdt de sociale media van scholen in de gaten\n\nGebruik: uitkijk <opdracht> [opties]   (uitkijk <opdracht> --help voor de opties)\n\nOpdrachten:\n'
      : 'uitkijk — keeps watch over the social media of schools\n\nUsage: uitkijk <command> [options]   (uitkijk <command> --help for its options)\n\nCommands:\n';
  const lines = Object.entries(COMMANDS).map(([name, e]) => `  ${name.padEnd(10)} ${e.summary[lang]}`);
  const tail =
    lang === 'nl'
      ? '\n\nAlgemeen: --lang nl|en (taal van de meldingen), --version, --help\n'
      : '\n\nGeneral: --lang nl|en (language of messages), --version, --help\n';
  return head + lines.join('\n') + tail;
}

/** Takes `--lang X` / `--lang=X` out of the arguments: it applies to every command. */
function takeLang(argv: string[], env: Record<string, string | undefined>): { lang: Lang; rest: string[]; bad?: string } {
  const rest: string[] = [];
  let asked: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') asked = argv[++i] ?? '';
    else if (a.startsWith('--lang=')) asked = a.slice('--lang='.length);
    else rest.push(a);
  }
  if (asked !== undefined && !isLang(asked)) return { lang: langOf(env.UITKIJK_LANG), rest, bad: asked };
  return { lang: langOf(asked, env.UITKIJK_LANG), rest };
}

export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const { lang, rest, bad } = takeLang(argv, env);
  if (bad !== undefined) {
    process.stderr.write(lang === 'nl' ? `--lang kent nl en en, niet '${bad}'.\n` : `--lang takes nl or en, not '${bad}'.\n`);
    return 2;
  }
  const [name, ...args] = rest;
  if (name === '--version' || name === '-v' || name === 'version') {
    process.stdout.write(`uitkijk ${version()}\n`);
    return 0;
  }
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(overview(lang));
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    const known = Object.keys(COMMANDS).join(', ');
    process.stderr.write(lang === 'nl' ? `Onbekende opdracht '${name}'. Kies uit: ${known}.\n` : `Unknown command '${name}'. Choose from: ${known}.\n`);
    return 2;
  }
  const command = await entry.load();
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${entry.summary[lang]}\n\n${command.usage[lang].trimEnd()}\n`);
    return 0;
  }
  return command.run(args, { lang });
}
