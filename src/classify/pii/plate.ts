// Dutch licence plates in all side-codes 1–14 (XX-99-99 … 999-XX-9), with dashes, spaces or
// nothing between the groups. Plates use no vowels, and a plate is one case throughout. A
// plate written without separators looks like many codes, so it needs car context to score.

import { adjust, before, after } from './context.ts';
import type { Candidate } from './context.ts';

const L = '[BCDFGHJKLMNPRSTVWXZ]';
const l = '[bcdfghjklmnprstvwxz]';
// The three groups of side-codes 1–14: letters (A) and digits (9).
const GROUPS: Array<[string, string, string]> = [
  ['AA', '99', '99'], ['99', '99', 'AA'], ['99', 'AA', '99'], ['AA', '99', 'AA'], ['AA', 'AA', '99'], ['99', 'AA', 'AA'],
  ['99', 'AAA', '9'], ['9', 'AAA', '99'], ['AA', '999', 'A'], ['A', '999', 'AA'], ['AAA', '99', 'A'], ['A', '99', 'AAA'],
  ['9', 'AA', '999'], ['999', 'AA', '9'],
];

function group(g: string, letter: string): string {
  return g[0] === '9' ? `\\d{${g.length}}` : `${letter}{${g.length}}`;
}
function build(letter: string): string {
  return GROUPS.map(([a, b, c]) => `${group(a, letter)}([- ]?)${group(b, letter)}\\SEP${group(c, letter)}`)
    .map((p, i) => p.replace('\\SEP', `\\${i + 1}`))
    .join('|');
}
// Each alternative has one capturing group (its separator); the second separator must equal it.
const PLATE_UP = new RegExp(`(?<![\\w-])(?:${build(L)})(?![\\w]|-\\w)`, 'g');
const PLATE_LOW = new RegExp(`(?<![\\w-])(?:${build(l)})(?![\\w]|-\\w)`, 'g');

const CAR_WORDS =
  /\b(?:kenteken|nummerbord|auto|bus|busje|wagen|rijdt|reed|rijden|geparkeerd|parkeert|polo|golf|audi|bmw|volvo|toyota|opel|renault|peugeot|kia|tesla|fiat|ford|mercedes|volkswagen|vw|skoda|citroen|citroën|seat|nissan|suzuki|mazda|hyundai|bestelbus|scooter|motor|taxi|rdw)\b/;

export function findPlates(text: string, out: Candidate[]): void {
  for (const re of [PLATE_UP, PLATE_LOW]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const sep = m.slice(1).find((s) => s !== undefined) ?? '';
      const car = before(text, m.index, CAR_WORDS, 45) || after(text, m.index + m[0].length, CAR_WORDS, 30);
      const base = sep === '-' ? 0.8 : 0.45;
      const score = adjust(base, car, false, 0.4);
      out.push({ type: 'licence_plate', start: m.index, end: m.index + m[0].length, value: m[0], score, rule: sep === '' ? 'plate.compact' : 'plate.sidecode' });
    }
  }
}
