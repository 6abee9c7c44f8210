// The classifier: one Dutch text in, a verdict out — a calibrated score per label, the labels
// that reach their alert threshold, the evidence behind every flag and the personal-data
// entities. Pure and synchronous; the learned model is a file in the repository
// (model/model.json, made by `npm run train`), loaded when this module is imported.
//
// How a text is judged (docs/classifier.md): the text is normalised once; the learned model
// reads it in windows and gives a logit per label; the rules (offensive/, threat/) and the
// personal-data recognisers (pii/) give their scores; the combiner (combine.ts) turns all of
// these into one probability per label. A flag carries evidence: the rules' matches, the
// recognisers' entities, and — when the model carried the flag — the words that moved it most.

import { combineOne } from './combine.ts';
import type { CombinerParams } from './combine.ts';
import type { Quantised } from './model/learn.ts';
import MODEL from './model/model.json' with { type: 'json' };
import { createModelScorer } from './model/score.ts';
import { normalize } from './normalize.ts';
import { createPiiRecogniser } from './pii/index.ts';
import { personNames } from './pii/sensitive.ts';
import { combinerInputs, finalScore, textSignals } from './signals.ts';
import { DEFAULT_THRESHOLDS, LABELS } from './types.ts';
import type { ClassifyOptions, Entity, Evidence, Label, Scores, Thresholds, Verdict } from './types.ts';

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

const scorer = createModelScorer(MODEL.labels, MODEL.linear as Quantised);
const combiner = MODEL.combiner as CombinerParams;
const MODEL_INDEX = Object.fromEntries(MODEL.labels.map((l, i) => [l, i])) as Record<Label, number>;
const MODEL_ORDER = LABELS.map((l) => MODEL_INDEX[l]);

const round = (x: number) => Math.round(x * 1000) / 1000;

/** At most this many pieces of evidence per label and kind of weight (raising, lowering). */
export const MAX_EVIDENCE = 12;
const strongest = (evidence: Evidence[]) =>
  evidence.length <= MAX_EVIDENCE
    ? evidence
    : [...evidence].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.start - b.start).slice(0, MAX_EVIDENCE);
/** A probability as shown: three decimals, never a certain 0 or 1 (so an alert threshold of 1 means never). */
const shown = (p: number) => Math.min(0.999, Math.max(0.001, round(p)));

export function createClassifier(options: ClassifierOptions = {}): Classifier {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const pii = createPiiRecogniser({ allowed: options.allowed ?? [] });
  return {
    thresholds,
    classify(text: string): Classification {
      const doc = normalize(text);
      const model = scorer.score(doc);
      const signals = textSignals(doc, text, pii);
      const { rules, pii: p, pd } = signals;
      const x = combinerInputs(model, MODEL_ORDER, signals);
      const scores = {} as Scores;
      const labels: Label[] = [];
      for (const l of LABELS) {
        // (LABELS has threat before personal data, whose score takes the threat's.)
        scores[l] = shown(finalScore(l, combineOne(combiner, l, x), signals, scores.threat));
        if (scores[l] >= thresholds[l].alert) labels.push(l);
      }

      const evidence: Evidence[] = [];
      for (const l of labels) {
        const found = l === 'personal_data' ? pd.evidence : rules[l].evidence.filter((e) => e.weight > 0);
        // The strongest pieces only: a long text repeating a threat has thousands of matches.
        evidence.push(...strongest(found));
        // When the rules say little, the model carried the flag: show the words that moved it.
        const ruleScore = l === 'personal_data' ? Math.max(p.structured, p.named) : rules[l].score;
        if (ruleScore < 0.5) {
          const m = MODEL_INDEX[l];
          for (const { token, delta } of scorer.explain(doc, m, model.windows[m]!)) {
            const tok = doc.tokens[token]!;
            // No detail: the word is in the span, and it may be a name.
            evidence.push({ label: l, kind: 'model', detail: '', start: tok.s, end: tok.e, weight: round(Math.min(1, delta / 4)) });
          }
        }
      }
      // Lowering context the rules found (negation, quotation, news) explains a low score too.
      for (const l of ['offensive', 'threat'] as const) if (labels.includes(l)) evidence.push(...strongest(rules[l].evidence.filter((e) => e.weight < 0)));
      evidence.sort((a, b) => a.start - b.start || a.end - b.end);
      // Entities only when the text is judged to hold personal data: an organisation's number
      // in an announcement is found by the recognisers but is not personal data.
      let entities = labels.includes('personal_data') ? pd.entities : [];
      // Personal data the model found and no recogniser could place (a pupil's diagnosis in
      // words the lists do not hold): the people the text names are what to mask.
      if (labels.includes('personal_data') && entities.length === 0)
        entities = personNames(text).map((n) => ({ type: 'name_with_sensitive' as const, ...n, score: scores.personal_data }));
      return { scores, labels, evidence, entities: oncePerPerson(atFirstMention(text, entities)) };
    },
  };
}

