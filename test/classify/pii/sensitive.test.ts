import { describe, expect, it } from 'vitest';
import { values } from './helpers.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { factFamilies, personNames, SENSITIVE_FAMILIES, sensitiveHits } from '../../../src/classify/pii/sensitive.ts';

/** Each text names no one with a sensitive fact. */
function noOneIn(title: string, texts: readonly string[]): void {
  it.each(texts)(title, (text) => {
    expect(values(text, 'name_with_sensitive')).toEqual([]);
  });
}

describe('named person with a sensitive fact', () => {
  it.each([
    ['Lucas Hendriks is betrapt op spieken en krijgt een 1', 'Lucas Hendriks'],
    // A word or two between the verb and "zitten"; a Flemish sanction; a record with the police.
    ['Daan blijft weer zitten, derde keer in de 2e', 'Daan'],
    ['lmao daan blijft dit jaar zitten', 'daan'],
    ['Ons Jens heeft een tuchtmaatregel gekregen en mag drie dagen niet naar de les komen', 'Jens'],
    ['het is Dylan Verschuren uit de Vogelwijk, hij is al vaker met de politie in aanraking geweest', 'Dylan Verschuren'],
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
    ['Yusuf uit groep 4 heeft een pinda-allergie, geen nootjes bij het trakteren aub', 'Yusuf'],
    ['Mijn zoon Thijs ligt ziek op bed, hij is er morgen niet', 'Thijs'],
    ['Vince en zijn moeder slapen al weken in de auto bij het station', 'Vince'],
    // A test that came back positive, a sickbed; learning support in other words than "RT".
    ['Mevrouw Visser is positief getest, dus de lessen vallen uit', 'Visser'],
    ['Onze collega Marja de Lange is na een kort ziekbed weer aan het werk', 'Marja de Lange'],
    ['Noor krijgt speciale zorg op school', 'Noor'],
    ['Liam heeft een begeleider in de klas omdat hij zo snel afgeleid is', 'Liam'],
    // A word that only opens the sentence leaves the name its subject.
    ['Let op, Jens mag niet door zijn vader worden opgehaald, de ouders liggen in een vechtscheiding.', 'Jens'],
    // Bed-wetting told verb first, prison in slang, a stop named without an article.
    ['Joris plaste vannacht weer in zijn bed op kamp', 'Joris'],
    ['wist je dat de vader van Niels al een jaar in de bajes zit', 'Niels'],
    ['Lisa wacht elke ochtend om 7.45 bij bushalte Kerkplein', 'Lisa'],
    ['Ryan uit 2b is geschorst', 'Ryan'],
    // The possessive s before kin: the name is the person's.
    ['Daans moeder zit toch in de gevangenis?', 'Daan'],
    ['Sanders vader is ontslagen en ze moeten misschien verhuizen naar de voedselbank', 'Sander'],
    // A known given name in lower case, and a title before one.
    ['de vader van mohammed zit vast toch', 'mohammed'],
    ['juf ingrid heeft MS, daarom loopt ze met een stok', 'ingrid'],
    // An illness told by a compound: "nierziekte", "hersenvliesontsteking".
    ['Boaz uit groep 7 heeft een nierziekte', 'Boaz'],
    ['Sem uit 2b heeft hersenvliesontsteking gehad', 'Sem'],
    // Sexual orientation or gender identity, also as a jibe.
    ['wist je dat Lotte lesbisch is?', 'Lotte'],
    ['Sanne valt op meisjes, zegt iedereen', 'Sanne'],
    ['Daan uit 3b is toch bi, dat weet heel de school', 'Daan'],
    // A partner of the same sex.
    ['Wist je dat meester Wouter gaat trouwen met zijn vriend? Super leuk', 'Wouter'],
    ['juf Ilse woont al jaren samen met haar vrouw in Tiel', 'Ilse'],
    // A name that opens the sentence and is then spoken to.
    ['Ayla jij bent toch lesbisch? zeg het nou gewoon', 'Ayla'],
    // A person called by what someone thinks of them: "die autist van een …".
    ['Wat een sukkel van een Bram, hij is weer geschorst', 'Bram'],
    // A parent who lost their job, a family that loses its house, debts, asylum, a deported parent.
    ['Sems vader is zijn baan kwijt en ze moeten hun huis uit', 'Sem'],
    ['De ouders van Jurre zitten in de schuldhulpverlening, er staat elke week een deurwaarder', 'Jurre'],
    ['Wist je dat de moeder van Noah nog steeds op haar verblijfsvergunning wacht?', 'Noah'],
    // An ankle monitor is a punishment.
    ['Ruben uit 4a loopt rond met een enkelband, lekker dan', 'Ruben'],
    // A class after a name the list does not know makes it a pupil's.
    ['Kadir van 3b zit in de time-out kamer, hij heeft weer gevochten', 'Kadir'],
    ['Amber uit 5B is zwanger, ik zweer het', 'Amber'],
    // A subject is no surname: "juf Leonie van Engels".
    ['En juf Leonie van Engels zit middenin een vechtscheiding', 'Leonie'],
    ['juf Roos is vorige week bevallen van een gezonde dochter', 'Roos'],
    // A hyphenated given name is one name; the greeted reader is not who the fact is about.
    ['JW (Jan-Willem uit 2b) is gisteren geschorst', 'Jan-Willem'],
    ['Hoi meester Wim, Isa heeft vannacht overgegeven en blijft vandaag thuis', 'Isa'],
    // Given names from many backgrounds, a diagnosis in a compound, eating almost nothing, a
    // subordinate clause's word order, a mark someone had, a spelled-out time, home alone.
    ['Gisteren kreeg Tobias alweer een time-out op de gang', 'Tobias'],
    ['Weet de mentor dat Lisa een dyscalculieverklaring heeft?', 'Lisa'],
    ['Ik maak me zorgen om Iris uit 3h, ze eet bijna niets meer', 'Iris'],
    ['Wist je dat Koen op jongens valt?', 'Koen'],
    ['Mats had gewoon een 2,4 en moet het overdoen', 'Mats'],
    ['Mijn zoon Gijs fietst elke ochtend om kwart over acht via het park naar school', 'Gijs'],
    ['Onze Lotte is op dinsdag tot vijf uur alleen thuis', 'Lotte'],
    // The subject that opens a sentence has the whole sentence; a name that is an everyday word too opens it.
    ['Sven (9) uit groep 6 van basisschool de Klimop in Zeist is sinds gisteravond niet thuisgekomen', 'Sven'],
    ['roos heeft sinds vorige week een gebroken arm', 'roos'],
    // A name that makes a sentence of its own; a child sought; a test score or school advice; a heart
    // condition; where a teacher's car stands every day.
    ['Ze heeft een eetstoornis en weegt bijna niks meer. Noor Visser uit 3c.', 'Noor Visser'],
    ['Wie heeft Daan (8) gezien? Blauwe jas, rode pet', 'Daan'],
    ['Bij de doorstroomtoets had Sem maar 512, dus vmbo-advies', 'Sem'],
    ['Levi mag niet mee met gym vanwege zijn hartafwijking', 'Levi'],
    ['De auto van juf Anja staat elke dag tot 6 uur achter de school', 'Anja'],
    // An adjective that ends like an article; a verb before its subject is no name spoken to; a
    // name made small; a family that fled, told with "en haar broertje"; a ban from the school; insulin.
    ['die gestoorde Daan heeft ADHD en gaat elke les los', 'Daan'],
    ['Heb je gehoord dat Esmee uit 4b zwanger is?', 'Esmee'],
    ['Daantje uit groep 3 heeft diabetes', 'Daantje'],
    // The police and youth detention; care at school; a compound operation.
    ['Vraag het Jurre maar, die zat vorige week nog bij de politie', 'Jurre'],
    ['Sven zit nog twee maanden in een justitiële jeugdinrichting', 'Sven'],
    ['Iris zit weer bij de schoolmaatschappelijk werker', 'Iris'],
    ['Beterschap lieve Fenna, hopelijk herstel je snel van je knieoperatie', 'Fenna'],
    // A mark is told, good or bad (LABELS.md: also when meant kindly).
    ['Lotte heeft een 9 voor wiskunde, knap hoor!', 'Lotte'],
    ['waarom krijgt Stijn wel een 8 en ik niet?', 'Stijn'],
    ['Aan de ouders van Isabella: ze heeft vandaag een allergische reactie gehad', 'Isabella'],
    ['Oud-leerling Kevin Smit heeft een schoolverbod gekregen', 'Kevin Smit'],
    ['Mijn zoon Bram heeft sinds gisteren een insulinepomp', 'Bram'],
    // Who tells is not whom it is about; the partner is not whose orientation is told; one person, two names.
    ['Onze Milan zei gisteren dat Kobe uit zijn klas op jongens valt', 'Kobe'],
    ['Meester Sjoerd van groep 5 vertelde vandaag aan de kinderen dat hij gaat trouwen met zijn vriend Thijs', 'Sjoerd'],
    ['Noa uit 3b is transgender en heette vorig jaar nog Lotte', 'Noa'],
    // Whoever has a mother is a person; an operation in a compound; a weight; a parent who drinks.
    ['Seppe zijn moeder zegt dat hij een hersenschudding heeft', 'Seppe'],
    ['Mijn zoontje Jurre heeft morgen zijn hartoperatie', 'Jurre'],
    ['de gymleraar zei tegen Liv dat ze moet afvallen, ze weegt nog maar 30 kilo', 'Liv'],
    ['Weet je dat de moeder van Daan aan de drank is?', 'Daan'],
    // The scan jumps to words that may start a name: a capital, or a given name it knows in lower case.
    ['wist je dat zoë bakker diabetes heeft', 'zoë bakker'],
    ['volgens iedereen hier in de klas van meneer is Zoë Bakker geschorst', 'Zoë Bakker'],
    // Conditions told by their compound's tail, psychiatric care, a breakdown, broken and sprained limbs in either order.
    ['Wist je dat Jelle een angststoornis heeft?', 'Jelle'],
    ['Tijn uit groep 5 heeft het syndroom van Down', 'Tijn'],
    ['meester Kees is na zijn hersenbloeding nog niet terug', 'Kees'],
    ['Juf Sanne zit in een psychiatrische instelling, zeggen ze', 'Sanne'],
    ['Lotte heeft een zenuwinzinking gehad, daarom is ze er niet', 'Lotte'],
    ['Floor van Dam heeft haar pols gebroken bij turnen', 'Floor van Dam'],
    ['Ruben kan niet mee met de sportdag, hij heeft zijn enkel verstuikt', 'Ruben'],
    ['Sem uit 6b loopt sinds zijn polsbreuk met gips', 'Sem'],
    // An attack of a condition, cancer in a clause of its own or in a compound, pills, bed-wetting.
    ['Noor had gisteren weer een paniekaanval in de gymzaal', 'Noor'],
    ['Jayden kreeg een panic attack tijdens de toets', 'Jayden'],
    ['Weet je dat meneer Dekker weg is omdat hij kanker heeft?', 'Dekker'],
    ['juf Fatima is begonnen met de chemo voor haar borstkanker', 'Fatima'],
    ['Mijn zoon Bart slikt sinds kort slaappillen', 'Bart'],
    ['Milan plast nog in bed, hij is een bedplasser', 'Milan'],
    ['Iedereen weet dat Sofie niet gevaccineerd is', 'Sofie'],
    // A pupil sent home or out, excluded for days; an exam failed; learning support.
    ['Kevin is vandaag buitengezet bij wiskunde', 'Kevin'],
    ['Ilias is naar huis gestuurd na het gevecht', 'Ilias'],
    ['Stijn is twee dagen uitgesloten van de lessen', 'Stijn'],
    ['Eva zakte voor haar rijexamen, voor de derde keer', 'Eva'],
    ['Thomas heeft zijn eindexamen verknald en moet het overdoen', 'Thomas'],
    ['Lisa zit in het RT-groepje voor rekenen', 'Lisa'],
    ['Yasmin krijgt al twee jaar bijles voor Frans', 'Yasmin'],
    // A parent who drinks; a father held in jail; food parcels.
    ['de moeder van Kaylee drinkt, dat ruik je gewoon', 'Kaylee'],
    ['Sofia haar vader zit al een jaar vast.', 'Sofia'],
    ['De familie van Bilal krijgt elke week voedselpakketten', 'Bilal'],
    // Someone's child named, a name the list does not know; a missing child told across sentences.
    ['Wie kent mijn dochter Eshal? Ze heeft de ziekte van Lyme en is vaak moe', 'Eshal'],
    ['Help! Ons zoontje Liam is sinds vier uur weg. Hij draagt een rode jas. Heeft iemand hem gezien of gesproken?', 'Liam'],
    // The next sentence's "ze" is the last person named; a clause about the name does not count towards the distance.
    ['Zoals jullie weten is juf Petra een tijd niet op school geweest. Ze is met verlof vanwege een burn-out', 'Petra'],
    ['Ondertussen heeft Ilias, die al jaren bij ons op school zit, voor bijna alle vakken een onvoldoende', 'Ilias'],
    // Self-harm in subordinate order, a hospital ward, nits, calling in sick, an advice adjusted, a name that used to be another.
    ['Wist je dat Demi zichzelf snijdt?', 'Demi'],
    // A name made small whose stem keeps its t: "lotje" (Lotte).
    ['lotje gaat elke week naar de psycholoog', 'lotje'],
    // A mark in subordinate order, the only high mark, an average, a year to do again, a parent's death, wetting the bed.
    ['Lotte moet herkansen omdat ze een 4,6 had', 'Lotte'],
    ['Stijn heeft als enige een 10 voor Engels', 'Stijn'],
    ['de cijfers van Ilse zijn echt slecht, 4,8 gemiddeld', 'Ilse'],
    ['Wist je dat Jurre groep 4 moet overdoen?', 'Jurre'],
    ['Fijn dat Tamara er weer is na de dood van haar vader', 'Tamara'],
    ['Kevin plast nog steeds in bed op kamp', 'Kevin'],
    // A friend introduced by a possessive is a person.
    ['Haar beste vriendin Anouk heeft een eetstoornis', 'Anouk'],
    // The subject after a verb (inversion), ill in subordinate order, made to fail, a year to do again, a family that cannot pay.
    ['Zoals de meesten weten, is meester Gerrit sinds de zomer thuis vanwege zijn behandeling voor darmkanker', 'Gerrit'],
    ['Ik regel het vervoer omdat meester Ruud ziek is', 'Ruud'],
    ['Die leraar heeft onze Kobe laten zakken', 'Kobe'],
    ['Het gezin van Lucas kan het schoolkamp echt niet betalen', 'Lucas'],
    // A parent who died, fear of failure, a school that wants to send a pupil off, an advice told after its noun, a teacher's own warning, English.
    ['De vader van Sanne is vorige week gestorven', 'Sanne'],
    ['Ook Ruben krijgt vanwege zijn faalangst extra begeleiding', 'Ruben'],
    ['Als die school ons Milan echt van school wil sturen, stap ik naar de krant', 'Milan'],
    ['Onze Fenna had een schooladvies havo', 'Fenna'],
    ['Wist je dat meester Rik na zijn officiële waarschuwing nog steeds les geeft?', 'Rik'],
    ['lol Emma from 3a failed every test this term', 'Emma'],
    ['Mees ligt nog tot maandag op de kinderafdeling', 'Mees'],
    ['Er zijn neten gevonden bij Sara uit groep 4', 'Sara'],
    ['Juf Ellen heeft zich ziek gemeld maar zit op het terras', 'Ellen'],
    ['Het advies van Tim is bijgesteld naar havo', 'Tim'],
    ['Ken je Alex uit 3c? Die heette vorig jaar nog Alexandra', 'Alex'],
    // A long absence from school, told or asked about.
    ['Weet iemand waarom Joost al drie weken niet op school is?', 'Joost'],
    ['Onze buurjongen Timo komt sinds een paar maanden niet meer naar school', 'Timo'],
    ['[20:41] Inge: is er iets met Femke? ze is er al een week niet', 'Femke'],
    // The next sentence about them may open with a preposition; a clause of the same sentence with "hij"/"ze".
    ['Wat zijn we blij met onze Stijn. Door zijn dyslexie was groep 5 zwaar.', 'Stijn'],
    ['Wil iemand Merel even appen, ze ligt sinds gisteren in het ziekenhuis', 'Merel'],
    // Childhood illnesses; a mark that is theirs ("je 3,8"); a mark told a little further on.
    ['Pas op, Bo uit de peutergroep heeft mazelen', 'Bo'],
    ['Hahaha Gerben met je 3,8 voor aardrijkskunde', 'Gerben'],
    ['Het cijfer van Fleur Dekker is ook al bekend: een 2,6.', 'Fleur Dekker'],
    // Whoever a parent reports on to the teacher they greet, a name the list knows or not; coming out.
    ['Goedemorgen juf, Kiano is ziek en blijft vandaag thuis', 'Kiano'],
    ['Wat dapper van Sem om uit de kast te komen voor de hele klas', 'Sem'],
    // Given names of every background (given-names.ts), also in lower case; a short one only capitalised.
    ['lol jaimy is alweer geschorst, derde keer dit jaar', 'jaimy'],
    ['Wist je dat Yonatan in een asielzoekerscentrum woont?', 'Yonatan'],
    ['Jet uit 4b heeft een hersenschudding', 'Jet'],
    // The possessive s in lower case; a period; a learning path of one's own.
    ['iedereen weet toch dat fennas vader in de gevangenis zit', 'fenna'],
    ['Lotte uit 2a werd ongesteld tijdens gym en iedereen lachte', 'Lotte'],
    ['Vanaf januari volgt Ruben een eigen leerlijn voor rekenen', 'Ruben'],
    // Conditions by their name; a partner of the same sex without a verb.
    ['Juf Ilse heeft een hernia en mag niets tillen', 'Ilse'],
    ['Wist je dat meester Tim bipolair is?', 'Tim'],
    ['Wat leuk dat juf Anouk en haar vrouw op het schoolfeest waren', 'Anouk'],
    // The next sentence after a short lead-in; a teacher named by title and subject after the fact; a place before the routine.
    ['Fijn om meester Ruud terug te zien. Voor wie het niet weet: hij heeft een hartoperatie gehad.', 'Ruud'],
    ['Raad eens wie er ontslagen is? Meneer Bakker van biologie.', 'Bakker'],
    ['Bij het winkelcentrum hangt Sem rond na school, zoals elke donderdag.', 'Sem'],
  ])('finds %j', (text, value) => {
    expect(values(text, 'name_with_sensitive')).toEqual([value]);
  });

  // People named together share the fact: each is an entity.
  it.each([
    ['Luuk Evers, Jesse Smid en Ömer Tekin zijn geschorst.', ['Luuk Evers', 'Jesse Smid', 'Ömer Tekin']],
    ['Sanne (3B) en Tim zijn geschorst', ['Sanne', 'Tim']],
    ['wist je dat Daan Bos & Milan Visser een onvoldoende hebben en blijven zitten', ['Daan Bos', 'Milan Visser']],
  ])('finds everyone named together in %j', (text, names) => {
    expect(values(text, 'name_with_sensitive')).toEqual(names);
  });
  it.each([
    // Pupils listed with their class ("uit groep 3b") are each an entity.
    [
      'Vandaag jarig: Lotte Vermeulen uit groep 3b, Yusuf Aydın uit groep 5a, Fenna Bakker uit 5a en Sven de Graaf uit groep 8.',
      ['Lotte Vermeulen', 'Yusuf Aydın', 'Fenna Bakker', 'Sven de Graaf'],
    ],
    ['Auto 1: Sara Jansen 7A, Lotte Meijer 7A, Ilse de Boer 7B. We vertrekken om 8.15.', ['Sara Jansen', 'Lotte Meijer', 'Ilse de Boer']],
    // The list, then a dash and what they must do.
    ['Lotte Brink 3H2, Jurre Kok 3H1, Amira Said 3H2 - jullie moeten je nog melden bij de balie', ['Lotte Brink', 'Jurre Kok', 'Amira Said']],
    ['Bus 1: Mohamed Aziz – 3H2 Lotte Brinkman – 3H2 Stan Vermeer – 3H1', ['Mohamed Aziz', 'Lotte Brinkman', 'Stan Vermeer']],
    // A name with a street's ending ("-akker", "-hof") and a class is no address.
    ['Groepje 2 (juf Els): Tim Akker 5b, Sara van Hof 5a, Mila Smit 5b.', ['Tim Akker', 'Sara van Hof', 'Mila Smit']],
    // A word or two on the part each plays.
    ['De rollen voor de musical: Jip (7b) als kapitein, Noor (7a) als piraat en Ravi (8b) als papegaai', ['Jip', 'Noor', 'Ravi']],
    // With whom each goes is no one of the list.
    ['Indeling fietstocht: Mila Bos (6b) met Henk, Daan Kok (6a) met mij, Sara Vink (6b) met Annet.', ['Mila Bos', 'Daan Kok', 'Sara Vink']],
  ])('finds the pupils of a list with classes in %j', (text, names) => {
    expect(values(text, 'name_with_sensitive')).toEqual(names);
  });
  it.each([
    // A class named once, then its pupils; a given name that is an everyday word too counts in the list.
    ['Indeling groep 6b voor het schoolreisje: Sem, Lieve, Yara en Daan', ['Sem', 'Lieve', 'Yara', 'Daan']],
    ["In 't tweede leerjaar A zitten dit jaar Noor, Kobe en Fien.", ['Noor', 'Kobe', 'Fien']],
    // The next class may name one or two.
    ['Tafelgroepjes 4A: Sanne, Omar en Jet. 4B: Mees en Sara. 4C: Lotte', ['Sanne', 'Omar', 'Jet', 'Mees', 'Sara', 'Lotte']],
    // Groups of a list split by a slash.
    ['Leesgroepjes 5a: Noor, Bram, Lotte / Sem, Fenna, Jesse', ['Noor', 'Bram', 'Lotte', 'Sem', 'Fenna', 'Jesse']],
    // The names before the class, a teacher between, and an initial for a surname.
    ['Bram, Eva K. en Lucas bij juf Petra in 5c, Fleur en Milan in 5a', ['Bram', 'Eva K.', 'Lucas', 'Fleur', 'Milan']],
  ])('finds the pupils of a list after or before its class in %j', (text, names) => {
    expect(values(text, 'name_with_sensitive')).toEqual(names);
  });
  noOneIn('finds no list of pupils in %j', [
    // No class: a team, the winners.
    'Ons team voor de finale: Noah, Jesse, Sam en Finn, zaterdag om 10 uur!',
    'Gefeliciteerd Mila, Lars en Jasper met de eerste plaats bij het schaaktoernooi',
    // Subjects after a class, teachers with their titles.
    'Klas 2B heeft morgen Frans, Duits en Engels',
    'Rooster klas 2B: Frans, Duits en Engels',
    'Groep 8 gaat met juf Anja, meester Tom en juf Els naar het museum',
  ]);
  it.each([
    // Lower case: everyday words that are names too, and the start of a handle, are not a name.
    ['de roos in de tuin heeft een ziekte', []],
    ['Weet de juf eigenlijk dat ze een notenallergie heeft?', []],
    // (The handle itself is a minor's: the entity.)
    ['haar snap is sanne.b2011 hoor, ze heeft adhd', ['sanne.b2011']],
    ['kammen julie ook even? er is hoofdluis gevonden', []],
    // "trans-" and "bi-" before a word are no orientation.
    ['de trans-atlantische vlucht van Tim was lang', []],
    ['Engels van 3b is ziek geworden, de toets gaat niet door', []],
    ['dat is me goed bevallen, juf Roos', []],
    // A number after a capitalised word is no class; an illness named after a person is no person.
    ['Zo trots op ons team! Eerst een 3 voor rekenen en nu een 7,5', []],
    ['Hij heeft de ziekte van Crohn, mag hij de toets herkansen?', []],
    // A hashtag is no name.
    ['#emma mulder heeft diabetes', []],
  ])('takes no everyday word in lower case for a name in %j', (text, names) => {
    expect(values(text, 'name_with_sensitive')).toEqual(names);
  });
  it.each([
    // Not a person: the school after "en" (an article), a subject.
    ['Emma Mulder heeft diabetes en De Klimop weet dat', ['Emma Mulder']],
    ['Emma Mulder heeft diabetes, Engels vindt ze leuk', ['Emma Mulder']],
  ])('does not take a thing for a person named together in %j', (text, names) => {
    expect(values(text, 'name_with_sensitive')).toEqual(names);
  });

  noOneIn('leaves %j alone', [
    'juf Anja was geweldig vandaag',
    // Staying seated is no staying back; working with the police is no record.
    'Daan blijft nog even zitten tot zijn moeder komt',
    'Sanne blijft gewoon zitten als de juf binnenkomt',
    'Mijn oom werkt bij de politie, Tim vindt dat stoer',
    // Positive about something, support that a teacher gives, thanks to a teacher.
    'Sanne is heel positief over de nieuwe klas',
    'Meester Tom geeft extra begeleiding bij het huiswerkuur, iedereen welkom',
    'Bedankt juf Anja voor de extra zorg voor onze klas',
    'Emma, wees lief voor je broertje',
    'Emma Mulder heeft een goede instelling',
    'Tess Meijer heeft de voorleeswedstrijd gewonnen!',
    'Groetjes, moeder van Tess',
    'mevr. Verweij is onze nieuwe mentor',
    'Inzameling voor de voedselbank: spullen naar de aula',
    'ADHD is een onderwerp op de ouderavond',
    'voorlichting op het Lyceum Oost door Bureau Halt',
    'Die nieuwe beat van Sem is echt ziek goed',
    'Groningen, de stad waar je woont, heeft een mooie bieb',
    // A street named after someone before its house number; a word in quotes on its own is a title.
    'Prikdag voor groep 8 bij de GGD, Karel Doormanweg 4: kinderen die niet gevaccineerd zijn kunnen nog komen',
    "Noor las voor uit 'Gips' en won de voorleeswedstrijd",
    // An everyday "vast", "slaat" and "pillen" are no facts.
    'Jesse zit vast in de file, hij komt later',
    'Het is niet uitgesloten dat Daan morgen weer meedoet',
    // A smear to be spread is no fact that is told; dying of laughter is no death; lines a teacher hands out are not hers.
    'zeg tegen iedereen dat Nina luizen heeft, dan wil niemand meer met haar spelen',
    'Meester Stijn als Elvis, ik ben bijna gestorven van het lachen',
    'mevr. Dijkstra kan de pot op met haar strafwerk',
  ]);

  it('gives the fact to the full name it belongs to, not to an earlier first name', () => {
    const text = 'die vader van Niels is een engerd, bel hem maar eens Finn Jacobs is geschorst omdat hij vuurwerk gooide';
    expect(values(text, 'name_with_sensitive')).toEqual(['Finn Jacobs']);
  });
});

