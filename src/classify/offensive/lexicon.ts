// The offensive lexicon: Dutch curses, insults, slurs, hateful and dehumanising words, identity
// groups and person targets, each with a category and a weight. Everything is keyed by the
// squeezed form (`Token.sq`: every run of one letter collapsed) so "kankerrr", "klerrre" and
// "idioooot" hit the same entry. Look-ups also understand compounds (kankerleraar,
// tyfusmongool, kutschool), glued function words ("eenteef", "zoveelminachting") and one-letter
// misspellings of the longer hate words ("verchtelijk", "wlag"), all precomputed at load.

import { fnv1a, HashTable } from '../hash-table.ts';
import { memoByWord, WORD_MEMO_SIZE, wordSlot } from '../memo.ts';
import type { Word } from '../memo.ts';

/**
 * curse: disease curses and their compounds — flagged aimed or not (LABELS: "in any form").
 * slur: slurs for protected groups — flagged alone.
 * insult: strong insults (klootzak, kankerlijer) — flagged alone.
 * mild: insults that need aim (idioot, loser, clown) — "wat een idioot", "jij sukkel".
 * adj: insulting adjectives that need a person or group target (dom, walgelijk, gestoord).
 * emote: hateful emotion/attitude words that need a person or group target (haat, verafschuw).
 * dehum: dehumanising nouns that need a person or group target (ongedierte, afval, plaag).
 * sexual: sexual words; stronger with a person target.
 * violence: harm words; offensive (as hate) only against a protected group.
 * pos: positive words whose negation is hateful with a target ("geen medelijden", "nooit intelligent").
 * group: identity groups (protected) — a hate target.
 * people: non-protected groups and person nouns (obers, leraren, juf) — a target.
 * pron: second/third person pronouns — a target.
 */
export type Cat = 'curse' | 'slur' | 'insult' | 'mild' | 'adj' | 'emote' | 'dehum' | 'sexual' | 'violence' | 'pos' | 'group' | 'people' | 'pron';

export interface Entry {
  /** The lexicon form, used as evidence detail. */
  key: string;
  /** Only the exact spelling counts: its squeezed form is another word ("aap" ~ "app"). */
  exactOnly?: boolean;
  cat: Cat;
  w: number;
}

/** Same squeeze as normalize's `sq`: every run of one a–z letter collapsed to one. */
export function squeeze(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (i > 0 && ch === s[i - 1] && ch >= 'a' && ch <= 'z') continue;
    out += ch;
  }
  return out;
}

const WORDS = new Map<string, Entry>();

function add(cat: Cat, w: number, words: string): void {
  for (const word of words.split(/\s+/)) {
    if (!word) continue;
    const key = squeeze(word);
    const prev = WORDS.get(key);
    // A word listed twice keeps its strongest reading.
    if (!prev || prev.w < w) WORDS.set(key, { key: word, cat, w });
  }
}

