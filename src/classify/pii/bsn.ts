// Burgerservicenummers: nine digits, bare or grouped with dots or spaces (1234.56.789,
// 123 456 789), that pass the 11-proof. Nine random digits pass it one time in eleven, so a
// bare number needs "bsn"-like context to score high, and reference-number context sinks it.

import { adjust, before, beforeInClause, NOT_PERSONAL } from './context.ts';
import type { Candidate } from './context.ts';

const BSN = /(?<![\w.,€/:\-])(?:\d{9}|\d{4}([. \-])\d{2}\1\d{3}|\d{3}([. \-])\d{3}\2\d{3})(?![\w€]|[.,:/\-]\d)/g;

const BSN_WORDS = /\b(?:bsn|burgerservicenummer|burgerservice ?nummer|sofi(?:nummer)?|sofi-nummer|zorgpas|ggd|persoonsnummer|id-?nummer)\b/;

/** The 11-proof: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), and not all zero. */
export function isValidBsn(digits: string): boolean {
  if (digits.length !== 9 || digits === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (digits.charCodeAt(i) - 48);
  sum -= digits.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

export function findBsns(text: string, out: Candidate[]): void {
  BSN.lastIndex = 0;
  for (let m = BSN.exec(text); m !== null; m = BSN.exec(text)) {
    const grouped = m[0].length > 9;
    const digits = grouped ? m[0].replace(/\D/g, '') : m[0];
    if (!isValidBsn(digits)) continue;
    const raise = before(text, m.index, BSN_WORDS, 60);
    const lower = beforeInClause(text, m.index, NOT_PERSONAL, 45);
    const base = grouped ? 0.75 : 0.6;
    out.push({
      type: 'bsn',
      start: m.index,
      end: m.index + m[0].length,
      value: m[0],
      score: adjust(base, raise, lower, 0.3, 0.5),
      rule: grouped ? 'bsn.grouped' : 'bsn.plain',
    });
  }
}

/**
 * How many numbers the text calls a BSN that fail the 11-proof ("het BSN-nummer 804714166 klopt
 * niet", "123456789 als voorbeeld"): no personal data (LABELS.md), whatever the words around say.
 */
export function countInvalidBsns(text: string): number {
  let n = 0;
  BSN.lastIndex = 0;
  for (let m = BSN.exec(text); m !== null; m = BSN.exec(text)) {
    const digits = m[0].length > 9 ? m[0].replace(/\D/g, '') : m[0];
    if (isValidBsn(digits)) continue;
    const end = m.index + m[0].length;
    if (before(text, m.index, BSN_WORDS, 60) || BSN_WORDS.test(text.slice(end, end + 40).toLowerCase())) n++;
  }
  return n;
}
