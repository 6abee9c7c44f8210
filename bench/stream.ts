// The Jetstream source end to end, on one machine: a local Jetstream (bench/stream-server.ts, in
// its own process) pours one million distinct post events into the real consumer as fast as it takes them, with
// 10,000 schools' keywords and accounts loaded (generated names, as Dutch school names are);
// about one post in a hundred concerns a school and is read from a local stand-in AppView, then
// queued for classification in a local redis-server. Figures: events per second, matched and
// queued posts, resident memory, and the index's build time.

import { createServer } from 'node:http';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { jetstreamConsumerFor } from '../connectors/jetstream.ts';
import { configSchema } from '../src/config/schema.ts';
import { createContext } from '../src/context.ts';
import { buildPostIndex } from '../src/match/concerns.ts';
import { startRedis } from '../test/store/redis-server.ts';
import { schoolName } from './stream-server.ts';

const KINDS = ['Basisschool', 'OBS', 'CBS', 'College', 'Lyceum', 'Montessorischool'];

export async function benchStream(schools = 10_000, events = 1_000_000): Promise<Record<string, number>> {
  const names = Array.from({ length: schools }, (_, i) => schoolName(i));
  // The config as an object, validated by the schema (a YAML file of 10,000 schools would
  // measure the YAML loader, which takes some 400 MB for a moment, not the consumer).
  const configInput = {
    schools: names.map((name, i) => ({
      id: `s${i}`,
      name: `${KINDS[i % KINDS.length]} ${name}`,
      keywords: [`${KINDS[i % KINDS.length]} ${name}`, { phrase: name, context: ['school', 'juf', 'meester'] }, `#school${i}`],
      handles: [`school${i}.test`],
      alertRecipients: [`communicatie@s${i}.example.nl`],
    })),
    sources: [{ id: 'stream', kind: 'jetstream', url: 'ws://127.0.0.1:1/subscribe', appview: 'http://127.0.0.1:1' }],
    mail: { from: 'uitkijk@vivente.example.nl' },
  };

  // The stand-in AppView: every handle resolves, every asked-for post exists.
  const appview = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json');
    if (url.pathname.endsWith('resolveHandle')) {
      res.end(JSON.stringify({ did: `did:plc:${url.searchParams.get('handle')!.replace('.test', '')}` }));
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

  // The Jetstream in a process of its own: making a million events must not take the consumer's
  // core or memory, so this process's resident memory is the consumer's.
  const server = spawn(process.execPath, [fileURLToPath(new URL('./stream-server.ts', import.meta.url)), String(events), String(schools)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const jetUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    server.once('error', reject);
  });
  const redis = await startRedis();
  const dataDir = mkdtempSync(join(tmpdir(), 'uitkijk-bench-stream-'));
  configInput.sources[0]!.url = jetUrl;
  configInput.sources[0]!.appview = appviewUrl;
  const config = configSchema.parse(configInput);
  const t0 = performance.now();
  const index = buildPostIndex(config.schools.map((x, i) => ({ id: x.id, dids: [`did:plc:school${i}`], keywords: x.keywords })));
  const buildMs = performance.now() - t0;
  const ctx = createContext({ config, log: pino({ level: 'silent' }), redisUrl: redis.url, dataDir, deployment: 'bench-stream' });
  const consumer = jetstreamConsumerFor(ctx, 'stream', { flushMs: 200, cursorEveryMs: 1_000 });
  consumer.start();
  let started = 0;
  let peakRss = 0;
  let peakHeap = 0;
  let peakLive = 0;
  let lastGc = performance.now();
  for (;;) {
    const st = consumer.status();
    if (st.events > 0 && started === 0) started = performance.now();
    const mem = process.memoryUsage();
    peakRss = Math.max(peakRss, mem.rss);
    peakHeap = Math.max(peakHeap, mem.heapUsed);
    // Twice a second a full collection, to see what is live (heapUsed also counts garbage).
    if (globalThis.gc && performance.now() - lastGc > 500) {
      globalThis.gc();
      peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
      lastGc = performance.now();
    }
    if (st.events >= events) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - started) / 1000;
  await consumer.stop(); // hands on the posts still waiting for their AppView check
  const st = consumer.status();
  await ctx.close();
  server.stdin.end();
  await new Promise((resolve) => server.once('exit', resolve));
  await redis.stop();
  appview.close();
  rmSync(dataDir, { recursive: true, force: true });
  void index;
  return {
    schools,
    indexBuildMs: Math.round(buildMs),
    events,
    eventsPerSecond: Math.round(events / seconds),
    matched: st.matched,
    queued: st.queued,
    peakRssMb: Math.round(peakRss / 2 ** 20),
    consumerPeakHeapMb: Math.round(peakHeap / 2 ** 20),
    consumerPeakLiveHeapMb: Math.round(peakLive / 2 ** 20),
  };
}
