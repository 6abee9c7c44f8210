// Pipeline bench: items per second from a fetch job through classification to stored findings,
// with the real workers, BullMQ and a local redis-server, and Redis work per item from the
// server's own counters (every connection): commands executed, including those a Lua script
// runs, and client reads, i.e. round trips (a pipeline or MULTI arrives in one read). The
// figures include the bench's own polling of the queue counts (every 100 ms).
// The connector is synthetic (it hands out a prepared batch at once) so the figure measures
// uitkijk, not a platform's latency. `runPipeline` takes any REDIS_URL (bench/cluster.ts runs
// it on a Redis Cluster); on a cluster the server counters are summed over its masters.

import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from 'ioredis';
import { pino } from 'pino';
import { createContext } from '../src/context.ts';
import { parseConfig } from '../src/config/load.ts';
import type { Item } from '../src/item.ts';
import { startRuntime } from '../src/cli/runtime.ts';
import type { RedisClient } from '../src/redis/connect.ts';
import type { Connector, Source } from '../connectors/types.ts';
import { startRedis } from '../test/store/redis-server.ts';

function texts(): string[] {
  const file = new URL('../../shared/data/comments-dev.jsonl', import.meta.url);
  if (existsSync(file)) {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { text: string }).text);
  }
  return readFileSync(new URL('./sample-comments.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean);
}

const CONFIG = `
schools:
  - id: bench
    name: Bench School
    keywords: [Bench]
    alertRecipients: [team@bench.example.nl]
sources:
  - id: bench-src
    kind: rss
    school: bench
    url: http://127.0.0.1:9/feed.xml
    context: reply
    schedule: { every: 1h }
mail:
  from: uitkijk@bench.example.nl
`;

/** Commands executed (also those inside Lua scripts) and client reads (≈ round trips: a pipeline arrives in one read). */
async function counters(redis: RedisClient): Promise<{ commands: number; reads: number }> {
  const servers = redis instanceof Cluster ? redis.nodes('master') : [redis];
  const infos = await Promise.all(servers.map((r) => r.info('stats')));
  const sum = (re: RegExp) => infos.reduce((n, info) => n + Number(re.exec(info)?.[1] ?? 0), 0);
  return { commands: sum(/total_commands_processed:(\d+)/), reads: sum(/total_reads_processed:(\d+)/) };
}

export type PipelineFigures = Record<string, number | string>;

/** The bench on a private local redis-server. */
export async function benchPipeline(itemsTotal = 50_000): Promise<PipelineFigures> {
  const server = await startRedis();
  try {
    return await runPipeline(server.url, itemsTotal);
  } finally {
    await server.stop();
  }
}

/** The bench against the Redis at `redisUrl` (redis://…, redis+cluster://… or a socket path). */
export async function runPipeline(redisUrl: string, itemsTotal = 50_000): Promise<PipelineFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'uitkijk-bench-'));
  const corpus = texts();
  const now = new Date().toISOString();
  const items: Item[] = Array.from({ length: itemsTotal }, (_, i) => ({
    id: `bench-${i}`,
    source: 'bench-src',
    platform: 'bench',
    context: 'reply',
    url: `https://example.nl/c/${i}`,
    author: { handle: `user${i % 500}` },
    text: corpus[i % corpus.length]!,
    createdAt: now,
    media: { kinds: [], count: 0 },
    school: 'bench',
  }));
  let handedOut = false;
  const connector: Connector<'rss'> = {
    kind: 'rss',
    async fetch() {
      const batch = handedOut ? [] : items;
      handedOut = true;
      return { items: batch, cursor: 'done', skipped: [] };
    },
  };
  const log = pino({ level: 'silent' });
  const ctx = createContext({ config: parseConfig(CONFIG, 'bench.yaml'), log, redisUrl, dataDir });
  const runtime = await startRuntime({
    ctx,
    connectors: { get: <K extends Source['kind']>() => connector as unknown as Connector<K> },
    queues: ['fetch', 'classify'],
    schedulers: false,
    web: false,
  });
  try {
    const before = await counters(ctx.redis);
    const t0 = performance.now();
    await ctx.queues.fetch.add('fetch', { source: 'bench-src' });
    // Done when the fetch ran and every classify job it queued has finished.
    for (;;) {
      const [f, c] = await Promise.all([
        ctx.queues.fetch.getJobCounts('waiting', 'active', 'delayed'),
        ctx.queues.classify.getJobCounts('waiting', 'active', 'delayed', 'failed'),
      ]);
      if (handedOut && !f.waiting && !f.active && !f.delayed && !c.waiting && !c.active && !c.delayed) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - t0) / 1000;
    const after = await counters(ctx.redis);
    const commands = after.commands - before.commands;
    const roundTrips = after.reads - before.reads;
    const stored = await ctx.findings.listByStatus('open', itemsTotal);
    return {
      items: itemsTotal,
      findingsStored: stored.length,
      seconds: Math.round(seconds * 100) / 100,
      itemsPerSecond: Math.round(itemsTotal / seconds),
      redisCommands: commands,
      redisCommandsPerItem: Math.round((commands / itemsTotal) * 1000) / 1000,
      redisRoundTrips: roundTrips,
      redisRoundTripsPerItem: Math.round((roundTrips / itemsTotal) * 1000) / 1000,
    };
  } finally {
    await runtime.close();
    await ctx.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
