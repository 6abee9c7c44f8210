// The per-source cursor: where the connector resumes. Written only after the fetched items
// are safely queued (workers/fetch.ts), so a crash re-reads rather than skips. Like everything
// stored it expires (after the seen-set's retention): a source unread for that long starts over,
// and its seen-set, gone too, lets nothing through twice that it still remembers.

import type { Keys } from './keys.ts';
import type { RedisClient } from './scripts.ts';

export interface CursorStore {
  getCursor(source: string): Promise<string | null>;
  /** null forgets the cursor: the next fetch starts from the beginning. */
  setCursor(source: string, cursor: string | null): Promise<void>;
}

export function createCursorStore(redis: RedisClient, options: { keys: Keys; retentionMs: () => number }): CursorStore {
  const { keys } = options;
  return {
    async getCursor(source) {
      return redis.get(keys.cursor(source));
    },
    async setCursor(source, cursor) {
      if (cursor === null) await redis.del(keys.cursor(source));
      else await redis.set(keys.cursor(source), cursor, 'PX', Math.max(1, Math.round(options.retentionMs())));
    },
  };
}
