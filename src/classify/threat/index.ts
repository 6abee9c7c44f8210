// The threat scorer (LABELS.md: threat; protocol A10, Consequenties 7).
//
// A threat is an intent or wish to harm, said to or about someone: "ik maak je af", "ik hoop dat
// je onder een bus komt", "iemand moet die tent in de fik steken", and the implicit kind: "ik
// weet waar je woont", "laatste waarschuwing 🔫", stalking and sextortion. The same words in an
// idiom ("ik ga dood van het lachen"), a match ("we maken ze af in de finale"), a news report or
// a quotation that condemns them are not threats.
//
// How: sentences that contain none of the rules' key words cost one regex test. In the others,
// each rule's regex finds anchors; an anchor's weight depends on its frame (first person, call,
// wish) in its clause and is lowered by its context (negation, quotation, reported speech,
// news, idiom, sport, a past event, the writer as the victim). A sentence's score is the noisy-or
// of its hits; the text's score is the best pair of neighbouring sentences, so a threat spread
// over two short sentences counts while a long text does not score high for being long.

import type { Doc } from '../normalize.ts';
import { tokenAtSeq, spanOfSeq } from '../normalize.ts';
import { lookupWord, targetWord } from '../offensive/lexicon.ts';
import type { Evidence, LabelResult } from '../types.ts';
import {
  AUX,
  CALL,
  CONDEMN,
  FIRST_PERSON,
  FUTURE_OR_MODAL,
  IDIOM,
  IMPERATIVES,
  JEST,
  NEGATION,
  NEWS,
  NORMATIVE,
  PERSON_WORDS,
  PARTICIPLE,
  PLAY,
  POSITIVE,
  REPORT,
  SCOPE_BREAK,
  SELF_OBJECT,
  VIDEO_GAME,
  WISH,
  YOU_FUTURE,
  layout,
} from '../cues.ts';
import { RULES } from './rules.ts';
import type { Rule } from './rules.ts';
import {
  AIM_PRONOUNS,
  BODY,
  BUILDINGS,
  POSSESSIVE,
  CALL_WORDS,
  FAMILY,
  FIRST,
  FUTURE,
  HARM_WEIGHT,
  IMPERATIVE,
  PAST_FORMS,
  WISH_WORDS,
  YOU,
  harmOf,
} from './generic.ts';
import type { HarmClass } from './generic.ts';
import { wordSlot } from '../memo.ts';
import type { Word } from '../memo.ts';

export { RULES } from './rules.ts';

const EMPTY: LabelResult = { score: 0, evidence: [] };
/** The writer is no target: "ik", "mij", "we". */
const SELF = new Set(['ik', 'k', 'ikke', 'mij', 'me', 'mezelf', 'we', 'wij', 'ons', 'onszelf']);

const EMOJI_CUES: Record<string, number> = {
  mes: 0.25,
  pistool: 0.25,
  bom: 0.25,
  knal: 0.15,
  vuist: 0.15,
  schedel: 0.1,
  doodskist: 0.15,
  graf: 0.1,
  bloed: 0.1,
};

// Trigger index: the first two letters of a key → the keys and the rules they wake.
interface Trigger {
  key: string;
  exact: boolean;
  rules: number[];
}
const TRIGGERS = new Map<string, Trigger[]>();
RULES.forEach((rule, i) => {
  for (const raw of rule.keys) {
    const exact = raw.endsWith('$');
    const key = exact ? raw.slice(0, -1) : raw;
    const head = key.slice(0, 2);
    let list = TRIGGERS.get(head);
    if (!list) TRIGGERS.set(head, (list = []));
    let tr = list.find((x) => x.key === key && x.exact === exact);
    if (!tr) list.push((tr = { key, exact, rules: [] }));
    if (!tr.rules.includes(i)) tr.rules.push(i);
  }
});

// Rules already woken in the current pass carry the pass number: no allocation per sentence.
const STAMP = new Int32Array(RULES.length);
let pass = 0;

// What a word means to this scorer, kept in the word's record (memo.ts): the rules it wakes and
// its harm class. Words repeat, and the trigger walk costs more than reading a slot.
interface TokenInfo {
  rules: readonly number[];
  harm: HarmClass | null;
}
const infoOf = wordSlot<TokenInfo | null>(({ t }) => {
  const list = TRIGGERS.get(t.slice(0, 2));
  const rules: number[] = [];
  if (list) {
    for (const tr of list) {
      if (tr.exact ? t === tr.key : t.startsWith(tr.key)) for (const i of tr.rules) if (!rules.includes(i)) rules.push(i);
    }
  }
  const harm = harmOf(t);
  return rules.length || harm !== null ? { rules, harm } : null;
});

