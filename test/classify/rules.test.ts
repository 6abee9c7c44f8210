// One generic test for every rule record (STYLE habit 18, as ESLint's RuleTester): each rule
// fires on its own `fires` examples and leaves its `quiet` examples alone, and every trigger key
// can be produced by the tokenizer, so no rule is silently dead. A new rule is added in one
// place — its record with its examples — and this file tests it.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/classify/normalize.ts';
import { scoreOffensive } from '../../src/classify/offensive/index.ts';
import { LEXICON_RULES } from '../../src/classify/offensive/lexicon.ts';
import { PHRASES } from '../../src/classify/offensive/patterns.ts';
import { scoreThreat } from '../../src/classify/threat/index.ts';
import { RULES } from '../../src/classify/threat/rules.ts';

const FIRES = 0.3;

/** Can the tokenizer produce a token this key matches (exact for 'x$', prefix otherwise)? */
function keyCanFire(key: string): boolean {
  const exact = key.endsWith('$');
  const form = exact ? key.slice(0, -1) : key;
  // Keys are matched against normalised tokens: lower case, no diacritics, leetspeak mapped.
  const tokens = normalize(form).tokens;
  if (tokens.length !== 1) return false;
  const t = tokens[0]!.t;
  return exact ? t === form : t.startsWith(form) || form.startsWith(t);
}

const threatHits = (text: string, id: string) => scoreThreat(normalize(text)).evidence.filter((e) => e.detail.split(' (')[0] === id && e.weight >= FIRES);
const phraseHits = (text: string, id: string) =>
  scoreOffensive(normalize(text)).evidence.filter((e) => e.kind === 'pattern' && e.detail === id && e.weight >= FIRES);

describe('threat rules (threat/rules.ts)', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has examples it fires on and examples it leaves alone', () => {
        expect(rule.examples.fires.length).toBeGreaterThan(0);
        expect(rule.examples.quiet.length).toBeGreaterThan(0);
      });
      it('has trigger keys the tokenizer can produce, and a firing example holds one', () => {
        for (const key of rule.keys) expect(keyCanFire(key), `key '${key}' can never match a token`).toBe(true);
        const exampleTokens = rule.examples.fires.flatMap((t) => normalize(t).tokens.map((tok) => tok.t));
        const woken = rule.keys.some((k) => exampleTokens.some((t) => (k.endsWith('$') ? t === k.slice(0, -1) : t.startsWith(k))));
        expect(woken).toBe(true);
      });
      for (const text of rule.examples.fires) it(`fires: ${text}`, () => expect(threatHits(text, rule.id)).not.toEqual([]));
      // A weak cue (weight under 0.5) counts only with other cues: quiet means the text stays
      // below the alert threshold; a rule that flags on its own must not fire at all.
      for (const text of rule.examples.quiet) {
        it(`quiet: ${text}`, () => {
          if (rule.w < 0.5) expect(scoreThreat(normalize(text)).score).toBeLessThan(0.5);
          else expect(threatHits(text, rule.id)).toEqual([]);
        });
      }
    });
  }
});

describe('offensive phrase rules (offensive/patterns.ts)', () => {
  for (const phrase of PHRASES) {
    describe(phrase.id, () => {
      it('has examples it fires on and examples it leaves alone', () => {
        expect(phrase.examples.fires.length).toBeGreaterThan(0);
        expect(phrase.examples.quiet.length).toBeGreaterThan(0);
      });
      for (const text of phrase.examples.fires) it(`fires: ${text}`, () => expect(phraseHits(text, phrase.id)).not.toEqual([]));
      for (const text of phrase.examples.quiet) it(`quiet: ${text}`, () => expect(phraseHits(text, phrase.id)).toEqual([]));
    });
  }
});

describe('offensive lexicon rules (offensive/lexicon.ts)', () => {
  for (const rule of LEXICON_RULES) {
    describe(rule.id, () => {
      const score = (t: string) => scoreOffensive(normalize(t));
      it('has examples it fires on and examples it leaves alone', () => {
        expect(rule.examples.fires.length).toBeGreaterThan(0);
        expect(rule.examples.quiet.length).toBeGreaterThan(0);
      });
      for (const text of rule.examples.fires) {
        it(`fires: ${text}`, () => expect(score(text).evidence.some((e) => e.kind === 'lexicon' && rule.covers(e.detail) && e.weight >= FIRES)).toBe(true));
      }
      for (const text of rule.examples.quiet) it(`quiet: ${text}`, () => expect(score(text).score).toBeLessThan(0.5));
    });
  }
});
