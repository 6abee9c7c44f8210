// The offensive (protocol A10) rules: lexicon hits and phrase patterns, combined per clause and
// lowered by local context (quotation, counter-speech, news, negation). The learned model
// (model/) and the combiner (combine.ts) weigh this together with everything else. The score is the strongest local evidence, never a sum over the text, so a long
// article scores by its worst clause and the evidence points at that clause.

import type { Doc, Token } from '../normalize.ts';
import { tokenAtSeq } from '../normalize.ts';
import type { Evidence, LabelResult } from '../types.ts';
import { entryOf, lookup, lookupWord, squeeze, targetWord } from './lexicon.ts';
import type { Cat } from './lexicon.ts';
import { findPhrasesIn } from './patterns.ts';
import { isNegation, layout, sentenceContext } from '../cues.ts';

interface Cand {
  k0: number; // first token
  k1: number; // last token (inclusive)
  cat: Cat;
  w: number;
  id: string;
  kind: 'lexicon' | 'pattern';
  selfTargeted: boolean;
}

const COPULA = new Set([
  'is',
  'zijn',
  'ben',
  'bent',
  'zijt',
  'was',
  'waren',
  'wordt',
  'worden',
  'blijft',
  'blijven',
  'lijkt',
  'lijken',
  'noem',
  'noemt',
  'vind',
  'vindt',
  'vinden',
  'zo',
  'als',
  'zoals',
  'echt',
  "zo'n",
  'zon',
]);
// Words before a mild insult that aim it: "wat een idioot", "stelletje clowns", "jij sukkel".
const AIM_BEFORE = new Set([
  'allemaal',
  'een',
  "zo'n",
  'zon',
  'stelletje',
  'stel',
  'bende',
  'nen',
  'ne',
  'die',
  'dat',
  'vuile',
  'vieze',
  'jij',
  'je',
  'jullie',
  'ge',
  'gij',
  'u',
  'bent',
  'zijt',
  'rot',
  'domme',
  'stomme',
  'kut',
  'echte',
]);
// Words that may sit between the aiming word and the insult.
const SKIPPABLE = new Set([
  'echt',
  'gewoon',
  'zo',
  'zon',
  'fucking',
  'vieze',
  'vuile',
  'domme',
  'stomme',
  'arrogante',
  'incompetente',
  'achterlijke',
  'gestoorde',
  'zielige',
  'lelijke',
  'dikke',
  'vette',
  'grote',
  'kleine',
  'enorme',
  'totale',
  'ongelooflijke',
  'hypocriete',
  'goedkope',
  'onnozele',
  'graaiende',
  'verwende',
  'verdomde',
  'kanker',
  'tyfus',
  'tering',
  'klere',
]);
// Adjectives used as intensifiers before something positive: "wreed goed", "vet mooi", "dikke prima".
const POSITIVE_NEXT = new Set([
  'goed',
  'mooi',
  'schoon',
  'leuk',
  'lekker',
  'tof',
  'plezant',
  'prima',
  'vet',
  'chill',
  'nice',
  'blij',
  'gezellig',
  'cool',
  'grappig',
  'lit',
  'top',
  'sterk',
  'knap',
  'shoutout',
  'proficiat',
  'respect',
  'dank',
  'hard',
]);
const BODY = new Set(['dik', 'dike', 'vet', 'vete', 'dikste', 'stinkende', 'bole']);
const SEX_EMOJI = /[\u{1F975}\u{1F618}\u{1F924}\u{1F351}\u{1F346}\u{1F60F}\u{1F445}\u{1F4A6}]/u;
const LITERAL = new Set(
  `slungel zeur kakker kakkers creep pestkop pestkoppen paard kwal schande heksen aap apen kleuter kleuters koe koeien varken varkens baby babys baby's clown clowns zak zakken gek gekken
   kieken kiekens pot poten homo homo's homos autist autisten heks boomer boomers nerd nerds
   woke freak`
    .split(/\s+/)
    .map(squeeze),
);
const STRONG_AIM = new Set([
  'stelletje',
  'stel',
  'bende',
  'jij',
  'jullie',
  'ge',
  'gij',
  'bent',
  'zijt',
  'vuile',
  'vieze',
  'domme',
  'stomme',
  'dikke',
  'onnozele',
  'achterlijke',
  'gestoorde',
  'arrogante',
  'zielige',
  'nen',
]);
const MEDICAL_NEXT = new Set([
  'onderzoek',
  'patienten',
  'behandeling',
  'vastgesteld',
  'geconstateerd',
  'gediagnosticeerd',
  'ontdekt',
  'gevonden',
  'uitgezaaid',
  'overleden',
  'genezen',
  'gehad',
  'heeft',
  'had',
  'ziekte',
  'diagnose',
]);
const NAME_VERBS = new Set([
  'is',
  'heeft',
  'zit',
  'kan',
  'was',
  'had',
  'moet',
  'wil',
  'doet',
  'stinkt',
  'huilt',
  'ziet',
  'loopt',
  'denkt',
  'krijgt',
  'blijft',
  'zegt',
]);
const FUNCTION_CAPS = new Set(
  `dit dat die het een er hier daar wat wie dan nu ook zo echt ik we wij jij je hij zij ze hun men
   iedereen niemand alles niets niks deze elke elk welke waarom hoe waar wanneer school klas juf
   meester groep mijn onze jouw zijn haar hun uw maar want dus toch wel nog alleen`.split(/\s+/),
);
const SOFT_ADJ = new Set(
  ['vies', 'vieze', 'smerig', 'smerige', 'lui', 'luie', 'zielig', 'zielige', 'gemeen', 'gemene', 'vals', 'valse', 'ziek', 'wreed', 'wrede', 'gevaarlijk'].map(
    squeeze,
  ),
);
const EMOTE_VERBS = new Set(
  ['haat', 'haten', 'haatte', 'haatten', 'verafschuw', 'verafschuwen', 'veracht', 'verachten', 'walg', 'walgen', 'walgde', 'minacht', 'verdoem'].map(squeeze),
);
const IDENTITY_ADJ = new Set(
  `zwarte zwart joodse islamitische moslim marokkaanse turkse surinaamse antilliaanse poolse
   homoseksuele homo lesbische biseksuele transgender trans gehandicapte allochtone buitenlandse
   arabische afrikaanse aziatische chinese gekleurde`.split(/\s+/),
);
const FIRST_PERSON_ONLY = new Set(['ik', 'me', 'mij', 'mijn', 'mn', "m'n", 'we', 'wij', 'ons', 'onze']);

