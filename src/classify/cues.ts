// The language cues every scorer shares, in one place: how a text falls into sentences and
// clauses and what is quoted (layout), and the word lists for person (first, second person),
// frames (intent, a call on others, a wish, the future), negation, and the contexts that make
// harsh words harmless or reported: counter-speech, news, reported speech, idiom, sport and
// games, jokes. The offensive and threat rules, the personal-data recognisers and the learned
// model's features read them from here, so a word added to a list counts everywhere.

import type { Doc, Token } from './normalize.ts';
import { tokenAtSeq } from './normalize.ts';
import { entryOf, lookupWord } from './offensive/lexicon.ts';
import type { Cat } from './offensive/lexicon.ts';

/** A word list as a regex over `Doc.seq` (lower case, one space between tokens). */
export function wordRe(words: readonly string[]): RegExp {
  return new RegExp(`\\b(?:${[...words].sort((a, b) => b.length - a.length).join('|')})\\b`);
}

// ---- person --------------------------------------------------------------------------------

/** The writer (or writers): "ik", "we". */
export const FIRST_PERSON_WORDS = ['ik', 'k', 'ikke', 'we', 'wij'] as const;
/** The reader addressed: "je", "jij", Flemish "ge", "gij". */
export const SECOND_PERSON_WORDS = ['je', 'jij', 'ge', 'gij', 'jullie', 'u'] as const;
export const NEGATION_WORDS = ['niet', 'geen', 'nooit', 'niemand', 'niets', 'niks', 'geeneen', 'allerminst'] as const;
/** Words that make a harmful act a call on others or what should happen. */
export const CALL_WORDS = ['iemand', 'wie', 'laten', 'laat', 'moet', 'moeten', 'zou', 'zouden', 'mag', 'mogen', 'jongens', 'iedereen'] as const;
/** Words that make harm a wish. */
export const WISH_WORDS = ['hoop', 'hopen', 'hoopt', 'hopelijk', 'wens', 'wensen', 'verdient', 'verdienen', 'moge'] as const;
export const FUTURE_WORDS = ['ga', 'gaat', 'gaan', 'zal', 'zult', 'zullen', 'kom', 'komen'] as const;

export const FIRST_PERSON_SET: ReadonlySet<string> = new Set(FIRST_PERSON_WORDS);
export const SECOND_PERSON_SET: ReadonlySet<string> = new Set(SECOND_PERSON_WORDS);
export const NEGATION_SET: ReadonlySet<string> = new Set(NEGATION_WORDS);
export const CALL_SET: ReadonlySet<string> = new Set(CALL_WORDS);
export const WISH_SET: ReadonlySet<string> = new Set(WISH_WORDS);
export const FUTURE_SET: ReadonlySet<string> = new Set(FUTURE_WORDS);

// ---- layout: sentences, clauses, quotation -------------------------------------------------

export interface Layout {
  /** Sentence index per token. */
  sent: Int32Array;
  /** Clause index per token (clauses nest inside sentences). */
  clause: Int32Array;
  /** 1 when the token is between quote marks. */
  quoted: Uint8Array;
  /** 1 when the token looks like a name: capitalised inside a sentence, not a common or listed word. */
  nameLike: Uint8Array;
  nSent: number;
  nClause: number;
}

/** How far before the first token and after the last one quote marks are looked for. */
const QUOTE_REACH = 16;
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
      // Punctuation before the first token (bounded: a window of a long text starts mid-text).
      for (let i = Math.max(0, tok.s - QUOTE_REACH); i < tok.s; i++) {
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
    if (last) for (let i = last.e; i < Math.min(text.length, last.e + QUOTE_REACH); i++) if (QUOTES.has(text[i]!)) closed = true;
    if (!closed) for (let k = quoteStartTok; k < n; k++) quoted[k] = 0;
  }
  const nameLike = new Uint8Array(n);
  // A capital at the start of a sentence says nothing; nor after the handles, links, hashtags
  // and emoji a message starts with ("@school.bsky.social Daar mag je trots op zijn").
  let wordBefore = false;
  for (let k = 0; k < n; k++) {
    if (k > 0 && sent[k] !== sent[k - 1]) wordBefore = false;
    if (wordBefore && looksLikeName(doc, k)) nameLike[k] = 1;
    if (!DECORATION_KINDS.has(toks[k]!.kind)) wordBefore = true;
  }
  return { sent, clause, quoted, nameLike, nSent: s + 1, nClause: c + 1 };
}