// --- Disease curses, their misspellings and abbreviations ------------------------------------
add(
  'curse',
  0.85,
  `kanker kankers kenker kanka kankah kangker kkr kankerlijer kankerlijers kankerlijder kl3re
   tyfus tyfes tiefus tievus tijfus tyfussen typhus tyf teringlijer tering teringen tyering
   klere kolere klerelijer klerezooi pleuris pokke pokken pokkenlijer takke tak3 teringzooi
   kankerhoer kankermongool tyfuslijer tyfusmongool tyfushoer kankerjood kankerzooi kut-kanker`,
);
add('curse', 0.75, 'kk tf kkr kanke');
// --- Slurs for protected groups (flagged alone) ----------------------------------------------
add(
  'slur',
  0.78,
  `neger negers nikker nikkers niknok niknokken roetmop roetmoppen bosneger bosnegers zandneger
   zandnegers kakkerlak makak makakken apenkop geitenneuker geitenneukers kamelenneuker
   kamelenneukers cultuurverrijker cultuurverrijkers haatbaard haatbaarden kansenparel
   kansenparels flikker flikkers nicht-flikker sodomiet sodomieten homofiel-flikker mietje mietjes
   manwijf manwijven teef teven slet sletten hoer hoeren hoerenjong sloerie sloeries
   mongool mongolen mongooltje debiel debielen randdebiel randdebielen kreupele kreupelen
   spleetoog spleetogen jodenhoer tokkie tokkies tokkiefamilie zigeunertuig kahba kechba qahba brillenjood
   spast spasten spasticus downie downies mongoloide retard retards faggot faggots nigger niggers
   achterlijke-mongool`,
);
// --- Strong insults (flagged alone) ----------------------------------------------------------
add(
  'insult',
  0.75,
  `klootzak klootzakken kloot klootviool lul lullen oetlul droplul lulhannes eikel eikels
   rotzak rotzakken hufter hufters schoft schoften zakkenwasser zakkenwassers zakkenvuller
   zakkenvullers kutwijf kutwijven trut trutten teringtrut kuthoer klerewijf imbeciel imbecielen
   idioten stommeling stommelingen dombo domkop domkoppen sukkels loser losers prutsers
   onnozelaar onnozelaars oen oenen kneus kneuzen malloot mafkees mafketel mafkezen kutjoch
   kutjong kutkind kutleraar kutleraren kutjuf kutschool kutdocent kutdocenten kutmentor
   kutrector kutconcierge kutvent kutwijf tuig schorem gespuis uitschot pik pikken bitch
   bitches motherfucker fucker fuckers asshole dickhead kuttekop kutkop lijer lijers
   rukker rukkers aars aarsen reetkever sukkel zeikerd zeikerds
   wijf wijven eikelzak kloothommel armoedzaaier armoedzaaiers pleurislijer klerejoch
   pedo pedos pedo's pedofiel pedofielen kys stfu cunt cunts slut sluts whore whores hoerenjong
   kankerlijder`,
);
add('mild', 0.35, 'aap apen');
for (const k of ['ap', 'apen']) WORDS.get(k)!.exactOnly = true;
add('dehum', 0.8, 'beesten'); // squeezed "besten": exact spelling only
WORDS.get('besten')!.exactOnly = true;
// Anger: hateful towards a group, ordinary criticism towards one teacher ("ik ben boos op de juf").
add('emote', 0.45, 'boos kwaad woedend');
add('emote', 0.65, 'stinkt stinken stonk'); // "hij stinkt": needs a person, no copula
// Insults that need aim: flagged in "wat een …", "jij …", "stelletje …", as a vocative.
add(
  'mild',
  0.35,
  `idioot idiot clown clowns baby babys baby's kleuter kleuters koe koeien varken varkens
   autist autisten debiel zak zakken nerd nerds freak freaks gek gekken zot zotten kieken kiekens
   muts mutsen watje watjes lafaard lafaards slappeling slappelingen boerenlul
   homo heks heksen kluns klunzen amateur amateurs graaier graaiers oplichter oplichters
   aansteller aanstellers dramaqueen zeur zeurpiet zeurkous zeurpieten snotneus snotneuzen ambetanterik zageman
   zagevent dikkenek brokkenpiloot sukkelaar klojo klojos faalhaas faalhazen sufferd sufferds stommerd
   lamzak lamzakken slapjanus zielepiet lapzwans lapzwansen uilskuiken droogkloot klier rotjoch
   snotjong vetklep vetbol vetbollen slungel lelijkerd lelijkerds mormel creep creeps
   viespeuk viespeuken engerd engerds smeerlap smeerlappen gluiperd gluiperds klaploper
   klaplopers aso asos tokkie-achtig kakker kakkers pestkop pestkoppen moron morons noob noobs kaaskop kaaskoppen nietsnut nietsnutten zeikerd huilebalk zeveraar zeveraars schande kwal kwallen paard prutser prutsers mislukkeling mislukkelingen nietsnut nietsnutten dwaas
   leugenaar leugenaars etterbak etterbakken etter etters snotaap snotapen
   zielepoot zielepoten griezel griezels viezerik viezeriken zwerver kneus dikzak dikzakken
   vetzak vetzakken wokies woke wokie boomer boomers sukkelaar pot potten`,
);
// --- Adjectives that insult a person or group ------------------------------------------------
add(
  'adj',
  0.65,
  `dom domme dommer domste stom stomme stomste achterlijk achterlijke gestoord gestoorde
   walgelijk walgelijke weerzinwekkend weerzinwekkende verachtelijk verachtelijke afstotend
   afstotende misselijkmakend misselijkmakende hersenloos hersenloze onwetend onwetende
   onbeschaafd onbeschaafde minderwaardig minderwaardige smerig smerige vies vieze vuile
   zielig zielige arrogant arrogante incompetent incompetente hypocriet hypocriete
   lelijk lelijke lelijkste verdomde verdomd verneukt godvergeten onnozel onnozele
   cringe stinkende dik dikke dikste vet vette vetzak zwakzinnig zwakzinnige
   graaiend graaiende gewelddadig gewelddadige wreed wrede oneerlijk oneerlijke
   waardeloos waardeloze ergste slechtste idiote gemene gemeen sluw sluwe
   crimineel criminele primitief primitieve barbaars barbaarse mislukt mislukte
   psychopaat psychopaten fucking kutte ranzig ranzige lulkoek gierig gierige corrupt corrupte
   lui luie vals valse achterbaks achterbakse afschuwelijk afschuwelijke goor gore agressief
   agressieve onbetrouwbaar onbetrouwbare leugenachtig leugenachtige hebzuchtig hebzuchtige
   egoistisch egoistische inferieur inferieure pathetisch pathetische nutteloos nutteloze pervers
   perverse abnormaal abnormale onnatuurlijk onnatuurlijke ziekelijk ziekelijke klote klotige kut
   godverdomde kankerse bolle`,
);
// --- Hateful emotion and attitude, needs a person or group target ----------------------------
add(
  'emote',
  0.7,
  `haat haten haatte haatten verafschuw verafschuwen verafschuwd veracht verachten verachting
   minachting minacht walg walgen walgde hekel kots kotsen spuugzat pissig woede
   oprotten opdonderen opsodemieteren opflikkeren opkankeren optiefen optyfen optyfussen
   wegwezen verdoem verdoemd`,
);
// --- Dehumanising nouns, need a person or group target ---------------------------------------
add(
  'dehum',
  0.8,
  `ongedierte parasiet parasieten afval vuil plaag virus kakkerlakken ratten
   dieren kankergezwel gezwel tuig uitschot schorem gespuis kanker-gezwel
   zwijnen honden wilden ziekte terroristen terrorist criminelen dieven verkrachters profiteurs uitkeringstrekkers barbaren
   wilden bedreiging zwermen infesteren besmetting uitvaagsel uitvaagsels insecten insect luizen
   vee onkruid`,
);
// --- Sexual words ----------------------------------------------------------------------------
add(
  'sexual',
  0.5,
  `kontje tieten tietjes borsten nudes nude naaktfoto naaktfotos naaktfoto's naaktje
   bikini neuken neukt neukte pijpen pijpt beffen geil geile sexy seks sex lekker lekkere
   lekkerding schoot kwijl piemel lul-foto dickpic dickpics ontmaagd 🥵 hete`,
);
// --- Harm words: hate (offensive) only against a protected group -----------------------------
add(
  'violence',
  0.6,
  `doden dood vermoorden vermoord moorden uitroeien uitgeroeid neerschieten neersteken
   doodschieten doodgeschoten ophangen opgehangen executeren geexecuteerd martelen gemarteld
   vergassen verbranden brandstapel wurgen verkrachten verkracht afmaken afslachten
   sterven creperen lijden neerschiet doodschiet neersteek vermoord doodmaken`,
);
// --- Positive words whose negation is hateful -------------------------------------------------
add('pos', 0.65, 'respect eerlijk betrouwbaar waardig rechten medelijden intelligent slim waard leven welkom recht ruimte plaats mensenrechten gelijke');
// --- Protected identity groups ---------------------------------------------------------------
add(
  'group',
  0,
  `vrouw vrouwen meisjes transgender transgenders trans transpersonen homo's homos homoseksueel
   homoseksuele homoseksuelen lesbo lesbos lesbienne lesbiennes biseksuelen zwarten
   gehandicapte gehandicapten immigrant immigranten migrant migranten moslim moslims moslima
   islamieten jood joden marokkaan marokkanen turk turken buitenlander buitenlanders
   allochtoon allochtonen vluchteling vluchtelingen asielzoeker asielzoekers surinamers
   antillianen polen roma zigeuners christenen arabieren afrikanen aziaten chinezen
   negers hindoes homofielen`,
);
// --- Non-protected groups and person nouns (a target for insults, not for "violence") --------
add(
  'people',
  0,
  `juf juffen juffrouw meester meesters meneer mevrouw leraar leraren lerares leerkracht
   leerkrachten docent docenten mentor mentoren rector directeur directrice directie
   conciërge concierge gymleraar gymleraren stagiaire stagiair leerling leerlingen jongen jongens
   meisje meiden meid gast gasten kind kinderen man mannen vader moeder ouders ouderraad
   klasgenoot klasgenoten school scholen team managementteam management bestuur personeel
   iedereen persoon personen mensen vent venten kerel wijf figuur types type jochie joch
   atleten atleet obers ober agenten politie politici politicus academici dokters artsen koks
   verpleegsters journalisten ambtenaren boeren rijken bejaarden ouderen`,
);
add('pron', 0, `je jij jou jouw jullie u uw ge gij gy jy hij hem zij ze haar hen hun zijn-moeder`);

