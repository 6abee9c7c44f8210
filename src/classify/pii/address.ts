// Home addresses: a street name with a house number ("Vlinderpad 28-2", "Lange Dijk 70",
// "Kastanjelaan 96-II, 4209 NH Dalem"), and a postcode with a house number ("4254cz nr 93c",
// "3372jt, 181b"). A street or a postcode without a number, or a postcode with a town, does
// not locate a home and is left alone. A following postcode and/or town joins the span.

import { adjust, before } from './context.ts';
import type { Candidate } from './context.ts';
import { isGivenName } from './sensitive.ts';

const SUFFIX =
  'straat|straatje|laan|laantje|weg|plein|pleintje|pad|singel|gracht|kade|dijk|hof|steeg|dreef|markt|park|ring|baan|wal|dam|haven|veld|erf|kamp|burg|berg|plantsoen|boulevard|allee|zoom|hoek|akker|weide|gaarde|tuin|vaart|vliet|brink|kant|hoeve|horst|donk|stede|wetering|polder|lei|heuvel|hout|hoven|wegje|kwartier';
// Words that end in a suffix but are no street.
const NOT_STREET =
  /^(?:onderweg|halverwege|zijweg|snelweg|terugweg|heenweg|thuisweg|weg|straat|laan|plein|pad|hof|park|ring|baan|wal|dam|haven|veld|erf|kamp|burg|berg|oord|zoom|hoek|akker|weide|tuin|kant|hoeve|moestuin|speeltuin|schooltuin|schoolplein|pretpark|speelveld|sportveld|voetbalveld|kantoor|achterkant|voorkant|zijkant|binnenkant|buitenkant|overkant|kinderboerderij|kerkhof|gerechtshof|binnenhof|ziekenhuis|berg|computerwinkel|wereld)$/i;
// Words that may stand in front of the street word ("Burgemeester de Wijslaan", "Lange Dijk").
const PREFIX =
  "(?:(?:[Bb]urgemeester|[Bb]urg\\.|[Ll]ange|[Kk]orte|[Oo]ude|[Nn]ieuwe|[Hh]oge|[Ll]age|[Gg]rote|[Kk]leine|[Ss]int|[Ss]t\\.|[Pp]rins|[Pp]rinses|[Kk]oningin|[Kk]oning|[Gg]raaf|[Dd]okter|[Dd]r\\.|[Mm]r\\.|[Gg]eneraal|[Pp]astoor|[Mm]eester|[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Hh]et|'t|[Tt]er|[Tt]en|[A-Z][a-zé]+) )";
const STREET_WORD = `(?:'s-)?[A-Za-zé][a-zé'\\-]*(?:${SUFFIX}|str\\.)|[Ss]ingel|[Mm]arkt|[Bb]rink|[Kk]ade|[Dd]ijk|[Gg]racht|[Dd]reef|[Bb]oulevard|[Ll]aan|[Ww]eg|[Pp]lein|[Hh]of|(?:[Ll]aan|[Pp]lein|[Ww]eg|[Kk]ade|[Hh]of|[Ss]traat|[Dd]ijk|[Ss]ingel) (?:(?:van|de|der|den|het|'t|ter|ten) )+(?:[A-Z][a-zé]+ ){0,2}[A-Z][a-zé]+`;
// House number with an optional addition: 12a, 28-2, 96-II, 14 bis, 3 hs.
const NUMBER = '[1-9]\\d{0,4}(?:[ ]?[a-zA-Z](?![a-zA-Z])|-\\d{1,3}(?!\\d)|-[a-zA-Z](?![a-zA-Z])|-(?:I{1,3}|IV|V|hs|bis)\\b| bis\\b| hs\\b| huis\\b)?';
// With a space between digits and letters, the letters must not be a Dutch word ("1500 en 2000").
const POSTCODE = '[1-9]\\d{3}(?:[A-Za-z]{2}|[ ](?!(?:en|of|op|in|om|de|te|ik|je|we|ze|is|al|na|nu|zo|ga|er|et|uur|mm|cm|km|kg|ml)\\b)[A-Za-z]{2})(?![A-Za-z])';
const TOWN = "(?:'s[- ])?[A-Za-z][a-zé]+(?:-[A-Za-z][a-zé]+)*|[A-Z]{2,}(?:-[A-Z]+)*";

