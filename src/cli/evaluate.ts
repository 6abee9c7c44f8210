// `uitkijk evaluate FILE`: scores a labelled JSONL file or the HateCheck CSV and prints the
// figures an administrator needs before changing a threshold.
import { readFileSync } from 'node:fs';
import { evaluateLabelled, evaluateMhc } from '../classify/evaluate.ts';
import type { JsonlReport, LabelledRecord, MhcRecord, MhcReport, Prf } from '../classify/evaluate.ts';
import { UitkijkError } from '../errors.ts';
import { parseOptions } from './args.ts';
import { classifierOptions } from './classifier-options.ts';
import type { Command } from './command.ts';
import type { Lang } from '../i18n.ts';
import { resolve } from 'node:path';
import { loadConfig, resolveConfigPath } from '../config/load.ts';
import type { Finding } from '../finding.ts';
import { createLogger } from '../log.ts';
import { redisTarget } from '../redis/connect.ts';
import { ping, socketPathFor, startEmbeddedRedis } from '../redis/embedded.ts';
import { decisionReport, formatDecisionReport, lastDecisions, outcomeOf } from '../review/tuning.ts';
import type { DecidedFinding, DecisionReport } from '../review/tuning.ts';
import { createAuditLog } from '../store/audit.ts';
import { createFindingStore } from '../store/findings.ts';
import { createKeys } from '../store/keys.ts';

/**
 * The decisions on one school's findings, from the deployment's Redis: REDIS_URL, else the
 * embedded server of the data folder — the running one through its socket, or started briefly
 * from its append-only file when uitkijk is not running.
 */
async function decisionsOf(school: string, o: { config?: string; dataDir?: string }, lang: Lang): Promise<DecisionReport> {
  const config = loadConfig(resolveConfigPath(o.config), lang);
  if (!config.schools.some((s) => s.id === school)) {
    const known = config.schools.map((s) => s.id).join(', ');
    throw new UitkijkError(
      'INPUT_INVALID',
      lang === 'nl' ? `School '${school}' staat niet in de configuratie; kies uit: ${known}` : `School '${school}' is not in the config; choose from: ${known}`,
    );
  }
  const dataDir = resolve(o.dataDir ?? process.env.UITKIJK_DATA_DIR ?? 'data');
  const log = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
  let url = process.env.REDIS_URL;
  let stop = async () => undefined as void;
  if (!url) {
    const socket = socketPathFor(dataDir);
    if (await ping(socket, 500)) url = socket;
    else {
      const embedded = await startEmbeddedRedis({ dataDir, log, lang });
      url = embedded.url;
      stop = () => embedded.stop();
    }
  }
  const redis = redisTarget(url).client();
  try {
    const keys = createKeys(process.env.UITKIJK_DEPLOYMENT ?? 'uitkijk');
    const audit = createAuditLog(redis, { keys, retentionDays: () => config.retention.auditDays });
    const findings = createFindingStore(redis, { keys, retentionDays: config.retention.findingsDays });
    const last = lastDecisions(await audit.forSchool(school));
    const decided: DecidedFinding[] = [];
    let expired = 0;
    for (const [id, entry] of last) {
      const finding: Finding | null = await findings.getFinding(id);
      if (finding) decided.push({ finding, outcome: outcomeOf(entry) });
      else expired += 1;
    }
    return decisionReport(school, decided, config.thresholds, expired);
  } finally {
    await redis.quit().catch(() => redis.disconnect());
    await stop();
  }
}

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

export function formatReport(file: string, r: JsonlReport | MhcReport, lang: Lang = 'nl'): string {
  const nl = lang === 'nl';
  const lines = [nl ? `Evaluatie van ${file}: ${r.n} teksten` : `Evaluation of ${file}: ${r.n} texts`];
  if (r.kind === 'labels') {
    lines.push(nl ? 'Per label:' : 'Per label:');
    for (const [l, p] of Object.entries(r.labels)) lines.push(prfLine(l, p));
    if (r.entities) {
      lines.push(nl ? 'Persoonsgegevens per type (entiteiten):' : 'Personal data per type (entities):');
      lines.push(prfLine(nl ? 'totaal' : 'all', r.entities.overall));
      for (const [t, p] of Object.entries(r.entities.byType)) lines.push(prfLine(t, p));
    }
    lines.push(`${nl ? 'Toegestane contactgegevens ten onrechte gemarkeerd' : 'Allowed contacts flagged by mistake'}: ${r.allowedFlagged}`);
  } else {
    lines.push(`  ${(nl ? "'flag' gemarkeerd:" : "'flag' flagged:").padEnd(25)} ${pct(r.flagRecall)}`);
    lines.push(`  ${(nl ? "'threat' als bedreiging:" : "'threat' as threat:").padEnd(25)} ${pct(r.threatRecall)}`);
    lines.push(`  ${(nl ? "'none' met rust gelaten:" : "'none' left alone:").padEnd(25)} ${pct(r.noneKept)}`);
    lines.push(nl ? 'Per functionaliteit:' : 'Per functionality:');
    for (const [f, s] of Object.entries(r.byFunctionality).sort()) {
      lines.push(`  ${f.padEnd(22)} ${s.expect.padEnd(6)} ${pct(s.accuracy)}  (${s.correct}/${s.n})`);
    }
  }
  if (r.misses.length) {
    lines.push(nl ? 'Grootste missers:' : 'Worst misses:');
    for (const m of r.misses) {
      const kind = m.kind === 'missed' ? (nl ? 'gemist' : 'missed') : nl ? 'vals alarm' : 'false alarm';
      lines.push(`  ${m.id} ${kind} ${m.label} (${m.score.toFixed(2)}): ${m.text.slice(0, 100).replace(/\n/g, ' ')}`);
    }
  }
  return lines.join('\n') + '\n';
}

