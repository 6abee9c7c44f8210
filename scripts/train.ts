// `npm run train`: trains the classifier's learned model and combiner on the corpus
// (corpus/texts/*.jsonl) and writes src/classify/model/model.json, reproducibly (fixed seeds,
// fixed order: the same corpus and code give the same file byte for byte). Prints the 5-fold
// cross-validation report and writes it to src/classify/model/report.json.
//
//   npm run train              train and write
//   npm run train -- --check   train and compare with the committed model (exit 1 if it differs)
//   npm run train -- --errors FILE   also write the out-of-fold mistakes
//   npm run train -- --oof FILE      also write every text's out-of-fold scores (id, labels, scores),
//                                    to compare two corpora or settings on the same texts
//
// Steps: 1. features and rule signals for every text; 2. five folds of whole writers (the
// classifier meets text by writers it was not trained on, so that is what the figures must
// measure): a model trained on the other folds' writers scores the held-out texts, as
// the classifier scores (in windows, with int8 weights); 3. the combiner is fitted on those
// out-of-fold scores and checked by the same cross-validation (precision, recall, F1,
// calibration); 4. the final model on all texts, the final combiner on all out-of-fold scores.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { combineOne, fitLogistic } from '../src/classify/combine.ts';
import { coreRange } from '../src/classify/cues.ts';
import type { CombinerParams } from '../src/classify/combine.ts';
import { BUCKET_BITS, featuresOf } from '../src/classify/model/features.ts';
import { exampleOf, learn, quantise } from '../src/classify/model/learn.ts';
import type { LearnOptions } from '../src/classify/model/learn.ts';
import { createModelScorer, WINDOW } from '../src/classify/model/score.ts';
import { normalize } from '../src/classify/normalize.ts';
import { createPiiRecogniser } from '../src/classify/pii/index.ts';
import { COMBINER_INPUTS, combinerInputs, finalScore, textSignals } from '../src/classify/signals.ts';
import type { ModelScore } from '../src/classify/model/score.ts';
import { DEFAULT_THRESHOLDS, LABELS } from '../src/classify/types.ts';
import type { Label } from '../src/classify/types.ts';

const root = resolve(import.meta.dirname, '..');
const MODEL_FILE = join(root, 'src/classify/model/model.json');
const REPORT_FILE = join(root, 'src/classify/model/report.json');
const check = process.argv.includes('--check');

// Chosen by leave-one-writer-out cross-validation: a strong L2 generalises to other writers.
export const TRAINING: Omit<LearnOptions, 'labels'> = {
  epochs: 25,
  learningRate: 0.3,
  l2: 1e-3,
  seed: 7,
};

interface CorpusText {
  id: string;
  text: string;
  labels: Label[];
  phenomenon: string;
  register: string;
  writer: string;
}

function readCorpus(): CorpusText[] {
  const dir = process.env.UITKIJK_CORPUS_DIR ?? join(root, 'corpus/texts');
  const out: CorpusText[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) if (line.trim()) out.push(JSON.parse(line) as CorpusText);
  }
  return out;
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

function prf(gold: boolean[], pred: boolean[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    if (g && pred[i]) tp++;
    else if (pred[i]) fp++;
    else if (g) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return {
    precision: round(precision),
    recall: round(recall),
    f1: round(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
    tp,
    fp,
    fn,
  };
}

/** Expected calibration error over ten equal-width bins, and the bins themselves. */
function calibration(p: number[], y: boolean[]) {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, sumP: 0, pos: 0 }));
  p.forEach((v, i) => {
    const b = bins[Math.min(9, Math.floor(v * 10))]!;
    b.n++;
    b.sumP += v;
    if (y[i]) b.pos++;
  });
  let ece = 0;
  for (const b of bins) if (b.n) ece += (b.n / p.length) * Math.abs(b.sumP / b.n - b.pos / b.n);
  return {
    ece: round(ece),
    bins: bins.map((b, i) => ({
      bin: `${i / 10}-${(i + 1) / 10}`,
      n: b.n,
      meanScore: b.n ? round(b.sumP / b.n) : null,
      positive: b.n ? round(b.pos / b.n) : null,
    })),
  };
}

const t0 = performance.now();
const corpus = readCorpus();
const corpusHash = createHash('sha256');
for (const r of corpus) corpusHash.update(`${r.id}\u0000${r.text}\u0000${r.labels.join(',')}\n`);
const docs = corpus.map((r) => normalize(r.text));
// The model learns from the message as it will read it: without the decoration around it.
const examples = docs.map((doc, i) => {
  const core = coreRange(doc);
  return exampleOf(featuresOf(doc, core.from, core.to), Uint8Array.from(LABELS.map((l) => (corpus[i]!.labels.includes(l) ? 1 : 0))));
});
const pii = createPiiRecogniser();
// The rules and recognisers are not trained: their signals are computed once.
const fixedSignals = docs.map((doc, i) => textSignals(doc, corpus[i]!.text, pii));
console.log(`corpus: ${corpus.length} texts; features and rule signals in ${Math.round(performance.now() - t0)} ms`);

