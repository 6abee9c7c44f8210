// The parts of `natural` the classifier uses, loaded one by one: importing the whole
// package costs over a second and prints dotenv notices, far over the start-up budget.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Stemmer {
  stem(word: string): string;
}
interface Tokenizer {
  tokenize(text: string): string[];
}

const stemmerNl = require('natural/lib/natural/stemmers/porter_stemmer_nl.js') as Stemmer;
const TokenizerNl = require('natural/lib/natural/tokenizers/aggressive_tokenizer_nl.js') as new () => Tokenizer;

/** Dutch Porter stemmer from natural. */
export function stemNl(word: string): string {
  return stemmerNl.stem(word);
}

const tokenizer = new TokenizerNl();

/** natural's Dutch tokenizer (drops punctuation; use on already folded text: it drops é). */
export function tokenizeNl(text: string): string[] {
  return tokenizer.tokenize(text);
}

const stemCache = new Map<string, string>();
/** Memoised stem for hot paths; the cache is bounded so long runs do not grow memory. */
export function stemCached(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmerNl.stem(word);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}
