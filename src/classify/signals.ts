// What the combiner weighs, computed the same way when training (scripts/train.ts) and when
// classifying: the rules' scores per label and the recognisers' confidence in personal data.
// The learned model's logits join these in combine.ts. Every part reads a long text in windows
// of bounded size, so the work is linear in the length of the text.

import { clipLogit } from './combine.ts';
import { CONDEMN, createPatternSet, IDIOM, JEST, NEWS, PLAY, REPORT, layout } from './cues.ts';
import type { ModelScore } from './model/score.ts';
import type { Doc } from './normalize.ts';
import { subDoc } from './normalize.ts';
import { scoreOffensive } from './offensive/index.ts';
import { categoryOfDetail } from './offensive/lexicon.ts';
import type { Cat } from './offensive/lexicon.ts';
import { PHRASES } from './offensive/patterns.ts';
import { scoreThreat } from './threat/index.ts';
import { ownerOf, wholeTextOwners } from './pii/context.ts';
import { personNames } from './pii/sensitive.ts';
import type { WholeText } from './pii/context.ts';
import { PII_TYPES } from './types.ts';
import type { Evidence, Label, LabelResult, PiiResult, PiiType } from './types.ts';

/** Rules read a long text in windows of this many tokens, overlapping by half. */
export const RULE_WINDOW = 64;

export interface RuleSignals {
  offensive: LabelResult;
  threat: LabelResult;
}

/** The best window's result of a rule scorer, over windows of RULE_WINDOW tokens. */
function windowed(doc: Doc, score: (d: Doc) => LabelResult): LabelResult {
  const n = doc.tokens.length;
  if (n <= RULE_WINDOW) return score(doc);
  let best: LabelResult = { score: 0, evidence: [] };
  const seen = new Set<string>();
  const evidence: Evidence[] = [];
  for (let from = 0; ; from += RULE_WINDOW / 2) {
    const to = Math.min(n, from + RULE_WINDOW);
    const r = score(subDoc(doc, from, to));
    if (r.score > best.score) best = r;
    // Evidence of every window, once each (windows overlap).
    for (const e of r.evidence) {
      const key = `${e.label}|${e.kind}|${e.detail}|${e.start}|${e.end}`;
      if (!seen.has(key)) {
        seen.add(key);
        evidence.push(e);
      }
    }
    if (to === n) break;
  }
  return { score: best.score, evidence };
}

/**
 * The rules read the text without the handles and links it starts with: a reply's "@someone"
 * must not stand where a sentence-start pattern or a cue ("haha …") expects the first word.
 * Emoji and hashtags stay: a knife emoji or "#kutschool" is part of what is said.
 */
export function ruleSignals(doc: Doc): RuleSignals {
  let from = 0;
  while (from < doc.tokens.length && (doc.tokens[from]!.kind === 'handle' || doc.tokens[from]!.kind === 'url')) from++;
  const body = from === 0 || from === doc.tokens.length ? doc : subDoc(doc, from, doc.tokens.length);
  return { offensive: windowed(body, scoreOffensive), threat: windowed(body, scoreThreat) };
}

export interface PiiSignals {
  /** Highest confidence of a structured entity (phone, e-mail, IBAN, BSN, address, …). */
  structured: number;
  /** Highest confidence of a named person tied to a sensitive fact. */
  named: number;
  /** Highest confidence per entity type (the order of PII_TYPES). */
  types: number[];
  /** Highest confidence of a structured entity that belongs to a private person / an organisation (pii/context.ts ownerOf). */
  personal: number;
  organisation: number;
  /** Highest confidence of an entity that is surely a person's: personal by its nature (PERSONAL_BY_NATURE), or owned by a private person. */
  sure: number;
}

/**
 * Entity types that are a person's by their nature: a BSN (checksum-valid), a date of birth, a
 * licence plate, a postcode with house number. An organisation's phone number or e-mail address
 * in an announcement is not personal data; one of these always is, and so is any contact
 * detail that its sentence or shape gives to a private person ("bel me op 06…", "erik81@…") —
 * whatever the learned model makes of the words around it (it has seen few texts that are
 * little more than the number).
 */