// Street + number [+ ", " / " " postcode [town]] [+ ", " Town].
const STREET = new RegExp(
  `(?<![\\w-])((?:${PREFIX}){0,3})(${STREET_WORD}) (${NUMBER})(?:(,? ${POSTCODE})(?: (${TOWN}))?|, ((?:'s-)?[A-Z][a-zé]+(?:-[A-Z][a-zé]+)*|[A-Z]{2,}(?:-[A-Z]+)*))?(?![\\w])`,
  'g',
);
// A capitalised or lower-case word without street suffix ("Watermolen 162") counts only after
// words that announce an address.
// (Forward regexes, not lookbehinds: a lookbehind is tried at every position and is slow.
// The street word starts where its captured text ends minus its length.)
const BARE = new RegExp(
  `\\b(?:(?:wonen|woon|woont|woonde|thuis|huis|adres|ophalen|afhalen|langs|verhuisd)(?: (?:gewoon|nu|sinds kort|tegenwoordig|daar|hier))?(?: (?:op|aan|naar|de|is|in|bij))*:? |aan de )([A-Za-z][a-zé]{3,}) (${NUMBER})(?![\\w,.:]\\d|\\w)`,
  'g',
);

// A capitalised word after a colon or "naar"/"op" ("ophalen: Watermolen 162").
const BARE_CAP = new RegExp(`(?:: |\\bnaar |\\bop )([A-Z][a-zé]{3,}) (${NUMBER})(?![\\w,.:]\\d|\\w)`, 'g');
// A lower-case word there counts only when a postcode or town follows ("naar meidoorn 7, Dalem").
const BARE_LOW = new RegExp(
  `(?:: |\\bnaar |\\bop )([a-z][a-zé]{3,}) (${NUMBER})(?=,? [1-9]\\d{3} ?[A-Za-z]{2}(?![A-Za-z])|, [A-Z][a-zé]+)(?![\\w,.:]\\d|\\w)`,
  'g',
);
// …or when the number ends the sentence ("wie brengt zijn huiswerk naar meidoorn 4?").
const BARE_END = new RegExp(`(?:\\bnaar |\\bop )([a-z][a-zé]{4,}) (${NUMBER})(?=[.?!](?:\\s|$)|$)`, 'g');
const BARE_RULES: Array<[RegExp, number, string]> = [
  [BARE, 0.7, 'address.bare_street'],
  [BARE_CAP, 0.6, 'address.bare_street_cap'],
  [BARE_LOW, 0.55, 'address.bare_street_town'],
  [BARE_END, 0.55, 'address.bare_street_end'],
];
const BARE_TAIL = /^(?:,? [1-9]\d{3} ?[A-Za-z]{2}(?![A-Za-z])(?: [A-Za-z][a-zé]+(?:-[A-Za-z][a-zé]+)*)?|, (?:[A-Z][a-zé]+(?:-[A-Z][a-zé]+)*|[A-Z]{2,}))(?!\w)/;

const PC_NUMBER = new RegExp(`(?<![\\w-])${POSTCODE}(?:,? ?(?:(?:nr\\.?|no\\.?|nummer|huisnummer|huisnr\\.?) ?)?|-)(${NUMBER})(?![\\w]|[.,:]\\d)`, 'g');

