// Why a finding was flagged, in words school staff read: "scheldwoord: ‘…’", "telefoonnummer",
// "dreigen met geweld: ‘…’". The classifier's evidence speaks in rule ids and lexicon keys
// (src/classify: offensive/, threat/, pii/); this module is the one place that turns them into
// plain Dutch or English, for the alert e-mail, the digest and the review page alike. Weights
// and ids never reach a reader: a detail this module does not know is named by its kind, a kind
// it does not know by its label.

import { LABEL_NAMES } from '../classify/names.ts';
import { categoryOfDetail } from '../classify/offensive/lexicon.ts';
import type { Cat } from '../classify/offensive/lexicon.ts';
import { PHRASES } from '../classify/offensive/patterns.ts';
import { RULES } from '../classify/threat/rules.ts';
import type { Evidence, Label, PiiType } from '../classify/types.ts';
import type { Finding } from '../finding.ts';
import type { Item } from '../item.ts';
import { MASK } from './mask.ts';

export type ReasonLanguage = 'nl' | 'en';

type Words = Record<ReasonLanguage, string>;

/** More lines than this and a busy reader stops reading; the rest is summed up in one line. */
export const MAX_REASONS = 6;
/** Quoted fragments longer than this are cut: the text itself is in the e-mail. */
const MAX_FRAGMENT = 60;
/** The learned model's words: a few say enough. */
const MAX_MODEL_WORDS = 4;

/** What a label is about, when nothing more specific is known. */
const LABEL_FALLBACK: Record<Label, Words> = {
  offensive: { nl: 'beledigende taal', en: 'offensive language' },
  threat: { nl: 'dreigende taal', en: 'threatening language' },
  personal_data: { nl: 'persoonsgegevens', en: 'personal data' },
};

// --- offensive ---------------------------------------------------------------------------

/** Lexicon categories (offensive/lexicon.ts). Targets (group, people, pron) never flag alone. */
const OFFENSIVE_CATEGORY: Record<Cat, Words> = {
  curse: { nl: 'scheldwoord', en: 'swear word' },
  slur: { nl: 'discriminerend scheldwoord', en: 'slur' },
  insult: { nl: 'scheldwoord', en: 'insult' },
  mild: { nl: 'belediging', en: 'insult' },
  adj: { nl: 'beledigend woord', en: 'insulting word' },
  emote: { nl: 'hatelijke taal', en: 'hateful language' },
  dehum: { nl: 'ontmenselijkende taal', en: 'dehumanising language' },
  sexual: { nl: 'seksuele opmerking', en: 'sexual remark' },
  violence: { nl: 'geweld tegen een groep', en: 'violence against a group' },
  pos: { nl: 'kleinerende opmerking', en: 'belittling remark' },
  group: LABEL_FALLBACK.offensive,
  people: LABEL_FALLBACK.offensive,
  pron: LABEL_FALLBACK.offensive,
};

/** Lexicon entries whose category says the wrong thing: "kutweer" insults nobody. */
const OFFENSIVE_KEY: Record<string, Words> = {
  'kut-thing': { nl: 'grof woord', en: 'crude word' },
};

const BULLYING: Words = { nl: 'bespotten (pesten)', en: 'mockery (bullying)' };
const DISCRIMINATION: Words = { nl: 'discriminerende opmerking', en: 'discriminatory remark' };
const CRUDE: Words = { nl: 'grove belediging', en: 'crude insult' };
const CURSE_WISH: Words = { nl: 'verwensing', en: 'wishing illness on someone' };
const LOOKS: Words = { nl: 'spot met uiterlijk', en: 'mocking looks' };

