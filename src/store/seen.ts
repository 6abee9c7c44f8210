// The per-source seen-set: which item ids were fetched and classified before, for the retention
// period, and the pending-set: ids queued for classification but not yet classified. Only ids
// are kept, never texts. An item counts as seen only once its classification has finished
// (workers/classify.ts marks it), so an item whose classification never finishes is not
// silently dropped: while pending it is not queued twice, and once the pending mark is older
// than `pendingMs` a new fetch queues it again. Sorted sets (id → when) let old ids be trimmed
// by time; each call is one round trip for the whole batch.

import type { Keys } from './keys.ts';
import type { RedisClient } from './scripts.ts';

export interface SeenStore {
  /**
   * The ids of this batch neither seen within the retention period nor pending, each once, in
   * batch order. Ids seen before are marked seen again: an item stays seen for as long as its
   * source keeps listing it (plus the retention), so it is never taken for new after a month.
   */
  filterUnseen(source: string, ids: readonly string[]): Promise<string[]>;
  /** These ids are queued for classification. */
  markPending(source: string, ids: readonly string[]): Promise<void>;
  /** These ids were classified: seen from now on, no longer pending. */
  markSeen(source: string, ids: readonly string[]): Promise<void>;
}

export interface SeenStoreOptions {
  keys: Keys;
  /** How long an id counts as seen. */
  retentionDays: number;
  /** How long a queued id is left alone before a fetch may queue it again (default a day). */
  pendingMs?: number;
  now?: () => number;
}

const DAY_MS = 24 * 3600 * 1000;

export function createSeenStore(redis: RedisClient, options: SeenStoreOptions): SeenStore {
  const { keys } = options;
  const now = options.now ?? Date.now;
  const retentionMs = Math.max(1, Math.round(options.retentionDays * DAY_MS));
  const pendingMs = options.pendingMs ?? DAY_MS;

  const members = (ids: readonly string[], at: number) => {
    const out: (string | number)[] = [];
    for (const id of new Set(ids)) out.push(at, id);
    return out;
  };
  const check = (replies: [Error | null, unknown][] | null) => {
    const failed = replies?.find(([err]) => err);
    if (failed) throw failed[0];
  };

  return {
    async filterUnseen(source, ids) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      const t = now();
      const key = keys.seen(source);
      const replies = await redis
        .multi()
        .zmscore(key, ...unique)
        .zmscore(keys.pending(source), ...unique)
        .zadd(key, 'XX', ...members(unique, t))
        .pexpire(key, retentionMs)
        .exec();
      check(replies);
      const seen = (replies?.[0]?.[1] ?? []) as (string | null)[];
      const pending = (replies?.[1]?.[1] ?? []) as (string | null)[];
      // An id older than the retention is unseen even before markSeen trims it; a pending mark
      // older than pendingMs belongs to a classification that never finished.
      return unique.filter((_, i) => {
        const seenAt = seen[i];
        const pendingAt = pending[i];
        const isSeen = seenAt !== null && seenAt !== undefined && Number(seenAt) >= t - retentionMs;
        const isPending = pendingAt !== null && pendingAt !== undefined && Number(pendingAt) >= t - pendingMs;
        return !isSeen && !isPending;
      });
    },

    async markPending(source, ids) {
      if (ids.length === 0) return;
      const key = keys.pending(source);
      const at = now();
      const replies = await redis
        .multi()
        .zadd(key, ...members(ids, at))
        .zremrangebyscore(key, '-inf', `(${at - pendingMs}`)
        .pexpire(key, Math.max(pendingMs, retentionMs))
        .exec();
      check(replies);
    },

    async markSeen(source, ids) {
      if (ids.length === 0) return;
      const key = keys.seen(source);
      const at = now();
      // One MULTI: add, trim what is past retention, let a source that went quiet lose its
      // whole set after the retention period, and clear the pending marks.
      const replies = await redis
        .multi()
        .zadd(key, ...members(ids, at))
        .zremrangebyscore(key, '-inf', `(${at - retentionMs}`)
        .pexpire(key, retentionMs)
        .zrem(keys.pending(source), ...new Set(ids))
        .exec();
      check(replies);
    },
  };
}
