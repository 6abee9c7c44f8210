// Multi-word offensive patterns over `Doc.seq`: hateful phrases about a person or group
// ("kan … niet uitstaan", "geen kut waard", "horen niet thuis in", "terug naar je eigen land"),
// dehumanising comparisons, bullying ("niemand wil naast haar", "lachen hem uit", "ga huilen"),
// sexual solicitation and vulgar insults ("kus mijn kloten"). A pattern is scanned only when
// one of its own words is among the text's tokens; only matches are examined further.

import type { Cat } from './lexicon.ts';

export interface Phrase {
  id: string;
  /** Sentences it must fire on and sentences with its words it must leave alone (test/classify/rules.test.ts). */
  examples: { fires: readonly string[]; quiet: readonly string[] };
  cat: Cat;
  w: number;
  /** Carries its own target (second person, a named victim): no separate target needed. */
  selfTargeted?: boolean;
  re: RegExp;
  /** The pattern without the token bounds around it. */
  src: string;
}

const W = String.raw`[a-z0-9'@#-]+`; // one token form in seq

/** Patterns match whole tokens of seq. */
const bounded = (src: string) => String.raw`(?:^| )(?:${src})(?= |$)`;

function p(id: string, cat: Cat, w: number, src: string, selfTargeted = false): Phrase {
  return { id, cat, w, selfTargeted, examples: PHRASE_EXAMPLES[id] ?? { fires: [], quiet: [] }, re: new RegExp(bounded(src)), src };
}

/** Each phrase's own examples, written for it (not taken from any data set). */
const PHRASE_EXAMPLES: Record<string, { fires: string[]; quiet: string[] }> = {
  'cannot-stand': {
    fires: ['ik kan die nieuwe jongen echt niet uitstaan', 'ik kan die mensen niet luchten'],
    quiet: ['ik kan niet tegen de hitte in de gymzaal'],
  },
  'makes-me-sick': { fires: ['die gasten maken me echt ziek', 'die juf maakt me zo misselijk'], quiet: ['die achtbaan maakte me echt misselijk'] },
  worthless: { fires: ['die jongen is geen cent waard', 'jullie zijn waardeloos, allemaal'], quiet: ['deze oude fietsen zijn niks meer waard'] },
  'not-human': { fires: ['die lui zijn geen mensen meer', 'het zijn minderwaardige wezens'], quiet: ['mijn hond is geen mens maar hoort wel bij de familie'] },
  'do-not-belong': { fires: ['die types horen niet thuis op onze school', 'jullie horen in een kooi'], quiet: ['schoenen horen niet op de bank'] },
  'go-home': { fires: ['ga terug naar je eigen land', 'die moeten maar terug naar hun eigen land'], quiet: ['we gaan na de vakantie terug naar huis'] },
  'too-many': { fires: ['er zitten te veel buitenlanders in deze klas'], quiet: ['er zitten te veel kinderen in de bus'] },
  'animal-better': { fires: ['een aap is nog slimmer dan jullie'], quiet: ['dieren zijn beter af in een groot park'] },
  'rather-die': { fires: ['ik sterf liever dan dat ik naast die gast zit'], quiet: ['ik ga liever dood dan dat ik die film nog een keer zie haha'] },
  untrustworthy: { fires: ['die mensen zijn niet te vertrouwen', 'zulke gasten zijn nooit te vertrouwen'], quiet: ['het weer is niet te vertrouwen vandaag'] },
  'not-wanted': { fires: ['we willen geen asielzoekers op onze school'], quiet: ['we willen geen rommel in onze klas'] },
  'threat-to-society': { fires: ['die mensen zijn een gevaar voor onze samenleving'], quiet: ['roken is een gevaar voor de gezondheid van kinderen'] },
  ruin: { fires: ['die gasten verpesten onze hele school'], quiet: ['de regen verpestte de sportdag'] },
  'kiss-my': { fires: ['lik mijn reet, juf', 'kus mijn kloten'], quiet: ['ik kus mijn moeder elke ochtend gedag'] },
  'get-lost': { fires: ['rot toch op eikel', 'tyfus op met je huiswerk'], quiet: ['ik rot hier niet weg, ik blijf gewoon'] },
  'pest-curse': { fires: ['krijg de pest met je strafwerk', 'krijg de tering, jij'], quiet: ['in de middeleeuwen kregen veel mensen de pest'] },
  'cancer-wish': { fires: ['ik hoop dat je kanker krijgt'], quiet: ['mijn oom kreeg kanker, gelukkig is hij beter'] },
  'spit-on': { fires: ['ik spuug op jou en je vrienden', 'ik schijt op die mentor'], quiet: ['spuug je kauwgom niet op de stoep'] },
  'fuck-you': { fires: ['fuck you juf', 'fuck de school'], quiet: ['dat woord zeg je niet tegen een juf'] },
  'nobody-wants': {
    fires: ['niemand wil naast haar zitten', 'niemand speelt met hem, hij stinkt'],
    quiet: ['niemand wil naast de deur zitten, het tocht daar'],
  },
  'laugh-at': { fires: ['iedereen lacht hem uit in de klas', 'negeer haar allemaal morgen'], quiet: ['we lachten om de grappen van de clown'] },
  'go-cry': { fires: ['ga lekker huilen bij je mama', 'ga maar janken dan, watje'], quiet: ['ik moest huilen bij het afscheid van juf'] },
  'mock-meme': { fires: ['pov: je zit naast Kees in de les', 'meme van de dag: Kees in zijn gympak'], quiet: ['de meme over het huiswerk was grappig'] },
  'looks-like': { fires: ['jij bent net een varken', 'jij lijkt wel een walrus in dat badpak'], quiet: ['de wolk zag eruit als een konijn'] },
  smells: { fires: ['je adem stinkt echt, ga weg', 'zijn oksels stinken tot in de gang'], quiet: ['de gymzaal stinkt na de les'] },
  'send-pic': { fires: ['stuur me een foto in je ondergoed', 'stuur nog een foto van je in bikini'], quiet: ['stuur me een foto van je nieuwe fiets'] },
  lap: { fires: ['kom maar op mijn schoot zitten, meisje', 'die juf met haar korte rokjes'], quiet: ['de kat ligt op mijn schoot te spinnen'] },
};

