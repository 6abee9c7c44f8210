// Word-level memos for the scorers: words repeat (Zipf), and a compound, misspelling or trigger
// check costs far more than a look-up. Two kinds:
// - a `Word`: the record normalize.ts gives every token, one per distinct token form, interned
//   so that the same form in any text is the same object. Scorers keep what they work out about
//   a word in its slots (`wordSlot`), so a word costs one map look-up per token, in normalize,
//   however many scorers read it;
// - `memoByWord` for strings that are not a token (a compound glued from two tokens).
// Both are bounded in two generations: when the young map is full it becomes the old one and a
// new one starts; an entry found in the old map moves to the young one. So frequent words
// survive a rollover (a map cleared when full would forget them all at once), and memory stays
// below two generations of entries.

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
  /** Filled by `wordSlot` readers, one index per reader; made at the first read. */
  slots: unknown[] | null = null;
  readonly t: string;
  readonly sq: string;
  constructor(t: string, sq: string) {
    this.t = t;
    this.sq = sq;
  }
}

const WORDS = new Generations<Word>(WORD_MEMO_SIZE);

/**
 * The interned Word of a token form: `key` is what determines t and sq (normalize.ts), `make`
 * builds the Word on a miss. The same key gives the same object while it stays in the memo.
 */
export function internWord(key: string, make: (key: string) => Word): Word {
  return WORDS.get(key, make);
}

let slotCount = 0;

/** A fact about a word worked out once per Word (`compute` must not return undefined). */
export function wordSlot<V>(compute: (w: Word) => V): (w: Word) => V {
  const i = slotCount++;
  return (w) => {
    const slots = (w.slots ??= []);
    let v = slots[i] as V | undefined;
    if (v === undefined) {
      v = compute(w);
      slots[i] = v;
    }
    return v;
  };
}
