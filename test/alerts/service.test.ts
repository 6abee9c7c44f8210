// The alerts service against a real redis-server and a real SMTP server (smtp-server): one
// e-mail per finding, masked, with a stable Message-ID; a failed send is retried and noted as
// waiting for the mail server; racing workers send once; a busy lease is answered, not waited
// on; a worker that died mid-send is counted as a possible resend; in outbox mode the file is
// the proof of the send; the sender follows the config in force.
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMailer, messageIdFor, outboxName } from '../../src/alerts/mailer.ts';
import type { Mailer } from '../../src/alerts/mailer.ts';
import { createAlertService } from '../../src/alerts/service.ts';
import { parseConfig } from '../../src/config/load.ts';
import type { Config } from '../../src/config/schema.ts';
import type { Finding } from '../../src/finding.ts';
import { createMetrics } from '../../src/metrics.ts';
import { createKeys } from '../../src/store/keys.ts';
import { createAlertLedger } from '../../src/store/scripts.ts';
import { startRedis } from '../store/redis-server.ts';
import { sampleFinding } from '../store/sample.ts';
import { startSmtp } from '../support/smtp.ts';
import type { SmtpCapture } from '../support/smtp.ts';
import { parseMail } from './mime.ts';

const DAY = 24 * 3600 * 1000;
const RECIPIENTS = ['communicatie@school.example', 'directie@school.example'];
const yaml = (from: string, language = 'nl') => `
schools:
  - id: demo-school
    name: Demo-school De Linde
    keywords: [De Linde]
    alertRecipients: [${RECIPIENTS.join(', ')}]
sources: []
mail:
  from: '${from}'
  language: ${language}
review:
  baseUrl: https://uitkijk.school.example
`;

let server: Awaited<ReturnType<typeof startRedis>>;
let redis: Redis;
let smtp: SmtpCapture;
let dir: string;
let n = 0;

beforeAll(async () => {
  server = await startRedis();
  redis = new Redis(server.url);
  smtp = await startSmtp();
  dir = await mkdtemp(join(tmpdir(), 'uitkijk-alerts-'));
});
afterAll(async () => {
  redis.disconnect();
  await smtp.close();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  smtp.received.length = 0;
  n++;
});

interface Harness {
  send(id: string): ReturnType<ReturnType<typeof createAlertService>['send']>;
  service: ReturnType<typeof createAlertService>;
  ledger: ReturnType<typeof createAlertLedger>;
  keys: ReturnType<typeof createKeys>;
  metrics: ReturnType<typeof createMetrics>;
  mailer: Mailer;
  setConfig(c: Config): void;
  lines: string[];
  close(): void;
}

function harness(
  opts: { smtp?: boolean; outboxDir?: string; findings?: Finding[]; from?: string; language?: string; client?: Redis; deployment?: string } = {},
): Harness {
  const keys = createKeys(opts.deployment ?? `alerts-${n}`);
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, new Writable({ write: (c: Buffer, _e, done) => (lines.push(c.toString()), done()) }));
  let config = parseConfig(yaml(opts.from ?? 'uitkijk@school.example', opts.language), 'test.yaml');
  const ledger = createAlertLedger(opts.client ?? redis, { keys, retentionMs: () => 30 * DAY });
  const mailer = createMailer({ smtpUrl: opts.smtp === false ? undefined : smtp.url, outboxDir: opts.outboxDir ?? join(dir, `outbox-${n}`), log });
  const metrics = createMetrics();
  const findings = new Map((opts.findings ?? [sampleFinding()]).map((f) => [f.id, f]));
  const service = createAlertService({
    config: () => config,
    getFinding: async (id) => findings.get(id) ?? null,
    ledger,
    mailer,
    log,
    metrics,
    baseUrl: () => config.review.baseUrl ?? 'http://localhost:8080',
    leaseMs: 60_000,
  });
  return { send: (id) => service.send(id), service, ledger, keys, metrics, mailer, setConfig: (c) => (config = c), lines, close: () => mailer.close() };
}

const counter = async (m: ReturnType<typeof createMetrics>, name: string) => ((await m.registry.getSingleMetric(name)?.get())?.values[0]?.value ?? 0) as number;

