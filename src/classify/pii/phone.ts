// Phone numbers as Dutch people write them: mobiles and landlines in national form
// (06-12345678, 06 12 34 56 78, (010) 123 45 67, 0101234567) and international form
// (+31 6 12345678, 0031 6…, +31 (0)6…), plus Belgian numbers (+32 4xx…). A number is only a
// candidate when it has exactly the digits of a real number; service numbers (0800/0900)
// are not personal, and reference-number context ("bestelling", "artikelnummer") lowers it.

import { adjust, before, beforeInClause, NOT_PERSONAL } from './context.ts';
import type { Candidate } from './context.ts';

// Separators people put between digit groups: space, dot, dash, slash, closing parenthesis.
const SEP = '[ .\\-\\u2013/)\\u00a0]{0,3}';
// NL: a prefix (+31 / 0031 with optional (0), or a national 0 with optional "(") and nine digits.
const NL = new RegExp(`(?<![\\w@+/])(?:((?:\\+|00)[ ]?31[ \\-]?(?:\\(0\\)[ \\-]?|0[ \\-]?)?)|\\(?0)([1-9](?:${SEP}\\d){8})(?!\\d)`, 'g');
// BE: +32 / 0032, then eight (landline) or nine (mobile 4xx) digits.
const BE = new RegExp(`(?<![\\w@+/])(?:\\+|00)[ ]?32[ \\-]?(?:\\(0\\)[ \\-]?)?([1-9](?:${SEP}\\d){7,8})(?!\\d)`, 'g');

// BE in national form: a zero and eight digits in groups ("014 58 22 13", "02 512 34 56"); taken only after a phone word.
const BE_NATIONAL = /(?<![\w@+/.,-])0[1-9]\d?[ ./]\d{2,3}[ ./]\d{2}[ ./]\d{2}(?![\d.,/-]?\d)/g;

// Other countries: + and a country code (not 31/32), then 8 to 12 digits.
const INTL = new RegExp(`(?<![\\w@+/])\\+(?!3[12])(?:1|7|[2-9]\\d{1,2})[ \\-]?(?:\\(0\\)[ ]?)?(\\d(?:${SEP}\\d){7,11})(?!\\d)`, 'g');

const IBAN_HEAD = /[A-Za-z]{2}\d{2}[ ]?[A-Za-z]{4}[ ]?$/;

// Words for calling or texting; with "nummer", "contact" and "nr" the words that say phone.
const CALLING = "bel|bellen|belt|gebeld|tel|telefoon(?:nummer)?|telnr|mobiel|mob|gsm|app|appen|whatsapp|sms|sms'en|bereikbaar|noodnummer";
const PHONE_WORDS = new RegExp(`\\b(?:${CALLING}|nummer|contact|nr)\\b`);
// Next to a reference number ("bestelling … nr. 06-2025-4417") "nummer" and "nr" are its own:
// only a word for calling or texting still says phone.
const CALL_WORDS = new RegExp(`\\b(?:${CALLING})\\b`);
const raised = (text: string, at: number, lower: boolean) => before(text, at, lower ? CALL_WORDS : PHONE_WORDS);

// Digits written out in words ("nul zes, een twee, …"), a way to dodge filters.
const DIGIT_WORDS: Record<string, number> = { nul: 0, een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9 };
const DIGIT_WORD = `(?:${Object.keys(DIGIT_WORDS).join('|')})`;
const SPELLED = new RegExp(`\\bnul(?:[ ,\\-]{1,3}${DIGIT_WORD}\\b){9}`, 'gi');

const SPELLED_HINT = /\bnul\b/i;
// Spelled words first, digits after: "nul zes 28 44 19 03".
const SPELLED_MIXED = new RegExp(`\\bnul(?:[ ,\\-]{1,3}${DIGIT_WORD}\\b){1,8}(?:[ ,.\\-]{1,3}\\d{1,4}){1,8}(?!\\d)`, 'gi');

