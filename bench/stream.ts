// The Jetstream source end to end, on one machine: a local Jetstream (bench/stream-server.ts, in
// its own process) pours one million distinct post events into the real consumer as fast as it
// takes them, with 10,000 schools' keywords and accounts loaded (generated names, as Dutch
// school names are); about one post in a hundred concerns a school and is read from a local
// stand-in AppView, then queued for classification in a local redis-server. The consumer runs
// in a process of its own as a fetching worker runs it (`uitkijk worker --queues fetch`, with the
// launcher's V8 flags and compile cache, bin/uitkijk.js), so its memory is its own and not the
// bench harness's. Figures: events per second, matched and queued posts, peak resident memory
// (the kernel's VmHWM) of a start with the compile cache filled and of a cold first start, live
// heap, and the index's build time.

import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedis } from '../test/store/redis-server.ts';

/** The V8 flags of the launcher's first line (`#!/usr/bin/env -S node …`), as production starts. */
export const LAUNCH_FLAGS = readFileSync(fileURLToPath(new URL('../bin/uitkijk.js', import.meta.url)), 'utf8')
  .split('\n')[0]!
  .split(/\s+/)
  .filter((a) => a.startsWith('--'));

export async function benchStream(schools = 10_000, events = 1_000_000): Promise<Record<string, number>> {
  // The stand-in AppView: every handle has a profile, every asked-for post exists.
  const appview = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json');
    if (url.pathname.endsWith('getProfiles')) {
      const profiles = url.searchParams.getAll('actors').map((handle) => ({ did: `did:plc:${handle.replace('.test', '')}`, handle }));
      res.end(JSON.stringify({ profiles }));
      return;
    }
    const posts = url.searchParams.getAll('uris').map((uri) => ({
      uri,
      cid: 'bafy',
      author: { did: uri.split('/')[2], handle: 'iemand.test' },
      record: { $type: 'app.bsky.feed.post', text: 'die juf van de school', createdAt: new Date().toISOString() },
      indexedAt: new Date().toISOString(),
    }));
    res.end(JSON.stringify({ posts }));
  });
  await new Promise<void>((resolve) => appview.listen(0, '127.0.0.1', resolve));
  const appviewUrl = `http://127.0.0.1:${(appview.address() as AddressInfo).port}`;

  // The compile cache as the launcher keeps it (bin/uitkijk.js), in a directory of the bench's
  // own: a first, short run starts cold and fills it; the measured run starts as every start
  // after a deployment's first does.
  const compileCache = mkdtempSync(join(tmpdir(), 'uitkijk-bench-compile-cache-'));
  try {
    const cold = await consumerRun(schools, COLD_EVENTS, appviewUrl, compileCache);
    const warm = await consumerRun(schools, events, appviewUrl, compileCache);
    return { ...warm, peakRssMbColdStart: cold.peakRssMb! };
  } finally {
    appview.close();
    rmSync(compileCache, { recursive: true, force: true });
  }
}

/** Events of the first, cold-started run: enough to load everything the consumer uses. */
const COLD_EVENTS = 20_000;

/** One Jetstream process, one redis-server and one consumer process, for `events` events; the consumer's figures. */
async function consumerRun(schools: number, events: number, appviewUrl: string, compileCache: string): Promise<Record<string, number>> {
  // The Jetstream in a process of its own: making a million events must not take the consumer's core or memory.
  const server = spawn(process.execPath, [fileURLToPath(new URL('./stream-server.ts', import.meta.url)), String(events), String(schools)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  // A redis of its own: the cold run's posts must not be in the measured run's seen-set.
  const redis = await startRedis();
  try {
    const jetUrl = await firstLine(server);
    const consumer = spawn(
      process.execPath,
      [
        ...LAUNCH_FLAGS,
        '--expose-gc',
        fileURLToPath(new URL('./stream-consumer.ts', import.meta.url)),
        String(schools),
        String(events),
        jetUrl,
        appviewUrl,
        redis.url,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_COMPILE_CACHE: compileCache } },
    );
    const [figures, code] = await Promise.all([firstLine(consumer), new Promise<number | null>((resolve) => consumer.once('exit', resolve))]);
    if (code !== 0) throw new Error(`stream bench: the consumer process ended with ${code}`);
    return JSON.parse(figures) as Record<string, number>;
  } finally {
    server.stdin.end();
    await new Promise((resolve) => server.once('exit', resolve));
    await redis.stop();
  }
}

function firstLine(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')).trim());
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`process ended (${code}) before it answered`)));
  });
}
