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

export function createLogger(opts: LoggerOptions = {}): Logger {
  return pino(
    {
      level: opts.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: 'uitkijk' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
    },
    opts.destination,
  );
}
