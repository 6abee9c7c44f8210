// Masks personal data in alert e-mails: the communications team needs to see that a phone
// number or address was posted, not to receive a copy of it. Each letter or digit that is
// masked becomes '•' one for one, so offsets into the text (evidence) stay valid; separators
// stay so the shape remains recognisable (06-12345678 → 06-••••••78). A number or address is
// only half hidden while the name it belongs to stands next to it ("het nummer van meneer
// Jansen is 06-…"), so the name of the person a masked value is tied to is masked as well,
// wherever it occurs in the text (tiedNames below).

import type { Entity, PiiType } from '../classify/types.ts';

export const MASK = '•';

/** How many letters/digits stay visible at the start and end of a value, per type. */
const KEEP: Record<Exclude<PiiType, 'email'>, { head: number; tail: number }> = {
  // A network prefix and the last two digits tell staff which number it was without giving it.
  phone: { head: 2, tail: 2 },
  // Country code shows the bank's country; the last two digits tell accounts apart.
  iban: { head: 2, tail: 2 },
  // National identity number, birth date and plate: nothing of them is needed to act.
  bsn: { head: 0, tail: 0 },
  date_of_birth: { head: 0, tail: 0 },
  licence_plate: { head: 0, tail: 0 },
  address: { head: 1, tail: 0 },
  postcode: { head: 1, tail: 0 },
  name_with_sensitive: { head: 1, tail: 0 },
};

const MASKABLE = /[\p{L}\p{N}]/u;

function maskKeeping(value: string, head: number, tail: number): string {
  const total = [...value].filter((ch) => MASKABLE.test(ch)).length;
  let seen = 0;
  let out = '';
  for (const unit of value) {
    if (!MASKABLE.test(unit)) {
      out += unit;
      continue;
    }
    seen += 1;
    const visible = seen <= head || seen > total - tail;
    // A visible character is copied; a masked one becomes one '•' per UTF-16 unit, keeping length.
    out += visible && total > head + tail ? unit : MASK.repeat(unit.length);
  }
  return out;
}

/** The masked form of one value of the given type. */
export function maskValue(value: string, type: PiiType): string {
  if (type === 'email') {
    const at = value.lastIndexOf('@');
    // The domain says little about the person (and often that it is a school address).
    if (at > 0) return maskKeeping(value.slice(0, at), 1, 0) + value.slice(at);
    return maskKeeping(value, 0, 0);
  }
  const keep = KEEP[type];
  return maskKeeping(value, keep.head, keep.tail);
}

/**
 * The text with every entity's span masked, and the names tied to them (tiedNames). Overlapping
 * spans are masked as one, entirely, since no single type's rule fits them. Out-of-range
 * offsets are clipped, never trusted.
 */