describe('names with letters beyond A–Z', () => {
  it.each([
    ['Zeynep Aydın is geschorst omdat ze vocht', 'Zeynep Aydın'],
    ['Wist je dat Michał Nowak een burn-out heeft?', 'Michał Nowak'],
    ['Kübra Yılmaz zit sinds de zomer in een pleeggezin', 'Kübra Yılmaz'],
    ['Ömer is geschorst tot de herfstvakantie', 'Ömer'],
    ['Ayşe uit 5b heeft diabetes', 'Ayşe'],
  ])('finds the whole name in %j', (text, value) => {
    expect(values(text, 'name_with_sensitive')).toEqual([value]);
  });
});

describe('named person with whereabouts or a username', () => {
  it.each([
    ['Meester Jeroen zit nu in de kroeg op de hoek, ga hem maar vragen', 'Jeroen'],
    ['Ik zie je elke middag om 15.30 bij het hek van de school, Lotte.', 'Lotte'],
    ['Sem Bakker traint elke dinsdag om 19.00 bij de hockeyclub', 'Sem Bakker'],
    ['wie heeft de insta van Isa de Vries? is isa_devries08 denk ik', 'Isa de Vries'],
    ['Ik weet waar je woont, Jessy. Je kamer is aan de achterkant.', 'Jessy'],
    ['Lieve Zeynep, ik sta elke avond even bij jouw huis.', 'Zeynep'],
    ['Ik wacht iedere dag na school bij jouw tramhalte, Esmee', 'Esmee'],
    ['ik zie je elke pauze naast de snackbar staan, Bo', 'Bo'],
    ['Milan uit groep 6 zit nu al een half uur alleen bij de ingang te wachten', 'Milan'],
    ['Ik weet waar je je fiets neerzet, Kiki, en wanneer je hem weer ophaalt: elke dag om vier uur', 'Kiki'],
    // Whoever the text is written to, when it tells them their own routine somewhere in it.
    ['Mirthe ik weet dat je dit ziet. Elke donderdag om vier uur loop je via het bos naar de manege.', 'Mirthe'],
    ['Meneer Kaya, u denkt dat niemand het merkt. Ik zag u gisteren in de bouwmarkt met uw zoon.', 'Kaya'],
    ['Ik weet precies hoe laat jij uit de zwemles komt Hanna. Tot dinsdag', 'Hanna'],
    ['Ik weet wanneer je thuiskomt, Noor. Om 15.40, via de dijk.', 'Noor'],
    // A child alone at home, or whose parents are out.
    ['Feestje bij Joris, zijn ouders zijn er op zaterdag bijna nooit', 'Joris'],
    ['Noortje is na school altijd alleen, haar moeder werkt in de nachtdienst', 'Noortje'],
    ['Bij Daan kan het, zijn vader is nooit thuis en zijn moeder woont in Spanje', 'Daan'],
    ['Kom maar naar Lina, haar ouders zijn het hele weekend weg', 'Lina'],
    ['Je doet alsof ik lucht ben, Roos, maar ik ben je vorige week tot aan de tramhalte gevolgd.', 'Roos'],
    ['Pieter, ik weet dat je op zaterdag altijd alleen bij je oma slaapt.', 'Pieter'],
    // Any fact told to the one greeted, in the second person, wherever in the text.
    ['Beste meester Ruud, via de ouderapp en de nieuwsbrief hoorden we dat u sinds maandag in het ziekenhuis ligt. Sterkte!', 'Ruud'],
  ])('finds %j', (text, value) => {
    expect(values(text, 'name_with_sensitive')).toEqual([value]);
  });

  noOneIn('leaves %j alone', [
    'De open dag is elke zaterdag om 10.00 bij de hoofdingang.',
    'Juf Anja staat altijd klaar voor de kinderen',
    'Volg ons op insta voor de foto’s van het kamp!',
    'Sem heeft een mooie tekening gemaakt, elke dag om 9 uur begint de les',
    // Spoken to, with no routine of theirs: seen on a photo or a screen, a question about someone else.
    'Haha Jesse ik zie je zitten op de klassenfoto, wat een kapsel',
    // Illness wished on someone, or threatened, is no fact about them; whoever signs is the writer.
    'Tamara, ik hoop echt dat je een ziekte krijgt waar je nooit meer van afkomt',
    'Luister goed Kevin, anders lig je morgen in het ziekenhuis',
    'dat was een jet die overvloog, geen bom, ik schrok me ziek',
    'Wie kan zaterdag rijden naar het toernooi? Mijn zoon heeft zijn been gebroken dus wij kunnen niet. Liefs, Ilse',
    'Niet valsspelen Amber, ik zag je wel kijken naar mijn kaarten 😂',
    'Heb jij Thijs gezien bij de training?',
    // Knowing where or when, with nothing known said: a threat (threat/), but no one's whereabouts told.
    'Ik weet waar je woont, meneer Smit. Denk daar maar eens over na.',
    'Ik weet heus wel wanneer jij klaar bent, Sofie.',
    'Pim is alleen niet zo goed in spelling, verder gaat het prima',
    'De ouders van Sanne zijn niet blij met het nieuwe rooster',
    'Femke is daar alleen maar om te kletsen',
  ]);
});

