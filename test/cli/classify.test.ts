// `uitkijk classify` and `uitkijk evaluate` as other tools call them: exact JSON lines, in
// order, an error line for a bad line, allowed contacts never flagged, exit codes.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const node = join(root, 'node_modules/node/bin/node');

function uitkijk(args: string[], input?: string) {
  const r = spawnSync(node, ['bin/uitkijk.js', ...args], { cwd: root, input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('uitkijk classify --jsonl', () => {
  it('writes one line per input, in order, with labels, scores and evidence', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'Wat een mooie kerstmarkt, dank jullie wel!' }),
      JSON.stringify({ id: 'b', text: 'kankerleraar, ik maak je af na school', context: 'reply' }),
      JSON.stringify({ id: 'c', text: 'app me op 06-12345678' }),
    ].join('\n');
    const r = uitkijk(['classify', '--jsonl'], input + '\n');
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    expect(Object.keys(lines[0]).sort()).toEqual(['evidence', 'id', 'labels', 'scores']);
    expect(lines[0].labels).toEqual([]);
    expect(lines[1].labels).toEqual(expect.arrayContaining(['offensive', 'threat']));
    expect(lines[2].labels).toEqual(['personal_data']);
    for (const l of lines) {
      expect(Object.keys(l.scores).sort()).toEqual(['offensive', 'personal_data', 'threat']);
      for (const s of Object.values(l.scores) as number[]) expect(s >= 0 && s <= 1).toBe(true);
    }
    const phone = lines[2].evidence.find((e: { label: string }) => e.label === 'personal_data');
    expect('app me op 06-12345678'.slice(phone.start, phone.end)).toBe('06-12345678');
  });

  it('answers a bad line with an error line and goes on', () => {
    const r = uitkijk(['classify', '--jsonl'], 'dit is geen json\n{"id":"x"}\n{"id":"y","text":"hoi"}\n');
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: null });
    expect(lines[0].error).toMatch(/regel 1/);
    expect(lines[1]).toMatchObject({ id: 'x' });
    expect(lines[1].error).toMatch(/text/);
    expect(lines[2]).toMatchObject({ id: 'y', labels: [] });
  });

  it('never flags an allowed contact, in any notation', () => {
    const line = JSON.stringify({ id: 'a', text: 'Bel me gerust op 06 - 41 82 73 65 of mail naar J.deVries@School.example.nl' });
    const flagged = JSON.parse(uitkijk(['classify', '--jsonl'], line).out);
    expect(flagged.labels).toContain('personal_data');
    expect(flagged.evidence.map((e: { kind: string }) => e.kind).sort()).toEqual(['email', 'phone']);
    const allowed = JSON.parse(uitkijk(['classify', '--jsonl', '--allow', '0641827365', '--allow', 'j.devries@school.example.nl'], line).out);
    expect(allowed.labels).not.toContain('personal_data');
  });

  it('takes thresholds and allowed contacts from --config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'uitkijk-cli-'));
    const file = join(dir, 'c.yaml');
    writeFileSync(
      file,
      `schools:
  - id: s
    name: S
    keywords: [S]
    allowedContacts: ['06-12345678']
    alertRecipients: [a@s.example.nl]
sources: []
thresholds:
  offensive: { alert: 1, remove: 1 }
mail: { from: u@s.example.nl }
`,
    );
    const input = JSON.stringify({ id: 'a', text: 'wat een kankerschool, bel 06-12345678' });
    const out = JSON.parse(uitkijk(['classify', '--jsonl', '--config', file], input).out);
    expect(out.labels).toEqual([]);
    expect(out.scores.offensive).toBeGreaterThan(0.5);
  });

  it('prints one text human-readable, in Dutch by default and in English on request', () => {
    const nl = uitkijk(['classify', 'ik steek je neer morgen']);
    expect(nl.code).toBe(0);
    expect(nl.out).toContain('bedreiging');
    const en = uitkijk(['classify', '--lang', 'en', 'ik steek je neer morgen']);
    expect(en.out).toContain('threat');
    expect(uitkijk(['classify']).code).toBe(2);
  });

  it('answers one line per input line, also when a text holds U+2028, U+2029 or a lone CR', () => {
    const tricky = ['eerste\u2028regel', 'tweede\u2029alinea', 'oud\rmac-einde', 'gewoon'];
    const input = tricky.map((text, i) => JSON.stringify({ id: `t${i}`, text })).join('\r\n') + '\n';
    expect(input.split('\n').length - 1).toBe(4);
    const r = uitkijk(['classify', '--jsonl'], input);
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['t0', 't1', 't2', 't3']);
    for (const l of lines) expect(l.error).toBeUndefined();
  });

  it('refuses an unknown option with a plain message', () => {
    const r = uitkijk(['classify', '--jsonlx']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/optie/);
  });
});

