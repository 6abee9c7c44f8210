import { describe, expect, it } from 'vitest';
import { internRange, internWord, Word, WORD_MEMO_SIZE, wordSlot } from '../../src/classify/memo.ts';
import { normalize } from '../../src/classify/normalize.ts';

const make = (key: string) => new Word(key, key);

describe('interned words', () => {
  it('gives the same Word for the same form, read in place or whole', () => {
    const a = internRange('een kat en een hond', 4, 7, make);
    const b = internWord('kat', make);
    const c = internRange('katten', 0, 3, make);
    expect(a.t).toBe('kat');
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(internRange('katten', 0, 6, make)).not.toBe(a);
  });

  it('keeps one Word per form across texts, through normalize', () => {
    const [x] = normalize('Schooltje dicht').tokens;
    const [, y] = normalize('ons schooltje').tokens;
    expect(x!.w).toBe(y!.w);
    expect(x!.w.t).toBe('schooltje');
  });

  it('never confuses forms, and keeps frequent ones through a change of generation', () => {
    const frequent = internWord('frequent', make);
    const seen = new Map<string, Word>();
    // Three generations' worth of distinct forms: every probe chain and both rollovers are walked.
    for (let i = 0; i < WORD_MEMO_SIZE * 3; i++) {
      const key = `w${i.toString(36)}`;
      const w = internRange(`<${key}>`, 1, key.length + 1, make);
      expect(w.t).toBe(key);
      if (i % 997 === 0) seen.set(key, w);
      expect(internWord('frequent', make)).toBe(frequent);
    }
    // Forms from the last generation are still the same objects.
    for (const [key, w] of seen) if (Number.parseInt(key.slice(1), 36) >= WORD_MEMO_SIZE * 2) expect(internWord(key, make)).toBe(w);
  });

  it('keeps a slot fact per Word, computed once', () => {
    let calls = 0;
    const len = wordSlot((w) => (calls++, w.t.length));
    const w = internWord('lengte', make);
    expect(len(w)).toBe(6);
    expect(len(w)).toBe(6);
    expect(calls).toBe(1);
  });

  it('gives every reader its own slot, however many there are (training makes one per fold)', () => {
    const readers = Array.from({ length: 12 }, (_, r) => wordSlot((w) => `${r}:${w.t}`));
    const w = internWord('vak', make);
    readers.forEach((read, r) => expect(read(w)).toBe(`${r}:vak`));
    readers.forEach((read, r) => expect(read(w)).toBe(`${r}:vak`));
  });
});
