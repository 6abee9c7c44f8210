import { describe, expect, it } from 'vitest';
import { MASK, maskText, maskValue } from '../../src/alerts/mask.ts';

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