/** Offensive phrase patterns (offensive/patterns.ts), by id. */
export const OFFENSIVE_PHRASE_WORDS: Record<string, Words> = {
  'cannot-stand': OFFENSIVE_CATEGORY.emote,
  'makes-me-sick': OFFENSIVE_CATEGORY.emote,
  worthless: OFFENSIVE_CATEGORY.pos,
  'not-human': OFFENSIVE_CATEGORY.dehum,
  'do-not-belong': { nl: 'uitsluiten of discrimineren', en: 'exclusion or discrimination' },
  'go-home': DISCRIMINATION,
  'too-many': DISCRIMINATION,
  'animal-better': OFFENSIVE_CATEGORY.dehum,
  'rather-die': OFFENSIVE_CATEGORY.emote,
  untrustworthy: DISCRIMINATION,
  'not-wanted': DISCRIMINATION,
  'threat-to-society': DISCRIMINATION,
  ruin: OFFENSIVE_CATEGORY.emote,
  'kiss-my': CRUDE,
  'get-lost': CRUDE,
  'pest-curse': CURSE_WISH,
  'cancer-wish': CURSE_WISH,
  'spit-on': CRUDE,
  'fuck-you': CRUDE,
  'nobody-wants': { nl: 'buitensluiten (pesten)', en: 'shutting someone out (bullying)' },
  'laugh-at': { nl: 'uitlachen of negeren (pesten)', en: 'laughing at or ignoring someone (bullying)' },
  'go-cry': BULLYING,
  'mock-meme': BULLYING,
  'looks-like': LOOKS,
  smells: LOOKS,
  'send-pic': { nl: 'vragen om (naakt)foto’s', en: 'asking for (nude) photos' },
  lap: OFFENSIVE_CATEGORY.sexual,
};

const PHRASE_CATEGORY = new Map(PHRASES.map((p) => [p.id, p.cat]));

function offensiveWords(e: Evidence): Words {
  if (e.kind === 'pattern') {
    const cat = PHRASE_CATEGORY.get(e.detail);
    return OFFENSIVE_PHRASE_WORDS[e.detail] ?? (cat ? OFFENSIVE_CATEGORY[cat] : LABEL_FALLBACK.offensive);
  }
  // Lexicon details are the entry, perhaps with how it was found: "debiel", "kanker~compound".
  const key = e.detail.split('~')[0]!;
  const cat = categoryOfDetail(e.detail);
  return OFFENSIVE_KEY[key] ?? (cat ? OFFENSIVE_CATEGORY[cat] : LABEL_FALLBACK.offensive);
}

/** Why the offensive rules weighed a word less (offensive/index.ts, kind 'context'). */
const OFFENSIVE_LOWERING: Record<string, Words> = {
  quotation: { nl: 'het staat tussen aanhalingstekens (citaat)', en: 'it is in quotation marks' },
  'counter-speech': { nl: 'de schrijver lijkt er juist tegenin te gaan', en: 'the writer seems to speak out against it' },
  'reported-speech': { nl: 'het geeft weer wat een ander zei', en: 'it reports what someone else said' },
  news: { nl: 'het lijkt een nieuwsbericht', en: 'it reads like a news report' },
  negation: { nl: 'het staat in een ontkenning', en: 'it is negated' },
};
const LOWERED: Words = { nl: 'telt minder zwaar', en: 'counts for less' };
const LOWERED_UNKNOWN: Words = { nl: 'de rest van de tekst maakt het minder ernstig', en: 'the rest of the text makes it less serious' };

// --- threat --------------------------------------------------------------------------------

const KILL: Words = { nl: 'dreigen met doden', en: 'threat to kill' };
const VIOLENCE: Words = { nl: 'dreigen met geweld', en: 'threat of violence' };
const SEXUAL_VIOLENCE: Words = { nl: 'dreigen met seksueel geweld', en: 'threat of sexual violence' };
const DAMAGE: Words = { nl: 'dreigen met brand of vernieling', en: 'threat of arson or damage' };
const WEAPON: Words = { nl: 'dreigen met een wapen', en: 'threat with a weapon' };
const WISH: Words = { nl: 'iemand iets ergs toewensen', en: 'wishing someone harm' };
const VEILED: Words = { nl: 'verhulde dreiging', en: 'veiled threat' };
const STALKING: Words = { nl: 'achtervolgen of in de gaten houden (stalken)', en: 'following or watching someone (stalking)' };
const SEXTORTION: Words = { nl: 'afpersen met foto’s of filmpjes', en: 'blackmail with photos or videos' };

/** Threat rules (threat/rules.ts) whose id says more than their family and kind of harm. */
export const THREAT_RULE_WORDS: Record<string, Words> = {
  vermoorden: KILL,
  doden: KILL,
  killen: KILL,
  neerschieten: KILL,
  afmaken: KILL,
  ombrengen: KILL,
  uitroeien: KILL,
  executeren: KILL,
  wurgen: KILL,
  keel: KILL,
  verkrachten: SEXUAL_VIOLENCE,
  schietpartij: { nl: 'dreigen met een schietpartij', en: 'threat of a shooting' },
  'bom-ligt': { nl: 'bommelding', en: 'bomb threat' },
  'je-bent-dood': KILL,
};