/** A doubled vowel: how Dutch spells a long one ("zaak", "boom"). */
const LONG_VOWEL = /aa|ee|oo|uu/;

function isName(doc: Doc, k: number, sentStart: boolean): boolean {
  const tok = doc.tokens[k]!;
  if (!tok.cap || sentStart || tok.kind !== 'word' || tok.t.length < 3) return false;
  // Capitalised common words mid-sentence (school names, "Nederlands") are not names; a
  // lexicon word is not a name either.
  return entryOf(tok.sq) === undefined;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function scoreOffensive(doc: Doc): LabelResult {
  const toks = doc.tokens;
  const n = toks.length;
  if (n === 0) return { score: 0, evidence: [] };

  const cands: Cand[] = [];
  const consumed = new Uint8Array(n);

  // 1. Phrases over seq.
  for (const h of findPhrasesIn(doc.seq, toks)) {
    let k0 = tokenAtSeq(doc, h.from);
    const k1 = tokenAtSeq(doc, h.to - 1);
    // "te veel X in dit land": the pattern is hateful only when X is a person group.
    if (h.ph.id === 'too-many' || h.ph.id === 'full-of' || h.ph.id === 'not-wanted') {
      let ok = false;
      for (let k = k0; k <= k1; k++) {
        const c2 = lookupWord(toks[k]!.w)?.e.cat;
        if (targetWord(toks[k]!.w) || c2 === 'group' || c2 === 'slur' || c2 === 'mild' || c2 === 'insult') ok = true;
      }
      if (!ok) continue;
    }
    for (let k = k0; k <= k1; k++) consumed[k] = 1;
    if (k0 > k1) k0 = k1;
    cands.push({ k0, k1, cat: h.ph.cat, w: h.ph.w, id: h.ph.id, kind: 'pattern', selfTargeted: h.ph.selfTargeted ?? false });
  }

  // 2. Lexicon per token; also note targets.
  const target = new Uint8Array(n); // 1 person/pronoun/name, 2 protected group
  for (let k = 0; k < n; k++) {
    const tok = toks[k]!;
    if (tok.kind === 'handle') {
      target[k] = 1;
      continue;
    }
    if (tok.kind !== 'word' && tok.kind !== 'hashtag' && tok.kind !== 'emoji') continue;
    const hit = lookupWord(tok.w);
    // Masked letters: "k*nkerlijer", "k*t" arrive as "k" + "nkerlijer".
    if (!hit && tok.t.length === 1 && k + 1 < n && doc.text[tok.e] === '*' && toks[k + 1]!.s === tok.e + 1) {
      const nx = toks[k + 1]!;
      for (const v of ['a', 'e', 'i', 'o', 'u']) {
        const h2 = lookup(squeeze(tok.t + v + nx.t));
        if (h2 && (h2.e.cat === 'curse' || h2.e.cat === 'insult' || h2.e.cat === 'slur')) {
          cands.push({ k0: k, k1: k + 1, cat: h2.e.cat, w: h2.e.w, id: h2.e.key, kind: 'lexicon', selfTargeted: false });
          consumed[k + 1] = 1;
          break;
        }
      }
      continue;
    }
    if (!hit) {
      if (looksPeople(tok)) target[k] = 1;
      continue;
    }
    const e = hit.e;
    // Abbreviations ("kk", "tf", "kkr") must be written exactly so; their squeezed forms are letters.
    if (((e.key.length <= 3 && e.cat === 'curse') || e.exactOnly) && tok.t !== e.key) continue;
    // A long vowel makes another word of a short one: "zaak" is no "zak", "poot" no "pot", "geek" no "gek".
    if (e.key.length <= 3 && LONG_VOWEL.test(tok.t) && !LONG_VOWEL.test(e.key)) continue;
    // "KK DF 32" is a licence plate, not the curse.
    if (
      e.key.length <= 3 &&
      e.cat === 'curse' &&
      isUpperWord(doc.text, tok) &&
      (toks[k + 1]?.kind === 'num' || (toks[k + 1] !== undefined && isUpperWord(doc.text, toks[k + 1]!)))
    )
      continue;
    if (e.cat === 'pron' || e.cat === 'people') {
      target[k] = 1;
      continue;
    }
    if (e.cat === 'group') {
      target[k] = 2;
      continue;
    }
    if (consumed[k]) continue;
    // A glued article aims the insult: "wat eenteef", "zo'nsukkel".
    const gluedAim = hit.how === 'glue' && (tok.sq.startsWith('en') || tok.sq.startsWith('zo'));
    cands.push({ k0: k, k1: k, cat: e.cat, w: e.w, id: hit.how === 'exact' ? e.key : `${e.key}~${hit.how}`, kind: 'lexicon', selfTargeted: gluedAim });
  }
  // Most texts stop here: nothing offensive-looking, so no context to weigh.
  if (cands.length === 0) return { score: 0, evidence: [] };
  const lay = layout(doc);
  // Names mid-sentence are targets (bullying "we haten Fleur", "dikke Stijn"); a person noun
  // after an identity adjective is a protected group ("zwarte personen", "joodse mensen").
  for (let k = 0; k < n; k++) {
    if (k === 0 || lay.sent[k] !== lay.sent[k - 1]) {
      if (target[k]) continue;
      // A sentence-initial name before a verb: "Jayden is zo dom", "Zoë heeft weer …".
      const nx = toks[k + 1]?.t;
      if (nx !== undefined && NAME_VERBS.has(nx) && isName(doc, k, false) && !FUNCTION_CAPS.has(toks[k]!.t)) target[k] = 1;
      continue;
    }
    if (!target[k] && lay.sent[k] === lay.sent[k - 1] && isName(doc, k, false)) target[k] = 1;
    else if (target[k] === 1 && IDENTITY_ADJ.has(toks[k - 1]!.t)) target[k] = 2;
    // "Het zijn (allemaal) beesten": "het" refers to people named before.
    else if (toks[k - 1]!.t === 'het' && toks[k]!.t === 'zijn' && !target[k - 1]) target[k - 1] = 1;
  }

  const ctx = sentenceContext(doc, lay);
  const clauseTarget = new Uint8Array(lay.nClause); // max target kind per clause
  const clauseCopula = new Uint8Array(lay.nClause);
  const clauseNeg = new Uint8Array(lay.nClause);
  const clauseNegAt = new Int32Array(lay.nClause).fill(-1);
  const sentNeg = new Uint8Array(lay.nSent);
  for (let k = 0; k < n; k++) {
    const c = lay.clause[k]!;
    if (target[k]! > clauseTarget[c]!) clauseTarget[c] = target[k]!;
    if (COPULA.has(toks[k]!.t)) clauseCopula[c] = 1;
    if (!consumed[k] && isNegation(doc, k)) {
      clauseNeg[c] = 1;
      sentNeg[lay.sent[k]!] = 1;
      if (clauseNegAt[c] === -1) clauseNegAt[c] = k;
    }
  }
  const wordCount = n;
  let sexEmoji = -1;

  const evidence: Evidence[] = [];
  let best = 0;
  let second = 0;
  for (const cd of cands) {
    const c = lay.clause[cd.k0]!;
    const s = lay.sent[cd.k0]!;
    const tgt = cd.selfTargeted ? 1 : clauseTarget[c]!;
    const tgtNear = tgt || nearTarget(lay, target, cd.k0, cd.k1);
    const neg = clauseNeg[c] === 1;
    let w = 0;
    const tok = toks[cd.k0]!;
    const nextT = toks[cd.k1 + 1]?.t;
    switch (cd.cat) {
      case 'curse': {
        w = cd.w;
        // "kanker" as a disease: "gezinnen met kanker", "heeft kanker", "strijd tegen kanker".
        if (cd.kind === 'lexicon' && (tok.sq === 'kanker' || tok.sq === 'tyfus') && isMedical(doc, cd.k0)) w = 0.1;
        // "pest" and "pesten" are bullying words, not the curse, unless in a curse phrase.
        break;
      }
      case 'slur':
      case 'insult':
        w = cd.w;
        if (negBefore(doc, lay, cd.k0) && !cd.selfTargeted) w *= 0.55;
        break;
      case 'mild': {
        // Words with a literal meaning (kleuter, koe, baby, zak) need a stronger aim than "een".
        const literal = LITERAL.has(tok.sq);
        const kutThing = cd.id === 'kut-thing~compound';
        const aimed =
          cd.selfTargeted ||
          aloneInClause(lay, cd.k0) ||
          (literal ? strongAim(doc, cd.k0, tgt > 0) : aimedAt(doc, cd.k0) || tgtNear > 0) ||
          (wordCount <= 3 && !kutThing) ||
          (isVocative(doc, lay, cd.k0) && !kutThing);
        // "kutweer", "kutzooi": a thing, not a person — a mild exclamation.
        w = kutThing ? cd.w : aimed ? 0.75 : literal ? 0.2 : cd.w;
        if (negBefore(doc, lay, cd.k0)) w *= 0.55;
        break;
      }
      case 'adj': {
        if (nextT !== undefined && POSITIVE_NEXT.has(nextT)) break;
        if (BODY.has(tok.sq)) {
          // Body-shaming needs a person right after: "dikke Stijn", "vette Kevin".
          const nk = cd.k1 + 1;
          if (nk < n && (target[nk] || (toks[nk]!.cap && toks[nk]!.kind === 'word'))) w = 0.7;
          // "de dikke van 1C", "die vette uit 2B": the adjective as a nickname.
          else if ((toks[cd.k0 - 1]?.t === 'de' || toks[cd.k0 - 1]?.t === 'die') && (toks[nk]?.t === 'van' || toks[nk]?.t === 'uit')) w = 0.7;
          break;
        }
        const pa = toks[cd.k0 - 1]?.t;
        const attributive =
          (cd.k1 + 1 < n && target[cd.k1 + 1]! > 0) || (tgt > 0 && (pa === 'een' || pa === "zo'n") && (toks[cd.k0 - 2]?.t === 'wat' || pa === "zo'n"));
        // Soft adjectives (vies, lui, gek) describe children at play as often as they insult:
        // predicatively they count only against a protected group.
        const soft = SOFT_ADJ.has(tok.sq);
        if (attributive || (tgt && clauseCopula[c] && (!soft || clauseTarget[c] === 2))) w = cd.w;
        else if (soft)
          w = tgt ? 0.3 : 0; // borderline: the model may lift it in a mocking sentence
        else if (tgt) w = 0.45;
        if (neg) w *= 0.3;
        break;
      }
      case 'emote':
      case 'dehum': {
        // "Mijn kinderen haten spruitjes": the person is the one hating, not the one hated.
        if (cd.kind === 'lexicon' && EMOTE_VERBS.has(tok.sq) && !objectTarget(doc, lay, target, cd.k0)) break;
        if (tgt) w = cd.w;
        else if (tgtNear) w = cd.w * (sentNeg[s] && negEarlierInSentence(doc, lay, cd.k0) ? 0.2 : 0.9); // target in a neighbouring clause
        if (cd.w < 0.5 && clauseTarget[c] === 2) w = 0.7; // anger at a protected group
        if (cd.id === 'mock-meme') w = anyTarget(target) ? cd.w : 0;
        // "afval van leerlingen" is litter; "vrouwen zijn afval" is dehumanising.
        if (cd.cat === 'dehum' && cd.kind === 'lexicon' && !clauseCopula[c]) w = 0;
        if (neg && !cd.selfTargeted) w *= 0.2;
        break;
      }
      case 'sexual': {
        if (sexEmoji === -1) sexEmoji = SEX_EMOJI.test(doc.text) ? 1 : 0;
        w = cd.w * (cd.kind === 'lexicon' && cd.w < 0.6 ? 0.6 : 1) + (tgt ? 0.2 : 0) + (sexEmoji ? 0.2 : 0);
        if (tok.sq === 'lekere' || tok.sq === 'leker') {
          w = tgt && sexEmoji ? 0.7 : 0; // "lekker" alone is food and weather
          if (
            nextT === 'kontje' ||
            nextT === 'ding' ||
            (cd.k1 + 1 < n && target[cd.k1 + 1] && toks[cd.k1 + 1]!.kind === 'word' && !SECOND_THIRD.has(nextT ?? ''))
          )
            w = 0.75;
        }
        if (neg) w *= 0.5;
        break;
      }
      case 'violence': {
        // Harm against a protected group is hateful; against anyone else it is the threat scorer's.
        // Victims in the passive ("terwijl vrouwen worden vermoord") are not a call to harm.
        const pv = toks[cd.k0 - 1]?.t;
        const passive = pv === 'worden' || pv === 'werden' || pv === 'wordt';
        const grp = clauseTarget[c] === 2 || (clauseTarget[c] === 1 && hasGroup(target));
        if (grp && !neg && !passive) w = cd.w;
        break;
      }
      case 'pos':
        // "nooit intelligent", "verdienen het niet om te leven": the negation right before it.
        if (tgt && negBefore(doc, lay, cd.k0)) w = cd.w;
        break;
      default:
        break;
    }
    if (w <= 0) continue;
    // Self-directed: "ik was echt een idioot", "ik ben zo'n sukkel".
    if ((cd.cat === 'mild' || cd.cat === 'insult' || cd.cat === 'adj') && !cd.selfTargeted && selfDirected(doc, lay, cd.k0)) w *= 0.3;
    const start = toks[cd.k0]!.s;
    const end = toks[cd.k1]!.e;
    // Local context.
    let factor = 1;
    // "wie beweert dat X dom zijn": reported within the clause that the verb opens.
    const reported = ctx.reportAt[s]! >= 0 && cd.k0 > ctx.reportAt[s]! && lay.clause[cd.k0] === lay.clause[ctx.reportAt[s]!];
    const counter = ctx.counter[s] === 1 || reported;
    if (lay.quoted[cd.k0]) factor *= counter || ctx.speech[s] ? 0.5 : 0.85;
    if (counter) factor *= 0.3;
    if (ctx.news[s] && ctx.newsDoc) factor *= 0.5;
    const eff = w * factor;
    evidence.push({ label: 'offensive', kind: cd.kind, detail: cd.id, start, end, weight: round3(w) });
    if (factor < 1) {
      const at = lay.quoted[cd.k0] ? cd.k0 : ctx.counter[s] ? ctx.counterAt[s]! : reported ? ctx.reportAt[s]! : ctx.newsAt[s]!;
      const ct = toks[at] ?? toks[cd.k0]!;
      const why = lay.quoted[cd.k0] ? 'quotation' : ctx.counter[s] ? 'counter-speech' : reported ? 'reported-speech' : 'news';
      evidence.push({ label: 'offensive', kind: 'context', detail: why, start: ct.s, end: ct.e, weight: round3(eff - w) });
    } else if (neg && (cd.cat === 'emote' || cd.cat === 'dehum' || cd.cat === 'adj' || cd.cat === 'mild')) {
      const nt = toks[clauseNegAt[c]!];
      if (nt) evidence.push({ label: 'offensive', kind: 'context', detail: 'negation', start: nt.s, end: nt.e, weight: -0.3 });
    }
    if (eff > best) {
      second = best;
      best = eff;
    } else if (eff > second) second = eff;
  }

  // A second independent piece nudges the score up a little; never a sum over the text.
  const score = Math.min(0.99, best + (second > 0.4 ? 0.05 : 0));
  return { score: round3(score), evidence };
}

const SECOND_THIRD = new Set(['je', 'jij', 'jou', 'jullie', 'u', 'ge', 'gij', 'hij', 'zij', 'ze', 'hem', 'haar', 'die', 'dat']);
/** "ik ben/was (echt) een …" with no one else named in between. */
function selfDirected(doc: Doc, lay: ReturnType<typeof layout>, k: number): boolean {
  const c = lay.clause[k]!;
  for (let j = k - 1; j >= 1 && lay.clause[j] === c; j--) {
    const t = doc.tokens[j]!.t;
    if (SECOND_THIRD.has(t)) return false;
    if ((t === 'ben' || t === 'was') && doc.tokens[j - 1]!.t === 'ik') return true;
    if (t === 'ik' && (doc.tokens[j - 1]!.t === 'ben' || doc.tokens[j - 1]!.t === 'was')) return true;
  }
  return false;
}

/** The insult is its own clause: "…, baby", "lol, clown". */
function aloneInClause(lay: ReturnType<typeof layout>, k: number): boolean {
  const c = lay.clause[k]!;
  return (k === 0 || lay.clause[k - 1] !== c) && (k + 1 >= lay.clause.length || lay.clause[k + 1] !== c) && k > 0;
}

function isUpperWord(text: string, tok: Token): boolean {
  const w = text.slice(tok.s, tok.e);
  return w.length <= 3 && w === w.toUpperCase() && w !== w.toLowerCase();
}

/** A negation earlier in the same sentence: "Geen enkele groep, ook X niet, verdient haat". */
function negEarlierInSentence(doc: Doc, lay: ReturnType<typeof layout>, k: number): boolean {
  const s = lay.sent[k]!;
  for (let j = k - 1; j >= 0 && lay.sent[j] === s; j--) if (isNegation(doc, j)) return true;
  return false;
}

/** The hated one is the object: a target after the verb, or "(dat) ik vrouwen haat". */
function objectTarget(doc: Doc, lay: ReturnType<typeof layout>, target: Uint8Array, k: number): boolean {
  const c = lay.clause[k]!;
  for (let j = k + 1; j < target.length && lay.clause[j] === c; j++) if (target[j]) return true;
  // "vrouwen walgen me": the group before the verb disgusts the writer.
  const nx = doc.tokens[k + 1]?.t;
  if (nx === 'me' || nx === 'mij') {
    for (let j = k - 1; j >= 0 && lay.clause[j] === c; j--) if (target[j]) return true;
  }
  let firstPerson = false;
  for (let j = k - 1; j >= 0 && lay.clause[j] === c; j--) {
    const t = doc.tokens[j]!.t;
    if (t === 'ik' || t === 'we' || t === 'wij') firstPerson = true;
    else if (target[j] && firstPerson)
      return false; // target before the first person: it is the subject
    else if (target[j]) {
      // a target between the first person and the verb is the object; keep looking left for "ik"
      for (let i = j - 1; i >= 0 && lay.clause[i] === c; i--) {
        const u = doc.tokens[i]!.t;
        if (u === 'ik' || u === 'we' || u === 'wij') return true;
      }
      return false;
    }
  }
  return false;
}

function anyTarget(target: Uint8Array): boolean {
  for (let k = 0; k < target.length; k++) if (target[k]) return true;
  return false;
}
function hasGroup(target: Uint8Array): boolean {
  for (let k = 0; k < target.length; k++) if (target[k] === 2) return true;
  return false;
}
/** A negation shortly before the word, in its clause: "je bent geen idioot". */
function negBefore(doc: Doc, lay: ReturnType<typeof layout>, k: number): boolean {
  const c = lay.clause[k]!;
  for (let j = k - 1; j >= 0 && j >= k - 4 && lay.clause[j] === c; j--) if (isNegation(doc, j)) return true;
  return false;
}

function looksPeople(tok: Token): boolean {
  return tok.kind === 'word' && tok.t.length >= 6 && targetWord(tok.w);
}

function isMedical(doc: Doc, k: number): boolean {
  for (let j = Math.max(0, k - 3); j < k; j++) {
    const t = doc.tokens[j]!.t;
    if (
      t === 'met' ||
      t === 'heeft' ||
      t === 'had' ||
      t === 'hebben' ||
      t === 'tegen' ||
      t === 'aan' ||
      t === 'overleden' ||
      t === 'strijd' ||
      t === 'behandeling' ||
      t === 'kwf' ||
      t === 'diagnose' ||
      t === 'genezen'
    )
      return true;
  }
  const nx = doc.tokens[k + 1]?.t;
  return nx !== undefined && MEDICAL_NEXT.has(nx);
}

function strongAim(doc: Doc, k: number, personBefore = false): boolean {
  const toks = doc.tokens;
  const p1 = toks[k - 1]?.t;
  const p2 = toks[k - 2]?.t;
  if (p1 !== undefined && STRONG_AIM.has(p1)) return true;
  if (p1 === "zo'n" || p1 === 'zon') return true;
  // "je bent gewoon een pot", "voor mij ben je een pot"
  let j = k - 1;
  while (j >= 0 && SKIPPABLE.has(toks[j]!.t)) j--;
  if (toks[j]?.t === 'een') {
    let i = j - 1;
    while (i >= 0 && SKIPPABLE.has(toks[i]!.t)) i--;
    const b = toks[i]?.t;
    if (b === 'bent' || b === 'ben' || b === 'zijt' || b === 'wat' || b === 'je' || b === 'jij' || b === 'ge') return true;
    if (b === 'is' && personBefore) return true; // "die jongen is een aap"
  }
  if (p1 === 'een' && (p2 === 'wat' || p2 === 'bent' || p2 === 'ben' || p2 === 'zijt' || p2 === 'echt')) return true;
  if (p2 !== undefined && STRONG_AIM.has(p2) && p1 !== undefined && SKIPPABLE.has(p1)) return true;
  // "die homo van een mentor"
  if (p1 === 'die' && toks[k + 1]?.t === 'van' && toks[k + 2]?.t === 'een') return true;
  const n1 = toks[k + 1]?.t;
  const n2 = toks[k + 2]?.t;
  return (n1 === 'ben' || n1 === 'bent' || n1 === 'zijn' || n1 === 'dat') && (n2 === 'jij' || n2 === 'jullie' || n2 === 'je' || n2 === 'ge');
}

function aimedAt(doc: Doc, k: number): boolean {
  for (let j = k - 1, hops = 0; j >= 0 && hops < 3; j--, hops++) {
    const t = doc.tokens[j]!.t;
    if (AIM_BEFORE.has(t)) return true;
    if (!SKIPPABLE.has(t) && !(doc.tokens[j]!.sq.length > 3 && lookupWord(doc.tokens[j]!.w)?.e.cat === 'adj')) return false;
  }
  // After: "klootzak dat ge zijt", "ben jij", "zijn jullie".
  const nx = doc.tokens[k + 1]?.t;
  const nx2 = doc.tokens[k + 2]?.t;
  return (nx === 'ben' || nx === 'zijn' || nx === 'bent' || nx === 'dat') && (nx2 === 'jij' || nx2 === 'jullie' || nx2 === 'je' || nx2 === 'ge' || nx2 === 'u');
}

/** A sentence that starts with the insult (possibly after adjectives): "Domme koe, lees …". */
function isVocative(doc: Doc, lay: ReturnType<typeof layout>, k: number): boolean {
  const s = lay.sent[k]!;
  for (let j = k - 1; j >= 0 && lay.sent[j] === s; j--) {
    const t = doc.tokens[j]!.t;
    if (SKIPPABLE.has(t)) continue;
    const e = lookupWord(doc.tokens[j]!.w);
    if (e && (e.e.cat === 'adj' || e.e.cat === 'curse')) continue;
    return false;
  }
  // Vocatives stand alone or before a comma/imperative; a subject insult is followed by a verb.
  return !FIRST_PERSON_ONLY.has(doc.tokens[k + 1]?.t ?? '');
}

function nearTarget(lay: ReturnType<typeof layout>, target: Uint8Array, k0: number, k1: number): number {
  const s = lay.sent[k0]!;
  let best = 0;
  for (let j = Math.max(0, k0 - 6); j <= Math.min(target.length - 1, k1 + 6); j++) {
    if (lay.sent[j] === s && target[j]! > best) best = target[j]!;
  }
  return best;
}
