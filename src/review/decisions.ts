// Moderators' decisions on findings: which status change each action makes, who may make it,
// and what else it does — the audit entry, the finding's new expiry, the e-mail to school
// leadership on an escalation. Every change is a compare-and-set (store/findings.ts), so of
// two moderators deciding at once the second is told what the first did instead of
// overwriting it.

import type { Config, School } from '../config/schema.ts';
import type { Finding, FindingStatus } from '../finding.ts';
import type { AuditEntry, AuditLog } from '../store/audit.ts';
import type { FindingStore } from '../store/findings.ts';

export const ACTIONS = ['approve', 'dismiss', 'escalate', 'reopen'] as const;
export type Action = (typeof ACTIONS)[number];

/** From which statuses each action may be taken, and where it leads. */
export const TRANSITIONS: Record<Action, { from: readonly FindingStatus[]; to: FindingStatus }> = {
  approve: { from: ['open', 'escalated'], to: 'approved' },
  dismiss: { from: ['open', 'escalated'], to: 'dismissed' },
  escalate: { from: ['open'], to: 'escalated' },
  reopen: { from: ['approved', 'dismissed', 'escalated', 'gone'], to: 'open' },
};

export type DecideResult =
  | { ok: true; entry: AuditEntry; finding: Finding }
  | { ok: false; reason: 'missing' | 'forbidden' | 'no-leadership' }
  | { ok: false; reason: 'not-allowed' | 'conflict'; current: FindingStatus };

export interface DecisionInput {
  findingId: string;
  action: Action;
  actor: string;
  reason?: string;
  /** With dismiss: "onterecht gemarkeerd" (a false alarm). */
  wrong?: boolean;
}

export interface Decisions {
  decide(input: DecisionInput): Promise<DecideResult>;
}

/** The schools this address may see: all for an administrator, else those it moderates. */
export function schoolsOf(config: Config, email: string): School[] {
  const e = email.toLowerCase();
  if (config.administrators.some((a) => a.toLowerCase() === e)) return config.schools;
  return config.schools.filter((s) => s.moderators.some((m) => m.toLowerCase() === e));
}

export interface DecisionOptions {
  config: () => Config;
  findings: () => FindingStore;
  audit: AuditLog;
  /** Queues the e-mail to school leadership for an escalation (sent once, retried until delivered). */
  escalate: (finding: Finding, entry: AuditEntry) => Promise<void>;
}

/** A reason is kept short and on one line: it is a note in a log, not a message. */
export function cleanReason(reason: string | undefined): string | undefined {
  const r = (reason ?? '')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, 500);
  return r === '' ? undefined : r;
}

export function createDecisions(opts: DecisionOptions): Decisions {
  return {
    async decide(input) {
      const store = opts.findings();
      const finding = await store.getFinding(input.findingId);
      if (!finding) return { ok: false, reason: 'missing' };
      const config = opts.config();
      const school = schoolsOf(config, input.actor).find((s) => s.id === finding.item.school);
      if (!school) return { ok: false, reason: 'forbidden' };
      const t = TRANSITIONS[input.action];
      if (!t.from.includes(finding.status)) return { ok: false, reason: 'not-allowed', current: finding.status };
      if (input.action === 'escalate' && school.leadership.length === 0) return { ok: false, reason: 'no-leadership' };

      const moved = await store.moveFinding(finding.id, t.to, finding.status);
      if (!moved.moved) return moved.reason === 'missing' ? { ok: false, reason: 'missing' } : { ok: false, reason: 'conflict', current: moved.current };
      const entry = await opts.audit.append({
        school: school.id,
        finding: finding.id,
        actor: input.actor.toLowerCase(),
        action: input.action,
        from: finding.status,
        to: t.to,
        reason: cleanReason(input.reason),
        wrong: input.action === 'dismiss' && input.wrong === true ? true : undefined,
      });
      // A decided finding is kept for the configured days from now; a reopened one as if new.
      await store.expireAfterDecision(finding.id, config.retention.findingsDays);
      const after = { ...finding, status: t.to };
      if (input.action === 'escalate') await opts.escalate(after, entry);
      return { ok: true, entry, finding: after };
    },
  };
}