/**
 * A person named again later ("Ons kind heet nu Sam. Sam is transgender …") is an entity where
 * the text first names them: the fact may come with a later mention, but whoever reads the
 * entities reads the person from the start. (Only a name written the same way, as a whole word,
 * not in a chat speaker's label, and only where no other entity stands.)
 */
function atFirstMention(text: string, entities: Entity[]): Entity[] {
  let moved = false;
  const out = entities.map((e) => {
    if (e.type !== 'name_with_sensitive' || e.value.length < 2) return e;
    for (let at = text.indexOf(e.value); at >= 0 && at < e.start; at = text.indexOf(e.value, at + 1)) {
      const end = at + e.value.length;
      if (WORD_CHAR.test(text[at - 1] ?? '') || WORD_CHAR.test(text[end] ?? '')) continue;
      // "Mama Jort: heeft iemand …": a speaker's label names the chat line, not the person's fact.
      if (text[end] === ':') continue;
      if (entities.some((o) => o !== e && o.start < end && at < o.end)) continue;
      moved = true;
      return { ...e, start: at, end };
    }
    return e;
  });
  return moved ? out.sort((a, b) => a.start - b.start) : entities;
}
const WORD_CHAR = /[\p{L}\p{N}_@]/u;

/**
 * Each person once, at the first mention: "Jayden Pinas … Jayden komt …" is one piece of
 * personal data (the alert masks every mention, src/alerts/mask.ts).
 */
function oncePerPerson(entities: Entity[]): Entity[] {
  if (entities.filter((e) => e.type === 'name_with_sensitive').length < 2) return entities;
  const seen = new Set<string>();
  // Each full name the entities hold, by its given name.
  const fullName = new Map<string, Entity>();
  for (const e of entities) {
    const given = e.type === 'name_with_sensitive' ? FULL_NAME.exec(e.value)?.[1] : undefined;
    if (given) fullName.set(given.toLowerCase(), e);
  }
  return entities.filter((e) => {
    if (e.type !== 'name_with_sensitive') return true;
    // A possessive is the same person: "Daan … Daans moeder", "Lina's".
    const words = (e.value.match(/^\p{Ll}+$/u) ? [e.value] : (e.value.match(NAME_WORD) ?? [])).map((w) => w.toLowerCase().replace(/['’]s$/, ''));
    if (words.length === 0) return true;
    const again = words.every((w) => seen.has(w) || (w.endsWith('s') && seen.has(w.slice(0, -1))));
    for (const w of words) seen.add(w);
    if (again) return false;
    // A given name alone that the text also names in full is that person: "Onze Lore (13) … Lore Maes uit 2B."
    const full = words.length === 1 ? fullName.get(words[0]!) : undefined;
    return full === undefined || full === e;
  });
}
const NAME_WORD = /(?<![\p{L}])\p{Lu}[\p{Ll}'’-]*\p{Ll}/gu;
const FULL_NAME = /^(\p{Lu}\p{Ll}+) (?:(?:van|de|der|den|van de|van der|van den|el|ter|ten) )?\p{Lu}/u;
