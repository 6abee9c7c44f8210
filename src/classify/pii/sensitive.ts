// A named student or staff member together with a sensitive fact in the same sentence:
// health or diagnosis, grades, punishment, family or home situation. The entity is the full
// name ("Lieke van der Linden"); a title (juf, meester, mevr.) before it raises confidence. A
// first name alone, or a name in a neutral sentence, is not flagged.

import type { Candidate } from './context.ts';

// Common given names in Dutch schools; lets lower-case names ("fenna dekker") be recognised.
const FIRST_NAMES = new Set(
  (
    'emma julia mila tess sophie zoë zoe sara sarah nora noor eva liv anna lotte evi saar lieke fenna isa yara nina ' +
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
  /^(?:de|het|een|bij|wist|hoorde|ik|wij|we|hij|zij|ze|je|jij|u|die|dat|deze|dit|er|hier|daar|ook|en|of|maar|want|dus|toen|als|wie|wat|waar|hoe|waarom|welke|volgens|help|beste|lieve|hoi|hallo|groetjes|groeten|dag|goedemorgen|juf|meester|meneer|mevrouw|mevr|dhr|mw|onze|ons|mijn|zijn|haar|hun|jullie|uw|geen|nog|niet|wel|al|pff|lol|ter|info|let|op|vandaag|gisteren|morgen|vanaf|na|voor|door|met|zonder|over|tegen|naar|in|uit|om|tot|the|sint|sinterklaas|kerst|pasen|god|jezus)$/i;
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
    /\b(?:burn-?out|overspannen|depressie|depressief|adhd|add|autis\w*|asperger|dyslexie|dyscalculie|diabetes|epilep\w*|(?:heeft|met|aan|tegen|is) kanker|kanker (?:vastgesteld|gediagnosticeerd|geconstateerd)|leukemie|anorexia|boulimia|eetstoornis|pdd-?nos|tourette|astma|ziekenhuis|ambulance|opgenomen|psycholoog|psychiater|therapie|medicijnen|ritalin|zelfmoord\w*|suïcid\w*|zwanger|hiv|aids|soa|hersenschudding|chronisch ziek|ernstig ziek|doodziek|gehandicapt|rolstoel|ggz|angststoornis|paniekaanval\w*|automutilatie|snijdt zichzelf|zelfbeschadiging)\b/,
  ],
  [
    'punishment',
    /\b(?:geschorst|schorsing|strafwerk|nablijven|van school (?:gestuurd|getrapt|gegooid|verwijderd|af)|verwijderd|betrapt|ontslagen|op non-actief|gearresteerd|opgepakt|taakstraf|strafblad|spieken|gespiekt|drugs|officiële waarschuwing|halt-straf|halt)\b/,
  ],
  [
    'grades',
    /(?:\b(?:een|'n|n) (?:[1-9]|10)(?:[,.]\d)? (?:voor|op|gehaald|gescoord)\b|\bkrijgt (?:een|'n) (?:[1-5])(?:[,.]\d)?\b|\bblijft zitten\b|\bblijven zitten\b|\bbleef zitten\b|\bzittenblijven\b|\bgezakt\b|\bonvoldoendes?\b|\bcijferlijst\b)/,
  ],
  [
    'home',
    /\b(?:scheiden|gescheiden|scheiding|pleeggezin|pleegouders|pleegkind|jeugdzorg|voogd|uit huis geplaatst|ondertoezichtstelling|veilig thuis|huiselijk geweld|overleden|schulden|armoede|voedselbank|dakloos|daklozen\w*|azc|mishandel\w*|woont nu bij|in de gevangenis|gevangenis|zit vast|verslaafd|alcoholist)\b/,
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
  return text.slice(a, b).toLowerCase();
}

function isCap(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 65 && c <= 90;
}

// One pass over the whole text first: most texts have no sensitive fact, and then the
// (costlier) name scan is skipped.
const ANY_SENSITIVE = new RegExp(SENSITIVE.map(([, re]) => re.source).join('|'));

export function findNamesWithSensitive(text: string, out: Candidate[]): void {
  if (!ANY_SENSITIVE.test(text.toLowerCase())) return;
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
}
