import { describe, expect, it } from 'vitest';
import { decide, severityOf } from '../src/policy.ts';
import type { Decision } from '../src/policy.ts';
import type { Scores, Thresholds, Verdict } from '../src/classify/types.ts';
import type { ItemContext } from '../src/item.ts';

// The policy's own thresholds for these cases, not the defaults (those are tuned on the corpus
// and may move): what is tested is how the policy applies whatever thresholds it is given.
const T: Thresholds = {
  offensive: { alert: 0.5, remove: 0.7 },
  threat: { alert: 0.5, remove: 0.6 },
  personal_data: { alert: 0.5, remove: 0.6 },
};

function verdict(scores: Partial<Scores>): Verdict {
  return { scores: { offensive: 0, threat: 0, personal_data: 0, ...scores }, evidence: [], entities: [] };
}

// Defaults: offensive alert 0.5 / remove 0.7, threat 0.5 / 0.6, personal_data 0.5 / 0.6.
const cases: { name: string; context: ItemContext; scores: Partial<Scores>; expected: Decision }[] = [
  {
    name: 'nothing above any threshold',
    context: 'reply',
    scores: { offensive: 0.49, threat: 0.1 },
    expected: { alert: false, labels: [], removalCandidate: false, severity: 'laag', articles: [] },
  },
  {
    name: 'offensive reply at the alert threshold, below remove',
    context: 'reply',
    scores: { offensive: 0.5 },
    expected: { alert: true, labels: ['offensive'], removalCandidate: false, severity: 'laag', articles: ['A10'] },
  },
  {
    name: 'offensive reply at the remove threshold',
    context: 'reply',
    scores: { offensive: 0.7 },
    expected: { alert: true, labels: ['offensive'], removalCandidate: true, severity: 'middel', articles: ['A6', 'A10'] },
  },
  {
    name: 'the same text as a mention: never a removal candidate, A11 instead',
    context: 'mention',
    scores: { offensive: 0.7 },
    expected: { alert: true, labels: ['offensive'], removalCandidate: false, severity: 'middel', articles: ['A10', 'A11'] },
  },
  {
    name: 'threat reply: hoog, A10 and Consequenties 7',
    context: 'reply',
    scores: { threat: 0.55 },
    expected: {
      alert: true,
      labels: ['threat'],
      removalCandidate: false,
      severity: 'hoog',
      articles: ['A10', 'Consequenties 7'],
    },
  },
  {
    name: 'personal data in a mention',
    context: 'mention',
    scores: { personal_data: 0.8 },
    expected: { alert: true, labels: ['personal_data'], removalCandidate: false, severity: 'middel', articles: ['A2', 'A11'] },
  },
  {
    name: 'several labels on a reply, one of them past remove',
    context: 'reply',
    scores: { offensive: 0.6, threat: 0.3, personal_data: 0.95 },
    expected: {
      alert: true,
      labels: ['offensive', 'personal_data'],
      removalCandidate: true,
      severity: 'hoog',
      articles: ['A2', 'A6', 'A10'],
    },
  },
];

describe('decide', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(decide(verdict(c.scores), { context: c.context }, T)).toEqual(c.expected);
    });
  }

  it('follows the configured thresholds', () => {
    const strict: Thresholds = {
      offensive: { alert: 0.8, remove: 0.9 },
      threat: { alert: 0.3, remove: 0.4 },
      personal_data: { alert: 0.5, remove: 0.6 },
    };
    const v = verdict({ offensive: 0.75, threat: 0.35 });
    expect(decide(v, { context: 'reply' }, T).labels).toEqual(['offensive']);
    const d = decide(v, { context: 'reply' }, strict);
    expect(d.labels).toEqual(['threat']);
    expect(d.removalCandidate).toBe(false);
    expect(decide(verdict({ threat: 0.4 }), { context: 'reply' }, strict).removalCandidate).toBe(true);
  });

  it('makes no removal candidate from a label that does not alert', () => {
    const lax: Thresholds = { ...T, offensive: { alert: 0.8, remove: 0.3 } };
    const d = decide(verdict({ offensive: 0.5 }), { context: 'reply' }, lax);
    expect(d).toMatchObject({ alert: false, removalCandidate: false, articles: [] });
  });
});

describe('severityOf', () => {
  it('is hoog at 0.9 for any label, middel at 0.7, laag below', () => {
    expect(severityOf(verdict({ offensive: 0.9 }), ['offensive'])).toBe('hoog');
    expect(severityOf(verdict({ offensive: 0.89 }), ['offensive'])).toBe('middel');
    expect(severityOf(verdict({ offensive: 0.69 }), ['offensive'])).toBe('laag');
    expect(severityOf(verdict({ offensive: 0.6, personal_data: 0.6 }), ['offensive', 'personal_data'])).toBe('middel');
  });
});
