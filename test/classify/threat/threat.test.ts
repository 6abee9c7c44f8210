// Threat scorer: every rule family with texts that must and must not reach the alert threshold.
// The sentences are written for these tests (not taken from the dev data).
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/classify/normalize.ts';
import { scoreThreat } from '../../../src/classify/threat/index.ts';
import { DEFAULT_THRESHOLDS } from '../../../src/classify/types.ts';

const ALERT = DEFAULT_THRESHOLDS.threat.alert;
const score = (t: string) => scoreThreat(normalize(t));

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
  sextortion: [
    'Ik heb die naaktfoto nog. Stuur 100 euro of ik zet hem online.',
    'als je het uitmaakt gaan je nudes naar je hele klas',
  ],
  weapons: ['ik neem morgen een mes mee naar school, dan zien we wel wie er lacht', 'Mijn broer heeft een pistool. Zeg nog één keer iets over mijn zus.'],
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
};

describe('threat scorer', () => {
  for (const [family, texts] of Object.entries(THREATS)) {
    describe(`flags ${family}`, () => {
      for (const t of texts) it(t, () => expect(score(t).score).toBeGreaterThanOrEqual(ALERT));
    });
  }
  for (const [family, texts] of Object.entries(HARMLESS)) {
    describe(`leaves alone: ${family}`, () => {
      for (const t of texts) it(t, () => expect(score(t).score).toBeLessThan(ALERT));
    });
  }
});

describe('threat evidence', () => {
  it('points at the threatening clause inside a long text', () => {
    const text =
      'Ik lees hier veel over het nieuwe rooster en ik snap de zorgen. De bus rijdt te vroeg en de fietsenstalling is te klein. ' +
      'Maar die mentor die mijn dochter heeft geschorst: ik sla hem in elkaar als ik hem zie. Verder een prima school hoor.';
    const r = score(text);
    expect(r.score).toBeGreaterThanOrEqual(ALERT);
    const top = r.evidence.reduce((x, y) => (y.weight > x.weight ? y : x));
    expect(text.slice(top.start, top.end)).toMatch(/sla hem in elkaar/);
    expect(top.label).toBe('threat');
  });

  it('does not score a long harmless text high for being long', () => {
    const para = 'De kinderen hebben een geweldige dag gehad op het schoolreisje naar de dierentuin en iedereen was op tijd terug. ';
    expect(score(para.repeat(30)).score).toBe(0);
  });

  it('reports the lowering context in the evidence', () => {
    const r = score('Die hebben we helemaal afgemaakt in de finale van het voetbaltoernooi');
    expect(r.evidence.some((e) => /play/.test(e.detail))).toBe(true);
  });

  it('reads weapon emoji as words', () => {
    const withEmoji = score('Je weet wat er gebeurt met verraders 🔪').score;
    const without = score('Je weet wat er gebeurt met verraders').score;
    expect(withEmoji).toBeGreaterThan(without);
    expect(withEmoji).toBeGreaterThanOrEqual(ALERT);
  });

  it('survives leetspeak and stretched letters', () => {
    expect(score('ik m44k je @f na sch00l').score).toBeGreaterThanOrEqual(ALERT);
    expect(score('ik ga je neeeersteken').score).toBeGreaterThanOrEqual(ALERT);
  });

  it('returns zero and no evidence for text without threat words', () => {
    expect(score('Dank voor de fijne ouderavond!')).toEqual({ score: 0, evidence: [] });
    expect(score('')).toEqual({ score: 0, evidence: [] });
  });
});
