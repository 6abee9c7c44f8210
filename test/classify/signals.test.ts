// The personal-data score's floors (signals.ts personalDataScore): what a surely personal entity
// says, and a named person tied to a sensitive fact, which the learned model sometimes reads as
// something else (whereabouts mostly as a threat).
import { describe, expect, it } from 'vitest';
import { createPiiRecogniser } from '../../src/classify/pii/index.ts';
import { NO_ONE_CAP, personalDataScore, piiSignals } from '../../src/classify/signals.ts';
import { DEFAULT_THRESHOLDS } from '../../src/classify/types.ts';
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

describe('a threat that gives an address or a plate', () => {
  const recognise = createPiiRecogniser({});
  const withThreat = (text: string, combined: number, threat: number) => {
    const pd = recognise(text);
    return personalDataScore(combined, piiSignals(pd, text), pd, threat);
  };
  // Where the target lives or what they drive: personal data at least as likely as the threat.
  it.each([
    ['Voor wie die mentor haat: Rozengaarde 88, 1336 VB Almere. Hoop dat zijn huis afbrandt', 0.15, 0.9, 0.9],
    ['dat is toch die gast van Beatrixlaan 5? z’n scooter gaat vannacht in de sloot', 0.2, 0.8, 0.8],
    // A higher score of its own stands; so does a low one when the threat is low.
    ['Voor wie die mentor haat: Rozengaarde 88, 1336 VB Almere. Hoop dat zijn huis afbrandt', 0.95, 0.9, 0.95],
    ['Het zwemfeest is morgen in zwembad De Wiel, Lijsterbeslaan 14, 4205 BK Gorinchem.', 0.1, 0.02, 0.1],
    // No address, no plate: the threat alone is no personal data.
    ['Ik weet waar je woont, pas maar op', 0.1, 0.9, 0.1],
  ])('%j at %d with threat %d gives %d', (text, combined, threat, expected) => {
    expect(withThreat(text, combined, threat)).toBe(expected);
  });
});

describe('a text that names no one', () => {
  const recognise = createPiiRecogniser({});
  const pdScore = (text: string, combined: number) => {
    const pd = recognise(text);
    return personalDataScore(combined, piiSignals(pd, text), pd, 0, text);
  };
  // Nothing says who it is about: no name, no contact detail, no address or date.
  it.each([
    'ik wacht elke dag bij de bakker op je, je loopt altijd om 8 uur langs',
    'Mijn dochter heeft de griep, ze blijft deze week thuis',
    'die jongen uit 2c fietst elke middag langs het kanaal naar huis',
  ])('keeps %j below the default alert', (text) => {
    expect(pdScore(text, 0.9)).toBe(NO_ONE_CAP);
    expect(NO_ONE_CAP).toBeLessThan(DEFAULT_THRESHOLDS.personal_data.alert);
  });
  // A name (also a given name in lower case with a class or a title) or a structured item does
  // not lower the score; nor is a low score raised.
  it.each([
    ['Mijn dochter Yara heeft de griep, ze blijft deze week thuis', 0.9],
    ['meneer Bakker zit al weken thuis met een burn-out', 0.8],
    ['ivo uit 3b is blijven zitten, drie onvoldoendes', 0.9],
    ['juf roos zit al weken thuis met een burn-out', 0.8],
    ['bel mij maar op 06-41873925', 0.9],
  ])('does not lower %j at %d', (text, combined) => {
    expect(pdScore(text, combined)).toBeGreaterThanOrEqual(combined);
  });
  it('leaves a low score of a text that names no one as it is', () => {
    expect(pdScore('Mijn dochter heeft de griep', 0.2)).toBe(0.2);
  });
});

describe('whose contact detail it is', () => {
  const recognise = createPiiRecogniser({});
  const signals = (text: string) => piiSignals(recognise(text), text);
  it.each([
    // The holder after "t.n.v." is a person, or an organisation.
    ['Wie doet mee met het cadeau? Maak €4 over naar NL02ABNA0123456789 t.n.v. J. van Dam', 'person'],
    ['Wie doet mee met het cadeau? Maak €4 over naar NL02ABNA0123456789 t.n.v. Sanne Vos', 'person'],
    ['Graag je deel overmaken op NL02ABNA0123456789 t.n.v. J. van Rijn? Dan hoeft de ouderraad het niet te doen', 'person'],
    ['Betalen kan naar nl02abna0123456789 (t.n.v. R. Çelik), dan breng ik de kaartjes', 'person'],
    ['De ouderbijdrage graag naar NL02ABNA0123456789 t.n.v. Stichting Ouderraad De Klimop', 'org'],
    // One's own number, even in a sentence that names a service.
    ['mijn nummer is 06-12345678 voor wie wil ruilen met de overblijfdienst', 'person'],
    ['mijn nummer is nul zes een twee drie vier vijf zes zeven acht voor wie wil ruilen met de overblijfdienst', 'person'],
    // A text that names no organisation, by someone writing about themselves; and one that does.
    ['Wie wil er morgen mee naar het zwemfeest? Ik rijd om 9 uur weg vanaf Lijsterbeslaan 14, 4205 BK Gorinchem', 'person'],
    ['Het zwemfeest is morgen in zwembad De Wiel, Lijsterbeslaan 14, 4205 BK Gorinchem. Wij zien jullie daar!', 'org'],
  ])('%j is a detail of a %s', (text, owner) => {
    const s = signals(text);
    expect(s.structured).toBeGreaterThan(0);
    if (owner === 'person') {
      expect(s.personal).toBeGreaterThan(0);
      expect(s.sure).toBeGreaterThan(0);
    } else {
      expect(s.organisation).toBeGreaterThan(0);
      expect(s.sure).toBe(0);
    }
  });
});
