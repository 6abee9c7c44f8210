// The per-source cursor: where the connector resumes. Written only after the fetched items
// are safely queued (workers/fetch.ts), so a crash re-reads rather than skips.

import type { Keys } from './keys.ts';
import type { RedisClient } from './scripts.ts';

export interface CursorStore {
  getCursor(source: string): Promise<string | null>;
  /** null forgets the cursor: the next fetch starts from the beginning. */
  setCursor(source: string, cursor: string | null): Promise<void>;
}

export function createCursorStore(redis: RedisClient, options: { keys: Keys }): CursorStore {
  const { keys } = options;
  return {
    async getCursor(source) {
      return redis.get(keys.cursor(source));
    },
    async setCursor(source, cursor) {
      if (cursor === null) await redis.del(keys.cursor(source));
      else await redis.set(keys.cursor(source), cursor);
    },
  };
}