const USAGE = {
  nl: `Gebruik: uitkijk evaluate BESTAND [opties]
       uitkijk evaluate --decisions SCHOOL [--config FILE] [--data-dir MAP] [--json]

Met --decisions: de beslissingen van moderatoren over meldingen van SCHOOL (de id uit de
configuratie) als gelabelde gegevens — goedgekeurd = terecht gemeld, "onterecht gemarkeerd" =
vals alarm — en wat andere drempels daarop gedaan hadden. Leest Redis: REDIS_URL, of de eigen
Redis in de datamap (ook terwijl uitkijk draait).

BESTAND is een gelabeld JSONL-bestand ({"id", "text", "labels", "entities", "allowed"} per regel)
of een HateCheck-CSV (kolommen id, functionality, text, expect).

Opties:
  --config FILE    drempels en toegestane contactgegevens uit dit configuratiebestand
  --allow WAARDE   een eigen contactgegeven van de school; vaker te geven
  --misses N       toon de N grootste missers (standaard 15; 0 toont geen teksten)
  --json           het rapport als JSON

Voorbeeld:
  uitkijk evaluate test/blind/comments-blind.jsonl --misses 0`,
  en: `Usage: uitkijk evaluate FILE [options]
       uitkijk evaluate --decisions SCHOOL [--config FILE] [--data-dir DIR] [--json]

With --decisions: the moderators' decisions on SCHOOL's findings (its id in the config) as
labelled data — approved = correct flag, "onterecht gemarkeerd" = false alarm — and what
other thresholds would have done on them. Reads Redis: REDIS_URL, or the embedded Redis in the
data folder (also while uitkijk runs).

FILE is a labelled JSONL file ({"id", "text", "labels", "entities", "allowed"} per line)
or a HateCheck CSV (columns id, functionality, text, expect).

Options:
  --config FILE    thresholds and allowed contacts from this config file
  --allow VALUE    one of the school's own contacts; may be repeated
  --misses N       show the N worst misses (default 15; 0 shows no texts)
  --json           the report as JSON

Example:
  uitkijk evaluate test/blind/comments-blind.jsonl --misses 0`,
};

export const command: Command = {
  usage: USAGE,
  async run(args, { lang }) {
    const { values, positionals } = parseOptions(
      args,
      {
        config: { type: 'string' },
        allow: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        misses: { type: 'string', default: '15' },
        decisions: { type: 'string' },
        'data-dir': { type: 'string' },
      },
      lang,
    );
    if (values.decisions !== undefined) {
      const report = await decisionsOf(values.decisions, { config: values.config, dataDir: values['data-dir'] }, lang);
      process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatDecisionReport(report));
      return 0;
    }
    const file = positionals[0];
    if (!file) {
      process.stderr.write(USAGE[lang] + '\n');
      return 2;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UitkijkError('INPUT_INVALID', lang === 'nl' ? `Kan ${file} niet lezen.` : `Cannot read ${file}.`);
    }
    const maxMisses = Number(values.misses);
    if (!Number.isInteger(maxMisses) || maxMisses < 0) {
      throw new UitkijkError(
        'INPUT_INVALID',
        lang === 'nl' ? `--misses moet een heel getal zijn, niet '${values.misses}'` : `--misses must be a whole number, not '${values.misses}'`,
      );
    }
    const opts = classifierOptions(values, lang);
    const report = file.endsWith('.csv') ? evaluateMhc(readMhc(text), opts, maxMisses) : evaluateLabelled(readJsonl(text), opts, maxMisses);
    process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(file, report, lang));
    return 0;
  },
};
