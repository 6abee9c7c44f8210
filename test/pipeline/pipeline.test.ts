// The pipeline end to end against a real redis-server, a real SMTP server and local platform
// servers: scheduled fetch → dedup → classify → finding → one e-mail per finding; a second
// cycle that sends nothing; a platform answering 500 and 429; a malformed feed; scheduler sync.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../src/context.ts';
import type { AppContext } from '../../src/context.ts';
import { parseConfig } from '../../src/config/load.ts';
import { startRuntime } from '../../src/cli/runtime.ts';
import type { Runtime } from '../../src/cli/runtime.ts';
import { startFakeBluesky } from '../support/fake-bluesky.ts';
import type { FakeBluesky } from '../support/fake-bluesky.ts';
import { startFeedServer, wordpressCommentFeed } from '../support/feed-server.ts';
import type { FeedServer } from '../support/feed-server.ts';
import { createConnectorRegistry } from '../../connectors/registry.ts';
import { startRedis } from '../store/redis-server.ts';
import { startSmtp } from '../support/smtp.ts';
import type { SmtpCapture } from '../support/smtp.ts';
import { drain, waitFor } from '../support/wait.ts';

const SCHOOL_HANDLE = 'school.pipeline.test';
const PASSWORD = 'app-wachtwoord-test';

let redis: Awaited<ReturnType<typeof startRedis>>;
let smtp: SmtpCapture;
let bluesky: FakeBluesky;
let feeds: FeedServer;
let dir: string;
let run = 0;

function feed(entries: { id: number; text: string }[]): string {
  return wordpressCommentFeed(
    'Reacties',
    'https://blog.example.nl',
    entries.map((e) => ({
      guid: `https://blog.example.nl/?c=${e.id}`,
      title: `Reactie ${e.id}`,
      link: `https://blog.example.nl/post#comment-${e.id}`,
      author: `Lezer ${e.id}`,
      html: `<p>${e.text}</p>`,
      date: new Date(Date.UTC(2026, 10, 1, 12, e.id)),
    })),
  );
}

function config(extra = ''): string {
  return `
schools:
  - id: school
    name: Testschool De Linde
    keywords: [De Linde]
    handles: [${SCHOOL_HANDLE}]
    allowedContacts: ['0344-000000']
    alertRecipients: [communicatie@linde.example.nl]
sources:
  - id: bsky
    kind: bluesky
    school: school
    handle: ${SCHOOL_HANDLE}
    service: ${bluesky.url}
    schedule: { every: 1h }
  - id: blog
    kind: rss
    school: school
    url: ${feeds.url}/blog.xml
    context: reply
    schedule: { every: 1h }
${extra}
alerts:
  bundle: false # one e-mail per finding: what these tests follow through
mail:
  from: uitkijk@linde.example.nl
`;
}

interface Harness {
  ctx: AppContext;
  runtime: Runtime;
  logs: string[];
}

async function harness(yaml: string, opts: { schedulers?: boolean } = {}): Promise<Harness> {
  const logs: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => logs.push(line) });
  const ctx = createContext({
    config: parseConfig(yaml, 'test.yaml'),
    log,
    redisUrl: redis.url,
    dataDir: dir,
    deployment: `pipeline-${++run}`,
    env: { SMTP_URL: smtp.url, BLUESKY_APP_PASSWORD_BSKY: PASSWORD },
  });
  const runtime = await startRuntime({ ctx, connectors: createConnectorRegistry(), schedulers: opts.schedulers ?? false, web: false });
  return { ctx, runtime, logs };
}

async function stop(h: Harness) {
  await h.runtime.close();
  await h.ctx.close();
}

beforeAll(async () => {
  redis = await startRedis();
  smtp = await startSmtp();
  dir = await mkdtemp(join(tmpdir(), 'uitkijk-pipeline-'));
});

afterAll(async () => {
  await smtp.close();
  await redis.stop();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  smtp.received.length = 0;
  bluesky = await startFakeBluesky({
    schoolHandle: SCHOOL_HANDLE,
    appPassword: PASSWORD,
    schoolPosts: [{ by: 'school', text: 'Welkom op onze open dag!', minutesAgo: 100 }],
    reactions: [
      { by: 'ouder.pipeline.test', text: 'Wat een mooie school, wij komen graag!', replyTo: 0, minutesAgo: 50 },
      { by: 'boos.pipeline.test', text: 'kankerschool. Wacht maar tot je buiten staat, dan maak ik je af', replyTo: 0, minutesAgo: 40 },
      { by: 'buur.pipeline.test', text: 'bel de conciërge maar op zijn 06: 06-12345678', replyTo: 0, minutesAgo: 30 },
    ],
  });
  feeds = await startFeedServer({
    '/blog.xml': feed([
      { id: 1, text: 'Leuk stuk over de open dag.' },
      { id: 2, text: 'Die juf van groep 6 is een vuile tyfushoer' },
    ]),
  });
});

afterEach(async () => {
  await bluesky.close();
  await feeds.close();
});

