// A named student or staff member together with a sensitive fact in the same sentence:
// health or diagnosis, grades, punishment, family or home situation. The entity is the full
// name ("Lieke van der Linden"); a title (juf, meester, mevr.) before it raises confidence. A
// first name alone, or a name in a neutral sentence, is not flagged.

import type { Candidate } from './context.ts';

// Common given names in Dutch schools; lets lower-case names ("fenna dekker") be recognised.
const FIRST_NAMES = new Set(
  (
    'chantal kevin priscilla nadia nadine ilse emma julia mila tess sophie zoë zoe sara sarah nora noor eva liv anna lotte evi saar lieke fenna isa yara nina ' +
    'sanne roos lisa femke fleur esmee anouk jasmijn lynn elin olivia maud mia sofie sophia hannah hanna lena luna ' +
    'amira salma fatima aya yasmina yasmine ilse iris ivy jade julie kim laura lara linde lotte mare marit merel ' +
    'naomi nienke puck quinty romy sofia vera vera zara zeynep elif ayse esra meryem ' +
    'noah sem lucas liam daan levi luuk finn milan jesse bram thijs ruben tim gijs sven tygo jayden julian ' +
    'mees thomas max adam mohamed mohammed muhammed ahmed ali ayoub yassin youssef mehmet emre omar bilal hamza ' +
    'stijn teun niels lars hugo jens jurre koen siem boaz sam stan tijn mats ties cas casper guus hidde jelle ' +
    'joep jop olivier pepijn rick rens floris wessel xavi dex dani ' +
    'anja petra sandra karin miriam ingrid wendy linda marieke monique esther marloes mirjam inge annemiek ' +
    'ellen carla marjolein patricia natasja saskia bianca kim ' +
    'peter kees arno marco mark frank ronald rob hans erik jeroen jan henk gerard wim willem bas martijn ' +
    'dennis edwin richard paul michel vincent sander jasper joost maarten arjen hendrik pieter klaas dirk'
  ).split(/\s+/),
);
// Frequent Dutch surnames (with their tussenvoegsel dropped) for lower-case names.
const SURNAMES = new Set(
  (
    'jong jansen vries berg dijk bakker janssen visser smit meijer meyer boer mulder groot bos vos peters hendriks ' +
    'leeuwen dekker brouwer wit dijkstra smits graaf meer linden kok jacobs haan vermeulen heuvel veen broek bruijn ' +
    'bruin heijden schouten beek willems vliet ven hoekstra maas verhoeven koster dam wal prins blom huisman ' +
    'peeters jonge kuipers kuiper post veenstra kramer brink scholten wijk postma martens vink ruiter timmermans ' +
    'groen gerritsen jonker loon velde willemsen smeets lange bosch dongen schipper koning laan velden driessen ' +
    'doorn hermans evers meulen hofman bosman wouters verbeek sterk yilmaz kaya demir sahin celik ozturk boukhari ' +
    'amrani hassan bouzid aydin arslan dogan koç koc verweij verweij wijs'
  ).split(/\s+/),
);
// Capitalised words that start sentences and are never a given name.
const NOT_FIRST =
  /^(?:de|het|een|bij|wist|hoorde|ik|wij|we|hij|zij|ze|je|jij|u|die|dat|deze|dit|er|hier|daar|ook|en|of|maar|want|dus|toen|als|wie|wat|waar|hoe|waarom|welke|volgens|help|beste|lieve|hoi|hallo|groetjes|groeten|dag|goedemorgen|juf|meester|meneer|mevrouw|mevr|dhr|mw|onze|ons|mijn|zijn|haar|hun|jullie|uw|geen|nog|niet|wel|al|pff|lol|ter|info|let|op|vandaag|gisteren|morgen|vanaf|na|voor|door|met|zonder|over|tegen|naar|in|uit|om|tot|the|sint|sinterklaas|kerst|pasen|god|jezus|lyceum|college|bureau|basisschool|school|gemeente|politie|stichting|ggd|jeugdzorg|veilig|albert|heijn|centrum|stad|dorp|groep|klas|brugklas)$/i;
