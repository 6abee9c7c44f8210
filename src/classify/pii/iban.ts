// IBANs, with or without spaces, any case, validated with mod-97 by `ibantools`. The expected
// length per country comes from ibantools, so a run like "NL44ASNB0635613725 en" stops at
// the IBAN's last character instead of swallowing the next word.

import { getCountrySpecifications, isValidIBAN } from 'ibantools';
import type { Candidate } from './context.ts';

const SPECS = getCountrySpecifications();
// Start of a candidate: two letters and two check digits, not inside a word.
const START = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?=[ \-]?[A-Za-z0-9])/g;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function findIbans(text: string, out: Candidate[]): void {
  START.lastIndex = 0;
  for (let m = START.exec(text); m !== null; m = START.exec(text)) {
    const country = m[0].slice(0, 2).toUpperCase();
    const len = SPECS[country]?.chars;
    if (!len) continue;
    // Collect `len` alphanumerics, allowing one space or dash between them.
    let i = m.index;
    let n = 0;
    let compact = '';
    while (i < text.length && n < len) {
      const c = text.charCodeAt(i);
      if (isAlnum(c)) {
        compact += text[i];
        n++;
        i++;
      } else if ((c === 32 || c === 45) && n > 0 && i + 1 < text.length && isAlnum(text.charCodeAt(i + 1))) {
        i++;
      } else break;
    }
    if (n !== len || (i < text.length && isAlnum(text.charCodeAt(i)))) continue;
    if (!isValidIBAN(compact.toUpperCase())) continue;
    out.push({ type: 'iban', start: m.index, end: i, value: text.slice(m.index, i), score: 0.95, rule: 'iban.mod97' });
    START.lastIndex = i;
  }
}

/** An account number in IBAN form, spaces and dashes allowed, that fails mod-97: no personal data (LABELS.md). */
export function countInvalidIbans(text: string): number {
  let n = 0;
  SHAPE.lastIndex = 0;
  for (let m = SHAPE.exec(text); m !== null; m = SHAPE.exec(text)) {
    const compact = m[0].replace(/[ -]/g, '').toUpperCase();
    const len = SPECS[compact.slice(0, 2)]?.chars;
    if (!len || compact.length < len) continue;
    if (!isValidIBAN(compact.slice(0, len))) n++;
  }
  return n;
}
const SHAPE = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,30}/g;
