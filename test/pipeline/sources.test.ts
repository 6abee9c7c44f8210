// Sources in a running pipeline. Fault 6: a source that hangs held a fetch slot per scheduled
// run and per retry, so with four slots a healthy source was read every 90 s instead of every
// 10; now one fetch of a source runs at a time and a hanging source holds one slot at most.
// Fault 16: the metrics count new items and items read again apart. Fault 10: everything
// uitkijk stores under its own keys expires (BullMQ's own bookkeeping holds no texts).
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectorRegistry } from '../../connectors/registry.ts';
import { startRuntime } from '../../src/cli/runtime.ts';
import { parseConfig } from '../../src/config/load.ts';
import { createContext } from '../../src/context.ts';
import { startRedis } from '../store/redis-server.ts';
import { startFeedServer, wordpressCommentFeed } from '../support/feed-server.ts';
import type { FeedServer } from '../support/feed-server.ts';
import { startSmtp } from '../support/smtp.ts';
import type { SmtpCapture } from '../support/smtp.ts';
import { lindeConfig } from '../support/linde.ts';
import { drain, waitFor } from '../support/wait.ts';

let redis: Awaited<ReturnType<typeof startRedis>>;
let smtp: SmtpCapture;
let feeds: FeedServer;
let dir: string;
let hanging = 0;
let hangingMax = 0;
const held: ServerResponse[] = [];

const comments = (n: number, flagged = -1) =>
  wordpressCommentFeed(
    'Reacties',
    'https://blog.example.nl',
    Array.from({ length: n }, (_, k) => ({
      guid: `c-${k}`,
      title: `Reactie ${k}`,
      link: `https://blog.example.nl/#c-${k}`,
      author: 'Lezer',
      html: k === flagged ? '<p>die juf is een vuile tyfuslijer</p>' : `<p>Leuke dag, nummer ${k}.</p>`,
      date: new Date(Date.UTC(2026, 10, 20, 12, k)),
    })),
  );

beforeAll(async () => {
  redis = await startRedis();
  smtp = await startSmtp();
  dir = await mkdtemp(join(tmpdir(), 'uitkijk-sources-'));
  feeds = await startFeedServer({
    '/healthy.xml': comments(3),
    // Accepts the request and never answers, like a server that hangs.
    '/hang.xml': (_req: IncomingMessage, res: ServerResponse) => {
      hanging++;
      hangingMax = Math.max(hangingMax, hanging);
      held.push(res);
      res.on('close', () => hanging--);
    },
  });
});
afterAll(async () => {
  for (const res of held) res.destroy();
  await feeds.close();
  await smtp.close();
  await redis.stop();
  await rm(dir, { recursive: true, force: true });
});

const yaml = (sources: string) => lindeConfig(sources, 'fetch:\n  timeout: 4s\n');
describe('a source that hangs', () => {
  it('holds one fetch slot at most, so a healthy source keeps its own schedule', async () => {
    const config = parseConfig(
      yaml(`  - id: traag
    kind: rss
    school: linde
    url: ${feeds.url}/hang.xml
    context: reply
    schedule: { every: 1s }
  - id: gezond
    kind: rss
    school: linde
    url: ${feeds.url}/healthy.xml
    context: reply
    schedule: { every: 1s }`),
      'test.yaml',
    );
    const ctx = createContext({
      config,
      log: pino({ level: 'silent' }),
      redisUrl: redis.url,
      dataDir: dir,
      deployment: 'hanging',
      env: { SMTP_URL: smtp.url },
    });
    // Two fetch slots: before, the hanging source's runs and retries took both.
    const runtime = await startRuntime({
      ctx,
      connectors: createConnectorRegistry(),
      queues: ['fetch'],
      schedulers: true,
      web: false,
      concurrency: { fetch: 2 },
    });
    try {
      const healthy = () => feeds.requests.filter((r) => r.path === '/healthy.xml').length;
      const start = healthy();
      // Six runs of the healthy source (one a second), over several hanging attempts (4 s each).
      await waitFor('six reads of the healthy source', () => healthy() - start >= 6, 20_000);
      expect(hangingMax).toBe(1);
      const skipped = await ctx.metrics.registry.getSingleMetric('uitkijk_fetch_skipped_total')?.get();
      expect(skipped?.values.find((v) => v.labels.source === 'traag' && v.labels.reason === 'busy')?.value).toBeGreaterThan(0);
    } finally {
      await runtime.close();
      await ctx.close();
    }
  }, 60_000);
});

describe('metrics and storage of a running source', () => {
  it('counts new items and items read again apart, and everything of its own expires', async () => {
    feeds.set('/reread.xml', comments(4, 2));
    const config = parseConfig(
      yaml(`  - id: blog
    kind: rss
    school: linde
    url: ${feeds.url}/reread.xml
    context: reply
    schedule: { every: 1h }`),
      'test.yaml',
    );
    const ctx = createContext({ config, log: pino({ level: 'silent' }), redisUrl: redis.url, dataDir: dir, deployment: 'reread', env: { SMTP_URL: smtp.url } });
    const runtime = await startRuntime({ ctx, connectors: createConnectorRegistry(), schedulers: false, web: false });
    try {
      await ctx.queues.fetch.add('fetch', { source: 'blog' });
      await drain(ctx.queues);
      // The same feed with one more comment (and a new ETag): four read again, one new.
      feeds.set('/reread.xml', comments(5, 2));
      await ctx.queues.fetch.add('fetch', { source: 'blog' });
      await drain(ctx.queues);
      const fetched = await ctx.metrics.registry.getSingleMetric('uitkijk_items_fetched_total')?.get();
      const count = (status: string) => fetched?.values.find((v) => v.labels.source === 'blog' && v.labels.status === status)?.value;
      expect(count('new')).toBe(5);
      expect(count('seen')).toBe(4);
      await waitFor('the alert', () => smtp.received.some((m) => m.raw.includes('X-Uitkijk-Finding')));

      // Every key of uitkijk's own (not BullMQ's queue bookkeeping) has a time to live.
      const ours = (await ctx.redis.keys(`${ctx.keys.prefix}:*`)).filter((k) => !/^uitkijk:\{reread\}:(fetch|classify|alert|digest):/.test(k));
      expect(ours.length).toBeGreaterThan(3);
      for (const key of ours) expect(await ctx.redis.pttl(key), key).toBeGreaterThan(0);
    } finally {
      await runtime.close();
      await ctx.close();
    }
  }, 60_000);
});
