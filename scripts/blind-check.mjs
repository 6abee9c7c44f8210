// Checks a blind set's files (test/blind/*.jsonl) without showing a single text: fields,
// labels, entity types and offsets, allowed contacts. Prints counts only, so that whoever runs
// it learns nothing about the texts. With --fill-offsets it sets each entity's start and end
// from its value (the first occurrence at or after the previous entity of the same value).
//
//   node scripts/blind-check.mjs [--fill-offsets] FILE ...
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const fill = args.includes('--fill-offsets');
const files = args.filter((a) => !a.startsWith('--'));
const LABELS = new Set(['offensive', 'threat', 'personal_data']);
const TYPES = new Set(['phone', 'email', 'iban', 'bsn', 'address', 'postcode', 'date_of_birth', 'licence_plate', 'name_with_sensitive']);

let bad = 0;
for (const file of files) {
  const out = [];
  const counts = { texts: 0, none: 0, offensive: 0, threat: 0, personal_data: 0, reply: 0, mention: 0, entities: 0, allowed: 0 };
  const words = [];
  const ids = new Set();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const where = `${file}:${i + 1}`;
      const fail = (why) => {
        bad++;
        console.log(`${where}: ${why}`);
      };
      let r;
      try {
        r = JSON.parse(line);
      } catch (e) {
        fail(`not valid JSON (${e.message})`);
        out.push(line);
        return;
      }
      counts.texts++;
      if (typeof r.id !== 'string' || ids.has(r.id)) fail('id missing or repeated');
      ids.add(r.id);
      if (typeof r.text !== 'string' || !r.text.trim()) fail('text missing');
      if (r.context !== 'reply' && r.context !== 'mention') fail('context is reply or mention');
      else counts[r.context]++;
      if (!Array.isArray(r.labels) || r.labels.some((l) => !LABELS.has(l))) fail('labels: a list of offensive, threat, personal_data');
      else if (r.labels.length === 0) counts.none++;
      else for (const l of r.labels) counts[l]++;
      if (typeof r.note !== 'string') fail('note missing');
      for (const a of r.allowed ?? []) {
        counts.allowed++;
        if (!r.text.includes(a)) fail('an allowed value does not occur in the text');
      }
      const from = new Map();
      for (const e of r.entities ?? []) {
        counts.entities++;
        if (!TYPES.has(e.type)) fail(`unknown entity type "${e.type}"`);
        if (typeof e.value !== 'string' || !r.text.includes(e.value)) {
          fail('an entity value does not occur in the text');
          continue;
        }
        if (fill) {
          const at = r.text.indexOf(e.value, from.get(e.value) ?? 0);
          const found = at >= 0 ? at : r.text.indexOf(e.value);
          e.start = found;
          e.end = found + e.value.length;
          from.set(e.value, e.end);
        }
        if (r.text.slice(e.start, e.end) !== e.value) fail('entity start/end do not give its value (run with --fill-offsets)');
      }
      if (r.entities?.length && !r.labels?.includes('personal_data')) fail('entities on a text without personal_data');
      if (typeof r.text === 'string') words.push(r.text.split(/\s+/).filter(Boolean).length);
      out.push(JSON.stringify(r));
    });
  words.sort((a, b) => a - b);
  console.log(`${file}: ${JSON.stringify(counts)} words min ${words[0]} median ${words[words.length >> 1]} max ${words.at(-1)}`);
  if (fill) writeFileSync(file, out.join('\n') + '\n');
}
process.exitCode = bad ? 1 : 0;
