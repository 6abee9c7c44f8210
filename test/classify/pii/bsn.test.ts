import { describe, expect, it } from 'vitest';
import { isValidBsn } from '../../../src/classify/pii/bsn.ts';
import { createPiiRecogniser } from '../../../src/classify/pii/index.ts';
import { values } from './helpers.ts';

describe('BSN', () => {
  it('implements the 11-proof', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('111222334')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
  });

  it.each([
    ['BSN 111222333', '111222333'],
    ['zijn bsn is 1112.22.333, staat op de zorgpas', '1112.22.333'],
    ['burgerservicenummer: 111 222 333', '111 222 333'],
    ['BSN 123.456.782.', '123.456.782'],
    ['bsn 111-222-333', '111-222-333'],
  ])('finds %j', (text, value) => {
    expect(values(text, 'bsn')).toEqual([value]);
  });

  it.each(['BSN 123456789', 'bsn 1112.22.334', 'bsn: 111 222 334', 'BSN 12345678'])('does not flag the invalid %j', (text) => {
    expect(values(text, 'bsn')).toEqual([]);
  });

  it('context words raise and lower the confidence', () => {
    const pii = createPiiRecogniser();
    const withBsn = pii('het bsn van mijn zoon is 111222333').entities[0]?.score ?? 0;
    const bare = pii('het is 111222333').entities[0]?.score ?? 0;
    expect(withBsn).toBeGreaterThan(bare);
    expect(values('klantnummer 111222333', 'bsn')).toEqual([]);
    expect(values('bestelling 111222333 is onderweg', 'bsn')).toEqual([]);
    expect(values('leerlingnummer 111222333 staat op je pas', 'bsn')).toEqual([]);
  });
});
