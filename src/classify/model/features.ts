// The learned model's features, shared by training (scripts/train.ts) and scoring: hashed
// subword features in the manner of fastText, so that spelling variants and inflections share
// weight ("kanker", "kankerr", "k4nker", "kankerlijer"; "slaan", "sla", "geslagen").
//
// From the normalised tokens of a window (normalize.ts already folds case, diacritics,
// leetspeak and stretched letters) come:
//   - the word itself (`t`), and its squeezed form when that differs (`sq`: "dood" → "dod");
//   - the character 3-, 4- and 5-grams of the squeezed word with boundary marks (`<kan`, `ker>`);
//   - word bigrams and skip-bigrams (a word and the one after next), which carry short frames
//     ("ik sla", "sla je", "ik je");
//   - shapes for what is not a word: a handle, a URL, an e-mail address, a number's digit count;
//   - a `<name>` shape instead of a person's name (`persons`: a word that looks like a name,
//     cues.ts layout, or a capitalised given name the list knows), and no features of the name
//     itself: "Daan is een ..." and "Fatima woont ..." share what they have in common, a person
//     is named, and which name a corpus writer happened to use carries no weight.
// A word between quote marks is hashed apart from the same word outside them (and so are its
// bigrams): "hij riep 'ik maak je af'" is reported speech, not the writer's own words.
// Each feature is hashed (FNV-1a, 32 bit) into BUCKETS slots. Every feature counts once per
// occurrence and the vector is scaled by 1/sqrt(n) (n at least MIN_FEATURES), so a long window
// is not louder for being long. Hashing is done over char codes in place: no substrings, no allocation per n-gram.

import { layout } from '../cues.ts';
import type { Doc, Token } from '../normalize.ts';
import { isLowerCaseName } from '../pii/sensitive.ts';

export const BUCKET_BITS = 19;
export const BUCKETS = 1 << BUCKET_BITS;
const MASK = BUCKETS - 1;

const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;

/** Mix one more char code into an FNV-1a state. */
const step = (h: number, c: number) => Math.imul(h ^ c, FNV_PRIME) >>> 0;

function hashString(seed: number, s: string): number {
  let h = step(FNV_OFFSET, seed);
  for (let i = 0; i < s.length; i++) h = step(h, s.charCodeAt(i));
  return h;
}

// Seeds keep the feature kinds apart: the word "kan" and the trigram "kan" are different features.
const SEED = { word: 1, squeezed: 2, gram: 3, bigram: 4, skip: 5, shape: 6, quoted: 99 } as const;
const NAME_SHAPE = hashString(SEED.shape, '<name>') & MASK;
const GRAM_START = step(FNV_OFFSET, SEED.gram);
const BOUNDARY = 0x3c; // '<' and, at the end, '>' (0x3e)

/** The form a token contributes as a word, or null for tokens that are only a shape. */
function wordOf(tok: Token): string | null {
  return isWordLike(tok) ? tok.t : null;
}

/** Words, emoji and hashtags contribute their word and its subwords; numbers, handles, URLs and e-mail addresses a shape. */
export function isWordLike(tok: Token): boolean {
  return tok.kind === 'word' || tok.kind === 'emoji' || tok.kind === 'hashtag';
}

function shapeOf(tok: Token): string {
  if (tok.kind === 'num') return `#${Math.min(tok.e - tok.s, 12)}`;
  return tok.kind; // handle, url, email
}

export interface FeatureVector {
  /** Bucket indexes; a bucket may repeat (a feature that occurs twice counts twice). */
  idx: Int32Array;
  n: number;
  /** 1/sqrt(n): every feature's value. */
  scale: number;
}

/** Upper bound of features per token: name, word, squeezed, 3×(len+2) grams (capped), bigram, skip. */
const MAX_GRAMS_PER_WORD = 36;

/** The hash of token k's form, from which its word-level features derive; a quoted word hashes apart. */
export function tokenHash(doc: Doc, k: number, quoted: Uint8Array): number {
  const tok = doc.tokens[k]!;
  return quotedIf(plainHash(wordOf(tok) ?? shapeOf(tok)), quoted[k]!);
}

/** The hash of a form before quotation is mixed in (`quotedIf`). */
export const plainHash = (form: string) => hashString(0, form);
/** A quoted word's hash apart from the same word's outside quote marks. */
export const quotedIf = (h: number, quoted: number) => (quoted ? mix(h, SEED.quoted) : h);

/** The feature "a person's name is here" (`persons`). */
export const NAME_FEATURE = NAME_SHAPE;
/** The hash a person's name stands as in pairs ("juf <name>", "<name> heeft"). */
export const NAME_HASH = plainHash('<name>');

// The model reads one text after another, the scorer twice (score, explain): remember the last.
let lastDoc: Doc | null = null;
let lastPersons: Uint8Array | null = null;

/**
 * Which tokens are read as a person's name (1) — a word that looks like a name (cues.ts layout
 * nameLike), or a capitalised given name the list knows that is no everyday word too ("Anouk"
 * at the start of a sentence; not "Roos" or "Lieve") — and so contribute only the `<name>` shape.
 */
