// A worker killed (SIGKILL) in the middle of its work loses nothing and sends nothing twice:
// after a restart every flagged item is classified and alerted exactly once. The kill lands
// while the mail server stalls, after the e-mails it did accept have their sent marks — the
// state a crash leaves almost always. The one window that cannot be closed over SMTP (the
// server took the message, the worker died before recording it) has a test of its own: the
// alert is sent again and counted as a possible resend.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectorRegistry } from '../../connectors/registry.ts';
import { startRuntime } from '../../src/cli/runtime.ts';
import { createClassifier } from '../../src/classify/index.ts';
import { parseConfig } from '../../src/config/load.ts';
import { createContext } from '../../src/context.ts';
import type { Item } from '../../src/item.ts';
import { CLASSIFY_BATCH } from '../../src/pipeline/queues.ts';
import { decide } from '../../src/policy.ts';
import { findingId } from '../../src/finding.ts';
import { batchJobId } from '../../workers/fetch.ts';
import { startRedis } from '../store/redis-server.ts';
import { lindeReply, lindeYaml } from '../support/linde.ts';
import { startSmtp } from '../support/smtp.ts';
import type { SmtpCapture } from '../support/smtp.ts';
import { waitFor } from '../support/wait.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const node = join(root, 'node_modules/node/bin/node');

const YAML = lindeYaml('http://127.0.0.1:9/feed.xml');

let redis: Awaited<ReturnType<typeof startRedis>>;
let smtp: SmtpCapture;
let dir: string;

beforeAll(async () => {
  redis = await startRedis();
  smtp = await startSmtp();
  dir = await mkdtemp(join(tmpdir(), 'uitkijk-killed-'));
});
afterAll(async () => {
  await smtp.close();
  await redis.stop();
  await rm(dir, { recursive: true, force: true });
});

function items(n: number): Item[] {
  return Array.from({ length: n }, (_, i) =>
    lindeReply(i, i % 20 === 7 ? `kankerschool, ik maak jullie allemaal af (${i})` : `Mooie foto's van de open dag, nummer ${i}!`),
  );
}

const findingOf = (raw: string) => /^X-Uitkijk-Finding: (\S+)/im.exec(raw)?.[1];

