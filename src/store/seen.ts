// The per-source seen-set: which item ids were fetched before, for the retention period.
// Only ids are kept, never texts. A sorted set per source (id → when seen) lets old ids be
// trimmed by time; each call is one round trip for the whole batch.

import type { Keys } from './keys.ts';
import type { RedisClient } from './scripts.ts';

export interface SeenStore {
  /** The ids of this batch not seen within the retention period, each once, in batch order. */
  filterUnseen(source: string, ids: readonly string[]): Promise<string[]>;
  markSeen(source: string, ids: readonly string[]): Promise<void>;
}

export interface SeenStoreOptions {
  keys: Keys;
  /** How long an id counts as seen. */
  retentionDays: number;
  now?: () => number;
}

const DAY_MS = 24 * 3600 * 1000;

export function createSeenStore(redis: RedisClient, options: SeenStoreOptions): SeenStore {
  const { keys } = options;
  const now = options.now ?? Date.now;
  const retentionMs = Math.max(1, Math.round(options.retentionDays * DAY_MS));

  return {
    async filterUnseen(source, ids) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      const scores = await redis.zmscore(keys.seen(source), ...unique);
      // An id older than the retention is unseen even before markSeen trims it.
      const cutoff = now() - retentionMs;
      return unique.filter((_, i) => {
        const seenAt = scores[i];
        return seenAt === null || seenAt === undefined || Number(seenAt) < cutoff;
      });
    },

    async markSeen(source, ids) {
      if (ids.length === 0) return;
      const key = keys.seen(source);
      const at = now();
      const members: (string | number)[] = [];
      for (const id of new Set(ids)) members.push(at, id);
      // One MULTI: add, trim what is past retention, and let a source that went quiet lose
      // its whole set after the retention period.
      const replies = await redis
        .multi()
        .zadd(key, ...members)
        .zremrangebyscore(key, '-inf', `(${at - retentionMs}`)
        .pexpire(key, retentionMs)
        .exec();
      const failed = replies?.find(([err]) => err);
      if (failed) throw failed[0];
    },
  };
}
