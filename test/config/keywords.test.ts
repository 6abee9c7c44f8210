import { describe, expect, it } from 'vitest';
import { keywordMatcher } from '../../src/config/keywords.ts';

describe('keywordMatcher', () => {
  const names = keywordMatcher(['De Linge', 'Vivente College', 'Sint-Jozef']);
  it.each([
    'Groot nieuws van De Linge!',
    'de linge doet mee',
    'DE LINGE',
    'op het vivente-college',
    'leerlingen van Sint Jozef',
    'sint‑jozef (met een vast streepje)',
  ])('matches %j', (t) => expect(names(t)).toBe(true));
  it.each(['lingerie in de aanbieding', 'de lingedijk', 'Vivente', 'collegegeld', 'de sint-jozefschool', ''])('does not match %j', (t) =>
    expect(names(t)).toBe(false),
  );
  it('ignores accents and matches nothing without keywords', () => {
    expect(keywordMatcher(['Café De Brug'])('cafe de brug')).toBe(true);
    expect(keywordMatcher([])('wat dan ook')).toBe(false);
  });
});
