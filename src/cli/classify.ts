// `uitkijk classify`: one text, human-readable; or `--jsonl`, JSON lines in and out, in order.
import { createInterface } from 'node:readline';
import { createClassifier } from '../classify/index.ts';
import type { Classification, Label } from '../classify/index.ts';
import { LABEL_NAMES, kindName } from '../classify/names.ts';
import { parseOptions } from './args.ts';
import { classifierOptions } from './classifier-options.ts';
import type { Command } from './main.ts';

export function formatHuman(text: string, out: Classification, lang: 'nl' | 'en'): string {
  const names = LABEL_NAMES[lang];
  const lines: string[] = [];
  lines.push(
    out.labels.length
      ? (lang === 'nl' ? 'Gemarkeerd als: ' : 'Flagged as: ') + out.labels.map((l) => names[l]).join(', ')
      : lang === 'nl'
        ? 'Niets gevonden.'
        : 'Nothing found.',
  );
  lines.push(lang === 'nl' ? 'Scores:' : 'Scores:');
  for (const l of Object.keys(out.scores) as Label[]) lines.push(`  ${names[l].padEnd(17)} ${out.scores[l].toFixed(2)}`);
  if (out.evidence.length) {
    lines.push(lang === 'nl' ? 'Waarom:' : 'Why:');
    for (const e of out.evidence) {
      const kind = kindName(e.kind, lang);
      lines.push(`  [${names[e.label]}] ${kind}: ${e.detail} — "${text.slice(e.start, e.end)}" (${e.start}–${e.end})`);
    }
  }
  return lines.join('\n') + '\n';
}

async function runJsonl(classify: (text: string, context?: 'reply' | 'mention') => Classification): Promise<number> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let buffer = '';
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === '') continue;
    buffer += JSON.stringify(classifyLine(line, lineNo, classify)) + '\n';
    if (buffer.length > 65536) {
      if (!process.stdout.write(buffer)) await new Promise((r) => process.stdout.once('drain', r));
      buffer = '';
    }
  }
  process.stdout.write(buffer);
  return 0;
}

export function classifyLine(
  line: string,
  lineNo: number,
  classify: (text: string, context?: 'reply' | 'mention') => Classification,
): Record<string, unknown> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: null, error: `regel ${lineNo}: geen geldige JSON` };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { id: null, error: `regel ${lineNo}: verwacht een object {"id": ..., "text": ...}` };
  }
  const rec = input as Record<string, unknown>;
  const id = typeof rec.id === 'string' || typeof rec.id === 'number' ? rec.id : null;
  if (typeof rec.text !== 'string') return { id, error: `regel ${lineNo}: "text" ontbreekt of is geen tekst` };
  if (rec.context !== undefined && rec.context !== 'reply' && rec.context !== 'mention') {
    return { id, error: `regel ${lineNo}: "context" moet "reply" of "mention" zijn` };
  }
  const out = classify(rec.text, rec.context as 'reply' | 'mention' | undefined);
  return { id, labels: out.labels, scores: out.scores, evidence: out.evidence };
}

export const command: Command = {
  summary: 'beoordeel een tekst, of JSON-regels met --jsonl',
  async run(args) {
    const { values, positionals } = parseOptions(args, {
      jsonl: { type: 'boolean' },
      config: { type: 'string' },
      allow: { type: 'string', multiple: true },
      lang: { type: 'string', default: 'nl' },
      json: { type: 'boolean' },
    });
    const lang = values.lang === 'en' ? 'en' : 'nl';
    const classifier = createClassifier(classifierOptions(values));
    const classify = (text: string, context?: 'reply' | 'mention') => classifier.classify(text, { context });
    if (values.jsonl) return runJsonl(classify);
    const text = positionals.join(' ');
    if (!text) {
      process.stderr.write('Gebruik: uitkijk classify "tekst"   of   uitkijk classify --jsonl < invoer.jsonl\n');
      return 2;
    }
    const out = classify(text);
    process.stdout.write(values.json ? JSON.stringify(out) + '\n' : formatHuman(text, out, lang));
    return 0;
  },
};
