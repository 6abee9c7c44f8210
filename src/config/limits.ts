// The limits every source is read with (config `fetch`), in the units the code uses.

import { durationMs } from './duration.ts';
import type { Config } from './schema.ts';

export interface HttpLimits {
  /** The body, decompressed, in bytes. */
  maxBytes: number;
  maxRedirects: number;
  /** The whole request, from connecting to the last byte of the body. */
  timeoutMs: number;
}

export interface FetchLimits extends HttpLimits {
  /** At most this many items per fetch. */
  maxItems: number;
}

export function fetchLimits(config: Config): FetchLimits {
  return {
    maxBytes: Math.round(config.fetch.maxSizeMB * 1024 * 1024),
    maxRedirects: config.fetch.maxRedirects,
    timeoutMs: durationMs(config.fetch.timeout),
    maxItems: config.fetch.maxItems,
  };
}