/** Phone numbers spelled out digit by digit, starting with "nul". */
export function findSpelledPhones(text: string, out: Candidate[]): void {
  if (text.length < 20 || !SPELLED_HINT.test(text)) return;
  SPELLED.lastIndex = 0;
  for (let m = SPELLED.exec(text); m !== null; m = SPELLED.exec(text)) {
    const digits = m[0]
      .toLowerCase()
      .split(/[ ,\-]+/)
      .map((w) => DIGIT_WORDS[w]);
    if (digits[1] === 0) continue;
    out.push({ type: 'phone', start: m.index, end: m.index + m[0].length, value: m[0], score: 0.8, rule: 'phone.spelled' });
  }
  SPELLED_MIXED.lastIndex = 0;
  for (let m = SPELLED_MIXED.exec(text); m !== null; m = SPELLED_MIXED.exec(text)) {
    const parts = m[0].toLowerCase().split(/[ ,.\-]+/);
    const digits = parts.flatMap((w) => (w in DIGIT_WORDS ? [DIGIT_WORDS[w]!] : [...w].map(Number)));
    if (digits.length !== 10 || digits[1] === 0 || out.some((c) => c.start < m.index + m[0].length && m.index < c.end)) continue;
    out.push({ type: 'phone', start: m.index, end: m.index + m[0].length, value: m[0], score: 0.8, rule: 'phone.spelled' });
  }
}

/** A number that is nobody's: the subscriber digits one digit repeated (06-00000000, 010-1111111). */
function isPlaceholder(body: string): boolean {
  return /^\d(\d)\1+$/.test(body.replace(/\D/g, ''));
}

export function findPhones(text: string, out: Candidate[]): void {
  NL.lastIndex = 0;
  for (let m = NL.exec(text); m !== null; m = NL.exec(text)) {
    const body = m[2] ?? '';
    if (isPlaceholder(body)) continue;
    // The account digits of an IBAN-shaped string (valid or not) are no phone number.
    if (IBAN_HEAD.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
    const first = body.charCodeAt(0) - 48;
    const mobile = first === 6;
    // 0800/0900/0909 service numbers and 084/085/087/088/091 company numbers are not personal.
    const service = /^(?:8\D*0\D*0|9\D*0\D*[09]|8\D*[4578]|9\D*1)/.test(body);
    let base = mobile ? 0.9 : 0.8;
    let rule = mobile ? 'phone.nl_mobile' : 'phone.nl_landline';
    if (service) {
      base = 0.35;
      rule = 'phone.nl_service';
    }
    if (m[1] !== undefined) rule += '_intl';
    const lower = beforeInClause(text, m.index, NOT_PERSONAL, 45);
    const raise = !service && raised(text, m.index, lower);
    out.push({ type: 'phone', start: m.index, end: m.index + m[0].length, value: m[0], score: adjust(base, raise, lower), rule });
  }
  INTL.lastIndex = 0;
  for (let m = INTL.exec(text); m !== null; m = INTL.exec(text)) {
    const lower = beforeInClause(text, m.index, NOT_PERSONAL, 45);
    const raise = raised(text, m.index, lower);
    out.push({ type: 'phone', start: m.index, end: m.index + m[0].length, value: m[0], score: adjust(0.8, raise, lower), rule: 'phone.intl' });
  }
  BE_NATIONAL.lastIndex = 0;
  for (let m = BE_NATIONAL.exec(text); m !== null; m = BE_NATIONAL.exec(text)) {
    if (m[0].replace(/\D/g, '').length !== 9 || !before(text, m.index, PHONE_WORDS)) continue;
    if (out.some((c) => c.start < m.index + m[0].length && m.index < c.end)) continue;
    const lower = beforeInClause(text, m.index, NOT_PERSONAL, 45);
    out.push({ type: 'phone', start: m.index, end: m.index + m[0].length, value: m[0], score: adjust(0.8, true, lower), rule: 'phone.be_landline' });
  }
  BE.lastIndex = 0;
  for (let m = BE.exec(text); m !== null; m = BE.exec(text)) {
    const body = m[1] ?? '';
    const digits = body.replace(/\D/g, '').length;
    const mobile = body.charCodeAt(0) === 52 && digits === 9; // 4xx xx xx xx
    if (!mobile && digits !== 8) continue;
    const lower = beforeInClause(text, m.index, NOT_PERSONAL, 45);
    const raise = raised(text, m.index, lower);
    const base = mobile ? 0.9 : 0.8;
    out.push({
      type: 'phone',
      start: m.index,
      end: m.index + m[0].length,
      value: m[0],
      score: adjust(base, raise, lower),
      rule: mobile ? 'phone.be_mobile' : 'phone.be_landline',
    });
  }
}
