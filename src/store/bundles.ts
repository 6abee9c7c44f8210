// The alert bundles' state in Redis, changed only by the two scripts below so that racing
// workers agree: which findings wait for their school's next bundle, when that bundle goes
// out, and how many findings one post drew lately (a storm). Every key expires.
//
// route: counts the finding on its post's storm window; says `now` for a threat that is not part
// of a storm, else adds it to the school's waiting set and returns when the bundle goes out —
// at most one bundle per `everyMs`, a short gathering time after the first finding, and soon
// (the gathering time) when a storm carries threats.
// take: at the bundle's time, moves the waiting set aside under the bundle's own key (so a retry
// sends exactly the same findings) and notes the send time for the next bundle's spacing.

import type { Keys } from './keys.ts';
import type { RedisClient } from './scripts.ts';

const ROUTE = `
local storm, pending, nextKey, lastKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local id, now, threat = ARGV[1], tonumber(ARGV[2]), ARGV[3] == '1'
local windowMs, threshold, everyMs, gatherMs, ttlMs = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
redis.call('ZADD', storm, now, id)
redis.call('ZREMRANGEBYSCORE', storm, '-inf', now - windowMs)
redis.call('PEXPIRE', storm, windowMs * 2)
local count = redis.call('ZCARD', storm)
if threat and count <= threshold then return {'now', 0, count} end
redis.call('ZADD', pending, now, id)
redis.call('PEXPIRE', pending, ttlMs)
local last = tonumber(redis.call('GET', lastKey) or '0')
local target = math.max(now + gatherMs, last + everyMs)
if threat then target = now + gatherMs end
local scheduled = tonumber(redis.call('GET', nextKey) or '0')
if scheduled > now and scheduled <= target then return {'bundle', scheduled, count} end
redis.call('SET', nextKey, target, 'PX', ttlMs)
return {'bundle', target, count}
`;

const TAKE = `
local pending, batch, nextKey, lastKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local at, now, ttlMs = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
if redis.call('EXISTS', batch) == 1 then return 'again' end
if redis.call('EXISTS', pending) == 0 then return 'empty' end
redis.call('RENAME', pending, batch)
redis.call('PEXPIRE', batch, ttlMs)
redis.call('SET', lastKey, now, 'PX', ttlMs)
if redis.call('GET', nextKey) == at then redis.call('DEL', nextKey) end
return 'taken'
`;

interface BundleCommands {
  uitkijkRouteAlert(...args: (string | number)[]): Promise<[string, number, number]>;
  uitkijkTakeBundle(...args: (string | number)[]): Promise<string>;
}

export interface RouteOptions {
  now: number;
  threat: boolean;
  stormWindowMs: number;
  stormThreshold: number;
  everyMs: number;
  gatherMs: number;
  ttlMs: number;
}

export type RouteResult = { send: 'now'; postCount: number } | { send: 'bundle'; at: number; postCount: number };

export interface BundleStore {
  route(school: string, post: string, findingId: string, o: RouteOptions): Promise<RouteResult>;
  /** 'taken' (or 'again' for a retry): the bundle's findings are in `findings(school, at)`. */
  take(school: string, at: number, now: number, ttlMs: number): Promise<'taken' | 'again' | 'empty'>;
  findings(school: string, at: number): Promise<string[]>;
  /** After the bundle was sent: its set is no longer needed. */
  done(school: string, at: number): Promise<void>;
}

export function createBundleStore(redis: RedisClient, keys: Keys): BundleStore {
  const target = redis as unknown as Record<string, unknown>;
  if (typeof target.uitkijkRouteAlert !== 'function') redis.defineCommand('uitkijkRouteAlert', { numberOfKeys: 4, lua: ROUTE });
  if (typeof target.uitkijkTakeBundle !== 'function') redis.defineCommand('uitkijkTakeBundle', { numberOfKeys: 4, lua: TAKE });
  const r = redis as RedisClient & BundleCommands;
  return {
    async route(school, post, findingId, o) {
      const [send, at, count] = await r.uitkijkRouteAlert(
        keys.storm(school, post),
        keys.bundlePending(school),
        keys.bundleNext(school),
        keys.bundleLast(school),
        findingId,
        o.now,
        o.threat ? '1' : '0',
        o.stormWindowMs,
        o.stormThreshold,
        o.everyMs,
        o.gatherMs,
        o.ttlMs,
      );
      return send === 'now' ? { send: 'now', postCount: count } : { send: 'bundle', at: Number(at), postCount: count };
    },
    async take(school, at, now, ttlMs) {
      return (await r.uitkijkTakeBundle(
        keys.bundlePending(school),
        keys.bundleBatch(school, at),
        keys.bundleNext(school),
        keys.bundleLast(school),
        String(at),
        now,
        ttlMs,
      )) as 'taken' | 'again' | 'empty';
    },
    findings: (school, at) => redis.zrange(keys.bundleBatch(school, at), 0, -1),
    async done(school, at) {
      await redis.del(keys.bundleBatch(school, at));
    },
  };
}