export const PERSONAL_BY_NATURE: ReadonlySet<PiiType> = new Set(['bsn', 'date_of_birth', 'licence_plate', 'postcode']);

export function piiSignals(pd: PiiResult, text: string): PiiSignals {
  let structured = 0;
  let named = 0;
  let personal = 0;
  let organisation = 0;
  let sure = 0;
  const types: number[] = [];
  for (let t = 0; t < PII_TYPES.length; t++) types.push(0);
  let whole: WholeText | undefined;
  const wholeText = () => (whole ??= wholeTextOwners(text));
  for (const e of pd.entities) {
    const t = PII_TYPES.indexOf(e.type);
    types[t] = Math.max(types[t]!, e.score);
    if (e.type === 'name_with_sensitive') {
      named = Math.max(named, e.score);
      continue;
    }
    structured = Math.max(structured, e.score);
    const owner = ownerOf(text, e.type, e.start, e.end, e.value, wholeText);
    if (owner === 'person') personal = Math.max(personal, e.score);
    else if (owner === 'org') organisation = Math.max(organisation, e.score);
    if (owner === 'person' || PERSONAL_BY_NATURE.has(e.type)) sure = Math.max(sure, e.score);
  }
  return { structured, named, types, personal, organisation, sure };
}

/**
 * At most this personal-data score for a text whose only contact details are the school's own
 * (allowed) ones: "bel me gerust op <the school's number>" is about reaching the school. The
 * learned model, which reads words, not whose number it is, would call it personal data.
 */
export const ALLOWED_ONLY_CAP = 0.3;

/**
 * At most this for a text whose only personal-data-like numbers fail their checksum — a BSN that
 * fails the 11-proof, an IBAN that fails mod-97 (LABELS.md: no personal data). The model reads the
 * words "BSN" and "rekeningnummer", not whether the number is one.
 */
export const LOOKALIKE_CAP = 0.3;

/**
 * The personal-data score: the combiner's, but never below what a surely personal entity, or a
 * named person tied to a sensitive fact, says — nor, when the text gives an address or a plate,
 * below its threat score (`threat`, the label's final score); and, given the text, at most
 * NO_ONE_CAP when nothing in it says who it is about.
 */
export function personalDataScore(combined: number, pii: PiiSignals, pd: PiiResult, threat = 0, text?: string): number {
  if (pd.allowedFound > 0 && pd.entities.length === 0) return Math.min(combined, ALLOWED_ONLY_CAP);
  // "Het BSN-nummer 804714166 klopt niet": a number that only looks like personal data.
  if ((pd.lookalikes ?? 0) > 0 && pd.entities.length === 0) return Math.min(combined, LOOKALIKE_CAP);
  const score = Math.max(combined, pii.sure, namedFactFloor(pd), placesTarget(pd) ? threat : 0);
  // (The name search runs only for a text that would otherwise reach the cap.)
  if (text !== undefined && score > NO_ONE_CAP && pd.entities.length === 0 && personNames(text).length === 0) return NO_ONE_CAP;
  return score;
}

/**
 * At most this for a text in which nothing says who it is about: no contact detail, address,
 * number or date, and no name at all ("ik wacht elke dag bij de bakker op je", "mijn dochter
 * heeft waterpokken", "die jongen uit 3a fietst elke dag langs de Vijverweg"). Personal data
 * identifies a natural person (LABELS.md); the learned model reads the kind of fact — a
 * routine, an illness, a grade — and not whether anyone is identified by it. On the spent
 * blind sets 1–35, 29 of the 206 texts flagged so held personal data (a pupil written in lower
 * case after a title, "meneer kuipers"; a child "van nummer 12"); the reference files mark none.
 * (The corpus's writers also marked a role that points to one person, "de directrice is met
 * kanker", or where a threat's target goes: 267 texts, capped too, a known cost; on the folds
 * personal-data precision 0.908 → 0.940, recall 0.905 → 0.881.)
 */
export const NO_ONE_CAP = 0.3;