export function persons(doc: Doc): Uint8Array {
  if (doc === lastDoc && lastPersons) return lastPersons;
  const { nameLike } = layout(doc);
  const out = new Uint8Array(nameLike.length);
  for (let k = 0; k < out.length; k++) {
    const tok = doc.tokens[k]!;
    out[k] = nameLike[k] || (tok.cap && tok.kind === 'word' && isLowerCaseName(tok.t)) ? 1 : 0;
  }
  lastDoc = doc;
  lastPersons = out;
  return out;
}
/** The word feature of a word-like token, from its hash. */
export const wordFeature = (h0: number) => mix(h0, SEED.word) & MASK;
/** The shape feature of any other token, from its hash. */
export const shapeFeature = (h0: number) => mix(h0, SEED.shape) & MASK;

// The letters of "<sq>" as char codes, for the n-gram loop (one buffer, no closure per word).
const letters = new Int32Array(26);

/**
 * Token k's own features — the name shape for a person's name; else the word (or its shape),
 * the squeezed word, the character n-grams — written into idx from n; returns the new n.
 */
export function unigramsOf(doc: Doc, k: number, h0: number, person: Uint8Array, idx: Int32Array, n: number): number {
  const tok = doc.tokens[k]!;
  const w = wordOf(tok);
  if (person[k]) {
    idx[n++] = NAME_SHAPE;
    return n;
  }
  if (w === null) {
    idx[n++] = shapeFeature(h0);
    return n;
  }
  idx[n++] = wordFeature(h0);
  return subwordsOf(w, tok.sq, idx, n);
}

/**
 * A word's subword features — its squeezed form when that differs from `t`, and the character
 * n-grams of "<sq>" — written into idx from n; returns the new n. They depend on the word
 * alone, so a scorer may sum them once per word (score.ts). Words longer than 24 letters
 * contribute their first 24 to n-grams (a 10,000-letter "word" costs no more than a long one).
 */
export function subwordsOf(t: string, sq: string, idx: Int32Array, n: number): number {
  if (sq !== t) idx[n++] = hashString(SEED.squeezed, sq) & MASK;
  // Character n-grams of "<sq>", n = 3..5, over at most 24 letters.
  const len = Math.min(sq.length, 24);
  const total = len + 2;
  letters[0] = BOUNDARY;
  for (let i = 0; i < len; i++) letters[i + 1] = sq.charCodeAt(i);
  letters[total - 1] = 0x3e;
  let grams = 0;
  for (let i = 0; i + 3 <= total && grams < MAX_GRAMS_PER_WORD; i++) {
    let h = GRAM_START;
    h = step(h, letters[i]!);
    h = step(h, letters[i + 1]!);
    h = step(h, letters[i + 2]!);
    idx[n++] = h & MASK;
    grams++;
    if (i + 4 <= total) {
      h = step(h, letters[i + 3]!);
      idx[n++] = h & MASK;
      grams++;
      if (i + 5 <= total) {
        h = step(h, letters[i + 4]!);
        idx[n++] = h & MASK;
        grams++;
      }
    }
  }
  return n;
}

/** The bigram feature of two neighbouring tokens' hashes, and the skip-bigram of a token and the one after next. */
export const bigramOf = (a: number, b: number) => mix(mix(a, SEED.bigram), b) & MASK;
export const skipOf = (a: number, b: number) => mix(mix(a, SEED.skip), b) & MASK;

/** Room for the features of `tokens` tokens. */
export const featureRoom = (tokens: number) => tokens * (MAX_GRAMS_PER_WORD + 5) + 1;

/**
 * A text with fewer features is scaled as if it had this many: a one-word reaction ("haha",
 * "ok") has a handful of features, and scaled by 1/sqrt(n) each would weigh as much as a whole
 * sentence; it stays near the prior instead, unless its words are strong.
 */
export const MIN_FEATURES = 32;

/** The features of tokens [from, to) into `out` (grown when needed). Work is linear in the tokens. */
export function featuresOf(doc: Doc, from: number, to: number, out?: FeatureVector): FeatureVector {
  const { quoted } = layout(doc);
  const person = persons(doc);
  const need = featureRoom(to - from);
  const v = out && out.idx.length >= need ? out : { idx: new Int32Array(Math.max(need, 256)), n: 0, scale: 1 };
  const idx = v.idx;
  let n = 0;
  let prev = -1;
  let prev2 = -1;
  for (let k = from; k < to; k++) {
    const h0 = person[k] ? NAME_HASH : tokenHash(doc, k, quoted);
    n = unigramsOf(doc, k, h0, person, idx, n);
    if (prev >= 0) idx[n++] = bigramOf(prev, h0);
    if (prev2 >= 0) idx[n++] = skipOf(prev2, h0);
    prev2 = prev;
    prev = h0;
  }
  v.n = n;
  v.scale = n > 0 ? 1 / Math.sqrt(Math.max(n, MIN_FEATURES)) : 0;
  return v;
}

/** Combine two 32-bit hashes (order matters). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), FNV_PRIME) >>> 0;
  h ^= h >>> 15;
  return Math.imul(h, 0x85ebca6b) >>> 0;
}
