// Every kind of evidence the classifier can give (src/classify: offensive/, threat/, pii/, the
// model), as findings for the alert tests: the reasons, the e-mail and the SMTP tests all check
// that none of it reaches a reader as a code. Texts, names and numbers are invented.

import type { Evidence, Label } from '../../src/classify/types.ts';
import { PII_TYPES } from '../../src/classify/types.ts';
import { PHRASES } from '../../src/classify/offensive/patterns.ts';
import { RULES } from '../../src/classify/threat/rules.ts';
import type { Finding } from '../../src/finding.ts';
import { sampleFinding } from '../store/sample.ts';
import { SENSITIVE_FAMILIES } from '../../src/classify/pii/sensitive.ts';

/** Lexicon details as the offensive scorer writes them: the entry, perhaps "~how". */
export const LEXICON_DETAILS = [
  'debiel',
  'kanker',
  'sukkel',
  'dom',
  'haat',
  'ongedierte',
  'tieten',
  'curse-compound~compound',
  'insult-compound~compound',
  'kut-compound~compound',
  'kut-thing~compound',
  'kneus~fuzzy',
  'sukkel~glue',
  'onbekend-woord~compound',
];
export const OFFENSIVE_CONTEXTS = ['quotation', 'counter-speech', 'reported-speech', 'news', 'negation', 'onbekende-context'];
export const THREAT_CONTEXTS = [
  'quote',
  'report',
  'condemn',
  'newsDoc',
  'news',
  'negation',
  'idiom',
  'play',
  'playDoc',
  'past',
  'self',
  'question',
  'jest',
  'family',
  'positive',
  'unknownCue',
];
const THREAT_KIND: Record<string, string> = { act: 'pattern', wish: 'wish' };
/** Threat details: every rule, every harm class of the any-order words, emoji, an unknown rule. */
export const THREAT_EVIDENCE: { kind: string; detail: string }[] = [
  ...RULES.map((r) => ({
    kind: THREAT_KIND[r.family] ?? (r.harm === 'stalking' || r.harm === 'sextortion' || r.harm === 'weapon' ? r.harm : 'implicit'),
    detail: r.id,
  })),
  ...['kill', 'injure', 'shoot', 'sexual', 'arson', 'weapon', 'unknownharm'].map((c) => ({ kind: 'pattern', detail: `harm-${c}` })),
  { kind: 'emoji', detail: 'emoji-mes' },
  { kind: 'pattern', detail: 'afmaken (play, jest)' },
  { kind: 'pattern', detail: `vermoorden (${THREAT_CONTEXTS.join(', ')})` },
  { kind: 'wish', detail: 'onbekende-regel' },
  { kind: 'onbekend-soort', detail: 'onbekende-regel (raar)' },
];
/** Recogniser rule ids (pii/*.ts), and some they might add later. */
export const PII_EVIDENCE: { kind: string; detail: string }[] = [
  ...[
    'phone.nl_mobile',
    'phone.nl_landline',
    'phone.nl_service',
    'phone.nl_mobile_intl',
    'phone.intl',
    'phone.be_mobile',
    'phone.be_landline',
    'phone.spelled',
    'phone.nieuw_soort',
  ].map((detail) => ({ kind: 'phone', detail })),
  ...['email.personal', 'email.role', 'email.obfuscated'].map((detail) => ({ kind: 'email', detail })),
  { kind: 'iban', detail: 'iban.mod97' },
  { kind: 'bsn', detail: 'bsn.plain' },
  { kind: 'bsn', detail: 'bsn.grouped' },
  ...['address.street', 'address.street_postcode', 'address.bare_street', 'address.bare_street_cap', 'address.bare_street_town', 'address.bare_street_end'].map(
    (detail) => ({ kind: 'address', detail }),
  ),
  { kind: 'postcode', detail: 'postcode.number' },
  { kind: 'date_of_birth', detail: 'dob.birth_context' },
  { kind: 'date_of_birth', detail: 'dob.after_name' },
  ...['plate.compact', 'plate.sidecode', 'plate.belgian', 'plate.vowels'].map((detail) => ({ kind: 'licence_plate', detail })),
  ...[...SENSITIVE_FAMILIES, 'nieuwe_familie'].flatMap((f) => [
    { kind: 'name_with_sensitive', detail: `sensitive.${f}` },
    { kind: 'name_with_sensitive', detail: `sensitive.${f}.first_name` },
  ]),
  ...PII_TYPES.map((kind) => ({ kind, detail: `${kind}.onbekende_regel` })),
  { kind: 'onbekend_type', detail: 'x.y' },
];

/** Every (label, kind, detail) above, at distinct weights that are easy to spot if shown. */
export function allEvidence(): Evidence[] {
  const out: Evidence[] = [];
  let n = 0;
  // Weights like 0.5137 never occur in the texts, so finding one in an e-mail means a weight leaked.
  const next = (label: Label, kind: string, detail: string, negative = false) =>
    out.push({ label, kind, detail, start: 0, end: 5, weight: (negative ? -1 : 1) * (0.5 + ++n / 7919) });
  for (const d of LEXICON_DETAILS) next('offensive', 'lexicon', d);
  for (const p of PHRASES) next('offensive', 'pattern', p.id);
  next('offensive', 'pattern', 'onbekend-patroon');
  for (const c of OFFENSIVE_CONTEXTS) next('offensive', 'context', c, true);
  next('offensive', 'onbekend-soort', 'iets-raars');
  for (const e of THREAT_EVIDENCE) next('threat', e.kind, e.detail);
  for (const e of PII_EVIDENCE) next('personal_data', e.kind, e.detail);
  for (const label of ['offensive', 'threat', 'personal_data'] as const) next(label, 'model', '');
  return out;
}

/** Codes that must never reach a reader: every code-like detail and kind used above. */
export function forbiddenCodes(evidence: readonly Evidence[]): string[] {
  const codes = new Set<string>(['~', 'lexicon', 'pattern', 'model', 'context', 'implicit', 'personal_data', 'gewicht', 'weight']);
  for (const e of evidence) {
    // Single plain words ("debiel", "keel", "brand") are Dutch, and may rightly be quoted or said.
    if (/[-~._ (]/.test(e.detail)) codes.add(e.detail);
    for (const part of e.detail.split(/[ (),]+/)) if (/[-~._]/.test(part) || /[a-z][A-Z]/.test(part)) codes.add(part);
    if (/[_-]/.test(e.kind)) codes.add(e.kind);
    codes.add(String(Math.abs(e.weight)).slice(0, 6));
    codes.add(String(Math.abs(e.weight)).slice(0, 6).replace('.', ','));
  }
  return [...codes];
}

/** A finding flagged on all three labels whose evidence is every kind there is. */
export function everyKindFinding(): Finding {
  const f = sampleFinding({ text: 'woord en nog wat tekst' });
  return {
    ...f,
    labels: ['offensive', 'threat', 'personal_data'],
    scores: { offensive: 0.9, threat: 0.9, personal_data: 0.9 },
    evidence: allEvidence(),
    entities: [],
    severity: 'hoog',
    articles: ['A2', 'A6', 'A10', 'Consequenties 7'],
    removalCandidate: true,
  };
}

/** Reasons a single piece of evidence gives: a finding with only that piece. */
export function findingWith(evidence: Evidence[], text = 'woord en nog wat tekst'): Finding {
  const f = sampleFinding({ text });
  const labels = [...new Set(evidence.map((e) => e.label))];
  return { ...f, labels, evidence, entities: [] };
}
