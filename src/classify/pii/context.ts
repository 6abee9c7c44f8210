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
    // (The dot of an abbreviation, "nr. 06-…", "tel. 010-…", ends no clause.)
    if (
      c === 10 ||
      c === 33 ||
      c === 59 ||
      c === 63 ||
      (c === 46 && a < text.length && text.charCodeAt(a) === 32 && !ABBREVIATION_END.test(text.slice(Math.max(0, a - 6), a - 1)))
    )
      break;
    a--;
  }
  return re.test(text.slice(a, start).toLowerCase());
}
const ABBREVIATION_END = /(?:^|[^\p{L}])(?:nr|no|tel|mob|ca|bijv|evt)$/iu;

/** Does `re` match in the `width` characters after `end` (lower-cased)? */
export function after(text: string, end: number, re: RegExp, width = WINDOW_AFTER): boolean {
  return re.test(text.slice(end, end + width).toLowerCase());
}

/** Words that name a reference number that is not personal data. */
export const NOT_PERSONAL =
  /\b(?:klant|order|bestel|factuur|artikel|referentie|dossier|polis|pakket|zending|track(?:ing)?|ticket|kvk|btw|vestigings|lidmaatschaps|relatie|transactie|leerling|student|lid|pas|kaart|klant|serie|product|voucher|bon)(?:nummer|nr\.?|code)\b|\b(?:kvk|btw|ordernr|factuurnr)\b|\b(?:bestelling|factuur|order|kenmerk|artikel|inv|ord)\b(?:[^.!?\n]{0,12}|[^.!?\n]{0,30}\b(?:nr|nummer|no)\.?\s?)$/;

/** Apply positive and negative context: clamp into [0,1]. */
export function adjust(base: number, raise: boolean, lower: boolean, up = 0.15, down = 0.45): number {
  let s = base;
  if (raise) s += up;
  if (lower) s -= down;
  // Rounded, so that ties between recognisers are real ties (0.7 + 0.15 vs 0.45 + 0.4).
  return s < 0 ? 0 : s > 1 ? 1 : Math.round(s * 100) / 100;
}

// Whose contact detail is this? An organisation's published phone, address or account in an
// announcement is not personal data (LABELS.md); a private person's is. Three kinds of cue
// tell them apart, and the combiner weighs what they say:
//   - words in the sentence around the value: "mijn", "bel me", "woont", "juf" against
//     "stichting", "bibliotheek", "sportclub" (and compounds: "logopediepraktijk");
//   - the shape of the value: a mobile number (06, +32 4..) is a person's far more often than
//     a service number (0800, 0900, 088) is; a mailbox named for a function ("jeugd@",
//     "inschrijvingen@") is an organisation's, one named for a person ("erik81@", "b.bakker@")
//     or at a mail provider is a person's;
//   - failing those, the whole text: an announcement that names an organisation.
const ORGANISATION_WORDS =
  `stichting penningmeester contributie v\\.v\\. s\\.v\\. vv sv bibliothe[ek]k? bieb gemeente ggd ggz jeugdzorg secretariaat administratie receptie balie
  kantoor bureau centrum praktijk vereniging club zwembad kerk parochie moskee wijkraad buurthuis dorpshuis
  ouderraad medezeggenschapsraad ouderv?comit[eé] kinderopvang bso opvang kinderdagverblijf museum theater politie wijkagent
  huisartsenpost ziekenhuis apotheek brandweer kindertelefoon helpdesk klantenservice infolijn informatielijn
  hulplijn opvoedlijn meldpunt loket bedrijf firma vzw clb ocmw school college lyceum atheneum instituut academie
  scholengemeenschap scholengroep campus onderwijs leerplicht voedselbank kringloop leergeld jeugdfonds fonds
  vluchtelingenwerk rode kruis unicef comit[eé] organisatie dienst sporthal jeugdhuis jeugdhonk jeugdbeweging
  scouting chiro ksa gezinsbond t\.n\.v\. tnv obs cbs rkbs ikc kindcentrum bakkerij slagerij winkel supermarkt garage kapsalon
  restaurant caf[eé] cafetaria snackbar hotel boekhandel drukkerij b\.v\.`.split(/\s+/);