// Words written with a capital inside a sentence that are not names: titles, the school's own
// words, days and the pronouns and function words people capitalise for emphasis.
const NOT_NAMES = new Set(
  `de het een en van in op te is die dat dit je jij ik we wij ze zij hij u er om met voor aan bij
   als maar of ook nog wel niet geen zo heel echt al naar uit over was zijn ben heeft kan moet
   wil gaat mijn haar hem wat wie hoe waar dan toch even nu weer juf meester meneer mevrouw
   school groep klas morgen vandaag gisteren`.split(/\s+/),
);

/** A capitalised word after the first of its sentence that is neither common nor in the lexicon. */
function looksLikeName(doc: Doc, k: number): boolean {
  const t = doc.tokens[k]!;
  if (!t.cap || t.kind !== 'word' || t.t.length < 3 || NOT_NAMES.has(t.t) || entryOf(t.sq)) return false;
  const gap = doc.text.slice(doc.tokens[k - 1]!.e, t.s);
  return !/[:\n]/.test(gap);
}

// ---- decoration: handles, hashtags, links and emoji around the message -------------------

const DECORATION_KINDS: ReadonlySet<string> = new Set(['handle', 'hashtag', 'url', 'emoji']);
/** Words after which a trailing handle is what is said ("haar insta is @lisa.2011"), not an address. */
const HANDLE_CUES = new Set(
  `insta instagram snap snapchat tiktok tt twitter x bluesky account accountnaam gebruikersnaam username
   naam handle is op via volg volgen add adden toevoegen dm profiel`.split(/\s+/),
);

/**
 * Is the token decoration around a message? A hashtag that is itself an insult or a curse
 * ("#kutschool vandaag weer 3 tussenuren", "… #kankerschool") is what the text says, not a tag.
 */
function isDecoration(tok: Token): boolean {
  if (!DECORATION_KINDS.has(tok.kind)) return false;
  if (tok.kind !== 'hashtag') return true;
  const hit = lookupWord(tok.w);
  return hit === undefined || !CONTENT_TAG_CATS.has(hit.e.cat);
}
const CONTENT_TAG_CATS: ReadonlySet<Cat> = new Set(['curse', 'slur', 'insult', 'dehum', 'sexual']);

/**
 * The tokens of the message itself, [from, to): without the handles a reply or mention starts
 * with ("@school.bsky.social ik weet waar je woont"), and without the hashtags, links, emoji
 * and handles it ends with — unless the text points at that handle ("haar snap is @…", "…: @…").
 * The learned model reads only these, so that a decoration does not change the verdict.
 */
export function coreRange(doc: Doc): { from: number; to: number } {
  const toks = doc.tokens;
  let from = 0;
  while (from < toks.length && isDecoration(toks[from]!)) from++;
  let to = toks.length;
  while (to > from && isDecoration(toks[to - 1]!)) to--;
  if (to < toks.length && to > from) {
    // A trailing run that starts with a handle the text points at is content.
    const first = toks[to]!;
    const before = toks[to - 1]!;
    const gap = doc.text.slice(before.e, first.s);
    if (first.kind === 'handle' && (HANDLE_CUES.has(before.t) || gap.includes(':'))) {
      let end = to;
      while (end < toks.length && toks[end]!.kind === 'handle') end++;
      to = end;
    }
  }
  // A text that is nothing but decoration is read as it is.
  return from < to ? { from, to } : { from: 0, to: toks.length };
}

