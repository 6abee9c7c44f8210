// Dev-set figures for the offensive scorer, read from ../shared/data at run time (never
// copied into the repository). Skipped when the data is not there (a fresh clone elsewhere).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/classify/normalize.ts';
import { scoreOffensive } from '../../../src/classify/offensive/index.ts';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const has = (f: string) => existsSync(DATA + f);

function f1(file: string): { p: number; r: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const line of readFileSync(DATA + file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as { text: string; labels: string[] };
    const pred = scoreOffensive(normalize(d.text)).score >= 0.5;
    const gold = d.labels.includes('offensive');
    if (pred && gold) tp++;
    else if (pred) fp++;
    else if (gold) fn++;
  }
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  return { p, r, f1: (2 * p * r) / (p + r) };
}

function csvRow(l: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < l.length; i++) {
    const c = l[i]!;
    if (q) {
      if (c === '"' && l[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

describe('offensive on the dev sets', () => {
  it.skipIf(!has('comments-dev.jsonl'))('comments-dev: F1 >= 0.90', () => {
    expect(f1('comments-dev.jsonl').f1).toBeGreaterThanOrEqual(0.9);
  });

  it.skipIf(!has('long-dev.jsonl'))('long-dev: F1 >= 0.85', () => {
    expect(f1('long-dev.jsonl').f1).toBeGreaterThanOrEqual(0.85);
  });

  it.skipIf(!has('mhc-nl-dev.csv'))('MHC: >= 90% of flag cases offensive on their own, >= 85% of none cases left alone', () => {
    let flag = 0;
    let flagOk = 0;
    let none = 0;
    let noneOk = 0;
    const lines = readFileSync(DATA + 'mhc-nl-dev.csv', 'utf8')
      .split(/\r?\n/)
      .slice(1);
    for (const l of lines) {
      if (!l.trim()) continue;
      const [, , text, , expectCol] = csvRow(l);
      const s = scoreOffensive(normalize(text!)).score;
      if (expectCol === 'flag') {
        flag++;
        if (s >= 0.5) flagOk++;
      } else if (expectCol === 'none') {
        none++;
        if (s < 0.5) noneOk++;
      }
    }
    // Threat-worded flag cases count via the threat scorer in the full classifier; even
    // without it the offensive scorer reaches the target on its own.
    expect(flagOk / flag).toBeGreaterThanOrEqual(0.9);
    expect(noneOk / none).toBeGreaterThanOrEqual(0.85);
  });
});
