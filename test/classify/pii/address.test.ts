import { describe, expect, it } from 'vitest';
import { values } from './helpers.ts';

describe('street addresses', () => {
  it.each([
    ['wij wonen op Vlinderpad 28-2.', 'Vlinderpad 28-2'],
    ['ophalen bij Kerkstraat 12a', 'Kerkstraat 12a'],
    ['adres: Merelstraat 133a, 4254 HK Sleeuwijk. Bel gerust', 'Merelstraat 133a, 4254 HK Sleeuwijk'],
    ['hij woont op Lange Dijk 70 lol', 'Lange Dijk 70'],
    ['naar Burgemeester de Wijslaan 111, 4209DC Dalem, de bel', 'Burgemeester de Wijslaan 111, 4209DC Dalem'],
    ['op Kastanjelaan 96-II, 4209 NH Dalem.', 'Kastanjelaan 96-II, 4209 NH Dalem'],
    ['ze woont op Watermolen 245 bis, Arkel, ga daar', 'Watermolen 245 bis, Arkel'],
    ['spullen naar Populierenweg 20, Herwijnen.', 'Populierenweg 20, Herwijnen'],
    ['op te halen aan de zwanenhof 53c', 'zwanenhof 53c'],
    ['feest op de Prinsengracht 263, Amsterdam', 'Prinsengracht 263, Amsterdam'],
    ['bij ons thuis op watermolen 101-3', 'watermolen 101-3'],
    ['De juf woont op Singel 37, echt', 'Singel 37'],
    ['spullen mogen naar meidoorn 20, Herwijnen.', 'meidoorn 20, Herwijnen'],
    ['die gast woont op meidoorn 33 4142PT Leerdam en zijn moeder rijdt', 'meidoorn 33 4142PT Leerdam'],
    ['wij wonen op Kerkstr. 12, Dalem', 'Kerkstr. 12, Dalem'],
    ['adres: Laan van Meerdervoort 12', 'Laan van Meerdervoort 12'],
    ['wie brengt zijn huiswerk naar meidoorn 4?', 'meidoorn 4'],
    ['hij woont aan de Oude Kade 14 bis', 'Oude Kade 14 bis'],
    // A street in "-ring" or "-wetering" is a street still.
    ['ik woon aan de Wetering 12', 'Wetering 12'],
    ['hij woont aan de Westring 14', 'Westring 14'],
  ])('finds %j', (text, value) => {
    expect(values(text, 'address')).toEqual([value]);
  });

  it.each([
    'Let op: de Stationsweg is vanaf 11-06-2025 afgesloten',
    'de goudsbloemstraat is dicht',
    'ik ben onderweg 5 minuten later',
    'om 8 uur op het schoolplein',
    'groep 8 gaat op kamp',
    'de Kerstmarkt 5 december',
    'rij via de Julianalaan 10 minuten om',
    'Stand: Feyenoord 2 - Ajax 1',
    'we gaan op pagina 5 verder',
    'kom je op training 2?',
    'lees het op bladzijde 14.',
    // A noun made of a verb ends in "-ring" by chance; an adjective or ordinal is no street.
    'ik ben nog bij aflevering 3. en dank aan de leerlingenraad',
    'dat staat in de verbetering 2 van de toets',
    'vraag maar aan de hele 5H. Iemand moet',
    'vraag het aan de andere 3B, die weten het',
  ])('leaves %j alone', (text) => {
    expect(values(text, 'address')).toEqual([]);
  });
});

describe('postcode with house number', () => {
  it.each([
    ['vul dan 4254cz nr 93c in', '4254cz nr 93c'],
    ['wij zitten op 3372jt, 181b, wie woont', '3372jt, 181b'],
    ['naar 4205JA-27 graag', '4205JA-27'],
    ['ophalen bij 4254 XC 5, achterom', '4254 XC 5'],
    ['het moest naar 4171CX huisnummer 18.', '4171CX huisnummer 18'],
    ['postcode 1234 AB 12', '1234 AB 12'],
    ['wij zitten op 8487en nr. 26, wie woont', '8487en nr. 26'],
    ['(4211 ZT nr. 65)', '4211 ZT nr. 65'],
  ])('finds %j', (text, value) => {
    expect(values(text, 'postcode')).toEqual([value]);
  });

  it.each([
    'hele wijk 4211 zat zonder stroom',
    'wij zitten in 4209, Dalem',
    '4201 AA Gorinchem is mooi',
    'in 2024 en 2025',
    'in 2024en 2025',
    'tussen 1500 of 2000 euro',
  ])('leaves %j alone', (text) => {
    expect(values(text, 'postcode')).toEqual([]);
    expect(values(text, 'address')).toEqual([]);
  });
});
