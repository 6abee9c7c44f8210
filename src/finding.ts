// The finding: the domain record of one flagged item — what the classifier saw, what the
// policy decided, and where it stands. The store (src/store/findings.ts) keeps these; alerts,
// the digest and the review page read them. An item the classifier could not judge becomes a
// finding too (`unreadable`), so that a person looks at it instead of it being dropped.

import { createHash } from 'node:crypto';
import type { Entity, Evidence, Label, Scores, Verdict } from './classify/types.ts';
import type { Item } from './item.ts';
import type { Article, Decision, Severity } from './policy.ts';

/**
 * open: waits for a moderator; approved: removal approved (the moderator removes it on the
 * platform); dismissed: no removal; escalated: handed to school leadership (A11); gone: no
 * longer on the platform when looked up again (removed by its author or the platform).
 */
export const FINDING_STATUSES = ['open', 'approved', 'dismissed', 'escalated', 'gone'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export interface Finding {
  /** Stable: derived from the item (findingId), so a re-classified item maps to the same finding. */
  id: string;
  item: Item;
  scores: Scores;
  evidence: Evidence[];
  labels: Label[];
  entities: Entity[];
  removalCandidate: boolean;
  severity: Severity;
  articles: Article[];
  status: FindingStatus;
  /** ISO 8601: when the finding was made. */
  createdAt: string;
  /** Set when the classifier could not judge the item: why (ids and sizes only, never text). */
  unreadable?: { reason: string };
}

/**
 * The finding's id: a hash of school, platform and item id. The school is part of it because
 * one public post can mention two schools, and each must get its own finding and alert.
 * Hashed so that the id is short and safe in keys and links whatever the platform's ids hold.
 */
export function findingId(item: Pick<Item, 'school' | 'platform' | 'id'>): string {
  return createHash('sha256').update(`${item.school}\u0000${item.platform}\u0000${item.id}`).digest('base64url').slice(0, 22);
}

/** A new, open finding for a flagged item: what the classifier saw and what the policy decided. */
export function newFinding(item: Item, verdict: Verdict, decision: Decision, createdAt: string): Finding {
  return {
    id: findingId(item),
    item,
    scores: verdict.scores,
    evidence: verdict.evidence,
    entities: verdict.entities,
    labels: decision.labels,
    removalCandidate: decision.removalCandidate,
    severity: decision.severity,
    articles: decision.articles,
    status: 'open',
    createdAt,
  };
}

/**
 * A finding for an item that could not be classified (an error, or a job that kept failing):
 * no labels, alerted so that someone looks at it ("kon niet beoordelen — kijk zelf"), never a
 * removal candidate, since nobody has judged it yet.
 */
export function unreadableFinding(item: Item, reason: string, createdAt: string): Finding {
  return {
    id: findingId(item),
    item,
    scores: { offensive: 0, threat: 0, personal_data: 0 },
    evidence: [],
    entities: [],
    labels: [],
    removalCandidate: false,
    severity: 'middel',
    articles: item.context === 'mention' ? ['A11'] : [],
    status: 'open',
    createdAt,
    unreadable: { reason },
  };
}
