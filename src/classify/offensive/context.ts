// Context that lowers an offensive score, judged locally: per sentence for counter-speech
// ("het is niet oké om iemand … te noemen", "wie 'kanker' als scheldwoord gebruikt") and
// news/reporting ("politie", "rechtbank", "aangehouden"), per clause for negation ("ik haat
// vrouwen niet"), per token for quotation (a word between quote marks is mentioned, not used).
// Also splits the token stream into sentences and clauses once per text.

import type { Doc } from '../normalize.ts';
import { tokenAtSeq } from '../normalize.ts';

export interface Layout {
  /** Sentence index per token. */
  sent: Int32Array;
  /** Clause index per token (clauses nest inside sentences). */
  clause: Int32Array;
  /** 1 when the token is between quote marks. */
  quoted: Uint8Array;
  nSent: number;
  nClause: number;
}

const QUOTES = new Set(['"', '“', '”', '„', '«', '»', "'", '‘', '’']);
function isQuoteCode(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb || c === 0x2018 || c === 0x2019;
}
const CLAUSE_WORDS = new Set(['maar', 'want', 'terwijl', 'omdat', 'hoewel', 'alhoewel']);

// The scorers of one text ask for its layout one after another: remember the last one.
let lastDoc: Doc | null = null;
let lastLayout: Layout | null = null;

/** Split tokens into sentences and clauses, and mark quoted tokens. Computed once per Doc. */
export function layout(doc: Doc): Layout {
  if (doc !== lastDoc || !lastLayout) {
    lastLayout = computeLayout(doc);
    lastDoc = doc;
  }
  return lastLayout;
}

function computeLayout(doc: Doc): Layout {
  const toks = doc.tokens;
  const text = doc.text;
  const n = toks.length;
  const sent = new Int32Array(n);
  const clause = new Int32Array(n);
  const quoted = new Uint8Array(n);
  let s = 0;
  let c = 0;
  let inQuote = false;
  let quoteStartTok = -1;
  for (let k = 0; k < n; k++) {
    const tok = toks[k]!;
    if (k > 0) {
      const prevEnd = toks[k - 1]!.e;
      let newSent = false;
      let newClause = false;
      for (let i = prevEnd; i < tok.s; i++) {
        const code = text.charCodeAt(i);
        if (code === 32) continue;
        if (code === 46 || code === 33 || code === 63 || code === 10 || code === 59) newSent = true;
        else if (code === 44 || code === 58 || code === 40 || code === 41 || code === 0x2013 || code === 0x2014) newClause = true;
        else if (isQuoteCode(code)) {
          const ch = text[i]!;
          if (ch === "'" || ch === '’' || ch === '‘') {
            // Elisions are not quotes: 's avonds, 't, 'n, zo'n (inside tokens already).
            const nx = text[i + 1] ?? ' ';
            const nx2 = text[i + 2] ?? ' ';
            if (!inQuote && (nx === 's' || nx === 't' || nx === 'n') && (nx2 === ' ' || nx2 === ',')) continue;
            const pv = i > 0 ? text[i - 1]! : ' ';
            const opening = pv === ' ' || pv === '\n' || pv === '(' || i === 0;
            if (!inQuote && !opening) continue;
          }
          if (inQuote) inQuote = false;
          else {
            inQuote = true;
            quoteStartTok = k;
          }
        }
      }
      if (newSent) {
        s++;
        c++;
      } else if (newClause || CLAUSE_WORDS.has(tok.t)) c++;
    } else {
      for (let i = 0; i < tok.s; i++) {
        if (QUOTES.has(text[i]!)) {
          inQuote = true;
          quoteStartTok = 0;
        }
      }
    }
    sent[k] = s;
    clause[k] = c;
    if (inQuote) quoted[k] = 1;
  }
  // An unclosed quote (a stray apostrophe) quotes nothing.
  if (inQuote && quoteStartTok >= 0) {
    // Only clear if nothing after the last token closes it.
    let closed = false;
    const last = toks[n - 1];
    if (last) for (let i = last.e; i < text.length; i++) if (QUOTES.has(text[i]!)) closed = true;
    if (!closed) for (let k = quoteStartTok; k < n; k++) quoted[k] = 0;
  }
  return { sent, clause, quoted, nSent: s + 1, nClause: c + 1 };
}