export const PHRASES: readonly Phrase[] = [
  // Hateful attitude (needs a target in the clause).
  p('cannot-stand', 'emote', 0.72, String.raw`(?:niet|nooit) (?:uit)?staan|(?:niet|nooit) luchten|(?:niet|nooit) (?:zien|uit) zitten`),
  p(
    'makes-me-sick',
    'emote',
    0.7,
    String.raw`(?:maakt|maken) (?:me|mij) (?:zo |echt )?(?:ziek|misselijk|kotsen|pissig|woedend|kwaad)|koken van woede|(?:vullen|vult) (?:me|mij) met`,
  ),
  // Dehumanising statements (need a target).
  p(
    'worthless',
    'dehum',
    0.8,
    String.raw`geen (?:kut|reet|ruk|fuck|moer|donder|zak|flikker|klap|cent|stuiver|bal) waard|(?:niets|niks) (?:meer )?waard|minder waard|waardeloos`,
  ),
  p(
    'not-human',
    'dehum',
    0.82,
    String.raw`geen (?:echte )?mens(?:en)?|(?:mindere|lagere|onmenselijke|inferieure|minderwaardige) wezens|menselijk afval|niet menselijk|untermenschen`,
  ),
  p(
    'do-not-belong',
    'dehum',
    0.75,
    String.raw`(?:be)?hore?n? (?:hier |echt |gewoon )?niet (?:thuis )?(?:in|op|bij|voor|tussen)|hoort (?:hier |echt |gewoon )?niet(?: thuis)?(?: (?:in|op|bij|voor|tussen))?|(?:be)?hore?n? (?:thuis )?in (?:een |de )?(?:dierentuin|kooi|kooien|zoo|gevangenis|kamp)|(?:naar|bij) (?:een|de) dierenarts|opgesloten (?:\S+ )?in kooien`,
  ),
  p(
    'go-home',
    'dehum',
    0.82,
    String.raw`(?:ga|gaan|ga maar|moeten|oprotten|rot op|donder op) (?:\S+ )?(?:terug )?naar (?:je|jullie|hun|uw|jouw) (?:eigen )?(?:land|landen|woestijn|hok)`,
    true,
  ),
  p('too-many', 'dehum', 0.72, String.raw`te veel ${W} (?:in|op) (?:dit|ons|het|deze) (?:land|school|buurt|klas)`, true),
  p(
    'animal-better',
    'dehum',
    0.75,
    String.raw`(?:aap|apen|hond|honden|rat|ratten|varken|varkens|insect|insecten|dier|dieren|kakkerlak) (?:is|zijn) (?:\S+ )?(?:intelligenter|slimmer|waardevoller|meer waard|beter)`,
  ),
  p('rather-die', 'dehum', 0.66, String.raw`(?:sterf|sterven|ga dood|ga ik dood|zelfmoord) (?:\S+ )?(?:liever|plegen)`),
  p('untrustworthy', 'dehum', 0.7, String.raw`(?:niet|nooit) te vertrouwen`),
  p(
    'not-wanted',
    'dehum',
    0.7,
    String.raw`(?:wil|willen) geen ${W}(?: ${W})? (?:in|op|naast) (?:mijn|onze|ons|de|deze) (?:buurt|straat|school|klas|land|wijk|stad)`,
    true,
  ),
  p(
    'threat-to-society',
    'dehum',
    0.75,
    String.raw`(?:een |de )?(?:bedreiging|gevaar|kanker|virus|plaag|last) (?:voor|van) (?:onze|ons|de|deze|het) (?:samenleving|land|maatschappij|kinderen|school|buurt|beschaving|volk|cultuur)`,
  ),
  p('ruin', 'dehum', 0.66, String.raw`(?:ruineren|verpesten|verpest|kapotmaken|vergiftigt|vergiftigen|infesteren)`),
  // Aimed vulgar insults and gestures (carry their own target).
  p('kiss-my', 'insult', 0.78, String.raw`(?:kus|kust|lik|likt|lik maar) (?:mijn|m'n|mn|me) (?:kloten|reet|kont|hol|aars|ballen)`, true),
  p('get-lost', 'insult', 0.6, String.raw`(?:rot|donder|sodemieter|flikker|tering|kanker|tyfus|pleur) (?:toch |nou |maar )?op`, true),
  p(
    'pest-curse',
    'curse',
    0.85,
    String.raw`(?:krijg|krijgt|krijgen|kunnen \S+ krijgen) de (?:pest|pleuris|tering|tyfus|kanker|klere|pokken|takke)|pest op|pest toch op|de pest in`,
    true,
  ),
  p(
    'cancer-wish',
    'curse',
    0.85,
    String.raw`(?:hoop|hoopt|wens|wou|moge|mag) (?:\S+ ){0,3}(?:kanker|tyfus|tering|pest|pokken) (?:krijgt|krijgen|krijg)|(?:kanker|tyfus|tering) (?:krijgen|krijgt)`,
    true,
  ),
  p('spit-on', 'insult', 0.7, String.raw`(?:spuug|spuw|schijt|pis|zeik) (?:\S+ )?op (?:jou|je|jullie|die|hem|haar|u|dat stomme)`, true),
  p('fuck-you', 'insult', 0.7, String.raw`fuck (?:you|jou|je|jullie|off|u)|f u|fuck de (?:juf|meester|school|leraar|mentor|directie)`, true),
  // Bullying and humiliation (carry their own victim).
  p(
    'nobody-wants',
    'emote',
    0.75,
    String.raw`niemand (?:wil|mag|gaat|zit|speelt|moet|vindt|praat|praten|kletst) (?:\S+ ){0,3}(?:naast|met|bij) (?:haar|hem|jou|je|die)|niemand (?:moet|wil|mag) (?:haar|hem|jou|je) (?:meer )?(?:uitnodigen|hebben)|niemand (?:heeft|wil) ${W} (?:\S+ )?(?:uitgenodigd|uitnodigen)|(?:niemand|geen mens) (?:mag|vindt|kan) (?:haar|hem)(?: leuk| aardig| uitstaan)?`,
    true,
  ),
  p(
    'laugh-at',
    'emote',
    0.75,
    String.raw`(?:lachen|lacht|lachte|lachten) (?:hem|haar|jou|je|hen|ze) (?:\S+ )?uit|het lachertje|(?:blokkeer|blokkeren|negeer|negeren) (?:haar|hem|die) (?:gewoon )?(?:allemaal|allen)?`,
    true,
  ),
  p('go-cry', 'emote', 0.7, String.raw`ga (?:lekker |maar |dan )?(?:huilen|janken|grienen)|huil (?:maar|dan) (?:lekker )?`, true),
  p('mock-meme', 'emote', 0.58, String.raw`pov|meme (?:van|maken van)|meme van de dag|(?:een )?meme (?:\S+ )?van (?:zn|z'n|zijn|haar|d'r)`),
  p(
    'looks-like',
    'emote',
    0.5,
    String.raw`(?:lijkt wel|net) (?:een|op een) (?:walrus|varken|vogelnest|aap|olifant|nijlpaard|walvis|koe|bezem|clown|heks|lijk|zombie)|(?:ziet|zag) (?:er )?uit als een`,
  ),
  p('smells', 'emote', 0.6, String.raw`(?:je|jouw|zijn|haar|z'n|d'r) (?:neus|adem|lucht|oksels) (?:overleeft|stinkt|stinken)`, true),
  // Sexual solicitation and remarks.
  p(
    'send-pic',
    'sexual',
    0.72,
    String.raw`(?:stuur|stuurt|send) (?:je |jij )?(?:me|mij|nog) (?:\S+ ){0,4}(?:foto|fotos|foto's|pic|pics|nudes|naaktfoto|video) (?:\S+ ){0,4}(?:bikini|ondergoed|naakt|borsten|tieten|kont|bh|string|douche|shirt|kleren|topje|beha)|(?:foto|fotos|foto's) van (?:je|jouw|haar) (?:borsten|tieten|kont|lichaam)`,
    true,
  ),
];

