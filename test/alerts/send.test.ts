import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { createMailer, messageIdFor, sendAlertOnce } from '../../src/alerts/send.ts';
import { createKeys } from '../../src/store/keys.ts';
import { createAlertLedger } from '../../src/store/scripts.ts';
import { startRedis } from '../store/redis-server.ts';
import { sampleFinding } from '../store/sample.ts';
import { parseMail } from './mime.ts';

const DAY = 24 * 3600 * 1000;
const FROM = 'uitkijk <uitkijk@school.example>';
const RECIPIENTS = ['communicatie@school.example', 'directie@school.example'];

interface Received {
  to: string[];
  raw: string;
}

let server: Awaited<ReturnType<typeof startRedis>>;
let redis: Redis;
let smtp: SMTPServer;
let smtpUrl: string;
let received: Received[];
let rejectNext = 0;
let logLines: string[];
let dir: string;
let deployment = 0;

const silent = pino({ level: 'silent' });

function ledger(client: Redis = redis, name = `send-${deployment}`) {
  return createAlertLedger(client, { keys: createKeys(name), retentionMs: 30 * DAY });
}

beforeAll(async () => {
  server = await startRedis();
  redis = new Redis(server.url);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (rejectNext > 0) {
          rejectNext -= 1;
          callback(Object.assign(new Error('Tijdelijk niet beschikbaar'), { responseCode: 451 }));
          return;
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'uitkijk-outbox-'));
});

afterAll(async () => {
  redis.disconnect();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  received = [];
  rejectNext = 0;
  logLines = [];
  deployment += 1; // a fresh ledger namespace per test
});

function capturingLogger() {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  return pino({ level: 'debug' }, sink);
}

describe('SMTP', () => {
  it('delivers one e-mail per finding to the recipients, text masked, with a stable Message-ID', async () => {
    const mailer = createMailer({ smtpUrl, outboxDir: dir, from: FROM, log: capturingLogger() });
    const finding = sampleFinding();
    expect(await sendAlertOnce(ledger(), mailer, finding, RECIPIENTS)).toBe(true);
    expect(await sendAlertOnce(ledger(), mailer, finding, RECIPIENTS)).toBe(false);
    mailer.close();

    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.to).toEqual(RECIPIENTS);
    const parsed = parseMail(mail!.raw);
    expect(parsed.subject).toBe('[uitkijk] beledigend, persoonsgegevens — demo-school, bluesky (ernst: middel)');
    expect(parsed.headers.get('message-id')).toBe(messageIdFor(finding.id, FROM));
    expect(parsed.text).toContain('> Bel Sanne maar op 06-••••••78, die debiel');
    expect(parsed.html).toContain('06-••••••78');
    expect(mail!.raw).not.toContain('12345678');
    expect(parsed.text).not.toContain('12345678');

    // The log knows the finding by id, never by its text or author.
    const log = logLines.join('');
    expect(log).toContain(finding.id);
    expect(log).not.toContain('Sanne');
    expect(log).not.toContain('someone.test');
    expect(log).not.toContain('06-');
  });

  it('does not mark a rejected send as sent; the retry sends it once', async () => {
    const mailer = createMailer({ smtpUrl, outboxDir: dir, from: FROM, log: silent });
    const finding = sampleFinding({ id: 'rejected-once' });
    const l = ledger();
    rejectNext = 1;
    await expect(sendAlertOnce(l, mailer, finding, RECIPIENTS)).rejects.toMatchObject({ responseCode: 451 });
    expect(await l.isAlertSent(finding.id)).toBe(false);
    expect(received).toHaveLength(0);
    // The failed attempt released its lease: the retry need not wait for it.
    expect(await redis.exists(createKeys(`send-${deployment}`).alertClaim(finding.id))).toBe(0);

    expect(await sendAlertOnce(l, mailer, finding, RECIPIENTS)).toBe(true);
    expect(await sendAlertOnce(l, mailer, finding, RECIPIENTS)).toBe(false);
    mailer.close();
    expect(received).toHaveLength(1);
    expect(await l.isAlertSent(finding.id)).toBe(true);
  });

  it('sends exactly one e-mail when two workers race for the same finding', async () => {
    const other = new Redis(server.url);
    const mailerA = createMailer({ smtpUrl, outboxDir: dir, from: FROM, log: silent });
    const mailerB = createMailer({ smtpUrl, outboxDir: dir, from: FROM, log: silent });
    const finding = sampleFinding({ id: 'raced' });
    const results = await Promise.all([
      sendAlertOnce(ledger(redis), mailerA, finding, RECIPIENTS, { workerId: 'a', pollMs: 10 }),
      sendAlertOnce(ledger(other), mailerB, finding, RECIPIENTS, { workerId: 'b', pollMs: 10 }),
    ]);
    mailerA.close();
    mailerB.close();
    other.disconnect();
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(received).toHaveLength(1);
  });

  it('takes over once the lease of a worker that crashed before sending runs out', async () => {
    const mailer = createMailer({ smtpUrl, outboxDir: dir, from: FROM, log: silent });
    const finding = sampleFinding({ id: 'crashed-holder' });
    const l = ledger();
    expect((await l.claimAlert(finding.id, 'crashed-worker', 50)).state).toBe('claimed');
    expect(await sendAlertOnce(l, mailer, finding, RECIPIENTS, { pollMs: 10 })).toBe(true);
    mailer.close();
    expect(received).toHaveLength(1);
  });
});

describe('outbox', () => {
  it('writes one .eml file per finding when no SMTP URL is given', async () => {
    const outboxDir = join(dir, `outbox-${deployment}`);
    const mailer = createMailer({ outboxDir, from: FROM, log: silent, renderOptions: () => ({ language: 'en' }) });
    expect(mailer.kind).toBe('outbox');
    const finding = sampleFinding({ id: 'to-outbox' });
    const direct = await mailer.send(finding, RECIPIENTS);
    expect(direct.path).toBe(join(outboxDir, `alert-${finding.id}.eml`));
    // Sending again (e.g. in the at-least-once window) replaces the file, never adds one.
    await mailer.send(finding, RECIPIENTS);
    expect(await sendAlertOnce(ledger(), mailer, finding, RECIPIENTS)).toBe(true);
    expect(await sendAlertOnce(ledger(), mailer, finding, RECIPIENTS)).toBe(false);
    mailer.close();

    expect(await readdir(outboxDir)).toEqual([`alert-${finding.id}.eml`]);
    const parsed = parseMail(await readFile(direct.path!, 'utf8'));
    expect(parsed.headers.get('to')).toBe(RECIPIENTS.join(', '));
    expect(parsed.headers.get('message-id')).toBe(direct.messageId);
    expect(parsed.subject).toBe('[uitkijk] offensive, personal data — demo-school, bluesky (severity: medium)');
    expect(parsed.text).toContain('06-••••••78');
    expect(parsed.text).not.toContain('12345678');
    expect(received).toHaveLength(0);
  });

  it('names a bare sender address uitkijk and derives the Message-ID from the finding', async () => {
    const outboxDir = join(dir, `outbox-${deployment}`);
    const mailer = createMailer({ outboxDir, from: 'meldingen@school.example', log: silent });
    const finding = sampleFinding({ id: 'bare-from' });
    const { path, messageId } = await mailer.send(finding, RECIPIENTS);
    mailer.close();
    const parsed = parseMail(await readFile(path!, 'utf8'));
    expect(parsed.headers.get('from')).toBe('uitkijk <meldingen@school.example>');
    expect(messageId).toBe(`<alert.${finding.id}@school.example>`);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
  });
});