describe('alerts over SMTP', () => {
  it('delivers one e-mail per finding to the school, text masked, with a stable Message-ID', async () => {
    const finding = sampleFinding();
    const h = harness({ findings: [finding] });
    expect(await h.send(finding.id)).toEqual({ state: 'sent' });
    expect(await h.send(finding.id)).toEqual({ state: 'already-sent' });
    h.close();
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toEqual(RECIPIENTS);
    const parsed = parseMail(mail!.raw);
    expect(parsed.subject).toContain('Demo-school De Linde');
    expect(parsed.headers.get('message-id')).toBe(messageIdFor('alert', finding.id, 'uitkijk@school.example'));
    expect(parsed.text).toContain('06-••••••78');
    expect(parsed.text).toContain(`https://uitkijk.school.example/review/f/${finding.id}`);
    expect(mail!.raw).not.toContain('12345678');
    expect(await counter(h.metrics, 'uitkijk_alerts_sent_total')).toBe(1);
    // The log knows the finding by id, never by its text or author.
    const log = h.lines.join('');
    expect(log).toContain(finding.id);
    for (const secret of ['Sanne', 'someone.test', '06-']) expect(log).not.toContain(secret);
  });

  it('keeps a failed send waiting for the mail server, releases its lease, and sends on the retry', async () => {
    const finding = sampleFinding({ id: 'rejected-once' });
    const h = harness({ findings: [finding] });
    smtp.rejectNext(1);
    await expect(h.send(finding.id)).rejects.toMatchObject({ responseCode: 451 });
    expect(await h.ledger.isAlertSent(finding.id)).toBe(false);
    expect(smtp.received).toHaveLength(0);
    expect(await redis.exists(h.keys.alertClaim(finding.id))).toBe(0);
    expect((await h.service.waiting()).count).toBe(1);
    expect(await h.send(finding.id)).toEqual({ state: 'sent' });
    expect(await h.send(finding.id)).toEqual({ state: 'already-sent' });
    h.close();
    expect(smtp.received).toHaveLength(1);
    expect(await h.service.waiting()).toEqual({ count: 0, oldestSince: null });
    // A failure that delivered nothing is not counted as a possible duplicate.
    expect(await counter(h.metrics, 'uitkijk_alert_possible_resends_total')).toBe(0);
  });

  it('sends exactly one e-mail when two workers race for the same finding, and tells the loser how long to wait', async () => {
    const finding = sampleFinding({ id: 'raced' });
    const other = new Redis(server.url);
    const a = harness({ findings: [finding], deployment: `raced-${n}` });
    const b = harness({ findings: [finding], deployment: `raced-${n}`, client: other });
    const results = await Promise.all([a.send(finding.id), b.send(finding.id)]);
    a.close();
    b.close();
    other.disconnect();
    expect(results.filter((r) => r.state === 'sent')).toHaveLength(1);
    const loser = results.find((r) => r.state !== 'sent')!;
    expect(['busy', 'already-sent']).toContain(loser.state);
    if (loser.state === 'busy') expect(loser.retryInMs).toBeGreaterThan(0);
    expect(smtp.received).toHaveLength(1);
  });

  it('counts a send after a worker died mid-send as a possible resend', async () => {
    const finding = sampleFinding({ id: 'died-mid-send' });
    const h = harness({ findings: [finding] });
    // The dead worker claimed with a short lease and never reported back.
    expect((await h.ledger.claimAlert(finding.id, 'dead-worker', 30)).state).toBe('claimed');
    while ((await redis.exists(h.keys.alertClaim(finding.id))) === 1) await new Promise((r) => setTimeout(r, 5));
    expect(await h.send(finding.id)).toEqual({ state: 'sent' });
    h.close();
    expect(smtp.received).toHaveLength(1);
    expect(await counter(h.metrics, 'uitkijk_alert_possible_resends_total')).toBe(1);
    expect(h.lines.join('')).toMatch(/mogelijk dubbel/);
  });

  it('answers "gone" for a finding that expired, and uses the sender of the config in force', async () => {
    const finding = sampleFinding({ id: 'reloaded' });
    const h = harness({ findings: [finding] });
    expect(await h.send('no-such-finding')).toEqual({ state: 'gone' });
    h.setConfig(parseConfig(yaml('meldingen@nieuw.example'), 'test.yaml'));
    expect(await h.send(finding.id)).toEqual({ state: 'sent' });
    h.close();
    const parsed = parseMail(smtp.received[0]!.raw);
    expect(parsed.headers.get('from')).toBe('uitkijk <meldingen@nieuw.example>');
    expect(parsed.headers.get('message-id')).toBe(`<alert.${finding.id}@nieuw.example>`);
  });
});

describe('alerts in the outbox', () => {
  it('writes one .eml file per finding; an existing file is the proof of an earlier send', async () => {
    const outboxDir = join(dir, `outbox-proof-${n}`);
    const finding = sampleFinding({ id: 'to-outbox' });
    const h = harness({ smtp: false, outboxDir, findings: [finding], language: 'en' });
    expect(h.mailer.kind).toBe('outbox');
    expect(await h.send(finding.id)).toEqual({ state: 'sent' });
    expect(await readdir(outboxDir)).toEqual([outboxName(finding.id)]);
    const parsed = parseMail(await readFile(join(outboxDir, outboxName(finding.id)), 'utf8'));
    expect(parsed.headers.get('to')).toBe(RECIPIENTS.join(', '));
    expect(parsed.text).toContain('06-••••••78');
    expect(parsed.text).not.toContain('12345678');

    // A worker killed after writing the file but before recording the send: the file stays as
    // it is, and the next attempt records it as sent instead of writing it again.
    const crashed = sampleFinding({ id: 'written-not-marked' });
    const h2 = harness({ smtp: false, outboxDir, findings: [crashed] });
    await mkdir(outboxDir, { recursive: true });
    await writeFile(join(outboxDir, outboxName(crashed.id)), 'the earlier, complete message');
    expect(await h2.send(crashed.id)).toEqual({ state: 'already-sent' });
    expect(await readFile(join(outboxDir, outboxName(crashed.id)), 'utf8')).toBe('the earlier, complete message');
    expect(await h2.ledger.isAlertSent(crashed.id)).toBe(true);
    expect((await readdir(outboxDir)).filter((f) => f.endsWith('.part'))).toEqual([]);
    h.close();
    h2.close();
    expect(smtp.received).toHaveLength(0);
  });

  it('names a bare sender address uitkijk', async () => {
    const outboxDir = join(dir, `outbox-bare-${n}`);
    const finding = sampleFinding({ id: 'bare-from' });
    const h = harness({ smtp: false, outboxDir, findings: [finding], from: 'meldingen@school.example' });
    await h.send(finding.id);
    h.close();
    const parsed = parseMail(await readFile(join(outboxDir, outboxName(finding.id)), 'utf8'));
    expect(parsed.headers.get('from')).toBe('uitkijk <meldingen@school.example>');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
  });
});