// Person-noun endings, for groups the lists do not name ("bouwvakkers", "racisten").
const PEOPLE_SUFFIXES = [
  'isten',
  'anten',
  'enten',
  'aars',
  'eurs',
  'iers',
  'ieven',
  'lieden',
  'kers',
  'ders',
  'ters',
  'gers',
  'ners',
  'vers',
  'bers',
  'fobe',
  'foben',
  'aren',
  'ianen',
  'sters',
];
// Heads of compound person nouns: "oliedirecteuren", "restaurantkoks", "overheidswerkers".
const PEOPLE_HEADS = [
  'directeuren',
  'koks',
  'werkers',
  'mannen',
  'vrouwen',
  'leraren',
  'agenten',
  'artsen',
  'managers',
  'atleten',
  'spelers',
  'kinderen',
  'jongens',
  'meiden',
  'mensen',
  'docenten',
  'bazen',
  'boeren',
].map(squeeze);
// Plural -ers that are things, not people.
const NOT_PEOPLE = new Set(
  `computers cijfers nummers letters posters stickers lockers containers kamers emmers flyers
   tijgers vingers spiegers zomers winters lakens diëten diete dieten hamers kaders filters vliegers borders markers
   koffers sigaren jaren haren waren baren scharen snaren paren klaren garen
   druppels huizen dingen kleren auto's fietsen treinen lakens files diëten pagina's
   kaders jassen messen schoenen folders vouchers tickets sticker games trailers leaders
   zaters opers orders papers sneakers tanders gieters heaters dozen`
    .split(/\s+/)
    .map(squeeze),
);

