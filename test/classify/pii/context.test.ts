import { describe, expect, it } from 'vitest';
import { createPiiRecogniser } from '../../../src/classify/pii/index.ts';

const pii = createPiiRecogniser();
const scoreOf = (text: string, type: string) => pii(text).entities.find((e) => e.type === type)?.score ?? 0;

describe('context words', () => {
  it('raise a phone number after "bel"', () => {
    expect(scoreOf('bel 010-1234567', 'phone')).toBeGreaterThan(scoreOf('zie 010-1234567', 'phone'));
  });

  it('lower a phone-shaped number after "artikelnummer" below the threshold', () => {
    expect(scoreOf('artikelnummer 0101234567', 'phone')).toBe(0);
  });

  it('lower only within the same sentence', () => {
    expect(scoreOf('Mijn ordernummer voor de schooltas is 111222333', 'bsn')).toBe(0);
    expect(scoreOf('Klantnummer 12345 werkt niet. Mijn nummer is 0612345678', 'phone')).toBeGreaterThan(0.5);
  });

  it('make a compact plate count only next to car words', () => {
    expect(scoreOf('code 8FDH86 invullen', 'licence_plate')).toBe(0);
    expect(scoreOf('zijn auto 8FDH86 stond er weer', 'licence_plate')).toBeGreaterThan(0.5);
  });

  it('raise a street address after "woont op"', () => {
    expect(scoreOf('hij woont op Kerkstraat 12', 'address')).toBeGreaterThan(scoreOf('Kerkstraat 12', 'address'));
  });

  it('make a date a date of birth only with birth context', () => {
    expect(scoreOf('ouderavond 12-03-2015', 'date_of_birth')).toBe(0);
    expect(scoreOf('geboren 12-03-2015', 'date_of_birth')).toBeGreaterThan(0.5);
  });
});