describe('a worker killed mid-batch', () => {
  it('after a restart classifies and alerts every flagged item exactly once', async () => {
    const configPath = join(dir, 'uitkijk.yaml');
    await writeFile(configPath, YAML);
    const config = parseConfig(YAML, configPath);
    const deployment = 'killed';
    const all = items(3 * CLASSIFY_BATCH);
    const classifier = createClassifier();
    const expected = new Set(all.filter((i) => decide(classifier.classify(i.text), i, config.thresholds).alert).map((i) => findingId(i)));
    expect(expected.size).toBe(30);

    // The fetch worker's part, done here: the batches wait in the classify queue.
    const log = pino({ level: 'silent' });
    const ctx = createContext({ config, log, redisUrl: redis.url, dataDir: dir, deployment, env: { SMTP_URL: smtp.url }, alertLeaseMs: 2000 });
    const batches: Item[][] = [];
    for (let i = 0; i < all.length; i += CLASSIFY_BATCH) batches.push(all.slice(i, i + CLASSIFY_BATCH));
    await ctx.queues.classify.addBulk(
      batches.map((b) => ({
        name: 'classify',
        data: { source: 'blog', items: b },
        opts: {
          jobId: batchJobId(
            'blog',
            b.map((i) => i.id),
          ),
        },
      })),
    );

    // The first worker gets three e-mails out, then the mail server stalls and it is killed.
    smtp.holdAfter(3);
    const child = spawn(node, ['test/pipeline/worker-child.ts', configPath, redis.url, deployment, dir], {
      cwd: root,
      env: { ...process.env, SMTP_URL: smtp.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let childOut = '';
    child.stdout.on('data', (c: Buffer) => (childOut += c.toString()));
    child.stderr.on('data', (c: Buffer) => (childOut += c.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const sentMarks = async () => (await ctx.redis.keys(`${ctx.keys.prefix}:alert:sent:*`)).length;
    // Kill when the three accepted e-mails are recorded and the next ones wait at the server.
    await waitFor(
      `three e-mails sent and recorded by the first worker (${childOut})`,
      async () => smtp.received.length >= 3 && (await sentMarks()) === 3 && smtp.held() > 0,
      30_000,
    );
    const active = await ctx.queues.alert.getActiveCount();
    child.kill('SIGKILL');
    await exited;
    expect(active).toBeGreaterThan(0); // it died with work in hand
    const sentBefore = smtp.received.length;
    expect(sentBefore).toBe(3);
    smtp.release();

    // A new worker takes over: stalled jobs come back once the dead worker's locks expire.
    const runtime = await startRuntime({
      ctx,
      connectors: createConnectorRegistry(),
      queues: ['classify', 'alert'],
      schedulers: false,
      web: false,
      workerOptions: { lockDuration: 1500, stalledInterval: 500, maxStalledCount: 10 },
    });
    try {
      await waitFor('an e-mail for every flagged item', async () => new Set(smtp.received.map((m) => findingOf(m.raw))).size >= expected.size, 60_000);
      // Every alert job has finished: a duplicate, if any, would have been sent by now.
      await waitFor(
        'the alert queue to be empty',
        async () => (await ctx.queues.alert.count()) === 0 && (await ctx.queues.alert.getActiveCount()) === 0,
        30_000,
      );
      const ids = smtp.received.map((m) => findingOf(m.raw));
      expect(new Set(ids)).toEqual(expected);
      expect(ids).toHaveLength(expected.size);
      expect(await ctx.queues.classify.getFailedCount()).toBe(0);
      expect(await ctx.queues.alert.getFailedCount()).toBe(0);
      for (const id of expected) expect((await ctx.store.getFinding(id))?.status).toBe('open');
    } finally {
      await runtime.close();
      await ctx.close();
    }
  }, 120_000);

  it('sends again, once, what the mail server took just before the worker died, and counts it as a possible resend', async () => {
    const configPath = join(dir, 'window.yaml');
    await writeFile(configPath, YAML);
    const config = parseConfig(YAML, configPath);
    const deployment = 'killed-window';
    const all = items(20);
    const classifier = createClassifier();
    const expected = new Set(all.filter((i) => decide(classifier.classify(i.text), i, config.thresholds).alert).map((i) => findingId(i)));
    expect(expected.size).toBe(1);
    smtp.received.length = 0;
    const log = pino({ level: 'silent' });
    const ctx = createContext({ config, log, redisUrl: redis.url, dataDir: dir, deployment, env: { SMTP_URL: smtp.url }, alertLeaseMs: 2000 });
    await ctx.queues.classify.add('classify', { source: 'blog', items: all });

    // The server keeps the first message and never answers; the worker is killed meanwhile.
    smtp.swallowNext();
    const child = spawn(node, ['test/pipeline/worker-child.ts', configPath, redis.url, deployment, dir], {
      cwd: root,
      env: { ...process.env, SMTP_URL: smtp.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await waitFor('the server to have taken one message without answering', () => smtp.swallowed() === 1, 30_000);
    const taken = findingOf(smtp.received[0]!.raw);
    child.kill('SIGKILL');
    await exited;

    const runtime = await startRuntime({
      ctx,
      connectors: createConnectorRegistry(),
      queues: ['classify', 'alert'],
      schedulers: false,
      web: false,
      workerOptions: { lockDuration: 1500, stalledInterval: 500, maxStalledCount: 10 },
    });
    try {
      await waitFor(
        'the alert queue to be empty',
        async () => (await ctx.queues.alert.count()) === 0 && (await ctx.queues.alert.getActiveCount()) === 0 && smtp.received.length >= expected.size + 1,
        60_000,
      );
      const ids = smtp.received.map((m) => findingOf(m.raw));
      expect(new Set(ids)).toEqual(expected);
      // Exactly one duplicate, of the message taken in the window, and the metric says so.
      expect(ids.filter((id) => id === taken)).toHaveLength(2);
      expect(ids).toHaveLength(expected.size + 1);
      const resends = (await ctx.metrics.registry.getSingleMetric('uitkijk_alert_possible_resends_total')?.get())?.values[0]?.value;
      expect(resends).toBe(1);
    } finally {
      await runtime.close();
      await ctx.close();
    }
  }, 120_000);

  it('delivers an alert whose worker is killed under it again and again: the stall check never gives up on an alert', async () => {
    const configPath = join(dir, 'stalls.yaml');
    await writeFile(configPath, YAML);
    const config = parseConfig(YAML, configPath);
    const deployment = 'killed-stalls';
    const all = items(8);
    smtp.received.length = 0;
    const ctx = createContext({
      config,
      log: pino({ level: 'silent' }),
      redisUrl: redis.url,
      dataDir: dir,
      deployment,
      env: { SMTP_URL: smtp.url },
      alertLeaseMs: 2000,
    });
    try {
      await ctx.queues.classify.add('classify', { source: 'blog', items: all });
      // BullMQ's own limit is one stall: three deaths under the same alert would fail it for good.
      const env = { ...process.env, SMTP_URL: smtp.url, UITKIJK_TEST_MAX_STALLED: '1' };
      const KILLS = 3;
      const swallowedBefore = smtp.swallowed();
      for (let k = 0; k < KILLS; k++) {
        smtp.swallowNext();
        const child = spawn(node, ['test/pipeline/worker-child.ts', configPath, redis.url, deployment, dir], { cwd: root, env, stdio: 'ignore' });
        const exited = new Promise((resolve) => child.once('exit', resolve));
        await waitFor(`death ${k + 1}: the server to have taken the alert without answering`, () => smtp.swallowed() === swallowedBefore + k + 1, 60_000);
        child.kill('SIGKILL');
        await exited;
      }
      const child = spawn(node, ['test/pipeline/worker-child.ts', configPath, redis.url, deployment, dir], { cwd: root, env, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        await waitFor(
          'the alert to be delivered',
          async () => smtp.received.length === KILLS + 1 && (await ctx.queues.alert.count()) === 0 && (await ctx.queues.alert.getActiveCount()) === 0,
          60_000,
        ).catch(async (err: Error) => {
          throw new Error(
            `${err.message}: ${JSON.stringify({ mails: smtp.received.length, swallowed: smtp.swallowed(), alert: await ctx.queues.alert.getJobCounts() })}`,
          );
        });
      } finally {
        child.kill('SIGTERM');
        await exited;
      }
      expect(await ctx.queues.alert.getFailedCount()).toBe(0);
      const ids = new Set(smtp.received.map((m) => findingOf(m.raw)));
      expect(ids.size).toBe(1);
    } finally {
      await ctx.close();
    }
  }, 180_000);
});