describe('uitkijk evaluate', () => {
  it('prints precision, recall and F1 per label and the worst misses for a labelled file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'uitkijk-eval-'));
    const file = join(dir, 'set.jsonl');
    writeFileSync(
      file,
      [
        { id: 'e1', text: 'kankerschool', labels: ['offensive'] },
        { id: 'e2', text: 'Fijne vakantie allemaal!', labels: [] },
        { id: 'e3', text: 'bel me op 06-12345678', labels: ['personal_data'], entities: [{ type: 'phone', start: 10, end: 21 }] },
        { id: 'e4', text: 'Mooie dag vandaag', labels: ['threat'] },
      ]
        .map((o) => JSON.stringify(o))
        .join('\n'),
    );
    const r = uitkijk(['evaluate', file, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.n).toBe(4);
    expect(report.labels.offensive).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(report.labels.threat).toMatchObject({ tp: 0, fn: 1 });
    expect(report.entities.byType.phone).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(report.misses.map((m: { id: string }) => m.id)).toContain('e4');
    const text = uitkijk(['evaluate', file]);
    expect(text.out).toMatch(/F1/);
    expect(text.out).toMatch(/Grootste missers/);
  });

  it('reads a HateCheck-style CSV (quoted fields, commas, newlines) and reports accuracy per functionality', () => {
    const dir = mkdtempSync(join(tmpdir(), 'uitkijk-eval-'));
    const file = join(dir, 'cases.csv');
    // Invented rows in the CSV layout `evaluate` reads; not taken from any test suite.
    writeFileSync(
      file,
      [
        'id,functionality,text,label_gold,expect',
        'c1,insult,"wat ben jij een sukkel, echt",hateful,flag',
        'c2,threat,"ik sla je morgen in elkaar",hateful,threat',
        'c3,neutral,"Fijne vakantie,\nallemaal!",non-hateful,none',
        'c4,other,"""geciteerd"" en overgeslagen",non-hateful,skip',
      ].join('\n') + '\n',
    );
    const r = uitkijk(['evaluate', file, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.kind).toBe('mhc');
    expect(report.n).toBe(3);
    expect(Object.keys(report.byFunctionality).sort()).toEqual(['insult', 'neutral', 'threat']);
  });

  it('names the line of a broken input file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'uitkijk-eval-'));
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, '{"id":"a","text":"x","labels":[]}\n{kapot\n');
    const r = uitkijk(['evaluate', file]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/regel 2/);
  });
});

describe('uitkijk --help and --version', () => {
  it.each(['start', 'worker', 'web', 'classify', 'evaluate', 'config'])('uitkijk %s --help prints its usage and exits 0', (cmd) => {
    const nl = uitkijk([cmd, '--help']);
    expect(nl.code).toBe(0);
    expect(nl.out).toMatch(/Gebruik: uitkijk/);
    const en = uitkijk(['--lang', 'en', cmd, '--help']);
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/Usage: uitkijk/);
    expect(en.out).not.toMatch(/Gebruik/);
  });

  it('prints the version, and the list of commands', () => {
    const v = uitkijk(['--version']);
    expect(v.code).toBe(0);
    expect(v.out.trim()).toBe(`uitkijk ${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}`);
    const list = uitkijk(['--help']);
    expect(list.out).toMatch(/Opdrachten:[\s\S]*classify[\s\S]*evaluate/);
    expect(uitkijk(['onbekend']).err).toMatch(/Onbekende opdracht/);
    expect(uitkijk(['--lang', 'fr', 'classify', 'x']).code).toBe(2);
  });
});
