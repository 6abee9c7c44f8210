// Fault 1 of the hardening issue: alerts were lost when the mail server was down for more than
// about 30 s (five attempts, then the failed set, where nothing sends them). Now an alert is
// retried with a capped back-off until the mail server takes it, across a restart, and while
// it waits it shows on /healthz and /metrics. The back-off is shortened for the test; the
// number of attempts is the product's own.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectorRegistry } from '../../connectors/registry.ts';
import { startRuntime } from '../../src/cli/runtime.ts';
import { createClassifier } from '../../src/classify/index.ts';
import { parseConfig } from '../../src/config/load.ts';
import { createContext } from '../../src/context.ts';
import { findingId } from '../../src/finding.ts';
import type { Item } from '../../src/item.ts';
import { decide } from '../../src/policy.ts';
import { startRedis } from '../store/redis-server.ts';
import { lindeReply, lindeYaml } from '../support/linde.ts';
import { startSmtp } from '../support/smtp.ts';
import type { SmtpCapture } from '../support/smtp.ts';
import { waitFor } from '../support/wait.ts';

const YAML = lindeYaml();

const TEXTS = [
  'kankerschool, ik maak jullie allemaal af',
  'die conciërge is een vuile tyfuslijer',
  'bel de juf maar op haar 06: 06-98765432',
  'ik steek je neer na de les, wacht maar',
  'wat een stelletje debielen daar, kutschool',
  'iemand moet die directeur eens flink in elkaar slaan',
];

let redis: Awaited<ReturnType<typeof startRedis>>;
let smtp: SmtpCapture;
let dir: string;

beforeAll(async () => {
  redis = await startRedis();
  smtp = await startSmtp();
  dir = await mkdtemp(join(tmpdir(), 'uitkijk-smtp-outage-'));
});
afterAll(async () => {
  await smtp.close();
  await redis.stop();
  await rm(dir, { recursive: true, force: true });
});

const item = (i: number): Item => lindeReply(i, TEXTS[i]!);

describe('the mail server down for longer than the old retry window', () => {
  it('retries every alert until it is delivered, across a restart, showing them as waiting meanwhile', async () => {
    const config = parseConfig(YAML, 'test.yaml');
    const items = TEXTS.map((_, i) => item(i));
    const classifier = createClassifier();
    const expected = new Set(items.filter((i) => decide(classifier.classify(i.text), i, config.thresholds).alert).map(findingId));
    expect(expected.size).toBe(TEXTS.length);

    const log = pino({ level: 'silent' });
    const make = () =>
      createContext({
        config,
        log,
        redisUrl: redis.url,
        dataDir: dir,
        deployment: 'smtp-outage',
        env: { SMTP_URL: smtp.url },
        alertRetry: { baseMs: 100, maxMs: 400 },
      });
    await smtp.down();

    let ctx = make();
    let runtime = await startRuntime({
      ctx,
      connectors: createConnectorRegistry(),
      queues: ['classify', 'alert'],
      schedulers: false,
      web: { host: '127.0.0.1', port: 0 },
    });
    await ctx.queues.classify.add('classify', { source: 'blog', items });
    // Past the old limit of five attempts, every alert is still being retried, none failed.
    await waitFor(
      'every alert to have failed more than five times',
      async () => {
        const delayed = await ctx.queues.alert.getDelayed();
        return delayed.length === expected.size && delayed.every((j) => j.attemptsMade > 5);
      },
      30_000,
    );
    expect(await ctx.queues.alert.getFailedCount()).toBe(0);
    const health = (await (await fetch(`${runtime.webUrl}/healthz`)).json()) as { alertsWaitingForSmtp: number; smtp: string; alertsWaitingSince?: string };
    expect(health.alertsWaitingForSmtp).toBe(expected.size);
    expect(health.smtp).toBe('meldingen wachten');
    expect(health.alertsWaitingSince).toBeTruthy();
    const metrics = await (await fetch(`${runtime.webUrl}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`^uitkijk_alerts_waiting_for_smtp ${expected.size}$`, 'm'));

    // A restart while they wait: they are in Redis, not in the process.
    await runtime.close();
    await ctx.close();
    ctx = make();
    runtime = await startRuntime({ ctx, connectors: createConnectorRegistry(), queues: ['classify', 'alert'], schedulers: false, web: false });
    try {
      await smtp.up();
      await waitFor('every alert delivered', () => smtp.received.length >= expected.size, 30_000);
      await waitFor('the alert queue to be empty', async () => (await ctx.queues.alert.count()) === 0);
      const ids = smtp.received.map((m) => /^X-Uitkijk-Finding: (\S+)/im.exec(m.raw)?.[1]);
      expect(new Set(ids)).toEqual(expected);
      expect(ids).toHaveLength(expected.size);
      expect(await ctx.queues.alert.getFailedCount()).toBe(0);
      expect(await ctx.alerts.waiting()).toEqual({ count: 0, oldestSince: null });
    } finally {
      await runtime.close();
      await ctx.close();
    }
  }, 90_000);
});