/** Harm words in any order (threat/generic.ts), by class: the detail is "harm-<class>". */
export const THREAT_HARM_WORDS: Record<string, Words> = {
  kill: KILL,
  injure: VIOLENCE,
  shoot: { nl: 'dreigen met schieten', en: 'threat to shoot' },
  sexual: SEXUAL_VIOLENCE,
  arson: { nl: 'dreigen met brandstichting', en: 'threat of arson' },
  weapon: WEAPON,
};

/** Evidence kinds of the threat scorer (threat/index.ts). */
export const THREAT_KIND_WORDS: Record<string, Words> = {
  pattern: VIOLENCE,
  wish: WISH,
  implicit: VEILED,
  stalking: STALKING,
  sextortion: SEXTORTION,
  weapon: WEAPON,
  emoji: { nl: 'dreigende emoji', en: 'threatening emoji' },
};

const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));

function threatWords(kind: string, rule: string): Words {
  const known = THREAT_RULE_WORDS[rule];
  if (known) return known;
  if (rule.startsWith('harm-')) return THREAT_HARM_WORDS[rule.slice(5)] ?? VIOLENCE;
  const r = RULE_BY_ID.get(rule);
  if (r) {
    if (r.family === 'wish') return WISH;
    if (r.harm === 'property') return DAMAGE;
    if (r.harm === 'weapon') return WEAPON;
    if (r.harm === 'stalking') return STALKING;
    if (r.harm === 'sextortion') return SEXTORTION;
    if (r.family === 'cue') return VEILED;
    return VIOLENCE;
  }
  return THREAT_KIND_WORDS[kind] ?? LABEL_FALLBACK.threat;
}

/** The contexts that lowered a threat (threat/index.ts CONTEXT_FACTORS), in words. */
export const THREAT_CONTEXT_WORDS: Record<string, Words> = {
  quote: { nl: 'het is een citaat', en: 'it is a quotation' },
  report: { nl: 'het geeft weer wat een ander zei', en: 'it reports what someone else said' },
  condemn: { nl: 'de schrijver keurt het juist af', en: 'the writer condemns it' },
  newsDoc: { nl: 'het lijkt een nieuwsbericht', en: 'it reads like a news report' },
  news: { nl: 'het lijkt een nieuwsbericht', en: 'it reads like a news report' },
  negation: { nl: 'het staat in een ontkenning', en: 'it is negated' },
  idiom: { nl: 'het lijkt een uitdrukking', en: 'it seems a figure of speech' },
  play: { nl: 'het lijkt over sport of een spel te gaan', en: 'it seems to be about sport or a game' },
  playDoc: { nl: 'het lijkt over sport of een spel te gaan', en: 'it seems to be about sport or a game' },
  past: { nl: 'het gaat over iets wat al gebeurd is', en: 'it is about something that already happened' },
  self: { nl: 'het gaat over de schrijver zelf', en: 'it is about the writer themselves' },
  question: { nl: 'het is een vraag', en: 'it is a question' },
  jest: { nl: 'het lijkt een grap', en: 'it seems a joke' },
  family: { nl: 'het gaat over familie', en: 'it is about family' },
  positive: { nl: 'het lijkt positief bedoeld', en: 'it seems meant kindly' },
};
const MAYBE_LESS: Words = { nl: 'mogelijk minder ernstig', en: 'possibly less serious' };

/** A threat detail is the rule id, with the lowering contexts after it: "afmaken (play, jest)". */
function parseThreatDetail(detail: string): { rule: string; contexts: string[] } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(detail);
  if (!m) return { rule: detail.trim(), contexts: [] };
  return {
    rule: m[1]!,
    contexts: m[2]!
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
  };
}

// --- personal data -------------------------------------------------------------------------

/** Personal-data types (classify/types.ts PII_TYPES). */
export const PII_WORDS: Record<PiiType, Words> = {
  phone: { nl: 'telefoonnummer', en: 'phone number' },
  email: { nl: 'e-mailadres', en: 'e-mail address' },
  iban: { nl: 'bankrekeningnummer (IBAN)', en: 'bank account number (IBAN)' },
  bsn: { nl: 'burgerservicenummer (BSN)', en: 'citizen service number (BSN)' },
  address: { nl: 'adres', en: 'address' },
  postcode: { nl: 'postcode', en: 'postcode' },
  date_of_birth: { nl: 'geboortedatum', en: 'date of birth' },
  licence_plate: { nl: 'kenteken', en: 'licence plate' },
  name_with_sensitive: { nl: 'naam met gevoelige informatie', en: 'name with sensitive information' },
};

