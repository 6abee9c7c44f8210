// The combiner: one small logistic regression per label over what the parts found — the
// learned model's logit for every label, the rules' scores and the recognisers' confidence in
// personal data — fitted by scripts/train.ts on out-of-fold predictions (5-fold cross-
// validation over the corpus), so that its output is a calibrated probability: of the texts
// that score 0.7, about seven in ten carry the label (checked on held-out folds; see the
// training report). Thresholds in the config therefore keep their meaning.

import type { Label } from './types.ts';

export interface CombinerParams {
  inputs: readonly string[];
  /** Per label: a weight per input, then the bias. */
  weights: Record<Label, number[]>;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Model logits are clipped: beyond ±12 they add nothing but numerical trouble. */
export const clipLogit = (z: number) => (Number.isFinite(z) ? Math.max(-12, Math.min(12, z)) : z > 0 ? 12 : -12);

export function combineOne(params: CombinerParams, label: Label, x: ArrayLike<number>): number {
  const w = params.weights[label];
  let z = w[w.length - 1]!;
  for (let i = 0; i < x.length; i++) z += w[i]! * x[i]!;
  return sigmoid(z);
}

/**
 * Fits a logistic regression by Newton's method (with a little L2), deterministic and quick
 * for a handful of inputs. Returns the weights, the bias last.
 */
export function fitLogistic(xs: readonly ArrayLike<number>[], ys: readonly number[], l2 = 1e-3, iterations = 30): number[] {
  const d = (xs[0]?.length ?? 0) + 1;
  const w = new Float64Array(d);
  const row = (x: ArrayLike<number>, j: number) => (j === d - 1 ? 1 : x[j]!);
  for (let it = 0; it < iterations; it++) {
    const g = new Float64Array(d);
    const h = Array.from({ length: d }, () => new Float64Array(d));
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      let z = 0;
      for (let j = 0; j < d; j++) z += w[j]! * row(x, j);
      const p = sigmoid(z);
      const r = p * (1 - p);
      for (let j = 0; j < d; j++) {
        const xj = row(x, j);
        g[j] = g[j]! + (p - ys[i]!) * xj;
        for (let k = j; k < d; k++) h[j]![k] = h[j]![k]! + r * xj * row(x, k);
      }
    }
    for (let j = 0; j < d; j++) {
      for (let k = 0; k < j; k++) h[j]![k] = h[k]![j]!;
      if (j < d - 1) {
        g[j] = g[j]! + l2 * xs.length * w[j]!;
        h[j]![j] = h[j]![j]! + l2 * xs.length;
      }
      h[j]![j] = h[j]![j]! + 1e-9;
    }
    const step = solve(h, g);
    let moved = 0;
    for (let j = 0; j < d; j++) {
      w[j] = w[j]! - step[j]!;
      moved = Math.max(moved, Math.abs(step[j]!));
    }
    if (moved < 1e-7) break;
  }
  return [...w];
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small). */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m = a.map((r, i) => Float64Array.from([...r, b[i]!]));
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / piv;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k] = m[r]![k]! - f * m[c]![k]!;
    }
  }
  return Float64Array.from({ length: n }, (_, i) => m[i]![n]! / (m[i]![i]! || 1e-12));
}
