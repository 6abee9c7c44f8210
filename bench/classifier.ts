// Classifier bench: start-up (import + build, in a fresh process), memory after loading, and
// texts per second on one core for comment-length texts. Prints figures to compare run to run.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const DATA = new URL('../../shared/data/', import.meta.url);

/** Comment-length texts: the shared dev comments when present, else the built-in sample. */
function corpus(): { texts: string[]; origin: string } {
  const file = new URL('comments-dev.jsonl', DATA);
  if (existsSync(file)) {
    const texts = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { text: string }).text);
    return { texts, origin: 'shared/data/comments-dev.jsonl' };
  }
  const texts = readFileSync(new URL('./sample-comments.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean);
  return { texts, origin: 'bench/sample-comments.txt' };
}

function startup(): { ms: number; rssMb: number; heapMb: number } {
  const script = `
    const t0 = performance.now();
    const { createClassifier } = await import(${JSON.stringify(new URL('../src/classify/index.ts', import.meta.url).href)});
    const c = createClassifier();
    c.classify('warm up');
    const ms = performance.now() - t0;
    globalThis.gc?.();
    const m = process.memoryUsage();
    console.log(JSON.stringify({ ms, rssMb: m.rss / 2 ** 20, heapMb: m.heapUsed / 2 ** 20 }));`;
  const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { cwd: here, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as { ms: number; rssMb: number; heapMb: number };
}

export async function benchClassifier(seconds = 5): Promise<Record<string, number | string>> {
  const s = startup();
  const { createClassifier } = await import('../src/classify/index.ts');
  const c = createClassifier();
  const { texts, origin } = corpus();
  const meanLength = texts.reduce((a, t) => a + t.length, 0) / texts.length;
  // Warm up the JIT, then measure for a fixed time.
  for (let i = 0; i < 20; i++) for (const t of texts) c.classify(t);
  let n = 0;
  let flagged = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    for (const t of texts) {
      if (c.classify(t).labels.length) flagged++;
      n++;
    }
  }
  const elapsed = (performance.now() - t0) / 1000;
  return {
    corpus: origin,
    texts: n,
    distinctTexts: texts.length,
    meanLength: Math.round(meanLength * 10) / 10,
    flaggedShare: Math.round((flagged / n) * 1000) / 1000,
    seconds: Math.round(elapsed * 100) / 100,
    textsPerSecond: Math.round(n / elapsed),
    startupMs: Math.round(s.ms),
    rssMbAfterLoad: Math.round(s.rssMb),
    heapMbAfterLoad: Math.round(s.heapMb),
  };
}