/** Does this squeezed word look like a plural person noun ("bouwvakers", "racisten")? */
export function looksLikePeople(t: string): boolean {
  return t.length >= 5 && peopleMemo(t);
}
const peopleMemo = memoByWord(WORD_MEMO_SIZE, (t) => looksLikePeopleSlow(t));

function looksLikePeopleSlow(t: string): boolean {
  if (NOT_PEOPLE.has(t)) return false;
  for (const s of PEOPLE_SUFFIXES) if (t.endsWith(s)) return true;
  for (const s of PEOPLE_HEADS) if (t.length > s.length + 2 && t.endsWith(s)) return true;
  return false;
}

// --- Compounds -------------------------------------------------------------------------------
// Disease-curse prefixes: anything starting with them is a curse, bar medical words.
const CURSE_PREFIXES = [
  'kanker',
  'kenker',
  'kankah',
  'tyfus',
  'tyfes',
  'tiefus',
  'tievus',
  'tijfus',
  'tering',
  'klere',
  'kolere',
  'pleuris',
  'pokke',
  'takke',
].map(squeeze);
// Words that begin with a curse's letters once doubled letters are squeezed ("pokke" → "poke",
// "takke" → "take", "klere" + "n").
// ("kleer" squeezes to "kler", the start of every "klere-" compound: only its own compounds are innocent.)
const INNOCENT_STARTS = ['kleren', 'kleerkast', 'kleerhanger', 'kleermaker', 'poker', 'pokemon', 'taken', 'takel', 'takeaway', 'takeover', 'teringen'].map(
  squeeze,
);

