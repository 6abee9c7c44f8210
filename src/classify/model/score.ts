// Scoring with the learned model: a logit per label for a text, read in windows so that a long
// text is judged by its worst part and costs time linear in its length. A text of up to
// WINDOW tokens is one window; a longer one is read in windows of WINDOW tokens that overlap by
// half, and each label takes its highest window. `explain` finds the words that moved a label's
// score most (leave one word out), for the evidence of a flag the model carries.

import { coreRange, layout } from '../cues.ts';
import type { Doc } from '../normalize.ts';
import { wordSlot } from '../memo.ts';
import type { Word } from '../memo.ts';
import {
  bigramOf,
  featureRoom,
  isWordLike,
  MIN_FEATURES,
  NAME_FEATURE,
  NAME_HASH,
  persons,
  plainHash,
  quotedIf,
  shapeFeature,
  skipOf,
  subwordsOf,
  tokenHash,
  wordFeature,
} from './features.ts';
import type { Quantised } from './learn.ts';

export const WINDOW = 48;
const STRIDE = WINDOW / 2;
/** Labels the model scores, its weights side by side per bucket. */
const LABEL_COUNT = 3;

export interface ModelScore {
  /** Highest window logit per label, in the model's label order. */
  logits: Float64Array;
  /** Where each label's highest window starts and ends (token indexes, end exclusive). */
  windows: { from: number; to: number }[];
}

/** The windows over tokens [start, end): one when short, overlapping halves when long. */
export function windowsOf(start: number, end: number): { from: number; to: number }[] {
  if (end - start <= WINDOW) return [{ from: start, to: end }];
  const out: { from: number; to: number }[] = [];
  for (let from = start; ; from += STRIDE) {
    const to = Math.min(end, from + WINDOW);
    out.push({ from, to });
    if (to === end) break;
  }
  return out;
}

/**
 * The scorer reads the quantised model as it is stored: int8 weights, the labels' weights side
 * by side per bucket (one memory access per feature for all labels, 1.5 MB that stay in the
 * processor's cache), summed as integers and scaled once per label.
 */
