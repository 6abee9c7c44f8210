// The personal-data score's floors (signals.ts personalDataScore): what a surely personal entity
// says, and a named person tied to a sensitive fact, which the learned model sometimes reads as
// something else (whereabouts mostly as a threat).
import { describe, expect, it } from 'vitest';
import { personalDataScore, piiSignals } from '../../src/classify/signals.ts';
import type { Evidence, PiiResult } from '../../src/classify/types.ts';

function named(rule: string, weight: number): PiiResult {
  const evidence: Evidence[] = [{ label: 'personal_data', kind: 'name_with_sensitive', detail: rule, start: 0, end: 4, weight }];
  return { score: weight, evidence, entities: [{ type: 'name_with_sensitive', start: 0, end: 4, value: 'Yara', score: weight }], allowedFound: 0 };
}
const score = (combined: number, pd: PiiResult) => personalDataScore(combined, piiSignals(pd, 'Yara …'), pd);

describe('personal-data floors', () => {
  it('a named person tied to where they are at set times is personal data as likely as not', () => {
    expect(score(0.2, named('sensitive.whereabouts.first_name', 0.65))).toBe(0.5);
    expect(score(0.8, named('sensitive.whereabouts', 0.85))).toBe(0.8);
  });
  it('so is a named person tied to an orientation, a diagnosis, a punishment, a result or a home situation', () => {
    expect(score(0.1, named('sensitive.orientation.first_name', 0.65))).toBe(0.5);
    expect(score(0.1, named('sensitive.health', 0.85))).toBe(0.5);
    expect(score(0.3, named('sensitive.punishment.first_name', 0.75))).toBe(0.5);
    expect(score(0.2, named('sensitive.grades.coordinated', 0.65))).toBe(0.5);
    expect(score(0.2, named('sensitive.home', 0.75))).toBe(0.5);
  });
  it('leaves the score alone for a weaker tie or a missing child (half of those texts are no personal data)', () => {
    expect(score(0.2, named('sensitive.whereabouts.first_name', 0.6))).toBe(0.2);
    expect(score(0.2, named('sensitive.missing.first_name', 0.65))).toBe(0.2);
    expect(score(0.2, named('sensitive.missing', 0.75))).toBe(0.2);
  });
});