/**
 * Does the text give where someone lives or what they drive — a street address, a postcode with
 * a house number, a licence plate? In a threat that is where its target is to be found
 * ("Voor wie die mentor haat: Rozengaarde 88 … Hoop dat zijn huis afbrandt"): doxxing and a
 * threat at once, personal data at least as likely as the threat (on the corpus and the spent
 * blind sets 1–35, 521 of the 522 texts flagged as threats that hold such an item carry
 * personal data; the learned model, reading words, gave 6 of them a low score).
 */
function placesTarget(pd: PiiResult): boolean {
  return pd.entities.some((e) => PLACES.has(e.type));
}
const PLACES: ReadonlySet<PiiType> = new Set(['address', 'postcode', 'licence_plate']);

/**
 * A named person tied to a sensitive fact — health, punishment, results, home, whereabouts or
 * routine, orientation, an account, a list of pupils with their class — is personal data at
 * least as likely as not. On the corpus, 88–100% of the texts where the recogniser ties a name
 * to such a fact carry the label (per family and confidence; a missing child's description,
 * 43–100%, is left out). The learned model reads some of them as something else — a
 * whereabouts text mostly as a threat (stalking), a parent's message about their own child's
 * diagnosis as a question — and keeps their personal-data score low, so the entity it found
 * would not be reported.
 */
function namedFactFloor(pd: PiiResult): number {
  return pd.evidence.some((e) => FLOOR_FACTS.test(e.detail) && e.weight >= MIN_NAMED_FACT) ? NAMED_FACT_FLOOR : 0;
}
const FLOOR_FACTS = /^sensitive\.(?!missing\b)/;
const MIN_NAMED_FACT = 0.65;
const NAMED_FACT_FLOOR = 0.5;

// --- rule families -----------------------------------------------------------------------

/** Offensive rule evidence by kind of word or phrase: the combiner trusts each its own way. */
export const OFFENSIVE_FAMILIES = ['curse', 'slur', 'strong', 'aimed', 'phrase'] as const;
/** Threat rule evidence by family (threat/rules.ts). */
export const THREAT_FAMILIES = ['pattern', 'wish', 'implicit', 'stalking', 'sextortion', 'weapon', 'emoji'] as const;

const PHRASE_CAT = new Map(PHRASES.map((p) => [p.id, p.cat]));

function offensiveFamily(e: Evidence): (typeof OFFENSIVE_FAMILIES)[number] | null {
  if (e.kind === 'pattern') return 'phrase';
  if (e.kind !== 'lexicon') return null;
  const cat: Cat | undefined = categoryOfDetail(e.detail) ?? PHRASE_CAT.get(e.detail);
  if (cat === 'curse') return 'curse';
  if (cat === 'slur') return 'slur';
  if (cat === 'insult' || cat === 'dehum' || cat === 'sexual') return 'strong';
  return 'aimed';
}

/** The highest weight per family, and how much context lowered the rules (0 when nothing). */
export interface RuleFamilies {
  offensive: number[];
  threat: number[];
  lowered: number[];
}

export function ruleFamilies(rules: RuleSignals): RuleFamilies {
  const off = OFFENSIVE_FAMILIES.map(() => 0);
  let offLowered = 0;
  for (const e of rules.offensive.evidence) {
    if (e.weight < 0) offLowered = Math.min(1, offLowered - e.weight);
    const f = offensiveFamily(e);
    if (f && e.weight > 0) off[OFFENSIVE_FAMILIES.indexOf(f)] = Math.max(off[OFFENSIVE_FAMILIES.indexOf(f)]!, e.weight);
  }
  const thr = THREAT_FAMILIES.map(() => 0);
  let thrLowered = 0;
  for (const e of rules.threat.evidence) {
    const f = THREAT_FAMILIES.indexOf(e.kind as (typeof THREAT_FAMILIES)[number]);
    if (f >= 0) thr[f] = Math.max(thr[f]!, e.weight);
    // Threat evidence carries its lowering context in its detail: "afmaken (play)".
    if (e.detail.includes('(')) thrLowered = 1;
  }
  return { offensive: off, threat: thr, lowered: [offLowered, thrLowered] };
}

/**
 * The offensive score never falls below a disease curse's weight ("kankerschool", "tering",
 * "klerezooi") when nothing lowers it (counter-speech, quotation, negation): LABELS.md flags
 * them in any form, aimed or not, and on the corpus they are offensive 518 times in 520 (the
 * learned model, one linear score per label, lets threat words pull the offensive score down).
 */
