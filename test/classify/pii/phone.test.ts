import { describe, expect, it } from 'vitest';
import { values } from './helpers.ts';

describe('phone numbers', () => {
  it.each([
    ['bel me op 06-12345678', '06-12345678'],
    ['app naar 06 12 34 56 78 graag', '06 12 34 56 78'],
    ['mijn nummer: 0612345678.', '0612345678'],
    ['tel. +31 6 12345678', '+31 6 12345678'],
    ['bel 0031 6 12345678', '0031 6 12345678'],
    ['bereikbaar op +31 (0)6 12345678', '+31 (0)6 12345678'],
    ['bel +31(0)6-12345678!', '+31(0)6-12345678'],
    ['vast nummer 010-1234567', '010-1234567'],
    ['vast nummer 0101234567', '0101234567'],
    ['bel (010) 123 45 67 na vieren', '(010) 123 45 67'],
    ['bel (06) 14072483', '(06) 14072483'],
    ['nummer 06.19.48.19.18', '06.19.48.19.18'],
    ['ons nummer is 0183 642310', '0183 642310'],
    ['Belgische gsm +32 470 12 34 56', '+32 470 12 34 56'],
    ['bel 0470 12 34 56 in Antwerpen', '0470 12 34 56'],
    ['bel oma in Duitsland: +49 30 12345678', '+49 30 12345678'],
    ['UK: +44 20 7946 0958', '+44 20 7946 0958'],
    ['bel 0031-6-12345678', '0031-6-12345678'],
    ['tel: 06–12345678', '06–12345678'],
  ])('finds %j', (text, value) => {
    expect(values(text, 'phone')).toEqual([value]);
  });

  it('finds a number spelled out digit by digit, or spelled first and then in digits', () => {
    expect(values('app me: nul zes, een twee, vier vier, negen acht, drie een', 'phone')).toHaveLength(1);
    expect(values('mijn nummer is nul zes 31 77 20 48, app maar', 'phone')).toEqual(['nul zes 31 77 20 48']);
    expect(values('nul zes twaalf is geen nummer, nul procent kans', 'phone')).toEqual([]);
  });

  it('finds a Belgian landline in national form after a phone word, and no BSN-like group without one', () => {
    expect(values('of bel ons op 014 52 18 90 na zes uur', 'phone')).toEqual(['014 52 18 90']);
    expect(values('bel 02 512 44 18', 'phone')).toEqual(['02 512 44 18']);
    expect(values('de code is 014 52 18 90', 'phone')).toEqual([]);
  });

  it.each([
    'de trein gaat om 06:12 uur',
    'score 06-12 voor groep 8',
    'artikelnummer 0645367 is de gymtas',
    'klantnummer 463724632',
    'ouderavond op 01-12-2025 om 19.30',
    'het kost € 12,50 per kind',
    'in 2025 waren er 1234 leerlingen',
    'te kort: 06-1234567',
    'score +5 punten',
    'ongeldig: +3 1234 5678',
    'dat nummer klopt niet: NL50 RBRB 0831 8730 45',
  ])('leaves %j alone', (text) => {
    expect(values(text, 'phone')).toEqual([]);
  });

  it('lowers a number after a reference-number word below the threshold', () => {
    expect(values('bestelling 0612345678 is verzonden', 'phone')).toEqual([]);
    // "nr." is the reference number's own; a word for calling still makes it a phone.
    expect(values('Bestelling schooltruien nr. 06-2025-4417 is onderweg', 'phone')).toEqual([]);
    expect(values('Bestelnummer 12345, bel me op 06-20254417', 'phone')).toEqual(['06-20254417']);
  });

  it('does not report service numbers', () => {
    expect(values('bel gratis 0800-1234567', 'phone')).toEqual([]);
    expect(values('telefoonnummer van de GGD: 088 - 368 6800', 'phone')).toEqual([]);
  });
});
