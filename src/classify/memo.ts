// Word-level memos for the scorers: words repeat (Zipf), and a compound, misspelling or trigger
// check costs far more than a look-up. Bounded in two generations: when the young map is full
// it becomes the old one and a new one starts; a word found in the old map moves to the young
// one. So frequent words survive a rollover (a map cleared when full would forget them all at
// once), and memory stays below two generations of entries.

/** `compute` memoised per word; it must not return undefined. */
export function memoByWord<V>(perGeneration: number, compute: (word: string) => V): (word: string) => V {
  let young = new Map<string, V>();
  let old = new Map<string, V>();
  return (word) => {
    let v = young.get(word);
    if (v !== undefined) return v;
    v = old.get(word);
    if (v === undefined) v = compute(word);
    if (young.size >= perGeneration) {
      old = young;
      young = new Map();
    }
    young.set(word, v);
    return v;
  };
}

/** Entries per generation: together more than the vocabulary of a year of a school's comments. */
export const WORD_MEMO_SIZE = 50_000;
