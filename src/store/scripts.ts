// The atomic Redis operations, in one place (STYLE habit 8, as BullMQ's commands/): saving a
// batch of findings once, moving a finding between statuses, and the alert ledger that makes
// one alert e-mail per finding. Every key a script touches is passed in KEYS and carries the
// deployment's hash tag (keys.ts), so the scripts are legal on Redis Cluster too.
//
// The alert ledger:
//   claimAlert    — SET claim NX PX lease, unless `sent` exists: exactly one of several racing
//                   workers holds the lease; the others hear 'busy' (and when it expires) or
//                   'sent'. The claim also leaves an `attempt` record (kept for the retention).
//   (send)        — the SMTP server accepts the message (or the .eml file is renamed into place).
//   markAlertSent — SET sent, drop the lease and the attempt record: called straight after the
//                   server's acceptance, with nothing in between.
//   releaseAlert  — a send that failed (so nothing was delivered) drops its lease and attempt.
// A worker that dies between the server's acceptance and markAlertSent leaves an attempt record
// without `sent`: the next claim hears 'claimed-again', sends once more and the mailer counts it
// as a possible resend (metric uitkijk_alert_possible_resends_total). Over SMTP that window is
// one round trip wide and cannot be closed from this side; in outbox mode it is closed, because
// the file itself is the proof of the send (alerts/mailer.ts).
import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../redis/connect.ts';

export type { RedisClient } from '../redis/connect.ts';

// KEYS: claim, sent, attempt. ARGV: token, lease ms, retention ms.
const CLAIM_ALERT = `
if redis.call('EXISTS', KEYS[2]) == 1 then return {'sent', 0} end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  local before = redis.call('EXISTS', KEYS[3])
  redis.call('SET', KEYS[3], ARGV[1], 'PX', ARGV[3])
  if before == 1 then return {'claimed-again', tonumber(ARGV[2])} end
  return {'claimed', tonumber(ARGV[2])}
end
return {'busy', redis.call('PTTL', KEYS[1])}
`;

// KEYS: claim, sent, attempt, waiting. ARGV: token, sent-at, retention ms, finding id.
const MARK_ALERT_SENT = `
local fresh = redis.call('SET', KEYS[2], ARGV[2], 'NX', 'PX', ARGV[3])
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('DEL', KEYS[3])
redis.call('ZREM', KEYS[4], ARGV[4])
if fresh then return 1 end
return 0
`;