const TUSSEN = "(?:van|de|der|den|te|ter|ten|el|al|in|op|'t|le|la|du|da|von|bin|ben|Van|De|El|Ter|Ten|Te)";
const NAME = new RegExp(
  `(?<![\\w@#])([A-Za-zÀ-ÿ][a-zà-ÿ]+)((?: ${TUSSEN})*) ([A-Za-zÀ-ÿ][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)(?![\\w@])`,
  'g',
);
const TITLE = /\b(?:juf|juffrouw|meester|meneer|mevrouw|mevr\.?|mw\.?|dhr\.?|docent|leraar|lerares|mentor|directeur|directrice|conciërge|conciërge|coach|trainer)\s?$/i;

// Sensitive facts (lower-cased text). Each alternative is one family; the id goes into evidence.
const SENSITIVE: Array<[string, RegExp]> = [
  [
    'health',
    /\b(?:burn-?out|overspannen|depressie|depressief|adhd|add|autis\w*|asperger|dyslexie|dyscalculie|diabetes|epilep\w*|(?:heeft|met|aan|tegen|is) kanker|kanker (?:vastgesteld|gediagnosticeerd|geconstateerd)|leukemie|anorexia|boulimia|eetstoornis|pdd-?nos|tourette|astma|ziekenhuis|ambulance|opgenomen|psycholoog|psychiater|therapie|medicijnen|ritalin|zelfmoord\w*|suïcid\w*|zwanger|hiv|aids|soa|hersenschudding|chronisch ziek|ernstig ziek|doodziek|gehandicapt|rolstoel|ggz|angststoornis|paniekaanval\w*|automutilatie|snijdt zichzelf|zelfbeschadiging|kliniek|afkickkliniek|antidepressiva|medicatie|spoedeisende hulp|eerste hulp|operatie|geopereerd|ic|intensive care|ongeluk gehad|gebroken (?:been|arm|enkel|pols)|miskraam|hoofdluis|luizen|bedplassen|bedplasser|stottert|slechthorend|doof|blind|adhd-\w+|rugzakje|speciaal onderwijs|cluster 4)\b/,
  ],
  [
    'punishment',
    /\b(?:geschorst|schorsing|strafwerk|nablijven|van school (?:gestuurd|getrapt|gegooid|verwijderd|af)|verwijderd|betrapt|ontslagen|op non-actief|gearresteerd|opgepakt|taakstraf|strafblad|spieken|gespiekt|drugs|officiële waarschuwing|halt-straf|naar halt|diefstal|gestolen|gejat|winkeldiefstal|politie opgehaald|aangifte tegen)\b/,
  ],
  [
    'grades',
    /(?:\b(?:een|'n|n) (?:[1-9]|10)(?:[,.]\d)? (?:voor|op|gehaald|gescoord)\b|\bkrijgt (?:een|'n) (?:[1-5])(?:[,.]\d)?\b|\bblijft zitten\b|\bblijven zitten\b|\bbleef zitten\b|\bzittenblijven\b|\bgezakt\b|\bonvoldoendes?\b|\bcijferlijst\b)/,
  ],
  [
    'home',
    /\b(?:scheiden|gescheiden|scheiding|pleeggezin|pleegouders|pleegkind|jeugdzorg|voogd|uit huis geplaatst|ondertoezichtstelling|veilig thuis|huiselijk geweld|overleden|schulden|armoede|voedselbank|dakloos|daklozen\w*|azc|mishandel\w*|woont nu bij|in de gevangenis|gevangenis|zit vast|zit in de bak|in de bak|aan de drank|aan de drugs|verslaafd|alcoholist|werkloos|in de bijstand|uitkering|huisuitzetting|uit huis gezet|weggelopen|vermist|kinderbescherming|blijf-van-mijn-lijfhuis|opvanghuis)\b/,
  ],
  [
    'account',
    /\b(?:insta(?:gram)?|tiktok|snap(?:chat)?|account|twitter|facebook|discord|privéaccount|priveaccount)\b[^.!?\n]{0,40}@[\w.]{3,}/,
  ],
];