// ---- contexts: counter-speech, news, reported speech (per sentence) ------------------------

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
const AIMED_PRON = new Set(['hem', 'haar', 'jou', 'je', 'hen', 'ze', 'die']);
const COUNTER = 1;
const NEWS_CUE = 2;
const SPEECH = 4;
// One look-up per token for all cue families.
const CUES = new Map<string, number>();
for (const w of COUNTER_WORDS) CUES.set(w, (CUES.get(w) ?? 0) | COUNTER);
for (const w of NEWS_WORDS) CUES.set(w, (CUES.get(w) ?? 0) | NEWS_CUE);
for (const w of SPEECH_WORDS) CUES.set(w, (CUES.get(w) ?? 0) | SPEECH);
const NEGATIONS = NEGATION_SET;

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
      (PERCEIVE.has(t) || !FIRST_PERSON_SET.has(toks[k - 1]?.t ?? ''))
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
    } else if (f & NEWS_CUE) {
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

// ---- frames and contexts as regexes over a clause's `seq` ----------------------------------

/** The writer (or writers) as subject: intent. */
export const FIRST_PERSON = wordRe(FIRST_PERSON_WORDS);
/** A wish that harm befall someone. */
export const WISH =
  /\b(?:hoop|hopen|hoopt|hopelijk|wou|wil dat|willen dat|wilde dat|wens|wensen|moge|verdien\w*|rechtvaardige wereld|zou (?:mooi|fijn|goed|beter|terecht) zijn|mag (?:hij|ze|zij|je|jij) (?:[\w']+ )?(?:krijgen|sterven|creperen))\b/;
/** A call on others, or what "should" happen. */
export const CALL =
  /\b(?:iemand|wie|laten we|laat ons|moeten|moet|zouden (?:[\w']+ ){0,3}moeten|zou (?:[\w']+ ){0,3}moeten|mogen|iedereen|jongens|doe mee|zou niet illegaal)\b/;
/** Second person future: "je gaat …", "jullie zullen …". */
export const YOU_FUTURE = /\b(?:je|jij|jullie|u) (?:gaat|gaan|zal|zult|zullen)\b|\b(?:gaat|zal|zult) (?:je|jij|u)\b/;
export const IMPERATIVES = new Set([
  'schiet',
  'steek',
  'sla',
  'maak',
  'gooi',
  'laat',
  'brand',
  'blaas',
  'pak',
  'hang',
  'trap',
  'mep',
  'knal',
  'wurg',
  'vermoord',
  'grijp',
  'schop',
  'ram',
  'timmer',
  'slacht',
]);
/** "Het verkrachten van … zou niet illegaal moeten zijn." */
export const NORMATIVE = /\b(?:zou|zouden|moet|moeten) (?:[\w']+ ){0,2}?(?:niet (?:illegaal|verboden|strafbaar)|legaal|toegestaan|mogen)\b/;

/** Negation words in the clause before an anchor. */
export const NEGATION = wordRe(NEGATION_WORDS);
/** Subordinators that open a new scope for negation. */
export const SCOPE_BREAK = new Set(['als', 'dan', 'dat', 'wanneer', 'totdat', 'tot', 'zodat', 'voordat', 'nadat', 'terwijl', 'omdat', 'want', 'en', 'of']);

/** Reported or condemned speech: the harm is someone else's words. */
export const REPORT =
  /\b(?:zei|zeiden|zegt|schreef|schreven|schrijft|riep|riepen|roept|beweerde|beweert|dreigde|dreigden|dreigt|gedreigd|gezegd|geschreven|geroepen|getypt|gepost|voor het (?:zeggen|wensen|schrijven|roepen|posten|typen|dreigen)|om te (?:zeggen|schrijven|roepen|dreigen|wensen)|te zeggen dat|volhouden|volhoudt|bericht stond|stond (?:onder meer )?dat|voorbeelden|dreigement|dreigbericht)\b/;
export const CONDEMN =
  /\b(?:niet grappig|niet normaal|niet oke|niet ok|walgelijk|onacceptabel|strafbaar|gemeld|melden|aangifte|gevangenis|consequenties|verwijderd|geband|verbannen|schandalig|schande|afschuwelijk|ziek dat|bedreiging|bedreigingen)\b/;
export const NEWS =
  /\b(?:politie|rechtbank|veroordeel\w*|aangehouden|verdachte\w*|verdacht|brandweer|onderzoekt|onderzoek|officier|justitie|persbericht|woordvoerder|taakstraf|celstraf|slachtofferhulp|geevacueerd|bommelding|dreigbericht|agenten|wijkagent|nieuws)\b/;

/** Hyperbole and idioms that use harm words without harm. */
export const IDIOM =
  /\bdood van (?:het|de|al|m'n|mijn|verveling|schaamte|angst)\b|\b(?:ga|ging|gaat|lig|lag|lach|lachte) (?:me |mij |ons )?(?:bijna |echt |helemaal )?kapot\b|\bslaat (?:[\w']+ )?nergens op\b|\b(?:ga|ging|gaat|gingen|gaan) (?:bijna |echt |nog |zowat |haast )?dood van\b|\bwas (?:echt |gewoon |een )?(?:moord|moordend)\b|\b(?:is|was|zijn) (?:echt |gewoon |toch )?de bom\b|\b(?:kan|kon|kun) (?:[\w']+ ){1,3}wel (?:schieten|vermoorden|wurgen|killen|slaan|schoppen)\b|\bschiet\w* (?:[\w']+ )?(?:in de stress|in de lach|tekort|te binnen|wortel)\b|\bvermoord(?:t|en)? (?:me|mij|ons)\b|\b(?:me|mij|ons) (?:[\w']+ )?(?:vermoorden|afmaken|doodmaken)\b/;
/** Sport, games and tests excuse harm to people ("we maken ze af in de finale"). */
export const PLAY =
  /\b(?:voetbal\w*|schoolvoetbal|finale\w*|wedstrijd\w*|toernooi\w*|competitie|schaak\w*|schaken|schaakt|dammen|potje|match|kampioen\w*|tegenstander\w*|revanche|trefbal|hockey|korfbal|basketbal|volleybal|handbal|tennis|quiz|fortnite|minecraft|fifa|mario|kart|roblox|gamen|game|games|gg|battle royale|map|level|console|playstation|xbox|toets|proefwerk|examen|huiswerk|werkstuk|opdracht|opdrachten|project|verslag|presentatie|puzzel|pta|tentamen|repetitie|overhoring|sportdag|zwemwedstrijd|turnen|scrabble|monopoly|uno|spel|spelletje)\b/;
/** A video game: what happens in it is done to no one (a match or a test does not excuse everything: threat/index.ts). */
export const VIDEO_GAME =
  /\b(?:fortnite|minecraft|fifa|mario|kart|roblox|gamen|game|games|gg|battle royale|console|playstation|xbox|gta|call of duty|cod|valorant|brawl stars)\b/;
/**
 * Which of several patterns occur anywhere in `s`, in one scan instead of one per pattern: the
 * patterns joined into one alternation find each position where any of them matches, and there
 * the others are tried in place, so every pattern that matches somewhere is found (the answer is
 * the same as testing each one). Patterns must not use flags.
 */
export function createPatternSet(patterns: readonly RegExp[]) {
  const any = new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), 'g');
  const here = patterns.map((p) => new RegExp(p.source, 'y'));
  return (s: string): boolean[] => {
    const found = patterns.map(() => false);
    let left = patterns.length;
    any.lastIndex = 0;
    let m: RegExpExecArray | null;
    while (left > 0 && (m = any.exec(s)) !== null) {
      for (let i = 0; i < here.length; i++) {
        if (found[i]) continue;
        here[i]!.lastIndex = m.index;
        if (here[i]!.test(s)) {
          found[i] = true;
          left--;
        }
      }
      any.lastIndex = m.index + 1;
    }
    return found;
  };
}

/** Participles: "is geslagen", "werden vermoord" describe what happened. */
// Words that start with "ge" and are no participle: "geef", "geven", "gezicht", "gewoon", "gek" …
export const PARTICIPLE =
  /\b(?:(?!(?:geef|geeft|geven|gezicht|gezichten|gewoon|gemeen|genoeg|gelijk|geld|gebouw|gemak|geluk|gevaar|gevaarlijk|gevecht|gedrag|geheim|gek|gekke|gekker|geen|gegarandeerd)\b)ge\w+|\w+ge\w+(?:d|t|en)|vermoord|verkracht|geexecuteerd)\b/;
export const AUX = /\b(?:heb|hebt|heeft|hebben|had|hadden|is|was|werd|werden|wordt|worden|zijn|ben)\b/;
export const FUTURE_OR_MODAL = /\b(?:ga|gaat|gaan|zal|zult|zullen|moet|moeten|zou|zouden|wil|wilt|willen|wou|hoop|hopen|laat|laten|mag|mogen|verdien\w*)\b/;
/** The writer or us as the object: "mijn moeder vermoordt me". */
export const SELF_OBJECT = /^(?:me|mij|mezelf|ons|onszelf)$/;

/** Words for people in a school, besides pronouns and the offensive lexicon's person nouns. */
export const PERSON_WORDS = new Set(
  `leraar leraren meester meesters juf juffen mentor rector conrector docent directeur directrice directie
   concierge leerling leerlingen kind kinderen jongen jongens meisje meisjes gast gasten man vrouw vent wijf
   personeel team ouders moeder vader zoon dochter broer zus broertje zusje iedereen allemaal mensen klas
   klasgenoot klasgenoten scholier scholieren hem haar jou je jullie u hen ze zij hij`.split(/\s+/),
);

/** Laughter: "ik vermoord hem nog eens haha" jokes more often than it threatens. */
export const JEST = /\b(?:ha(?:ha)+\w*|hihi\w*|lol|lmao|xd|lach)\b/;
/** Delight ("wacht maar tot je de nieuwe gymzaal ziet, echt mooi!") is no threat. */
export const POSITIVE =
  /\b(?:mooi|mooie|leuk|leuke|gaaf|gave|super|geweldig|geweldige|prachtig|prachtige|top|fantastisch|heerlijk|fijn|fijne|trots|genieten)\b/;