const MEDICAL = new Set(
  `kankeronderzoek kankerpatient kankerpatienten kankerbestrijding kankerverwekkend
   kankerverwekkende kankercel kankercellen kankerbehandeling kankerfonds kankercentrum
   kankerzorg kankerdiagnose kankersoort kankersoorten kankerpreventie kankerregistratie
   kankerinstituut kankerziekenhuis kankerrisico kankergeneesmiddel tyfusvaccin tyfusbacterie
   teringlijders`
    .split(/\s+/)
    .map(squeeze),
);
// Insult heads that make a compound an insult ("kankerlijer", "sukkelkop", "kutschool").
const INSULT_SUFFIXES = [
  'lijer',
  'lijers',
  'lijder',
  'mongol',
  'mongolen',
  'debiel',
  'debielen',
  'hoer',
  'hoeren',
  'wijf',
  'wijven',
  'idiot',
  'idioten',
  'klotzak',
  'neuker',
  'neukers',
  'trut',
  'lul',
].map(squeeze);
// Things "kut"/"pest"/"rot" may prefix that are persons or the school (aimed insult).
const KUT_PERSON = [
  'school',
  'leraar',
  'leraren',
  'juf',
  'docent',
  'mentor',
  'rector',
  'directie',
  'wijf',
  'kind',
  'jong',
  'joch',
  'vent',
  'mens',
  'gast',
  'lijer',
  'hoer',
].map(squeeze);

// --- Glued function words ("eenteef", "zoveelminachting", "danafval") -----------------------
const GLUE_PREFIXES = [
  'zoveel',
  'gewoon',
  'echt',
  'een',
  'zo',
  'dan',
  'veel',
  'te',
  'de',
  'het',
  'alle',
  'die',
  'deze',
  'wat',
  'van',
  'voor',
  'zijn',
  'ze',
  'je',
].map(squeeze);
const GLUE_SUFFIXES = ['aan', 'mensen', 'zijn', 'een'].map(squeeze);
const GLUE_OK: ReadonlySet<Cat> = new Set<Cat>(['curse', 'slur', 'insult', 'mild', 'adj', 'emote', 'dehum', 'violence', 'group']);

// --- One-letter misspellings (SymSpell-style deletion index) ---------------------------------
// Only longer hate words and groups take part: short words and curses have too many
// innocent neighbours ("anker" is one letter from "kanker").
const FUZZY_CATS: ReadonlySet<Cat> = new Set<Cat>(['adj', 'emote', 'dehum', 'group']);
const DELETES = new Map<string, Entry>();
const FUZZY_STOP = new Set(
  `kosten koste kostte gekost draaiende schoten horen heren hoeden even vrouwe kerels haar hater heksen dieren beste even horen gemeente flinke gestuurd verdacht neus
   gestord verachten verachte gevaren gevaar afvalen afvallen vuile virussen wreed bedreigd
   bedreigingen walgen haten haatte hekel woede woeden pissig`
    .split(/\s+/)
    .map(squeeze),
);
for (const [key, e] of WORDS) {
  const insulting = e.cat === 'insult' || e.cat === 'slur';
  if (!(FUZZY_CATS.has(e.cat) || insulting) || key.length < (e.cat === 'group' ? 5 : insulting ? 6 : 7) || e.key.includes('-')) continue;
  for (let i = 0; i < key.length; i++) {
    const d = key.slice(0, i) + key.slice(i + 1);
    if (!WORDS.has(d) && !DELETES.has(d) && !FUZZY_STOP.has(d)) DELETES.set(d, e);
  }
}

