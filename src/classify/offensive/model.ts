// A small logistic-regression model for offensive text, trained at module load on the
// corpus in train.ts (a few hundred sentences, a few milliseconds). Features are hashed, so
// scoring allocates nothing: each token's squeezed form, its stem (natural's Dutch Porter
// stemmer, memoised), token bigrams, and whether the
// sentence addresses or names a person. It scores per sentence; the caller takes the
// strongest sentence, so a long text is judged by its worst part, not its length.

import { normalize } from '../normalize.ts';
import type { Doc } from '../normalize.ts';
import type { Layout } from './context.ts';
import { layout } from './context.ts';
import { isTargetWord } from './lexicon.ts';
import { stemCached } from '../natural.ts';
import { CLEAN, OFFENSIVE } from './train.ts';

const BITS = 15;
const MASK = (1 << BITS) - 1;
const weights = new Float32Array(1 << BITS);
let bias = 0;

function hashStr(s: string, seed: number, len: number): number {
  let h = (2166136261 ^ seed) >>> 0;
  const n = Math.min(s.length, len);
  for (let i = 0; i < n; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

// Function words carry no signal in a corpus this small; they only shift the bias.
const STOP = new Set(
  `de het een en van in op te is die dat dit je jij ik we wij ze zij hij u jullie er om met voor
   aan bij als maar of ook nog wel niet geen zo heel echt gewoon al naar uit over was zijn ben bent
   heeft hebben had kan moet wil gaat mijn m'n mn haar hem z'n zn wat wie hoe waar wanneer dan
   toch even maar nu weer the`.split(/\s+/),
);

const F_TARGET = hashStr('__target__', 7, 99) & MASK;
const F_BIAS_LEN = hashStr('__short__', 7, 99) & MASK;

/** Feature indexes of tokens [k0, k1] into `out`; returns how many were written. */
function features(doc: Doc, k0: number, k1: number, target: Uint8Array | null, out: Int32Array): number {
  let m = 0;
  let prev = 0;
  let tgt = false;
  const toks = doc.tokens;
  for (let k = k0; k <= k1 && m < out.length - 4; k++) {
    const tok = toks[k]!;
    if (tok.kind === 'url' || tok.kind === 'email' || tok.kind === 'num') continue;
    if (target ? target[k] : isTargetWord(tok.sq) || tok.kind === 'handle') tgt = true;
    if (STOP.has(tok.t)) continue;
    const sq = tok.kind === 'handle' ? '@' : tok.sq;
    const hu = hashStr(sq, 1, 64);
    out[m++] = hu & MASK;
    if (tok.kind === 'word' && tok.t.length > 4) {
      // natural's Dutch Porter stem joins "pesten"/"gepest", "hoeren"/"hoer".
      const st = stemCached(tok.t);
      if (st !== tok.t) out[m++] = hashStr(st, 2, 64) & MASK;
    }
    if (prev !== 0) out[m++] = (Math.imul(prev, 31) ^ hu ^ 0x5bd1e995) & MASK;
    prev = hu;
  }
  if (tgt) out[m++] = F_TARGET;
  if (k1 - k0 < 4) out[m++] = F_BIAS_LEN;
  void F_TARGET;
  return m;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

// --- Training at load: plain SGD with L2, a fixed order, so results are reproducible. ------
(function train() {
  const data: { f: Int32Array; m: number; y: number }[] = [];
  const buf = new Int32Array(512);
  for (const [texts, y] of [
    [OFFENSIVE, 1],
    [CLEAN, 0],
  ] as const) {
    for (const t of texts) {
      const doc = normalize(t);
      const m = features(doc, 0, doc.tokens.length - 1, null, buf);
      data.push({ f: buf.slice(0, m), m, y });
    }
  }
  const lr = 0.1;
  const l2 = 1e-3;
  for (let epoch = 0; epoch < 40; epoch++) {
    // Deterministic interleaving: walk the data with a stride coprime to its length.
    const n = data.length;
    const stride = 7919 % n || 1;
    for (let i = 0, j = epoch % n; i < n; i++, j = (j + stride) % n) {
      const ex = data[j]!;
      let z = bias;
      for (let q = 0; q < ex.m; q++) z += weights[ex.f[q]!]!;
      const g = sigmoid(z) - ex.y;
      bias -= lr * g * 0.1;
      for (let q = 0; q < ex.m; q++) {
        const idx = ex.f[q]!;
        weights[idx] = weights[idx]! - lr * (g + l2 * weights[idx]!);
      }
    }
  }
})();

const scratch = new Int32Array(1024);

export interface ModelHit {
  /** Probability of the most offensive sentence (0 when the text is empty). */
  p: number;
  k0: number;
  k1: number;
}

/** Probability that a token range is offensive. */
export function probability(doc: Doc, k0: number, k1: number, target: Uint8Array | null = null): number {
  const m = features(doc, k0, k1, target, scratch);
  let z = bias;
  for (let q = 0; q < m; q++) z += weights[scratch[q]!]!;
  return sigmoid(z);
}

/** The most offensive sentence by the model. */
export function modelScore(doc: Doc, lay: Layout = layout(doc), target: Uint8Array | null = null): ModelHit {
  const n = doc.tokens.length;
  let best: ModelHit = { p: 0, k0: 0, k1: 0 };
  let k0 = 0;
  for (let k = 1; k <= n; k++) {
    if (k === n || lay.sent[k] !== lay.sent[k0]) {
      const p = probability(doc, k0, k - 1, target);
      if (p > best.p) best = { p, k0, k1: k - 1 };
      k0 = k;
    }
  }
  return best;
}
