// Findings in Redis: one record per flagged item (only flagged texts are stored at all), indexed
// by status and time. A finding is a Redis hash — `data` (the JSON of everything but the
// status), `status`, `statusAt` — so a decision changes two fields without rewriting the JSON.
// Every finding expires: retention after it was stored, reset by the decision
// (`expireAfterDecision`), as the AVG's storage limitation asks. The record itself is defined
// in src/finding.ts; this module only stores it.

import { FINDING_STATUSES } from '../finding.ts';
import type { Finding, FindingStatus } from '../finding.ts';
import type { Keys } from './keys.ts';
import { withScripts } from './scripts.ts';
import type { RedisClient } from './scripts.ts';

export type MoveResult =
  { moved: true; from: FindingStatus } | { moved: false; reason: 'missing' } | { moved: false; reason: 'conflict'; current: FindingStatus };

const DAY_MS = 24 * 3600 * 1000;

export interface FindingStore {
  /** Stores the findings not stored yet, in one round trip; returns how many were new. */
  saveFindings(findings: readonly Finding[]): Promise<number>;
  getFinding(id: string): Promise<Finding | null>;
  /** Newest first (by when they entered this status), at most `limit`. */
  listByStatus(status: FindingStatus, limit: number): Promise<Finding[]>;
  /** Atomically moves a finding to another status; with `from`, only if it is in that status now. */
  moveFinding(id: string, to: FindingStatus, from?: FindingStatus): Promise<MoveResult>;
  /** After a decision the finding is kept `days` more, then Redis drops it. False if it is gone. */
  expireAfterDecision(id: string, days: number): Promise<boolean>;
}

export interface FindingStoreOptions {
  keys: Keys;
  /** retention.findingsDays: how long an undecided finding is kept. */
  retentionDays: number;
  now?: () => number;
}

export function createFindingStore(redis: RedisClient, options: FindingStoreOptions): FindingStore {
  const r = withScripts(redis);
  const { keys } = options;
  const now = options.now ?? Date.now;
  const ttlMs = Math.max(1, Math.round(options.retentionDays * DAY_MS));

  function parse(id: string, hash: Record<string, string>): Finding | null {
    if (!hash.data || !hash.status) return null;
    const stored = JSON.parse(hash.data) as Omit<Finding, 'status'>;
    return { ...stored, id, status: hash.status as FindingStatus };
  }

  return {
    async saveFindings(findings) {
      if (findings.length === 0) return 0;
      const keyArgs: string[] = [];
      const argv: (string | number)[] = [ttlMs, now()];
      for (const finding of findings) {
        const { status, ...data } = finding;
        const at = Date.parse(finding.createdAt);
        keyArgs.push(keys.finding(finding.id), keys.findingsByStatus(status));
        argv.push(JSON.stringify(data), status, Number.isFinite(at) ? at : now(), finding.id);
      }
      return r.uitkijkSaveFindings(keyArgs.length, ...keyArgs, ...argv);
    },

    async getFinding(id) {
      return parse(id, await redis.hgetall(keys.finding(id)));
    },

    async listByStatus(status, limit) {
      const index = keys.findingsByStatus(status);
      const found: Finding[] = [];
      let offset = 0;
      // Index entries can outlive their finding (expired by TTL): skip them, prune them, and
      // read on so that the caller still gets `limit` when there are that many.
      while (found.length < limit) {
        const want = limit - found.length;
        const ids = await redis.zrevrange(index, offset, offset + want - 1);
        if (ids.length === 0) break;
        offset += ids.length;
        const pipeline = redis.pipeline();
        for (const id of ids) pipeline.hgetall(keys.finding(id));
        const replies = (await pipeline.exec()) ?? [];
        const gone: string[] = [];
        ids.forEach((id, i) => {
          const [err, hash] = replies[i] ?? [null, {}];
          if (err) throw err;
          const finding = parse(id, hash as Record<string, string>);
          if (finding && finding.status === status) found.push(finding);
          else if (!finding) gone.push(id);
        });
        if (gone.length) {
          await redis.zrem(index, ...gone);
          offset -= gone.length;
        }
        if (ids.length < want) break;
      }
      return found;
    },

    async moveFinding(id, to, from) {
      const indexes = [to, ...FINDING_STATUSES.filter((s) => s !== to)].map((s) => keys.findingsByStatus(s));
      const keyArgs = [keys.finding(id), ...indexes];
      const [state, current] = await r.uitkijkMoveFinding(keyArgs.length, ...keyArgs, id, to, now(), from ?? '', ttlMs);
      if (state === 'moved') return { moved: true, from: current as FindingStatus };
      if (state === 'conflict') return { moved: false, reason: 'conflict', current: current as FindingStatus };
      return { moved: false, reason: 'missing' };
    },

    async expireAfterDecision(id, days) {
      return (await redis.pexpire(keys.finding(id), Math.max(1, Math.round(days * DAY_MS)))) === 1;
    },
  };
}