// Adjacent-letter swaps of the hate words, precomputed ("wlag", "dodne", "maretlen").
const SWAP_CATS: ReadonlySet<Cat> = new Set<Cat>(['adj', 'emote', 'dehum', 'violence', 'group']);
const SWAPS = new Map<string, Entry>();
for (const [key, e] of WORDS) {
  if (!SWAP_CATS.has(e.cat) || (key.length < 5 && key !== 'walg') || e.key.includes('-')) continue;
  for (let i = 0; i + 1 < key.length; i++) {
    if (key[i] === key[i + 1]) continue;
    const v = key.slice(0, i) + key[i + 1]! + key[i]! + key.slice(i + 2);
    if (!WORDS.has(v) && !SWAPS.has(v) && !FUZZY_STOP.has(v)) SWAPS.set(v, e);
  }
}

const LONG_INSULTS: string[] = [];
for (const [key, e] of WORDS) if ((e.cat === 'insult' || e.cat === 'slur') && key.length >= 5) LONG_INSULTS.push(key);
// The same, by position, and the lengths they come in: a token's endings are looked up, not
// compared with every insult (the first insult in order wins, as in the list).
const LONG_INSULT_AT = new Map(LONG_INSULTS.map((k, i) => [k, i]));
const LONG_INSULT_LENGTHS = [...new Set(LONG_INSULTS.map((k) => k.length))].sort((a, b) => a - b);

// The first three letters of every word and deletion: a token whose own first three are not
// among them has no deletion past its third letter in either map.
const PREFIX3 = new Set([...WORDS.keys(), ...DELETES.keys()].map((k) => k.slice(0, 3)));

/** The hash of `s`, or of `s` without the letter at `skip`. */
const hashWithout = (s: string, skip = -1) => fnv1a(s, 0, s.length, skip);
// What a deletion of a token must be for lookupSlow's deletion loop to take it: a word of a
// fuzzy category of 7 letters or more, or a deletion of one (the loop's own conditions, by hash).
const FUZZY_TARGETS = new HashTable(
  new Map(
    [
      ...[...WORDS].filter(([k, e]) => FUZZY_CATS.has(e.cat) && k.length >= 7).map(([k]) => k),
      ...[...DELETES].filter(([, e]) => e.key.length >= 7 && FUZZY_CATS.has(e.cat)).map(([k]) => k),
    ].map((k) => [hashWithout(k), 1]),
  ),
);

/** A lexicon hit for one token: the entry and how it was found. */
export interface Hit {
  e: Entry;
  how: 'exact' | 'compound' | 'glue' | 'fuzzy';
}

const CURSE_COMPOUND: Entry = { key: 'curse-compound', cat: 'curse', w: 0.85 };
const INSULT_COMPOUND: Entry = { key: 'insult-compound', cat: 'insult', w: 0.78 };
const KUT_AIMED: Entry = { key: 'kut-compound', cat: 'insult', w: 0.75 };
const KUT_THING: Entry = { key: 'kut-thing', cat: 'mild', w: 0.35 };

const EXACT = new Map<string, Hit>();
for (const [k, e] of WORDS) EXACT.set(k, { e, how: 'exact' });
// Results for forms that are not plain entries, memoised (memo.ts): the compound, glue and
// misspelling checks cost far more than a Map look-up.
const lookupMemo = memoByWord<Hit | null>(WORD_MEMO_SIZE, (sq) => EXACT.get(sq) ?? lookupSlow(sq) ?? null);

/** Look a squeezed form up: exact, compound, glued or misspelled. */
export function lookup(sq: string): Hit | undefined {
  return lookupMemo(sq) ?? undefined;
}

