// A worker in its own process, for the tests that kill one with SIGKILL.
// Arguments: config file, Redis URL (redis://… or redis+cluster://…), deployment, data dir,
// and optionally the queues to work on (comma-separated, default `classify,alert`) and a worker
// name (stored by BullMQ on every job it takes, as the job's `processedBy`). SMTP_URL from the
// environment. Short locks and alert leases, so the test does not wait minutes for another
// worker to take over. UITKIJK_TEST_POISON=<marker> makes the process die (SIGKILL, as an
// out-of-memory kill would) when it classifies a text holding the marker; UITKIJK_TEST_MAX_STALLED
// and UITKIJK_TEST_RESCUE_MS shorten BullMQ's stall limit and the rescue of failed batches.
// UITKIJK_TEST_STREAMS=1 runs the config's stream sources (Jetstream) with short lease times and
// prints `stream holder` / `stream standby` whenever this process's role changes.
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { createConnectorRegistry } from '../../connectors/registry.ts';
import { startRuntime } from '../../src/cli/runtime.ts';
import { parseConfig } from '../../src/config/load.ts';
import { createContext } from '../../src/context.ts';
import { QUEUE_NAMES } from '../../src/pipeline/queues.ts';
import type { QueueName } from '../../src/pipeline/queues.ts';

const [configPath, redisUrl, deployment, dataDir, queueList = 'classify,alert', name] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string | undefined,
  string | undefined,
];
const queues = queueList.split(',').filter(Boolean) as QueueName[];
const unknown = queues.filter((q) => !(QUEUE_NAMES as readonly string[]).includes(q));
if (unknown.length) throw new Error(`worker-child: unknown queue(s) ${unknown.join(', ')}`);
const ctx = createContext({
  config: parseConfig(readFileSync(configPath, 'utf8'), configPath),
  log: pino({ level: 'warn' }),
  redisUrl,
  dataDir,
  deployment,
  env: { SMTP_URL: process.env.SMTP_URL },
  alertLeaseMs: 2000,
});
const poison = process.env.UITKIJK_TEST_POISON;
if (poison) {
  const classifierFor = ctx.classifier;
  ctx.classifier = async (school) => {
    const c = await classifierFor(school);
    return {
      thresholds: c.thresholds,
      classify(text, opts) {
        if (text.includes(poison)) process.kill(process.pid, 'SIGKILL');
        return c.classify(text, opts);
      },
    };
  };
}
const runtime = await startRuntime({
  ctx,
  connectors: createConnectorRegistry(),
  queues,
  schedulers: process.env.UITKIJK_TEST_STREAMS === '1',
  streamTiming: { leaseMs: 1_500, renewMs: 300, standbyMs: 200, cursorEveryMs: 150, flushMs: 100, backoffBaseMs: 100, backoffMaxMs: 400 },
  web: false,
  rescueEveryMs: Number(process.env.UITKIJK_TEST_RESCUE_MS ?? 60_000),
  workerOptions: {
    lockDuration: Number(process.env.UITKIJK_TEST_LOCK_MS ?? 1500),
    stalledInterval: 500,
    maxStalledCount: Number(process.env.UITKIJK_TEST_MAX_STALLED ?? 10),
    ...(name ? { name } : {}),
  },
});
// Ready once every worker has its connection, so that a test can count on both competing.
await Promise.all(runtime.workers.map((w) => w.waitUntilReady()));
process.stdout.write('ready\n');
if (process.env.UITKIJK_TEST_STREAMS === '1') {
  let role = '';
  setInterval(() => {
    const now = runtime.streams()[0]?.status().role ?? 'none';
    if (now !== role) process.stdout.write(`stream ${(role = now)}\n`);
  }, 50);
}
