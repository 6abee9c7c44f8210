// `uitkijk evaluate FILE`: scores a labelled JSONL file or the HateCheck CSV and prints the
// figures an administrator needs before changing a threshold.
import { readFileSync } from 'node:fs';
import { evaluateLabelled, evaluateMhc } from '../classify/evaluate.ts';
import type { JsonlReport, LabelledRecord, MhcRecord, MhcReport, Prf } from '../classify/evaluate.ts';
import { UitkijkError } from '../errors.ts';
import { parseOptions } from './args.ts';
import { classifierOptions } from './classifier-options.ts';
import type { Command } from './main.ts';

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function readMhc(text: string): MhcRecord[] {
  const [header, ...rows] = parseCsv(text);
  const col = (name: string) => {
    const i = header?.indexOf(name) ?? -1;
    if (i < 0) throw new UitkijkError('INPUT_INVALID', `CSV mist de kolom '${name}'`);
    return i;
  };
  const [id, fn, tx, ex] = [col('id'), col('functionality'), col('text'), col('expect')];
  return rows.map((r, k) => {
    const expect = r[ex];
    if (expect !== 'flag' && expect !== 'threat' && expect !== 'none' && expect !== 'skip') {
      throw new UitkijkError('INPUT_INVALID', `regel ${k + 2}: 'expect' moet flag, threat, none of skip zijn, niet '${expect}'`);
    }
    return { id: r[id] ?? String(k), functionality: r[fn] ?? '', text: r[tx] ?? '', expect };
  });
}

export function readJsonl(text: string): LabelledRecord[] {
  const out: LabelledRecord[] = [];
  text.split('\n').forEach((line, k) => {
    if (!line.trim()) return;
    let rec: LabelledRecord;
    try {
      rec = JSON.parse(line) as LabelledRecord;
    } catch {
      throw new UitkijkError('INPUT_INVALID', `regel ${k + 1}: geen geldige JSON`);
    }
    if (typeof rec.text !== 'string' || !Array.isArray(rec.labels)) {
      throw new UitkijkError('INPUT_INVALID', `regel ${k + 1}: "text" en "labels" zijn verplicht`);
    }
    out.push(rec);
  });
  return out;
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5) + '%';
const prfLine = (name: string, p: Prf) =>
  `  ${name.padEnd(20)} P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${p.f1.toFixed(3)}   (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`;

export function formatReport(file: string, r: JsonlReport | MhcReport): string {
  const lines = [`Evaluatie van ${file}: ${r.n} teksten`];
  if (r.kind === 'labels') {
    lines.push('Per label:');
    for (const [l, p] of Object.entries(r.labels)) lines.push(prfLine(l, p));
    if (r.entities) {
      lines.push('Persoonsgegevens per type (entiteiten):');
      lines.push(prfLine('totaal', r.entities.overall));
      for (const [t, p] of Object.entries(r.entities.byType)) lines.push(prfLine(t, p));
    }
    lines.push(`Toegestane contactgegevens ten onrechte gemarkeerd: ${r.allowedFlagged}`);
  } else {
    lines.push(`  'flag' gemarkeerd:        ${pct(r.flagRecall)}`);
    lines.push(`  'threat' als bedreiging:  ${pct(r.threatRecall)}`);
    lines.push(`  'none' met rust gelaten:  ${pct(r.noneKept)}`);
    lines.push('Per functionaliteit:');
    for (const [f, s] of Object.entries(r.byFunctionality).sort()) {
      lines.push(`  ${f.padEnd(22)} ${s.expect.padEnd(6)} ${pct(s.accuracy)}  (${s.correct}/${s.n})`);
    }
  }
  if (r.misses.length) {
    lines.push('Grootste missers:');
    for (const m of r.misses) {
      lines.push(`  ${m.id} ${m.kind === 'missed' ? 'gemist' : 'vals alarm'} ${m.label} (${m.score.toFixed(2)}): ${m.text.slice(0, 100).replace(/\n/g, ' ')}`);
    }
  }
  return lines.join('\n') + '\n';
}

export const command: Command = {
  summary: 'meet de classifier op een gelabeld bestand (JSONL of HateCheck-CSV)',
  async run(args) {
    const { values, positionals } = parseOptions(args, {
      config: { type: 'string' },
      allow: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      misses: { type: 'string', default: '15' },
    });
    const file = positionals[0];
    if (!file) {
      process.stderr.write('Gebruik: uitkijk evaluate BESTAND [--config FILE] [--json] [--misses N]\n');
      return 2;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UitkijkError('INPUT_INVALID', `Kan ${file} niet lezen.`);
    }
    const maxMisses = Number(values.misses);
    const opts = classifierOptions(values);
    const report = file.endsWith('.csv') ? evaluateMhc(readMhc(text), opts, maxMisses) : evaluateLabelled(readJsonl(text), opts, maxMisses);
    process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(file, report));
    return 0;
  },
};
