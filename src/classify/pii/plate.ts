// Dutch licence plates in all side-codes 1–14 (XX-99-99 … 999-XX-9), with dashes, spaces or
// nothing between the groups, and Belgian plates (1-ABC-123, the format since 2010). Plates use no vowels, and a plate is one case throughout. A
// plate written without dashes looks like many codes, so it needs car context to score; so
// does a plate with vowels (invented or misremembered, "12-ABC-3").

import { adjust, before, beforeInClause, after } from './context.ts';
import type { Candidate } from './context.ts';

const L = '[BCDFGHJKLMNPRSTVWXZ]';
const l = '[bcdfghjklmnprstvwxz]';
// The three groups of side-codes 1–14: letters (A) and digits (9).
const GROUPS: Array<[string, string, string]> = [
  ['AA', '99', '99'],
  ['99', '99', 'AA'],
  ['99', 'AA', '99'],
  ['AA', '99', 'AA'],
  ['AA', 'AA', '99'],
  ['99', 'AA', 'AA'],
  ['99', 'AAA', '9'],
  ['9', 'AAA', '99'],
  ['AA', '999', 'A'],
  ['A', '999', 'AA'],
  ['AAA', '99', 'A'],
  ['A', '99', 'AAA'],
  ['9', 'AA', '999'],
  ['999', 'AA', '9'],
];

function group(g: string, letter: string): string {
  return g[0] === '9' ? `\\d{${g.length}}` : `${letter}{${g.length}}`;
}
/** All side-codes as one alternation; alternative i captures its separator as group i + 1. */
function build(letter: string, sep = '[- ]?'): string {
  return GROUPS.map(([a, b, c], i) => `${group(a, letter)}(${sep})${group(b, letter)}\\${i + 1}${group(c, letter)}`).join('|');
}
// Each alternative has one capturing group (its separator); the second separator must equal it.
const PLATE_UP = new RegExp(`(?<![\\w-])(?:${build(L)})(?![\\w]|-\\w)`, 'g');
const PLATE_LOW = new RegExp(`(?<![\\w-])(?:${build(l)})(?![\\w]|-\\w)`, 'g');
// People invent or misremember plates with vowels ("12-ABC-3"): with dashes and car words only.
const PLATE_ANY = new RegExp(`(?<![\\w-])(?:${build('[A-Z]', '-')})(?![\\w]|-\\w)`, 'g');

// Belgian: a digit, three letters, three digits ("1-ABC-123", "1ABC123", "1 ABC 123").
const BELGIAN = /(?<![\w-])[1-9]([- ]?)[A-Za-z]{3}\1\d{3}(?![\w]|-\w)/g;

const CAR_WORDS =
  /\b(?:kenteken|nummerbord|auto|bus|busje|wagen|rijdt|reed|rijden|geparkeerd|parkeert|polo|golf|audi|bmw|volvo|toyota|opel|renault|peugeot|kia|tesla|fiat|ford|mercedes|volkswagen|vw|skoda|citroen|citroën|seat|nissan|suzuki|mazda|hyundai|bestelbus|scooter|motor|taxi|rdw)\b/;

/** A word that names what follows as a code or a number of something else. */
const CODE_BEFORE = /(?:code|nummer|nr\.?|referentie|kenmerk|artikel|bestelling|order|factuur|lokaal|dossier)\s*:?\s*$/i;

/** Belgians say "nummerplaat" and "plaat" for a plate. */
const CAR_WORDS_BE = new RegExp(`${CAR_WORDS.source.slice(0, -3)}|nummerplaat|plaat)\\b`);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Could the text hold a plate? A run of 6–9 letters, digits and dashes mixing letters and
 * digits, or three short groups split by single spaces. A char loop, because the plate
 * regexes (14 side-codes, two cases) are costly to run over every text.
 */
export function mayHavePlate(text: string): boolean {
  let st = -1;
  let letters = 0;
  let digits = 0;
  // Lengths of the two previous short groups when separated by one space, else -1.
  let prev1 = -1;
  let prev2 = -1;
  let mix = 0; // bit 1: letters seen in the group run, bit 2: digits seen
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const l = isLetter(c);
    const d = isDigit(c);
    if (l || d || (c === 45 && st >= 0)) {
      if (st < 0) st = i;
      if (l) letters++;
      if (d) digits++;
      continue;
    }
    if (st >= 0) {
      const len = i - st;
      if (len >= 6 && len <= 9 && letters > 0 && digits > 0) return true;
      if (len <= 3 && letters + digits === len) {
        const kind = (letters > 0 ? 1 : 0) | (digits > 0 ? 2 : 0);
        if (prev1 >= 0 && prev2 >= 0 && prev1 + prev2 + len === 6 && (mix | kind) === 3) return true;
        if (c === 32) {
          prev2 = prev1;
          prev1 = len;
          mix = prev2 >= 0 ? mix | kind : kind;
        } else {
          prev1 = prev2 = -1;
          mix = 0;
        }
      } else {
        prev1 = prev2 = -1;
        mix = 0;
      }
      st = -1;
      letters = digits = 0;
    } else if (c !== 32) {
      prev1 = prev2 = -1;
      mix = 0;
    }
  }
  return false;
}

export function findPlates(text: string, out: Candidate[]): void {
  if (!mayHavePlate(text)) return;
  for (const re of [PLATE_UP, PLATE_LOW]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const sep = m.slice(1).find((s) => s !== undefined) ?? '';
      // (The car word may open the clause: "auto van de gymleraar staat weer op de stoep, 54 XJ 87".)
      const car = before(text, m.index, CAR_WORDS, 45) || beforeInClause(text, m.index, CAR_WORDS, 60) || after(text, m.index + m[0].length, CAR_WORDS, 30);
      // Four digits and two letters without dashes is how a postcode looks ("4142PT Leerdam").
      const postcodeShape = sep !== '-' && /^\d{4}/.test(m[0]);
      const base = sep === '-' ? 0.8 : postcodeShape ? 0.3 : 0.45;
      // "Cursuscode NL-204-B", "ordernummer GH-12-34": a code named as one.
      const coded = CODE_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index));
      const score = adjust(base, car, coded, 0.4);
      out.push({
        type: 'licence_plate',
        start: m.index,
        end: m.index + m[0].length,
        value: m[0],
        score,
        rule: sep === '' ? 'plate.compact' : 'plate.sidecode',
      });
    }
  }
  BELGIAN.lastIndex = 0;
  for (let m = BELGIAN.exec(text); m !== null; m = BELGIAN.exec(text)) {
    const letters = m[0].replace(/[^A-Za-z]/g, '');
    if (letters !== letters.toUpperCase() && letters !== letters.toLowerCase()) continue; // one case throughout
    const car = before(text, m.index, CAR_WORDS_BE, 45) || after(text, m.index + m[0].length, CAR_WORDS_BE, 30);
    const score = adjust(m[1] === '-' ? 0.8 : 0.45, car, false, 0.4);
    out.push({ type: 'licence_plate', start: m.index, end: m.index + m[0].length, value: m[0], score, rule: 'plate.belgian' });
  }
  PLATE_ANY.lastIndex = 0;
  for (let m = PLATE_ANY.exec(text); m !== null; m = PLATE_ANY.exec(text)) {
    if (!/[AEIOUY]/.test(m[0])) continue; // the regexes above have it
    if (!before(text, m.index, CAR_WORDS, 45) && !after(text, m.index + m[0].length, CAR_WORDS, 30)) continue;
    out.push({ type: 'licence_plate', start: m.index, end: m.index + m[0].length, value: m[0], score: 0.75, rule: 'plate.vowels' });
  }
}
