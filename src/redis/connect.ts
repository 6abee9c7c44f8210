// Connections to Redis from REDIS_URL (or the embedded server's socket): one server
// (`redis://`, `rediss://`, a socket path) or a Redis Cluster (`redis+cluster://host:port,…`,
// the seed nodes). Every client gets an error listener, so ioredis never prints its own
// non-JSON "Unhandled error event" lines; connection trouble is reported once per change of
// state by `watchRedis`, not once per retry.

import { Cluster, Redis } from 'ioredis';
import type { ClusterOptions, RedisOptions } from 'ioredis';
import type { ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import { UitkijkError } from '../errors.ts';

export type RedisClient = Redis | Cluster;

export interface RedisTarget {
  kind: 'single' | 'cluster';
  /** For messages: where Redis is, without credentials. */
  where: string;
  /** A new client (each caller owns and closes it). */
  client(): RedisClient;
  /** What BullMQ's queues and workers get: options (single) or a shared Cluster instance. */
  bullmq(): ConnectionOptions;
}

const BASE: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: true };

/** ioredis options for one server from a redis:// URL or a socket path. */
export function redisOptions(url: string): RedisOptions {
  if (url.startsWith('/')) return { ...BASE, path: url };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UitkijkError(
      'REDIS_UNREACHABLE',
      'REDIS_URL is geen geldig adres; schrijf bijvoorbeeld redis://localhost:6379 of redis+cluster://host1:7000,host2:7001',
    );
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new UitkijkError(
      'REDIS_UNREACHABLE',
      `REDIS_URL moet met redis://, rediss:// of redis+cluster:// beginnen (of een socketpad zijn), niet '${u.protocol}'`,
    );
  }
  return {
    ...BASE,
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

/** `redis+cluster://[user:pass@]host:port,host:port` → seed nodes and options. */
export function clusterOptions(url: string): { nodes: { host: string; port: number }[]; options: ClusterOptions } {
  const rest = url.slice('redis+cluster://'.length);
  const at = rest.lastIndexOf('@');
  const auth = at >= 0 ? rest.slice(0, at) : '';
  const hosts = (at >= 0 ? rest.slice(at + 1) : rest).replace(/\/.*$/, '');
  const nodes = hosts
    .split(',')
    .filter(Boolean)
    .map((h) => {
      const [host, port] = h.split(':');
      return { host: host || '127.0.0.1', port: Number(port || 6379) };
    });
  if (nodes.length === 0 || nodes.some((n) => !Number.isInteger(n.port))) {
    throw new UitkijkError('REDIS_UNREACHABLE', 'REDIS_URL voor een cluster noemt de knooppunten zo: redis+cluster://host1:7000,host2:7001,host3:7002');
  }
  const [user, pass] = auth ? auth.split(':') : [];
  return {
    nodes,
    options: {
      redisOptions: { ...BASE, username: user ? decodeURIComponent(user) : undefined, password: pass ? decodeURIComponent(pass) : undefined },
      enableReadyCheck: true,
      // Reconnect with back-off while no seed node is reachable; MOVED/ASK are followed by ioredis itself (maxRedirections).
      clusterRetryStrategy: (times) => Math.min(200 * times, 2_000),
    },
  };
}

export function redisTarget(url: string): RedisTarget {
  if (url.startsWith('redis+cluster://')) {
    const { nodes, options } = clusterOptions(url);
    let shared: Cluster | undefined;
    return {
      kind: 'cluster',
      where: `Redis Cluster ${nodes.map((n) => `${n.host}:${n.port}`).join(',')}`,
      client: () => quiet(new Cluster(nodes, options)),
      // BullMQ reuses one Cluster for its queues and duplicates it for blocking workers.
      bullmq: () => (shared ??= quiet(new Cluster(nodes, options))) as unknown as ConnectionOptions,
    };
  }
  const options = redisOptions(url);
  return {
    kind: 'single',
    where: options.path ? `redis-server op ${options.path}` : `Redis op ${options.host}:${options.port}`,
    client: () => quiet(new Redis(options)),
    // BullMQ declares its own (looser) copy of ioredis's options type; they describe the same object.
    bullmq: () => options as ConnectionOptions,
  };
}

/** An error listener, so that ioredis does not print "Unhandled error event" to stderr. */
function quiet<T extends RedisClient>(client: T): T {
  client.on('error', () => undefined);
  return client;
}

export interface RedisWatch {
  ready(): boolean;
  /** Since when the connection is lost (ms epoch), or null while ready. */
  lostSince(): number | null;
  stop(): void;
}

/**
 * Logs a lost connection once and its return once, whatever ioredis does in between (it
 * reconnects on its own, with back-off). `ready()` answers without a round trip, so /healthz can
 * say 503 at once instead of hanging on a command that waits for the connection.
 */
export function watchRedis(client: RedisClient, log: Logger, where: string): RedisWatch {
  let lost: number | null = client.status === 'ready' ? null : Date.now();
  let lastError = '';
  const onError = (err: Error & { code?: string }) => {
    lastError = err.code ?? err.message;
  };
  const onDown = () => {
    if (lost !== null) return;
    lost = Date.now();
    log.error({ redis: where, reason: lastError || undefined }, 'verbinding met Redis verloren; uitkijk wacht en verbindt opnieuw');
  };
  const onReady = () => {
    if (lost === null) return;
    log.info({ redis: where, downMs: Date.now() - lost }, 'verbinding met Redis hersteld');
    lost = null;
  };
  client.on('error', onError);
  client.on('close', onDown);
  client.on('end', onDown);
  client.on('reconnecting', onDown);
  client.on('ready', onReady);
  return {
    ready: () => lost === null && client.status === 'ready',
    lostSince: () => lost,
    stop() {
      client.off('error', onError);
      client.off('close', onDown);
      client.off('end', onDown);
      client.off('reconnecting', onDown);
      client.off('ready', onReady);
    },
  };
}

/** Waits for the first ready, at start-up: a Redis that does not answer is a start-up failure. */
export async function firstContact(client: RedisClient, where: string, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return;
  let lastError = '';
  const onError = (err: Error & { code?: string }) => (lastError = err.code ?? err.message);
  client.on('error', onError);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new UitkijkError(
            'REDIS_UNREACHABLE',
            `${where} antwoordt niet binnen ${Math.round(timeoutMs / 1000)} s${lastError ? ` (${lastError === 'ECONNREFUSED' ? 'verbinding geweigerd' : lastError})` : ''}; start Redis of controleer REDIS_URL.`,
          ),
        );
      }, timeoutMs);
      client.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  } finally {
    client.off('error', onError);
  }
}