/** An organisation word on its own or at the end of a compound ("sportclub", "muziekschool"). */
const ORGANISATION = new RegExp(`(?:^|[^a-z])[a-z]*(?:${ORGANISATION_WORDS.join('|')})(?![a-z])`);
/** Mailboxes named for a function, not a person. */
const FUNCTION_MAILBOX = new RegExp(
  `^(?:${`info|informatie|secretariaat|administratie|contact|receptie|balie|office|kantoor|leerlingzaken|zorg|directie|bestuur|
  ouderraad|mr|noreply|no-reply|jeugd|sport|inschrijving|inschrijvingen|aanmelden|aanmelding|vrijwilligers|personeel|vacature|
  vacatures|planning|reserveren|reservering|klantenservice|helpdesk|support|post|mail|redactie|pers|communicatie|facturen|
  financien|boekhouding|penningmeester|voorzitter|leden|ledenadministratie|museum|huiswerk|bibliotheek|onderwijsloket|loket`
    .split(/\s*\|\s*/)
    .join('|')})[@._-]`,
  'i',
);
/** A mailbox that reads like a person's: a name with a year or number ("erik81", "kees.wijk76"), or an initial ("b.bakker"). */
const PERSON_MAILBOX = /^(?:[a-z]+(?:[._-][a-z]+)?[._-]?\d{2,4}|[a-z]\.[a-z]{2,})@/i;
/** Domains of mail providers rather than organisations (also invented ones: "thuis.example.nl"). */
const PROVIDER_DOMAIN =
  /@(?:[a-z0-9-]+\.)*(?:gmail|hotmail|outlook|live|icloud|me|yahoo|ziggo|kpnmail|kpnplanet|planet|xs4all|home|casema|upcmail|telenet|skynet|proximus|online|thuis|webmail|gezinspost|privemail|prive)\./i;
/** Dutch mobile numbers (06, +31 6, +31(0)6) and Belgian ones written internationally (+32 4); a
 *  Belgian "04.." is left out: Dutch landlines start so too (0413 Veghel). */