const lookupSlot = wordSlot<Hit | null>(({ sq }) => EXACT.get(sq) ?? lookupSlow(sq) ?? null);
/** `lookup` of a token's squeezed form, kept in its word's record. */
export function lookupWord(w: Word): Hit | undefined {
  return lookupSlot(w) ?? undefined;
}

function lookupSlow(sq: string): Hit | undefined {
  const n = sq.length;
  if (n < 4) return undefined;
  if (MEDICAL.has(sq)) return undefined;
  // A curse leads a compound ("kankerschool", "teringlijer", "klerezooi"); at the end of a
  // word it is an illness or no curse at all ("borstkanker", "verbetering", "spijsvertering").
  if (!INNOCENT_STARTS.some((w) => sq.startsWith(w))) {
    for (const p of CURSE_PREFIXES) if (n > p.length && sq.startsWith(p)) return { e: CURSE_COMPOUND, how: 'compound' };
  }
  if (n >= 6) {
    for (const s of INSULT_SUFFIXES) if (n > s.length + 2 && sq.endsWith(s)) return { e: INSULT_COMPOUND, how: 'compound' };
  }
  // "kut-" and "klote-" lead a compound the same way ("kutschool", "kloteschool", "klotedag").
  const kut = sq.startsWith('kut') ? 3 : sq.startsWith('klote') ? 5 : 0;
  if (kut > 0 && n >= kut + 3) {
    for (const s of KUT_PERSON) if (sq.endsWith(s)) return { e: KUT_AIMED, how: 'compound' };
    // "kutmarokkaan", "kutturken": kut- before a group or person noun.
    const rest = WORDS.get(sq.slice(kut));
    if ((rest && (rest.cat === 'group' || rest.cat === 'people')) || looksLikePeople(sq.slice(kut))) return { e: KUT_AIMED, how: 'compound' };
    return { e: KUT_THING, how: 'compound' };
  }
  if (n >= 5) {
    for (const p of GLUE_PREFIXES) {
      if (n - p.length >= 3 && sq.startsWith(p)) {
        const g = WORDS.get(sq.slice(p.length));
        if (g && GLUE_OK.has(g.cat)) return { e: g, how: 'glue' };
      }
    }
    for (const s of GLUE_SUFFIXES) {
      if (n - s.length >= 3 && sq.endsWith(s)) {
        const g = WORDS.get(sq.slice(0, n - s.length));
        if (g && GLUE_OK.has(g.cat)) return { e: g, how: 'glue' };
      }
    }
  }
  const sw = SWAPS.get(sq);
  if (sw && !FUZZY_STOP.has(sq)) return { e: sw, how: 'fuzzy' };
  if (n >= 9) {
    // Glued insult at the end: "enormeschoften", "echteklootzak".
    let first = -1;
    for (const len of LONG_INSULT_LENGTHS) {
      if (len >= n) break;
      const at = LONG_INSULT_AT.get(sq.slice(n - len));
      if (at !== undefined && (first < 0 || at < first)) first = at;
    }
    if (first >= 0) return { e: WORDS.get(LONG_INSULTS[first]!)!, how: 'glue' };
  }
  if (n >= 4 && n <= 16) {
    // Misspellings keep their first letter ("neus" is not a misspelt "kneus").
    const d = DELETES.get(sq);
    if (d && d.key[0] === sq[0] && !FUZZY_STOP.has(sq)) return { e: d, how: 'fuzzy' };
    if (n >= 6) {
      // The token has an extra or swapped letter: one of its deletions is a word or a deletion.
      const deeper = PREFIX3.has(sq.slice(0, 3));
      for (let i = 0; i < n; i++) {
        if (i >= 3 && !deeper) break;
        // (Most tokens have no such deletion: its hash says so before it is made.)
        if (!FUZZY_TARGETS.has(hashWithout(sq, i))) continue;
        const v = sq.slice(0, i) + sq.slice(i + 1);
        const w = WORDS.get(v);
        if (w && w.key[0] === sq[0] && FUZZY_CATS.has(w.cat) && v.length >= 7 && !FUZZY_STOP.has(sq)) return { e: w, how: 'fuzzy' };
        const dd = DELETES.get(v);
        if (dd && dd.key[0] === sq[0] && dd.key.length >= 7 && FUZZY_CATS.has(dd.cat) && !FUZZY_STOP.has(sq)) return { e: dd, how: 'fuzzy' };
      }
    }
  }
  return undefined;
}

