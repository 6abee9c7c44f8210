// Daily request budgets of platforms that count units per key (YouTube: 10,000 a day, reset at
// midnight Pacific time). The count lives in Redis so every worker process spends from the same
// budget; the key is a hash of the API key (the key itself is never stored), and each count
// expires at its reset. A source stopped for the rest of the day is recorded too, so /healthz
// can say so and the log says it once.

import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { Keys } from './keys.ts';
import type { RedisClient } from './scripts.ts';

export interface QuotaStop {
  source: string;
  /** When the budget is back (ms). */
  until: number;
  /** Plain Dutch: why the source waits. */
  reason: string;
}

export interface QuotaLedger {
  /** Units spent today from `secret`'s budget that resets at `resetAt` (ms). */
  used(secret: string, resetAt: number): Promise<number>;
  /** Spends `units` and answers the units spent today, this spend included. */
  spend(secret: string, units: number, resetAt: number): Promise<number>;
  /** Records that a source waits for its budget; true only the first time until then (log once). */
  stop(stop: QuotaStop): Promise<boolean>;
  /** The stop of one source while it lasts, or null. */
  stopOf(source: string): Promise<QuotaStop | null>;
  /** The sources that wait for their budget now. */
  stops(): Promise<QuotaStop[]>;
}

/** A secret's name in Redis: a short hash, so two sources with the same key share one budget. */
export const quotaId = (secret: string) => createHash('sha256').update(secret).digest('hex').slice(0, 24);

export function createQuotaLedger(redis: RedisClient, keys: Keys, now: () => number = Date.now): QuotaLedger {
  const countKey = (secret: string, resetAt: number) => keys.quota(quotaId(secret), resetAt);
  return {
    async used(secret, resetAt) {
      return Number((await redis.get(countKey(secret, resetAt))) ?? 0);
    },
    async spend(secret, units, resetAt) {
      const key = countKey(secret, resetAt);
      // Expires by the ledger's clock, as the stops do (not by Redis's clock with PEXPIREAT).
      const ttl = Math.max(1, resetAt - now());
      const replies = (await redis.multi().incrby(key, units).pexpire(key, ttl).exec()) as [Error | null, unknown][] | null;
      const [err, total] = replies?.[0] ?? [new Error('quota: MULTI was not executed'), null];
      if (err) throw err;
      return Number(total);
    },
    async stop(s) {
      const ms = Math.max(1, s.until - now());
      const fresh = await redis.set(keys.quotaStop(s.source), JSON.stringify(s), 'PX', ms, 'NX');
      return fresh === 'OK';
    },
    async stopOf(source) {
      const v = await redis.get(keys.quotaStop(source));
      if (!v) return null;
      try {
        const s = JSON.parse(v) as QuotaStop;
        return typeof s.until === 'number' ? s : null;
      } catch {
        return null;
      }
    },
    async stops() {
      const found: QuotaStop[] = [];
      // SCAN has no key, so a Cluster client would send each call to a random node (and a
      // cursor to the wrong one): scan every master; the stops live on the hash tag's one.
      const nodes: Redis[] = redis.isCluster ? (redis as Cluster).nodes('master') : [redis as Redis];
      for (const node of nodes) {
        let cursor = '0';
        do {
          const [next, batch] = await node.scan(cursor, 'MATCH', keys.quotaStop('*'), 'COUNT', 200);
          cursor = next;
          const values = batch.length ? await node.mget(...batch) : [];
          for (const v of values) {
            if (!v) continue;
            try {
              const s = JSON.parse(v) as QuotaStop;
              if (typeof s.source === 'string' && typeof s.until === 'number') found.push(s);
            } catch {
              // A value this version did not write: not ours to report.
            }
          }
        } while (cursor !== '0');
      }
      return found.sort((a, b) => a.source.localeCompare(b.source));
    },
  };
}

/** A QuotaLedger in this process only, for a connector without the shared one (unit tests). */
export function createMemoryQuotaLedger(now: () => number = Date.now): QuotaLedger {
  const counts = new Map<string, { units: number; resetAt: number }>();
  const stops = new Map<string, QuotaStop>();
  const prune = () => {
    const t = now();
    for (const [k, v] of counts) if (v.resetAt <= t) counts.delete(k);
    for (const [k, s] of stops) if (s.until <= t) stops.delete(k);
  };
  const keyOf = (secret: string, resetAt: number) => `${quotaId(secret)}:${resetAt}`;
  return {
    async used(secret, resetAt) {
      prune();
      return counts.get(keyOf(secret, resetAt))?.units ?? 0;
    },
    async spend(secret, units, resetAt) {
      prune();
      const entry = counts.get(keyOf(secret, resetAt)) ?? { units: 0, resetAt };
      entry.units += units;
      counts.set(keyOf(secret, resetAt), entry);
      return entry.units;
    },
    async stop(s) {
      prune();
      if (stops.has(s.source)) return false;
      stops.set(s.source, { ...s });
      return true;
    },
    async stopOf(source) {
      prune();
      return stops.get(source) ?? null;
    },
    async stops() {
      prune();
      return [...stops.values()].sort((a, b) => a.source.localeCompare(b.source));
    },
  };
}
