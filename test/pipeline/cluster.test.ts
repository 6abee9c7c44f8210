// uitkijk on a three-master Redis Cluster (REDIS_URL redis+cluster://…): the full cycle —
// fetch → classify → finding → one alert e-mail each — with two worker processes, one of them
// killed (SIGKILL) with work in hand. Every flagged item is alerted exactly once, no job fails,
// nothing is lost, and every key of the deployment sits in the one slot of its hash tag.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/index.ts';
import { parseConfig } from '../../src/config/load.ts';
import { createContext } from '../../src/context.ts';
import { findingId } from '../../src/finding.ts';
import type { Item } from '../../src/item.ts';
import { decide } from '../../src/policy.ts';
import { CLASSIFY_BATCH } from '../../src/pipeline/queues.ts';
import { startFeedServer, wordpressCommentFeed } from '../support/feed-server.ts';
import type { FeedServer } from '../support/feed-server.ts';
import { startRedisCluster } from '../support/redis-cluster.ts';
import type { RedisCluster } from '../support/redis-cluster.ts';
import { lindeReply, lindeYaml } from '../support/linde.ts';
import { startSmtp } from '../support/smtp.ts';
import type { SmtpCapture } from '../support/smtp.ts';
import { drain, waitFor } from '../support/wait.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const node = join(root, 'node_modules/node/bin/node');

const DEPLOYMENT = 'cluster';
const ITEMS = 3 * CLASSIFY_BATCH;
/** E-mails the mail server lets through before it stalls and a worker is killed. */
const BEFORE_KILL = 3;

let cluster: RedisCluster;
let smtp: SmtpCapture;
let feeds: FeedServer;
let dir: string;
const children: ChildProcess[] = [];

const guid = (i: number) => `https://blog.example.nl/?c=${i}`;
const textOf = (i: number) => (i % 20 === 7 ? `kankerschool, ik maak jullie allemaal af (${i})` : `Mooie foto's van de open dag, nummer ${i}!`);

const yaml = lindeYaml;

/** The item the RSS connector makes of entry `i` (connectors/rss.ts), for the expected findings. */
const itemOf = (i: number): Item => ({ ...lindeReply(i, textOf(i)), author: { handle: `Lezer ${i}` } });

const findingOf = (raw: string) => /^X-Uitkijk-Finding: (\S+)/im.exec(raw)?.[1];

beforeAll(async () => {
  cluster = await startRedisCluster();
  smtp = await startSmtp();
  dir = await mkdtemp(join(tmpdir(), 'uitkijk-cluster-test-'));
  const entries = Array.from({ length: ITEMS }, (_, i) => ({
    guid: guid(i),
    title: `Reactie ${i}`,
    link: `https://blog.example.nl/post#comment-${i}`,
    author: `Lezer ${i}`,
    html: `<p>${textOf(i)}</p>`,
    date: new Date(Date.UTC(2026, 10, 1, 12, 0, i)),
  }));
  feeds = await startFeedServer({ '/blog.xml': wordpressCommentFeed('Reacties', 'https://blog.example.nl', entries) });
});

afterAll(async () => {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }),
  );
  await feeds?.close();
  await smtp?.close();
  await cluster?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Child {
  name: string;
  process: ChildProcess;
  output(): string;
  exited: Promise<unknown>;
}

