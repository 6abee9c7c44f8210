// The daily quota ledger (src/store/quota.ts) against a real redis-server, and once against a
// three-master Redis Cluster: units counted per API key (stored under a hash, never the key),
// shared by every client, atomic under concurrent spends, gone at the reset; stops said once,
// listed for /healthz until they end, per deployment.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisTarget } from '../../src/redis/connect.ts';
import type { RedisClient } from '../../src/redis/connect.ts';
import { createKeys } from '../../src/store/keys.ts';
import { createQuotaLedger, quotaId } from '../../src/store/quota.ts';
import { startRedisCluster } from '../support/redis-cluster.ts';
import type { RedisCluster } from '../support/redis-cluster.ts';
import { waitFor } from '../support/wait.ts';
import { useRedis } from './redis-server.ts';

const HOUR = 3600 * 1000;
const db = useRedis();

/** Every key of a deployment, with its value (strings only), for looking at what was stored. */
async function dump(client: Redis, prefix: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const key of await client.keys(`${prefix}*`)) out.set(key, (await client.get(key)) ?? '');
  return out;
}

describe('quota ledger', () => {
  it('counts units per key and day, and stores only a hash of the key', async () => {
    const keys = createKeys('quota-count');
    const ledger = createQuotaLedger(db.client, keys);
    const resetAt = Date.now() + HOUR;
    const secret = 'AIzaSy-geheime-sleutel-van-de-school';
    expect(await ledger.used(secret, resetAt)).toBe(0);
    expect(await ledger.spend(secret, 1, resetAt)).toBe(1);
    expect(await ledger.spend(secret, 4, resetAt)).toBe(5);
    expect(await ledger.used(secret, resetAt)).toBe(5);
    // Another key, and the same key's next day, have budgets of their own.
    expect(await ledger.used('een-andere-sleutel', resetAt)).toBe(0);
    expect(await ledger.used(secret, resetAt + 24 * HOUR)).toBe(0);

    const stored = await dump(db.client, keys.prefix);
    expect([...stored.keys()]).toEqual([keys.quota(quotaId(secret), resetAt)]);
    for (const [k, v] of stored) {
      expect(k).not.toContain(secret);
      expect(v).not.toContain(secret);
    }
    expect(quotaId(secret)).toMatch(/^[0-9a-f]{24}$/);
  });

  it('is one budget for every client and worker, and atomic when they spend at once', async () => {
    const keys = createKeys('quota-shared');
    const other = new Redis(db.client.options);
    try {
      const a = createQuotaLedger(db.client, keys);
      const b = createQuotaLedger(other, keys);
      const resetAt = Date.now() + HOUR;
      const totals = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).spend('sleutel', 1, resetAt)));
      // Each spend saw a different running total: none was lost or counted twice.
      expect([...totals].sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      expect(await a.used('sleutel', resetAt)).toBe(60);
      expect(await b.used('sleutel', resetAt)).toBe(60);
    } finally {
      other.disconnect();
    }
  });

  it("forgets a day's count at its reset, by the ledger's clock", async () => {
    const keys = createKeys('quota-expiry');
    // A clock two hours behind Redis's: a reset one hour ahead of it lies in Redis's past.
    const behind = () => Date.now() - 2 * HOUR;
    const ledger = createQuotaLedger(db.client, keys, behind);
    const resetAt = behind() + HOUR;
    expect(await ledger.spend('sleutel', 3, resetAt)).toBe(3);
    expect(await ledger.used('sleutel', resetAt)).toBe(3);
    const ttl = await db.client.pttl(keys.quota(quotaId('sleutel'), resetAt));
    expect(ttl).toBeGreaterThan(HOUR - 60_000);
    expect(ttl).toBeLessThanOrEqual(HOUR);

    const soon = createQuotaLedger(db.client, keys);
    const shortly = Date.now() + 300;
    await soon.spend('sleutel', 1, shortly);
    await waitFor('the count to expire at its reset', async () => (await soon.used('sleutel', shortly)) === 0, 5_000);
  });

  it('refuses to count on top of a value that is not a count', async () => {
    const keys = createKeys('quota-garbage');
    const ledger = createQuotaLedger(db.client, keys);
    const resetAt = Date.now() + HOUR;
    await db.client.set(keys.quota(quotaId('sleutel'), resetAt), 'geen getal');
    await expect(ledger.spend('sleutel', 1, resetAt)).rejects.toThrow(/not an integer/);
  });

  it('records a stop once, lists it until it ends, and keeps deployments apart', async () => {
    const keys = createKeys('quota-stops');
    const ledger = createQuotaLedger(db.client, keys);
    const until = Date.now() + HOUR;
    const stop = { source: 'linde-youtube', until, reason: 'dagquotum op' };
    expect(await ledger.stop(stop)).toBe(true);
    expect(await ledger.stop({ ...stop, reason: 'nog eens' })).toBe(false);
    expect(await ledger.stop({ source: 'eik-youtube', until, reason: 'ook op' })).toBe(true);
    expect(await ledger.stops()).toEqual([{ source: 'eik-youtube', until, reason: 'ook op' }, stop]);
    const ttl = await db.client.pttl(keys.quotaStop('linde-youtube'));
    expect(ttl).toBeGreaterThan(HOUR - 60_000);
    expect(ttl).toBeLessThanOrEqual(HOUR);

    // Another deployment on the same Redis sees none of them, and a value of another shape is not reported.
    expect(await createQuotaLedger(db.client, createKeys('quota-stops-b')).stops()).toEqual([]);
    await db.client.set(keys.quotaStop('vreemd'), 'geen json', 'PX', HOUR);
    await db.client.set(keys.quotaStop('ander'), JSON.stringify({ bron: 'x' }), 'PX', HOUR);
    expect((await ledger.stops()).map((s) => s.source)).toEqual(['eik-youtube', 'linde-youtube']);

    // A stop that ends soon is gone by itself, and can then be said again.
    const brief = { source: 'kort', until: Date.now() + 300, reason: 'even' };
    expect(await ledger.stop(brief)).toBe(true);
    await waitFor('the stop to end', async () => !(await ledger.stops()).some((s) => s.source === 'kort'), 5_000);
    expect(await ledger.stop({ ...brief, until: Date.now() + HOUR })).toBe(true);
  });

  it('lists every stop, also past one SCAN batch', async () => {
    const keys = createKeys('quota-many');
    const ledger = createQuotaLedger(db.client, keys);
    const until = Date.now() + HOUR;
    const sources = Array.from({ length: 450 }, (_, i) => `bron-${String(i).padStart(3, '0')}`);
    for (const source of sources) await ledger.stop({ source, until, reason: 'op' });
    // Unrelated keys in the same deployment make SCAN return partial and empty batches.
    for (let i = 0; i < 300; i++) await db.client.set(`${keys.prefix}:ander:${i}`, '1', 'PX', HOUR);
    expect((await ledger.stops()).map((s) => s.source)).toEqual(sources);
  });
});

describe('quota ledger on a Redis Cluster', () => {
  let cluster: RedisCluster;
  let client: RedisClient;
  beforeAll(async () => {
    cluster = await startRedisCluster();
    client = redisTarget(cluster.url).client();
  });
  afterAll(async () => {
    client?.disconnect();
    await cluster?.stop();
  });

  it('counts and lists stops although SCAN is per node', async () => {
    const keys = createKeys('quota-cluster');
    const ledger = createQuotaLedger(client, keys);
    const until = Date.now() + HOUR;
    expect(await ledger.spend('sleutel', 2, until)).toBe(2);
    expect(await ledger.used('sleutel', until)).toBe(2);
    expect(await ledger.stop({ source: 'linde-youtube', until, reason: 'op' })).toBe(true);
    // Keyless commands go to a random node: ask often enough that each node would be asked.
    for (let i = 0; i < 12; i++) expect((await ledger.stops()).map((s) => s.source)).toEqual(['linde-youtube']);
  });
});