// Five folds of whole writers: a fold's texts are by writers the model was not trained on, so
// the figures measure what the classifier meets — text by people it has not read.
const writers = [...new Set(corpus.map((r) => r.writer))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
const K = Math.min(5, writers.length);
const foldOfWriter = new Map(writers.map((w, i) => [w, i % K]));
const fold = corpus.map((r) => foldOfWriter.get(r.writer)!);
const foldWriters = Array.from({ length: K }, (_, k) => writers.filter((w) => foldOfWriter.get(w) === k));
const options: LearnOptions = { labels: LABELS, ...TRAINING };

/** The combiner's inputs for text i, given the model's score of it. */
const MODEL_INDEX = LABELS.map((_, i) => i);
const inputsOf = (score: ModelScore, i: number) => combinerInputs(score, MODEL_INDEX, fixedSignals[i]!);

// 2. Out-of-fold model scores, as the classifier computes them (windows, int8 weights).
const oofInputs: number[][] = new Array(corpus.length);
const oofModel: number[][] = new Array(corpus.length);
for (let k = 0; k < K; k++) {
  const trained = learn(
    examples.filter((_, i) => fold[i] !== k),
    options,
  );
  const scorer = createModelScorer(LABELS, quantise(trained));
  for (let i = 0; i < corpus.length; i++) {
    if (fold[i] !== k) continue;
    const score = scorer.score(docs[i]!);
    oofModel[i] = [...score.logits];
    oofInputs[i] = inputsOf(score, i);
  }
  console.log(`fold ${k + 1}/${K} (writers ${foldWriters[k]!.join(', ')} held out) done (${Math.round(performance.now() - t0)} ms)`);
}

// 3. The combiner, cross-validated on the same folds.
const report: Record<string, unknown> = {
  corpus: { texts: corpus.length, sha256: corpusHash.digest('hex') },
  training: TRAINING,
  crossValidationFolds: `${K} folds of whole writers: ${foldWriters.map((ws) => ws.join('+')).join(' | ')}`,
  window: WINDOW,
  bucketBits: BUCKET_BITS,
};
const perLabel: Record<string, unknown> = {};
const oofProb: number[][] = corpus.map(() => [0, 0, 0]);
for (const [l, label] of LABELS.entries()) {
  const ys = corpus.map((r) => (r.labels.includes(label) ? 1 : 0));
  for (let k = 0; k < K; k++) {
    const train = corpus.map((_, i) => i).filter((i) => fold[i] !== k);
    const w = fitLogistic(
      train.map((i) => oofInputs[i]!),
      train.map((i) => ys[i]!),
    );
    const params: CombinerParams = { inputs: COMBINER_INPUTS, weights: { offensive: w, threat: w, personal_data: w } };
    for (let i = 0; i < corpus.length; i++) {
      if (fold[i] !== k) continue;
      const p = combineOne(params, label, oofInputs[i]!);
      // (Threat is scored before personal data, whose final score takes it.)
      oofProb[i]![l] = finalScore(label, p, fixedSignals[i]!, oofProb[i]![LABELS.indexOf('threat')]);
    }
  }
  const gold = ys.map(Boolean);
  const at = (t: number) =>
    prf(
      gold,
      oofProb.map((p) => p[l]! >= t),
    );
  const sweep = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7].map((t) => ({ threshold: t, ...at(t) }));
  const modelOnly = [0.3, 0.4, 0.5].map((t) => ({
    threshold: t,
    ...prf(
      gold,
      oofModel.map((z) => 1 / (1 + Math.exp(-z[l]!)) >= t),
    ),
  }));
  perLabel[label] = {
    combined: sweep,
    modelOnly,
    calibration: calibration(
      oofProb.map((p) => p[l]!),
      gold,
    ),
  };
}
report.crossValidation = perLabel;