/** A worker process on every queue, started and connected. */
async function startWorker(configPath: string, name: string): Promise<Child> {
  const child = spawn(node, ['test/pipeline/worker-child.ts', configPath, cluster.url, DEPLOYMENT, dir, 'fetch,classify,alert', name], {
    cwd: root,
    env: { ...process.env, SMTP_URL: smtp.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await waitFor(
    `worker ${name} to be ready`,
    () => {
      if (child.exitCode !== null) throw new Error(`worker ${name} exited (${child.exitCode}):\n${out}`);
      return /^ready$/m.test(out);
    },
    30_000,
  );
  return { name, process: child, output: () => out, exited };
}

describe('on a three-master Redis Cluster', () => {
  it('two workers, one killed mid-run, alert every flagged item exactly once; all keys share one slot', async () => {
    const configPath = join(dir, 'uitkijk.yaml');
    const text = yaml(`${feeds.url}/blog.xml`);
    await writeFile(configPath, text);
    const config = parseConfig(text, configPath);
    const classifier = createClassifier();
    const all = Array.from({ length: ITEMS }, (_, i) => itemOf(i));
    const expected = new Set(all.filter((i) => decide(classifier.classify(i.text), i, config.thresholds).alert).map((i) => findingId(i)));
    expect(expected.size).toBe(30);

    const log = pino({ level: 'silent' });
    const ctx = createContext({ config, log, redisUrl: cluster.url, dataDir: dir, deployment: DEPLOYMENT, env: { SMTP_URL: smtp.url } });
    expect(ctx.redisTarget.kind).toBe('cluster');
    const sent = async (id: string) => (await ctx.redis.exists(ctx.keys.alertSent(id))) === 1;
    try {
      const workers = [await startWorker(configPath, 'worker-a'), await startWorker(configPath, 'worker-b')];

      // The mail server takes a few e-mails, then stalls: the next sends wait at MAIL FROM with
      // nothing delivered, in both workers.
      smtp.holdAfter(BEFORE_KILL);
      await ctx.queues.fetch.add('fetch', { source: 'blog' });

      // Kill only once the e-mails already delivered have their sent marks (none is between the
      // server's acceptance and markAlertSent), and the victim holds an alert not yet sent.
      const { victim, inHand } = await waitFor(
        'three e-mails recorded as sent and a worker with an unsent alert in hand',
        async () => {
          if (smtp.received.length < BEFORE_KILL) return false;
          for (const m of smtp.received) {
            const id = findingOf(m.raw);
            if (!id || !(await sent(id))) return false;
          }
          for (const job of await ctx.queues.alert.getActive()) {
            const w = workers.find((x) => x.name === job.processedBy);
            if (w && 'findingId' in job.data && !(await sent(job.data.findingId))) {
              const mine = (await ctx.queues.alert.getActive())
                .filter((j) => j.processedBy === w.name)
                .map((j) => ('findingId' in j.data ? j.data.findingId : ''));
              return { victim: w, inHand: mine };
            }
          }
          return false;
        },
        60_000,
      );
      victim.process.kill('SIGKILL');
      await victim.exited;
      const survivor = workers.find((w) => w !== victim)!;
      expect(smtp.received).toHaveLength(BEFORE_KILL);
      expect(inHand.length).toBeGreaterThan(0);
      smtp.release();

      // The survivor takes the dead worker's jobs over once their locks expire.
      await waitFor(
        `every flagged item alerted and recorded as sent (survivor: ${survivor.output()})`,
        async () => {
          for (const id of expected) if (!(await sent(id))) return false;
          return true;
        },
        60_000,
      );
      // Once no job waits, runs or is delayed, no further e-mail can come: the count is final.
      await drain(ctx.queues, 60_000);
      expect(survivor.process.exitCode).toBeNull();

      const ids = smtp.received.map((m) => findingOf(m.raw));
      expect(new Set(ids)).toEqual(expected);
      expect(ids).toHaveLength(expected.size);
      for (const id of inHand) expect(ids).toContain(id);
      for (const q of [ctx.queues.fetch, ctx.queues.classify, ctx.queues.alert]) expect(await q.getFailedCount()).toBe(0);

      // Nothing lost: every item classified (seen, no longer pending), every finding stored by
      // the multi-key SAVE_FINDINGS script, and the sent marks written by the ledger's scripts.
      expect(await ctx.redis.zcard(ctx.keys.seen('blog'))).toBe(ITEMS);
      expect(await ctx.redis.zcard(ctx.keys.pending('blog'))).toBe(0);
      const open = await ctx.findings.listByStatus('open', 1000);
      expect(new Set(open.map((f) => f.id))).toEqual(expected);
      expect(await ctx.redis.zcard(ctx.keys.findingsByStatus('open'))).toBe(expected.size);

      // Every key of the deployment — ours and BullMQ's — sits on one node, in the hash tag's slot.
      const perNode = await Promise.all(
        cluster.nodes.map(async (n) => {
          const client = new Redis({ host: n.host, port: n.port, lazyConnect: true });
          client.on('error', () => undefined);
          try {
            await client.connect();
            const keys = await client.keys('*');
            const slots = await Promise.all(keys.map((k) => client.cluster('KEYSLOT', k)));
            const stats = await client.info('commandstats');
            const scriptCalls = [...stats.matchAll(/^cmdstat_(?:evalsha|eval):calls=(\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
            return { node: n.port, keys, slots: new Set(slots), scriptCalls, tagSlot: await client.cluster('KEYSLOT', `{${DEPLOYMENT}}`) };
          } finally {
            client.disconnect();
          }
        }),
      );
      const holders = perNode.filter((n) => n.keys.length > 0);
      expect(holders).toHaveLength(1);
      const holder = holders[0]!;
      expect(holder.slots).toEqual(new Set([holder.tagSlot]));
      for (const k of holder.keys) expect(k.startsWith(`uitkijk:{${DEPLOYMENT}}:`)).toBe(true);
      for (const k of [ctx.keys.seen('blog'), ctx.keys.cursor('blog'), ctx.keys.findingsByStatus('open'), ctx.keys.finding([...expected][0]!)]) {
        expect(holder.keys).toContain(k);
      }
      for (const q of ['fetch', 'classify', 'alert']) expect(holder.keys.some((k) => k.startsWith(`${ctx.keys.prefix}:${q}:`))).toBe(true);
      for (const id of expected) expect(holder.keys).toContain(ctx.keys.alertSent(id));
      // The scripts (ours and BullMQ's) ran on the node that holds the slot, and only there.
      expect(holder.scriptCalls).toBeGreaterThan(0);
      for (const n of perNode) if (n !== holder) expect(n.scriptCalls).toBe(0);
    } finally {
      await ctx.close();
    }
  }, 180_000);
});
