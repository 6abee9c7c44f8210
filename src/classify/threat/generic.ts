// Harm words in any word order. Dutch moves its verbs around ("ik steek je", "als je komt steek
// ik je", "dat ik hem ga neersteken", "die leraar ga ik slaan"), so besides the phrase rules a
// clause is read as a bag of roles: a harm word, someone (or, for fire and bombs, something) it
// is aimed at, and a frame that makes it an intent, a call or a wish. All three must be in the
// clause; then the harm word's weight counts, lowered by the same contexts as the phrase rules.

import { CALL_SET, FIRST_PERSON_SET, FUTURE_SET, SECOND_PERSON_SET, WISH_SET } from '../cues.ts';

export type HarmClass = 'kill' | 'injure' | 'shoot' | 'sexual' | 'arson' | 'weapon';

export const HARM_WEIGHT: Record<HarmClass, number> = {
  kill: 0.85,
  injure: 0.72,
  shoot: 0.8,
  sexual: 0.85,
  arson: 0.8,
  weapon: 0.6,
};

// Exact words, and prefixes (ending in '*').
const WORDS: Record<HarmClass, string> = {
  kill: `vermoord* moorden doden gedood doodmaken doodmaak doodmaakt doodgemaakt doodschiet* doodgeschoten doodsteek*
    doodgestoken doodslaan doodsla doodslaat doodgeslagen doodtrap* doodgetrapt afmaken afmaak afmaakt afgemaakt ombrengen
    omgebracht killen kill kil gekilled gekild afknal* afgeknald neerknal* neergeknald neerschiet* neergeschoten neersteek*
    neergestoken executeer* executeren geexecuteerd ophangen opgehangen wurg* gewurgd onthoofd* vergiftig* verzuipen
    uitmoorden uitroeien uitgeroeid afslachten afgeslacht liquideren geliquideerd shanken shank geshankt stabben stab
    doorsnijden doorsnijd doorgesneden`,
  injure: `steek steken stak gestoken slaan sla slaat sloeg sloegen geslagen schop schoppen schopt geschopt trappen trap
    trapt getrapt mep meppen mept gemept rammen ram ramt beuk beuken beukt afranselen afrossen aftuigen tuig
    mishandel* martel* snij snijden breek breken breekt kapot kapotmaken kapotslaan kapottrappen slopen sloop klap
    klappen dreun kopstoot opdoffen elkaar pijn lek lijden`,
  shoot: `schiet schieten schoot geschoten knal knallen kogel kogels`,
  sexual: `verkracht* aanrand* misbruik*`,
  arson: `fik brand afbrand* afgebrand platbrand* opblazen opblaas opgeblazen blaas bom bommen aanslag`,
  weapon: `mes messen pistool geweer jachtgeweer vuurwapen wapen knuppel honkbalknuppel bijl boksbeugel machete zwaard taser`,
};

const EXACT = new Map<string, HarmClass>();
const PREFIXES: [string, HarmClass][] = [];
for (const [cls, list] of Object.entries(WORDS) as [HarmClass, string][]) {
  for (const w of list.split(/\s+/).filter(Boolean)) {
    if (w.endsWith('*')) PREFIXES.push([w.slice(0, -1), cls]);
    else EXACT.set(w, cls);
  }
}
/** The harm class of a token text, or null (read once per word: the threat scorer keeps it in the word's record). */
export function harmOf(t: string): HarmClass | null {
  let c = EXACT.get(t) ?? null;
  if (c === null) for (const [p, cls] of PREFIXES) if (t.startsWith(p)) c = cls;
  return c;
}

/** Past forms: "ik sloeg hem" tells what happened, not what will. */
export const PAST_FORMS = new Set(
  `sloeg sloegen stak staken schoot schoten vermoordde vermoordden trapte trapten schopte schopten mepte mepten
   brak braken martelde mishandelde verkrachtte wurgde`.split(/\s+/),
);

/** Pronouns and words that aim the harm at someone. */
export const AIM_PRONOUNS = new Set([
  'je',
  'jou',
  'jij',
  'u',
  'ge',
  'gij',
  'jullie',
  'hem',
  'haar',
  'hen',
  'hun',
  'ze',
  'zij',
  'hij',
  'ie',
  'iedereen',
  'allemaal',
  'hemzelf',
  'haarzelf',
  'jezelf',
]);
/** Things fire and bombs are aimed at. */
export const BUILDINGS = new Set(
  `school gebouw tent huis lokaal kantine gymzaal aula auto fietsenhok kantoor bestuurskantoor schoolgebouw
   lerarenkamer klaslokaal woning zaak winkel`.split(/\s+/),
);
/** The writer as subject. */
export const FIRST = FIRST_PERSON_SET;
/** A call on others or what "should" happen; a wish. */
export const CALL_WORDS = CALL_SET;
export const WISH_WORDS = WISH_SET;
export const FUTURE = FUTURE_SET;
export const YOU = SECOND_PERSON_SET;
/** Clause-initial verbs that make an order: "sla hem", "steek die tent in de fik". */
export const IMPERATIVE = new Set(['steek', 'sla', 'schiet', 'schop', 'trap', 'mep', 'ram', 'beuk', 'maak', 'blaas', 'knal', 'wurg', 'pak', 'gooi']);
/** Family and pets: "ik vermoord mijn broer" is nearly always hyperbole. */
export const FAMILY = new Set(
  `broer zus broertje zusje moeder vader mama papa ma pa mam pap oma opa neef nicht tante oom kat hond poes vriendin vriend`.split(/\s+/),
);

/** Body parts: "zijn nek breken", "je kop" aim the harm at the owner. */
export const BODY = new Set(`nek kop hoofd keel kelen armen arm benen been tanden gezicht neus kaak botten vingers rug schedel knieen ogen`.split(/\s+/));
export const POSSESSIVE = new Set(['zijn', "z'n", 'zn', 'haar', "d'r", 'hun', 'jouw', 'je', 'uw', 'jullie']);
