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
  // A named person tied to where they are at set times, an orientation, a diagnosis, a
  // punishment, a result or a home situation is personal data as likely as not.
  it.each([
    [0.2, 'sensitive.whereabouts.first_name', 0.65, 0.5],
    [0.8, 'sensitive.whereabouts', 0.85, 0.8],
    [0.1, 'sensitive.orientation.first_name', 0.65, 0.5],
    [0.1, 'sensitive.health', 0.85, 0.5],
    [0.3, 'sensitive.punishment.first_name', 0.75, 0.5],
    [0.2, 'sensitive.grades.coordinated', 0.65, 0.5],
    [0.2, 'sensitive.home', 0.75, 0.5],
    // A weaker tie, or a missing child (half of those texts are no personal data), leaves the score alone.
    [0.2, 'sensitive.whereabouts.first_name', 0.6, 0.2],
    [0.2, 'sensitive.missing.first_name', 0.65, 0.2],
    [0.2, 'sensitive.missing', 0.75, 0.2],
  ])('combined %d with %s at %d gives %d', (combined, rule, weight, expected) => {
    expect(score(combined, named(rule, weight))).toBe(expected);
  });
});
