import { describe, expect, it } from 'vitest';
import { values } from './helpers.ts';

describe('named person with a sensitive fact', () => {
  it.each([
    ['Lucas Hendriks is betrapt op spieken en krijgt een 1', 'Lucas Hendriks'],
    ['juf Wendy Boukhari zit al weken thuis met een burn-out', 'Wendy Boukhari'],
    ['De ouders van Lieke van der Linden gaan scheiden, ze woont nu bij haar oma.', 'Lieke van der Linden'],
    ['fenna dekker woont sinds de zomer in een pleeggezin', 'fenna dekker'],
    ['Wist je dat Emma Mulder diabetes heeft?', 'Emma Mulder'],
    ['Sanne Sterk had een 1,3 voor natuurkunde lol', 'Sanne Sterk'],
    ['Bij mevr. Wendy el Amrani is kanker vastgesteld.', 'Wendy el Amrani'],
    ['Sara uit 2C is drie dagen geschorst', 'Sara'],
    ['Weet iemand of juf Marieke nog lang thuis zit met haar burn-out?', 'Marieke'],
    ['Mijn dochter Amira Yilmaz is er niet. Ze heeft een epileptische aanval gehad.', 'Amira Yilmaz'],
    ['Mevrouw De Groot heeft kanker, daarom is ze er niet', 'De Groot'],
    ['meneer van der Linden is ontslagen', 'van der Linden'],
    ['Lotte heeft een 3,5 voor wiskunde, die blijft zitten', 'Lotte'],
    ['daan de boer is geschorst', 'daan de boer'],
  ])('finds %j', (text, value) => {
    expect(values(text, 'name_with_sensitive')).toEqual([value]);
  });

  it.each([
    'juf Anja was geweldig vandaag',
    'Lotte heeft een 9 voor wiskunde, knap hoor!',
    'Emma, wees lief voor je broertje',
    'Emma Mulder heeft een goede instelling',
    'Tess Meijer heeft de voorleeswedstrijd gewonnen!',
    'Groetjes, moeder van Tess',
    'mevr. Verweij is onze nieuwe mentor',
    'Inzameling voor de voedselbank: spullen naar de aula',
    'ADHD is een onderwerp op de ouderavond',
    'voorlichting op het Lyceum Oost door Bureau Halt',
  ])('leaves %j alone', (text) => {
    expect(values(text, 'name_with_sensitive')).toEqual([]);
  });

  it('gives the fact to the full name it belongs to, not to an earlier first name', () => {
    const text = 'die vader van Niels is een engerd, bel hem maar eens Finn Jacobs is geschorst omdat hij vuurwerk gooide';
    expect(values(text, 'name_with_sensitive')).toEqual(['Finn Jacobs']);
  });
});

describe('named person with whereabouts or a username', () => {
  it.each([
    ['Meester Jeroen zit nu in de kroeg op de hoek, ga hem maar vragen', 'Jeroen'],
    ['Ik zie je elke middag om 15.30 bij het hek van de school, Lotte.', 'Lotte'],
    ['Sem Bakker traint elke dinsdag om 19.00 bij de hockeyclub', 'Sem Bakker'],
    ['wie heeft de insta van Isa de Vries? is isa_devries08 denk ik', 'Isa de Vries'],
  ])('finds %j', (text, value) => {
    expect(values(text, 'name_with_sensitive')).toEqual([value]);
  });

  it.each([
    'De open dag is elke zaterdag om 10.00 bij de hoofdingang.',
    'Juf Anja staat altijd klaar voor de kinderen',
    'Volg ons op insta voor de foto’s van het kamp!',
    'Sem heeft een mooie tekening gemaakt, elke dag om 9 uur begint de les',
  ])('leaves %j alone', (text) => {
    expect(values(text, 'name_with_sensitive')).toEqual([]);
  });
});
