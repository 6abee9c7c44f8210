// The scorer sums a word's subword features once per word (model/score.ts); training lists the
// features one by one (model/features.ts featuresOf). Both must give the same logits, or the
// committed model would be scored on other features than it was trained on.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coreRange } from '../../src/classify/cues.ts';
import { featuresOf, MIN_FEATURES } from '../../src/classify/model/features.ts';
import type { Quantised } from '../../src/classify/model/learn.ts';
import MODEL from '../../src/classify/model/model.json' with { type: 'json' };
import { createModelScorer, windowsOf } from '../../src/classify/model/score.ts';
import { normalize } from '../../src/classify/normalize.ts';

const quantised = MODEL.linear as Quantised;
const L = MODEL.labels.length;
const weights = quantised.weights.map((b64) => {
  const bytes = Buffer.from(b64, 'base64');
  return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
});

/** The logits as the features list them: every window's features summed one by one. */
function referenceLogits(text: string): number[] {
  const doc = normalize(text);
  const core = coreRange(doc);
  const logits = new Array<number>(L).fill(-Infinity);
  for (const w of windowsOf(core.from, core.to)) {
    const v = featuresOf(doc, w.from, w.to);
    for (let l = 0; l < L; l++) {
      let sum = 0;
      for (let i = 0; i < v.n; i++) sum += weights[l]![v.idx[i]!]!;
      const scale = v.n > 0 ? 1 / Math.sqrt(Math.max(v.n, MIN_FEATURES)) : 0;
      logits[l] = Math.max(logits[l]!, quantised.bias[l]! + sum * quantised.scale[l]! * scale);
    }
  }
  return logits;
}

function corpusSample(every: number): string[] {
  const dir = new URL('../../corpus/texts/', import.meta.url);
  const out: string[] = [];
  let i = 0;
  for (const f of readdirSync(dir).sort())
    for (const line of readFileSync(new URL(f, dir), 'utf8').split('\n'))
      if (line.trim() && i++ % every === 0) out.push((JSON.parse(line) as { text: string }).text);
  return out;
}

describe('model scorer', () => {
  const scorer = createModelScorer(MODEL.labels, quantised);
  const texts = [
    ...corpusSample(20),
    // Quoted words hash apart; numbers, handles, links and e-mail addresses are shapes; a
    // repeated word is summed from its record the second time.
    'hij riep "ik maak je af" en liep weg',
    "'kanker' zeg je niet, kanker zeg je niet",
    '@school.bsky.social bel 06-12345678 of mail jan@voorbeeld.nl, zie https://example.org #kutschool 🔪',
    'k a n k e r school 2024 2024 dooooood',
    // People's names are a shape: at the start of a sentence, inside one, quoted.
    "Daan heeft vandaag een 3. Volgens juf Marieke komt dat door 'Sem'",
  ];
  it('gives the logits that the features as listed for training give', () => {
    expect(texts.length).toBeGreaterThan(1500);
    for (const text of texts) {
      const got = Array.from(scorer.score(normalize(text)).logits);
      // Same integer sums in another order: equal to the last bit, up to the float product.
      const want = referenceLogits(text);
      for (let l = 0; l < L; l++) expect(got[l]).toBeCloseTo(want[l]!, 12);
    }
  });
  it('reads a person by no name in particular', () => {
    // A given name the list knows at the start, a capitalised name inside the sentence.
    const pairs = [
      ['Daan heeft vandaag weer een 3 voor rekenen gehaald', 'Fatima heeft vandaag weer een 3 voor rekenen gehaald'],
      ['ik zag dat juf Marieke weer ziek thuis zit', 'ik zag dat juf Xandrina weer ziek thuis zit'],
    ];
    for (const [a, b] of pairs) expect(Array.from(scorer.score(normalize(a!)).logits)).toEqual(Array.from(scorer.score(normalize(b!)).logits));
    // A given name that is an everyday word too is read as that word.
    const roos = Array.from(scorer.score(normalize('Roos heeft vandaag weer een 3 voor rekenen gehaald')).logits);
    expect(roos).not.toEqual(Array.from(scorer.score(normalize(pairs[0]![0]!)).logits));
  });
  it('scores a long text from its windows the same way', () => {
    const long = texts.slice(0, 40).join('\n\n');
    expect(normalize(long).tokens.length).toBeGreaterThan(200);
    const got = Array.from(scorer.score(normalize(long)).logits);
    const want = referenceLogits(long);
    for (let l = 0; l < L; l++) expect(got[l]).toBeCloseTo(want[l]!, 12);
  });
});
