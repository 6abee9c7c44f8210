// Shared vocabulary of the personal-data recognisers: the candidate shape they emit, and
// context words that raise or lower a candidate's confidence (as Microsoft Presidio's
// context enhancer does): a number right after "bel" is surely a phone number; a number
// right after "bestelling" surely is not.

import type { PiiType } from '../types.ts';

/** A candidate entity with the id of the rule that found it (the id goes into evidence). */
export interface Candidate {
  type: PiiType;
  start: number;
  end: number;
  value: string;
  score: number;
  rule: string;
}

/** A recogniser appends its candidates to `out`; it never sees the allowed list. */
export type Recogniser = (text: string, out: Candidate[]) => void;

/** Characters looked at before / after a candidate for context words. */
export const WINDOW_BEFORE = 40;
export const WINDOW_AFTER = 25;

/** Does `re` match in the `width` characters before `start` (lower-cased)? */
export function before(text: string, start: number, re: RegExp, width = WINDOW_BEFORE): boolean {
  return re.test(text.slice(Math.max(0, start - width), start).toLowerCase());
}

/**
 * Like `before`, but never looks past the start of the clause (. ! ? ; newline): a reference
 * word in an earlier sentence says nothing about this number.
 */
export function beforeInClause(text: string, start: number, re: RegExp, width = WINDOW_BEFORE): boolean {
  let a = start;
  const min = Math.max(0, start - width);
  while (a > min) {
    const c = text.charCodeAt(a - 1);
    if (c === 10 || c === 33 || c === 59 || c === 63 || (c === 46 && a < text.length && text.charCodeAt(a) === 32)) break;
    a--;
  }
  return re.test(text.slice(a, start).toLowerCase());
}

/** Does `re` match in the `width` characters after `end` (lower-cased)? */
export function after(text: string, end: number, re: RegExp, width = WINDOW_AFTER): boolean {
  return re.test(text.slice(end, end + width).toLowerCase());
}

/** Words that name a reference number that is not personal data. */
export const NOT_PERSONAL =
  /\b(?:klant|order|bestel|factuur|artikel|referentie|dossier|polis|pakket|zending|track(?:ing)?|ticket|kvk|btw|vestigings|lidmaatschaps|relatie|transactie|leerling|student|lid|pas|kaart|klant|serie|product|voucher|bon)(?:nummer|nr\.?|code)\b|\b(?:kvk|btw|ordernr|factuurnr)\b|\b(?:bestelling|factuur|order|kenmerk|artikel|inv|ord)\b[^.!?\n]{0,12}$/;

/** Apply positive and negative context: clamp into [0,1]. */
export function adjust(base: number, raise: boolean, lower: boolean, up = 0.15, down = 0.45): number {
  let s = base;
  if (raise) s += up;
  if (lower) s -= down;
  // Rounded, so that ties between recognisers are real ties (0.7 + 0.15 vs 0.45 + 0.4).
  return s < 0 ? 0 : s > 1 ? 1 : Math.round(s * 100) / 100;
}
