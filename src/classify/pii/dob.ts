// Dates of birth: a date counts only with birth context — "geboren (op)", "geb.", the Flemish
// "°", "geboortedatum", "jarig", "verjaardag", or "geboren" just after it — or as a person's
// date: right after a name in brackets or after a colon or dash ("Sem (12-03-2014)", "Lotte
// Bakker: 5-7-2013"), or in a list of names with dates. A date alone is an event date
// (ouderavond, rapporten) and is left alone; a person's date must lie years back.

import type { Candidate } from './context.ts';

const MONTH =
  '(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec)\\.?';
const DATE = new RegExp(
  `(?<![\\w.,/\\-])(?:(?:0?[1-9]|[12]\\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\\1(?:19|20)?\\d{2}|(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])|(?:0?[1-9]|[12]\\d|3[01]) ${MONTH} (?:19|20)\\d{2})(?![\\w]|[-/.]\\d)`,
  'gi',
);

// Birth context in the text just before the date ("geboren op", "geb.", "geboortedatum: ").
const BIRTH_BEFORE = /(?:\b(?:geboren|geb(?:\.\s?|-)?datum|geb\.|geb|gb|geboortedatum|geboortedag|geboorte|dob|date of birth)(?![a-z])[^\d\n.!?]{0,40}|°\s?)$/;
// "jarig" and "verjaardag" also announce parties: the date must then lie years back.
const BIRTHDAY_BEFORE = /\b(?:jarig|verjaardag)(?![a-z])[^\n.!?]{0,45}$/;
// "mijn zoon is van 29-02-2016", "die van ons is van 2012-10-04": a person's date (years back).
const IS_OF_BEFORE = /\b(?:is|ben|zijn|was) (?:echt |al |pas |ook )?van $/;
// "Gefeliciteerd Ilias, 16 jaar! 7 juni 2009 …": an age told just before the date.
const AGE_BEFORE = /\b\d{1,2} jaar(?: oud| geworden)?\s?[!.,]?\s*$/;
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
const BIRTH_AFTER = /^[ ,]{0,2}(?:\p{Ll}+ ){0,3}(?:geboren|geboortedatum|geboortedag|ter wereld gekomen)\b|^[ ,]{0,2}jarig\b/iu;
// A name just before the date: "Sem (", "Lotte Bakker: ", "Noah de Wit – ".
const NAME_THEN = /(?:^|[\s,;(])\p{Lu}[\p{Ll}'-]+(?: (?:van |de |der |den |el |ter |ten |van de |van der )?\p{Lu}[\p{Ll}'-]+)?\s?(?:\(|[:\-–]\s?)$/u;
// In a list the name may be lower case, and a class may stand between, in brackets with the
// date too: "Amber Kok, 3A, 10-01-2010", "fatima (2-12-2012)", "Finn Hoekstra (1B, 02-11-2012)".
const NAME_SPACE =
  /(?:^|[\s,;(])\p{L}[\p{Ll}'-]+(?: (?:van |de |der |den |el |ter |ten |van de |van der )?\p{L}[\p{Ll}'-]+)?(?:,? \(?(?:groep |klas )?\d[A-Za-z]{0,2}\d?)?\s?[,:\-–(]?\s?$/u;
// Capitalised words that are no names before a date: days, months, sentence openers.
const NOT_NAMES = new Set(
  `maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli augustus september oktober november december
   op vanaf tot sinds per datum deadline vandaag morgen gisteren start einde inschrijving uiterlijk uitgifte aflevering bestelling factuur order
   versie update opening sluiting examen toets rapport ouderavond excursie kamp schoolreis vakantie afspraak`.split(/\s+/),
);
// …and the date stands alone after it: "(12-03-2014)", "12-03-2014, Fleur …", not "(12-03-2019 in dienst)".
const ALONE_AFTER = /^\s?(?:[),;!\n]|$|en\b|\.(?:\s|$)|\p{Extended_Pictographic})/u;
const lastWordBefore = (pre: string) => /([\p{L}'-]+)[^\p{L}]*$/u.exec(pre)?.[1]?.toLowerCase() ?? '';

export function findDatesOfBirth(text: string, out: Candidate[]): void {
  DATE.lastIndex = 0;
  const dates: { start: number; end: number; value: string; birth: boolean; named: boolean; listed: boolean }[] = [];
  for (let m = DATE.exec(text); m !== null; m = DATE.exec(text)) {
    const end = m.index + m[0].length;
    const pre = text.slice(Math.max(0, m.index - 45), m.index);
    const preLc = pre.toLowerCase();
    const post = text.slice(end, end + 30);
    const old = yearOf(m[0]) <= THIS_YEAR - MIN_AGE_YEARS;
    const birth =
      BIRTH_BEFORE.test(preLc) || BIRTH_AFTER.test(post) || ((BIRTHDAY_BEFORE.test(preLc) || IS_OF_BEFORE.test(preLc) || AGE_BEFORE.test(preLc)) && old);
    const nameOk = old && ALONE_AFTER.test(post) && !NOT_NAMES.has(lastWordBefore(pre));
    dates.push({ start: m.index, end, value: m[0], birth, named: nameOk && NAME_THEN.test(pre), listed: nameOk && NAME_SPACE.test(pre) });
  }
  // A list: two or more dates each after a name.
  const list = dates.filter((d) => d.named || d.listed).length >= 2;
  for (const d of dates) {
    if (!(d.birth || d.named || (list && d.listed))) continue;
    out.push({
      type: 'date_of_birth',
      start: d.start,
      end: d.end,
      value: d.value,
      score: d.birth ? 0.85 : 0.75,
      rule: d.birth ? 'dob.birth_context' : 'dob.after_name',
    });
  }
}
