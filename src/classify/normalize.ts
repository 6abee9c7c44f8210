// Normalisation and tokenisation shared by every scorer.
//
// One pass over the text produces:
// - `lower`: the text lower-cased with diacritics folded and in-word leetspeak mapped, the SAME
//   length as the original, so a regex match on `lower` has the original's offsets;
// - `tokens`: words, numbers, handles, hashtags, urls and meaningful emoji, each with its
//   original offsets, a normalised form `t` and a squeezed form `sq` (every run of one letter
//   collapsed) for lexicon look-ups that survive "kankerrrr" and "klerrrre";
// - `seq`: the tokens' `t` joined by single spaces, for phrase patterns ("ik maak je af") that
//   must survive odd spacing and punctuation; `spanOfSeq` maps a match back to the original.
// Letters spaced or dotted out ("k a n k e r", "k.u.t.w.i.j.f") are joined into one token.

import { internRange, internWord, Word } from './memo.ts';

export type TokenKind = 'word' | 'num' | 'emoji' | 'handle' | 'hashtag' | 'url' | 'email';

export interface Token {
  /** Normalised: lower case, no diacritics, leetspeak mapped, runs of 3+ letters cut to one. */
  t: string;
  /** Squeezed: every run of the same letter collapsed to one ("dood" → "dod"). */
  sq: string;
  kind: TokenKind;
  /** Offsets in the original text (UTF-16 code units). */
  s: number;
  e: number;
  /** The original starts with an upper-case letter (names, sentence starts). */
  cap: boolean;
  /** The interned record of this form (memo.ts): `w.t === t`, `w.sq === sq`; scorers keep per-word facts in it. */
  w: Word;
}

export interface Doc {
  text: string;
  lower: string;
  tokens: Token[];
  seq: string;
  /** Start of each token in `seq`; same index as `tokens`. */
  seqStart: readonly number[];
}

// Diacritics and a few look-alikes folded to one lower-case ASCII letter each (1:1 length).
const FOLD: Record<string, string> = {};
(function buildFold() {
  const groups: [string, string][] = [
    ['a', 'àáâãäåāăą'],
    ['c', 'çćĉċč'],
    ['e', 'èéêëēĕėęě'],
    ['i', 'ìíîïĩīĭįı'],
    ['n', 'ñńņňŉ'],
    ['o', 'òóôõöøōŏő'],
    ['u', 'ùúûüũūŭůűų'],
    ['y', 'ýÿŷ'],
    ['s', 'śŝşšß'],
    ['z', 'źżž'],
    ['g', 'ĝğġģ'],
    ['l', 'ĺļľŀł'],
    ['r', 'ŕŗř'],
    ['t', 'ţťŧ'],
    ['d', 'ďđ'],
  ];
  for (const [to, from] of groups) {
    for (const ch of from) {
      FOLD[ch] = to;
      const up = ch.toUpperCase();
      if (up.length === 1 && up !== ch) FOLD[up] = to;
    }
  }
})();

// Leetspeak inside a word that also has letters: k4nk3r, t3ring, k@nker, h€ll.
const LEET: Record<string, string> = {
  '4': 'a',
  '@': 'a',
  '3': 'e',
  '€': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  '5': 's',
  $: 's',
  '7': 't',
  '|': 'l',
};

/** Emoji that carry meaning for the scorers, as words. */
export const EMOJI_WORDS: Record<string, string> = {
  '🔪': 'mes',
  '🗡': 'mes',
  '💣': 'bom',
  '🧨': 'bom',
  '🔫': 'pistool',
  '💥': 'knal',
  '🔥': 'vuur',
  '💀': 'schedel',
  '☠': 'schedel',
  '⚰': 'doodskist',
  '🪦': 'graf',
  '🩸': 'bloed',
  '👊': 'vuist',
  '🖕': 'middelvinger',
  '🤮': 'kots',
  '🤢': 'kots',
  '💩': 'stront',
  '🤡': 'clown',
  '🐷': 'varken',
  '🐖': 'varken',
  '🐒': 'aap',
  '🐵': 'aap',
  '🦍': 'aap',
  '🍑': 'kont',
  '🍆': 'piemel',
  '🤤': 'kwijl',
  '😏': 'grijns',
  '😂': 'lach',
  '🤣': 'lach',
  '😭': 'huil',
  '🙂': 'glimlach',
  '😡': 'boos',
  '🤬': 'vloek',
};

