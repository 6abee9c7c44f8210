// The launcher's V8 flags: the shebang of bin/uitkijk.js (what `npx uitkijk` and an installed
// `uitkijk` run) and `npm start` must start Node the same way, and the shebang must work here
// (`env -S` splits the flags), or the service runs with V8's defaults unnoticed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/uitkijk.js');
const flagsOf = (words: string[]) => words.filter((w) => w.startsWith('--'));

describe('launch flags', () => {
  const shebang = readFileSync(bin, 'utf8').split('\n')[0]!;
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const start = scripts.start!;

  it('the shebang, npm start and npm run bench pass the same V8 flags to node', () => {
    expect(shebang).toMatch(/^#!\/usr\/bin\/env -S node( --[\w-]+=\S+)+$/);
    const fromShebang = flagsOf(shebang.split(/\s+/));
    expect(fromShebang.length).toBeGreaterThan(0);
    const words = start.split(/\s+/);
    expect(words[0]).toBe('node');
    expect(flagsOf(words.slice(0, words.indexOf('bin/uitkijk.js')))).toEqual(fromShebang);
    // The benches measure the process as it runs in production (plus --expose-gc to see the live heap).
    const bench = scripts.bench!;
    expect(flagsOf(bench.split(/\s+/)).filter((f) => f !== '--expose-gc')).toEqual(fromShebang);
  });

  it('the container image and docker compose start the launcher itself, so its flags apply', () => {
    const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as { services: Record<string, { command?: string[]; image?: string }> };
    const ours = Object.values(compose.services).filter((s) => !s.image);
    expect(ours.length).toBeGreaterThan(0);
    for (const s of ours) expect(s.command?.[0]).toBe('bin/uitkijk.js');
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(root, 'Dockerfile'), 'utf8'))?.[1];
    expect((JSON.parse(cmd ?? '[]') as string[])[0]).toBe('bin/uitkijk.js');
  });

  it('the launcher runs through its shebang (env -S splits the flags)', () => {
    // The node on PATH is the pinned one, as under npx; an unknown or unsplit flag would end node with an error.
    const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}`, NODE_OPTIONS: '' };
    const help = spawnSync(bin, ['--help'], { env, encoding: 'utf8', timeout: 30_000 });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('uitkijk');
  });

  it('the launcher keeps its compiled sources in the compile cache', () => {
    // Without NODE_COMPILE_CACHE the launcher's own enableCompileCache() picks the directory:
    // node-compile-cache under the temporary directory (TMPDIR), empty unless it is called.
    const tmp = mkdtempSync(join(tmpdir(), 'uitkijk-compile-cache-'));
    try {
      const { NODE_COMPILE_CACHE: _unset, ...rest } = process.env;
      const env = { ...rest, NODE_OPTIONS: '', TMPDIR: tmp };
      const help = spawnSync(process.execPath, [bin, '--help'], { env, encoding: 'utf8', timeout: 30_000 });
      expect(help.status).toBe(0);
      const files = readdirSync(join(tmp, 'node-compile-cache'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
      expect(files.length).toBeGreaterThan(0);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
