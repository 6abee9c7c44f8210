import { describe, expect, it } from 'vitest';
import { normaliseContact } from '../../../src/classify/pii/allowed.ts';
import { createPiiRecogniser } from '../../../src/classify/pii/index.ts';
import { found } from './helpers.ts';

const allowed = ['0183 642310', 'info@deregenboog.example.nl', 'Schoolstraat 1, 4201 AA Gorinchem', 'privé.juf@example.nl'];

describe('allowed contacts', () => {
  it('normalises spaces, dashes, dots, case and the country code', () => {
    expect(normaliseContact('0183 642310')).toBe('0183642310');
    expect(normaliseContact('+31 183-642310')).toBe('0183642310');
    expect(normaliseContact('0031 (0)183 64 23 10')).toBe('0183642310');
    expect(normaliseContact('Info@DeRegenboog.Example.NL')).toBe('info@deregenboogexamplenl');
  });

  it.each([
    'Bel gerust: 0183 642310',
    'Bel gerust: 0183-642310',
    'Bel gerust: 0183642310',
    'Bel gerust: +31 183 642 310',
    'Bel gerust: (0183) 64 23 10',
    'mail INFO@deregenboog.example.nl',
    'Verzamelen bij Schoolstraat 1, 4201 AA Gorinchem',
    'Verzamelen bij schoolstraat 1, 4201AA GORINCHEM',
    'Verzamelen bij Schoolstraat 1 om negen uur',
    'mail Privé.Juf@example.nl',
  ])('never flags the school contact in %j', (text) => {
    expect(found(text, { allowed })).toEqual([]);
    expect(createPiiRecogniser({ allowed })(text).score).toBe(0);
  });

  it('still flags other contacts next to an allowed one', () => {
    const text = 'Bel 0183 642310 of mij op 06-12345678, ik woon op Schoolstraat 14.';
    expect(found(text, { allowed })).toEqual([
      ['phone', '06-12345678'],
      ['address', 'Schoolstraat 14'],
    ]);
  });

  it('without an allowed list, the same contacts are flagged', () => {
    expect(found('Bel gerust: 0183 642310')).toEqual([['phone', '0183 642310']]);
  });
});