/** Exact entry only (for multi-token rules). */
export function entryOf(sq: string): Entry | undefined {
  return WORDS.get(sq);
}

/** Is the squeezed form a person or group target on its own? */
export function isTargetWord(sq: string): boolean {
  const e = WORDS.get(sq);
  if (e) return e.cat === 'pron' || e.cat === 'people' || e.cat === 'group';
  return looksLikePeople(sq);
}
/** `isTargetWord` of a token's squeezed form, kept in its word's record. */
export const targetWord = wordSlot<boolean>(({ sq }) => isTargetWord(sq));

export const LEXICON_SIZE = WORDS.size;

const COMPOUND_CATS = new Map<string, Cat>([CURSE_COMPOUND, INSULT_COMPOUND, KUT_AIMED, KUT_THING].map((e) => [e.key, e.cat]));

/** The category of a lexicon evidence detail ("hoer", "curse-compound~compound", "kneus~fuzzy"). */
export function categoryOfDetail(detail: string): Cat | undefined {
  const key = detail.split('~')[0]!;
  return COMPOUND_CATS.get(key) ?? WORDS.get(squeeze(key))?.cat;
}

/**
 * The lexicon's categories as rule records, each with sentences it must flag and sentences with
 * its words that it must leave below the alert threshold (test/classify/rules.test.ts).
 */
export interface LexiconRule {
  id: string;
  cats: readonly Cat[];
  covers(detail: string): boolean;
  examples: { fires: readonly string[]; quiet: readonly string[] };
}

const lexiconRule = (id: string, cats: Cat[], fires: string[], quiet: string[]): LexiconRule => ({
  id,
  cats,
  covers: (detail) => {
    const c = categoryOfDetail(detail);
    return c !== undefined && cats.includes(c);
  },
  examples: { fires, quiet },
});

export const LEXICON_RULES: readonly LexiconRule[] = [
  lexiconRule(
    'curse',
    ['curse'],
    ['wat een kankerschool is dit', 'die tyfusleraar weer', 'kk irritant dit rooster', 'die tering leraar weer'],
    ['mijn oma had kanker, gelukkig is ze nu beter', 'we doen mee aan de sponsorloop tegen kanker'],
  ),
  lexiconRule(
    'slur',
    ['slur'],
    ['wat een mongool ben jij', 'die vieze flikker moet uit onze klas'],
    ["het woord 'mongool' gebruik je niet, ook niet als grap"],
  ),
  lexiconRule(
    'insult',
    ['insult'],
    ['jij bent echt een klootzak', 'die mentor is een vuile hufter', 'jij bent een sukkel'],
    ["'klootzak' roepen naar de juf is nooit oké"],
  ),
  lexiconRule(
    'aimed',
    ['mild', 'adj'],
    ['jullie zijn echt gestoord', 'die juf is zo dom', 'wat een idioot is die conciërge'],
    ['ik was zo dom, ik vergat mijn gymtas', 'dit nieuwe rooster is dom geregeld'],
  ),
  lexiconRule('emote', ['emote'], ['ik haat die leraar echt', 'ik walg van die gast uit 3B'], ['ik haat maandagen', 'ik baal ervan dat het regent']),
  lexiconRule('dehum', ['dehum'], ['die jongen is gewoon afval', 'jullie zijn ongedierte'], ['het afval moet vandaag aan de straat']),
  lexiconRule('sexual', ['sexual'], ['die juf heeft lekkere tieten', 'wie wil er nudes van haar'], ['de voorlichting over seksualiteit is in groep 8']),
];
