import { describe, expect, it } from 'vitest';
import { values } from './helpers.ts';

describe('e-mail addresses', () => {
  it.each([
    ['mail naar jan.jansen@example.nl, graag', 'jan.jansen@example.nl'],
    ['Mail: Karin.deBoer86@webmail.example.org.', 'Karin.deBoer86@webmail.example.org'],
    ['via petra_linden+school@gezinspost.example.nl!', 'petra_linden+school@gezinspost.example.nl'],
    ['mail me: rick.hermans [at] example [punt] nl', 'rick.hermans [at] example [punt] nl'],
    // Letters with diacritics in the local part.
    ['haar privémail is andré.privé@example.nl', 'andré.privé@example.nl'],
  ])('finds %j', (text, value) => {
    expect(values(text, 'email')).toEqual([value]);
  });

  it.each(['volg ons op @deregenboog', 'info@ zonder domein', 'mail naar info@school.example.nl', 'het kost 3 @ 5 euro'])('leaves %j alone', (text) => {
    expect(values(text, 'email')).toEqual([]);
  });
});
