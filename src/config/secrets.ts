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
export function envInsteadOf(key: string, path: readonly (string | number)[], sources: readonly ({ id?: unknown; kind?: unknown } | null)[]): string {
  const k = key.toLowerCase();
  if (k.startsWith('smtp')) return SECRET_ENV.smtp;
  if (k.startsWith('redis')) return SECRET_ENV.redis;
  if (path[0] === 'sources' && typeof path[1] === 'number') {
    const { id, kind } = sources[path[1]] ?? {};
    return sourceSecretEnv({ id: typeof id === 'string' && id !== '' ? id : '<SOURCE>', kind: typeof kind === 'string' ? kind : 'bluesky' });
  }
  return SECRET_ENV.signing;
}

/**
 * The secrets a running deployment reads, taken from the environment once and handed out by
 * name: connectors get this object, never the raw environment.
 */
export interface Secrets {
  /** The secret of one source (a Bluesky app password, later platform tokens), if set. */
  forSource(source: { id: string; kind: string }): string | undefined;
  /** The environment variable that holds it, for messages that tell an administrator what to set. */
  envNameFor(source: { id: string; kind: string }): string;
  readonly smtpUrl: string | undefined;
  readonly signingSecret: string | undefined;
  /** A bearer token that /metrics requires when set. */
  readonly metricsToken: string | undefined;
}

export const METRICS_TOKEN_ENV = 'UITKIJK_METRICS_TOKEN';

/** What the secret of each kind of source is called in the environment, before the source id. */
const SECRET_PREFIX: Record<string, string> = {
  bluesky: 'BLUESKY_APP_PASSWORD_',
  facebook: 'FACEBOOK_PAGE_TOKEN_',
  instagram: 'INSTAGRAM_TOKEN_',
  youtube: 'YOUTUBE_API_KEY_',
};

export function sourceSecretEnv(source: { id: string; kind: string }): string {
  const prefix = SECRET_PREFIX[source.kind] ?? `${source.kind.toUpperCase()}_TOKEN_`;
  return prefix + source.id.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

export function createSecrets(env: Record<string, string | undefined>): Secrets {
  const get = (name: string) => {
    const v = env[name];
    return v === undefined || v === '' ? undefined : v;
  };
  return {
    forSource: (source) => get(sourceSecretEnv(source)),
    envNameFor: sourceSecretEnv,
    smtpUrl: get(SECRET_ENV.smtp),
    signingSecret: get(SECRET_ENV.signing),
    metricsToken: get(METRICS_TOKEN_ENV),
  };
}