export function sureOffensive(fam: RuleFamilies): number {
  if (fam.lowered[0]! > 0) return 0;
  const curse = fam.offensive[OFFENSIVE_FAMILIES.indexOf('curse')]!;
  return curse >= 0.8 ? curse : 0;
}

/** Everything the combiner and the final scores are made of, for one text. */
export interface TextSignals {
  rules: RuleSignals;
  families: RuleFamilies;
  pii: PiiSignals;
  pd: PiiResult;
  contexts: number[];
  /** The text itself (for the personal-data score's name search). */
  text: string;
}

/** The signals of one text, the same way when classifying and when training. */
export function textSignals(doc: Doc, text: string, recognise: (text: string) => PiiResult): TextSignals {
  const rules = ruleSignals(doc);
  const pd = recognise(text);
  return { rules, families: ruleFamilies(rules), pii: piiSignals(pd, text), pd, contexts: contextFlags(doc), text };
}

/**
 * A label's final score: the combiner's probability, with the floors and caps above. The
 * personal-data score also takes the text's final threat score (so threat comes first).
 */
export function finalScore(label: Label, combined: number, s: TextSignals, threat = 0): number {
  if (label === 'personal_data') return personalDataScore(combined, s.pii, s.pd, threat, s.text);
  if (label === 'offensive') return Math.max(combined, sureOffensive(s.families));
  return combined;
}

/**
 * Contexts in which harsh words are often harmless: sport, games and school work; idiom; jokes;
 * news; counter-speech and reported speech; quotation. The learned model is linear in words,
 * so the combiner gets these as switches on the model's logits: it can learn to trust the model
 * less where such a context is present.
 */
export const CONTEXTS = ['play', 'idiom', 'jest', 'news', 'counter', 'quoted'] as const;

const CONTEXT_PATTERNS = createPatternSet([PLAY, IDIOM, JEST, NEWS, CONDEMN, REPORT]);

export function contextFlags(doc: Doc): number[] {
  const seq = doc.seq;
  if (seq.length === 0) return CONTEXTS.map(() => 0);
  const quoted = layout(doc).quoted.includes(1);
  const [play, idiom, jest, news, condemn, report] = CONTEXT_PATTERNS(seq);
  return [play ? 1 : 0, idiom ? 1 : 0, jest ? 1 : 0, news ? 1 : 0, condemn || report ? 1 : 0, quoted ? 1 : 0];
}

/** Names of the combiner's inputs, in the order `combinerInputs` gives them. */
export const COMBINER_INPUTS = [
  'model_offensive',
  'model_threat',
  'model_personal_data',
  'rules_offensive',
  'rules_threat',
  ...OFFENSIVE_FAMILIES.map((f) => `offensive_${f}`),
  ...THREAT_FAMILIES.map((f) => `threat_${f}`),
  'offensive_lowered',
  'threat_lowered',
  ...PII_TYPES.map((t) => `pii_${t}`),
  'pii_personal',
  'pii_organisation',
  ...CONTEXTS.flatMap((c) => [`model_offensive_x_${c}`, `model_threat_x_${c}`]),
] as const;

/** Everything the combiner weighs for one text, in COMBINER_INPUTS order. */
export function combinerInputs(model: ModelScore, modelIndex: readonly number[], s: TextSignals): number[] {
  const { rules, families: fam, pii, contexts } = s;
  const zOff = clipLogit(model.logits[modelIndex[0]!]!);
  const zThr = clipLogit(model.logits[modelIndex[1]!]!);
  // Pushed one by one: spreading the parts costs more than the combiner itself.
  const x: number[] = [];
  for (const i of modelIndex) x.push(clipLogit(model.logits[i]!));
  x.push(rules.offensive.score, rules.threat.score);
  for (const v of fam.offensive) x.push(v);
  for (const v of fam.threat) x.push(v);
  for (const v of fam.lowered) x.push(v);
  for (const v of pii.types) x.push(v);
  x.push(pii.personal, pii.organisation);
  for (const c of contexts) x.push(zOff * c, zThr * c);
  return x;
}
