// Which schools a text names: one index for every configured school's keywords (thousands of
// schools, tens of thousands of keywords), built once per config load and read in one pass
// over the text — not a loop over schools. A text is read with the classifier's own
// normalisation (src/classify/normalize.ts: case, diacritics, in-word leetspeak, odd spacing),
// and keywords match as whole words and phrases of its tokens, so "De Linge" finds
// "de linge" and "DE LINGE" but not "lingerie" or "de lingedijk". Hashtags match a keyword
// written as one word ("#delinge"). A keyword that is also an ordinary word or place ("Linge",
// "Klimop") may carry context words: it then counts only when one of them is in the text too.
//
// The index is a word trie: from each word of the text, one look-up per following word, however
// many phrases start with it ("De …"). For whole-word phrases this does what an Aho–Corasick
// automaton over words does, without the boundary checks a character automaton needs afterwards.

import { normalize } from '../classify/normalize.ts';

/** A school's keyword: a phrase, or a phrase that needs one of its context words nearby. */
export type Keyword = string | { phrase: string; context: string[] };

export interface SchoolKeywords {
  id: string;
  keywords: readonly Keyword[];
}

export interface KeywordHit {
  school: string;
  /** The keyword as configured. */
  keyword: string;
  /** Offsets of the match in the original text. */
  start: number;
  end: number;
}

interface Entry {
  school: string;
  keyword: string;
  /** How many tokens the phrase has. */
  length: number;
  /** Normalised context words; empty: none needed. */
  context: string[][];
}

/** A node of the word trie: the phrases that end here, and the words that may follow. */
interface Node {
  next: Map<string, Node> | null;
  ends: Entry[] | null;
}

export interface SchoolMatcher {
  /** Every school the text names, each once, with its first match. */
  match(text: string): KeywordHit[];
  /** How many keywords the index holds. */
  readonly size: number;
}

/** A phrase as the text's tokens would be: the classifier's normalisation, words only. */
export function phraseTokens(phrase: string): string[] {
  return normalize(phrase, { intern: false })
    .tokens.filter((t) => t.kind === 'word' || t.kind === 'num' || t.kind === 'hashtag')
    .map((t) => t.t);
}

export function buildSchoolMatcher(schools: readonly SchoolKeywords[]): SchoolMatcher {
  const root: Node = { next: new Map(), ends: null };
  /** Keywords joined into one word, for hashtags: "#delinge", "#viventecollege". */
  const joined = new Map<string, Entry[]>();
  let size = 0;
  const insert = (tokens: string[], entry: Entry) => {
    let node = root;
    for (const t of tokens) {
      node.next ??= new Map();
      let child = node.next.get(t);
      if (!child) node.next.set(t, (child = { next: null, ends: null }));
      node = child;
    }
    (node.ends ??= []).push(entry);
  };
  // Context words repeat across schools ("school", "juf"): each list is read and held once.
  const contexts = new Map<string, string[][]>();
  const NO_CONTEXT: string[][] = [];
  const contextOf = (words: readonly string[]): string[][] => {
    const key = words.join('\u0000');
    let c = contexts.get(key);
    if (!c) contexts.set(key, (c = words.map(phraseTokens).filter((t) => t.length > 0)));
    return c;
  };
  for (const school of schools) {
    for (const k of school.keywords) {
      const phrase = typeof k === 'string' ? k : k.phrase;
      const tokens = phraseTokens(phrase);
      if (tokens.length === 0) continue;
      const context = typeof k === 'string' || k.context.length === 0 ? NO_CONTEXT : contextOf(k.context);
      const entry: Entry = { school: school.id, keyword: phrase, length: tokens.length, context };
      insert(tokens, entry);
      if (tokens.length > 1) {
        const key = tokens.join('');
        const list = joined.get(key);
        if (list) list.push(entry);
        else joined.set(key, [entry]);
      }
      size += 1;
    }
  }

  return {
    size,
    match(text) {
      const tokens = normalize(text, { intern: false }).tokens;
      const found = new Map<string, KeywordHit>();
      let words: string[] | null = null;
      const hasContext = (context: string[][]): boolean => {
        words ??= tokens.map((t) => (t.kind === 'hashtag' ? t.t.replace(/^#/, '') : t.t));
        const w = words;
        return context.some((c) => w.some((_, i) => c.every((part, j) => w[i + j] === part)));
      };
      /** The entries that match at token i; `one`: as one hashtag token, whatever the phrase's length. */
      const take = (entries: Entry[], i: number, one = false) => {
        for (const c of entries) {
          if (found.has(c.school) || (c.context.length > 0 && !hasContext(c.context))) continue;
          found.set(c.school, { school: c.school, keyword: c.keyword, start: tokens[i]!.s, end: tokens[one ? i : i + c.length - 1]!.e });
        }
      };
      for (let i = 0; i < tokens.length; i++) {
        const tok = tokens[i]!;
        const key = tok.kind === 'hashtag' ? tok.t.replace(/^#/, '') : tok.t;
        if (tok.kind === 'hashtag') {
          const whole = joined.get(key);
          if (whole) take(whole, i, true);
        }
        // Walk the trie along the following words: one look-up a word, however many phrases.
        let node = root.next!.get(key);
        for (let j = i; node;) {
          if (node.ends) take(node.ends, i);
          j += 1;
          const next = tokens[j];
          node = next && node.next ? node.next.get(next.t) : undefined;
        }
      }
      return [...found.values()];
    },
  };
}