// KEYS: claim, attempt. ARGV: token, '1' to keep the attempt record (the outcome is unknown).
const RELEASE_ALERT = `
if ARGV[2] ~= '1' and redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

// KEYS: a lease. ARGV: token. Drops it only if it is still this holder's.
const RENEW_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

// KEYS: waiting. ARGV: finding id, now ms, retention ms. The first failure's time is kept.
const MARK_WAITING = `
redis.call('ZADD', KEYS[1], 'NX', ARGV[2], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return redis.call('ZCARD', KEYS[1])
`;

// KEYS: finding key and status-index key, in pairs. ARGV[1]: ttl ms, ARGV[2]: now ms, then
// per finding: data (JSON), status, time (ms), id. A finding that exists already is left as
// it is — its status may have moved on — which makes a retried batch harmless.
const SAVE_FINDINGS = `
local ttl = tonumber(ARGV[1])
local now = tonumber(ARGV[2])
local saved = 0
-- Index entries older than the retention belong to findings that have expired: trim them
-- first, so that what this call adds stays even if its time is old.
local trimmed = {}
for i = 1, #KEYS / 2 do
  local sk = KEYS[2 * i]
  if not trimmed[sk] then
    redis.call('ZREMRANGEBYSCORE', sk, '-inf', '(' .. (now - ttl))
    trimmed[sk] = true
  end
end
for i = 1, #KEYS / 2 do
  local fk, sk = KEYS[2 * i - 1], KEYS[2 * i]
  local a = 2 + (i - 1) * 4
  if redis.call('EXISTS', fk) == 0 then
    redis.call('HSET', fk, 'data', ARGV[a + 1], 'status', ARGV[a + 2], 'statusAt', ARGV[a + 3])
    redis.call('PEXPIRE', fk, ttl)
    redis.call('ZADD', sk, ARGV[a + 3], ARGV[a + 4])
    -- The index holds ids only, and lives as long as its newest finding.
    redis.call('PEXPIRE', sk, ttl)
    saved = saved + 1
  end
end
return saved
`;

// KEYS[1]: the finding, KEYS[2..]: every status index, the target's first. ARGV: id, new
// status, now (ms), expected current status or '', the index's time to live (ms).
// Compare-and-set, so that of two moderators deciding at once only the first moves it.
const MOVE_FINDING = `
local current = redis.call('HGET', KEYS[1], 'status')
if not current then return {'missing', ''} end
if ARGV[4] ~= '' and current ~= ARGV[4] then return {'conflict', current} end
for i = 3, #KEYS do redis.call('ZREM', KEYS[i], ARGV[1]) end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
if tonumber(ARGV[5]) and redis.call('PTTL', KEYS[2]) < tonumber(ARGV[5]) then redis.call('PEXPIRE', KEYS[2], ARGV[5]) end
redis.call('HSET', KEYS[1], 'status', ARGV[2], 'statusAt', ARGV[3])
return {'moved', current}
`;

const DEFINITIONS = {
  uitkijkClaimAlert: { numberOfKeys: 3, lua: CLAIM_ALERT },
  uitkijkMarkAlertSent: { numberOfKeys: 4, lua: MARK_ALERT_SENT },
  uitkijkReleaseAlert: { numberOfKeys: 2, lua: RELEASE_ALERT },
  uitkijkMarkWaiting: { numberOfKeys: 1, lua: MARK_WAITING },
  uitkijkReleaseLease: { numberOfKeys: 1, lua: RELEASE_LEASE },
  uitkijkRenewLease: { numberOfKeys: 1, lua: RENEW_LEASE },
  uitkijkSaveFindings: { lua: SAVE_FINDINGS },
  uitkijkMoveFinding: { lua: MOVE_FINDING },
} as const;

type Arg = string | number;
interface ScriptCommands {
  uitkijkClaimAlert(claimKey: string, sentKey: string, attemptKey: string, token: string, leaseMs: number, retentionMs: number): Promise<[string, number]>;
  uitkijkMarkAlertSent(
    claimKey: string,
    sentKey: string,
    attemptKey: string,
    waitingKey: string,
    token: string,
    sentAt: string,
    retentionMs: number,
    findingId: string,
  ): Promise<number>;
  uitkijkReleaseAlert(claimKey: string, attemptKey: string, token: string, keepAttempt: string): Promise<number>;
  uitkijkMarkWaiting(waitingKey: string, findingId: string, now: number, retentionMs: number): Promise<number>;
  uitkijkReleaseLease(key: string, token: string): Promise<number>;
  uitkijkRenewLease(key: string, token: string, ms: number): Promise<number>;
  uitkijkSaveFindings(numKeys: number, ...args: Arg[]): Promise<number>;
  uitkijkMoveFinding(numKeys: number, ...args: Arg[]): Promise<[string, string]>;
}

/** The client with this module's scripts defined (once per client; ioredis uses EVALSHA). */
export function withScripts(redis: RedisClient): RedisClient & ScriptCommands {
  const target = redis as unknown as Record<string, unknown>;
  for (const [name, definition] of Object.entries(DEFINITIONS)) {
    if (typeof target[name] !== 'function') redis.defineCommand(name, definition);
  }
  return redis as RedisClient & ScriptCommands;
}

export type ClaimResult =
  | { state: 'claimed'; again: boolean }
  | { state: 'sent' }
  /** Another worker holds the lease for `retryInMs` more. */
  | { state: 'busy'; retryInMs: number };

export interface AlertLedger {
  /**
   * Take the lease on sending this finding's alert, unless it was sent or is being sent.
   * `again`: an earlier attempt ended without a verdict (its worker died mid-send).
   */
  claimAlert(findingId: string, workerId: string, ttlMs: number): Promise<ClaimResult>;
  /** Record the confirmed send (kept for the retention period) and drop the lease. True if first. */
  markAlertSent(findingId: string, workerId: string): Promise<boolean>;
  /**
   * Drop this worker's lease after a failed send, so that a retry need not wait for it. With
   * `outcomeUnknown` (a send given up on half-way) the attempt record stays, so that the retry
   * is counted as a possible resend.
   */
  releaseAlert(findingId: string, workerId: string, outcomeUnknown?: boolean): Promise<void>;
  isAlertSent(findingId: string): Promise<boolean>;
  /** Note that this alert could not be delivered yet (the mail server is down): kept until sent. */
  markWaiting(findingId: string): Promise<number>;
  /** How many alerts wait for the mail server, and since when the oldest waits (ms epoch). */
  waiting(): Promise<{ count: number; oldestSince: number | null }>;
}

export interface AlertLedgerKeys {
  alertClaim(id: string): string;
  alertSent(id: string): string;
  alertAttempt(id: string): string;
  alertsWaiting(): string;
}

export interface AlertLedgerOptions {
  keys: AlertLedgerKeys;
  /** How long the record of a sent alert is kept (the findings' retention); read at each call. */
  retentionMs: () => number;
  now?: () => number;
}

export function createAlertLedger(redis: RedisClient, options: AlertLedgerOptions): AlertLedger {
  const r = withScripts(redis);
  const { keys } = options;
  const now = options.now ?? Date.now;
  const retention = () => Math.max(1, Math.round(options.retentionMs()));
  return {
    async claimAlert(findingId, workerId, ttlMs) {
      const [state, pttl] = await r.uitkijkClaimAlert(
        keys.alertClaim(findingId),
        keys.alertSent(findingId),
        keys.alertAttempt(findingId),
        workerId,
        Math.max(1, Math.round(ttlMs)),
        retention(),
      );
      if (state === 'claimed' || state === 'claimed-again') return { state: 'claimed', again: state === 'claimed-again' };
      if (state === 'sent') return { state: 'sent' };
      // PTTL is -2 when the lease vanished between the two calls: try again straight away.
      return { state: 'busy', retryInMs: Math.max(0, pttl) };
    },
    async markAlertSent(findingId, workerId) {
      const fresh = await r.uitkijkMarkAlertSent(
        keys.alertClaim(findingId),
        keys.alertSent(findingId),
        keys.alertAttempt(findingId),
        keys.alertsWaiting(),
        workerId,
        new Date(now()).toISOString(),
        retention(),
        findingId,
      );
      return fresh === 1;
    },
    async releaseAlert(findingId, workerId, outcomeUnknown = false) {
      await r.uitkijkReleaseAlert(keys.alertClaim(findingId), keys.alertAttempt(findingId), workerId, outcomeUnknown ? '1' : '0');
    },
    async isAlertSent(findingId) {
      return (await redis.exists(keys.alertSent(findingId))) === 1;
    },
    async markWaiting(findingId) {
      return r.uitkijkMarkWaiting(keys.alertsWaiting(), findingId, now(), retention());
    },
    async waiting() {
      const [count, oldest] = await Promise.all([redis.zcard(keys.alertsWaiting()), redis.zrange(keys.alertsWaiting(), 0, 0, 'WITHSCORES')]);
      return { count, oldestSince: oldest[1] !== undefined ? Number(oldest[1]) : null };
    },
  };
}

/** A named lease with a TTL: one holder at a time (e.g. one fetch of a source). */
export interface Lease {
  /** A token when taken, null while someone else holds it. */
  take(name: string, ms: number): Promise<string | null>;
  release(name: string, token: string): Promise<void>;
  /** Extends the lease while this token holds it; false when it was lost (expired, taken over). */
  renew(name: string, token: string, ms: number): Promise<boolean>;
}

export function createLease(redis: RedisClient, key: (name: string) => string): Lease {
  const r = withScripts(redis);
  return {
    async take(name, ms) {
      const token = randomUUID();
      const ok = await redis.set(key(name), token, 'PX', Math.max(1, Math.round(ms)), 'NX');
      return ok === 'OK' ? token : null;
    },
    async release(name, token) {
      await r.uitkijkReleaseLease(key(name), token);
    },
    async renew(name, token, ms) {
      return (await r.uitkijkRenewLease(key(name), token, Math.max(1, Math.round(ms)))) === 1;
    },
  };
}
