// The classifier: one Dutch text in, a verdict out — a score per label, the labels that reach
// their alert threshold, and the evidence behind every score. Pure and synchronous: all
// lexicons, patterns and models are loaded when this module is imported.

import { normalize } from './normalize.ts';
import { scoreOffensive } from './offensive/index.ts';
import { scoreThreat } from './threat/index.ts';
import { createPiiRecogniser } from './pii/index.ts';
import { DEFAULT_THRESHOLDS, LABELS } from './types.ts';
import type { ClassifyOptions, Label, Thresholds, Verdict } from './types.ts';

export * from './types.ts';

export interface ClassifierOptions {
  thresholds?: Thresholds;
  /** The school's own published contacts: never flagged as personal data. */
  allowed?: readonly string[];
}

export interface Classification extends Verdict {
  /** Labels whose score reaches their alert threshold. */
  labels: Label[];
}

export interface Classifier {
  readonly thresholds: Thresholds;
  classify(text: string, opts?: ClassifyOptions): Classification;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function createClassifier(options: ClassifierOptions = {}): Classifier {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const pii = createPiiRecogniser({ allowed: options.allowed ?? [] });
  return {
    thresholds,
    classify(text: string): Classification {
      const doc = normalize(text);
      const off = scoreOffensive(doc);
      const thr = scoreThreat(doc);
      const pd = pii(text);
      const scores = { offensive: round(off.score), threat: round(thr.score), personal_data: round(pd.score) };
      const labels = LABELS.filter((l) => scores[l] >= thresholds[l].alert);
      const evidence = [...off.evidence, ...thr.evidence, ...pd.evidence].sort((a, b) => a.start - b.start || a.end - b.end);
      return { scores, labels, evidence, entities: pd.entities };
    },
  };
}