function sentenceAround(text: string, start: number, end: number): string {
  let a = start;
  const minA = Math.max(0, start - 70);
  while (a > minA) {
    const c = text.charCodeAt(a - 1);
    if (c === 46 || c === 33 || c === 63 || c === 10) break;
    a--;
  }
  let b = end;
  const maxB = Math.min(text.length, end + 110);
  while (b < maxB) {
    const c = text.charCodeAt(b);
    if (c === 33 || c === 63 || c === 10) break;
    // A dot ends the sentence unless it is part of a number or an abbreviation ("1,3", "dhr.").
    if (c === 46 && b + 1 < text.length && text.charCodeAt(b + 1) === 32) break;
    b++;
  }
  // "Amira Yilmaz is er niet. Ze heeft epilepsie.": the next sentence about the same person.
  if (b < text.length) {
    const next = /^[.!?\n]+\s*(?:ze|zij|hij|haar|zijn|die)\b[^.!?\n]{0,120}/i.exec(text.slice(b, b + 140));
    if (next) b += next[0].length;
  }
  return text.slice(a, b).toLowerCase();
}

function isCap(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 65 && c <= 90;
}

// A quick look for a sensitive word before anything else: most texts have none, and then the
// name scan is skipped. One big alternation regex over the whole text costs microseconds, so
// the words are looked up in a set instead; the family regexes above then confirm per sentence.
const TRIGGERS = new Set(
  (
    'burn burnout overspannen depressie depressief adhd add asperger dyslexie dyscalculie diabetes kanker ' +
    'leukemie anorexia boulimia eetstoornis pdd tourette astma ziekenhuis ambulance opgenomen psycholoog ' +
    'psychiater therapie medicijnen ritalin zwanger hiv aids soa hersenschudding chronisch ernstig doodziek ' +
    'gehandicapt rolstoel ggz angststoornis automutilatie snijdt zelfbeschadiging kliniek afkickkliniek ' +
    'antidepressiva medicatie spoedeisende hulp operatie geopereerd ic intensive ongeluk gebroken miskraam ' +
    'hoofdluis luizen bedplassen bedplasser stottert slechthorend doof blind rugzakje speciaal cluster ' +
    'geschorst schorsing strafwerk nablijven gestuurd getrapt gegooid verwijderd betrapt ontslagen non gearresteerd opgepakt ' +
    'taakstraf strafblad spieken gespiekt drugs officiële halt diefstal gestolen gejat winkeldiefstal politie ' +
    'aangifte gehaald gescoord krijgt zitten zittenblijven gezakt onvoldoende onvoldoendes cijferlijst ' +
    'scheiden gescheiden scheiding pleeggezin pleegouders pleegkind jeugdzorg voogd geplaatst gezet ondertoezichtstelling ' +
    'veilig huiselijk overleden schulden armoede voedselbank dakloos azc gevangenis vast bak drank verslaafd ' +
    'alcoholist werkloos bijstand uitkering huisuitzetting weggelopen vermist kinderbescherming opvanghuis ' +
    'insta instagram tiktok snap snapchat account twitter facebook discord privéaccount priveaccount woont'
  ).split(/\s+/),
);
// Five-letter stems of words that come in many forms (autisme, autistisch, epileptische, …).
const TRIGGER_STEMS = new Set(['autis', 'epile', 'zelfm', 'suïci', 'suici', 'misha', 'daklo', 'panie', 'burn-']);
const GRADE = /\b(?:een|'n|n) (?:[1-9]|10)(?:[,.]\d)? (?:voor|op|gehaald|gescoord)\b/i;

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 224 && c <= 255) || c === 45;
}

function isTrigger(w: string): boolean {
  if (TRIGGERS.has(w)) return true;
  if (w.length < 4) return false;
  if (TRIGGER_STEMS.has(w.slice(0, 5))) return true;
  const dash = w.indexOf('-');
  return dash > 0 && (TRIGGERS.has(w.slice(0, dash)) || TRIGGERS.has(w.slice(dash + 1)));
}

/** Does the lower-cased text contain a word that may start a sensitive fact? (char loop: no regex) */
export function hasSensitiveWord(lower: string): boolean {
  let st = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    if (isWordChar(c)) {
      if (st < 0) st = i;
    } else if (st >= 0) {
      if (i - st >= 2 && isTrigger(lower.slice(st, i))) return true;
      st = -1;
    }
  }
  return false;
}

