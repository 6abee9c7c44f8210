import { describe, expect, it } from 'vitest';
import { values } from './helpers.ts';

describe('IBAN', () => {
  it.each([
    ['overmaken op NL91ABNA0417164300 graag', 'NL91ABNA0417164300'],
    ['overmaken op NL91 ABNA 0417 1643 00 t.n.v. mij', 'NL91 ABNA 0417 1643 00'],
    ['rekening nl91 abna 0417 1643 00.', 'nl91 abna 0417 1643 00'],
    ['rekening nl91abna0417164300 en verder', 'nl91abna0417164300'],
    ['Belgische rekening BE68 5390 0754 7034', 'BE68 5390 0754 7034'],
    ['Duitse rekening DE89370400440532013000', 'DE89370400440532013000'],
  ])('finds %j', (text, value) => {
    expect(values(text, 'iban')).toEqual([value]);
  });

  it.each([
    'overmaken op NL91ABNA0417164301 graag',
    'overmaken op NL91 ABNA 0417 1643 01',
    'het formulier noemt NL00 BANK 0123 4567 89 als voorbeeld',
    'NL91ABNA041716430 is te kort',
  ])('does not flag the checksum failure %j', (text) => {
    expect(values(text, 'iban')).toEqual([]);
    expect(values(text, 'phone')).toEqual([]);
  });
});
