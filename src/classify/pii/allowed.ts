// The school's own published contacts, normalised once so that "0183 642310",
// "+31 183-642310" and "0183642310" are the same, and "Schoolstraat 1, 4201 AA Gorinchem"
// also covers "Schoolstraat 1" and "4201AA 1" written on their own.

import type { Candidate } from './context.ts';

/** Lower case without spaces, dashes, dots, commas and brackets; +31/0031 become 0. */
export function normaliseContact(value: string): string {
  let s = value.toLowerCase().replace(/[\s\-.,()/\u00a0]+/g, '');
  if (/^(?:\+|00)31/.test(s)) s = '0' + s.replace(/^(?:\+|00)31(?:0)?/, '');
  else if (/^(?:\+|00)32/.test(s)) s = '0' + s.replace(/^(?:\+|00)32(?:0)?/, '');
  return s;
}

export class AllowedSet {
  private readonly keys: Set<string>;
  constructor(values: readonly string[], recognise: (text: string) => Candidate[]) {
    this.keys = new Set();
    for (const v of values) {
      this.add(v);
      // Parts of an allowed address: the street with its number, the postcode with the town.
      for (const part of v.split(',')) this.add(part);
      // Whatever the recognisers find inside an allowed value is allowed too.
      for (const c of recognise(v)) {
        this.add(c.value);
        for (const part of c.value.split(',')) this.add(part);
      }
      // Postcode + house number form of an allowed street address.
      const pc = /([1-9]\d{3}) ?([A-Za-z]{2})\b/.exec(v);
      const nr = /\b[A-Za-z][\w'-]* (\d+[a-zA-Z]?)\b/.exec(v);
      if (pc && nr) this.add(`${pc[1]}${pc[2]}${nr[1]}`);
    }
  }
  private add(v: string): void {
    const k = normaliseContact(v);
    if (k.length >= 3) this.keys.add(k);
  }
  get size(): number {
    return this.keys.size;
  }
  has(value: string): boolean {
    if (this.keys.size === 0) return false;
    const k = normaliseContact(value);
    if (this.keys.has(k)) return true;
    // "Schoolstraat 1, 4201 AA Gorinchem" written with a different town spelling or extra
    // words after it: compare the street-and-number head.
    const comma = value.indexOf(',');
    return comma > 0 && this.keys.has(normaliseContact(value.slice(0, comma)));
  }
}