const MOBILE = /^(?:(?:\+|00)31[\s.-]*(?:\(0\)[\s.-]*)?|\(?0)6|^(?:\+|00)32[\s.-]*4/;
/** Service and company numbers: free, paid, company-wide, municipal. */
const SERVICE = /^(?:0800|0900|0909|0906|088|14\s?0\d{2,3}\b|\+?31\s?88)/;
// Words that make the owner a private person. A bare "je", "zijn" or "hun" does not: "je kunt
// bellen met", "hun site" are as often an organisation's.
const PERSON =
  /\b(?:mijn|m'n|mn|mij|privé|prive|privenummer|thuis|woont|woon|wonen|woonachtig|adres van|nummer van|rekening van|(?:zijn|z'n|haar|hun|jouw|je|ze|d'r) (?:eigen )?(?:nummer|telefoon|telefoonnummer|06|mobiel|adres|huis|mail|e-mail|mailadres|rekening|rekeningnummer|iban)|bel (?:me|mij|hem|haar)|app (?:me|mij|hem|haar)|sms (?:me|mij)|mail (?:me|mij)|sla me op|juf|meester|meneer|mevrouw|mevr\.?|dhr\.?|ouders van|moeder van|vader van|mama van|papa van|dat ben ik|ons huis|bij ons thuis)\b/;

/** One's own detail, whatever else the sentence names: "mijn nummer is … voor de overblijfdienst", "bel me". */
const OWN =
  /\b(?:mijn|m'n|mn) (?:eigen |privé|prive)?(?:nummer|telefoonnummer|06|mobiel|adres|huisadres|rekening|rekeningnummer|iban|mail|e-mail|mailadres)\b|\b(?:bel|app|sms|mail) (?:me|mij)\b|\bsla me op\b/;
/** "t.n.v." and what follows it. */
const HOLDER_AFTER = /^[\s,.:;(-]{0,3}(?:t\.?\s?n\.?\s?v\.?|ten name van)\s+(\S.{0,40})/i;
/** A holder that is a person: "W. de Jong", "mevr. Bakker", "Sanne Vos", "fam. Yilmaz", "R. Çelik". */
const PERSON_HOLDER =
  /^(?:(?:mevr|mw|dhr|hr|fam)\.?\s\p{Lu}\p{Ll}+|\p{Lu}\.(?:\s?\p{Lu}\.)*\s?(?:(?:van|de|der|den|van de|van der|ter|ten) )?\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+ (?:(?:van|de|der|den|van de|van der|ter|ten) )?\p{Lu}\p{Ll}+)(?![\p{L}])/u;
/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION = /(?:^|[^a-z])(?:tel|nr|no|mevr|dhr|mr|st|ca|bijv|evt|o\.a|t\.a\.v|tav|tnv|t\.n\.v|z\.s\.m|ma|di|wo|do|vr|za|zo)$/i;

/** Does the full stop at `i` end a sentence (not "tel.", "nr.", "info@bieb.nl")? */
function endsSentence(text: string, i: number): boolean {
  const c = text[i]!;
  if (c !== '.') return /[!?\n]/.test(c);
  const next = text[i + 1];
  if (next !== undefined && next !== ' ' && next !== '\n') return false;
  return !ABBREVIATION.test(text.slice(Math.max(0, i - 6), i));
}

/** How far a sentence reaches on either side of a value: a text without full stops is not one sentence. */
const SENTENCE_REACH = 300;

/** The sentence around [start, end): its text, lower-cased, without the value itself. */
function sentenceAround(text: string, start: number, end: number): string {
  let a = start;
  const minA = Math.max(0, start - SENTENCE_REACH);
  while (a > minA && !endsSentence(text, a - 1)) a--;
  let b = end;
  const maxB = Math.min(text.length, end + SENTENCE_REACH);
  while (b < maxB && !endsSentence(text, b)) b++;
  // Handles and links are addresses, not words about the owner ("@school.bsky.social").
  return (text.slice(a, start) + ' ' + text.slice(end, b)).toLowerCase().replace(HANDLE_OR_LINK, ' ');
}
const HANDLE_OR_LINK = /(?:@|https?:\/\/|www\.)\S+/g;

export type Owner = 'person' | 'org' | null;

/** What the shape of a value says about its owner. */
function ownerOfShape(type: PiiType, value: string): Owner {
  if (type === 'email') {
    if (FUNCTION_MAILBOX.test(value)) return 'org';
    if (PERSON_MAILBOX.test(value) || PROVIDER_DOMAIN.test(value)) return 'person';
  }
  if (type === 'phone') {
    const v = value.trim();
    if (/^nul zes\b/i.test(v)) return 'person';
    if (SERVICE.test(v)) return 'org';
    if (MOBILE.test(v)) return 'person';
  }
  return null;
}

/** What the text as a whole says about owners: whether it names an organisation, and a private owner. Computed once per text. */
export interface WholeText {
  org: boolean;
  person: boolean;
}
export function wholeTextOwners(text: string): WholeText {
  const whole = text.toLowerCase().replace(HANDLE_OR_LINK, ' ');
  return { org: ORGANISATION.test(whole), person: PERSON.test(whole) };
}

/**
 * 'org' when the value belongs to an organisation, 'person' when to a private person, null when
 * nothing says. `wholeText` is `wholeTextOwners(text)`, asked only when the sentence is silent.
 */
export function ownerOf(
  text: string,
  type: PiiType,
  start: number,
  end: number,
  value: string,
  wholeText: () => WholeText = () => wholeTextOwners(text),
): Owner {
  // "NL67ABNA… t.n.v. W. de Jong": the holder the text names.
  const holder = HOLDER_AFTER.exec(text.slice(end, end + 60));
  const holderName = holder ? PERSON_HOLDER.exec(holder[1]!) : null;
  if (holderName && !ORGANISATION.test(holderName[0].toLowerCase())) return 'person';
  const around = sentenceAround(text, start, end);
  const org = ORGANISATION.test(around);
  const person = PERSON.test(around);
  if (person && (!org || OWN.test(around))) return 'person';
  // A mobile number or a person's mailbox is a person's even in a sentence about the swimming pool.
  const shape = ownerOfShape(type, value);
  if (shape === 'person') return shape;
  if (org && !person) return 'org';
  if (shape) return shape;
  if (org || person) return null;
  // Nothing in the sentence: an announcement naming an organisation elsewhere in the text.
  const whole = wholeText();
  if (whole.org && !whole.person) return 'org';
  // A text that names no organisation anywhere, written by someone about themselves ("Wie wil
  // meerijden? Ik vertrek vanaf Merelhof 9", "Op te halen bij ons"): their own detail; and an
  // account number there is whoever asks for the money ("Maak 300 euro over op NL…").
  return !whole.org && (FIRST_PERSON.test(text) || type === 'iban') ? 'person' : null;
}
const FIRST_PERSON = /\b(?:ik|me|mij|mijn|m'n|ons|onze|wij|we)\b/i;
