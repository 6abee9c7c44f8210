// Measuring the classifier on a labelled file: precision, recall and F1 per label, entity-level
// precision and recall per personal-data type, accuracy per HateCheck functionality, and the
// worst misses. Pure functions over parsed records; reading files is the CLI's business.

import { createClassifier } from './index.ts';
import type { Classification, ClassifierOptions } from './index.ts';
import { LABELS, PII_TYPES } from './types.ts';
import type { Label, PiiType } from './types.ts';

export interface LabelledEntity {
  type: string;
  start: number;
  end: number;
  value?: string;
}

export interface LabelledRecord {
  id: string;
  text: string;
  context?: 'reply' | 'mention';
  labels: Label[];
  entities?: LabelledEntity[];
  allowed?: string[];
}

export interface MhcRecord {
  id: string;
  functionality: string;
  text: string;
  expect: 'flag' | 'threat' | 'none' | 'skip';
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Miss {
  id: string;
  kind: 'missed' | 'false alarm';
  label: string;
  score: number;
  text: string;
}

export interface JsonlReport {
  kind: 'labels';
  n: number;
  labels: Record<Label, Prf>;
  entities: { overall: Prf; byType: Partial<Record<PiiType, Prf>> } | null;
  allowedFlagged: number;
  misses: Miss[];
}

export interface MhcReport {
  kind: 'mhc';
  n: number;
  flagRecall: number;
  threatRecall: number;
  noneKept: number;
  byFunctionality: Record<string, { n: number; correct: number; accuracy: number; expect: string }>;
  misses: Miss[];
}

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

/** One classifier per distinct allowed list: a deployment configures them once, not per text. */
function classifierCache(base: ClassifierOptions) {
  const cache = new Map<string, ReturnType<typeof createClassifier>>();
  return (allowed: string[] = []) => {
    const key = allowed.join('\u0000');
    let c = cache.get(key);
    if (!c) {
      c = createClassifier({ ...base, allowed: [...(base.allowed ?? []), ...allowed] });
      cache.set(key, c);
    }
    return c;
  };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export function evaluateLabelled(records: LabelledRecord[], base: ClassifierOptions = {}, maxMisses = 15): JsonlReport {
  const get = classifierCache(base);
  const counts = Object.fromEntries(LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0 }])) as Record<Label, Counts>;
  const ent: Record<string, Counts> = {};
  const entAll: Counts = { tp: 0, fp: 0, fn: 0 };
  // A file that marks entities marks them on every text that has any: an entity reported on a
  // text without marks is a false one, and counts against precision.
  const marked = records.some((r) => r.entities);
  let hasEntities = false;
  let allowedFlagged = 0;
  const misses: (Miss & { weight: number })[] = [];

  for (const r of records) {
    const out: Classification = get(r.allowed).classify(r.text, { context: r.context });
    for (const l of LABELS) {
      const gold = r.labels.includes(l);
      const pred = out.labels.includes(l);
      const c = counts[l];
      if (gold && pred) c.tp++;
      else if (pred) {
        c.fp++;
        misses.push({ id: r.id, kind: 'false alarm', label: l, score: out.scores[l], text: r.text, weight: out.scores[l] });
      } else if (gold) {
        c.fn++;
        misses.push({ id: r.id, kind: 'missed', label: l, score: out.scores[l], text: r.text, weight: 1 - out.scores[l] });
      }
    }
    const goldEntities = r.entities ?? (marked ? [] : null);
    if (goldEntities) {
      hasEntities = true;
      const used = new Set<number>();
      for (const p of out.entities) {
        const i = goldEntities.findIndex((g, k) => !used.has(k) && g.type === p.type && overlaps(g, p));
        const c = (ent[p.type] ??= { tp: 0, fp: 0, fn: 0 });
        if (i >= 0) {
          used.add(i);
          c.tp++;
          entAll.tp++;
        } else {
          c.fp++;
          entAll.fp++;
        }
      }
      goldEntities.forEach((g, k) => {
        if (used.has(k)) return;
        const c = (ent[g.type] ??= { tp: 0, fp: 0, fn: 0 });
        c.fn++;
        entAll.fn++;
      });
    }
    for (const a of r.allowed ?? []) {
      let from = 0;
      for (;;) {
        const at = r.text.indexOf(a, from);
        if (at < 0) break;
        if (out.entities.some((e) => overlaps(e, { start: at, end: at + a.length }))) allowedFlagged++;
        from = at + a.length;
      }
    }
  }
  misses.sort((a, b) => b.weight - a.weight);
  const byType: Partial<Record<PiiType, Prf>> = {};
  for (const t of PII_TYPES) if (ent[t]) byType[t] = prf(ent[t]);
  return {
    kind: 'labels',
    n: records.length,
    labels: Object.fromEntries(LABELS.map((l) => [l, prf(counts[l])])) as Record<Label, Prf>,
    entities: hasEntities ? { overall: prf(entAll), byType } : null,
    allowedFlagged,
    misses: misses.slice(0, maxMisses).map(({ weight: _w, ...m }) => m),
  };
}

export function evaluateMhc(records: MhcRecord[], base: ClassifierOptions = {}, maxMisses = 15): MhcReport {
  const c = createClassifier(base);
  const byF: MhcReport['byFunctionality'] = {};
  const tally = { flag: [0, 0], threat: [0, 0], none: [0, 0] } as Record<string, [number, number]>;
  const misses: (Miss & { weight: number })[] = [];
  let n = 0;
  for (const r of records) {
    if (r.expect === 'skip') continue;
    n++;
    const out = c.classify(r.text);
    const flagged = out.labels.includes('offensive') || out.labels.includes('threat');
    const ok = r.expect === 'none' ? !flagged : r.expect === 'threat' ? out.labels.includes('threat') : flagged;
    const f = (byF[r.functionality] ??= { n: 0, correct: 0, accuracy: 0, expect: r.expect });
    f.n++;
    if (ok) f.correct++;
    const t = tally[r.expect]!;
    t[0]++;
    if (ok) t[1]++;
    if (!ok) {
      const score = Math.max(out.scores.offensive, out.scores.threat);
      misses.push({
        id: r.id,
        kind: r.expect === 'none' ? 'false alarm' : 'missed',
        label: r.expect === 'threat' ? 'threat' : r.expect === 'none' ? out.labels.join('+') : 'offensive|threat',
        score: r.expect === 'threat' ? out.scores.threat : score,
        text: r.text,
        weight: r.expect === 'none' ? score : 1 - score,
      });
    }
  }
  for (const f of Object.values(byF)) f.accuracy = f.correct / f.n;
  misses.sort((a, b) => b.weight - a.weight);
  const rate = (k: string) => (tally[k]![0] ? tally[k]![1] / tally[k]![0] : 1);
  return {
    kind: 'mhc',
    n,
    flagRecall: rate('flag'),
    threatRecall: rate('threat'),
    noneKept: rate('none'),
    byFunctionality: byF,
    misses: misses.slice(0, maxMisses).map(({ weight: _w, ...m }) => m),
  };
}