// Counter-speech: talking about an insult in order to reject it.
const COUNTER_WORDS = new Set(
  `scheldwoord scheldwoorden schelden scheldt discrimineer discrimineert discriminerend
   discriminatie racistisch racisme seksistisch homofoob haatvol haatdragend respectloos
   kwetsend onacceptabel acceptabel tolereren tolereer rapporteer rapporteren gerapporteerd gemeld melden
   meld aangifte consequenties gevangenis verwijderd verwijder verwijderen ontmenselijkend
   ontmenselijkende misleid noemen noemt noemde genoemd schreef schrijven schrijft geschreven
   uitspraken uitspraak opmerkingen opmerking berichten pesten gepest stoppesten pestgedrag
   zwijgen beledigen beledigend belediging hatelijk hatelijke woorden taal
   wensen discrimineren uitgescholden uitschelden schold scholden verbannen gebannen geband stoppen verbieden verboden`.split(/\s+/),
);
const NEWS_WORDS = new Set(
  `politie rechtbank veroordeeld veroordeelt aangehouden verdachte verdachten justitie
   rechter wethouder gemeenteraad nieuws volgens meldt onderzoek onderzoekt slachtoffer
   slachtoffers incident officier persbericht krant woordvoerder burgemeester inspectie`.split(/\s+/),
);
const SPEECH_WORDS = new Set(
  `zet zette zetten post postte typt typte roepen roept riep riepen schreeuwen schreeuwt zeggen zegt zei zeiden als zoals
   geloven gelooft denken horen hoor hoorde lees las leest`.split(/\s+/),
);
const REPORT_VERBS = new Set(
  `zeggen zegt zei zeiden gezegd beweert beweren beweerde beweerden schrijft schrijven schreef
   schreven geschreven roept roepen riep denken denkt dachten vindt vinden gelooft geloven lees las
   leest lezen hoor hoorde hoort horen`.split(/\s+/),
);
// "waarom denken mensen dat …": question order puts the subject after the verb.
const INVERTED_SUBJECT = new Set(['mensen', 'ze', 'zij', 'jullie', 'sommigen', 'velen', 'je', 'jij', 'hij', 'u', 'die', 'zoveel', 'veel']);
const PERCEIVE = new Set(['lees', 'las', 'leest', 'lezen', 'hoor', 'hoorde', 'hoort', 'horen']);
const FIRST_PERSON = new Set(['ik', 'we', 'wij']);
const AIMED_PRON = new Set(['hem', 'haar', 'jou', 'je', 'hen', 'ze', 'die']);
const COUNTER = 1;
const NEWS = 2;
const SPEECH = 4;
// One look-up per token for all cue families.
const CUES = new Map<string, number>();
for (const w of COUNTER_WORDS) CUES.set(w, (CUES.get(w) ?? 0) | COUNTER);
for (const w of NEWS_WORDS) CUES.set(w, (CUES.get(w) ?? 0) | NEWS);
for (const w of SPEECH_WORDS) CUES.set(w, (CUES.get(w) ?? 0) | SPEECH);
const NEGATIONS = new Set(['niet', 'geen', 'nooit', 'niets', 'niks', 'geeneen', 'allerminst']);

export interface SentenceContext {
  counter: Float32Array;
  /** The sentence reports speech ("zet", "schreef", "als …"): quotes in it are mentions. */
  speech: Float32Array;
  /** The text as a whole reads as a report (two or more news cues). */
  newsDoc: boolean;
  news: Float32Array;
  /** Token index of the first counter/news cue per sentence, for evidence offsets (-1 none). */
  counterAt: Int32Array;
  newsAt: Int32Array;
  /** Token index of a report verb + "dat" per sentence (-1 none): what follows it is reported. */
  reportAt: Int32Array;
}

