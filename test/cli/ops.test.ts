// Running uitkijk as an administrator does: `config check` names key and line; a running
// `uitkijk start` serves /healthz and /metrics, reloads its config on SIGHUP (refusing an
// invalid file and keeping the old one), and stops on SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, wordpressCommentFeed } from '../support/feed-server.ts';
import type { FeedServer } from '../support/feed-server.ts';
import { startRedis } from '../store/redis-server.ts';
import { lindeConfig } from '../support/linde.ts';
import { waitFor } from '../support/wait.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const node = join(root, 'node_modules/node/bin/node');
let dir: string;
let redis: Awaited<ReturnType<typeof startRedis>>;
let feeds: FeedServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'uitkijk-ops-'));
  redis = await startRedis();
  feeds = await startFeedServer({
    '/blog.xml': wordpressCommentFeed('Reacties', 'https://linde.example.nl', [
      { guid: 'c-1', title: 'Reactie', link: 'https://linde.example.nl/#c-1', author: 'Lezer', html: '<p>Leuke open dag!</p>', date: new Date() },
    ]),
  });
});
afterAll(async () => {
  await feeds.close();
  await redis.stop();
  await rm(dir, { recursive: true, force: true });
});

const config = (sources: string) => lindeConfig(sources);
const blog = () => `  - id: blog
    kind: rss
    school: linde
    url: ${feeds.url}/blog.xml
    context: reply
    schedule: { every: 1h }
`;
const news = (every: string) => `  - id: nieuws
    kind: rss
    school: linde
    url: ${feeds.url}/blog.xml
    context: mention
    schedule: { every: ${every} }
`;

describe('uitkijk config check', () => {
  it('accepts a good file and names key path and line for a bad one', async () => {
    const good = join(dir, 'good.yaml');
    await writeFile(good, config(blog()));
    const ok = spawnSync(node, ['bin/uitkijk.js', 'config', 'check', good], { cwd: root, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('in orde');
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, config(blog() + news('5 min')));
    const res = spawnSync(node, ['bin/uitkijk.js', 'config', 'check', bad], { cwd: root, encoding: 'utf8' });
    expect(res.status).toBe(1);
    const lines = config(blog() + news('5 min')).split('\n');
    const line = lines.findIndex((l) => l.includes('5 min')) + 1;
    expect(res.stderr).toContain(`${bad}:${line} sources[1].schedule.every: '5 min' is geen tijdsduur; schrijf bijvoorbeeld 5m`);
    const en = spawnSync(node, ['bin/uitkijk.js', '--lang', 'en', 'config', 'check', bad], { cwd: root, encoding: 'utf8' });
    expect(en.stderr).toContain(`${bad}:${line} sources[1].schedule.every: '5 min' is not a duration; use e.g. 5m`);
    // A valid pattern that never fires is a warning, not an error.
    const never = join(dir, 'never.yaml');
    await writeFile(never, config(blog().replace('{ every: 1h }', "{ cron: '0 0 31 2,4 *' }")));
    const w = spawnSync(node, ['bin/uitkijk.js', 'config', 'check', never], { cwd: root, encoding: 'utf8' });
    expect(w.status).toBe(0);
    expect(w.stderr).toMatch(/waarschuwing: .*sources\[0\]\.schedule\.cron: '0 0 31 2,4 \*' komt de komende vijf jaar nooit aan de beurt/);
  });
});

describe('uitkijk start: health, metrics, SIGHUP, SIGTERM', () => {
  it('serves /healthz and /metrics, reloads on SIGHUP, refuses a bad file, stops cleanly', async () => {
    const file = join(dir, 'uitkijk.yaml');
    await writeFile(file, config(blog()));
    const child = spawn(node, ['bin/uitkijk.js', 'start', '--config', file, '--port', '0', '--data-dir', join(dir, 'data')], {
      cwd: root,
      env: { ...process.env, REDIS_URL: redis.url, SMTP_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = await waitFor('the web server to listen', async () => /"url":"(http:\/\/[^"]+)"[^\n]*webserver luistert/.exec(out)?.[1] ?? false, 30_000);
      const health = async () => {
        const res = await fetch(`${url}/healthz`);
        return {
          status: res.status,
          body: (await res.json()) as { redis: string; schedulers: { source: string; next: string | null }[]; missingSchedulers: string[] },
        };
      };
      const h1 = await health();
      expect(h1.status).toBe(200);
      expect(h1.body.redis).toBe('ok');
      expect(h1.body.schedulers.map((s) => s.source)).toEqual(['blog']);

      // The scheduled fetch runs at once; its count shows in /metrics.
      const metrics = await waitFor(
        'a fetch counted in /metrics',
        async () => {
          const text = await (await fetch(`${url}/metrics`)).text();
          return /uitkijk_items_fetched_total\{source="blog",status="new"\} 1/.test(text) ? text : false;
        },
        30_000,
      );
      expect(metrics).toMatch(/# TYPE uitkijk_alerts_sent_total counter/);

      // A new source in the file, SIGHUP: it is scheduled.
      await writeFile(file, config(blog() + news('30m')));
      child.kill('SIGHUP');
      await waitFor('the new source to be scheduled', async () => (await health()).body.schedulers.length === 2, 20_000);

      // An invalid file, SIGHUP: refused with the reason in the log, the old config stays.
      await writeFile(file, config(blog() + news('5 min')));
      child.kill('SIGHUP');
      await waitFor('the refusal in the log', async () => out.includes('config reload refused'), 20_000);
      expect(out).toContain("sources[1].schedule.every: '5 min' is geen tijdsduur");
      const h3 = await health();
      expect(h3.status).toBe(200);
      expect(h3.body.schedulers.map((s) => s.source).sort()).toEqual(['blog', 'nieuws']);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(out).toContain('gestopt');
  }, 90_000);
});
