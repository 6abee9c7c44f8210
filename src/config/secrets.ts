// Secrets live in the environment, never in the YAML file: this module names the variables
// and recognises keys that look like someone tried to put a secret in the file anyway.

/** Environment variable holding the Bluesky app password of one source, e.g. BLUESKY_APP_PASSWORD_DEMO_BLUESKY. */
export function blueskyPasswordEnv(sourceId: string): string {
  return 'BLUESKY_APP_PASSWORD_' + sourceId.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

export const SECRET_ENV = {
  redis: 'REDIS_URL',
  smtp: 'SMTP_URL',
  signing: 'UITKIJK_SECRET',
} as const;

const SECRET_KEY = /pass(word|wd)?$|token|secret|credential|api[_-]?key|private[_-]?key|jwt|^auth|^smtp|^redis/i;

/**
 * Whether a YAML key looks like it carries a secret. Only the key name is inspected, so the
 * value never needs to be read, echoed or logged.
 */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Which environment variable to use instead of a secret-looking key found at `path`. */
export function envInsteadOf(key: string, path: readonly (string | number)[], sourceIds: readonly unknown[]): string {
  const k = key.toLowerCase();
  if (k.startsWith('smtp')) return SECRET_ENV.smtp;
  if (k.startsWith('redis')) return SECRET_ENV.redis;
  if (path[0] === 'sources' && typeof path[1] === 'number') {
    const id = sourceIds[path[1]];
    return blueskyPasswordEnv(typeof id === 'string' && id !== '' ? id : '<SOURCE>');
  }
  return SECRET_ENV.signing;
}