// Literal words of the patterns, minus very common ones: a text none of whose tokens is in
// this set cannot match any pattern, so most texts skip the regex scan altogether.
const COMMON = new Set(
  `een van het met zijn is de op in voor bij als uit niet geen nooit niets niks me mij je jij
   hij zij ze hen hun haar hem die dat dit deze te er om en of meer echt zo gewoon maar dan
   hier thuis ik we wij mijn m'n mn moet moeten mogen zou zouden kunnen zal ga gaan gaat heeft
   wil mag aan tot naar over door onze ons uw jouw jullie zien zitten maken maakt doen doet
   beter af plaats school klas kinderen worden hebben nog dag allemaal allen lekker wel net laten
   zit echte toch nou hoop vindt naast jou foto video dood terug eigen last krijg krijgt
   krijgen nek dier lucht lijk hol bal absoluut hoor staan wou wens moge hoopt be hore`.split(/\s+/),
);
export const TRIGGERS: ReadonlySet<string> = (() => {
  const out = new Set<string>();
  for (const ph of PHRASES) {
    for (const m of ph.re.source.matchAll(/[a-z][a-z']{1,}/g)) {
      const w = m[0];
      if (w.length >= 2 && !COMMON.has(w)) out.add(w);
    }
  }
  // Words spelled through optional letters in the sources: (?:be)?hore?n?, mens(?:en)?, ...
  for (const w of ['horen', 'hoort', 'behoren', 'behoort', 'hoor', 'mens', 'mensen', 'staan', 'uitstaan', 'zitten']) out.add(w);
  return out;
})();

// Per phrase, the words that can wake it; a phrase without any is woken by every scan.
const MANUAL = ['horen', 'hoort', 'behoren', 'behoort', 'hoor', 'mens', 'mensen', 'staan', 'uitstaan', 'zitten'];
const WAKE = new Map<string, number>(); // word → bit mask of phrases (as a bigint-free pair of 32-bit words)
const WAKE_HI = new Map<string, number>();
let ALWAYS_LO = 0;
let ALWAYS_HI = 0;
PHRASES.forEach((ph, i) => {
  const words = new Set<string>();
  for (const m of ph.re.source.matchAll(/[a-z][a-z']{1,}/g)) if (m[0].length >= 2 && !COMMON.has(m[0])) words.add(m[0]);
  for (const w of MANUAL) if (ph.re.source.includes(w.slice(0, 4)) || ph.re.source.includes(w.slice(-4))) words.add(w);
  const [lo, hi] = i < 32 ? [(1 << i) >>> 0, 0] : [0, (1 << (i - 32)) >>> 0];
  if (words.size === 0) {
    ALWAYS_LO = (ALWAYS_LO | lo) >>> 0;
    ALWAYS_HI = (ALWAYS_HI | hi) >>> 0;
  }
  for (const w of words) {
    WAKE.set(w, ((WAKE.get(w) ?? 0) | lo) >>> 0);
    WAKE_HI.set(w, ((WAKE_HI.get(w) ?? 0) | hi) >>> 0);
  }
});
if (PHRASES.length > 64) throw new Error('patterns.ts: more than 64 phrases; widen the wake masks');

// Each phrase scanned on its own, with its own global copy: a text wakes one or two phrases
// on average, and a combined alternation per set of woken phrases would have to be compiled for
// each new set.
const GLOBAL = PHRASES.map((ph) => new RegExp(ph.re.source, 'g'));

export interface PhraseHit {
  ph: Phrase;
  /** Match range in seq (without the leading space). */
  from: number;
  to: number;
}

/** All phrase matches in seq, in order of position (then of PHRASES). */
export function findPhrases(seq: string): PhraseHit[] {
  return scanPhrases(seq, 0xffffffff, 0xffffffff);
}

/** Scan only the phrases one of whose trigger words is among the tokens. */
export function findPhrasesIn(seq: string, tokens: readonly { t: string }[]): PhraseHit[] {
  let lo = ALWAYS_LO;
  let hi = ALWAYS_HI;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!.t;
    const l = WAKE.get(t);
    if (l === undefined) continue;
    lo = (lo | l) >>> 0;
    hi = (hi | WAKE_HI.get(t)!) >>> 0;
  }
  if (lo === 0 && hi === 0) return NONE;
  return scanPhrases(seq, lo, hi);
}
const NONE: PhraseHit[] = [];

function scanPhrases(seq: string, lo: number, hi: number): PhraseHit[] {
  const out: PhraseHit[] = [];
  for (let i = 0; i < PHRASES.length; i++) {
    if (!(i < 32 ? (lo >>> i) & 1 : (hi >>> (i - 32)) & 1)) continue;
    const re = GLOBAL[i]!;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(seq)) !== null) {
      const from = m.index + (m[0].startsWith(' ') ? 1 : 0);
      const to = m.index + m[0].length;
      if (to > from) out.push({ ph: PHRASES[i]!, from, to });
      // Go on after the match's first token, so that overlapping matches are still seen.
      const sp = seq.indexOf(' ', from);
      re.lastIndex = sp < 0 ? seq.length : sp;
    }
  }
  if (out.length > 1) out.sort((a, b) => a.from - b.from || PHRASES.indexOf(a.ph) - PHRASES.indexOf(b.ph));
  return out;
}
