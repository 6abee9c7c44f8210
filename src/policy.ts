// The policy: turns a classifier verdict into a decision with the configured thresholds —
// which labels count, whether the school gets an alert, whether the text is a removal
// candidate (A6), how serious it is and which protocol articles it concerns. Pure, no I/O.

import { LABELS } from './classify/types.ts';
import type { Label, Thresholds, Verdict } from './classify/types.ts';
import type { Item } from './item.ts';

export const SEVERITIES = ['laag', 'middel', 'hoog'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Articles of the school's social media protocol (shared/protocol-sociale-media.txt). */
export const ARTICLES = ['A2', 'A6', 'A10', 'A11', 'Consequenties 7'] as const;
export type Article = (typeof ARTICLES)[number];

export interface Decision {
  alert: boolean;
  labels: Label[];
  removalCandidate: boolean;
  severity: Severity;
  /** In the order of ARTICLES, each once. */
  articles: Article[];
}

/** At or above this score a finding is 'hoog' whatever its label. */
export const HIGH_SCORE = 0.9;
/** At or above this score (and below HIGH_SCORE) a finding is at least 'middel'. */
export const MEDIUM_SCORE = 0.7;

const LABEL_ARTICLES: Record<Label, Article[]> = {
  offensive: ['A10'],
  // A threat may be a criminal offence: the school can report it to the police.
  threat: ['A10', 'Consequenties 7'],
  personal_data: ['A2'],
};

export function decide(verdict: Verdict, item: Pick<Item, 'context'>, thresholds: Thresholds): Decision {
  const labels = LABELS.filter((label) => verdict.scores[label] >= thresholds[label].alert);
  // Only labels that alert can make a removal candidate, so a lax `remove` threshold in the
  // config never produces a candidate nobody was told about. Only reactions to the school's
  // own posts qualify: A6 lets the school remove those and nothing else.
  const removalCandidate = item.context === 'reply' && labels.some((label) => verdict.scores[label] >= thresholds[label].remove);

  const articles = new Set<Article>();
  for (const label of labels) for (const article of LABEL_ARTICLES[label]) articles.add(article);
  if (removalCandidate) articles.add('A6');
  // A post elsewhere cannot be removed by the school: report it to the platform and talk to
  // the people involved (A11).
  if (labels.length > 0 && item.context === 'mention') articles.add('A11');

  return {
    alert: labels.length > 0,
    labels,
    removalCandidate,
    severity: severityOf(verdict, labels),
    articles: ARTICLES.filter((article) => articles.has(article)),
  };
}

/**
 * hoog: a threat, or any flagged score >= 0.9.
 * middel: personal data, more than one label, or any flagged score >= 0.7.
 * laag: everything else (also when nothing is flagged).
 */
export function severityOf(verdict: Pick<Verdict, 'scores'>, labels: readonly Label[]): Severity {
  if (labels.length === 0) return 'laag';
  const top = Math.max(...labels.map((label) => verdict.scores[label]));
  if (labels.includes('threat') || top >= HIGH_SCORE) return 'hoog';
  if (labels.includes('personal_data') || labels.length > 1 || top >= MEDIUM_SCORE) return 'middel';
  return 'laag';
}
