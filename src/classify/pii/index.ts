// The personal-data recogniser: runs every recogniser family over the original text, keeps the
// best of overlapping candidates, drops the school's own contacts and weak candidates, and
// turns the rest into entities and evidence. Evidence carries rule ids, never the values.

import type { Entity, Evidence, PiiResult } from '../types.ts';
import { findAddresses } from './address.ts';
import { AllowedSet } from './allowed.ts';
import { countInvalidBsns, findBsns } from './bsn.ts';
import type { Candidate } from './context.ts';
import { findDatesOfBirth } from './dob.ts';
import { findEmails } from './email.ts';
import { findHandles } from './handle.ts';
import { countInvalidIbans, findIbans } from './iban.ts';
import { findPhones, findSpelledPhones } from './phone.ts';
import { findPlates } from './plate.ts';
import { findNamesWithSensitive } from './sensitive.ts';

export interface PiiOptions {
  allowed?: readonly string[];
}

/** Candidates below this confidence are not reported as entities. */
export const MIN_ENTITY_SCORE = 0.5;

function countDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** Every candidate of every family, overlapping and unfiltered. */
export function findCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  findEmails(text, out); // checks for '@' (or an obfuscated "[at]") itself
  // Each family needs a minimum number of digits; counting them once skips most recognisers
  // on ordinary comments.
  const digits = countDigits(text);
  if (digits >= 9) {
    if (digits >= 10) findIbans(text, out);
    findPhones(text, out);
    findBsns(text, out);
  }
  if (digits > 0) {
    findAddresses(text, out);
    if (digits >= 4) findDatesOfBirth(text, out);
    findPlates(text, out);
  }
  // Spelled out, or spelled and then in digits ("nul zes 28 44 19 03"): looks for "nul" itself.
  findSpelledPhones(text, out);
  findNamesAfterLead(text, out);
  findHandles(text, out);
  return out;
}

/**
 * The scan for names with a sensitive fact reads the message after the handles it opens with
 * ("@school.bsky.social Meneer Veenstra …"), as if they were not there: its look-behind windows
 * (how a sentence opens, what comes before a name) would otherwise start inside a long handle,
 * and a reply's or mention's leading handles tell nothing about anyone.
 */
function findNamesAfterLead(text: string, out: Candidate[]): void {
  const lead = LEADING_HANDLES.exec(text)?.[0].length ?? 0;
  if (lead === 0) return findNamesWithSensitive(text, out);
  const from = out.length;
  findNamesWithSensitive(text.slice(lead), out);
  for (let i = from; i < out.length; i++) out[i] = { ...out[i]!, start: out[i]!.start + lead, end: out[i]!.end + lead };
}
const LEADING_HANDLES = /^\s*(?:@[\w.-]+\s+)+/;

const byConfidence = (a: Candidate, b: Candidate) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start;

/**
 * Of overlapping candidates keep the most confident (then the longest). Candidates interact only
 * through overlaps, so the choice is made per cluster of overlapping ones: linear in the text
 * however many candidates a long text holds.
 */
function resolveOverlaps(cands: Candidate[]): Candidate[] {
  if (cands.length < 2) return cands;
  cands.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  let cluster: Candidate[] = [];
  let clusterEnd = -1;
  const settle = () => {
    cluster.sort(byConfidence);
    const chosen: Candidate[] = [];
    for (const c of cluster) if (chosen.every((k) => !(c.start < k.end && k.start < c.end))) chosen.push(c);
    kept.push(...chosen.sort((x, y) => x.start - y.start));
    cluster = [];
  };
  for (const c of cands) {
    if (cluster.length > 0 && c.start >= clusterEnd) settle();
    cluster.push(c);
    clusterEnd = Math.max(clusterEnd, c.end);
  }
  settle();
  return kept;
}

export function createPiiRecogniser(opts: PiiOptions = {}): (text: string) => PiiResult {
  const allowed = new AllowedSet(opts.allowed ?? [], findCandidates);
  return (text: string): PiiResult => {
    const cands = resolveOverlaps(findCandidates(text));
    const entities: Entity[] = [];
    const evidence: Evidence[] = [];
    let score = 0;
    let allowedFound = 0;
    for (const c of cands) {
      // The school's own contact counts as found even when its shape alone says little
      // ("info@school.nl" is a role's mailbox): the text is about reaching the school.
      if (allowed.has(c.value)) {
        allowedFound++;
        continue;
      }
      if (c.score < MIN_ENTITY_SCORE) continue;
      entities.push({ type: c.type, start: c.start, end: c.end, value: c.value, score: c.score });
      evidence.push({ label: 'personal_data', kind: c.type, detail: c.rule, start: c.start, end: c.end, weight: c.score });
      if (c.score > score) score = c.score;
    }
    const lookalikes = entities.length === 0 && countDigits(text) >= 9 ? countInvalidBsns(text) + countInvalidIbans(text) : 0;
    return { score, evidence, entities, allowedFound, lookalikes };
  };
}
