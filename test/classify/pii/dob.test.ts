import { describe, expect, it } from 'vitest';
import { values } from './helpers.ts';

describe('date of birth', () => {
  it.each([
    ['Lieke is geboren op 18-07-2020 en', '18-07-2020'],
    ['Nina, geb. 25-4-2020, komt in groep 3', '25-4-2020'],
    ['geboortedatum 16 april 2011 en dan', '16 april 2011'],
    ['Onze zoon is op 28 dec. 2010 geboren', '28 dec. 2010'],
    ['julian (geboren 11.02.2011) zoekt', '11.02.2011'],
    ['geb.datum 2 okt. 2019, maar', '2 okt. 2019'],
    ['hij is geboren op 2011-03-15', '2011-03-15'],
    ['Geboortedatum voor de schoolfotograaf: 5 aug 2020.', '5 aug 2020'],
    ['geb. 23/11/2017', '23/11/2017'],
    ['Onze Sem is jarig op 3 april 2015, hij wordt 11!', '3 april 2015'],
    ['Sem geb. 12-03-14', '12-03-14'],
    ['Noah ° 12/03/2014 te Gent', '12/03/2014'],
    ['de geboortedatum van onze jongste, Daan: 12-03-2014', '12-03-2014'],
    ['12-03-2014 is onze Daan geboren', '12-03-2014'],
    ['14-9-2012 is de geboortedatum van Jesse, dus hij mag mee', '14-9-2012'],
    ['Lotte Bakker: 5-7-2013', '5-7-2013'],
    ['op de lijst staat ook Sem (12-03-2014)', '12-03-2014'],
    // An age told just before the date.
    ['Gefeliciteerd Fenna, 12 jaar! 3 mei 2014 lijkt gisteren', '3 mei 2014'],
    // A birthday's wishes, with their exclamation marks.
    ['Happy bday Sven!! 14-11-2012, wat word je groot', '14-11-2012'],
    ['Hiep hiep hoera, onze Lotte! 🎉 2 maart 2016 kwam ze', '2 maart 2016'],
    ['🎂 voor Daan, 30-01-2013', '30-01-2013'],
    // "geboren" further on in the sentence.
    ['Op 9 mei 2015 om half drie in de nacht is onze Bram geboren', '9 mei 2015'],
    // A full name and a comma.
    ['Voor de inschrijving: Lieke Verbeek, 17-08-2014, groep 5', '17-08-2014'],
  ])('finds %j', (text, value) => {
    expect(values(text, 'date_of_birth')).toEqual([value]);
  });

  it.each([
    'Ouderavond op 2 februari 2026, vergeet je niet',
    'Rapporten gaan mee op 25-04-2025',
    'de musical is verplaatst naar 14.10.2026',
    'in 2011 bestond de school 50 jaar',
    'inschrijven kan tot 04-04-2025',
    'Onze dochter is geboren! Kraamfeest op 12-03-2026',
    `Verjaardag van Jayden op 12-05-${new Date().getFullYear()}, vanaf 14 uur`,
    'Juf Anja (12-03-2019 in dienst) gaat met pensioen',
    'Maandag 12-03-2019 begint de toetsweek',
    `Ouderavond (12-03-${new Date().getFullYear()})`,
    // A dateline: a place and a comma.
    'Utrecht, 14 maart 2019. Geachte ouders, de school',
    'Gefeliciteerd met het diploma! Inschrijven vóór 12-06-2026',
    'Op 3 mei 2019 is de nieuwe vleugel geopend, met taart',
    // Who may take part: a bound of birth dates, no one's date.
    'Meedoen mogen kinderen die geboren zijn tussen 1 oktober 2011 en 30 september 2015.',
    'Alleen leerlingen geboren na 1 januari 2014 mogen meedoen',
  ])('leaves the event date in %j alone', (text) => {
    expect(values(text, 'date_of_birth')).toEqual([]);
  });

  it('finds the last date of a list before an emoji', () => {
    expect(values('Jarig deze maand: Noor 04-05-2016, Sem 11-05-2016 en Ravi 28-05-2015 🎉', 'date_of_birth')).toEqual([
      '04-05-2016',
      '11-05-2016',
      '28-05-2015',
    ]);
  });

  it('finds the dates after names with letters beyond Latin-1 (Turkish, Polish)', () => {
    expect(values('Jarig in mei: Ayşe Yıldırım (03-05-2016), Michał Nowak 14-05-2016 en Şükrü Çelik – 27 mei 2015.', 'date_of_birth')).toEqual([
      '03-05-2016',
      '14-05-2016',
      '27 mei 2015',
    ]);
  });

  it('finds every date of a list of pupils with their class and date in brackets', () => {
    expect(values('Voor de bus: Iris de Vos (groep 6, 08-09-2015), Bram Kok (6b, 21-01-2016) en Lina Aziz (6a, 30-06-2015).', 'date_of_birth')).toEqual([
      '08-09-2015',
      '21-01-2016',
      '30-06-2015',
    ]);
  });

  it("finds the further dates of a birth date's sentence, after the names they belong to", () => {
    expect(values('Sven Smit is geboren op 4 juni 2016, Jet de Boer op 12 juli 2016 en Ali Koç op 1 mei 2015 (de oudste).', 'date_of_birth')).toEqual([
      '4 juni 2016',
      '12 juli 2016',
      '1 mei 2015',
    ]);
    // Not past the sentence's end, nor without a name between.
    expect(values('Tim is geboren op 4 juni 2016. De school opende op 12 juli 2016.', 'date_of_birth')).toEqual(['4 juni 2016']);
  });

  it('finds every date of a list of names with their dates', () => {
    expect(values('Daan 12-03-2014, Fleur 03-04-2014, Mats 21-11-2013', 'date_of_birth')).toEqual(['12-03-2014', '03-04-2014', '21-11-2013']);
  });
});