/** Add to `out` the rules this token wakes that are not in it yet. */
function wake(info: TokenInfo, out: number[]): void {
  for (const i of info.rules) {
    if (STAMP[i] !== pass) {
      STAMP[i] = pass;
      out.push(i);
    }
  }
}

interface Hit {
  rule: string;
  kind: string;
  w: number;
  start: number;
  end: number;
  ctx: string[];
}

/** Harm told as it would really be done: a beating, a body part, a weapon. */
const CONCRETE_HARM =
  /\bin elkaar\b|\b(?:zijn|haar|je|jouw|z'n|zn|hun|d'r) (?:nek|kop|hoofd|keel|tanden|gezicht|neus|kaak|botten|benen|armen|knieen|ribben|smoel|bek)\b|\b(?:mes|messen|pistool|geweer|knuppel|honkbalknuppel|boksbeugel|bijl|vuurwapen|machete)\b/;

const CONTEXT_FACTORS = {
  quote: 0.25,
  report: 0.2,
  condemn: 0.35,
  newsDoc: 0.4,
  news: 0.6,
  negation: 0.2,
  idiom: 0.1,
  play: 0.2,
  playDoc: 0.5,
  past: 0.4,
  self: 0.15,
  question: 0.4,
  jest: 0.6,
  family: 0.6,
  positive: 0.3,
} as const;
type ContextCue = keyof typeof CONTEXT_FACTORS;

/** An insult names a person: "ik zal die pestkoppen laten lijden". */
function isInsult(w: Word): boolean {
  const c = lookupWord(w)?.e.cat;
  return c === 'insult' || c === 'slur' || c === 'mild';
}

const noisyOr = (a: number, b: number) => 1 - (1 - a) * (1 - b);