// Recall per phenomenon and false alarms per near miss, at the default alert thresholds.
const TH = Object.fromEntries(LABELS.map((l) => [l, DEFAULT_THRESHOLDS[l].alert])) as Record<Label, number>;
const byPhenomenon: Record<string, { n: number; rate: number; what: string }> = {};
const groups = new Map<string, number[]>();
corpus.forEach((r, i) => (groups.get(r.phenomenon) ?? groups.set(r.phenomenon, []).get(r.phenomenon)!).push(i));
for (const [ph, idx] of [...groups.entries()].sort()) {
  const family = ph.split('.')[0]!;
  if (family === 'near') {
    const fa = idx.filter((i) => LABELS.some((l, j) => oofProb[i]![j]! >= TH[l])).length;
    byPhenomenon[ph] = { n: idx.length, rate: round(fa / idx.length), what: 'false alarm rate' };
  } else {
    const l = LABELS.indexOf(family as Label);
    const hit = idx.filter((i) => oofProb[i]![l]! >= TH[family as Label]).length;
    byPhenomenon[ph] = { n: idx.length, rate: round(hit / idx.length), what: 'recall' };
  }
}
report.byPhenomenon = byPhenomenon;
const byRegister: Record<string, unknown> = {};
for (const reg of [...new Set(corpus.map((r) => r.register))].sort()) {
  const idx = corpus.map((r, i) => (r.register === reg ? i : -1)).filter((i) => i >= 0);
  byRegister[reg] = Object.fromEntries(
    LABELS.map((label, l) => [
      label,
      prf(
        idx.map((i) => corpus[i]!.labels.includes(label)),
        idx.map((i) => oofProb[i]![l]! >= TH[label]),
      ).f1,
    ]),
  );
}
report.byRegister = byRegister;

// --errors FILE: the out-of-fold mistakes (corpus texts only), for reading where it goes wrong.
const errorsAt = process.argv.indexOf('--errors');
if (errorsAt > 0) {
  const lines: string[] = [];
  corpus.forEach((r, i) => {
    for (const [l, label] of LABELS.entries()) {
      const gold = r.labels.includes(label);
      const p = oofProb[i]![l]!;
      if (gold !== p >= TH[label])
        lines.push(
          JSON.stringify({ kind: gold ? 'missed' : 'false alarm', label, p: round(p), phenomenon: r.phenomenon, writer: r.writer, id: r.id, text: r.text }),
        );
    }
  });
  writeFileSync(process.argv[errorsAt + 1]!, lines.join('\n') + '\n');
  console.log(`${lines.length} out-of-fold mistakes written to ${process.argv[errorsAt + 1]}`);
}

// --oof FILE: every text's out-of-fold scores, to compare runs on the same texts.
const oofAt = process.argv.indexOf('--oof');
if (oofAt > 0) {
  const lines = corpus.map((r, i) => JSON.stringify({ id: r.id, writer: r.writer, labels: r.labels, scores: oofProb[i]!.map((x) => round(x)) }));
  writeFileSync(process.argv[oofAt + 1]!, lines.join('\n') + '\n');
  console.log(`out-of-fold scores of ${lines.length} texts written to ${process.argv[oofAt + 1]}`);
}

// 4. The final model and combiner.
const final = quantise(learn(examples, options));
const weights = Object.fromEntries(
  LABELS.map((label) => [
    label,
    fitLogistic(
      oofInputs,
      corpus.map((r) => (r.labels.includes(label) ? 1 : 0)),
    ).map((x) => round(x, 6)),
  ]),
) as Record<Label, number[]>;
const model = {
  format: 1,
  labels: LABELS,
  bucketBits: BUCKET_BITS,
  window: WINDOW,
  corpus: report.corpus,
  training: TRAINING,
  linear: final,
  combiner: { inputs: COMBINER_INPUTS, weights },
};
const text = JSON.stringify(model) + '\n';
const reportText = JSON.stringify(report, null, 2) + '\n';

for (const [label, v] of Object.entries(perLabel)) {
  const r = v as { combined: { threshold: number; precision: number; recall: number; f1: number }[]; calibration: { ece: number } };
  const best = r.combined.reduce((a, b) => (b.f1 > a.f1 ? b : a));
  const at = DEFAULT_THRESHOLDS[label as Label].alert;
  const dflt = r.combined.find((x) => x.threshold === at)!;
  console.log(
    `${label.padEnd(14)} @${at} (default alert) P ${dflt.precision} R ${dflt.recall} F1 ${dflt.f1} | best F1 ${best.f1} @${best.threshold} | ECE ${r.calibration.ece}`,
  );
}
console.log(`done in ${Math.round(performance.now() - t0)} ms; model ${(text.length / 1024 / 1024).toFixed(1)} MB`);

if (check) {
  const committed = readFileSync(MODEL_FILE, 'utf8');
  if (committed !== text) {
    console.error('train --check: the committed model differs from what the corpus and code train; run npm run train');
    process.exit(1);
  }
  console.log('train --check: the committed model is what the corpus and code train');
} else {
  writeFileSync(MODEL_FILE, text);
  writeFileSync(REPORT_FILE, reportText);
  console.log(`wrote ${MODEL_FILE} and ${REPORT_FILE}`);
}