// What may follow a number that makes it a date, time, amount or count, not a house number.
const NOT_HOUSE_NUMBER =
  /^[ ]?(?:jan|feb|maa|apr|mei|jun|jul|aug|sep|okt|nov|dec|uur|u\b|minuten|min\b|sec|euro|eur\b|%|procent|keer|x\b|jaar|maanden|weken|dagen|kinderen|leerlingen|personen|kilo|km|meter|m\b|cm|stuks|punten|plaatsen|tot|t\/m|-\s?\d|[-–]\s|[.:]\d)/i;
const BARE_STOP =
  /^(?:groep|klas|les|lessen|hoofdstuk|pagina|blz|nummer|week|dag|jaar|uur|havo|vwo|vmbo|mavo|atheneum|gymnasium|bus|lijn|tafel|plaats|stoel|vak|leerjaar|periode|ronde|rij|zaal|lokaal|kamer|verdieping|etage|stand|score|minuut|graad|niveau|versie|editie|seizoen|maart|april|juni|juli|augustus|september|oktober|november|december|januari|februari|mei|school|speelplaats|schoolplein|kant|achterkant|voorkant|deur|ingang|uitgang|hek|poort|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|pagina|vraag|opdracht|oefening|som|punt|stap|artikel|regel|bijlage|figuur|tabel|versie|team|speler|shirt|rugnummer|nummer|kanaal|seizoen|level|training|trainingen|bladzijde|wedstrijd|toets|test|proefwerk|examen|cursus|workshop|sessie|deel|fase|paragraaf|opgave|thema|unit|module|blok|plek|positie|spoor|perron|halte|route|etappe|race|heat|set|game|potje|poule|gang|vleugel|gebouw|tribune|aflevering|episode|serie|boek|jaargang|item|plaatje|foto|filmpje|video|dia|slide|sheet|tabblad|optie|keuze|antwoord|stelling|casus|spel|ronde|tafel|bank|rij|stoel|hele|gehele|andere|eerste|tweede|derde|vierde|vijfde|zesde|laatste|volgende|vorige)$/i;

// A noun made of a verb ends like a street by chance, in "-ring" ("aflevering 3", "vergadering
// 2", "verbetering 4"); of the streets that end in "-ering", the "-wetering" is kept.
const VERBAL_NOUN = /^(?![A-Za-zé]*wetering$)[A-Za-zé]+ering$/i;

function pushAddress(text: string, out: Candidate[], start: number, end: number, score: number, rule: string): void {
  out.push({ type: 'address', start, end, value: text.slice(start, end), score, rule });
}

// Cheap anchors: a word followed by a house number, and a four-digit postcode.
const WORD_NUMBER = /[A-Za-zé.] [1-9]/g;
const PC_ANCHOR = /[1-9]\d{3} ?[A-Za-z]{2}/;
// How far before a "word number" anchor a street name (with its prefix words) may start.
const STREET_REACH = 70;

export function findAddresses(text: string, out: Candidate[]): void {
  WORD_NUMBER.lastIndex = 0;
  for (let m = WORD_NUMBER.exec(text); m !== null; m = WORD_NUMBER.exec(text)) {
    if (looksLikeStreetBefore(text, m.index + 1)) {
      findStreets(text, out, m.index);
      break;
    }
  }
  if (PC_ANCHOR.test(text)) findPostcodes(text, out);
}

const SUFFIX_END = new RegExp(
  `(?:${SUFFIX}|str\\.|singel|markt|brink|kade|dijk|gracht|dreef|boulevard|laan|weg|plein|hof)$|(?:laan|plein|weg|kade|hof|straat|dijk|singel) (?:van|de|der|den|het|'t|ter|ten) `,
  'i',
);
const BARE_CONTEXT = /\b(?:wonen|woon|woont|woonde|thuis|huis|adres|ophalen|afhalen|langs|verhuisd|aan de|naar|op)\b|: /i;

/**
 * Is the word before the house number at `at` a street (or announced as an address)? A cheap
 * look at the 40 characters before, so the costly street regexes run only when it may pay.
 */
function looksLikeStreetBefore(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 40), at);
  return SUFFIX_END.test(before) || BARE_CONTEXT.test(before);
}