export function scoreThreat(doc: Doc): LabelResult {
  const seq = doc.seq;
  const toks = doc.tokens;
  const n = toks.length;
  if (n === 0) return EMPTY;
  // Which rules could fire in which sentence: one map look-up per token.
  let firstTrigger = -1;
  for (let k = 0; k < n; k++) {
    if (infoOf(toks[k]!.w) !== null) {
      firstTrigger = k;
      break;
    }
  }
  if (firstTrigger < 0) return EMPTY;

  const lay = layout(doc);
  // Clauses, except that the particle "maar" ("schiet hem maar neer") does not open one.
  // Worked out on the first match only: most texts with a trigger word match no rule.
  let clauseMemo: Int32Array | undefined;
  const clauses = (): Int32Array => {
    if (clauseMemo) return clauseMemo;
    const clause = new Int32Array(n);
    for (let k = 1, c = 0; k < n; k++) {
      if (lay.clause[k] !== lay.clause[k - 1]) {
        const particle = toks[k]!.t === 'maar' && lay.sent[k] === lay.sent[k - 1] && !/[,;:]/.test(doc.text.slice(toks[k - 1]!.e, toks[k]!.s));
        if (!particle) c++;
      }
      clause[k] = c;
    }
    return (clauseMemo = clause);
  };
  /** The clause around tokens [k0, k1], within the sentence [a, b]. */
  const clauseOf = (k0: number, k1: number, a: number, b: number): [number, number] => {
    const clause = clauses();
    let c0 = k0;
    while (c0 > a && clause[c0 - 1] === clause[k0]) c0--;
    let c1 = k1;
    while (c1 < b && clause[c1 + 1] === clause[k1]) c1++;
    return [c0, c1];
  };
  const seqOf = (a: number, b: number) => seq.slice(doc.seqStart[a]!, doc.seqStart[b]! + toks[b]!.t.length);

  // Whole-text context, worked out only when a hit needs it.
  let newsDocMemo: boolean | undefined;
  const newsDoc = () => (newsDocMemo ??= /^[A-Z][A-Z' -]{2,30} [-–—] /.test(doc.text) || countMatches(NEWS_G, seq) >= 2);
  let playDocMemo: boolean | undefined;
  const playDoc = () => (playDocMemo ??= PLAY.test(seq));
  /**
   * Sport, games and tests excuse game talk ("we maken ze af in de finale"); a video game excuses
   * anything done in it, but a match or a test does not excuse harm told as it would really be
   * done — "in elkaar slaan", a body part, a weapon ("na de finale slaan we ze in elkaar").
   */
  const playContext = (sentStr: string, clauseStr: string, ctx: ContextCue[]) => {
    const concrete = CONCRETE_HARM.test(clauseStr) && !VIDEO_GAME.test(sentStr);
    if (concrete) return;
    if (PLAY.test(sentStr)) ctx.push('play');
    else if (playDoc()) ctx.push('playDoc');
  };

  const sentScores = new Float64Array(lay.nSent);
  const evidence: Evidence[] = [];

  // Sentences before the first trigger word cannot match: start at its sentence.
  let a = firstTrigger;
  while (a > 0 && lay.sent[a - 1] === lay.sent[firstTrigger]) a--;
  while (a < n) {
    let b = a;
    while (b + 1 < n && lay.sent[b + 1] === lay.sent[a]) b++;
    const si = lay.sent[a]!;
    pass++;
    const cand: number[] = [];
    let harmTokens = 0;
    for (let k = a; k <= b; k++) {
      const info = infoOf(toks[k]!.w);
      if (info === null) continue;
      wake(info, cand);
      if (info.harm !== null) harmTokens++;
    }
    if (cand.length || harmTokens) {
      const sent = seqOf(a, b);
      const base = doc.seqStart[a]!;
      const hits: Hit[] = [];
      for (const ri of cand) {
        const rule = RULES[ri]!;
        rule.re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = rule.re.exec(sent))) {
          if (m[0].length === 0) {
            rule.re.lastIndex++;
            continue;
          }
          const from = base + m.index;
          const to = from + m[0].length;
          const k0 = tokenAtSeq(doc, from);
          const k1 = tokenAtSeq(doc, to - 1);
          const h = judge(rule, m[0], m.index, sent, k0, k1, a, b);
          const span = spanOfSeq(doc, from, to);
          hits.push({ rule: rule.id, kind: kindOf(rule), w: h.w, start: span.start, end: span.end, ctx: h.ctx });
        }
      }
      // Harm words in any order: a harm word, its target and a frame in one clause.
      if (harmTokens) {
        for (let k = a; k <= b; k++) {
          const cls = infoOf(toks[k]!.w)?.harm ?? null;
          if (cls === null) continue;
          const h = judgeGeneric(cls, k, sent, b);
          if (h) hits.push(h);
        }
      }
      // Weapon emoji: "Je weet wat er gebeurt met mensen die klikken. 🔪"
      for (let k = a; k <= b; k++) {
        const tok = toks[k]!;
        const cw = tok.kind === 'emoji' ? EMOJI_CUES[tok.t] : undefined;
        if (cw === undefined) continue;
        const ctx: ContextCue[] = [];
        if (IDIOM.test(sent)) ctx.push('idiom');
        if (PLAY.test(sent)) ctx.push('play');
        if (newsDoc()) ctx.push('newsDoc');
        hits.push({ rule: `emoji-${tok.t}`, kind: 'emoji', w: apply(cw, ctx), start: tok.s, end: tok.e, ctx });
      }
      // One contribution per rule per sentence: the strongest. Harm acts and wishes are one
      // group, so a phrase rule and the any-order reading of the same words count once.
      const best = new Map<string, Hit>();
      const harm: Hit[] = [];
      for (const h of hits) {
        if (h.kind === 'pattern' || h.kind === 'wish') {
          const i = harm.findIndex((x) => x.start < h.end && h.start < x.end);
          if (i < 0) harm.push(h);
          else if (h.w > harm[i]!.w) harm[i] = h;
          continue;
        }
        const prev = best.get(h.rule);
        if (!prev || h.w > prev.w) best.set(h.rule, h);
      }
      harm.forEach((h, i) => best.set(`harm#${i}`, h));
      let s = 0;
      for (const h of best.values()) {
        s = noisyOr(s, h.w);
        if (h.w >= 0.05 || h.ctx.length) {
          evidence.push({
            label: 'threat',
            kind: h.kind,
            detail: h.ctx.length ? `${h.rule} (${h.ctx.join(', ')})` : h.rule,
            start: h.start,
            end: h.end,
            weight: round3(h.w),
          });
        }
      }
      sentScores[si] = s;
    }
    a = b + 1;
  }

  /** A phrase rule's weight in its frame, lowered by its context. [a, b] is the sentence. */
  function judge(rule: Rule, text: string, at: number, sentStr: string, k0: number, k1: number, a: number, b: number): { w: number; ctx: ContextCue[] } {
    const ctx: ContextCue[] = [];
    let w = rule.w;
    const before = sentStr.slice(0, at);
    const [c0, c1] = clauseOf(k0, k1, a, b);
    const clauseStr = seqOf(c0, c1);

    if (rule.family === 'act' || rule.family === 'wish') {
      const intent = FIRST_PERSON.test(clauseStr);
      const wish = WISH.test(clauseStr);
      const call = CALL.test(clauseStr) || IMPERATIVES.has(toks[c0]!.t) || IMPERATIVES.has(toks[a]!.t);
      const normative = NORMATIVE.test(sentStr);
      const youFuture = YOU_FUTURE.test(clauseStr);
      let frame: number;
      if (rule.family === 'act') frame = intent || call || wish || normative ? 1 : youFuture ? 0.85 : 0.5;
      else frame = wish || call || normative ? 1 : youFuture ? 0.85 : intent ? 0.4 : 0.35;
      w *= frame;
      if (rule.needsPerson && !personIn(c0, c1, k0, k1, a)) w *= 0.2;

      // Negation in the anchor's own scope: "ik ga niemand neersteken", "geen X verdient te sterven".
      let s0 = k0 - 1;
      while (s0 >= c0 && !SCOPE_BREAK.has(toks[s0]!.t)) s0--;
      if (k0 - 1 > s0 && NEGATION.test(seqOf(s0 + 1, k0 - 1))) ctx.push('negation');
      if (rule.harm === 'person' && IDIOM.test(sentStr)) ctx.push('idiom');
      if (rule.harm === 'person' || rule.id === 'schietpartij') playContext(sentStr, clauseStr, ctx);
      if (PARTICIPLE.test(text) && AUX.test(clauseStr) && !FUTURE_OR_MODAL.test(clauseStr)) ctx.push('past');
      const near = [toks[k0 - 1]?.t, toks[k0 - 2]?.t, toks[k1 + 1]?.t, toks[k1 + 2]?.t];
      if (near.some((t) => t !== undefined && SELF_OBJECT.test(t)) && !/\b(?:je|jou|jullie|u|hem|haar|hen)\b/.test(text)) ctx.push('self');
    }
    if (rule.harm === 'person') jestAndFamily(sentStr, a, b, ctx, c0, c1);
    if (rule.harm === 'implicit' && POSITIVE.test(sentStr)) ctx.push('positive');
    for (let k = k0; k <= k1; k++) {
      if (lay.quoted[k]) {
        ctx.push('quote');
        break;
      }
    }
    // "Weet jij waar hij woont?" asks; it does not threaten.
    if (rule.id.startsWith('weet-') && /\?\s*$/.test(doc.text.slice(toks[k1]!.e, nextSentenceStart(b)))) ctx.push('question');
    if (REPORT.test(before)) ctx.push('report');
    if (CONDEMN.test(sentStr)) ctx.push('condemn');
    if (newsDoc()) ctx.push('newsDoc');
    else if (NEWS.test(sentStr)) ctx.push('news');
    return { w: apply(w, ctx), ctx };
  }

  /** A harm word with a target and a frame in its clause, in any order; null when one is missing. */
  function judgeGeneric(cls: HarmClass, k: number, sentStr: string, b: number): Hit | null {
    const t = toks[k]!.t;
    const [c0, c1] = clauseOf(k, k, a, b);
    const has = (set: ReadonlySet<string>) => {
      for (let q = c0; q <= c1; q++) if (q !== k && set.has(toks[q]!.t)) return true;
      return false;
    };
    const hasWord = (...words: string[]) => {
      for (let q = c0; q <= c1; q++) if (q !== k && words.includes(toks[q]!.t)) return true;
      return false;
    };
    const next = toks[k + 1]?.t;
    // Words that also mean something harmless need their companions.
    switch (t) {
      case 'trap':
      case 'trappen':
        if (next === 'op' || next === 'af' || toks[k - 1]?.t === 'de') return null;
        break;
      case 'sla':
      case 'slaat':
        if (next === 'over' || toks[k - 1]?.t === 'de' || hasWord('nergens', 'over', 'alarm', 'toe')) return null;
        break;
      case 'pijn':
        if (!hasWord('doen', 'doe', 'doet') || hasWord('me', 'mij')) return null;
        break;
      case 'brand':
      case 'fik':
        if (!hasWord('steek', 'steken', 'zet', 'zetten', 'stak', 'gestoken', 'gezet', 'in')) return null;
        break;
      case 'bom':
      case 'bommen':
        if (!hasWord('leg', 'leggen', 'plaats', 'plaatsen', 'gooi', 'gooien', 'afgaan', 'ontploffen', 'ontploft', 'neerleggen', 'mee')) return null;
        break;
      case 'klap':
      case 'klappen':
      case 'dreun':
      case 'kopstoot':
        if (!hasWord('geef', 'geven', 'geeft', 'verkoop', 'verkopen', 'krijg', 'krijgt', 'krijgen')) return null;
        break;
      case 'lijden':
        if (!hasWord('laten', 'laat', 'moeten', 'moet', 'zullen', 'zal')) return null;
        break;
      case 'lek':
        if (!hasWord('steek', 'steken', 'stak', 'gestoken')) return null;
        break;
      case 'elkaar':
        if (toks[k - 1]?.t !== 'in') return null;
        break;
      case 'mes':
      case 'messen':
      case 'pistool':
      case 'geweer':
      case 'jachtgeweer':
      case 'vuurwapen':
      case 'wapen':
      case 'knuppel':
      case 'honkbalknuppel':
      case 'bijl':
      case 'boksbeugel':
      case 'machete':
      case 'zwaard':
      case 'taser':
        if (
          !hasWord(
            'steek',
            'steken',
            'snij',
            'snijden',
            'sla',
            'slaan',
            'schiet',
            'schieten',
            'zwaai',
            'zwaaien',
            'prik',
            'prikken',
            'bedreig',
            'bedreigen',
            'leren',
            'afmaken',
            'neer',
          )
        )
          return null;
        break;
      case 'tuig':
        if (!hasWord('af')) return null;
        break;
      case 'schiet':
      case 'schieten':
        if (
          next === 'op' ||
          next === 'in' ||
          next === 'te' ||
          next === 'tekort' ||
          hasWord('langs', 'binnen', 'wakker', 'omhoog', 'vol', 'stress', 'lach', 'tekort')
        )
          return null;
        break;
      case 'steek':
      case 'steken':
        if (toks[k + 2]?.t === 'op' || ['hand', 'handen', 'vinger', 'vingers', 'kop', 'tong', 'geld', 'tijd', 'energie'].includes(toks[k + 2]?.t ?? ''))
          return null;
        break;
    }
    // Aimed at someone (or, for fire and bombs, at a building).
    let target = false;
    let familyOnly = true;
    for (let q = c0; q <= c1 && !target; q++) {
      if (q === k) continue;
      const tok = toks[q]!;
      const w = tok.t;
      if (SELF.has(w)) continue;
      if (AIM_PRONOUNS.has(w) || isPerson(q, a)) target = true;
      else if ((cls === 'arson' || cls === 'shoot') && BUILDINGS.has(w)) target = true;
      else if (BODY.has(w) && q > c0 && POSSESSIVE.has(toks[q - 1]!.t)) target = true;
      else if (w.length >= 4 && isInsult(tok.w))
        target = true; // "die pestkoppen", "die verraders"
      else if (BODY.has(w) && toks[q + 1]?.t === 'van') target = true;
      if (target && !FAMILY.has(w)) familyOnly = false;
    }
    if (!target) return null;
    // A frame: the writer, a call, a wish, "you will", an order.
    let intent = has(FIRST);
    // "Die mentor krijgt klappen van mij."
    for (let q = c0; q < c1 && !intent; q++) if (toks[q]!.t === 'van' && (toks[q + 1]!.t === 'mij' || toks[q + 1]!.t === 'ons')) intent = true;
    const call = has(CALL_WORDS) || (k === c0 && IMPERATIVE.has(t));
    const wish = has(WISH_WORDS);
    const you = has(YOU) && has(FUTURE);
    if (!intent && !call && !wish && !you) return null;
    const ctx: ContextCue[] = [];
    let w = HARM_WEIGHT[cls] * (intent || call || wish ? 1 : 0.85);
    let s0 = k - 1;
    while (s0 >= c0 && !SCOPE_BREAK.has(toks[s0]!.t)) s0--;
    if (k - 1 > s0 && NEGATION.test(seqOf(s0 + 1, k - 1))) ctx.push('negation');
    if (cls !== 'arson' && IDIOM.test(sentStr)) ctx.push('idiom');
    if (cls !== 'arson') playContext(sentStr, seqOf(c0, c1), ctx);
    const future = has(FUTURE) || has(CALL_WORDS) || wish;
    if (!future && (PAST_FORMS.has(t) || (t.startsWith('ge') && AUX.test(seqOf(c0, c1))))) ctx.push('past');
    if (toks[k + 1] && SELF_OBJECT.test(toks[k + 1]!.t) && !has(AIM_PRONOUNS)) ctx.push('self');
    if (familyOnly) {
      ctx.push('family');
      if (JEST.test(sentStr)) ctx.push('jest');
    } else jestAndFamily(sentStr, a, b, ctx, c0, c1);
    if (lay.quoted[k]) ctx.push('quote');
    if (REPORT.test(sentStr.slice(0, doc.seqStart[k]! - doc.seqStart[a]!))) ctx.push('report');
    if (CONDEMN.test(sentStr)) ctx.push('condemn');
    if (newsDoc()) ctx.push('newsDoc');
    else if (NEWS.test(sentStr)) ctx.push('news');
    w = apply(w, ctx);
    return { rule: `harm-${cls}`, kind: 'pattern', w, start: toks[k]!.s, end: toks[k]!.e, ctx };
  }

  /** Laughter, and family as the only people named, make harm words a joke more often than not. */
  function jestAndFamily(sentStr: string, a0: number, b0: number, ctx: ContextCue[], c0 = a0, c1 = b0): void {
    const jest = JEST.test(sentStr);
    if (jest) ctx.push('jest');
    // Family counts in the harm's own clause; elsewhere in the sentence only with laughter
    // ("mijn broer maakt me gek, ik vermoord hem haha", not "als hij aan mijn zusje zit, …").
    const [from, to] = jest ? [a0, b0] : [c0, c1];
    let fam = false;
    for (let q = from; q <= to; q++) {
      const w = toks[q]!.t;
      // A third person in the clause is the one aimed at: "als hij aan mijn zusje zit, sla ik hem".
      if (!jest && (w === 'hij' || w === 'ie' || w === 'zij')) return;
      if (FAMILY.has(w)) fam = true;
      else if (PERSON_WORDS.has(w) && !AIM_PRONOUNS.has(w) && !['ik', 'mij', 'me'].includes(w)) return;
    }
    if (fam) ctx.push('family');
  }

  function nextSentenceStart(b: number): number {
    return b + 1 < n ? toks[b + 1]!.s : doc.text.length;
  }

  /** Is token q a person: a handle, a person word or pronoun, a person noun, or a name? */
  function isPerson(q: number, sentenceStart: number): boolean {
    const tok = toks[q]!;
    if (tok.kind === 'handle') return true;
    if (tok.kind !== 'word') return false;
    const w = tok.t;
    if (PERSON_WORDS.has(w)) return true;
    if (w.length >= 4 && !w.startsWith('school') && targetWord(tok.w)) return true;
    // A name: capitalised, not the first word of its sentence.
    return tok.cap && q !== sentenceStart;
  }

  /** A person in the clause [c0, c1] other than the anchor [k0, k1] (pronouns in it count). */
  function personIn(c0: number, c1: number, k0: number, k1: number, a: number): boolean {
    for (let k = c0; k <= c1; k++) {
      if (k >= k0 && k <= k1 ? PERSON_WORDS.has(toks[k]!.t) : isPerson(k, a)) return true;
    }
    return false;
  }

  let score = 0;
  for (let i = 0; i < lay.nSent; i++) {
    const pair = i + 1 < lay.nSent ? noisyOr(sentScores[i]!, sentScores[i + 1]!) : sentScores[i]!;
    if (pair > score) score = pair;
  }
  score = Math.min(0.99, score);
  return { score: round3(score), evidence: score > 0 ? evidence : evidence.filter((e) => e.weight > 0) };
}

function apply(w: number, ctx: readonly ContextCue[]): number {
  for (const c of ctx) w *= CONTEXT_FACTORS[c];
  return w;
}

function kindOf(rule: Rule): string {
  if (rule.family === 'act') return 'pattern';
  if (rule.family === 'wish') return 'wish';
  return rule.harm === 'stalking' || rule.harm === 'sextortion' || rule.harm === 'weapon' ? rule.harm : 'implicit';
}

const NEWS_G = new RegExp(NEWS.source, 'g');
function countMatches(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let first: string | undefined;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (first === undefined) first = m[0];
    else if (m[0] !== first) return 2;
  }
  return first === undefined ? 0 : 1;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