describe('pipeline', () => {
  it('runs a scheduled fetch through to one e-mail per finding, then sends nothing on the next cycle', async () => {
    const h = await harness(config(), { schedulers: true });
    try {
      // The schedulers fire immediately for `every`; wait for all three flagged texts.
      await waitFor('three alert e-mails', () => smtp.received.length >= 3);
      await drain(h.ctx.queues);
      expect(smtp.received).toHaveLength(3);
      for (const m of smtp.received) expect(m.to).toEqual(['communicatie@linde.example.nl']);
      const open = await h.ctx.findings.listByStatus('open', 100);
      expect(open).toHaveLength(3);
      const reply = open.find((f) => f.item.text.includes('maak ik je af'));
      expect(reply?.labels).toContain('threat');
      expect(reply?.removalCandidate).toBe(true);
      // Unflagged texts are not stored: only three findings for five items.
      const keys = await h.ctx.redis.keys(`${h.ctx.keys.prefix}:finding:*`);
      expect(keys).toHaveLength(3);

      // Second cycle: the same content, nothing new, nothing sent.
      await h.ctx.queues.fetch.add('fetch', { source: 'bsky' });
      await h.ctx.queues.fetch.add('fetch', { source: 'blog' });
      await drain(h.ctx.queues);
      expect(smtp.received).toHaveLength(3);
      // The feed was not downloaded again in full: the conditional GET got a 304.
      expect(feeds.requests.filter((r) => r.path === '/blog.xml').map((r) => r.status)).toContain(304);
      // The connector never wrote to the platform (logging in is the only POST).
      expect(bluesky.requests.filter((r) => r.method !== 'GET').every((r) => r.nsid === 'com.atproto.server.createSession')).toBe(true);

      // New content on the next cycle is found and alerted once.
      bluesky.addReaction({ by: 'nieuw.pipeline.test', text: 'ik weet waar je woont, juf', replyTo: 0, minutesAgo: 1 });
      await h.ctx.queues.fetch.add('fetch', { source: 'bsky' });
      await waitFor('the fourth e-mail', () => smtp.received.length >= 4);
      await drain(h.ctx.queues);
      expect(smtp.received).toHaveLength(4);
    } finally {
      await stop(h);
    }
  });

  it('keeps going when the platform answers 500 (retried) and 429 (that source waits)', async () => {
    const h = await harness(config());
    try {
      bluesky.failNext(500);
      await h.ctx.queues.fetch.add('fetch', { source: 'bsky' }, { backoff: { type: 'fixed', delay: 50 } });
      await h.ctx.queues.fetch.add('fetch', { source: 'blog' });
      await waitFor('alerts from both sources', () => smtp.received.length >= 3);
      expect(h.logs.some((l) => l.includes('"queue":"fetch"') && l.includes('taak mislukt'))).toBe(true);

      // 429: the job is delayed until the reset, not failed, and then completes.
      bluesky.addReaction({ by: 'later.pipeline.test', text: 'Iemand moet die directeur eens flink in elkaar slaan', replyTo: 0, minutesAgo: 1 });
      bluesky.failNext(429);
      const job = await h.ctx.queues.fetch.add('fetch', { source: 'bsky' });
      await waitFor('the job to be delayed by the rate limit', async () => (await job.getState()) === 'delayed' || smtp.received.length >= 4);
      await waitFor('the alert after the rate limit', () => smtp.received.length >= 4, 15_000);
      expect(await h.ctx.queues.fetch.getJobCounts('failed')).toMatchObject({ failed: 0 });
    } finally {
      await stop(h);
    }
  });

  it('skips a malformed feed with a logged reason and keeps the other source going', async () => {
    feeds.set('/blog.xml', '<rss><channel><item><title>kapot');
    const h = await harness(config());
    try {
      const job = await h.ctx.queues.fetch.add('fetch', { source: 'blog' }, { attempts: 1 });
      await h.ctx.queues.fetch.add('fetch', { source: 'bsky' });
      await waitFor('the broken feed job to fail', async () => (await job.getState()) === 'failed');
      await waitFor('bluesky alerts', () => smtp.received.length >= 2);
      const failed = await h.ctx.queues.fetch.getJob(job.id!);
      expect(failed?.failedReason).toBeTruthy();
      expect(h.logs.some((l) => l.includes('CONNECTOR_BAD_RESPONSE'))).toBe(true);
    } finally {
      await stop(h);
    }
  });

  it('keeps the schedulers in step with the config: added, changed and removed', async () => {
    const h = await harness(config(), { schedulers: true });
    try {
      const ids = async () => (await h.ctx.queues.fetch.getJobSchedulers(0, -1)).map((s) => s.key).sort();
      expect(await ids()).toEqual(['source:blog', 'source:bsky']);
      const next = parseConfig(
        config().replace(
          / {2}- id: blog[\s\S]*?schedule: \{ every: 1h \}\n/,
          '  - id: nieuws\n    kind: rss\n    school: school\n    url: http://127.0.0.1:9/x.xml\n    context: mention\n    schedule: { cron: "*/5 * * * *" }\n',
        ),
        'test.yaml',
      );
      const result = await h.runtime.applyConfig(next);
      expect(result?.removed).toEqual(['blog']);
      expect(await ids()).toEqual(['source:bsky', 'source:nieuws']);
      const nieuws = (await h.ctx.queues.fetch.getJobSchedulers(0, -1)).find((s) => s.key === 'source:nieuws');
      expect(nieuws?.pattern).toBe('*/5 * * * *');
    } finally {
      await stop(h);
    }
  });
});
