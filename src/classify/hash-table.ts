// Word hashes: FNV-1a over a range of a string (the word intern table, memo.ts; a new word's
// variants, offensive/lexicon.ts), and a table of 32-bit word hashes to small numbers in typed
// arrays for the scans that look up every word of a text (pii/sensitive.ts) or every variant of
// a new word.

/** FNV-1a of src[from, to), leaving out the character at `skip`; never 0 (an empty slot's). */
export function fnv1a(src: string, from: number, to: number, skip = -1): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) if (k !== skip) h = Math.imul(h ^ src.charCodeAt(k), 0x01000193);
  return h | 0 || 1;
}

/**
 * Word hashes to small numbers other than 0, in typed arrays: a look-up is a few array reads (a
 * Map or Set of numbers costs several times that, and the scans look up every word).
 */
export class HashTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  constructor(entries: ReadonlyMap<number, number>) {
    let size = 16;
    while (size < entries.size * 4) size <<= 1;
    this.keys = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    for (const [h, v] of entries) {
      if (v === 0) throw new Error('HashTable: 0 means "none"');
      let i = this.slot(h);
      while (this.values[i] !== 0 && this.keys[i] !== h) i = (i + 1) & this.mask;
      this.keys[i] = h;
      this.values[i] = v;
    }
  }
  private slot(h: number): number {
    return (h ^ (h >>> 15)) & this.mask;
  }
  /** The value for hash h; 0 when there is none. */
  get(h: number): number {
    for (let i = this.slot(h); ; i = (i + 1) & this.mask) {
      const v = this.values[i]!;
      if (v === 0 || this.keys[i] === h) return v;
    }
  }
  /** Is there a value for hash h? */
  has(h: number): boolean {
    return this.get(h) !== 0;
  }
}