/** EMOJI_WORDS by code point: most characters past U+2000 are punctuation (’ “ – …), looked up without a string made for each. */
const EMOJI_BY_CODE = new Map<number, string>(
  Object.entries(EMOJI_WORDS).map(([ch, word]) => {
    if ([...ch].length !== 1) throw new Error(`EMOJI_WORDS: ${ch} is not one code point`);
    return [ch.codePointAt(0)!, word];
  }),
);

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

/** Lower-case and fold one character to exactly one character. */
function foldChar(ch: string, code: number): string {
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  return FOLD[ch] ?? ch.toLowerCase().charAt(0) ?? ch;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const NON_ASCII_LETTER = /[\u00c0-\u024f]/;
const NON_ASCII_LETTER_G = /[\u00c0-\u024f]/g;

/** Collapse runs of `min` or more equal letters: vowels to two (dooood → dood), others to one. */
function collapse(s: string, min: number): string {
  let run = 1;
  let found = false;
  for (let k = 1; k < s.length; k++) {
    run = s.charCodeAt(k) === s.charCodeAt(k - 1) ? run + 1 : 1;
    if (run >= min) {
      found = true;
      break;
    }
  }
  if (!found) return s;
  let out = '';
  let i = 0;
  const n = s.length;
  let changed = false;
  while (i < n) {
    const ch = s[i]!;
    let j = i + 1;
    while (j < n && s[j] === ch) j++;
    if (j - i >= min && ch >= 'a' && ch <= 'z') {
      out += min > 2 && VOWELS.has(ch) ? ch + ch : ch;
      changed = true;
    } else {
      out += s.slice(i, j);
    }
    i = j;
  }
  return changed ? out : s;
}

/** A word's record from its lower-cased, leet-mapped letters: stretched runs cut (t), then squeezed (sq). */
function wordFromRaw(raw: string): Word {
  const t = collapse(raw, 3);
  return new Word(t, collapse(t, 2));
}
const internedWord = (raw: string) => internWord(raw, wordFromRaw);
/** A handle is kept as written ("@jaaap" is not "@jap"); its key starts with "@", which no word's does. */
const handleWord = (t: string) => new Word(t, t);
const internedHandle = (t: string) => internWord(t, handleWord);

export interface NormalizeOptions {
  /**
   * Give every token the interned Word of its form (memo.ts), so that what a scorer works out
   * about a word is kept for its next occurrence. On by default; a reader that only needs the
   * tokens' text (the keyword matcher, reading every post on the network) turns it off, so the
   * network's vocabulary does not fill the memo.
   */
  intern?: boolean;
}

function token(w: Word, kind: TokenKind, s: number, e: number, cap: boolean): Token {
  return { t: w.t, sq: w.sq, kind, s, e, cap, w };
}

const EMAIL_AT = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/iy;

const CURLY_APOSTROPHE = /(?<=\p{L})’(?=\p{L})/gu;

const SPACED_SEPARATORS = new Set([' ', '.', '-', '*', '_']);

/** Build the normalised view of a text. Pure; about a microsecond per short comment. */
export function normalize(text: string, options: NormalizeOptions = {}): Doc {
  const intern = options.intern ?? true;
  const wordOf = intern ? internedWord : wordFromRaw;
  const n = text.length;
  let lower = text.toLowerCase();
  if (lower.length !== n) {
    // A few characters change length when lower-cased (İ): fold one by one instead.
    let out = '';
    for (let i = 0; i < n; i++) out += foldChar(text[i]!, text.charCodeAt(i));
    lower = out;
  } else if (NON_ASCII_LETTER.test(lower)) {
    lower = lower.replace(NON_ASCII_LETTER_G, (ch) => FOLD[ch] ?? ch);
  }
  // A phone's typographic apostrophe inside a word is the plain one: "zo’n", "m’n", "foto’s".
  if (text.includes('’')) lower = lower.replace(CURLY_APOSTROPHE, "'");
  let leetPatches: [number, string][] | null = null;

  const tokens: Token[] = [];
  const hasAt = text.includes('@');
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    // URLs: kept as one token so their letters never look like words.
    if ((code === 104 || code === 119) && (text.startsWith('http', i) || text.startsWith('www.', i))) {
      let j = i;
      while (j < n && !isSpace(text.charCodeAt(j))) j++;
      tokens.push(token(wordOf('url'), 'url', i, j, false));
      i = j;
      continue;
    }
    if (hasAt && (isLetter(code) || isDigit(code))) {
      // E-mail addresses are one token, so "jan@school.nl" is never read as leetspeak.
      EMAIL_AT.lastIndex = i;
      const m = EMAIL_AT.exec(text);
      if (m) {
        const j = i + m[0].length;
        tokens.push(token(wordOf('email'), 'email', i, j, false));
        i = j;
        continue;
      }
    }
    if (code === 64 /* @ */ || code === 35 /* # */) {
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      if (j > i + 1 && !(code === 64 && i > 0 && isWordChar(text.charCodeAt(i - 1)))) {
        // A handle or hashtag; hashtags keep their words (#kutschool is still a word).
        const body = lower.slice(i + 1, j);
        const kind: TokenKind = code === 64 && !isLeetWord(text, i, j) ? 'handle' : 'hashtag';
        if (kind === 'handle') {
          tokens.push(token((intern ? internedHandle : handleWord)('@' + body), kind, i, j, false));
          i = j;
          continue;
        }
        if (code === 35) {
          tokens.push(token(wordOf(body), kind, i, j, false));
          i = j;
          continue;
        }
      }
    }
    if (isLetter(code) || isDigit(code) || ((code === 64 || code === 8364 || code === 36) && startsLeetWord(text, i))) {
      let j = i;
      let letters = 0;
      let digits = 0;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (isLetter(c)) letters++;
        else if (isDigit(c)) digits++;
        else if (c === 64 || c === 8364 || c === 36 || c === 33 || c === 124) {
          // Leet symbols count only inside a word (k@nker, h€l, sh!t), never as trailing punctuation.
          const next = j + 1 < n ? text.charCodeAt(j + 1) : 0;
          if (!(isLetter(next) || (isDigit(next) && letters > 0))) break;
        } else if ((c === 39 || c === 8217) && j + 1 < n && isLetter(text.charCodeAt(j + 1)) && letters > 0) {
          // apostrophe inside a word: z'n, m'n, homo's
          j++;
          continue;
        } else break;
        j++;
      }
      if (j === i) j = i + 1;
      const mixed = letters > 0 && digits + countLeetSymbols(text, i, j) > 0;
      const kind: TokenKind = letters === 0 ? 'num' : 'word';
      if (!mixed && intern) {
        // The common case: the token's form is `lower` as it stands, found in place.
        tokens.push(token(internRange(lower, i, j, wordFromRaw), kind, i, j, isUpper(code)));
        i = j;
        continue;
      }
      let raw = lower.slice(i, j);
      if (mixed) {
        let mapped = '';
        for (let k = 0; k < raw.length; k++) {
          const ch = raw[k]!;
          const m = LEET[ch];
          if (m) (leetPatches ??= []).push([i + k, m]);
          mapped += m ?? ch;
        }
        raw = mapped;
      }
      // A number's form is its digits: collapse leaves digits alone, so words and numbers share wordOf.
      tokens.push(token(wordOf(raw), kind, i, j, isUpper(code)));
      i = j;
      continue;
    }
    if (code >= 0x2000) {
      // Emoji: one or two code units, maybe followed by a variation selector.
      const cp = text.codePointAt(i)!;
      const len = cp > 0xffff ? 2 : 1;
      const word = EMOJI_BY_CODE.get(cp);
      if (word) tokens.push(token(wordOf(word), 'emoji', i, i + len, false));
      i += len;
      continue;
    }
    i++;
  }

  const joined = joinSpacedLetters(text, tokens, wordOf);
  // One join gives a flat string; concatenation would build a rope every regex must flatten.
  // (Plain arrays, filled in order: for a comment's dozen tokens a typed array costs more to make.)
  const seqStart: number[] = [];
  const parts: string[] = [];
  for (let k = 0, pos = 0; k < joined.length; k++) {
    const t = joined[k]!.t;
    seqStart.push(pos);
    parts.push(t);
    pos += t.length + 1;
  }
  const seq = parts.join(' ');
  if (leetPatches) {
    const chars = lower.split('');
    for (const [at, ch] of leetPatches) chars[at] = ch;
    lower = chars.join('');
  }
  return { text, lower, tokens: joined, seq, seqStart };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
}
function isWordChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95 || c === 46; /* handles: a.b */
}
function startsLeetWord(text: string, i: number): boolean {
  const next = text.charCodeAt(i + 1);
  const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
  return isLetter(next) && (isLetter(prev) || isSpace(prev) || i === 0);
}
function isLeetWord(text: string, i: number, j: number): boolean {
  // "@" inside or right before letters that continue a word before it: k@nker handled elsewhere.
  return i > 0 && isLetter(text.charCodeAt(i - 1)) && j > i + 1;
}
function countLeetSymbols(text: string, i: number, j: number): number {
  let c = 0;
  for (let k = i; k < j; k++) {
    const ch = text[k]!;
    if (ch === '@' || ch === '€' || ch === '$' || ch === '!' || ch === '|') c++;
  }
  return c;
}

