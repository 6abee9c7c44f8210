// The consumer's side of the stream bench (bench/stream.ts starts it with the launcher's flags):
// a process that holds what a fetching worker holds (`uitkijk worker --queues fetch`) and
// nothing of the bench harness — the config of the generated schools, the context, the
// Jetstream consumer. It reads `events` events from the local Jetstream, then prints its figures
// as one line of JSON: rate, matched and queued posts, the kernel's peak resident size (VmHWM)
// and the live heap.
//
//   node bench/stream-consumer.ts SCHOOLS EVENTS JETSTREAM_URL APPVIEW_URL REDIS_URL

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { jetstreamConsumerFor } from '../connectors/jetstream.ts';
import { configSchema } from '../src/config/schema.ts';
import { createContext } from '../src/context.ts';
import { schoolName } from './school-names.ts';

const KINDS = ['Basisschool', 'OBS', 'CBS', 'College', 'Lyceum', 'Montessorischool'];

/** The 10,000 schools' config, validated by the schema (a YAML file of them would measure the YAML loader). */
function benchConfig(schools: number, jetUrl: string, appviewUrl: string) {
  const names = Array.from({ length: schools }, (_, i) => schoolName(i));
  return configSchema.parse({
    schools: names.map((name, i) => ({
      id: `s${i}`,
      name: `${KINDS[i % KINDS.length]} ${name}`,
      keywords: [`${KINDS[i % KINDS.length]} ${name}`, { phrase: name, context: ['school', 'juf', 'meester'] }, `#school${i}`],
      handles: [`school${i}.test`],
      alertRecipients: [`communicatie@s${i}.example.nl`],
    })),
    sources: [{ id: 'stream', kind: 'jetstream', url: jetUrl, appview: appviewUrl }],
    mail: { from: 'uitkijk@vivente.example.nl' },
  });
}

/** The consumer's side, in its own process: reads `events` events, then prints its figures as JSON. */
async function consume(schools: number, events: number, jetUrl: string, appviewUrl: string, redisUrl: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'uitkijk-bench-stream-'));
  const ctx = createContext({
    config: benchConfig(schools, jetUrl, appviewUrl),
    log: pino({ level: 'silent' }),
    redisUrl,
    dataDir,
    deployment: 'bench-stream',
  });
  const consumer = jetstreamConsumerFor(ctx, 'stream', { flushMs: 200, cursorEveryMs: 1_000 });
  consumer.start();
  let started = 0;
  let peakLive = 0;
  let lastGc = performance.now();
  for (;;) {
    const st = consumer.status();
    if (st.events > 0 && started === 0) started = performance.now();
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
  rmSync(dataDir, { recursive: true, force: true });
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  process.stdout.write(
    JSON.stringify({
      schools,
      indexBuildMs: st.indexBuildMs ?? -1,
      events,
      eventsPerSecond: Math.round(events / seconds),
      matched: st.matched,
      queued: st.queued,
      peakRssMb: Math.round(kb('VmHWM') / 1024),
      peakLiveHeapMb: Math.round(peakLive / 2 ** 20),
    }) + '\n',
  );
}

const [n, e, jetUrl, appviewUrl, redisUrl] = process.argv.slice(2);
await consume(Number(n), Number(e), jetUrl!, appviewUrl!, redisUrl!);
