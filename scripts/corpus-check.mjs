// Checks the classifier's corpus (corpus/texts/*.jsonl, or the files named on the command line):
// every line's fields, labels that agree with its phenomenon tag, lengths, the share of
// template-made texts, and near-duplicates. Prints counts per phenomenon, register and writer.
// With --drop-duplicates it rewrites the files without the later text of each near-duplicate
// pair. Plain JavaScript so that a writer can run it with any Node.
//
//   node scripts/corpus-check.mjs [--drop-duplicates] [FILE ...]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const drop = args.includes('--drop-duplicates');
const quiet = args.includes('--quiet');
let files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  const dir = join(root, 'corpus/texts');
  files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
}

/** The taxonomy is the tables under "## Taxonomy" in corpus/README.md: one source of tags. */
export function readTaxonomy() {
  const md = readFileSync(join(root, 'corpus/README.md'), 'utf8');
  const part = md.slice(md.indexOf('## Taxonomy'));
  return new Set([...part.matchAll(/^\| `([a-z_]+\.[a-z_]+)` \|/gm)].map((m) => m[1]));
}

const TAGS = readTaxonomy();
const LABELS = new Set(['offensive', 'threat', 'personal_data']);
const REGISTERS = new Set(['pupils-10-13', 'pupils-14-18', 'flemish', 'parents', 'staff', 'local-news', 'forums']);
const FIELDS = ['id', 'text', 'labels', 'phenomenon', 'register', 'writer', 'context', 'origin'];

/** Lower case, no diacritics, numbers and capitalised words (names) folded, words only. */
function shingleWords(text) {
  return text
    .replace(/\b\p{Lu}\p{Ll}+/gu, (w, at) => (at === 0 ? w : 'N'))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\d+/g, '0')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
function shingles(text) {
  const w = shingleWords(text);
  if (w.length < 3) return new Set([w.join(' ')]);
  const s = new Set();
  for (let i = 0; i + 2 < w.length; i++) s.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return s;
}

const errors = [];
const records = [];
const ids = new Map();
for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file}:${i + 1}`;
    let r;
    try {
      r = JSON.parse(line);
    } catch (e) {
      errors.push(`${where}: not valid JSON (${e.message})`);
      return;
    }
    for (const f of FIELDS) if (!(f in r)) errors.push(`${where}: missing field "${f}"`);
    if (typeof r.text !== 'string' || r.text.trim() === '') return errors.push(`${where}: empty text`);
    if (ids.has(r.id)) errors.push(`${where}: id ${r.id} also at ${ids.get(r.id)}`);
    ids.set(r.id, where);
    if (!Array.isArray(r.labels) || r.labels.some((l) => !LABELS.has(l))) errors.push(`${where}: labels must be a list of offensive, threat, personal_data`);
    if (!TAGS.has(r.phenomenon)) errors.push(`${where}: unknown phenomenon "${r.phenomenon}"`);
    else {
      const family = r.phenomenon.split('.')[0];
      if (family === 'near' && r.labels.length) errors.push(`${where}: a near.* text carries no labels`);
      if (family !== 'near' && !r.labels.includes(family)) errors.push(`${where}: phenomenon ${r.phenomenon} needs label ${family}`);
    }
    if (!REGISTERS.has(r.register)) errors.push(`${where}: unknown register "${r.register}"`);
    if (!/^w\d+$/.test(String(r.writer))) errors.push(`${where}: writer is w1 … w9`);
    if (r.context !== 'reply' && r.context !== 'mention') errors.push(`${where}: context is reply or mention`);
    if (r.origin !== 'written' && r.origin !== 'template') errors.push(`${where}: origin is written or template`);
    const words = r.text.split(/\s+/).filter(Boolean).length;
    if (words < 1 || words > 120) errors.push(`${where}: ${words} words (1 to 120)`);
    records.push({ ...r, where, file, line: i, sh: shingles(r.text) });
  });
}

// Near-duplicates: candidate pairs share a shingle; Jaccard over the shingle sets decides.
const index = new Map();
const dupOf = new Map();
for (let k = 0; k < records.length; k++) {
  const r = records[k];
  const seen = new Set();
  for (const s of r.sh) {
    for (const j of index.get(s) ?? []) {
      if (seen.has(j) || dupOf.has(j)) continue;
      seen.add(j);
      const o = records[j].sh;
      let inter = 0;
      for (const x of r.sh) if (o.has(x)) inter++;
      if (inter / (r.sh.size + o.size - inter) >= 0.8) {
        dupOf.set(k, j);
        break;
      }
    }
    if (dupOf.has(k)) break;
  }
  if (!dupOf.has(k)) for (const s of r.sh) (index.get(s) ?? index.set(s, []).get(s)).push(k);
}

const count = (key) => {
  const m = new Map();
  for (const [k, r] of records.entries()) if (!dupOf.has(k)) m.set(r[key], (m.get(r[key]) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
};

for (const e of errors) console.log(e);
if (!quiet) for (const [k, j] of dupOf) console.log(`${records[k].where}: near-duplicate of ${records[j].where}`);

const kept = records.length - dupOf.size;
const templ = records.filter((r, k) => !dupOf.has(k) && r.origin === 'template').length;
console.log(
  `\n${records.length} texts, ${dupOf.size} near-duplicates, ${kept} kept, ${errors.length} errors, ${((100 * templ) / Math.max(kept, 1)).toFixed(1)}% from templates`,
);
if (!quiet) {
  console.log('\nper phenomenon:');
  const per = new Map(count('phenomenon'));
  for (const t of TAGS) console.log(`  ${t.padEnd(28)} ${per.get(t) ?? 0}`);
  for (const key of ['register', 'writer', 'context']) {
    console.log(`\nper ${key}:`);
    for (const [k, n] of count(key)) console.log(`  ${String(k).padEnd(28)} ${n}`);
  }
  const lens = records.map((r) => r.text.split(/\s+/).filter(Boolean).length).sort((a, b) => a - b);
  if (lens.length) console.log(`\nwords: min ${lens[0]}, median ${lens[lens.length >> 1]}, max ${lens.at(-1)}, over 50: ${lens.filter((n) => n > 50).length}`);
}

if (drop && dupOf.size) {
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const gone = new Set(records.filter((r, k) => r.file === file && dupOf.has(k)).map((r) => r.line));
    writeFileSync(file, lines.filter((l, i) => !gone.has(i) && l.trim() !== '').join('\n') + '\n');
  }
  console.log(`dropped ${dupOf.size} near-duplicates`);
}
process.exitCode = errors.length ? 1 : 0;