export function createModelScorer(labels: readonly string[], model: Quantised) {
  const L = labels.length;
  // The sums below are written out for three labels (offensive, threat, personal data): a loop
  // over a label count the compiler cannot see costs more than the sums themselves.
  if (L !== LABEL_COUNT) throw new Error(`the model scorer reads ${LABEL_COUNT} labels, not ${L}`);
  const perLabel = model.weights.map((b64) => {
    const bytes = Buffer.from(b64, 'base64');
    return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  });
  const buckets = perLabel[0]!.length;
  const weights = new Int8Array(buckets * L);
  for (let l = 0; l < L; l++) {
    const w = perLabel[l]!;
    for (let b = 0; b < buckets; b++) weights[b * L + l] = w[b]!;
  }
  const scale = Float64Array.from(model.scale);
  const bias = Float64Array.from(model.bias);

  /**
   * A word's plain hash and the per-label sum and count of its subword features (features.ts
   * subwordsOf), kept in the word's record: they depend on the word alone, and a word repeats.
   * Weights are integers, so summing per word gives exactly what summing per feature gives.
   */
  interface Own {
    h: number;
    /** Per label: the word feature (unquoted) and the subword features. */
    s0: number;
    s1: number;
    s2: number;
    count: number;
  }
  const subIdx = new Int32Array(featureRoom(1));
  const ownOf = wordSlot<Own>((w: Word) => {
    const h = plainHash(w.t);
    subIdx[0] = wordFeature(h);
    const count = subwordsOf(w.t, w.sq, subIdx, 1);
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < count; i++) {
      const base = subIdx[i]! * LABEL_COUNT;
      s0 += weights[base]!;
      s1 += weights[base + 1]!;
      s2 += weights[base + 2]!;
    }
    return { h, s0, s1, s2, count };
  });

  // The running sums per label of sumWindow and ownFeatures, and ownFeatures' feature count.
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  let tokCount = 0;
  /** `sign` × the weights of `feature`, added per label into t0, t1, t2. */
  const add = (feature: number, sign: number) => {
    const base = feature * LABEL_COUNT;
    t0 += sign * weights[base]!;
    t1 += sign * weights[base + 1]!;
    t2 += sign * weights[base + 2]!;
  };

  /**
   * Token k's own features — the name shape, the word (or its shape), the subwords, as
   * features.ts unigramsOf lists them for training — summed per label into t0, t1, t2 (which
   * start at 0), their number into `tokCount`. Returns the token's hash, from which its pair
   * features derive.
   */
  function ownFeatures(doc: Doc, k: number, quoted: Uint8Array, person: Uint8Array): number {
    t0 = t1 = t2 = 0;
    tokCount = 0;
    if (person[k]) {
      // A person's name is only that (features.ts persons).
      add(NAME_FEATURE, 1);
      tokCount++;
      return NAME_HASH;
    }
    const tok = doc.tokens[k]!;
    if (!isWordLike(tok)) {
      const h0 = tokenHash(doc, k, quoted);
      add(shapeFeature(h0), 1);
      tokCount++;
      return h0;
    }
    const own = ownOf(tok.w);
    t0 += own.s0;
    t1 += own.s1;
    t2 += own.s2;
    tokCount += own.count;
    if (!quoted[k]) return own.h;
    // A quoted word's word feature is its own (features.ts quotedIf).
    const h0 = quotedIf(own.h, 1);
    add(wordFeature(own.h), -1);
    add(wordFeature(h0), 1);
    return h0;
  }

  /** Per label, the sum of sumWindow's last window. */
  const sums = new Float64Array(L);

  /**
   * The features of tokens [from, to) summed into `sums` (features.ts featuresOf lists the same
   * features one by one, for training); returns how many there are.
   */
  function sumWindow(doc: Doc, from: number, to: number, quoted: Uint8Array, person: Uint8Array): number {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let n = 0;
    let prev = -1;
    let prev2 = -1;
    const tokens = doc.tokens;
    for (let k = from; k < to; k++) {
      let h0: number;
      const tok = tokens[k]!;
      if (!person[k] && !quoted[k] && isWordLike(tok)) {
        // Most tokens: a plain word, whose own features are its record's (ownFeatures does the same).
        const own = ownOf(tok.w);
        s0 += own.s0;
        s1 += own.s1;
        s2 += own.s2;
        n += own.count;
        h0 = own.h;
      } else {
        h0 = ownFeatures(doc, k, quoted, person);
        s0 += t0;
        s1 += t1;
        s2 += t2;
        n += tokCount;
      }
      if (prev >= 0) {
        const b = bigramOf(prev, h0) * LABEL_COUNT;
        s0 += weights[b]!;
        s1 += weights[b + 1]!;
        s2 += weights[b + 2]!;
        n++;
      }
      if (prev2 >= 0) {
        const b = skipOf(prev2, h0) * LABEL_COUNT;
        s0 += weights[b]!;
        s1 += weights[b + 1]!;
        s2 += weights[b + 2]!;
        n++;
      }
      prev2 = prev;
      prev = h0;
    }
    sums[0] = s0;
    sums[1] = s1;
    sums[2] = s2;
    return n;
  }

  function score(doc: Doc): ModelScore {
    const logits = new Float64Array(L).fill(-Infinity);
    // (A loop, not Array.from with a map function, which costs more than the rest of this function.)
    const windows: { from: number; to: number }[] = [];
    for (let l = 0; l < L; l++) windows.push({ from: 0, to: 0 });
    const { quoted } = layout(doc);
    const person = persons(doc);
    // The message without the handles, hashtags, links and emoji around it (cues.ts coreRange).
    const core = coreRange(doc);
    for (const w of windowsOf(core.from, core.to)) {
      const n = sumWindow(doc, w.from, w.to, quoted, person);
      const wscale = n > 0 ? 1 / Math.sqrt(Math.max(n, MIN_FEATURES)) : 0;
      for (let l = 0; l < L; l++) {
        const z = bias[l]! + sums[l]! * scale[l]! * wscale;
        if (z > logits[l]!) {
          logits[l] = z;
          windows[l] = w;
        }
      }
    }
    return { logits, windows };
  }

  /**
   * The tokens of a label's best window whose removal lowers its logit most: up to `top` of
   * them, with how much each one moved it. Only called for flagged texts. Each token's own
   * features and the window's pairs are summed once; leaving a word out then only re-pairs its
   * neighbours across the gap, a few look-ups a token.
   */
  function explain(doc: Doc, label: number, window: { from: number; to: number }, top = 3): { token: number; delta: number }[] {
    const { quoted } = layout(doc);
    const person = persons(doc);
    const m = window.to - window.from;
    const hashes = new Array<number>(m);
    const own = new Float64Array(m);
    const ownCount = new Int32Array(m);
    let ownTotal = 0;
    let ownCountTotal = 0;
    for (let i = 0; i < m; i++) {
      hashes[i] = ownFeatures(doc, window.from + i, quoted, person);
      own[i] = label === 0 ? t0 : label === 1 ? t1 : t2;
      ownCount[i] = tokCount;
      ownTotal += own[i]!;
      ownCountTotal += tokCount;
    }
    /** Sum and count of the pair features (bigrams, skip-bigrams) over the whole window. */
    let ps = 0;
    let pc = 0;
    for (let i = 1; i < m; i++) {
      ps += weights[bigramOf(hashes[i - 1]!, hashes[i]!) * L + label]!;
      pc++;
      if (i >= 2) {
        ps += weights[skipOf(hashes[i - 2]!, hashes[i]!) * L + label]!;
        pc++;
      }
    }
    const bi = (a: number, b: number) => weights[bigramOf(hashes[a]!, hashes[b]!) * L + label]!;
    const sk = (a: number, b: number) => weights[skipOf(hashes[a]!, hashes[b]!) * L + label]!;
    /**
     * The pair features with token i left out: the pairs that held i go, and its neighbours
     * pair up across the gap (…, i-2, i-1, i+1, i+2, …). Weights are integers, so this equals
     * summing the shortened window afresh.
     */
    const pairsWithout = (i: number): [number, number] => {
      let s = ps;
      let c = pc;
      const left = i >= 1;
      const right = i + 1 < m;
      if (left) {
        s -= bi(i - 1, i);
        c--;
      }
      if (right) {
        s -= bi(i, i + 1);
        c--;
      }
      if (i >= 2) {
        s -= sk(i - 2, i);
        c--;
      }
      if (i + 2 < m) {
        s -= sk(i, i + 2);
        c--;
      }
      if (left && right) {
        s += bi(i - 1, i + 1) - sk(i - 1, i + 1);
        if (i >= 2) {
          s += sk(i - 2, i + 1);
          c++;
        }
        if (i + 2 < m) {
          s += sk(i - 1, i + 2);
          c++;
        }
      }
      return [s, c];
    };
    const logit = (sum: number, count: number) => bias[label]! + (count > 0 ? (sum * scale[label]!) / Math.sqrt(Math.max(count, MIN_FEATURES)) : 0);
    const base = logit(ownTotal + ps, ownCountTotal + pc);
    const deltas: { token: number; delta: number }[] = [];
    for (let i = 0; i < m; i++) {
      const tok = doc.tokens[window.from + i]!;
      if (tok.kind !== 'word' && tok.kind !== 'emoji' && tok.kind !== 'hashtag') continue;
      const [s, c] = pairsWithout(i);
      const delta = base - logit(ownTotal - own[i]! + s, ownCountTotal - ownCount[i]! + c);
      if (delta > 0) deltas.push({ token: window.from + i, delta });
    }
    return deltas.sort((a, b) => b.delta - a.delta).slice(0, top);
  }

  return { score, explain, labels };
}

export type ModelScorer = ReturnType<typeof createModelScorer>;
