// Small helpers every connector needs, kept once: reading a stored cursor, Retry-After, and the
// media summary of an item.

import type { MediaKind } from '../src/item.ts';

const DEFAULT_RETRY_MS = 60_000;

/** Milliseconds to wait from a Retry-After header (seconds, or an HTTP date); a minute if absent. */
export function parseRetryAfter(value: string | null | undefined, now: number, fallbackMs = DEFAULT_RETRY_MS): number {
  if (!value) return fallbackMs;
  const secs = Number(value);
  if (Number.isFinite(secs) && secs >= 0) return Math.round(secs * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : fallbackMs;
}

/** A connector's cursor as stored (JSON text), read back leniently: anything unreadable is a fresh start. */
export function readJsonCursor<T extends object>(cursor: string | null, check: (v: Record<string, unknown>) => T): T | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(cursor) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? check(v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Collects the media of one item: kinds (each once) and how many attachments in all. */
export function mediaSummary() {
  const kinds = new Set<MediaKind>();
  let count = 0;
  return {
    add(kind: MediaKind, n = 1) {
      kinds.add(kind);
      count += n;
    },
    done(): { kinds: MediaKind[]; count: number } {
      return { kinds: [...kinds], count };
    },
  };
}