/** Recogniser rules that say more than their type. */
export const PII_RULE_WORDS: Record<string, Words> = {
  'postcode.number': { nl: 'postcode met huisnummer', en: 'postcode with house number' },
};

/** What the sensitive fact next to a name is about (pii/sensitive.ts families). */
export const SENSITIVE_FAMILY_WORDS: Record<string, Words> = {
  health: { nl: 'gezondheid', en: 'health' },
  punishment: { nl: 'straf of schorsing', en: 'punishment or suspension' },
  grades: { nl: 'schoolcijfers', en: 'school grades' },
  home: { nl: 'thuissituatie', en: 'home situation' },
  account: { nl: 'account op sociale media', en: 'social media account' },
  whereabouts: { nl: 'waar iemand is', en: 'whereabouts' },
  missing: { nl: 'vermist kind', en: 'missing child' },
  orientation: { nl: 'seksuele geaardheid of genderidentiteit', en: 'sexual orientation or gender identity' },
  absence: { nl: 'lang afwezig op school', en: 'long absence from school' },
  list: { nl: 'leerlingen met hun klas', en: 'pupils listed with their class' },
};

function piiLine(e: Evidence, language: ReasonLanguage): string {
  const byRule = PII_RULE_WORDS[e.detail];
  if (byRule) return byRule[language];
  const type = PII_WORDS[e.kind as PiiType];
  if (!type) return LABEL_FALLBACK.personal_data[language];
  if (e.kind === 'name_with_sensitive') {
    // "sensitive.health" or "sensitive.health.first_name".
    const family = SENSITIVE_FAMILY_WORDS[e.detail.split('.')[1] ?? ''];
    if (family) return `${type[language]}: ${family[language]}`;
  }
  return type[language];
}

// --- lines ---------------------------------------------------------------------------------

const MODEL: Words = { nl: 'woorden die zwaar wogen', en: 'words that weighed most' };
const FOR: Words = { nl: 'voor', en: 'for' };
const TIMES = (n: number, language: ReasonLanguage) => (language === 'nl' ? `(${n} keer)` : `(${n} times)`);
const MORE = (n: number, language: ReasonLanguage) =>
  language === 'nl' ? `en nog ${n} andere ${n === 1 ? 'aanwijzing' : 'aanwijzingen'}` : `and ${n} more ${n === 1 ? 'sign' : 'signs'}`;

