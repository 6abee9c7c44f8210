// The classifier's public vocabulary: labels, evidence, entities and the verdict.
// Everything else in src/classify speaks in these types.

export const LABELS = ['offensive', 'threat', 'personal_data'] as const;
export type Label = (typeof LABELS)[number];

export const PII_TYPES = ['phone', 'email', 'iban', 'bsn', 'address', 'postcode', 'date_of_birth', 'licence_plate', 'name_with_sensitive'] as const;
export type PiiType = (typeof PII_TYPES)[number];

/** One reason behind a score. Offsets are UTF-16 code units in the original text. */
export interface Evidence {
  label: Label;
  /** Rule family, e.g. 'lexicon', 'pattern', 'model', 'context', or a PII type. */
  kind: string;
  /** Short machine-readable detail: the rule id or lexicon entry (never the author's name). */
  detail: string;
  start: number;
  end: number;
  /** What this piece contributes, in [0,1]. Negative for lowering context (negation, counter-speech). */
  weight: number;
}

/** A personal-data span found by a recogniser. */
export interface Entity {
  type: PiiType;
  start: number;
  end: number;
  value: string;
  /** Confidence in [0,1] after context words have raised or lowered it. */
  score: number;
}

export type Scores = Record<Label, number>;

export interface Verdict {
  scores: Scores;
  evidence: Evidence[];
  entities: Entity[];
}

export type Context = 'reply' | 'mention';

export interface ClassifyOptions {
  context?: Context;
}

export interface Threshold {
  alert: number;
  remove: number;
}
export type Thresholds = Record<Label, Threshold>;

/** The single place where default thresholds live. */
export const DEFAULT_THRESHOLDS: Thresholds = {
  offensive: { alert: 0.4, remove: 0.7 },
  threat: { alert: 0.35, remove: 0.6 },
  personal_data: { alert: 0.45, remove: 0.6 },
};

/** What one label's scorer returns. */
export interface LabelResult {
  score: number;
  evidence: Evidence[];
}

/** The result of the personal-data recognisers. */
export interface PiiResult extends LabelResult {
  entities: Entity[];
  /** How many of the school's own (allowed) contact details the recognisers found and left out. */
  allowedFound: number;
  /** How many numbers look like a BSN or an IBAN but fail their checksum (counted only when no entity is found). */
  lookalikes?: number;
}
