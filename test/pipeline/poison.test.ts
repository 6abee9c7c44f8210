// Fault 2 of the hardening issue: an item whose classification never finishes (here: the worker
// process dies on it every time, as with an out-of-memory kill) made its batch stall, fail
// "stalled more than allowable limit", and — its items already marked seen at fetch — vanish
// without an alert. Now the failed batch is split into one job per item, the others are judged
// as usual, the one that kills the worker is alerted as "kon niet beoordelen — kijk zelf", every
// item is marked seen only once it is done, and no job keeps a text (fault 10).
import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { parseMail } from '../alerts/mime.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const node = join(root, 'node_modules/node/bin/node');
const POISON = 'GIF-7Q2';

const YAML = lindeYaml();

const TEXTS = [
  'Mooie foto van de open dag, dank jullie wel!',
  'kankerschool, ik maak jullie allemaal af',
  `ik weet waar die juf woont en morgen ben ik daar ${POISON}`,
  'Wanneer is de volgende ouderavond?',
  'die conciërge is een vuile tyfuslijer',
];

let redis: Awaited<ReturnType<typeof startRedis>>;
let smtp: SmtpCapture;
let dir: string;

beforeAll(async () => {
  redis = await startRedis();
  smtp = await startSmtp();
  dir = await mkdtemp(join(tmpdir(), 'uitkijk-poison-'));
});
afterAll(async () => {
  await smtp.close();
  await redis.stop();
  await rm(dir, { recursive: true, force: true });
});

const item = (i: number): Item => lindeReply(i, TEXTS[i]!);

/** Every value stored under the deployment's keys, as text. */
async function everythingStored(client: ReturnType<typeof createContext>['redis'], prefix: string): Promise<string> {
  const out: string[] = [];
  for (const key of await client.keys(`${prefix}*`)) {
    const type = await client.type(key);
    if (type === 'string') out.push(String(await client.get(key)));
    else if (type === 'hash') out.push(JSON.stringify(await client.hgetall(key)));
    else if (type === 'list') out.push(JSON.stringify(await client.lrange(key, 0, -1)));
    else if (type === 'set') out.push(JSON.stringify(await client.smembers(key)));
    else if (type === 'zset') out.push(JSON.stringify(await client.zrange(key, 0, -1)));
    else if (type === 'stream') out.push(JSON.stringify(await client.xrange(key, '-', '+')));
  }
  return out.join('\n');
}

describe('an item that kills the worker every time it is classified', () => {
  it('is alerted as "kon niet beoordelen", the rest of its batch as usual, nothing lost, no text kept in a job', async () => {
    const configPath = join(dir, 'uitkijk.yaml');
    await writeFile(configPath, YAML);
    const config = parseConfig(YAML, configPath);
    const deployment = 'poison';
    const items = TEXTS.map((_, i) => item(i));
    const classifier = createClassifier();
    const flagged = items.filter((i) => !i.text.includes(POISON) && decide(classifier.classify(i.text), i, config.thresholds).alert).map(findingId);
    expect(flagged).toHaveLength(2);
    const poisoned = findingId(items[2]!);

    const ctx = createContext({ config, log: pino({ level: 'silent' }), redisUrl: redis.url, dataDir: dir, deployment, env: { SMTP_URL: smtp.url } });
    try {
      // As the fetch worker leaves it: the batch queued, its ids pending, none seen yet.
      await ctx.queues.classify.add('classify', { source: 'blog', items });
      await ctx.store.markPending(
        'blog',
        items.map((i) => i.id),
      );

      const env = {
        ...process.env,
        SMTP_URL: smtp.url,
        UITKIJK_TEST_POISON: POISON,
        UITKIJK_TEST_MAX_STALLED: '1',
        UITKIJK_TEST_RESCUE_MS: '300',
        UITKIJK_TEST_LOCK_MS: '4000',
      };
      const done = async () =>
        smtp.received.length >= flagged.length + 1 &&
        (await ctx.queues.classify.count()) === 0 &&
        (await ctx.queues.classify.getFailedCount()) === 0 &&
        (await ctx.queues.alert.count()) === 0;
      let deaths = 0;
      for (;;) {
        expect(deaths, 'the worker keeps dying: the poison item is never set aside').toBeLessThan(12);
        const logFile = join(dir, `worker-${deaths}.log`);
        const out = openSync(logFile, 'w');
        const child = spawn(node, ['test/pipeline/worker-child.ts', configPath, redis.url, deployment, dir], { cwd: root, env, stdio: ['ignore', out, out] });
        let signal: string | null | undefined;
        const exited = new Promise<void>((resolve) => child.once('exit', (_code, s) => ((signal = s), resolve())));
        // Until this worker dies on the poison item, or all the work is done.
        const finished = await waitFor(
          'the worker to die or the work to be done',
          async () => (signal !== undefined ? 'died' : (await done()) ? 'done' : false),
          120_000,
        ).catch(async (err: Error) => {
          const state = {
            deaths,
            mails: smtp.received.length,
            expected: flagged.length + 1,
            classify: await ctx.queues.classify.getJobCounts(),
            alert: await ctx.queues.alert.getJobCounts(),
            log: readFileSync(logFile, 'utf8').slice(-2000),
          };
          throw new Error(`${err.message}: ${JSON.stringify(state)}`);
        });
        if (finished === 'done') {
          child.kill('SIGTERM');
          await exited;
          break;
        }
        expect(signal).toBe('SIGKILL');
        deaths++;
      }
      // The batch died with its worker twice, then each of its items once more on its own.
      expect(deaths).toBeGreaterThanOrEqual(2);

      const byFinding = new Map(smtp.received.map((m) => [/^X-Uitkijk-Finding: (\S+)/im.exec(m.raw)?.[1], parseMail(m.raw)]));
      expect([...byFinding.keys()].sort()).toEqual([...flagged, poisoned].sort());
      expect(smtp.received).toHaveLength(flagged.length + 1);
      const warning = byFinding.get(poisoned)!;
      expect(warning.subject).toMatch(/kon niet beoordelen — kijk zelf/);
      expect(warning.text).toMatch(/kon dit bericht niet beoordelen/);
      expect((await ctx.findings.getFinding(poisoned))?.unreadable?.reason).toMatch(/beoordeling mislukt/);

      // Every item is seen now (so a later fetch does not queue it again), none pending.
      expect(
        await ctx.store.filterUnseen(
          'blog',
          items.map((i) => i.id),
        ),
      ).toEqual([]);
      expect(await ctx.redis.zcard(ctx.keys.pending('blog'))).toBe(0);
      // Texts that were not flagged are stored nowhere: not in a job, not in a finding.
      const stored = await everythingStored(ctx.redis, ctx.keys.prefix);
      for (const t of [TEXTS[0]!, TEXTS[3]!]) expect(stored).not.toContain(t);
    } finally {
      await ctx.close();
    }
  }, 300_000);
});