describe('names that are no person, pupils in lists, teachers in a role', () => {
  noOneIn('does not take a place, club or speaker for a person, nor a fact that is none, in %j', [
    // A capital after an article or a venue is a school, a shop, a hospital or a club.
    'Mijn neefje heeft leukemie en ligt nu in het Prinses Máxima, we denken aan hem',
    'Hij is geschorst en hangt nu elke middag rond bij de Spar op het plein',
    'Sinds de scheiding zit hij elke zaterdag in café De Gouden Leeuw',
    'Ze traint elke woensdag om vijf uur bij VV Zuidwijk, daarna fietst ze alleen naar huis',
    // A speaker in a chat transcript or a heading.
    'Ruben: die heeft een 2,1 voor Frans gehaald haha',
    // "gezocht" for a babysitter or volunteers is no missing child; "een 2 weken" is no mark.
    'Oppas gezocht voor woensdagmiddag, ik ben Mirjam, bel me gerust',
    'Vrijwilligers gezocht! Meld je bij juf Carla',
    'Sem heeft een 2 weken durende vakantie gehad',
    // A place after "op"; an organisation word first; a teacher doing their work.
    'Hij zit met zijn ouders drie weken op Curaçao en hun huis staat leeg',
    'Leerling van Atheneum Zonnedauw opgepakt na vernielingen',
    // A fact word inside the name of an organisation; a brand on a bag; a place; a role named.
    'Giften graag naar Stichting Voedselbank Rivierenland',
    'Laatst gezien met een groene Jurassic Park rugzak, hij wordt vermist',
    'Ze ligt in een kliniek in Den Dolder met een depressie',
    'Vragen over pesten? Bel onze vertrouwenspersoon, mevrouw Yilmaz, of mail de mentor',
    // A school after "de directeur van"; an illness named after someone; a label before a chat line or a list.
    'De directeur van De Regenboog heeft mijn zoon zomaar geschorst',
    'Mijn dochter heeft het syndroom van Ehlers-Danlos, wie herkent dit?',
    'Iemand ervaring met de ziekte van Lyme bij kinderen? Mijn zoon is al weken moe',
    '[ouderapp 6b]\nSandra (moeder Bram): weet iemand of de juf ziek is?',
    // Helping a food bank is no family's poverty; "met als doel" is no ALS.
    'Wat goed van Nora en Kees om blikken in te zamelen voor de voedselbank!',
    'Meester Hugo heeft een project met als thema vriendschap, Lieke vond het top',
    // The teacher who did the suspending is not the one suspended.
    'Meneer Smits heeft mijn broer geschorst omdat hij te laat was, belachelijk',
    // The child named between them has the fact, not the teacher.
    'Juf Petra heeft mijn dochter gestraft omdat ze dyslexie heeft en te langzaam schreef',
  ]);

  it('finds every pupil of a list with classes or grades, and no list in numbered things', () => {
    expect(values('Bijlesgroep rekenen: Daan Smit (5B), Kofi Owusu (5A), Wessel Bruins (5B) en Noor Aksoy (5A).', 'name_with_sensitive')).toEqual([
      'Daan Smit',
      'Kofi Owusu',
      'Wessel Bruins',
      'Noor Aksoy',
    ]);
    expect(values('Sinds kort zit er een meisje uit Syrië, Rania Haddad, in de klas. Ze woont met haar moeder in het azc', 'name_with_sensitive')).toEqual([
      'Rania Haddad',
    ]);
    expect(values('Tafel 2: Yara Ait Amar (6a), Sem Bos (6b) en Malak El Idrissi (6a)', 'name_with_sensitive')).toEqual([
      'Yara Ait Amar',
      'Sem Bos',
      'Malak El Idrissi',
    ]);
    expect(values('Uitslag doorstroomtoets: Joep 534, Fenna 541, Stijn 527', 'name_with_sensitive')).toEqual(['Joep', 'Fenna', 'Stijn']);
    expect(values('Spelling groep 5: Mila onvoldoende, Daan voldoende, Lucas matig.', 'name_with_sensitive')).toEqual(['Mila', 'Daan', 'Lucas']);
    // Children who fled, one named with "en haar zusje".
    expect(values('Oksana en haar zusje Iryna zijn vorig jaar gevlucht', 'name_with_sensitive')).toEqual(['Oksana', 'Iryna']);
    expect(values('Schaakteam: Noor Aydin (7), Lucas Smit (8) en Fenna de Graaf (6).', 'name_with_sensitive')).toEqual([
      'Noor Aydin',
      'Lucas Smit',
      'Fenna de Graaf',
    ]);
    expect(values('Herkansers dictee: Lotte 4,8, Milan 5,2 en Sem 3,9. Oefenen jongens!', 'name_with_sensitive')).toEqual(['Lotte', 'Milan', 'Sem']);
    // Marks with "een" before them; two teachers each with a fact of their own; a chat line's speaker is not whom it is about.
    expect(values('Uitslag: Mees een 5,4, Jorien een 3,9 en Bilal een 2,8', 'name_with_sensitive')).toEqual(['Mees', 'Jorien', 'Bilal']);
    expect(values('Meneer Koster is thuis met een burn-out, mevrouw Van der Heijden is na haar operatie nog niet terug', 'name_with_sensitive')).toEqual([
      'Koster',
      'Van der Heijden',
    ]);
    expect(values('Anouk (moeder Tess): weet iemand waarom Daan er niet is?\nPeter: die is geschorst', 'name_with_sensitive')).toEqual(['Daan']);
    // Grades separated by spaces only, as in a chat.
    expect(values('cijfers toets: Bram 6,2 Yara 7,9 Noor 5,4 haha', 'name_with_sensitive')).toEqual(['Bram', 'Yara', 'Noor']);
    // A class code that ends in a digit, a score before a full stop, a team list over what looks like a street and a town.
    expect(values('Geslaagd: Sanne (4V2), Mo (4V1) en Lieke (4V3).', 'name_with_sensitive')).toEqual(['Sanne', 'Mo', 'Lieke']);
    expect(values('Cito-score: Joep 537, Fenna 541, Stijn 529. Knap!', 'name_with_sensitive')).toEqual(['Joep', 'Fenna', 'Stijn']);
    expect(values('Korfbalteam: Jorik 7b, Fedde 7b, Sem 8a, Luuk 8c.', 'name_with_sensitive')).toEqual(['Jorik', 'Fedde', 'Sem', 'Luuk']);
    expect(values('Maak voor dinsdag Hoofdstuk 3, Paragraaf 4 en Opgave 7 af.', 'name_with_sensitive')).toEqual([]);
    // In lower case: given names the list knows, but no everyday words with numbers.
    expect(values('ruben 4b, noor 4a en femke 4b hebben een onvoldoende voor de toets', 'name_with_sensitive')).toEqual(['ruben', 'noor', 'femke']);
    expect(values('de kosten zijn 5, de huur 7 en de rest 3, dat is toch een onvoldoende', 'name_with_sensitive')).toEqual([]);
    // A given name that is an everyday word too, with a surname: "Lieve Bos (5A)".
    expect(values('Team Geel: Lieve Bos (5A), Daan Kok (5B) en Iris Pool (5A)', 'name_with_sensitive')).toEqual(['Lieve Bos', 'Daan Kok', 'Iris Pool']);
    // The last item before the verb, a caption word before the first, "dan" between, a list going on after a heading.
    expect(values('jesse 7b, amira 7a en thomas 7b moeten morgen nablijven', 'name_with_sensitive')).toEqual(['jesse', 'amira', 'thomas']);
    expect(values('Klassenfoto: Staand Noor (4C), dan Yara (4C), Milan (4B) en Daan (4C)', 'name_with_sensitive')).toEqual(['Noor', 'Yara', 'Milan', 'Daan']);
    expect(values('Tafel 1: Lars Bos 6B, Emma Wit 6A, Finn Kok 6B. Tafel 2: Julia Stam 6A, Ruben Vos 6B', 'name_with_sensitive')).toEqual([
      'Lars Bos',
      'Emma Wit',
      'Finn Kok',
      'Julia Stam',
      'Ruben Vos',
    ]);
    expect(values('ik ben mijn sleutels kwijt, Emma heeft ze', 'name_with_sensitive')).toEqual([]);
  });

  it('gives the fact to the pupil, not to the teacher who helps or is thanked', () => {
    expect(values('Jesse heeft dyslexie en oefent nu twee keer per week met juf Hanneke.', 'name_with_sensitive')).toEqual(['Jesse']);
    // A teacher who takes care of a pupil, one greeted at the opening without a greeting word, one who sends a pupil out.
    expect(values('Onze Zara is sinds de scheiding erg stil, gelukkig dat juf Mirjam haar zo opvangt', 'name_with_sensitive')).toEqual(['Zara']);
    expect(values('juf Anouk, Bram is vandaag ziek, hij heeft koorts', 'name_with_sensitive')).toEqual(['Bram']);
    expect(values('Meneer Hoekstra, u heeft mijn zoon gisteren uit de klas gezet', 'name_with_sensitive')).toEqual([]);
    // One who sent a pupil off the school or home; but a teacher who was sent away is the one.
    expect(values('Mevrouw Jansen heeft mij zomaar van school gestuurd voor twee dagen', 'name_with_sensitive')).toEqual([]);
    expect(values('Juf Inge, u heeft onze dochter gisteren naar huis gestuurd zonder te bellen', 'name_with_sensitive')).toEqual([]);
    expect(values('Meester Bart is van school gestuurd na die ruzie', 'name_with_sensitive')).toEqual(['Bart']);
    expect(values('Speciaal dank aan juf Sanne, die bij Ilias bleef toen hij op kamp een astma-aanval kreeg.', 'name_with_sensitive')).toEqual(['Ilias']);
  });

  it('still finds a teacher who is the one the fact is about', () => {
    expect(values('Meneer Koopmans zit al weken thuis met een burn-out.', 'name_with_sensitive')).toEqual(['Koopmans']);
    expect(values('juf Marloes is geschorst na dat incident op kamp', 'name_with_sensitive')).toEqual(['Marloes']);
  });

  noOneIn('reads no orientation into %j', [
    'Meester Bas gaat trouwen met zijn vriendin, gefeliciteerd!',
    'Sanne gaat op vakantie met haar vriendin naar Texel',
    'Meester Jeroen kwam met zijn vrouw naar de musical',
  ]);

  noOneIn('ties no one to the fact in %j', [
    // The next sentence's pronoun is of the other sex than the teacher's title: about the boy.
    'Fijn dat juf Sandra en de mentor elke week met hem praten. Zijn vader zit in de gevangenis.',
    // A smear to be spread, after a word that calls the others.
    'meiden zeg vanavond tegen iedereen dat Noor luizen heeft',
    'we zeggen morgen tegen de hele klas dat Sem drugs gebruikt',
    // An illness wished at the end of a long wish.
    'Mevrouw Kok, ik hoop echt dat je een keer van de trap valt op weg naar huis of naar de sporthal, of dat je gewoon griep krijgt',
    // A colour before a brand is a thing.
    'Grijze Gazelle gestolen bij de fietsenstalling, wie heeft iets gezien?',
  ]);

  noOneIn('reads no fact into a comparison: %j', [
    'haha meneer Bas loopt als een oude man met een hernia',
    'Lotte doet alsof ze ziek is, ze wil gewoon niet naar gym',
  ]);

  noOneIn('does not give a teacher the punishment or grade they hand out in %j', [
    'mevrouw Peeters deelt strafwerk uit als je een keer te laat bent, echt belachelijk',
    'Mijn zoon moest gisteren weer nablijven bij meneer Okafor, de derde keer deze week',
    'Van juf Annelies kreeg ik een 4 voor mijn spreekbeurt, terwijl ik alles goed had',
    'hij zat in de time-out omdat hij meester Gijs had uitgescholden',
  ]);

  noOneIn('reads no person or punishment into %j', [
    'Meisje (14) opgepakt na winkeldiefstal in het centrum',
    'Niels heeft per ongeluk de hele presentatie verwijderd, nu mogen we opnieuw beginnen',
  ]);

  it('still reads a pupil sent out of the class or off the school as punished', () => {
    expect(values('Tygo is gisteren uit de klas verwijderd', 'name_with_sensitive')).toEqual(['Tygo']);
    expect(values('Ilse Doornbos is verwijderd van school na dat gevecht', 'name_with_sensitive')).toEqual(['Ilse Doornbos']);
  });

  it('gives the illness to the teacher who is ill, not to the one who stands in', () => {
    expect(values('Juf Sanne is ziek, meester Ali vervangt haar deze week', 'name_with_sensitive')).toEqual(['Sanne']);
  });

  it.each([
    // An interjection calls the name; an imperative is said to it; a sentence opens with one.
    ['Hey Lotte, je hebt toch ADHD?', ['Lotte']],
    ['Hé Noor, ben je nog steeds geschorst?', ['Noor']],
    ['jayden doe normaal je krijgt een schorsing', ['jayden']],
    ['sem kom op, je bent toch geschorst', ['sem']],
    ['Geef Wessel zijn medicijnen tegen epilepsie', ['Wessel']],
    // A capitalised word after a given name may still be a surname.
    ['Jayden Doe uit groep 5 is geschorst', ['Jayden Doe']],
  ])('takes neither an interjection nor an imperative for part of a name: %s', (text, names) => {
    expect(values(text, 'name_with_sensitive')).toEqual(names);
  });

  it('reads a greeting after the handles a message opens with as the opening of the text', () => {
    const letter = 'Beste meester Jansen. U weet dat ik elke ochtend langs uw huis fiets.';
    expect(values(letter, 'name_with_sensitive')).toEqual(['Jansen']);
    expect(values(`@school.bsky.social ${letter}`, 'name_with_sensitive')).toEqual(['Jansen']);
  });

  it('finds a missing child described by age', () => {
    expect(values('Wie heeft Sienna Bakker (10) gezien? Ze is sinds vanmiddag vermist.', 'name_with_sensitive')).toEqual(['Sienna Bakker']);
  });
});

