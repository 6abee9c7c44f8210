// The audit log of decisions: a Redis stream per school, append-only. Each entry says who did
// what to which finding, when, and why; nothing a decision does removes an entry. Entries older
// than the retention are trimmed as new ones are added (MINID), and the stream as a whole
// expires when a school has had no decision for that long, as the AVG's storage limitation asks.
// The entry holds ids, addresses and the moderator's own reason — never the comment's text.

import type { FindingStatus } from '../finding.ts';
import type { Keys } from './keys.ts';
import type { RedisClient } from './scripts.ts';

export const AUDIT_ACTIONS = ['approve', 'dismiss', 'escalate', 'reopen', 'gone'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  /** The stream id: time-ordered and unique. */
  id: string;
  /** ISO 8601. */
  at: string;
  school: string;
  finding: string;
  /** The moderator's e-mail address, or `uitkijk` for what uitkijk itself recorded. */
  actor: string;
  action: AuditAction;
  from: FindingStatus;
  to: FindingStatus;
  /** The moderator's reason, if given. */
  reason?: string;
  /** A dismissal marked "onterecht gemarkeerd" (a false alarm). */
  wrong?: boolean;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

export interface AuditLog {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** The entries of one finding, oldest first. */
  forFinding(school: string, finding: string): Promise<AuditEntry[]>;
  /** Every entry of one school, oldest first (for the CSV export and `evaluate --decisions`). */
  forSchool(school: string): Promise<AuditEntry[]>;
  /** One entry by its id, or null when it is gone. */
  get(school: string, id: string): Promise<AuditEntry | null>;
}

export interface AuditOptions {
  keys: Keys;
  retentionDays: () => number;
  now?: () => number;
}

const DAY_MS = 24 * 3600 * 1000;
const BATCH = 1000;

function parse(id: string, fields: string[]): AuditEntry | null {
  const f: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i]!] = fields[i + 1]!;
  if (!f.finding || !f.action || !f.actor) return null;
  const ms = Number(id.split('-')[0]);
  return {
    id,
    at: new Date(ms).toISOString(),
    school: f.school ?? '',
    finding: f.finding,
    actor: f.actor,
    action: f.action as AuditAction,
    from: f.from as FindingStatus,
    to: f.to as FindingStatus,
    ...(f.reason ? { reason: f.reason } : {}),
    ...(f.wrong === '1' ? { wrong: true } : {}),
  };
}

export function createAuditLog(redis: RedisClient, opts: AuditOptions): AuditLog {
  const now = opts.now ?? Date.now;

  async function* all(school: string): AsyncGenerator<AuditEntry> {
    let start = '-';
    for (;;) {
      const page = (await redis.xrange(opts.keys.audit(school), start, '+', 'COUNT', BATCH)) as [string, string[]][];
      for (const [id, fields] of page) {
        const entry = parse(id, fields);
        if (entry) yield entry;
      }
      if (page.length < BATCH) return;
      start = `(${page[page.length - 1]![0]}`;
    }
  }

  return {
    async append(entry) {
      const key = opts.keys.audit(entry.school);
      const keepMs = Math.max(1, Math.round(opts.retentionDays() * DAY_MS));
      const fields = ['school', entry.school, 'finding', entry.finding, 'actor', entry.actor, 'action', entry.action, 'from', entry.from, 'to', entry.to];
      if (entry.reason) fields.push('reason', entry.reason);
      if (entry.wrong) fields.push('wrong', '1');
      const cutoff = Math.max(0, now() - keepMs);
      const replies = await redis
        .multi()
        .xadd(key, 'MINID', '~', String(cutoff), '*', ...fields)
        .pexpire(key, keepMs)
        .exec();
      const failed = replies?.find(([err]) => err)?.[0];
      if (!replies || failed) throw failed ?? new Error('audit log: transaction aborted');
      const id = String(replies[0]![1]);
      return { ...entry, id, at: new Date(Number(id.split('-')[0])).toISOString() };
    },
    async forFinding(school, finding) {
      const out: AuditEntry[] = [];
      for await (const entry of all(school)) if (entry.finding === finding) out.push(entry);
      return out;
    },
    async get(school, id) {
      if (!/^\d+-\d+$/.test(id)) return null;
      const page = (await redis.xrange(opts.keys.audit(school), id, id)) as [string, string[]][];
      return page[0] ? parse(page[0][0], page[0][1]) : null;
    },
    async forSchool(school) {
      const out: AuditEntry[] = [];
      for await (const entry of all(school)) out.push(entry);
      return out;
    },
  };
}
