// A running uitkijk for the review page's tests: a real Redis, a real SMTP server, the real
// context and runtime with its web server on a free port, alert workers (escalation e-mails)
// and findings made by the real classifier from invented reactions. Two schools, each with its
// own moderator, and an administrator for both.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { parseConfig } from '../../src/config/load.ts';
import type { Config } from '../../src/config/schema.ts';
import { createContext } from '../../src/context.ts';
import type { AppContext } from '../../src/context.ts';
import { newFinding } from '../../src/finding.ts';
import type { Finding } from '../../src/finding.ts';
import type { Item } from '../../src/item.ts';
import { decide } from '../../src/policy.ts';
import type { QueueName } from '../../src/pipeline/queues.ts';
import { signedLink } from '../../src/review/tokens.ts';
import { startRuntime } from '../../src/cli/runtime.ts';
import type { Runtime } from '../../src/cli/runtime.ts';
import { createConnectorRegistry } from '../../connectors/registry.ts';
import { startRedis } from '../store/redis-server.ts';
import { startSmtp } from './smtp.ts';
import type { SmtpCapture } from './smtp.ts';

export const MODERATOR = 'moderator@linde.example.nl';
export const OTHER_MODERATOR = 'moderator@klimop.example.nl';
export const ADMIN = 'beheer@vivente.example.nl';
export const LEADERSHIP = 'directie@linde.example.nl';

export function reviewYaml(extra = ''): string {
  return `
schools:
  - id: linde
    name: De Linde
    keywords: [De Linde]
    alertRecipients: [communicatie@linde.example.nl]
    moderators: [${MODERATOR}]
    leadership: [${LEADERSHIP}]
  - id: klimop
    name: De Klimop
    keywords: [De Klimop]
    alertRecipients: [communicatie@klimop.example.nl]
    moderators: [${OTHER_MODERATOR}]
administrators: [${ADMIN}]
sources: []
mail:
  from: uitkijk@vivente.example.nl
${extra}`;
}

export interface ReviewHarness {
  ctx: AppContext;
  runtime: Runtime;
  smtp: SmtpCapture;
  url: string;
  config(): Config;
  /** A reaction on De Linde's (or another school's) blog, classified and stored as a finding. */
  addFinding(text: string, over?: Partial<Item>): Promise<Finding>;
  /** A signed link for this address, valid for the configured days (or `validMs`). */
  link(email: string, next?: string, now?: number): string;
  logs: string[];
  /** What a CLI process needs to reach the same deployment. */
  redisUrl: string;
  deployment: string;
  yaml: string;
  close(): Promise<void>;
}

let n = 0;

export async function startReview(yaml = reviewYaml(), opts: { queues?: QueueName[] } = {}): Promise<ReviewHarness> {
  const redis = await startRedis();
  const smtp = await startSmtp();
  const dataDir = mkdtempSync(join(tmpdir(), 'uitkijk-review-'));
  const logs: string[] = [];
  const log = pino({ level: 'info' }, new Writable({ write: (c: Buffer, _e, done) => (logs.push(c.toString()), done()) }));
  const config = parseConfig(yaml, 'review.yaml');
  const deployment = `review-${process.pid}-${++n}`;
  const ctx = createContext({
    config,
    log,
    redisUrl: redis.url,
    dataDir,
    env: { SMTP_URL: smtp.url, UITKIJK_SECRET: 'test-secret-for-the-review-page' },
    deployment,
  });
  const runtime = await startRuntime({
    ctx,
    connectors: createConnectorRegistry(),
    queues: opts.queues ?? ['alert'],
    schedulers: false,
    web: { host: '127.0.0.1', port: 0 },
    workerOptions: { stalledInterval: 1_000, lockDuration: 2_000 },
  });
  let seq = 0;
  return {
    ctx,
    runtime,
    smtp,
    url: runtime.webUrl!,
    config: () => ctx.config(),
    async addFinding(text, over = {}) {
      const i = ++seq;
      const item: Item = {
        id: `rss:https://blog.linde.example.nl/?c=${i}`,
        source: 'blog',
        platform: 'rss',
        context: 'reply',
        url: `https://blog.linde.example.nl/nieuws#comment-${i}`,
        author: { handle: `lezer${i}` },
        text,
        createdAt: new Date(Date.now() - i * 60_000).toISOString(),
        media: { kinds: [], count: 0 },
        school: 'linde',
        ...over,
      };
      const verdict = (await ctx.classifier(item.school)).classify(item.text);
      const finding = newFinding(item, verdict, decide(verdict, item, ctx.config().thresholds), new Date().toISOString());
      await ctx.findings.saveFindings([finding]);
      return finding;
    },
    link: (email, next = '/review', now = Date.now()) => signedLink(ctx.signer, ctx.config(), ctx.baseUrl(), email, next, now),
    logs,
    redisUrl: redis.url,
    deployment,
    yaml,
    async close() {
      await runtime.close(1_000);
      await ctx.close();
      await smtp.close();
      await redis.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A tiny cookie-keeping HTTP client for the page, without a browser. */
export function httpClient(base: string) {
  const jar = new Map<string, string>();
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name);
      else jar.set(name, value);
    }
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return {
    jar,
    async get(path: string): Promise<{ status: number; body: string; res: Response }> {
      const res = await fetch(path.startsWith('http') ? path : base + path, { headers: { cookie: cookieHeader() }, redirect: 'manual' });
      remember(res);
      return { status: res.status, body: await res.text(), res };
    },
    async post(path: string, form: Record<string, string | string[]>): Promise<{ status: number; body: string; res: Response }> {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
      const res = await fetch(base + path, {
        method: 'POST',
        headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        body,
        redirect: 'manual',
      });
      remember(res);
      return { status: res.status, body: await res.text(), res };
    },
  };
}

/** The CSRF token of the first form on a page. */
export function csrfOf(page: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(page);
  if (!m) throw new Error('no CSRF token on the page');
  return m[1]!;
}