export function findNamesWithSensitive(text: string, out: Candidate[]): void {
  if (!hasSensitiveWord(text.toLowerCase()) && !GRADE.test(text)) return;
  NAME.lastIndex = 0;
  for (let m = NAME.exec(text); m !== null; m = NAME.exec(text)) {
    const first = m[1] ?? '';
    const last = m[3] ?? '';
    const firstLc = first.toLowerCase();
    const lastLc = last.toLowerCase();
    const known = FIRST_NAMES.has(firstLc);
    const titled = TITLE.test(text.slice(Math.max(0, m.index - 12), m.index));
    let ok = false;
    if (!NOT_FIRST.test(first) && !NOT_FIRST.test(last)) {
      if (isCap(first) && isCap(last)) ok = true;
      else if (known && SURNAMES.has(lastLc.split('-')[0] ?? '')) ok = true;
    }
    if (!ok) {
      // Try again from the next word: "Wist je dat Emma Mulder" must still find "Emma Mulder".
      NAME.lastIndex = m.index + first.length + 1;
      continue;
    }
    const start = m.index;
    const end = m.index + m[0].length;
    const sentence = sentenceAround(text, start, end);
    let family = '';
    for (const [id, re] of SENSITIVE) {
      if (re.test(sentence)) {
        family = id;
        break;
      }
    }
    if (family === '') {
      NAME.lastIndex = end - last.length;
      continue;
    }
    const score = titled || known ? 0.85 : SURNAMES.has(lastLc) ? 0.75 : 0.65;
    out.push({ type: 'name_with_sensitive', start, end, value: m[0], score, rule: `sensitive.${family}` });
  }
  findSingleNames(text, out);
}

/**
 * The sensitive family near a lone first name, or '' when there is none. The window is
 * narrower than for full names: a run-on sentence often names someone else further on.
 */
function sensitiveFamily(text: string, start: number, end: number): string {
  const sentence = sentenceAround(text, start, end);
  const at = sentence.indexOf(text.slice(start, end).toLowerCase());
  const near = at < 0 ? sentence : sentence.slice(Math.max(0, at - 40), at + (end - start) + 60);
  for (const [id, re] of SENSITIVE) if (re.test(near)) return id;
  return '';
}

const SINGLE = /(?<![\w@#])([A-Z][a-zà-ÿ]+)(?![\w@])/g;
// "Sara uit 2C", "Lucas uit groep 6", "Ruben (brugklas)": a first name made identifiable.
const CLASS_AFTER = /^(?: uit| van| in)? (?:groep \d|klas \w|\d\s?[a-z]{1,4}\b|[a-z]{1,4}\s?\d\w?\b|de brugklas|brugklas)|^ \((?:groep|klas|brugklas|\d)/i;

/** A first name alone (known given name, or after a title like "juf") with a sensitive fact. */
function findSingleNames(text: string, out: Candidate[]): void {
  const fullNames = out.filter((c) => c.type === 'name_with_sensitive');
  SINGLE.lastIndex = 0;
  for (let m = SINGLE.exec(text); m !== null; m = SINGLE.exec(text)) {
    const name = m[1] ?? '';
    const lc = name.toLowerCase();
    if (NOT_FIRST.test(name)) continue;
    const titled = TITLE.test(text.slice(Math.max(0, m.index - 12), m.index));
    const known = FIRST_NAMES.has(lc);
    if (!titled && !known) continue;
    const start = m.index;
    const end = start + name.length;
    // A full name with a sensitive fact close by takes the fact for itself ("… bel hem maar
    // eens Finn Jacobs is geschorst" is not about the Niels before it).
    if (fullNames.some((c) => c.end > start && c.start < end + 100)) continue;
    const family = sensitiveFamily(text, start, end);
    if (family === '') continue;
    const identified = titled || CLASS_AFTER.test(text.slice(end, end + 20));
    out.push({
      type: 'name_with_sensitive',
      start,
      end,
      value: name,
      score: identified ? 0.75 : 0.65,
      rule: `sensitive.${family}.first_name`,
    });
  }
}