/** Join runs of 3+ single letters separated by one kind of separator: "k a n k e r". */
function joinSpacedLetters(text: string, tokens: Token[], wordOf: (raw: string) => Word): Token[] {
  let out: Token[] | null = null;
  let k = 0;
  while (k < tokens.length) {
    const tok = tokens[k]!;
    if (tok.kind === 'word' && tok.e - tok.s === 1) {
      let m = k + 1;
      let sep: string | null = null;
      while (m < tokens.length) {
        const prev = tokens[m - 1]!;
        const cur = tokens[m]!;
        if (cur.kind !== 'word' || cur.e - cur.s !== 1) break;
        const gap = text.slice(prev.e, cur.s);
        if (gap.length < 1 || gap.length > 2) break;
        const g = gap.trim() === '' ? ' ' : gap.trim();
        if (g.length !== 1 || !SPACED_SEPARATORS.has(g)) break;
        if (sep === null) sep = g;
        else if (sep !== g) break;
        m++;
      }
      if (m - k >= 3) {
        out ??= tokens.slice(0, k);
        let word = '';
        for (let q = k; q < m; q++) word += tokens[q]!.t;
        out.push(token(wordOf(word), 'word', tok.s, tokens[m - 1]!.e, tok.cap));
        k = m;
        continue;
      }
    }
    out?.push(tok);
    k++;
  }
  return out ?? tokens;
}