export function maskText(text: string, entities: readonly Pick<Entity, 'type' | 'start' | 'end'>[]): string {
  const tied = tiedNames(text, entities);
  const names = [...tied, ...mentions(text, entities, tied)].map((n) => ({ type: 'name_with_sensitive' as const, ...n }));
  const spans = [...entities, ...names]
    .map((e) => ({ type: e.type, start: Math.max(0, Math.min(e.start, text.length)), end: Math.max(0, Math.min(e.end, text.length)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { type: PiiType | null; start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.type = null;
    } else merged.push({ ...span });
  }
  let out = '';
  let at = 0;
  for (const span of merged) {
    out += text.slice(at, span.start);
    const value = text.slice(span.start, span.end);
    out += span.type ? maskValue(value, span.type) : maskKeeping(value, 0, 0);
    at = span.end;
  }
  return out + text.slice(at);
}

// --- names tied to a masked value ----------------------------------------------------------
//
// People write whose number or address it is in a handful of ways, and each is a pattern
// below rather than a list of sentences: the name, then what it is ("Jansen: 06-…", "Jansens
// adres is …", "Sanne heeft BSN …", "Sanne woont op …"); a verb of contact ("bel Sanne maar op
// …", "mail juf Petra op …"); what it is, then whose ("het nummer van meneer Jansen is …");
// or the value first ("06-… is van Sanne", "06-… (Sanne)"). A title (juf, meneer) stays: the
// role is not the person. Only capitalised words count as names, less a list of words that
// are capitalised for other reasons (sentence starts, labels such as "Tel:").

/** Word-level case-insensitivity for the fixed words; names keep their capital. */
const ci = (src: string) => `(?i:${src})`;

const TITLE = ci(
  String.raw`juf|juffrouw|meester|meneer|mevrouw|mevr\.?|mw\.?|dhr\.?|docent|docente|leraar|lerares|mentor|mentrix|directeur|directrice|conciërge|coach|trainer|trainster|buurman|buurvrouw|oom|tante|opa|oma`,
);
const PARTICLE = ci(String.raw`van|de|der|den|ter|ten|te|el|al|op|in 't|van 't`);
const CAP = String.raw`\p{Lu}[\p{Ll}'’]*\p{Ll}(?:-\p{Lu}[\p{Ll}'’]*\p{Ll})?`;
/** A given name, a surname, or both, with tussenvoegsels between: "Petra", "Petra de Vries". */
const NAME = `${CAP}(?: (?:${PARTICLE} )*${CAP})?`;
/** A person: a name, or a title and a name ("meneer van Dijk"), of which only the name is kept. */
const PERSON = `(?:${TITLE} (?<titled>(?:${PARTICLE} )*${NAME})|(?<bare>${NAME}))`;
/** What a value is called: "nummer", "adres", "mailadres", "06", "BSN". */
const NOUN = ci(
  String.raw`(?:(?:mobiele|vaste|eigen|privé|prive|nieuwe|oude) )?(?:(?:telefoon|mobiel|huis|privé|prive|rekening|bank|burgerservice|06-?)?(?:nummer|nr\.?)|06|mobiel|gsm|telefoon|tel\.?|adres|huisadres|woonadres|e-?mail(?:adres)?|mail(?:adres)?|rekening|iban|bsn|geboortedatum|verjaardag|kenteken|postcode)`,
);
const POSSESSIVE = ci(String.raw`z['’]n|zn|zijn|haar|d['’]r|der|hun`);
const FILLER = ci(String.raw`maar|even|eventjes|gewoon|dan|eens|ff|gerust|snel|nu|wel|direct|meteen|dus|anders|trouwens|echt`);
const CONTACT_VERB = ci(
  String.raw`bel|bellen|belt|app|appen|appt|sms|sms['’]?en|sms['’]?t|mail|mailen|mailt|e-?mail|e-?mailen|whatsapp|whatsappen|stuur|stuurt|bereik|contacteer|schrijf`,
);
const MESSAGE = ci(String.raw`een (?:mail|mailtje|e-?mail|berichtje|bericht|appje|sms(?:je)?|dm|brief|kaartje)`);
const IS = ci(String.raw`is|=|luidt|:`);
/** Another masked value in the same list: "Jansen: 06-… of 06-…" (masked values are \uE000 here). */
// Each run of placeholders is taken whole ((?!\uE000)), so a failing match backtracks in linear time.
const LIST_BEFORE = String.raw`(?:\uE000+(?!\uE000)\s*(?:,|;|\/|${ci('en|of')})?\s*)*`;
const LIST_AFTER = String.raw`(?:\s*(?:,|;|\/|${ci('en|of')})\s*\uE000+(?!\uE000))*`;
/** Not right after a word: the name starts a word of its own. */
const START = String.raw`(?<![\p{L}\p{N}'’-])`;

/** Phrasings that end right where the value starts. */
const BEFORE_VALUE: readonly RegExp[] = [
  // "Jansen: 06-…", "Sanne – 06-…", "Petra de Vries, tel. 06-…" (not a place: "in Utrecht, …").
  String.raw`${START}${PERSON}\s*(?:[:=]|[–—-]|,)\s*(?:${NOUN}\s*:?\s*)?`,
  // "het nummer van meneer Jansen is …", "adres van Sanne: …"
  String.raw`${NOUN} ${ci('van')} ${PERSON}\s*(?:${IS}\s*)?(?:(?:${FILLER}|${ci('het|de')}) )*`,
  // "Jansens adres is …", "Sanne haar nummer: …", "Petra d'r mailadres …"
  String.raw`${START}${PERSON}(?:['’]s)?\s(?:${POSSESSIVE} )?${NOUN}\s*(?:${IS}\s*)?(?:${FILLER} )*`,
  // "bel Sanne maar op …", "mail juf Petra op …", "stuur Sanne een mail op …", "app Sanne via haar nummer …"
  String.raw`${START}${CONTACT_VERB} ${PERSON} (?:${MESSAGE} )?(?:${FILLER} )*${ci('op|via|naar|aan|onder')}(?: (?:${ci('het')} |${POSSESSIVE} )?${NOUN})?\s*:?\s*`,
  // "Sanne woont op …", "Jansen woont sinds kort aan de …"
  String.raw`${START}${PERSON} ${ci('woont|woonde|wonen|verblijft|logeert|zit')}(?: (?:${FILLER}|${ci('tegenwoordig|sinds kort|al jaren|daar|hier|ook')}))* (?:${ci('op|aan|in|bij')} )?(?:${ci('de|het|nummer')} )?`,
  // "Jansen is bereikbaar op …", "Sanne heeft BSN …", "Sanne heeft als nummer …"
  String.raw`${START}${PERSON} (?:${ci('is|zijn')} )?${ci('bereikbaar|te bereiken')} ${ci('op|via|onder')}\s*:?\s*`,
  String.raw`${START}${PERSON} ${ci('heeft|had|gebruikt')} (?:${ci('als|het|een|nieuw|nieuwe|haar|zijn')} )*${NOUN}\s*:?\s*`,
].map((src) => new RegExp(`(?:${src})${LIST_BEFORE}$`, 'du'));

/** Phrasings that start right where the value ends. */
const AFTER_VALUE: readonly RegExp[] = [
  // "06-… is van Sanne", "06-… (van meneer Jansen)", "Kerkstraat 12, het adres van Sanne"
  String.raw`\s*(?:\(|,|[–—-])?\s*(?:${ci('dat|dit|die')} )?(?:${ci('is|zijn|was')} )?(?:(?:${ci('het|de')}|${POSSESSIVE}) )?(?:${NOUN} )?${ci('van')} ${PERSON}${START.replace('<!', '!')}`,
  // "06-… (Sanne)"
  String.raw`\s*\(\s*${PERSON}\s*\)`,
].map((src) => new RegExp(`^${LIST_AFTER}(?:${src})`, 'du'));

/** Capitalised words that are not names here: labels, sentence starts, pronouns, days. */
const NOT_A_NAME = new Set(
  `tel telefoon telefoonnummer nummer nr mobiel mobiele gsm adres huisadres woonadres mail email e-mail mailadres
   iban rekening rekeningnummer bsn postcode kenteken geboortedatum whatsapp app bel bellen sms contact info
   informatie fax privé prive thuis werk school bereikbaar nieuw nieuwe oud oude let op zie kijk stuur mailen
   ik jij je hij zij ze wij we u jullie mijn zijn haar ons onze hun jouw uw het de een dit dat deze die hier daar er
   wie wat waar hoe waarom wanneer graag even maar ook nog dus nou toch wel niet geen nee ja oké ok hoi hallo hey
   hee beste dag doei groet groeten vandaag morgen gisteren vanavond straks update edit ps nb of en want omdat als
   maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli augustus
   september oktober november december bij via naar voor na met zonder over uit in aan te tot om`.split(/\s+/),
);

/** The words of a captured name left once leading non-names are dropped ("Bel Sanne" → "Sanne"). */
function nameSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  for (;;) {
    const m = /^[\p{L}'’-]+/u.exec(text.slice(s, end));
    if (!m) return null;
    if (!NOT_A_NAME.has(m[0].toLowerCase().replace(/['’]s$/, ''))) break;
    const next = text.indexOf(' ', s);
    if (next < 0 || next >= end) return null;
    s = next + 1;
  }
  // The first word must still be a capitalised one (not a tussenvoegsel left over), and not a
  // place: "in Utrecht, Kerkstraat 12".
  if (!/^\p{Lu}/u.test(text[s] ?? '') || PLACE_BEFORE.test(text.slice(Math.max(0, s - 12), s))) return null;
  return { start: s, end };
}
const PLACE_BEFORE = /(?<![\p{L}])(?:in|uit|naar|te|richting|vanuit|nabij)\s+$/iu;

const BEFORE_REACH = 100;
const AFTER_REACH = 80;

/**
 * Every other mention of a person the classifier named (it reports each person once, at the
 * first mention): "Jayden Pinas … Jayden komt vaak …" masks both.
 */
function mentions(
  text: string,
  entities: readonly Pick<Entity, 'type' | 'start' | 'end'>[],
  masked: readonly { start: number; end: number }[],
): { start: number; end: number }[] {
  const taken = [...entities, ...masked];
  const out: { start: number; end: number }[] = [];
  for (const e of entities) {
    if (e.type !== 'name_with_sensitive' || e.end <= e.start) continue;
    const name = text.slice(Math.max(0, e.start), Math.min(text.length, e.end)).replace(TITLE_WORDS, '');
    for (const o of occurrences(text, name)) if (!taken.some((x) => x.start < o.end && o.start < x.end)) out.push(o);
  }
  return out;
}
/** A title or a tussenvoegsel is no name of its own: every other "Meneer" or "De" in the text stays. */
const TITLE_WORDS = /(?<![\p{L}])(?:juf|juffrouw|meester|meneer|mevrouw|mevr|mw|dhr|mr|mijnheer|van|de|der|den|het|ter|ten|te|el)\.?(?![\p{L}])/giu;

/** Every whole-word occurrence of a name's capitalised words, possessive forms included. */
function occurrences(text: string, name: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const word of name.match(new RegExp(CAP, 'gu')) ?? []) {
    const stem = word.replace(/['’]?s$/, '');
    const base = stem.length >= 3 ? stem : word;
    const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(String.raw`${START}${escaped}(?:['’]?s)?(?![\p{L}\p{N}])`, 'gu');
    for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The names of the people the text ties a masked value to, each occurrence as a span: the name
 * in "het nummer van meneer Jansen is 06-…" and every other "Jansen" in the text. Names inside
 * an entity already masked are left to that entity.
 */
export function tiedNames(text: string, entities: readonly Pick<Entity, 'type' | 'start' | 'end'>[]): { start: number; end: number }[] {
  const values = entities
    .filter((e) => e.type !== 'name_with_sensitive')
    .map((e) => ({ start: Math.max(0, Math.min(e.start, text.length)), end: Math.max(0, Math.min(e.end, text.length)) }))
    .filter((e) => e.end > e.start);
  if (values.length === 0) return [];
  // Other values read as one placeholder each, so a list of them ("06-… of 06-…") is one value.
  let shadow = text;
  for (const v of values) shadow = shadow.slice(0, v.start) + '\uE000'.repeat(v.end - v.start) + shadow.slice(v.end);

  const names = new Set<string>();
  const take = (m: RegExpExecArray | null, offset: number) => {
    const at = m?.indices?.groups?.titled ?? m?.indices?.groups?.bare;
    if (!at) return;
    const span = nameSpan(shadow, offset + at[0], offset + at[1]);
    if (span) names.add(text.slice(span.start, span.end));
  };
  for (const v of values) {
    const from = Math.max(0, v.start - BEFORE_REACH);
    const before = shadow.slice(from, v.start);
    for (const re of BEFORE_VALUE) take(re.exec(before), from);
    const after = shadow.slice(v.end, v.end + AFTER_REACH);
    for (const re of AFTER_VALUE) take(re.exec(after), v.end);
  }
  if (names.size === 0) return [];

  const taken = entities.map((e) => ({ start: e.start, end: e.end }));
  const out: { start: number; end: number }[] = [];
  for (const name of names) {
    for (const o of occurrences(text, name)) {
      if ([...taken, ...out].some((t) => o.start < t.end && t.start < o.end)) continue;
      out.push(o);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
