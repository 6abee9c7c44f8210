import { describe, expect, it } from 'vitest';
import { values } from './helpers.ts';

describe('licence plates', () => {
  it.each([
    ['kenteken 31-LF-46 heeft', '31-LF-46'], // 3
    ['die auto BL-LD-97 weer', 'BL-LD-97'], // 5
    ['die bus 97-BL-HT rijdt', '97-BL-HT'], // 6
    ['zijn moeder rijdt 8FDH86, succes', '8FDH86'], // 8 compact
    ['Audi, X-342-PT, let op', 'X-342-PT'], // 10
    ['auto NLG-94-V op de stoep', 'NLG-94-V'], // 11
    ['zwarte Audi, LZ-449-Z, let', 'LZ-449-Z'], // 9
    ['weer die auto 0-JV-790 op', '0-JV-790'], // 13
    ['die bus 126-KJ-8 rijdt', '126-KJ-8'], // 14
    ['kenteken 52-RFK-6 haha', '52-RFK-6'], // 7
    ['auto 6-vk-382 van de juf', '6-vk-382'], // 8 lower case
    ['in de rode Polo (TZP 19 B), verzamelen', 'TZP 19 B'], // 11 spaced
    ['zijn moeder rijdt gg 166 f, succes', 'gg 166 f'], // 9 spaced
    ['kenteken van die witte bus: 12-ABC-3', '12-ABC-3'], // vowels, with dashes and car words
    ["auto van de gymleraar staat weer op de stoep, 54 XJ 87, foto's heb ik", '54 XJ 87'], // the car word opens the clause
  ])('finds %j', (text, value) => {
    expect(values(text, 'licence_plate')).toEqual([value]);
  });

  it.each([
    'groep 3B en 2V gaan samen',
    // A code named as one.
    'Cursuscode NL-204-B voor de bijscholing van het team staat in de mail',
    'Ordernummer: GH-12-34 graag vermelden',
    'klas H5C heeft vrij',
    'factuur INV250789 van het schoolreisje',
    'bestelling ORD-37217 is binnen',
    'bestelling 2026-04424 komt morgen',
    'het werd 22-21 voor ons team',
    'postcode 4254 HK Sleeuwijk',
    'code AB12CD zonder context',
    'groep ABC-12-D doet mee',
  ])('leaves %j alone', (text) => {
    expect(values(text, 'licence_plate')).toEqual([]);
  });
});
