// Entity-level precision and recall on the shared dev set (read at run time, never copied).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPiiRecogniser } from '../../../src/classify/pii/index.ts';

const FILE = fileURLToPath(new URL('../../../../shared/data/pii-dev.jsonl', import.meta.url));

interface Span {
  type: string;
  start: number;
  end: number;
}
interface Line {
  id: string;
  text: string;
  entities: Span[];
  allowed?: string[];
}

describe('pii-dev.jsonl', () => {
  it.skipIf(!existsSync(FILE))('reaches entity precision and recall >= 0.97 and never flags an allowed contact', () => {
    const lines = readFileSync(FILE, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Line);
    expect(lines.length).toBeGreaterThan(100);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const allowedFlagged: string[] = [];
    for (const line of lines) {
      const result = createPiiRecogniser({ allowed: line.allowed ?? [] })(line.text);
      const used = new Set<number>();
      for (const p of result.entities) {
        const i = line.entities.findIndex((g, j) => !used.has(j) && g.type === p.type && g.start < p.end && p.start < g.end);
        if (i >= 0) {
          used.add(i);
          tp++;
        } else fp++;
        for (const a of line.allowed ?? []) {
          const at = line.text.indexOf(a);
          if (at >= 0 && p.start < at + a.length && at < p.end) allowedFlagged.push(line.id);
        }
      }
      fn += line.entities.length - used.size;
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    expect(allowedFlagged).toEqual([]);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.97);
  });
});
