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

/**
 * Every run that has an IBAN's shape — a country, check digits and as many alphanumerics as that
 * country's IBAN has, one space or dash allowed between them — and whether it is one: it ends
 * there and passes mod-97.
 */
function* ibanShapes(text: string): Generator<{ start: number; end: number; valid: boolean }> {
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
    if (n !== len) continue;
    // A run that goes on past the IBAN's length ("NL16 INGB 0663 9233 214") is none, but looks like one.
    const valid = !(i < text.length && isAlnum(text.charCodeAt(i))) && isValidIBAN(compact.toUpperCase());
    yield { start: m.index, end: i, valid };
    if (valid) START.lastIndex = i;
  }
}

export function findIbans(text: string, out: Candidate[]): void {
  for (const { start, end, valid } of ibanShapes(text)) {
    if (valid) out.push({ type: 'iban', start, end, value: text.slice(start, end), score: 0.95, rule: 'iban.mod97' });
  }
}

/** An account number in IBAN form that fails mod-97: no personal data (LABELS.md). */
export function countInvalidIbans(text: string): number {
  let n = 0;
  for (const { valid } of ibanShapes(text)) if (!valid) n++;
  return n;
}
