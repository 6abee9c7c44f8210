// `uitkijk classify`: one text, human-readable; or `--jsonl`, JSON lines in and out, in order.
import { createClassifier } from '../classify/index.ts';
import type { Classification, Label } from '../classify/index.ts';
import { LABEL_NAMES, kindName } from '../classify/names.ts';
import { parseOptions } from './args.ts';
import { classifierOptions } from './classifier-options.ts';
import type { Command } from './command.ts';
import type { Lang } from '../i18n.ts';

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
      lines.push(`  [${names[e.label]}] ${kind}${e.detail ? `: ${e.detail}` : ''} — "${text.slice(e.start, e.end)}" (${e.start}–${e.end})`);
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * The lines of a stream, split at LF only (a CR before it is dropped). JSON allows U+2028,
 * U+2029 and a lone CR inside a string, and Node's readline would split there too, putting
 * every later answer out of step with its input.
 */
export async function* jsonLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let at: number;
    while ((at = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, at);
      pending = pending.slice(at + 1);
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
    }
  }
  pending += decoder.decode();
  if (pending !== '') yield pending.endsWith('\r') ? pending.slice(0, -1) : pending;
}

async function runJsonl(classify: (text: string, context?: 'reply' | 'mention') => Classification, lang: Lang): Promise<number> {
  let buffer = '';
  let lineNo = 0;
  for await (const line of jsonLines(process.stdin)) {
    lineNo++;
    if (line.trim() === '') continue;
    buffer += JSON.stringify(classifyLine(line, lineNo, classify, lang)) + '\n';
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
  lang: Lang = 'nl',
): Record<string, unknown> {
  const at = lang === 'nl' ? `regel ${lineNo}` : `line ${lineNo}`;
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: null, error: lang === 'nl' ? `${at}: geen geldige JSON` : `${at}: not valid JSON` };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { id: null, error: lang === 'nl' ? `${at}: verwacht een object {"id": ..., "text": ...}` : `${at}: expected an object {"id": ..., "text": ...}` };
  }
  const rec = input as Record<string, unknown>;
  const id = typeof rec.id === 'string' || typeof rec.id === 'number' ? rec.id : null;
  if (typeof rec.text !== 'string')
    return { id, error: lang === 'nl' ? `${at}: "text" ontbreekt of is geen tekst` : `${at}: "text" is missing or not a string` };
  if (rec.context !== undefined && rec.context !== 'reply' && rec.context !== 'mention') {
    return { id, error: lang === 'nl' ? `${at}: "context" moet "reply" of "mention" zijn` : `${at}: "context" must be "reply" or "mention"` };
  }
  const out = classify(rec.text, rec.context as 'reply' | 'mention' | undefined);
  return { id, labels: out.labels, scores: out.scores, evidence: out.evidence };
}

const USAGE = {
  nl: `Gebruik: uitkijk classify "tekst" [opties]
       uitkijk classify --jsonl [opties] < invoer.jsonl > uitvoer.jsonl

Opties:
  --jsonl          lees JSON-regels {"id", "text", "context"} van stdin, schrijf per regel één antwoord
  --json           één tekst, antwoord als JSON
  --config FILE    drempels en toegestane contactgegevens uit dit configuratiebestand
  --allow WAARDE   een eigen contactgegeven van de school (telefoon, e-mail, adres); vaker te geven
  --lang nl|en     taal van de uitleg

Voorbeeld:
  uitkijk classify "wat een k4nkerschool"`,
  en: `Usage: uitkijk classify "text" [options]
       uitkijk classify --jsonl [options] < in.jsonl > out.jsonl

Options:
  --jsonl          read JSON lines {"id", "text", "context"} from stdin, write one answer per line
  --json           one text, answer as JSON
  --config FILE    thresholds and allowed contacts from this config file
  --allow VALUE    one of the school's own contacts (phone, e-mail, address); may be repeated
  --lang nl|en     language of the explanation

Example:
  uitkijk classify "wat een k4nkerschool"`,
};

export const command: Command = {
  usage: USAGE,
  async run(args, { lang }) {
    const { values, positionals } = parseOptions(
      args,
      {
        jsonl: { type: 'boolean' },
        config: { type: 'string' },
        allow: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
      lang,
    );
    const classifier = createClassifier(classifierOptions(values, lang));
    const classify = (text: string, context?: 'reply' | 'mention') => classifier.classify(text, { context });
    if (values.jsonl) return runJsonl(classify, lang);
    const text = positionals.join(' ');
    if (!text) {
      process.stderr.write(USAGE[lang] + '\n');
      return 2;
    }
    const out = classify(text);
    process.stdout.write(values.json ? JSON.stringify(out) + '\n' : formatHuman(text, out, lang));
    return 0;
  },
};