/** Index of the token whose `seq` range holds position `pos`. */
export function tokenAtSeq(doc: Doc, pos: number): number {
  const starts = doc.seqStart;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Map a match in `seq` [from, to) back to original offsets. */
export function spanOfSeq(doc: Doc, from: number, to: number): { start: number; end: number } {
  if (doc.tokens.length === 0) return { start: 0, end: 0 };
  const a = tokenAtSeq(doc, from);
  const b = tokenAtSeq(doc, Math.max(from, to - 1));
  return { start: doc.tokens[a]!.s, end: doc.tokens[b]!.e };
}

/**
 * The view of tokens [from, to) as a Doc of its own (offsets stay those of the whole text), so
 * that a scorer can read a long text in windows of bounded size: linear work in the length.
 */
export function subDoc(doc: Doc, from: number, to: number): Doc {
  if (from === 0 && to === doc.tokens.length) return doc;
  const tokens = doc.tokens.slice(from, to);
  if (tokens.length === 0) return { ...doc, tokens, seq: '', seqStart: [] };
  const base = doc.seqStart[from]!;
  const last = to - 1;
  const seq = doc.seq.slice(base, doc.seqStart[last]! + doc.tokens[last]!.t.length);
  const seqStart: number[] = [];
  for (let k = 0; k < tokens.length; k++) seqStart.push(doc.seqStart[from + k]! - base);
  return { text: doc.text, lower: doc.lower, tokens, seq, seqStart };
}
