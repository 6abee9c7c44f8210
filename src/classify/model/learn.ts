// Training the learned model: one logistic regression per label over the hashed features
// (features.ts), fitted with AdaGrad and L2, in a fixed order from a seeded generator, so the
// same corpus and seed give the same weights byte for byte. Pure functions: the corpus comes in
// as examples, weights go out; scripts/train.ts reads and writes the files.

import { BUCKETS } from './features.ts';
import type { FeatureVector } from './features.ts';

export interface Example {
  /** Feature indexes (may repeat) and their common value. */
  idx: Int32Array;
  scale: number;
  /** 1 for positive, 0 for negative, per label in the order of LearnOptions.labels. */
  y: Uint8Array;
}

export interface LearnOptions {
  labels: readonly string[];
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Weight of a positive example relative to a negative one, per label (class balance). */
  positiveWeight?: number[];
}

export interface LinearModel {
  labels: readonly string[];
  /** weights[l][bucket] */
  weights: Float32Array[];
  bias: Float64Array;
}

/** A small, fast, seedable generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function logitOf(weights: Float32Array, bias: number, idx: Int32Array, n: number, scale: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += weights[idx[i]!]!;
  return bias + s * scale;
}

export function exampleOf(fv: FeatureVector, y: Uint8Array): Example {
  return { idx: fv.idx.slice(0, fv.n), scale: fv.scale, y };
}

/** Fits one logistic regression per label (AdaGrad, L2 applied lazily on touched weights). */
export function learn(examples: readonly Example[], opts: LearnOptions): LinearModel {
  const L = opts.labels.length;
  const weights = Array.from({ length: L }, () => new Float32Array(BUCKETS));
  const g2 = Array.from({ length: L }, () => new Float32Array(BUCKETS).fill(1e-6));
  const bias = new Float64Array(L);
  const bg2 = new Float64Array(L).fill(1e-6);
  const random = rng(opts.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const ord = shuffled(order, random);
    for (const i of ord) {
      const ex = examples[i]!;
      for (let l = 0; l < L; l++) {
        const w = weights[l]!;
        const g = g2[l]!;
        const z = logitOf(w, bias[l]!, ex.idx, ex.idx.length, ex.scale);
        const y = ex.y[l]!;
        const cw = y === 1 ? (opts.positiveWeight?.[l] ?? 1) : 1;
        const err = (sigmoid(z) - y) * cw;
        for (let k = 0; k < ex.idx.length; k++) {
          const j = ex.idx[k]!;
          const grad = err * ex.scale + opts.l2 * w[j]!;
          g[j] = g[j]! + grad * grad;
          w[j] = w[j]! - (opts.learningRate * grad) / Math.sqrt(g[j]!);
        }
        bg2[l] = bg2[l]! + err * err;
        bias[l] = bias[l]! - (opts.learningRate * err) / Math.sqrt(bg2[l]!);
      }
    }
  }
  return { labels: opts.labels, weights, bias };
}

export interface Quantised {
  /** int8 weights per label, base64 */
  weights: string[];
  /** value = int8 * scale */
  scale: number[];
  bias: number[];
}

/** int8 per weight with one scale per label: a quarter of the size, scores within rounding. */
export function quantise(model: LinearModel): Quantised {
  const out: Quantised = { weights: [], scale: [], bias: [...model.bias] };
  for (const w of model.weights) {
    let max = 0;
    for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]!));
    const scale = max > 0 ? max / 127 : 1;
    const q = new Int8Array(w.length);
    for (let i = 0; i < w.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(w[i]! / scale)));
    out.weights.push(Buffer.from(q.buffer).toString('base64'));
    out.scale.push(scale);
  }
  return out;
}