/** Per sentence: does it reject or report rather than use? */
export function sentenceContext(doc: Doc, lay: Layout): SentenceContext {
  const counter = new Float32Array(lay.nSent);
  const news = new Float32Array(lay.nSent);
  const speech = new Float32Array(lay.nSent);
  let newsCues = 0;
  const counterAt = new Int32Array(lay.nSent).fill(-1);
  const newsAt = new Int32Array(lay.nSent).fill(-1);
  const reportAt = new Int32Array(lay.nSent).fill(-1);
  const toks = doc.tokens;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!.t;
    const s = lay.sent[k]!;
    const f = CUES.get(t) ?? 0;
    if (f & SPEECH) speech[s] = 1;
    // "Luuk pesten", "haar pesten": the act aimed at someone, not talk about bullying.
    const aimedAct = (t === 'pesten' || t === 'uitschelden') && k > 0 && (toks[k - 1]!.cap || AIMED_PRON.has(toks[k - 1]!.t));
    if ((f & COUNTER && !aimedAct) || (t.startsWith('discrimin') && t !== 'discriminerende')) {
      counter[s] = 1;
      if (counterAt[s] === -1) counterAt[s] = k;
    } else if (
      REPORT_VERBS.has(t) &&
      (toks[k + 1]?.t === 'dat' || (toks[k + 2]?.t === 'dat' && INVERTED_SUBJECT.has(toks[k + 1]!.t))) &&
      toks[k - 1]?.t !== 'eerlijk' &&
      (PERCEIVE.has(t) || !FIRST_PERSON.has(toks[k - 1]?.t ?? ''))
    ) {
      // Reported speech or thought: "zeggen dat …", "wie beweert dat …", "als ik lees dat …";
      // but "ik vind dat …", "ik denk dat …" is the writer's own opinion. Only what follows is reported.
      if (reportAt[s] === -1) reportAt[s] = k;
    } else if (t === 'woord' && (toks[k - 1]?.t === 'het' || toks[k - 1]?.t === 'dat' || toks[k - 1]?.t === 'dit')) {
      // "het woord mongool": a word mentioned, not used.
      counter[s] = 1;
      if (counterAt[s] === -1) counterAt[s] = k;
    } else if (t === 'oke' || t === 'ok' || t === 'okay' || t === 'normaal' || t === 'grappig') {
      // "niet oké", "niet normaal", "niet grappig"
      const prev = toks[k - 1]?.t;
      if (prev === 'niet' || prev === 'echt' || toks[k - 2]?.t === 'niet') {
        counter[s] = 1;
        if (counterAt[s] === -1) counterAt[s] = k;
      }
    } else if (f & NEWS) {
      news[s] = 1;
      newsCues++;
      if (newsAt[s] === -1) newsAt[s] = k;
    }
  }
  // A rhetorical frame argues for the statement instead of rejecting it.
  const rhet =
    !doc.seq.includes('mis met') && !doc.seq.includes('verkeerd') && !doc.seq.includes('mag ik')
      ? null
      : /(?:^| )(?:wat is er mis met|is het verkeerd om|waarom mag ik niet zeggen)(?= )/.exec(doc.seq);
  if (rhet) {
    const rs = lay.sent[tokenAtSeq(doc, rhet.index + 1)]!;
    counter[rs] = 0;
    reportAt[rs] = -1;
  }
  // A dateline ("AMERSFOORT - …") marks a news item.
  const dateline = /^[A-Z][A-Z' -]{2,30} [-–—] /.test(doc.text);
  if (dateline || newsCues >= 3) news.fill(1); // a news item: every sentence reports
  return { counter, speech, news, newsDoc: dateline || newsCues >= 2, counterAt, newsAt, reportAt };
}

/** Is token k a negation word? "niets dan", "niets anders dan", "niets erger" intensify instead. */
export function isNegation(doc: Doc, k: number): boolean {
  const t = doc.tokens[k]!.t;
  if (!NEGATIONS.has(t)) return false;
  if (t === 'niets' || t === 'niks') {
    const nx = doc.tokens[k + 1]?.t;
    if (nx === 'dan' || nx === 'anders' || nx === 'erger' || nx === 'meer' || nx === 'aan') return false;
    if (doc.tokens[k - 1]?.t === 'van') return false; // "een wijf van niks"
  }
  if (t === 'niet') {
    const nx = doc.tokens[k + 1]?.t;
    // "niet eens", and rhetorical "is het niet duidelijk dat …" do not negate.
    if (nx === 'eens' || nx === 'normaal' || nx === 'duidelijk' || nx === 'verkeerd' || nx === 'waar' || nx === 'typisch' || nx === 'logisch') return false;
  }
  return true;
}
