import { describe, expect, it } from 'vitest';
import { MASK, maskText, maskValue, tiedNames } from '../../src/alerts/mask.ts';
import type { PiiType } from '../../src/classify/types.ts';

describe('maskValue', () => {
  it.each([
    ['phone', '06-12345678', '06-••••••78'],
    ['phone', '+31 6 1234 5678', '+31 • •••• ••78'],
    ['email', 'sanne.devries@example.nl', 's••••.•••••••@example.nl'],
    ['iban', 'NL91 ABNA 0417 1643 00', 'NL•• •••• •••• •••• 00'],
    ['bsn', '999999990', '•••••••••'],
    ['date_of_birth', '12-03-2011', '••-••-••••'],
    ['licence_plate', 'AB-123-C', '••-•••-•'],
    ['address', 'Kerkstraat 12', 'K••••••••• ••'],
    ['postcode', '1234 AB', '1••• ••'],
  ] as const)('%s %s → %s', (type, value, masked) => {
    expect(maskValue(value, type)).toBe(masked);
  });

  it('masks a value too short to keep anything of entirely', () => {
    expect(maskValue('0612', 'phone')).toBe('••••');
  });
});

describe('maskText', () => {
  const text = 'Bel 06-12345678 of mail sanne@example.nl, woont Kerkstraat 12.';
  const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as const;

  it('masks each entity span and keeps everything else and the length', () => {
    const [ps, pe] = at('06-12345678');
    const [es, ee] = at('sanne@example.nl');
    const masked = maskText(text, [
      { type: 'email', start: es, end: ee },
      { type: 'phone', start: ps, end: pe },
    ]);
    expect(masked).toBe('Bel 06-••••••78 of mail s••••@example.nl, woont Kerkstraat 12.');
    expect(masked).toHaveLength(text.length);
    expect(masked).not.toContain('12345678');
  });

  it('masks overlapping spans entirely and clips offsets that run past the text', () => {
    const [as, ae] = at('Kerkstraat 12');
    const masked = maskText(text, [
      { type: 'address', start: as, end: ae },
      { type: 'postcode', start: as + 5, end: ae + 50 },
    ]);
    expect(masked).toBe(`Bel 06-12345678 of mail sanne@example.nl, woont ${MASK.repeat(10)} ${MASK.repeat(2)}.`);
  });

  it('returns the text unchanged without entities', () => {
    expect(maskText(text, [])).toBe(text);
  });
});

