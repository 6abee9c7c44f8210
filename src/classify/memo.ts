// Word-level memos for the scorers: words repeat (Zipf), and a compound, misspelling or trigger
// check costs far more than a look-up. Two kinds:
// - a `Word`: the record normalize.ts gives every token, one per distinct token form, interned
//   so that the same form in any text is the same object. Scorers keep what they work out about
//   a word in its slots (`wordSlot`), so a word costs one look-up per token, in normalize,
//   however many scorers read it; normalize finds it in place in the text (`internRange`);
// - `memoByWord` for strings that are not a token (a compound glued from two tokens).
// Both are bounded in two generations: when the young map is full it becomes the old one and a
// new one starts; an entry found in the old map moves to the young one. So frequent words
// survive a rollover (a map cleared when full would forget them all at once), and memory stays
// below two generations of entries.

import { fnv1a } from './hash-table.ts';

/** Entries per generation: together more than the vocabulary of a year of a school's comments. */
export const WORD_MEMO_SIZE = 50_000;

/** A map of at most two generations of `perGeneration` entries. */
class Generations<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  private readonly perGeneration: number;
  constructor(perGeneration: number) {
    this.perGeneration = perGeneration;
  }
  /** The value for `key`, made by `make` on a miss. */
  get(key: string, make: (key: string) => V): V {
    let v = this.young.get(key);
    if (v !== undefined) return v;
    v = this.old.get(key);
    if (v === undefined) v = make(key);
    if (this.young.size >= this.perGeneration) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, v);
    return v;
  }
}

/** `compute` memoised per string; it must not return undefined. */
export function memoByWord<V>(perGeneration: number, compute: (word: string) => V): (word: string) => V {
  const table = new Generations<V>(perGeneration);
  return (word) => table.get(word, compute);
}

/** One distinct token form: its normalised and squeezed text, and what scorers found out about it. */
export class Word {
  /**
   * Filled by `wordSlot` readers, one index per reader. Made with the classifier's four places
   * at once, so that every Word's array is of one kind and a reader's look-up stays one kind of
   * load (more readers, as in training, add places).
   */
  readonly slots: unknown[] = [undefined, undefined, undefined, undefined];
  readonly t: string;
  readonly sq: string;
  constructor(t: string, sq: string) {
    this.t = t;
    this.sq = sq;
  }
}

/**
 * One generation of interned Words, an open-addressed table keyed by the key's characters, so
 * that a token is found by reading it where it stands in the text: no substring is cut and no
 * string hashed for a word seen before (normalize.ts reads most tokens this way).
 */
class WordTable {
  readonly keys: string[];
  readonly hashes: Int32Array;
  readonly words: (Word | undefined)[];
  readonly mask: number;
  size = 0;
  constructor(slots: number) {
    this.keys = new Array<string>(slots).fill('');
    this.hashes = new Int32Array(slots);
    this.words = new Array<Word | undefined>(slots).fill(undefined);
    this.mask = slots - 1;
  }
  /** The slot holding src[from, to) (hash h), or the empty slot where it would go (~slot - 1). */
  find(src: string, from: number, to: number, h: number): number {
    const len = to - from;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      // The hashes first: sixteen slots to a cache line, and a hash of 0 marks an empty slot.
      const hs = this.hashes[slot]!;
      if (hs === 0) return ~slot;
      if (hs !== h) continue;
      const key = this.keys[slot]!;
      if (key.length !== len) continue;
      let k = 0;
      while (k < len && key.charCodeAt(k) === src.charCodeAt(from + k)) k++;
      if (k === len) return slot;
    }
  }
  put(empty: number, key: string, h: number, w: Word): void {
    this.keys[empty] = key;
    this.hashes[empty] = h;
    this.words[empty] = w;
    this.size++;
  }
}

/** The hash of src[from, to) that WordTable keys on; never 0 (an empty slot's). */
export const rangeHash = (src: string, from: number, to: number): number => fnv1a(src, from, to);

// Two generations of WORD_MEMO_SIZE Words each, as Generations; a table is at most half full.
const TABLE_SLOTS = 1 << Math.ceil(Math.log2(WORD_MEMO_SIZE * 2));
let youngWords = new WordTable(TABLE_SLOTS);
let oldWords: WordTable | null = null;

/**
 * The interned Word of the token form src[from, to) (`key` for short: what determines t and
 * sq, normalize.ts); `make` builds the Word on a miss. The same key gives the same object while
 * it stays in the memo.
 */
export function internRange(src: string, from: number, to: number, make: (key: string) => Word): Word {
  const h = rangeHash(src, from, to);
  const at = youngWords.find(src, from, to, h);
  if (at >= 0) return youngWords.words[at]!;
  let w: Word | undefined;
  let key: string | undefined;
  if (oldWords !== null) {
    const o = oldWords.find(src, from, to, h);
    if (o >= 0) {
      w = oldWords.words[o]!;
      key = oldWords.keys[o]!;
    }
  }
  key ??= src.slice(from, to);
  w ??= make(key);
  if (youngWords.size >= WORD_MEMO_SIZE) {
    oldWords = youngWords;
    youngWords = new WordTable(TABLE_SLOTS);
    youngWords.put(~youngWords.find(key, 0, key.length, h), key, h, w);
  } else {
    youngWords.put(~at, key, h, w);
  }
  return w;
}

/** internRange for a whole string. */
export function internWord(key: string, make: (key: string) => Word): Word {
  return internRange(key, 0, key.length, make);
}

// The classifier has four readers (Word.slots has their places): the model, the threat scorer
// and the offensive scorer twice. Training makes a model scorer per fold, each a reader of its
// own; their places are added to the array as they are first filled.
let slotCount = 0;

/** A fact about a word worked out once per Word (`compute` must not return undefined). */
export function wordSlot<V>(compute: (w: Word) => V): (w: Word) => V {
  const i = slotCount++;
  return (w) => {
    const slots = w.slots;
    let v = slots[i] as V | undefined;
    if (v === undefined) {
      v = compute(w);
      slots[i] = v;
    }
    return v;
  };
}
