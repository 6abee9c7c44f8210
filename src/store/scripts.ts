// The atomic Redis operations, in one place (STYLE habit 8, as BullMQ's commands/): saving a
// batch of findings once, moving a finding between statuses, and the alert ledger that makes
// one alert e-mail per finding. Every key a script touches is passed in KEYS and carries the
// deployment's hash tag (keys.ts), so the scripts are legal on Redis Cluster too.
//
// The alert ledger, and the one window it cannot close:
//   claimAlert  — SET claim NX PX lease, unless `sent` exists: exactly one of several racing
//                 workers holds the lease; the others see 'busy' (and when it expires) or 'sent'.
//   (send)      — the SMTP server accepts the message (or the .eml file is written).
//   markAlertSent — SET sent (kept for the retention period) and drop the lease.
//   releaseAlert  — a send that failed drops its own lease, so a retry may claim at once.
// A worker that crashes before the send leaves a lease that expires: a retry sends then. A
// worker that crashes after the SMTP server accepted but before markAlertSent leaves no
// `sent` record: once the lease expires a retry sends the e-mail again. That window (one
// round trip wide) makes delivery at-least-once there; the stable Message-ID (alerts/send.ts)
// lets mail clients fold such a duplicate, and the outbox file name makes it an overwrite.
// Likewise a send that outlives its lease may overlap a second sender; the lease is chosen
// longer than the mail transport's own time-outs so that this needs a stuck process.

import type { Cluster, Redis } from 'ioredis';

export type RedisClient = Redis | Cluster;

const CLAIM_ALERT = `
if redis.call('EXISTS', KEYS[2]) == 1 then return {'sent', 0} end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {'claimed', tonumber(ARGV[2])} end
return {'busy', redis.call('PTTL', KEYS[1])}
`;

const MARK_ALERT_SENT = `
local fresh = redis.call('SET', KEYS[2], ARGV[2], 'NX', 'PX', ARGV[3])
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
if fresh then return 1 end
return 0
`;

const RELEASE_ALERT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
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
    saved = saved + 1
  end
end
return saved
`;

// KEYS[1]: the finding, KEYS[2..]: every status index, the target's first. ARGV: id, new
// status, now (ms), expected current status or ''. Compare-and-set, so that of two
// moderators deciding at once only the first moves it.
const MOVE_FINDING = `
local current = redis.call('HGET', KEYS[1], 'status')
if not current then return {'missing', ''} end
if ARGV[4] ~= '' and current ~= ARGV[4] then return {'conflict', current} end
for i = 3, #KEYS do redis.call('ZREM', KEYS[i], ARGV[1]) end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('HSET', KEYS[1], 'status', ARGV[2], 'statusAt', ARGV[3])
return {'moved', current}
`;

const DEFINITIONS = {
  uitkijkClaimAlert: { numberOfKeys: 2, lua: CLAIM_ALERT },
  uitkijkMarkAlertSent: { numberOfKeys: 2, lua: MARK_ALERT_SENT },
  uitkijkReleaseAlert: { numberOfKeys: 1, lua: RELEASE_ALERT },
  uitkijkSaveFindings: { lua: SAVE_FINDINGS },
  uitkijkMoveFinding: { lua: MOVE_FINDING },
} as const;

type Arg = string | number;
interface ScriptCommands {
  uitkijkClaimAlert(claimKey: string, sentKey: string, token: string, leaseMs: number): Promise<[string, number]>;
  uitkijkMarkAlertSent(
    claimKey: string,
    sentKey: string,
    token: string,
    sentAt: string,
    retentionMs: number,
  ): Promise<number>;
  uitkijkReleaseAlert(claimKey: string, token: string): Promise<number>;
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
  | { state: 'claimed' }
  | { state: 'sent' }
  /** Another worker holds the lease for `retryInMs` more. */
  | { state: 'busy'; retryInMs: number };

export interface AlertLedger {
  /** Take the lease on sending this finding's alert, unless it was sent or is being sent. */
  claimAlert(findingId: string, workerId: string, ttlMs: number): Promise<ClaimResult>;
  /** Record the confirmed send (kept for the retention period) and drop the lease. True if first. */
  markAlertSent(findingId: string, workerId: string): Promise<boolean>;
  /** Drop this worker's lease after a failed send, so that a retry need not wait for it. */
  releaseAlert(findingId: string, workerId: string): Promise<void>;
  isAlertSent(findingId: string): Promise<boolean>;
}

export interface AlertLedgerOptions {
  keys: { alertClaim(id: string): string; alertSent(id: string): string };
  /** How long the record of a sent alert is kept (the findings' retention). */
  retentionMs: number;
  now?: () => number;
}

export function createAlertLedger(redis: RedisClient, options: AlertLedgerOptions): AlertLedger {
  const r = withScripts(redis);
  const { keys, retentionMs } = options;
  const now = options.now ?? Date.now;
  return {
    async claimAlert(findingId, workerId, ttlMs) {
      const [state, pttl] = await r.uitkijkClaimAlert(
        keys.alertClaim(findingId),
        keys.alertSent(findingId),
        workerId,
        Math.max(1, Math.round(ttlMs)),
      );
      if (state === 'claimed') return { state: 'claimed' };
      if (state === 'sent') return { state: 'sent' };
      // PTTL is -2 when the lease vanished between the two calls: try again straight away.
      return { state: 'busy', retryInMs: Math.max(0, pttl) };
    },
    async markAlertSent(findingId, workerId) {
      const fresh = await r.uitkijkMarkAlertSent(
        keys.alertClaim(findingId),
        keys.alertSent(findingId),
        workerId,
        new Date(now()).toISOString(),
        Math.max(1, Math.round(retentionMs)),
      );
      return fresh === 1;
    },
    async releaseAlert(findingId, workerId) {
      await r.uitkijkReleaseAlert(keys.alertClaim(findingId), workerId);
    },
    async isAlertSent(findingId) {
      return (await redis.exists(keys.alertSent(findingId))) === 1;
    },
  };
}