describe('names tied to a masked value', () => {
  /** Mask `text` with one entity per [value, type]; also give the names found. */
  function mask(text: string, ...values: [string, PiiType][]) {
    const entities = values.map(([v, type]) => {
      const start = text.indexOf(v);
      if (start < 0) throw new Error(`${v} not in ${text}`);
      return { type, start, end: start + v.length };
    });
    const masked = maskText(text, entities);
    expect(masked).toHaveLength(text.length);
    return { masked, names: tiedNames(text, entities).map((n) => text.slice(n.start, n.end)) };
  }

  it.each([
    // What it is, then whose.
    ['het nummer van meneer Jansen is 06-12345678', '06-12345678', 'phone', 'het nummer van meneer J••••• is 06-••••••78'],
    [
      'Het rekeningnummer van mevrouw De Groot: NL91ABNA0417164300',
      'NL91ABNA0417164300',
      'iban',
      'Het rekeningnummer van mevrouw De G••••: NL••••••••••••••00',
    ],
    ['adres van Sanne de Vries is gewoon Kerkstraat 12', 'Kerkstraat 12', 'address', 'adres van S•••• de V•••• is gewoon K••••••••• ••'],
    // The name, then the value.
    ['Jansen: 06-12345678', '06-12345678', 'phone', 'J•••••: 06-••••••78'],
    ['Petra de Vries - 06-12345678', '06-12345678', 'phone', 'P•••• de V•••• - 06-••••••78'],
    ['Jansens adres is Kerkstraat 12', 'Kerkstraat 12', 'address', 'J•••••• adres is K••••••••• ••'],
    ["Sanne d'r mailadres: sanne@example.nl", 'sanne@example.nl', 'email', "S•••• d'r mailadres: s••••@example.nl"],
    ['Lisa heeft BSN 111222333', '111222333', 'bsn', 'L••• heeft BSN •••••••••'],
    ['Sanne woont op Kerkstraat 12', 'Kerkstraat 12', 'address', 'S•••• woont op K••••••••• ••'],
    ['Jansen is bereikbaar op 06-12345678', '06-12345678', 'phone', 'J••••• is bereikbaar op 06-••••••78'],
    // A verb of contact.
    ['mail juf Petra op petra@example.nl', 'petra@example.nl', 'email', 'mail juf P•••• op p••••@example.nl'],
    ['Bel Sanne maar op 06-12345678', '06-12345678', 'phone', 'Bel S•••• maar op 06-••••••78'],
    ['stuur Kees een appje op 06-12345678', '06-12345678', 'phone', 'stuur K••• een appje op 06-••••••78'],
    // The value, then whose.
    ['06-12345678 is van Noor', '06-12345678', 'phone', '06-••••••78 is van N•••'],
    ['Kerkstraat 12 (van meester Bram)', 'Kerkstraat 12', 'address', 'K••••••••• •• (van meester B•••)'],
    ['bel 06-12345678 (Noor)', '06-12345678', 'phone', 'bel 06-••••••78 (N•••)'],
  ] as const)('%s', (text, value, type, expected) => {
    expect(mask(text, [value, type]).masked).toBe(expected);
  });

  it('masks the name wherever else it occurs, possessive forms included', () => {
    const { masked } = mask('Het nummer van meneer Jansen is 06-12345678. Jansen zegt dat Jansens buren het weten.', ['06-12345678', 'phone']);
    expect(masked).toBe('Het nummer van meneer J••••• is 06-••••••78. J••••• zegt dat J•••••• buren het weten.');
  });

  it('ties a name to a list of values', () => {
    const { masked } = mask('Jansen: 06-12345678 of 06-87654321', ['06-12345678', 'phone'], ['06-87654321', 'phone']);
    expect(masked).toBe('J•••••: 06-••••••78 of 06-••••••21');
  });

  it.each([
    ['Tel: 06-12345678', '06-12345678', 'phone'],
    ['Mijn nummer is 06-12345678', '06-12345678', 'phone'],
    ['Hoi allemaal! Bel gerust 06-12345678', '06-12345678', 'phone'],
    ['In Utrecht, Kerkstraat 12 is een feest', 'Kerkstraat 12', 'address'],
    ['Sanne is lief. Bel 06-12345678', '06-12345678', 'phone'],
    ['Adres: Kerkstraat 12', 'Kerkstraat 12', 'address'],
  ] as const)('leaves words that are no name alone: %s', (text, value, type) => {
    expect(mask(text, [value, type]).names).toEqual([]);
  });

  it('leaves a name that is masked already to its own entity', () => {
    const text = 'Sanne de Vries heeft adhd, haar nummer van Sanne de Vries is 06-12345678';
    const masked = maskText(text, [
      { type: 'name_with_sensitive', start: 0, end: 14 },
      { type: 'phone', start: text.indexOf('06-'), end: text.indexOf('06-') + 11 },
    ]);
    expect(masked).toBe('S•••• •• ••••• heeft adhd, haar nummer van S•••• de V•••• is 06-••••••78');
  });

  it('never shows a BSN or IBAN in full, and stays quick on long texts', () => {
    const text = `${'Lisa heeft BSN 111222333 en rekening NL91ABNA0417164300. '.repeat(400)}`;
    const entities = [...text.matchAll(/111222333|NL91ABNA0417164300/g)].map((m) => ({
      type: m[0].startsWith('NL') ? ('iban' as const) : ('bsn' as const),
      start: m.index,
      end: m.index + m[0].length,
    }));
    const started = performance.now();
    const masked = maskText(text, entities);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(masked).not.toMatch(/111222333|ABNA0417164300|Lisa/);
    expect(masked).toHaveLength(text.length);
  });
});

describe('every mention of a named person', () => {
  it('masks the later mentions of a person reported once, and leaves titles and other words', () => {
    const text = 'Bij Meneer Okafor is longkanker vastgesteld. Meneer Okafor komt dit jaar niet terug, zegt Meneer Vos.';
    const start = text.indexOf('Okafor');
    const masked = maskText(text, [{ type: 'name_with_sensitive', start, end: start + 'Okafor'.length }]);
    expect(masked).not.toContain('Okafor');
    expect(masked.match(/Meneer/g)).toHaveLength(3);
    expect(masked).toContain('Meneer Vos');
    expect(masked).toHaveLength(text.length);
  });
});
