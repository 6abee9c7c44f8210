// The logger: pino JSON lines with ids and counts. Comment texts, author names and secrets
// are redacted here, once, so a careless log call elsewhere cannot leak them (AVG).

import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export const REDACTED = '[verborgen]';

/**
 * Keys that may carry a comment text, an author or a secret, at the top level and a few
 * levels down (pino's wildcards match one level each). Items travel as `item`, batches as
 * `items[]`, HTTP requests as `req`.
 */
const SENSITIVE_KEYS = [
  'text',
  'author',
  'displayName',
  'handle',
  'password',
  'appPassword',
  'token',
  'accessJwt',
  'refreshJwt',
  'secret',
  'smtpUrl',
  'redisUrl',
  'authorization',
  'cookie',
];

export const REDACT_PATHS = [
  ...SENSITIVE_KEYS,
  ...SENSITIVE_KEYS.map((k) => `*.${k}`),
  ...SENSITIVE_KEYS.map((k) => `*.*.${k}`),
  ...['text', 'author', 'displayName'].map((k) => `items[*].${k}`),
  ...['text', 'author', 'displayName'].map((k) => `*.items[*].${k}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'env.SMTP_URL',
  'env.REDIS_URL',
  'env.UITKIJK_SECRET',
  'SMTP_URL',
  'REDIS_URL',
  'UITKIJK_SECRET',
];

export interface LoggerOptions {
  level?: string;
  destination?: DestinationStream;
}

const SENSITIVE = new Set(SENSITIVE_KEYS);
const MAX_DEPTH = 12;

/**
 * The safety net under the redact paths: pino's paths reach a fixed depth, but a job, a
 * batch or an error context can nest an item deeper. Walks plain objects and arrays only
 * (errors, dates and buffers go to pino's serializers untouched) and copies, never mutates
 * what the caller logged.
 */
export function scrub(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[te diep]';
  if (seen.has(value)) return '[Circular]';
  if (Array.isArray(value)) {
    seen.add(value);
    const copy = value.map((v) => scrub(v, depth + 1, seen));
    seen.delete(value);
    return copy;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  seen.add(value);
  const copy: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) copy[key] = SENSITIVE.has(key) ? REDACTED : scrub(v, depth + 1, seen);
  seen.delete(value);
  return copy;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  return pino(
    {
      level: opts.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: 'uitkijk' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Paths cover what is logged directly and child bindings; scrub() anything deeper.
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      formatters: { log: (object) => scrub(object) as Record<string, unknown> },
    },
    opts.destination,
  );
}