/** The words the evidence points at, from the masked text: never a personal value in full. */
function fragment(maskedText: string, e: Evidence): string {
  const raw = maskedText.slice(Math.max(0, e.start), Math.max(0, e.end)).replace(/\s+/g, ' ').trim();
  // Nothing left to read once masked: saying "‘••••’" helps nobody.
  if (!raw || !/[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(raw.replaceAll(MASK, ''))) return '';
  const chars = [...raw];
  return chars.length > MAX_FRAGMENT ? `${chars.slice(0, MAX_FRAGMENT - 1).join('')}…` : raw;
}

const quote = (s: string) => `‘${s}’`;

interface Line {
  text: string;
  weight: number;
  count: number;
  /** Lowering context comes after everything that raised the score. */
  lowering: boolean;
}

/**
 * The reasons behind a finding's labels, strongest first, each in plain words: at most
 * MAX_REASONS lines, identical ones merged ("scheldwoord: ‘debiel’ (2 keer)"). Fragments are
 * quoted from `maskedText`, which must be the item's whole text masked one for one
 * (alerts/mask.ts), so evidence offsets point into it.
 */
export function reasonLines(finding: Finding, maskedText: string, language: ReasonLanguage): string[] {
  const flagged = new Set(finding.labels);
  const evidence = finding.evidence.filter((e) => flagged.has(e.label));
  const lines = new Map<string, Line>();
  const add = (text: string, weight: number, lowering = false) => {
    const prev = lines.get(text);
    if (prev) {
      prev.count++;
      prev.weight = Math.max(prev.weight, weight);
    } else lines.set(text, { text, weight, count: 1, lowering });
  };

  // The learned model's words make one line per label: single words mean little on their own.
  const modelWords = new Map<Label, { words: { text: string; weight: number }[]; weight: number }>();

  for (const e of evidence) {
    if (e.kind === 'model') {
      if (e.weight <= 0) continue;
      const word = fragment(maskedText, e);
      const entry = modelWords.get(e.label) ?? { words: [], weight: 0 };
      const seen = entry.words.find((w) => w.text.toLowerCase() === word.toLowerCase());
      if (seen) seen.weight = Math.max(seen.weight, e.weight);
      else if (word) entry.words.push({ text: word, weight: e.weight });
      entry.weight = Math.max(entry.weight, e.weight);
      modelWords.set(e.label, entry);
      continue;
    }
    if (e.label === 'personal_data') {
      if (e.weight > 0) add(piiLine(e, language), e.weight);
      continue;
    }
    if (e.label === 'offensive' && e.kind === 'context') {
      const why = OFFENSIVE_LOWERING[e.detail] ?? LOWERED_UNKNOWN;
      add(`${LOWERED[language]}: ${why[language]}`, Math.abs(e.weight), true);
      continue;
    }
    if (e.weight <= 0) continue;
    const quoted = fragment(maskedText, e);
    let words: string;
    let note = '';
    if (e.label === 'threat') {
      const { rule, contexts } = parseThreatDetail(e.detail);
      words = threatWords(e.kind, rule)[language];
      const why = [...new Set(contexts.map((c) => THREAT_CONTEXT_WORDS[c]?.[language]).filter((w): w is string => w !== undefined))];
      if (contexts.length) note = ` — ${MAYBE_LESS[language]}${why.length ? `: ${why.join(', ')}` : ''}`;
    } else if (e.label === 'offensive' && (e.kind === 'lexicon' || e.kind === 'pattern')) words = offensiveWords(e)[language];
    else words = (LABEL_FALLBACK[e.label] ?? LABEL_FALLBACK.offensive)[language];
    add(`${words}${quoted ? `: ${quote(quoted)}` : ''}${note}`, e.weight);
  }

  const several = modelWords.size > 1 || flagged.size > 1;
  for (const [label, { words, weight }] of modelWords) {
    const head = several ? `${MODEL[language]} ${FOR[language]} ‘${LABEL_NAMES[language][label]}’` : MODEL[language];
    const shown = [...words]
      .sort((a, b) => b.weight - a.weight)
      .slice(0, MAX_MODEL_WORDS)
      .map((w) => quote(w.text))
      .join(', ');
    add(shown ? `${head}: ${shown}` : head, weight);
  }

  const ordered = [...lines.values()].sort((a, b) => Number(a.lowering) - Number(b.lowering) || b.weight - a.weight);
  const out = ordered.map((l) => (l.count > 1 ? `${l.text} ${TIMES(l.count, language)}` : l.text));
  if (out.length <= MAX_REASONS) return out;
  return [...out.slice(0, MAX_REASONS - 1), MORE(out.length - (MAX_REASONS - 1), language)];
}

// --- platform ------------------------------------------------------------------------------

const PLATFORM_NAMES: Record<string, Words> = {
  bluesky: { nl: 'Bluesky', en: 'Bluesky' },
  rss: { nl: 'RSS-feed', en: 'RSS feed' },
  mastodon: { nl: 'Mastodon', en: 'Mastodon' },
  facebook: { nl: 'Facebook', en: 'Facebook' },
  instagram: { nl: 'Instagram', en: 'Instagram' },
  youtube: { nl: 'YouTube', en: 'YouTube' },
};

/** A feed title as one short line: titles come from outside and may hold anything. */
function cleanTitle(title: string | undefined): string {
  if (!title) return '';
  // Control characters and line breaks would break a subject line or a table cell.
  const one = title
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...one];
  return chars.length > 80 ? `${chars.slice(0, 79).join('')}…` : one;
}

/** Where the item was posted, as a reader knows it: "Bluesky", or the feed's own title. */
export function platformName(item: Item, language: ReasonLanguage): string {
  const title = cleanTitle(item.sourceName);
  if (title && item.platform !== 'bluesky') return title;
  const known = PLATFORM_NAMES[item.platform];
  if (known) return known[language];
  if (!item.platform) return language === 'nl' ? 'onbekend platform' : 'unknown platform';
  // A platform added later reads better capitalised than as its id.
  return item.platform[0]!.toUpperCase() + item.platform.slice(1);
}
