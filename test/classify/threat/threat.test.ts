// The threat rules' scorer as a whole: where its evidence points, that a long text does not
// score for its length, that lowering context shows in the evidence, emoji and spelling
// tricks. Each rule's own examples are run by test/classify/rules.test.ts.
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/classify/normalize.ts';
import { scoreThreat } from '../../../src/classify/threat/index.ts';
import { DEFAULT_THRESHOLDS } from '../../../src/classify/types.ts';

const ALERT = DEFAULT_THRESHOLDS.threat.alert;
const score = (t: string) => scoreThreat(normalize(t));

describe('threat evidence', () => {
  it('points at the threatening clause inside a long text', () => {
    const text =
      'Ik lees hier veel over het nieuwe rooster en ik snap de zorgen. De bus rijdt te vroeg en de fietsenstalling is te klein. ' +
      'Maar die mentor die mijn dochter heeft geschorst: ik sla hem in elkaar als ik hem zie. Verder een prima school hoor.';
    const r = score(text);
    expect(r.score).toBeGreaterThanOrEqual(ALERT);
    const top = r.evidence.reduce((x, y) => (y.weight > x.weight ? y : x));
    expect(text.slice(top.start, top.end)).toMatch(/sla hem in elkaar/);
    expect(top.label).toBe('threat');
  });

  it('does not score a long harmless text high for being long', () => {
    const para = 'De kinderen hebben een geweldige dag gehad op het schoolreisje naar de dierentuin en iedereen was op tijd terug. ';
    expect(score(para.repeat(30)).score).toBe(0);
  });

  it('reports the lowering context in the evidence', () => {
    const r = score('Die hebben we helemaal afgemaakt in de finale van het voetbaltoernooi');
    expect(r.evidence.some((e) => /play/.test(e.detail))).toBe(true);
  });

  it('lets a match or a test excuse game talk, not a beating told as it would be done', () => {
    const game = score('We gaan ze helemaal afmaken in de finale zaterdag');
    expect(game.evidence.some((e) => /play/.test(e.detail))).toBe(true);
    const beating = score('Na de finale slaan we die keeper van ze in elkaar');
    expect(beating.evidence.some((e) => /play/.test(e.detail))).toBe(false);
    expect(beating.score).toBeGreaterThan(game.score);
    // In a video game, even a body part is pixels.
    const pixels = score('In Minecraft sla ik zijn kop eraf met mijn zwaard');
    expect(pixels.evidence.every((e) => e.weight < 0.3 || /play/.test(e.detail))).toBe(true);
  });

  it('does not take a possessive "zijn" and a word starting with "ge" for a past tense', () => {
    const r = score('ik geef hem morgen een vuist op zijn bek');
    expect(r.evidence.some((e) => /past/.test(e.detail))).toBe(false);
    expect(r.score).toBeGreaterThanOrEqual(ALERT);
  });

  it('reads weapon emoji as words', () => {
    const withEmoji = score('Je weet wat er gebeurt met verraders 🔪').score;
    const without = score('Je weet wat er gebeurt met verraders').score;
    expect(withEmoji).toBeGreaterThan(without);
    expect(withEmoji).toBeGreaterThanOrEqual(ALERT);
  });

  it('survives leetspeak and stretched letters', () => {
    expect(score('ik m44k je @f na sch00l').score).toBeGreaterThanOrEqual(ALERT);
    expect(score('ik ga je neeeersteken').score).toBeGreaterThanOrEqual(ALERT);
  });

  it('returns zero and no evidence for text without threat words', () => {
    expect(score('Dank voor de fijne ouderavond!')).toEqual({ score: 0, evidence: [] });
    expect(score('')).toEqual({ score: 0, evidence: [] });
  });
});
