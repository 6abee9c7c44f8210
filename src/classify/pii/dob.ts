// Dates of birth: a date counts only with birth context — "geboren (op)", "geb.", the Flemish
// "°", "geboortedatum", "jarig", "verjaardag", a birthday's wishes ("Happy birthday Noah!!!",
// "hiep hiep hoera", 🎂), or "geboren" after it in its sentence — or as a person's date: right
// after a name in brackets or after a colon or dash ("Sem (12-03-2014)", "Lotte Bakker:
// 5-7-2013"), after a full name and a comma, or in a list of names with dates. A birth date's
// sentence may go on with more people's dates ("…, Julian Boer op 22 juni 2017 en …"). A date
// alone is an event date (ouderavond, rapporten) and is left alone; a person's date must lie
// years back.

import type { Candidate } from './context.ts';
import { isGivenName } from './sensitive.ts';

const MONTH =
  '(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec)\\.?';
const DATE = new RegExp(
  `(?<![\\w.,/\\-])(?:(?:0?[1-9]|[12]\\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\\1(?:19|20)?\\d{2}|(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])|(?:0?[1-9]|[12]\\d|3[01]) ${MONTH} (?:19|20)\\d{2})(?![\\w]|[-/.]\\d)`,
  'gi',
);

const BOUND_BEFORE = /\b(?:tussen|na|vóór|voor|vanaf|sinds|tot(?: en met)?|op of (?:na|voor|vóór)|in of na)\s$|\btussen [^.!?\n]{4,30} en\s$/;
// Birth context in the text just before the date ("geboren op", "geb.", "geboortedatum: ").
const BIRTH_BEFORE = /(?:\b(?:geboren|geb(?:\.\s?|-)?datum|geb\.|geb|gb|geboortedatum|geboortedag|geboorte|dob|date of birth)(?![a-z])[^\d\n.!?]{0,40}|°\s?)$/;
// "jarig", "verjaardag" and a birthday's wishes also announce parties: the date must then lie
// years back. Wishes come with exclamation marks ("Happy birthday Noah!!! 18-02-2010").
const BIRTHDAY_BEFORE = /(?:\b(?:jarig|verjaardag|happy b(?:irth)?day|hbd|gefeliciteerd|proficiat|hiep,? hiep,? hoera)(?![a-z])|\u{1F382})[^\n.?]{0,45}$/u;
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
// "Op 3 april 2014 om tien over vier 's ochtends werd hij geboren": further on in its sentence
// (the date must then lie years back).
const BORN_LATER = /^[^.!?\n]{0,60}?\b(?:geboren|ter wereld gekomen)\b/i;
const AFTER_CHARS = 70;
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
// "Evi Brouwer, 09-04-2012, BSN …": a full name and a comma, when the given name is one we know
// (a place and a comma before a date is a letter's dateline).
const FULL_NAME_COMMA = /(?:^|[\s(;])(\p{Lu}\p{Ll}+) (?:(?:van|de|der|den|el|ter|ten|van de|van der) )?\p{Lu}[\p{Ll}'-]+,\s?$/u;
// …and the date stands alone after it: "(12-03-2014)", "12-03-2014, Fleur …", not "(12-03-2019 in dienst)".
const ALONE_AFTER = /^\s?(?:[),;!\n]|$|en\b|\.(?:\s|$)|\p{Extended_Pictographic})/u;
const NEXT_DATE_CHARS = 60;
const SENTENCE_END = /[.!?\n]/;
const CAPITALISED = /\p{Lu}[\p{Ll}'-]+/gu;
const namesSomeone = (s: string) => (s.match(CAPITALISED) ?? []).some((w) => !NOT_NAMES.has(w.toLowerCase()));
const lastWordBefore = (pre: string) => /([\p{L}'-]+)[^\p{L}]*$/u.exec(pre)?.[1]?.toLowerCase() ?? '';

export function findDatesOfBirth(text: string, out: Candidate[]): void {
  DATE.lastIndex = 0;
  const dates: { start: number; end: number; value: string; birth: boolean; old: boolean; named: boolean; listed: boolean }[] = [];
  for (let m = DATE.exec(text); m !== null; m = DATE.exec(text)) {
    const end = m.index + m[0].length;
    const pre = text.slice(Math.max(0, m.index - 45), m.index);
    const preLc = pre.toLowerCase();
    const post = text.slice(end, end + AFTER_CHARS);
    const old = yearOf(m[0]) <= THIS_YEAR - MIN_AGE_YEARS;
    // "geboren tussen 1 oktober 2011 en 30 september 2015", "geboren na 1 januari 2014": who may
    // take part, a bound and no one's date.
    const bound = BOUND_BEFORE.test(preLc);
    const birth =
      (BIRTH_BEFORE.test(preLc) && !bound) ||
      BIRTH_AFTER.test(post) ||
      ((BIRTHDAY_BEFORE.test(preLc) || IS_OF_BEFORE.test(preLc) || AGE_BEFORE.test(preLc) || BORN_LATER.test(post)) && old);
    const nameOk = old && !bound && ALONE_AFTER.test(post) && !NOT_NAMES.has(lastWordBefore(pre));
    const fullName = FULL_NAME_COMMA.exec(pre);
    const named = nameOk && (NAME_THEN.test(pre) || (fullName !== null && isGivenName(fullName[1]!)));
    dates.push({ start: m.index, end, value: m[0], birth, old, named, listed: nameOk && NAME_SPACE.test(pre) });
  }
  // A birth date's sentence goes on with more people's dates: "Emma Koster is geboren op 3
  // februari 2017, Julian Boer op 22 juni 2017 en Isa van Leeuwen op 9 oktober 2016".
  for (let i = 1; i < dates.length; i++) {
    const prev = dates[i - 1]!;
    const d = dates[i]!;
    if (d.birth || !prev.birth || !d.old) continue;
    const between = text.slice(prev.end, d.start);
    if (between.length <= NEXT_DATE_CHARS && !SENTENCE_END.test(between) && namesSomeone(between)) d.birth = true;
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