function findStreets(text: string, out: Candidate[], firstAnchor: number): void {
  // The street regex is costly per position, so it starts a little before the first anchor.
  STREET.lastIndex = Math.max(0, firstAnchor - STREET_REACH);
  for (let m = STREET.exec(text); m !== null; m = STREET.exec(text)) {
    const word = m[2] ?? '';
    const prefix = m[1] ?? '';
    if ((NOT_STREET.test(word) && prefix === '') || VERBAL_NOUN.test(word)) continue;
    const numEnd = m.index + prefix.length + word.length + 1 + (m[3] ?? '').length;
    if (m[4] === undefined && NOT_HOUSE_NUMBER.test(text.slice(numEnd, numEnd + 12))) {
      STREET.lastIndex = numEnd;
      continue;
    }
    // Leading capitalised prefix words that are sentence words ("Wij", "Naar") are not part of the street.
    let start = m.index;
    let p = prefix;
    while (p.length > 0) {
      const sp = p.indexOf(' ');
      const w = p.slice(0, sp);
      if (
        !/^(?:Op|Naar|Aan|Bij|In|Om|Te|Tot|Via|Vanaf|Wij|Ik|Ons|Hij|Zij|Ze|Je|Adres|Is|En|Of|Thuis|Huis|Ophalen|Langs|Voor|Achter|Woont|Wonen|Mijn|Onze|Hun|Zijn|Haar|Dat|Die|Deze|Dit|Wel|Niet|Ook|Nog|Hier|Daar|Welkom|Hoi|Hallo|Beste|Kijk|Verzamelen|Bezorgen|Zie|Dus|de|De|het|Het)$/.test(
          w,
        )
      )
        break;
      // "de Lindenlaan 27": an article before a one-word street is not part of it.
      start += sp + 1;
      p = p.slice(sp + 1);
    }
    const withPc = m[4] !== undefined;
    const raise = before(text, start, /\b(?:woon|woont|wonen|adres|thuis|huis|ophalen|afhalen|bezorg|verhuisd|naar|op|aan de)\b[: ]*$/, 25);
    pushAddress(text, out, start, m.index + m[0].length, adjust(withPc ? 0.9 : 0.75, raise, false), withPc ? 'address.street_postcode' : 'address.street');
  }
  for (const [re, base, rule] of BARE_RULES) {
    re.lastIndex = Math.max(0, firstAnchor - 40);
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const word = m[1] ?? '';
      // "Uitslag: Sophie 9, Ibrahim 8,5": a given name and a grade, not a street and a town.
      if (BARE_STOP.test(word) || isGivenName(word)) continue;
      const numEnd = m.index + m[0].length;
      const wordStart = numEnd - (m[2] ?? '').length - 1 - word.length;
      const next = text.slice(numEnd, numEnd + 60);
      if (NOT_HOUSE_NUMBER.test(next) || /^ ?-/.test(next)) continue;
      // Optional postcode and/or town after it, as for suffixed streets.
      const tail = BARE_TAIL.exec(next);
      const end = numEnd + (tail ? tail[0].length : 0);
      pushAddress(text, out, wordStart, end, adjust(base, tail !== null, false), rule);
    }
  }
}

function findPostcodes(text: string, out: Candidate[]): void {
  PC_NUMBER.lastIndex = 0;
  for (let m = PC_NUMBER.exec(text); m !== null; m = PC_NUMBER.exec(text)) {
    const end = m.index + m[0].length;
    if (NOT_HOUSE_NUMBER.test(text.slice(end, end + 12))) continue;
    // "2024en 2025": a typo between two years, not a postcode.
    if (/^\d{4}(?:en|of|tot)\b/i.test(m[0]) && /\d{4}/.test(m[1] ?? '')) continue;
    out.push({ type: 'postcode', start: m.index, end, value: m[0], score: 0.85, rule: 'postcode.number' });
  }
}