describe('the people a text names (for personal data the model found and no recogniser placed)', () => {
  it('leaves out the capitalised words it only guesses are names when the text surely names someone', () => {
    const text = 'Weet iemand waarom Noor Visser zo stil is? Haar broer zit in het huis van bewaring in Zwolle-Zuid, zegt Harderwijk FM.';
    expect(personNames(text).map((n) => n.value)).toEqual(['Noor Visser']);
    // With no one surely named, a guess is all there is to mask.
    expect(personNames('Die Quinty uit de straat zit al weken thuis').map((n) => n.value)).toEqual(['Quinty']);
  });

  it('takes names, hyphenated ones too, but no compound with a capital in front', () => {
    const text = 'Raar hoe die Cito-uitslagen zijn gegaan: Bram van de Berg had maar 517 en Anne-Sophie ook.';
    expect(personNames(text).map((n) => n.value)).toEqual(['Bram van de Berg', 'Anne-Sophie']);
  });

  it.each([
    ['Onze Jip heeft na de ziekte van Pfeiffer weer een volle week gedraaid. Dank aan zijn mentor, meneer Dijkman, voor het geduld!', ['Jip']],
    ['Sinds Mees Concerta slikt gaat het veel beter in de klas. Groetjes, juf Anouk', ['Mees']],
    ['Fijn dat Elin weer meedoet met gym na haar operatie. Bedankt meester Koen voor het extra oefenen op Parro.', ['Elin']],
    // A sentence-initial adverb or a verb as the subject; a teacher in a role after the pupil.
    ['Hopelijk mag Ravi blijven, zijn familie wacht nog op asiel', ['Ravi']],
    ['Filmen mag, maar Joep moet het wel eerst vragen', ['Joep']],
    ['Tess krijgt extra rekenles van juf Hanneke', ['Tess']],
    // A brand on a jacket; a street and a town next to an address; "Dank" after an emoji; a second name.
    ['Daan (13) is van huis weg, rode Adidas jas, heeft een step bij zich', ['Daan']],
    ['Kaartje voor juf Ellen sturen? Zonnedauw 5, 7906 KL Hoogeveen', ['Ellen']],
    ['Eerst een 3 en nu een 7,5 🥳 Dank je meester Sven!', []],
    ['Robin uit 3b is trans en wil nu Sam genoemd worden', ['Robin']],
    // A verb that opens a question; a teacher to be thanked.
    ['Zie je juf Petra nog wel eens? Die is ziek', ['Petra']],
    ['Ik wil juffrouw Smits bedanken voor alle hulp toen Mila ziek was', ['Mila']],
    // A car is no person; nor is a country before the name of the one from there.
    ['De grijze Skoda van Jesse staat elke nacht voor de deur', ['Jesse']],
    // A possessive is its person; a given name in lower case; a teacher next to a pupil is in a role.
    ["Mila's oma woont nu bij hen in", ['Mila']],
    // A Flemish surname's capital tussenvoegsel; a person "het" points ahead to; a school after
    // its article, every capitalised word of it; a street named "Laan van …".
    ['Sinds gisteren is Lore Van Damme (15) uit Sint-Niklaas spoorloos', ['Lore Van Damme']],
    ['heel de stad weet dat het Mike Jansen uit 3 vwo was, politie is al bij hem thuis geweest', ['Mike Jansen']],
    ['die gast van het Da Vinci staat elke dag om 8 uur bij de fietsenstalling', []],
    ['hij fietst elke avond door de Laan van Nieuw-Oost naar huis', []],
    // A colour goes with a thing.
    ['ik weet welke auto van jou is, die witte Caddy achter de gymzaal', []],
    ['niemand mag weten dat sven uit 2b weer thuis zit', ['sven']],
    ['Kan iemand aan juf Mariska doorgeven dat Sem morgen niet komt?', ['Sem']],
    ['Lieve meester Joost, Amira mag deze week niet buiten spelen', ['Amira']],
    // A camping after its article, a town after an institution, a news outlet and an event are no persons.
    ['Meester Ruud zit op Camping De Duinen, zag ik', ['Ruud']],
    ['Haar vader zit in de gevangenis van Leeuwarden, zegt Jolien', ['Jolien']],
    ['Volgens Omroep Nieuws is Lara Smit uit 4b geschorst', ['Lara Smit']],
    // An imperative that opens a call for help, a venue's name after its article, a public role, a neighbourhood.
    ['Kobe (9) is weg. Gezien? Bel zijn vader', ['Kobe']],
    ['Meester Joris zit elke avond in café De Zwarte Kat', ['Joris']],
    ['Volgens wijkagent Kees Bakker zit Roel uit 4b vast', ['Roel']],
    ['Romy uit 3a woont in de wijk Hoog Kanjel', ['Romy']],
    // A capitalised word only guessed to be a name is no pupil next to whom a teacher is in a role.
    ['Juf Marja doet mee aan de Spring Challenge en traint elke woensdag om half acht bij de vijver.', ['Marja']],
    // After the handles a message opens with, the first word opens a sentence.
    ['@school.bsky.social Oproep aan iedereen die die leraar ook niet kan uitstaan', []],
    ['@jan.bsky.social @piet Laten we allemaal gaan kijken', []],
    ['@school.bsky.social Sanne is al weken ziek', ['Sanne']],
  ])('leaves out who is thanked or signs, an illness named after someone, medicines and apps in %j', (text, names) => {
    expect(personNames(text).map((n) => n.value)).toEqual(names);
  });
});

