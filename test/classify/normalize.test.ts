import { describe, expect, it } from 'vitest';
import { normalize, spanOfSeq } from '../../src/classify/normalize.ts';

const forms = (text: string) => normalize(text).tokens.map((t) => t.t);

describe('normalize', () => {
  it('lower-cases and folds diacritics without changing length', () => {
    const d = normalize('Hé, Café ÉÉN İstanbul');
    expect(d.lower.length).toBe(d.text.length);
    expect(forms('Hé, Café ÉÉN')).toEqual(['he', 'cafe', 'een']);
  });

  it('maps leetspeak inside words but leaves numbers alone', () => {
    expect(forms('k4nk3r school')).toEqual(['kanker', 'school']);
    expect(forms('T3RING')).toEqual(['tering']);
    expect(forms('wat een k@nkerleraar')).toEqual(['wat', 'een', 'kankerleraar']);
    expect(forms('bel 06-12345678 om 10:30')).toEqual(['bel', '06', '12345678', 'om', '10', '30']);
    expect(normalize('k4nk3r').lower).toBe('kanker');
  });

  it('keeps e-mail addresses, handles, hashtags and urls as single tokens', () => {
    const d = normalize('mail jan@school.nl of @blauwevos07 #kutschool https://x.nl/a');
    expect(d.tokens.map((t) => t.kind)).toEqual(['word', 'email', 'word', 'handle', 'hashtag', 'url']);
    expect(d.tokens[4]!.t).toBe('kutschool');
  });

  it('cuts repeated letters: consonants to one, vowels to two', () => {
    expect(forms('kankerrrr klerrrrrrre dooooood saaaai')).toEqual(['kanker', 'klere', 'dood', 'saai']);
    expect(normalize('dood').tokens[0]!.sq).toBe('dod');
  });

  it('joins letters spaced or dotted out, and keeps offsets of the whole run', () => {
    const text = 'die is een k.u.t.w.i.j.f en t y f u s lijer';
    const d = normalize(text);
    expect(d.seq).toBe('die is een kutwijf en tyfus lijer');
    const kut = d.tokens[3]!;
    expect(text.slice(kut.s, kut.e)).toBe('k.u.t.w.i.j.f');
    // a lone single letter, or two, are not a spaced-out word
    expect(forms('zie u zo')).toEqual(['zie', 'u', 'zo']);
    expect(forms('a b zo')).toEqual(['a', 'b', 'zo']);
    // mixed separators are not one word either
    expect(forms('k.a n')).toEqual(['k', 'a', 'n']);
  });

  it('turns meaningful emoji into words', () => {
    expect(normalize('ik 🔪 je 💣🔫').seq).toBe('ik mes je bom pistool');
  });

  it('maps a match in seq back to original offsets', () => {
    const text = 'Ik   maak je AF!!';
    const d = normalize(text);
    const m = /maak je af/.exec(d.seq)!;
    const span = spanOfSeq(d, m.index, m.index + m[0].length);
    expect(text.slice(span.start, span.end)).toBe('maak je AF');
  });

  it('reads a typographic apostrophe inside a word as the plain one, and keeps quotes as they are', () => {
    expect(forms('zo’n gymzaal, m’n foto’s')).toEqual(["zo'n", 'gymzaal', "m'n", "foto's"]);
    const d = normalize('hij zei ‘kom’ en ging');
    expect(d.lower.length).toBe(d.text.length);
    expect(d.lower).toContain('‘kom’');
  });

  it('handles empty and symbol-only text', () => {
    expect(normalize('').tokens).toEqual([]);
    expect(normalize('!!! ...').seq).toBe('');
  });
});

describe('word records', () => {
  it('gives the same form in two texts the same interned record', () => {
    const a = normalize('Die KANKER school').tokens;
    const b = normalize('kanker, zei hij').tokens;
    expect(a[1]!.t).toBe('kanker');
    expect(a[1]!.w).toBe(b[0]!.w);
    expect(a[1]!.w.t).toBe(a[1]!.t);
    expect(a[1]!.w.sq).toBe(a[1]!.sq);
  });
  it('reads the same tokens without interning, each with a record of its own', () => {
    const text = '@jaaap k a n k e r #KutSchool 🔪 2024 https://x.nl jan@school.nl d00d';
    const interned = normalize(text).tokens;
    const fresh = normalize(text, { intern: false }).tokens;
    expect(fresh.map((t) => [t.t, t.sq, t.kind, t.s, t.e])).toEqual(interned.map((t) => [t.t, t.sq, t.kind, t.s, t.e]));
    for (let k = 0; k < fresh.length; k++) {
      expect(fresh[k]!.w).not.toBe(interned[k]!.w);
      expect([fresh[k]!.w.t, fresh[k]!.w.sq]).toEqual([fresh[k]!.t, fresh[k]!.sq]);
    }
    expect(normalize(text, { intern: false }).tokens[0]!.w).not.toBe(fresh[0]!.w);
  });
});
