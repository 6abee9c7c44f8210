// `uitkijk start` as a user runs it: the embedded default (own redis-server, demo config,
// demo fixture servers) writes alert e-mails and the moderator's digest to the outbox (whose
// link leads to a recorded decision), logs where they are, never logs a comment text or an
// author, and stops cleanly on SIGTERM. Without redis-server it says
// how to get one and exits non-zero.

import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FEED_ITEMS, DEMO_REACTIONS } from '../../demo/content.ts';
import { simpleParser } from 'mailparser';
import { waitFor } from '../support/wait.ts';
import { csrfOf, httpClient } from '../support/review.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const node = join(root, 'node_modules/node/bin/node');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'uitkijk-start-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.REDIS_URL;
  delete env.SMTP_URL;
  return env;
}

describe('uitkijk start (embedded default)', () => {
  it('writes the demo alerts to the outbox and stops cleanly', async () => {
    const dataDir = join(dir, 'data');
    const child = spawn(node, ['bin/uitkijk.js', 'start', '--port', '0'], {
      cwd: root,
      env: cleanEnv({ UITKIJK_DATA_DIR: dataDir }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const outbox = join(dataDir, 'outbox');
      // The demo holds threats (an e-mail each, at once) and other findings (one bundle).
      const files = await waitFor(
        'a threat alert and a bundle in the outbox',
        async () => {
          const names = await readdir(outbox).catch(() => [] as string[]);
          const eml = names.filter((n) => n.startsWith('alert-') && n.endsWith('.eml'));
          return eml.length >= 1 && names.some((n) => n.startsWith('bundle-')) ? eml : false;
        },
        60_000,
      );
      const bundle = await simpleParser(
        await readFile(
          join(
            outbox,
            (await readdir(outbox)).find((n) => n.startsWith('bundle-'))!,
          ),
        ),
      );
      expect(bundle.subject).toMatch(/^\[uitkijk\] \d+ meldingen — Vivente College De Linge/);
      expect(bundle.text).not.toContain('06-12345678');
      const mail = await readFile(join(outbox, files[0]!), 'utf8');
      expect(mail).toMatch(/^Subject: /m);
      expect(mail).toMatch(/^To: communicatie@delinge\.example\.nl/m);
      expect(out).toContain(outbox);

      // Within a minute the moderator's digest is there too; its link and one button record a decision.
      const digestFile = await waitFor(
        "the moderator's digest in the outbox",
        async () => (await readdir(outbox).catch(() => [] as string[])).find((n) => n.startsWith('digest-') && n.endsWith('.eml')),
        60_000,
      );
      const digest = await simpleParser(await readFile(join(outbox, digestFile)));
      expect(digest.to && 'text' in digest.to ? digest.to.text : '').toBe('moderator@delinge.example.nl');
      const link = /Beslissen: (\S+)/.exec(digest.text ?? '')?.[1];
      expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/review\/login\?t=/);
      const client = httpClient(new URL(link!).origin);
      const landing = await client.get(link!);
      const target = /url=([^"]+)"/.exec(landing.body)![1]!;
      const page = await client.get(target);
      expect(page.status).toBe(200);
      const decided = await client.post(target, { _csrf: csrfOf(page.body), action: 'approve' });
      expect(decided.body).toContain('Verwijderen goedgekeurd en vastgelegd');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    // Privacy: the log holds ids and counts, never a text or an author.
    for (const r of DEMO_REACTIONS) {
      expect(out).not.toContain(r.text);
      expect(out).not.toContain(r.by);
    }
    for (const f of DEMO_FEED_ITEMS) expect(out).not.toContain(f.text);
  }, 90_000);

  it('a second start on the same data sends nothing again (the demo posts keep their ids)', async () => {
    const dataDir = join(dir, 'twice');
    const outbox = join(dataDir, 'outbox');
    const run = async (until: (out: string) => boolean | Promise<boolean>) => {
      const child = spawn(node, ['bin/uitkijk.js', 'start', '--port', '0'], {
        cwd: root,
        env: cleanEnv({ UITKIJK_DATA_DIR: dataDir }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        await waitFor('the demo to have done its work', () => until(out), 60_000);
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
      return out;
    };
    const fetchedBoth = (out: string) =>
      ['demo-bluesky', 'demo-rss'].every((s) => out.split('\n').some((l) => l.includes(`"source":"${s}"`) && l.includes('"msg":"opgehaald"')));
    // Everything the demo sends: alerts, the bundle and the moderator's digest.
    const sentAll = async () => {
      const names = await readdir(outbox).catch(() => [] as string[]);
      return names.some((n) => n.startsWith('bundle-')) && names.some((n) => n.startsWith('digest-'));
    };
    await run(async (out) => fetchedBoth(out) && (await sentAll()));
    // Alerts and bundles are never sent again. (A digest may be: it reminds of what is still
    // open, and the demo's skips only an unchanged one.)
    const alertsIn = async () => (await readdir(outbox)).filter((n) => !n.startsWith('digest-'));
    const first = await alertsIn();
    const stamps = await Promise.all(first.map(async (f) => (await stat(join(outbox, f))).mtimeMs));
    const second = await run(fetchedBoth);
    expect(second).toMatch(/"fresh":0/);
    expect(await alertsIn()).toEqual(first);
    expect(await Promise.all(first.map(async (f) => (await stat(join(outbox, f))).mtimeMs))).toEqual(stamps);
  }, 150_000);

  it('says how to get redis-server when it is missing, and exits non-zero', async () => {
    const child = spawn(node, ['bin/uitkijk.js', 'start', '--port', '0', '--data-dir', join(dir, 'no-redis')], {
      cwd: root,
      env: cleanEnv({ PATH: '/nonexistent' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).not.toBe(0);
    expect(err).toContain('apt-get install redis-server');
    expect(err).toMatch(/redis-server staat niet op het PATH/);
    expect(err).toContain('brew install redis');
    expect(err).toContain('docker compose up redis');
  }, 30_000);
});