describe('the quick look for facts', () => {
  // The scan looks only for the families of facts whose words the text holds (factFamilies).
  // On every text of the corpus it must find each fact that a look for every family finds: a
  // fact whose words open no family, or only another one, would be missed.
  it('opens the family of every fact it can find, on every text of the corpus', () => {
    const dir = new URL('../../../corpus/texts/', import.meta.url);
    // (The last of SENSITIVE_FAMILIES, 'list', has no pattern of its own.)
    const everyFamily = (1 << (SENSITIVE_FAMILIES.length - 1)) - 1;
    let opened = 0;
    const missed: string[] = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
      for (const line of readFileSync(new URL(f, dir), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const { id, text } = JSON.parse(line) as { id: string; text: string };
        const mask = factFamilies(text);
        if (mask !== 0) opened++;
        const lower = text.toLowerCase();
        // (A text whose words open no family is not scanned at all: every fact in it is missed.)
        const some = mask === 0 ? [] : sensitiveHits(lower, mask).map((h) => `${h.family}@${h.start}`);
        const all = sensitiveHits(lower, everyFamily).map((h) => `${h.family}@${h.start}`);
        for (const h of all) if (!some.includes(h)) missed.push(`${id} ${h}`);
      }
    }
    expect(opened).toBeGreaterThan(1000);
    expect(missed).toEqual([]);
  });

  it('opens nothing for a text without a word of any fact', () => {
    expect(factFamilies('Wat een mooie foto van het schoolplein, groetjes!')).toBe(0);
    expect(factFamilies('Sara uit 2C is drie dagen geschorst')).not.toBe(0);
  });
});
