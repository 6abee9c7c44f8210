import { describe, expect, it } from 'vitest';
import { createPiiRecogniser, MIN_ENTITY_SCORE } from '../../../src/classify/pii/index.ts';
import { PII_TYPES } from '../../../src/classify/types.ts';

describe('createPiiRecogniser', () => {
  const pii = createPiiRecogniser();

  it('finds a named fact behind the handles a message opens with, however long, at its own offsets', () => {
    const message = 'Meneer Veenstra mist de kerstviering van groep acht en de musical in de aula dit jaar door een burn-out';
    const names = (text: string) => pii(text).entities.map((e) => [e.type, text.slice(e.start, e.end)]);
    expect(names(message)).toEqual([['name_with_sensitive', 'Veenstra']]);
    for (const lead of ['@s ', '@school.bsky.social ', '@jan.bsky.social @piet-de-vries.bsky.social '])
      expect(names(lead + message)).toEqual([['name_with_sensitive', 'Veenstra']]);
  });

  it('returns entities with offsets into the original text and evidence without values', () => {
    const text = 'Hé 👋 bel 06-12345678 of mail jan@example.nl';
    const r = pii(text);
    expect(r.entities.map((e) => text.slice(e.start, e.end))).toEqual(['06-12345678', 'jan@example.nl']);
    expect(r.entities.map((e) => e.value)).toEqual(['06-12345678', 'jan@example.nl']);
    expect(r.evidence).toHaveLength(2);
    for (const ev of r.evidence) {
      expect(ev.label).toBe('personal_data');
      expect(PII_TYPES).toContain(ev.kind);
      expect(ev.detail).not.toContain('06');
      expect(ev.detail).not.toContain('@');
      expect(ev.weight).toBeGreaterThanOrEqual(MIN_ENTITY_SCORE);
    }
    expect(r.score).toBe(Math.max(...r.entities.map((e) => e.score)));
  });

  it('scores zero with no entities for an ordinary comment', () => {
    expect(pii('Wat een mooie musical vandaag, groep 8! Om 19.30 uur begint het.')).toEqual({
      score: 0,
      evidence: [],
      entities: [],
      allowedFound: 0,
      lookalikes: 0,
    });
  });

  it('keeps the most confident of overlapping candidates', () => {
    const r = pii('overmaken op NL91 ABNA 0417 1643 00 graag');
    expect(r.entities.map((e) => e.type)).toEqual(['iban']);
  });
});
