// The classifier as a whole on sentences written for the old threat rules' tests (before the
// learned model existed): 90 threats of every family and 80 harmless sentences with the same
// words. Bounds, not perfection: today it flags 88 of the threats and 20 of the harmless ones
// (sentences built like threats — "als ik jou was …", "ik ga mijn huiswerk afmaken" — that the
// model reads as threats; see docs/classifier.md). The test keeps it from getting worse.
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classify/index.ts';

const THREATS: Record<string, string[]> = {
  'explicit, first person': [
    'Ik ga die mentor van 2C morgen neersteken',
    'ik steek je neer als je nog 1 keer naar mijn vriendin kijkt',
    'Als hij nog één keer mijn zoon uitscheldt sla ik hem in elkaar',
    'wij maken je af na de gym',
    'ik schiet je kapot met het geweer van mn oom',
    'Ik vermoord die docent echt',
    'ik ga je slopen morgen, let maar op',
    'ik trap je verrot bij de bushalte',
    'die conciërge ga ik wurgen',
    'Ik ga die gast doodslaan',
    'ik breek je benen na school',
    'ik kill je morgen echt',
    'ik ga die rector afknallen',
  ],
  'wishes and calls': [
    'Ik hoop dat die juf een dodelijk ongeluk krijgt',
    'ik hoop echt dat je kanker krijgt',
    'Hopelijk komt die leraar onder een trein',
    'Iemand zou die meester eens in elkaar moeten slaan',
    'Laten we die gast van 3A morgen opwachten',
    'steek die hele school maar in de fik',
    'Wie helpt mee om de ruiten van het Eilandcollege in te gooien?',
    'Die directeur moet gewoon opgehangen worden',
    'Dood aan alle leraren van dit college',
    'Die leraren verdienen het om te sterven',
  ],
  implicit: [
    'Ik weet waar jij woont, meneer de Vries.',
    'wacht maar tot je vrijdag alleen naar huis fietst',
    'Jij gaat het nog merken, juf.',
    'Laatste waarschuwing. Daarna ben je er geweest.',
    'Je bent gewaarschuwd 🔪',
    'Blijf morgen maar thuis als je slim bent 💣',
    'Er gaat maandag iets knallen op school.',
    'We weten wie je bent. We vinden je wel.',
  ],
  stalking: [
    'Ik zie je elke middag om 3 uur bij het hek staan. Leuke rode tas.',
    'Vannacht stond ik weer voor je huis. Je raam was open.',
    'ik hou je goed in de gaten, elke dag.',
  ],
  sextortion: ['Ik heb die naaktfoto nog. Stuur 100 euro of ik zet hem online.', 'als je het uitmaakt gaan je nudes naar je hele klas'],
  weapons: ['ik neem morgen een mes mee naar school, dan zien we wel wie er lacht', 'Mijn broer heeft een pistool. Zeg nog één keer iets over mijn zus.'],
  // Free word order, Flemish, slang and idiom: written as a second check after the rules.
  'any word order and idiom': [
    'Iemand zou zijn nek eens moeten breken',
    'Ik zal die pestkoppen laten lijden',
    'ik zal de kelen van die verraders doorsnijden',
    'ik zweer het, als je morgen op school komt steek ik je',
    'Volgende keer dat ik die gast zie is ie dood',
    'ik ga die leraar zn kop eraf slaan',
    'Die juf moet gewoon doodgeschoten worden',
    'ik breng morgen een mes mee en dan zien we wel',
    'Wacht maar af wat er vrijdag gebeurt op jullie school',
    'Als ik jou was zou ik niet meer alleen over straat gaan',
    'Ik ga jullie school in de fik zetten',
    'hoop dat die hele klas verongelukt op schoolreis',
    'Iemand moet die rector eens een lesje leren met een knuppel',
    'Ik kom je opzoeken en dan ben je nog niet jarig',
    'jij bent de volgende, let maar op',
    'We komen met 10 man naar het schoolplein, die jongen is erbij',
    'ik ga je zo hard slaan dat je niet meer op kan staan',
    'Je moeder gaat je niet meer herkennen als ik klaar ben met je',
    'Ik heb een pistool geregeld. Vrijdag is het zover.',
    'ge moogt blij zijn als ge morgen nog leeft',
    'stuur me 200 euro anders zet ik die video van je online',
    'Ik weet in welke straat je woont en welke fiets je hebt',
    'ik volg je al weken naar huis, je hebt niks door',
    'morgen knal ik iedereen neer in de aula',
    'die directeur mag van mij doodvallen',
    'Ik zal ervoor zorgen dat je nooit meer kan lopen',
    'Ik ga je vinden en dan maak ik je kapot',
    'die lerares verdient een kogel',
    'iemand moet die school opblazen',
    'Ik ga je vermoorden, echt waar',
    'k ga je afmaken',
    'Ik steek die tent in brand als ze me schorsen',
    'Die mentor krijgt morgen klappen van mij',
    'als hij nog 1x aan mijn zusje zit dan sla ik hem helemaal verrot',
    'wij gaan die jongen uit 2C pakken na de les',
    'Ik wil dat die juf sterft',
    'Die kinderen van de buren moeten allemaal dood',
    'Ik sla je dood als je het aan de meester vertelt',
    'Morgen ligt er een bom onder de kantine. Niet komen.',
    'ik ga je neersteken met een schaar',
    'k zal je laten zien wat er gebeurt met verklikkers',
    'Ik wou dat die school afbrandde met alle leraren erin',
    'Ik maak van je leven een hel, geloof me',
    'Als je dit doorvertelt, ben je dood',
    'Trap die gast maar in elkaar jongens',
    'ik krijg je nog wel, vieze verrader',
    'Die conciërge moet je gewoon in elkaar slaan',
    'Ik schiet die hele klas overhoop',
    'ik ga met een mes naar school morgen, wie durft',
    'jullie gaan eraan, allemaal',
    'Ik ga zijn auto in de fik steken vannacht',
    'We gaan je huis vinden en dan ben je zuur',
  ],
};

