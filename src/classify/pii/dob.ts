// Dates of birth: a date counts only with birth context — "geboren (op)", "geb.",
// "geboortedatum", "jarig", "verjaardag", or "is op … geboren" after it. A date alone is an
// event date (ouderavond, rapporten) and is left alone.

import type { Candidate } from './context.ts';

const MONTH =
  '(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec)\\.?';
const DATE = new RegExp(
  `(?<![\\w.,/\\-])(?:(?:0?[1-9]|[12]\\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\\1(?:19|20)?\\d{2}|(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])|(?:0?[1-9]|[12]\\d|3[01]) ${MONTH} (?:19|20)\\d{2})(?![\\w]|[-/.]\\d)`,
  'gi',
);

// Birth context in the text just before the date ("geboren op", "geb.", "geboortedatum: ").
const BIRTH_BEFORE = /\b(?:geboren|geb(?:\.\s?|-)?datum|geb\.|geb|geboortedatum|geboortedag|geboorte|dob|date of birth)(?![a-z])[^\d\n.!?]{0,28}$/;
// "jarig" and "verjaardag" also announce parties: the date must then lie years back.
const BIRTHDAY_BEFORE = /\b(?:jarig|verjaardag)(?![a-z])[^\d\n.!?]{0,28}$/;
const MIN_AGE_YEARS = 3;
const THIS_YEAR = new Date().getFullYear();

function yearOf(date: string): number {
  const m = /(\d{4})|(\d{2})$/.exec(date);
  if (!m) return 0;
  if (m[1]) return Number(m[1]);
  const yy = Number(m[2]);
  return yy + (2000 + yy > THIS_YEAR ? 1900 : 2000);
}
// "… is op 23.12.2020 geboren".
const BIRTH_AFTER = /^[ ,]{0,2}(?:geboren|jarig)\b/;

export function findDatesOfBirth(text: string, out: Candidate[]): void {
  DATE.lastIndex = 0;
  for (let m = DATE.exec(text); m !== null; m = DATE.exec(text)) {
    const end = m.index + m[0].length;
    const pre = text.slice(Math.max(0, m.index - 45), m.index).toLowerCase();
    const post = text.slice(end, end + 12).toLowerCase();
    const birth = BIRTH_BEFORE.test(pre) || BIRTH_AFTER.test(post) || (BIRTHDAY_BEFORE.test(pre) && yearOf(m[0]) <= THIS_YEAR - MIN_AGE_YEARS);
    if (!birth) continue;
    out.push({ type: 'date_of_birth', start: m.index, end, value: m[0], score: 0.85, rule: 'dob.birth_context' });
  }
}