const HARMLESS: Record<string, string[]> = {
  idioms: [
    'Ik ga dood van de zenuwen voor die presentatie',
    'Dat proefwerk Frans was echt moord',
    'Mijn vader vermoordt me als hij dit cijfer ziet',
    'Ik kan mijn zus wel schieten, ze heeft mijn lader gejat',
    'ik schiet in de lach van die video',
    'die nieuwe gymzaal is echt de bom',
    'Ik ben doodmoe na de sportdag',
    'Deze week heeft me echt gesloopt',
    'Die juf heeft ons afgemaakt met die overhoring',
  ],
  'sport and games': [
    'Zaterdag maken we ze af in de halve finale!',
    'we hebben ze ingemaakt met 6-0',
    'ik maak je kapot met FIFA vanavond',
    'Die hebben we helemaal vernietigd bij het schaken',
    'In Fortnite heb ik ze allemaal neergeknald haha',
  ],
  'news and reporting': [
    'Politie houdt jongen aan die dreigde een leraar neer te steken. De verdachte is 16.',
    'Rechtbank: man die school wilde opblazen krijgt celstraf',
    "Iemand schreef dat hij 'alle leraren gaat vermoorden'. Ik heb het gemeld bij de politie.",
    'Het is niet grappig om te zeggen dat je iemand gaat neersteken.',
  ],
  'negation and counter-speech': [
    'Niemand verdient het om te sterven, ook die leraar niet.',
    'Ik zou nooit iemand pijn doen.',
    'Geweld is nooit de oplossing, ook niet als je gepest wordt.',
  ],
  ordinary: [
    'Wat een mooie foto van de musical!',
    'We moeten de posters nog ophangen in de aula.',
    'Laten we het pesten uitroeien op onze school.',
    'Kunnen we het project morgen afmaken?',
    'Zaterdag is de open dag, iedereen is welkom.',
    'Steek je hand op als je een vraag hebt.',
    'Ik kom je om half vier halen bij school, lieverd.',
    'Ik weet waar je woont? Ja, we zijn buren haha. Kom je vanavond eten?',
    'Een foto van de kerstviering gaat naar alle ouders via Parro.',
  ],
  'jokes, family, games and everyday words': [
    'Mijn broer maakt me gek, ik vermoord hem nog eens haha',
    'We gaan ze inmaken zaterdag bij het hockey!',
    'Die film was echt killing, moet je zien',
    'ik lag dood van het lachen bij de bonte avond',
    'die wiskundeleraar vermoordt ons met al dat huiswerk',
    'Ik ga mijn huiswerk afmaken en dan kom ik',
    'Politie onderzoekt bedreiging van leraar op Lyceum Oost',
    'Geweld tegen leraren is nooit ok, wie dreigt met een mes hoort bij de politie',
    'Mijn zoon schoot een prachtige goal tijdens het toernooi',
    'De bom barstte toen de rector het nieuws bracht',
    'Het is een schande dat iemand schreef dat hij de school wil opblazen',
    'Ik weet waar het schoolfeest is, op het plein toch?',
    'wacht maar tot je de nieuwe gymzaal ziet, echt mooi!',
    'Let goed op in de les, dan komt het goed met de toets',
    'Die docent slaat nergens op met zijn regels',
    'Ik schiet straks even langs bij de administratie',
    'Kinderen, pas op bij het oversteken bij de Bachlaan!',
    'Ik heb je foto’s van het kamp nog, zal ik ze naar je ouders sturen?',
    'De brandweer kwam langs voor een brandoefening, super leerzaam',
    'Wie gaat er mee naar de ouderavond?',
    'Dit zwembad is echt moordend druk',
    'Die opdracht heeft me echt kapot gemaakt haha',
    'We hebben de tegenstander afgeslacht, 5-0!',
    'Zonde als de ramen van de school niet gelapt worden voor de open dag',
    'ik maak je morgen af bij het schaken 😂',
    'In het toneelstuk wordt de koning vermoord door zijn broer',
    'De geschiedenisles ging over de moord op Willem van Oranje',
    'Onze kat heeft een muis doodgebeten, gatver',
    'Iemand moet dat onkruid op het plein eens weghalen',
    'Mijn moeder zei dat ze me kwam halen na school',
    'Ik heb zin om die hele toets te verscheuren haha',
    'Die jongen is echt dood op zijn benen na het kamp',
    'Mijn zus slaat altijd de wekker uit',
    'We gaan de tegenstanders morgen pakken op het veld!',
    'Deze hitte is niet te doen, ik ga dood',
    'Hij sloeg de bal zo hard dat hij over het hek vloog',
    'Wie heeft mijn fiets kapot gemaakt? Hij staat bij het hek.',
    'Ik zal je missen juf, dankjewel voor alles',
    'We moeten het pesten samen de wereld uit helpen',
    'De politie heeft de man opgepakt die dreigde de school in brand te steken',
    'Als ik jou was zou ik de mentor even mailen',
    'Pas op, de vloer in de aula is glad',
    'Ik weet waar je woont, want ik breng je altijd thuis na hockey toch?',
    'Die nieuwe juf is de bom, iedereen is fan',
    'Mijn vader gaat me vermoorden als ik weer te laat thuis ben lol',
    'Steek je hand op als je mee wilt op kamp',
    'We hebben een mes nodig voor de taart op de verjaardag van juf',
    'Ik ga die spreekbeurt helemaal afmaken vanavond',
    'Hij kreeg een klap van de bal tijdens gym, gelukkig niks ernstigs',
    'Het is niet oké om te dreigen dat je iemand in elkaar slaat',
  ],
};
const classifier = createClassifier();
const flagged = (t: string) => classifier.classify(t).labels.includes('threat');

describe('threat sentences of every family', () => {
  it('flags at least 86 of the 90 threats', () => {
    const missed = Object.values(THREATS)
      .flat()
      .filter((t) => !flagged(t));
    expect(Object.values(THREATS).flat()).toHaveLength(90);
    expect(missed.length, missed.join('\n')).toBeLessThanOrEqual(4);
  });
  it('flags at most 20 of the 80 harmless sentences with the same words', () => {
    const wrong = Object.values(HARMLESS)
      .flat()
      .filter((t) => flagged(t));
    expect(Object.values(HARMLESS).flat()).toHaveLength(80);
    expect(wrong.length, wrong.join('\n')).toBeLessThanOrEqual(20);
  });
});
