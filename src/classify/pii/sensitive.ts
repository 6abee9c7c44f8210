// A named student or staff member together with a sensitive fact in the same sentence:
// health or diagnosis, grades, punishment, family or home situation. The entity is the full
// name ("Lieke van der Linden"); a title (juf, meester, mevr.) before it raises confidence. A
// lone first name counts only when it is a known given name or follows a title, and the fact
// sits right next to it ("Sara uit 2C is geschorst"). A name in a neutral sentence is never
// flagged. Sensitive words are looked up first, so most texts skip the name scan entirely.

import { HashTable } from '../hash-table.ts';
import { entryOf, squeeze } from '../offensive/lexicon.ts';
import type { Candidate } from './context.ts';
import { MORE_AMBIGUOUS_NAMES, MORE_GIVEN_NAMES } from './given-names.ts';

// Given names that are also everyday words ("wil", "els", "job"): not trusted in lower case.
const AMBIGUOUS_FIRST = new Set(
  (
    'wil els ans bo job ids sep ton cor can lev max ' +
    // flowers, trees, birds, colours and everyday Dutch or English words
    'roos fleur floor mark bas iris jade rosa lieve merel linde ivy frank jan rob harm joke nick robin milan mees julie ' +
    'amber margriet nova kay mart'
  )
    .split(' ')
    .concat(MORE_AMBIGUOUS_NAMES),
);
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
    'dennis edwin richard paul michel vincent sander jasper joost maarten arjen hendrik pieter klaas dirk ' +
    'wouter rutger bart tom tijs jorn joris robin ruud niek nick kevin ricardo dylan sebastiaan stefan thijmen ' +
    'luca lucas lukas owen morris mick milo benjamin david daniel samuel jacob gabriel elias ilias ismail ' +
    'ibrahim abdel abdullah yusuf mustafa kerem can baran furkan enes ayoub amin amine rayan zakaria noud ' +
    'quinten tristan valentijn victor vince wessel yannick zeger job ids lev loek luuk nout otis pim sep ' +
    'demi chayenne kimberley britt bo babette charlotte claire danique dewi elise emily esther eline eva fay ' +
    'floor gwen hailey ilse indy isabel jara jente jill jip juul kiki lana lauren liz lois lize lola loes ' +
    'lynn madelief manon maria marie megan melissa michelle mirthe myrthe nadia nikki noa noortje olivia ' +
    'pien rosa roos sam selin senna shirin sofie sterre suze tara tessa valerie veerle vera yasmin zoey ' +
    'aisha amal hiba imane inaya lina malak maryam nour rania safa soufiane hajar meryem zeynep ecem ' +
    'henk gert jos ton rene marcel johan harm bert wil gerrit cor theo ria truus els ans joke marga ' +
    'annemarie mariska yvonne jolanda angela martine sabine heleen ingrid janneke mieke renate ' +
    // More boys' names: Dutch, Frisian, Flemish, Turkish, Moroccan, Surinamese, Polish
    'tobias arne rik kai mika milo jay mo mounir kyan kars jort timo brent tyler wesley lowie kobe ravi kaan ' +
    'robbe wout jules lander jarne tuur seppe warre senne ferre mathis matthias stan jesper hamid rachid karim ' +
    'nordin mehdi soufian anouar ilyas yassine hicham mourad khalid tarik younes sami amir emir yunus arda burak ' +
    'berat efe mert onur serkan deniz ozan cem umut volkan jayson dwayne shurandy quincy romano melvin jermaine ' +
    'anand vikash ashwin gerben jelmer sietse douwe wybe sjoerd hessel tjeerd fedde sytse jorrit marnix jurriaan ' +
    'maurits olaf bastiaan jochem lennard lennart leon mart twan jurgen bjorn björn roel ralph raymond remco roy ' +
    'sjors tijmen xander yorick yoran youri joey kay mathijs melle mitchell quinn reinier sil silas stef jakub ' +
    'kacper szymon mateusz piotr dawid arjan eric herman pascal harry maurice luc marc filip steven kristof geert ' +
    'giovanni gino kenneth erwin anton frits joop karel patrick ferry ' +
    // and girls' names
    'amber milou jolien nova jinte lise lizzy norah yfke ilona jolijn jildou lore hanne lien kato ines fien marthe ' +
    'febe jana axelle nore samira naima hatice sevgi gülsen gülay ilham soraya malika khadija latifa hafsa ayla ' +
    'aylin büşra busra esma zehra defne derya ebru melek hira iman jamila ikram houda loubna nisrine rachida sanae ' +
    'siham zineb kawtar agnieszka zuzanna oliwia maja olga kasia gerda tineke anke marleen liesbeth nathalie ' +
    'wilma kelly maaike hennie henny rianne mariëlle margriet carolien annelies rosalie marjan anita joyce nicole ' +
    'sharon claudia brenda judith annet marian irene hilde sonja tamara miranda astrid desiree danielle daniëlle ' +
    'katrien griet nele karolien natasha shanice gianna kiara priya sunita radha hanneke fenne isabella ' +
    // Ukrainian, Syrian, Eritrean and Afghan names of children who fled
    'olena oksana iryna yulia anastasia sofiia maksym dmytro andriy bohdan artem selam yonas dawit ahmad khaled lamar ' +
    'mariam omid farid'
  )
    .split(/\s+/)
    .concat(MORE_GIVEN_NAMES),
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
// Words that are never a name, though they may be capitalised: sentence starters, titles,
// institutions. Also used to reject the second word of a lower-case name ("emma zit").
const NOT_NAME = new Set(
  (
    'de het een bij wist hoorde ik wij we hij zij ze je jij u die dat deze dit er hier daar ook en of maar want dus ' +
    // illnesses named after a person, and the points of the compass in place names ("station Dordrecht Zuid")
    'crohn alzheimer parkinson down hodgkin lyme noord zuid oost west centraal ' +
    'toen als wie wat waar hoe waarom welke volgens help beste lieve hoi hallo groetjes groeten dag goedemorgen ' +
    'goedemiddag goedenavond juf meester meneer mevrouw mevr dhr mw onze ons mijn zijn haar hun jullie uw geen nog ' +
    'niet wel al pff lol ter info let op vandaag gisteren morgen vanochtend vanmiddag vanavond vanaf na voor door ' +
    'met zonder over tegen naar in uit om tot the sint sinterklaas kerst pasen god jezus lyceum college bureau ' +
    'basisschool school gemeente politie stichting ggd ggz jeugdzorg veilig thuis albert heijn centrum stad dorp ' +
    'groep klas brugklas sorry echt jammer helaas fijn super zoals nadat omdat sinds tijdens natuurlijk eindelijk ' +
    'schandalig serieus sowieso trouwens inderdaad misschien blijkbaar kennelijk gelukkig ondertussen intussen ' +
    'rode kruis ziekenhuis huisarts dokter tandarts is heeft had zit zat moet mag kan wil gaat ging komt kwam ' +
    'krijgt kreeg blijft bleef werd wordt was waren zijn hebben doet deed woont woonde ligt lag staat stond ' +
    'moest mocht kon wilde zou zal mama papa moeder vader broer zus opa oma oom tante zoon dochter kind kinderen ' +
    'ouders leerling leerlingen docent docenten leraar mentor directeur directie iedereen niemand iemand alle ' +
    'jongen jongens meisje meisjes man vrouw tiener tieners scholier scholieren jongere jongeren puber pubers cito ' +
    'allemaal elke ieder zo te erg heel veel weer even eens nu dan ja nee oke oké ok haha hahaha xd omg wtf ' +
    'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli ' +
    'augustus september oktober november december whatsapp facebook instagram tiktok snapchat insta ' +
    'vindt vond zegt zei hoort hoorde weet wist denkt dacht speelt speelde loopt liep rent eet at drinkt ' +
    'slaapt sliep praat huilt huilde lacht ziet zag krijgen kreeg heef hebt bent ben wordt werd mogen moeten ' +
    'kunnen willen gaan komen zitten liggen staan lopen doen maken maakt maakte zoekt zocht vraagt vroeg ' +
    'uit thuis school weg mee terug ook echt gewoon altijd nooit soms vaak weer alweer zelf samen alleen ' +
    'gisteren vandaag straks later eerder nog steeds zeker misschien bijna helemaal niks niets iets alles ' +
    'lekker leuk stom raar ziek boos blij bang moe druk rustig stil arme arm lieve ' +
    // imperatives that open a call for help ("Gezien? Bel zijn moeder …")
    'bel mail app stuur meld deel neem ' +
    // an interjection before the name it calls ("Hey Lotte, …", "Ey Jarne, …")
    'hé he hey hee hej ey yo oi oei ach oh ah wow jeetje tja nou bro ' +
    // colours before a thing ("Zwarte Cortina, gestolen uit de stalling")
    'zwarte witte grijze blauwe groene gele paarse bruine oranje roze'
  ).split(/\s+/),
);
/** A word that is no name: a pronoun, a function word, a greeting, a verb (NOT_NAME, IMPERATIVE). */
export function notName(w: string): boolean {
  const lc = w.toLowerCase();
  return NOT_NAME.has(lc) || IMPERATIVE.has(lc);
}
/**
 * Imperatives that open a sentence or follow the name they are said to ("Geef Wessel …",
 * "jayden doe normaal", "sem kom op"): no name. Written with a capital after a given name they
 * may be a surname ("Jayden Doe"), so a capitalised surname is looked up in NOT_NAME alone.
 */
const IMPERATIVE = new Set('doe ga kom hou houd blijf stop geef pak sta loop wacht'.split(' '));
// ("in" and "op" are left out: "Hans in Schelluinen", "Sanne op Texel" name a place far more often than a surname.)
const TUSSEN = "(?:van|de|der|den|te|ter|ten|el|al|'t|le|la|du|da|von|bin|ben|Van|De|El|Ter|Ten|Te)";
// (Letters beyond Latin-1 count: "Ayşe Yıldız", "Michał Nowak".)
const NAME = new RegExp(`(?<![\\p{L}\\p{N}_@#])(\\p{L}\\p{Ll}+)((?: ${TUSSEN})*) (\\p{L}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?)(?![\\p{L}\\p{N}_@])`, 'gu');
const TITLE =
  /\b(?:juf|juffrouw|meester|meneer|mevrouw|mevr\.?|mw\.?|dhr\.?|docent|leraar|lerares|mentor|directeur|directrice|conciërge|coach|trainer)\s?(?:(?:van|de|der|den|el|ter|ten|van de|van der|van den) )?$/i;

const DAY = '(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(?:avond|ochtend|middag)?';
const WHEN = `(?:net|gisteren|gister|gisteravond|vanochtend|vanmiddag|vanavond|vandaag|vannacht|${DAY}|(?:elke|iedere) [a-zà-ÿ]+)`;
const CLOCK = '(?:\\d{1,2}[:.]\\d{2}|(?:kwart|vijf|tien) (?:over|voor) (?:half )?[a-zà-ÿ]+|half [a-zà-ÿ]+)';
/**
 * A child without a parent at home, at times: "zijn ouders zijn er bijna nooit 's avonds", "haar
 * moeder is nooit thuis", "z'n ouders zijn elk weekend weg", "is daar na school alleen", "is op
 * woensdagmiddag alleen". (Read in lower case; not "is alleen maar", "zijn niet blij", "weg van".)
 */
const HOME_ALONE = new RegExp(
  [
    `\\b(?:ouders|moeder|vader|mama|papa)\\b[^.!?\\n]{0,24}? (?:zijn|is|werken|werkt|zitten|zit)\\b(?: [a-zà-ÿ'\\d]+){0,4}? ` +
      `(?:(?:nooit|niet|zelden) thuis|(?:er|daar)(?: [a-zà-ÿ'\\d]+){0,3}? (?:nooit|zelden)|(?:er|daar)(?: [a-zà-ÿ'\\d]+){0,3}? niet(?=[.,!?;\\n]| *$| (?:thuis|want|dus|en|als|tot)\\b)|weg(?! van)|tot laat)\\b`,
    `\\b(?:is|zit|blijft|ben|bent|zijn) (?:(?:op [a-zà-ÿ]+dag(?:middag|avond|ochtend)?|daar|dan|thuis|er|na school|na schooltijd|'s (?:ochtends|middags|avonds)|tot \\d+(?: uur)?|elke [a-zà-ÿ]+|[a-zà-ÿ]+dag(?:middag|avond|ochtend)?|vaak|meestal|altijd|soms) ){1,3}(?:helemaal )?alleen\\b(?! (?:maar|nog|niet|als|om|met|voor|op|de|het|een)\\b)`,
  ].join('|'),
);
/**
 * Someone's routine or whereabouts told to them, in the second person, as whoever watches them
 * writes it: "ik zag je net alleen bij de bushalte", "ik weet precies hoe laat je training hebt",
 * "ik weet dat u op woensdag vroeg klaar bent", "tien over acht fiets je langs de bakker",
 * "als jij elke dag van de bus komt", "ik ben u gevolgd", "ik stond bij jullie voor het huis".
 */
const SECOND_PERSON_ROUTINE = new RegExp(
  [
    // seen at a time or a place
    `\\bik (?:zie|zag|spot|spotte|heb) (?:je|jou|u|jullie)(?: (?:echt|gewoon|nog steeds|wel|ook|toch))? (?:elke|iedere) [a-zà-ÿ]+`,
    `\\b(?:ik (?:zie|zag|spot|spotte) (?:je|jou|u)|ik heb (?:je|jou|u) (?:${WHEN} )?gezien)(?: (?:${WHEN}|alleen|wel|weer|ook|gewoon|nog|steeds)){0,3} (?:bij|in|op|voor|langs|aan|achter) (?:de|het|'t|je|jouw|uw)\\b`,
    // knowing when or where
    // (the route itself, or when or where with a time, a day or a way close by: "ik weet waar je woont" alone tells no one where)
    `\\bweet (?:ik )?(?:precies |heel goed |allang |echt )?welke (?:route|bus|dagen|trein) (?:je|jij|u|ge|gij)\\b`,
    `\\bweet (?:ik )?(?:precies |heel goed |allang |echt )?(?:hoe laat|wanneer|waar) (?:je|jij|u|ge|gij)\\b(?=[^\\n]{0,80}?(?:\\d|\\b(?:${DAY}|elke|iedere|altijd|'s (?:ochtends|middags|avonds)|via)\\b))`,
    `\\bik weet (?:ook |echt |heus |allang |precies |heel goed )?dat (?:je|jij|u|ge|gij) (?:[a-zà-ÿ]+ ){0,3}?(?:op ${DAY}|elke|iedere|altijd|om \\d|'s (?:ochtends|middags|avonds))`,
    // the route at a time: "7.52 stap je uit", "op vrijdag fiets je alleen naar huis"
    `(?:${CLOCK}|\\bop ${DAY}|\\b(?:elke|iedere) (?:ochtend|middag|avond|dag|${DAY})) (?:fiets|loop|stap|rij|neem|pak) (?:je|jij|u|ge)\\b`,
    `\\b(?:je|jij|u|ge) (?:[a-zà-ÿ]+ ){0,2}?(?:elke|iedere|op) (?:ochtend|middag|avond|dag|nacht|week|${DAY})\\b[^.!?\\n]{0,40}?\\b(?:komt|thuiskomt|fietst|loopt|slaapt|traint|uitkomt)\\b`,
    // followed, waited for at home
    `\\bik (?:ben|heb) (?:je|jou|u|jullie) (?:[a-zà-ÿ]+ ){0,6}?gevolgd\\b`,
    `\\bachter (?:je|jou|u) aan (?:gelopen|gefietst|gereden|lopen|fietsen|rijden)\\b`,
    `\\bik (?:sta|stond|wacht|wachtte|zat) (?:[a-zà-ÿ]+ ){0,3}?(?:bij|voor|tegenover) (?:jullie|je|jouw|uw) (?:voor (?:het|de) )?(?:huis|deur|school|werk)\\b`,
  ].join('|'),
);

// Sensitive facts (lower-cased text). Each alternative is one family; the id goes into evidence.
const SENSITIVE: Array<[string, RegExp]> = [
  [
    'health',
    // The words with a fact at their end or inside ("hartoperatie", "notenallergie",
    // "buikgriep", "borstkanker") are two alternatives, not one each: every \w* is tried at
    // every word, and thirteen of them cost more than the rest of the pattern.
    /\b(?:burn-?out|overspannen|depressie|depressief|adhd|add|autis\w*|asperger|dyslexie\w*|dyscalculie\w*|diabetes\w*|epilep\w*|eet (?:bijna |haast |nauwelijks |amper |al weken |nog maar )?(?:niks|niets|niet)(?: meer)?(?! van| op| aan| bij| mee)|(?:heeft|met|aan|tegen|is) kanker|kanker (?:vastgesteld|gediagnosticeerd|geconstateerd)|leukemie|hernia|chlamydia|gonorroe|herpes|syfilis|bipolair\w*|schizofre\w*|psychose|psychotisch\w*|ptss|abortus|obesitas|fibromyalgie|artrose|bronchitis|tbc|tuberculose|anorexia|boulimia|eetstoornis|pdd-?nos|tourette|astma|ziekenhuis|ambulance|opgenomen|psycholoog|psychiater|therapie|medicijnen|ritalin|zelfmoord\w*|suïcid\w*|zwanger|hiv|aids|soa|hersenschudding|chronisch ziek|ernstig ziek|doodziek|gehandicapt|rolstoel|ggz|angststoornis|paniekaanval\w*|automutilatie|snijdt zichzelf|zelfbeschadiging|kliniek|afkickkliniek|antidepressiva|medicatie|insuline\w*|spoedeisende hulp|eerste hulp|\w*(?:operatie|ziekte|ontsteking|allergi\w*|intolerant|griep|inzinking|stoornis|syndroom|pillen|pokken)|\w+(?:letsel|beschadiging|bloeding|kanker)|pgb|vertrouwenspersoon|(?:bij|naar) de (?:schoolmaatschappelijk werker|maatschappelijk werker|jeugdarts|jeugdverpleegkundige|logopedist\w*|schoolpsycholoog)|(?:plast|plaste|plassen) (?:\w+ ){0,2}in (?:zijn|haar|z'n|d'r|het|'t) bed|in (?:zijn|haar|z'n|d'r) bed (?:geplast|plast|geplast heeft)|(?:bij|naar) de (?:dokter|huisarts|tandarts|orthodontist|fysio(?:therapeut)?)|weegt (?:nog maar |maar |pas )?\d+ kilo|geopereerd|ic|intensive care|ongeluk gehad|gebroken (?:been|arm|enkel|pols)|miskraam|hoofdluis|luizen|bedplassen|bedplasser|stottert|slechthorend|doof|blind|adhd-\w+|rugzakje|speciaal onderwijs|cluster 4|corona|covid|positief (?:getest|bevonden)|(?:test|testte|testten) (?:\w+ )?positief|ziekbed|tumor|hersentumor|ziektewet|hartinfarct|herseninfarct|hart(?:afwijking|kwaal|probleem|problemen|ruis|operatie)|bevallen van|bevalling|(?:heeft|met|aan) (?:ms|reuma|crohn|eczeem|epilepsie)|(?:heeft|aan) als(?=\s*(?:[.,!?]|$)| (?:overleden|gestorven)\b)|multiple sclerose|reuma|ziekte van crohn|eczeem|dyspraxie|gediagnosticeerd|diagnose|dementie|hartaanval|beroerte|hartstilstand|verlamd|gips|revalidatie|revalideert|allergisch|epipen|koorts|overgegeven|overgeven|gespuugd|ziek gemeld|ziekgemeld|ziek thuis|(?:is|ligt|lag|was|werd) (?:al (?:een )?(?:\w+ )?|nog |erg |heel |flink |weer )?ziek(?! goed| vet| mooi| hard| van)|(?:al |nog |erg |weer )?ziek (?:is|was|zijn|waren|werd|geworden is)\b|dieet|diëtist|psychiatr\w*|ingestort|syndroom van \w+|(?:been|arm|bot|pols|enkel|sleutelbeen|heup|knie|rib|neus|teen|vinger|schedel|kaak|rug|nek|elleboog|schouder)breuk\w*|(?:zijn|haar|z'n|d'r|de|het) (?:been|benen|arm|armen|enkel|pols|sleutelbeen|heup|knie|rib|ribben|neus|teen|tenen|vinger|hand|voet|elleboog|schouder|kaak|rug|nek) (?:\w+ )?(?:gebroken|gekneusd|verstuikt|ontwricht|uit de kom)|(?:op|met) krukken|(?:paniek|angst|astma|hart|migraine|epilepsie|woede)-?aanval\w*|panic ?attacks?|aanvall?e?n? van (?:paniek|angst|benauwdheid)|(?:ze|zij|hij|ie|die|u|jij|je|hem|haar) (?:\w+ ){0,2}kanker (?:heeft|had|hebben|heb|kreeg|gekregen)|(?:slikt|slikken|slikte|neemt|nemen|innemen|inneemt) (?:\w+ ){0,2}(?:pillen|pil|medicijnen|medicatie)|(?:on)?gevaccineerd|ingeënt|ingeent|bed ?plas\w*|bedgeplast|faalangst\w*|plast (?:\w+ ){0,2}in (?:bed|(?:zijn|haar|z'n|d'r) broek)|chemo\w*|bestraling\w*|zichzelf (?:snijdt|snijden|sneed|beschadigt|pijn doet)|(?:snijdt|snijden|sneed) (?:zich|zichzelf)|neten|ongesteld|mazelen|kinkhoest|roodvonk|krentenbaard|kinderafdeling|oncologie|(?:ligt|lag|liggen|lagen) (?:\w+ ){0,3}op de \w*afdeling|(?:zich|zichzelf) ziek (?:gemeld|meldde|melden|meldt))\b/,
  ],
  [
    'punishment',
    /\b(?:geschorst|schorsing|strafwerk|nablijven|van school (?:gestuurd|getrapt|gegooid|verwijderd|af moet(?:en)?)|(?:moet|moeten|moest|moesten) (?:[\w']+ ){0,3}?van school af|verwijderd van (?:school|het terrein)|(?:uit de (?:klas|les)|van het (?:plein|schoolplein)) verwijderd|betrapt|ontslagen|op non-actief|gearresteerd|opgepakt|taakstraf|strafblad|enkelband|spieken|gespiekt|drugs|officiële waarschuwing|halt-straf|naar halt|diefstal|gestolen|gejat|winkeldiefstal|politie opgehaald|aangifte tegen|jeugdinrichting|jeugdgevangenis|justitiële|detentie|celstraf|in de cel|(?:is|werd|zijn|werden) (?:\w+ ){0,3}aangehouden|(?:zat|zit|zaten|moest|moet) (?:\w+ ){0,3}(?:bij de politie|op het politiebureau)|time-?out(?:kamer|ruimte|lokaal)?|straatverbod|contactverbod|rijbewijs kwijt|rijbewijs ingenomen|rijbewijs ingevorderd|huisverbod|gebiedsverbod|schoolverbod|toegangsverbod|terreinverbod|verbod om (?:de school|het (?:school)?terrein)|uit de klas gestuurd|eruit gestuurd|er uit gestuurd|van school (?:\w+ )?(?:sturen|trappen|gooien|schoppen|verwijderen)|got (?:suspended|expelled|arrested|detention)|buiten ?gezet|buiten ?gegooid|naar huis gestuurd|(?:uit de (?:klas|les)|eruit|er uit) (?:gezet|gegooid|geschopt)|(?:dag|dagen|week|weken) (?:\w+ )?uitgesloten|uitgesloten van (?:de les|de lessen|les|school|het kamp|kamp|de excursie|de schoolreis|het schoolreisje)|strafstudie|strafcorvee|tuchtmaatregel(?:en)?|tuchtprocedure|(?:in aanraking (?:\w+ )?met|bekend bij) (?:de )?politie|met (?:de )?politie in aanraking)\b/,
  ],
  [
    'grades',
    /(?:\b(?:een|'n|n|de enige|als enige een) (?:[1-9]|10)(?:[,.]\d)? (?:voor|op|gehaald|gescoord)\b|\b(?:je|jouw|zijn|haar|z'n|d'r) [1-9][,.]\d (?:voor|op)\b|\b(?:een|'n) (?:[1-9]|10)(?:[,.]\d)? (?:had|heeft|hadden|hebben|kreeg|krijgt|haalde|haalt|scoorde)\b|\bcijfers? van [^.!?\n]{1,45}?\b(?:[1-9]|10)[,.]\d\b|\b(?:[1-9])[,.]\d gemiddeld\b|\bgemiddeld(?:e)? (?:een |van )?[1-9][,.]\d\b|\b(?:groep \d|het jaar|een jaar|de klas|klas \d\w*|het \w+ leerjaar) (?:\w+ )?overdoen\b|\b(?:had|heeft|kreeg|krijgt|haalde|haalt|scoorde|heb|hadden) (?:[a-zà-ÿ]+ )?(?:zelfs |maar |ook |nog |wel |gewoon |weer |toch |echt )?(?:een|'n) (?:[1-9]|10)(?:[,.]\d)?(?![\d,.]?\d|[-%a-z]| (?:jaar|jarig\w*|uur|kinderen|weken|dagen|maanden|minuten|euro|keer|km|kilo|procent|x)\b)|\bkrijgt (?:een|'n) (?:[1-5])(?:[,.]\d)?\b|\b[bc]-attest\b|\bzittenblijver\b|\b(?:blijft|blijven|bleef|bleven)(?: (?:weer|alweer|opnieuw|toch|dus|ook|echt|waarschijnlijk|misschien|dit jaar|een jaar)){0,2} zitten\b|\bzittenblijven\b|\bgezakt\b|\bonvoldoendes?\b|\bcijferlijst\b|\b(?:\d{3}|[12][fs])\b[^.!?\n]{0,25}\b(?:doorstroomtoets|eindtoets|cito|iep)\b|\b(?:doorstroomtoets\w*|eindtoets\w*|cito\w*|iep(?!er)\w*)\b[^.!?\n]{0,25}\b\d{3}\b|\b(?:vmbo|mavo|havo|vwo|kader|basis|pro)(?:\/\w+)?-?advies\b|\b(?:zakte|zakt|zakken|zakten) voor\b|\bfailed (?:every|all|the|his|her|that|this|each) (?:\w+ )?(?:tests?|exams?|toets\w*|class(?:es)?)\b|\b(?:school)?advies (?:\w+ )?(?:vmbo|mavo|havo|vwo|kader|basis|pro)\b|\b(?:laten|liet|lieten) zakken\b|\b(?:het|'t|dat|een) jaar (?:\w+ )?over (?:moet |moeten |mag )?doen\b|\b(?:diploma|examen|eindexamen|het jaar|het)\b(?: \w+){0,2} niet gehaald\b|\b(?:bijgesteld|opgehoogd|verhoogd|verlaagd|aangepast) (?:naar|tot) (?:een )?(?:vmbo|mavo|havo|vwo|gymnasium|kader|basis|pro)\w*|\brt-?(?:groep\w*|lessen|les)\b|\bremedial teach\w*|\b(?:krijgt|kreeg|krijgen|heeft|had|volgt|moet naar|gaat naar|naar de) (?:\w+ ){0,3}bijles\b|\b(?:verlengde|extra) (?:toets)?tijd\b|\b(?:een |haar |zijn |z'n |d'r )?eigen leerlijn\b|\bontwikkelingsperspectief\b|\bmeer tijd bij (?:de )?toets(?:en)?\b|\b(?:eind|her|rij)?examens?\b(?: \w+){0,2} (?:verpest|verknald|verprutst|niet gehaald|over moeten doen|overdoen|overmaken)\b|\b(?:toets|toetsen|proefwerk|tentamen|repetitie|se|pta)\b(?: \w+){0,2} (?:verpest|verknald|verprutst|niet gehaald)\b|\b(?:extra|speciale|individuele|aparte|intensieve) (?:begeleiding|ondersteuning|zorg)\b|\b(?:een|zijn|haar|z'n|d'r) (?:eigen |persoonlijke )?(?:begeleider|onderwijsassistent) in de (?:klas|les)\b|\bzorg(?:leerling|kind)\b)/,
  ],
  [
    'home',
    // (The words that end in a fact, "echtscheiding", "schuldsanering", in one alternative: see health.)
    /\b(?:scheiden|gescheiden|\w*(?:scheiding|schuldsanering)|pleeggezin|pleegouders|pleegkind|jeugdzorg|voogd|uit huis geplaatst|ondertoezichtstelling|veilig thuis|huiselijk geweld|overleden|(?:vader|moeder|mama|papa|ouders|broer(?:tje)?|zus(?:je)?|opa|oma|stiefvader|stiefmoeder)(?: van \w+)? (?:is|zijn|was|waren) (?:\w+ ){0,3}(?:gestorven|omgekomen|verongelukt)|(?:kan|kunnen|kon|konden) (?:het |dat |de \w+ |het \w+ )?(?:\w+ )?niet (?:betalen|ophoesten)|geen geld (?:voor|om)|(?:dood|overlijden) van (?:zijn|haar|z'n|d'r|hun) (?:vader|moeder|papa|mama|broer(?:tje)?|zus(?:je)?|opa|oma|ouders)|schulden|schuldhulp\w*|deurwaarder|beslag (?:gelegd|op)|armoede|(?<!\bvoor de )voedselbank(?! (?:ingezameld|gebracht|gedoneerd))|uitgezet naar|uitzetting|teruggestuurd naar|verblijfsvergunning|asielzoeker\w*|asielaanvraag|asiel|gevlucht\b|vluchteling\w*|dakloos|daklozen\w*|azc|mishandel\w*|woont nu bij|in de gevangenis|aan de drank|aan de drugs|gevangenis|bajes|in de (?:nor|lik|bak)\b|(?:zit|zat|zitten|zaten) (?:al |nu |sinds )?(?:\w+ ){0,2}vast(?=\s*[,.!?;]|\s*$| in de (?:gevangenis|cel|bak)| (?:toch|hoor|he|hè|of zo|sinds|voor|wegens|vanwege)\b)|vastzit(?:ten)?(?= in de (?:gevangenis|cel|bak))|vastgezet|(?:vader|moeder|pa|ma|papa|mama|ouders|stiefvader|stiefmoeder)(?: van \w+)? (?:zuipt|zuipen|drinkt|drinken)(?=\s*[,.!?;]|\s*$| (?:te veel|veel|weer|elke dag|iedere dag|al jaren|zich))|(?:vader|moeder|pa|ma|papa|mama|stiefvader|stiefmoeder)(?: van \w+)? (?:slaat|sloeg|mishandelt) (?:hem|haar|ze|hen|de kinderen)|voedselpakket\w*|zit in de bak|in de bak|aan de drank|aan de drugs|verslaafd|alcoholist|werkloos|(?:zijn|haar|z'n|d'r|hun) (?:baan|werk) kwijt|(?:hun|het|ons|jullie) huis uit moeten|moeten (?:hun|het|uit hun) huis uit|in de bijstand|uitkering|huisuitzetting|uit huis gezet|weggelopen|vermist|kinderbescherming|blijf-van-mijn-lijfhuis|opvanghuis|tehuis|gezinshuis|begrafenis|rouwt|weeskind|noodopvang|vrouwenopvang|(?:slaapt|slapen|sliep|sliepen|woont|wonen) (?:al (?:\w+ ){0,2}|nu |sinds (?:\w+ ){1,2})?in (?:de|een|hun|z'n|zijn|haar) (?:auto|caravan|tent|opvang|daklozenopvang))\b/,
  ],
  [
    'missing',
    // A child someone is looking for: "is sinds 15.30 niet thuisgekomen", "voor het laatst gezien".
    /\b(?:niet (?:meer )?thuis ?gekomen|niet thuisgekomen|voor het laatst gezien|wordt vermist|is vermist|sinds \w+ vermist|weggelopen|wordt (?:nog (?:steeds )?|dringend |door de politie )?gezocht|(?:wie heeft|heeft iemand|iemand)\b[^.!?\n]{1,50}\bgezien(?=\?| of\b)|gezocht\s*[:!]|vermist|laatst (?:gezien|gesignaleerd)|(?:is|zijn) (?:al |nog steeds )?(?:weg|zoek) sinds)(?:\b|(?<=[:!]))/,
  ],
  [
    'account',
    // A username tied to the person: "@noah.vd", or a handle-like word with digits or an
    // underscore ("noahvd_09"), possibly in the next short sentence ("…, Noah van Dijk? Is noahvd_09").
    /\b(?:insta(?:gram)?|tiktok|snap(?:chat)?|account|twitter|facebook|discord|privéaccount|priveaccount)\b(?:[^.!?\n]{0,40}@[\w.]{3,}|[^\n]{0,80}?(?<![\w@.])[a-z][a-z.]*(?:_[a-z0-9_.]*|\d{2,4})(?![\w@]))/,
  ],
  [
    'orientation',
    // Sexual orientation or gender identity told of someone ("is toch bi", "is lesbisch", "is
    // uit de kast gekomen", "is trans en heet nu …", "valt op jongens"), also when said as a jibe;
    // and a partner of the same sex ("gaat trouwen met zijn vriend", "woont samen met haar vrouw",
    // "juf Anouk en haar vrouw").
    /\b(?:homo(?:seksueel)?|lesbisch|lesbienne|lesbo|biseksueel|bi(?![-\w])|gay|transgender|trans(?![-\w])|non-?binair|queer|uit de kast (?:gekomen|gekomen is|komen|gaan|te komen|durven komen|is gekomen)|(?:heette|heten|heetten) (?:vroeger|eerst|vorig jaar|toen|tot vorig jaar)\b|(?:vroeger|eerst|vorig jaar|toen|tot vorig jaar) (?:nog )?[a-zà-ÿ]+ heette|(?:wil|wilt|willen) (?:nu |voortaan |liever )?[a-zà-ÿ]+ (?:heten|genoemd worden)|voortaan [a-zà-ÿ]+ (?:heet|heten)|(?:valt|vallen|viel) op (?:jongens|meisjes|mannen|vrouwen)|op (?:jongens|meisjes|mannen|vrouwen) (?:valt|vallen|viel)\b|(?:(?:trouw\w*|getrouwd|verkering|een relatie|samenwon\w*)(?: [\w']+){0,3}?|(?:woont|wonen|woonde|woonden)(?: [\w']+){0,3}? samen) met (?:(?:zijn|z'n) (?:vriend|man|verloofde)|(?:haar|d'r) (?:vriendin|vrouw|verloofde))|(?:met|en) (?:(?:zijn|z'n) (?:man|echtgenoot)|(?:haar|d'r) (?:vrouw|echtgenote))|(?:zijn|z'n) echtgenoot|(?:haar|d'r) echtgenote)\b/,
  ],
  [
    'whereabouts',
    // Where someone is, or will be, at a given time: "staat nu in de Albert Heijn", "elke ochtend om 8.10 bij de ingang";
    // a routine with a place ("elke avond aan uw straat", "iedere dag langs jouw huis"); where the
    // one addressed lives or sleeps ("tegenover jouw huis", "jouw kamer ligt aan de voorkant"); a
    // child alone at home, or whose parents are out ("is daar na school alleen", "haar moeder is nooit thuis").
    new RegExp(
      /\b(?:staat|zit|is|loopt|fietst|werkt|sport|traint|zwemt|wacht) (?:nu|nu net|op dit moment|vanavond|elke \w+|iedere \w+|altijd)(?: (?:al|alleen|een|uur|half|kwartier|tijdje|sinds|vanaf|tot|om|rond|kwart|voor|over|na|\d{1,2}(?:[:.]\d{2})?)){0,6} (?:in|bij|op|aan|achter|naast|tegenover|voor) (?:de|het|'t)\b|\b(?:elke|iedere) (?:ochtend|middag|avond|dag|nacht|pauze|les|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|week) (?:om|rond|tussen|vanaf|van) (?:\d{1,2}(?:[:.]\d{2})?\b|(?:(?:kwart|vijf|tien) (?:over|voor) (?:half )?|half )?(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|\d{1,2})\b)[^.!?\n]{0,50}?\b(?:bij|in|op|aan|naar|via|langs|achter|naast|tegenover) (?:de|het|'t|(?:bus|tram)?halte|station)\b|\balleen (?:thuis|in huis)\b|\b(?:elke|iedere) (?:ochtend|middag|avond|dag|nacht|pauze|les|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b[^.!?\n]{0,40}?\b(?:bij|aan|op|langs|tegenover|voor|naar|achter|naast) (?:(?:de|het|'t|je|jouw|uw|jullie) (?:\w+ )?(?:huis|straat|deur|raam|hek|schoolhek|ingang|uitgang|halte|bushalte|tramhalte|fietsenrek\w*|fietsenstalling|sporthal|kantine|bieb|bibliotheek|club|training|supermarkt|winkel|werk|zwembad|sportschool|station|snackbar|bakker|speeltuin|skatebaan|voetbalveld|park|kerk|moskee|markt|plein|parkeerplaats|parkeergarage|manege|ijsbaan|sportveld|sportpark)|(?:bus|tram)?halte|station)\b|\b(?:langs|tegenover|voor|bij|aan) (?:jouw|je|uw|jullie) (?:huis|straat|deur|raam|kamer)\b|\b(?:jouw|je|uw) (?:slaapkamer|kamer) (?:is|ligt|zit|aan de|op de)\b/
        .source +
        '|' +
        // the place first, the routine after: "bij de skatebaan achter de Lidl komt Jesper chillen, zoals elke woensdag"
        /\b(?:bij|aan|op|achter|naast|tegenover|in) (?:de|het|'t) [a-zà-ÿ]+\b[^.!?\n]{0,80}?\bzoals (?:elke|iedere) (?:ochtend|middag|avond|dag|nacht|pauze|week|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b/
          .source +
        '|' +
        SECOND_PERSON_ROUTINE.source +
        '|' +
        HOME_ALONE.source,
    ),
  ],
  [
    'absence',
    // A pupil or teacher long away from school, told or asked about: "is al twee weken niet op
    // school", "komt sinds een paar weken niet meer naar school", "waarom Daan er al een week niet is".
    /\b(?:al|sinds|ruim|bijna|inmiddels) (?:twee|drie|vier|vijf|zes|een paar|een|anderhalve|\d{1,2}) (?:dagen|weken|week|maanden|maand)\b(?: [a-zà-ÿ]+){0,2}? niet (?:meer )?(?:op|naar) school\b|\ber (?:al |nu al |sinds )?(?:(?:twee|drie|vier|vijf|een paar|een|\d{1,2}) (?:dagen|weken|week|maanden|maand)|deze week|de hele week) niet(?: meer)?(?: (?:is|was|geweest)\b|\s*[.!?]|\s*$)/,
  ],
];

/** Bounds of the sentence around [start, end), plus the next one when it goes on about "ze"/"hij". */
function sentenceBounds(text: string, start: number, end: number, reach = 110, titled = false): [number, number, number] {
  let a = start;
  const minA = Math.max(0, start - 70);
  while (a > minA) {
    const c = text.charCodeAt(a - 1);
    // A dot inside a number or an abbreviation ("8.10", "dhr.Jansen") does not end a sentence.
    if (c === 46 && a < text.length && text.charCodeAt(a) !== 32 && text.charCodeAt(a) !== 10) {
      a--;
      continue;
    }
    if (c === 46 || c === 33 || c === 63 || c === 10) break;
    a--;
  }
  let b = end;
  const maxB = Math.min(text.length, end + reach);
  while (b < maxB) {
    const c = text.charCodeAt(b);
    if (c === 33 || c === 63 || c === 10) break;
    // A dot ends the sentence unless it is part of a number or an abbreviation ("1,3", "dhr.").
    if (c === 46 && b + 1 < text.length && text.charCodeAt(b + 1) === 32) break;
    b++;
  }
  // "… ze weegt nog maar 35 kilo. Lore Maes uit 2B.": a name that makes a sentence of its own (with
  // a class or a word or two) is whom the sentence before is about.
  if (a > 0 && b - a - (end - start) < 24 && NAME_ONLY.test(text.slice(a, b).replace(text.slice(start, end), ''))) {
    let p = a - 1;
    const minP = Math.max(0, a - 140);
    while (p > minP && !'.!?\n'.includes(text[p - 1]!)) p--;
    a = p;
  }
  // "Amira Yilmaz is er niet. Ze heeft epilepsie.": the next sentence about the same person —
  // not when its pronoun is of the other sex than a teacher's title ("… juf Lisa … met hem
  // gepraat. Zijn moeder vertelde …" is about the boy).
  const own = b;
  if (b < text.length) {
    const next = NEXT_ABOUT_SAME.exec(text.slice(b, b + 140));
    if (next && !(titled && otherSex(text.slice(Math.max(0, start - 24), start), next[0]))) b += next[0].length;
  }
  return [a, b, own];
}
/** Does the first pronoun of `next` have the other sex than the title that `before` ends with? */
function otherSex(before: string, next: string): boolean {
  const title = GENDERED_TITLE.exec(before);
  const pronoun = PRONOUN_SEX.exec(next);
  if (!title || !pronoun) return false;
  return (title[1] !== undefined) !== (pronoun[1] !== undefined);
}
const GENDERED_TITLE =
  /\b(?:(juf|juffrouw|mevrouw|mevr\.?|mw\.?|lerares|directrice)|meester|meneer|dhr\.?|directeur)\s?(?:(?:van|de|der|den|el|ter|ten|van de|van der|van den) )?$/i;
/** The first pronoun of a sentence: she (group 1) or he. */
const PRONOUN_SEX = /\b(?:(ze|zij|haar|d'r)|hij|hem|zijn|z'n)\b/i;
const SPEAKER_LABEL_END = /^\)\s?:/;
const SPEAKER_LABEL_OPEN = /(?:^|\n)(?:\[?\d{1,2}[:.]\d{2}\]?\s*)?[^\n:()]{1,30}\([^()\n:]{0,25}$/;
const CHAT_SPEAKER = /^(?: \([^()\n]{1,30}\))?:\s/;
const OTHER_NAMED = /\s\p{Lu}\p{Ll}|\b(?:juf|juffrouw|meester|meneer|mevrouw) \p{Ll}/u;
const SAME_ONE_CLAUSE = /[,;] (?:en |maar |want |dus )?(?:hij|ze|zij|ie) /;
const APPOSITION = /^,\s(?:die|dat|wie)\b[^,.!?\n]{1,60},/;
// Someone else named after a name, in its sentence: a capitalised word or a title.
const LATER_PERSON = /\s\p{Lu}\p{Ll}|\b(?:juf|juffrouw|meester|meneer|mevrouw|mijn|onze|ons|zijn|haar) \p{Ll}/u;
// ("Mevrouw Aksoy van Engels.": a teacher by title and subject.)
const NAME_ONLY =
  /^[\s.,!?:()]*(?:(?:juf|juffrouw|meester|meneer|mevrouw|mevr\.?|mw\.?|dhr\.?)\s+)?(?:(?:uit |van |groep |klas )?\(?\d\s?\w{0,6}\)?|\d\w* leerjaar|van \p{L}+)?[\s.,!?()]*$/iu;
// (A transcribed chat line may start with "[20:14] Lotte: ".)
// ("Met zijn autisme …", "Door haar diabetes …": the pronoun may follow a preposition.)
// ("Voor wie het niet weet: ze heeft …": a short lead-in before a colon.)
const NEXT_ABOUT_SAME =
  /^[.!?\n]+\s*(?:(?:\[?\d{1,2}[:.]\d{2}\]?\s*)?[^\s:]{1,30}:\s*|[^.!?\n:]{1,30}:\s+)?(?:(?:met|door|na|ondanks|vanwege|sinds|bij|van|om|voor) (?=zijn|haar|z'n|d'r))?(?:ze|zij|hij|haar|zijn|z'n|d'r|die)\b[^.!?\n]{0,120}/i;

interface Hit {
  start: number;
  end: number;
  family: string;
}
/** The families of facts, as evidence details name them ("sensitive.health"), and the lists of pupils. */
export const SENSITIVE_FAMILIES: readonly string[] = [...SENSITIVE.map(([id]) => id), 'list'];
const SENSITIVE_G = SENSITIVE.map(([id, re]) => [id, new RegExp(re.source, 'g')] as const);

/**
 * Every sensitive fact in the lower-cased text, family by family: only the families in `mask`
 * (bit i for SENSITIVE[i], as factFamilies gives them), since a family none of whose words
 * the text holds has nothing to find.
 */
export function sensitiveHits(lower: string, mask: number): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < SENSITIVE_G.length; i++) {
    if ((mask & (1 << i)) === 0) continue;
    const [family, re] = SENSITIVE_G[i]!;
    re.lastIndex = 0;
    for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
      hits.push({ start: m.index, end: m.index + m[0].length, family });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return hits;
}

/**
 * The first family (in SENSITIVE order) with a fact inside [a, b), or ''. For a teacher
 * (`staff`: a name after "juf", "meneer" …) the facts a teacher hands out — a grade, lines,
 * detention, a time-out — are the pupil's, not theirs ("mevrouw Dekker gaf me een 4", "nablijven
 * bij meneer Hak").
 */
function familyWithin(hits: Hit[], a: number, b: number, lower = '', staff = false, name?: { start: number; end: number }): string {
  for (const h of hits) {
    if (!(h.start >= a && (h.end <= b || (h.family === 'account' && h.start < b)))) continue;
    // "Stichting Voedselbank Rivierenland": a fact inside the name itself is none.
    if (name && h.start >= name.start && h.end <= name.end) continue;
    // "Ze las voor uit 'Gips'": a word in quotes on its own is a title.
    if (lower !== '' && QUOTE_OPEN.includes(lower[h.start - 1] ?? ' ') && QUOTE_CLOSE.includes(lower[h.end] ?? ' ')) continue;
    // "loopt als een pinguïn met een hernia", "doet alsof ze ziek is": a comparison, not a fact.
    if (lower !== '' && SIMILE_BEFORE.test(lower.slice(Math.max(a, h.start - 40), h.start))) continue;
    // "Ik hoop dat je kanker krijgt", "anders lig je morgen in het ziekenhuis": an illness wished or threatened.
    if (lower !== '' && h.family === 'health' && illnessWishedOrThreatened(lower, h)) continue;
    // "Meester Olaf heeft mijn zoon uitgelachen omdat hij stottert": the child named between them has the fact.
    if (lower !== '' && name && h.start > name.end && KIN_BETWEEN.test(lower.slice(name.end, h.start)) && ABOUT_KIN_BEFORE.test(clauseBefore(lower, h.start)))
      continue;
    if (
      staff &&
      (h.family === 'grades' ||
        (h.family === 'punishment' && GIVEN_BY_STAFF.test(lower.slice(h.start, h.end)) && !OWN_WARNING.test(lower.slice(Math.max(0, h.start - 8), h.end))) ||
        // "hij heeft mijn vriend geschorst", "meneer Arslan heeft mij van school gestuurd": the teacher did the sending away.
        (h.family === 'punishment' && SENT_AWAY.test(lower.slice(h.start, h.end)) && HANDED_OUT_BEFORE.test(lower.slice(Math.max(0, h.start - 40), h.start))))
    )
      continue;
    return h.family;
  }
  return '';
}
const SIMILE_BEFORE = /\b(?:als een|als 'n|net een|net als een|alsof)\b[^.!?,;:\n]{0,30}$/;
const HANDED_OUT_BEFORE =
  /\b(?:heeft|hebben|had|hadden) (?!hij\b|ze\b|zij\b)(?:[a-zà-ÿ']+ ){1,3}(?:al |gewoon |zomaar |meteen )?$|\bdie (?:[a-zà-ÿ']+ ){1,3}(?:heeft|had) (?:[a-zà-ÿ']+ )?$/;
const SENT_AWAY = /^(?:geschorst|van school (?:gestuurd|getrapt|gegooid|verwijderd)|naar huis gestuurd|(?:de gang|het lokaal) (?:op|uit) gestuurd)/;
// "na zijn officiële waarschuwing": the teacher's own, not one handed out.
const OWN_WARNING = /\b(?:zijn|haar|z'n|d'r) officiële waarschuwing$/;
const QUOTE_OPEN = `'"‘“`;
const QUOTE_CLOSE = `'"’”`;
const GIVEN_BY_STAFF =
  /^(?:strafwerk|nablijven|time-?out|uit de klas gestuurd|eruit gestuurd|er uit gestuurd|spieken|gespiekt|officiële waarschuwing|buiten ?gezet|buiten ?gegooid|naar huis gestuurd|uit de (?:klas|les) (?:gezet|gegooid|geschopt)|eruit (?:gezet|gegooid|geschopt)|er uit (?:gezet|gegooid|geschopt)|(?:dag|dagen|week|weken) (?:\w+ )?uitgesloten|uitgesloten van|strafstudie|strafcorvee)/;

/**
 * Does a title stand before `at` ("juf Anja", "meneer De Vries", "mentor Bakker")? Not a role
 * "of" something: "de directeur van De Schakel" names a school, "de mentor van Sanne" a pupil.
 */
function titledAt(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 24), at);
  return TITLE.test(before) && !ROLE_OF.test(before);
}
const ROLE_OF = /\b(?:docent|leraar|lerares|mentor|directeur|directrice|conciërge|coach|trainer)\s+van (?:[Dd]e |[Hh]et |[Dd]en |'t )?$/;

/** Does the word start with a capital ("Sem", "Ömer", "Şükrü")? */
function isCap(w: string): boolean {
  return w.length > 0 && letterCase(w.charCodeAt(0)) === UPPER;
}
/** For letters up to Latin Extended-B (U+024F), whether each is a lower-case or a capital letter; 0 for anything else. */
const [LOWER, UPPER] = [1, 2];
const LETTER_CASE = new Uint8Array(0x250);
for (let c = 0; c < LETTER_CASE.length; c++) {
  const ch = String.fromCharCode(c);
  if (!/\p{L}/u.test(ch)) continue;
  LETTER_CASE[c] = ch !== ch.toLowerCase() ? UPPER : ch !== ch.toUpperCase() || c === 0xdf ? LOWER : 0;
}
/** LOWER, UPPER, or 0 (no letter, or one beyond Latin Extended-B: no name the list holds has one). */
function letterCase(c: number): number {
  return c < 0x250 ? LETTER_CASE[c]! : 0;
}

// A quick look for a sensitive word before anything else: most texts have none, and then the
// name scan is skipped. One big alternation regex over the whole text costs microseconds, so
// the words are looked up in a set instead; the family regexes above then confirm per sentence.
const TRIGGERS = new Set(
  (
    'burn burnout overspannen depressie depressief adhd add asperger dyslexie dyscalculie diabetes kanker ' +
    'leukemie anorexia boulimia eetstoornis pdd tourette astma ziekenhuis ambulance opgenomen psycholoog ' +
    'lijfhuis hernia chlamydia gonorroe herpes syfilis bipolair bipolaire schizofreen schizofrene schizofrenie psychose psychotisch psychotische ptss abortus obesitas fibromyalgie artrose bronchitis tbc tuberculose ' +
    'psychiater therapie medicijnen ritalin zwanger hiv aids soa hersenschudding chronisch ernstig doodziek positief ziekbed ' +
    'gehandicapt rolstoel ggz angststoornis automutilatie snijdt zelfbeschadiging kliniek afkickkliniek ' +
    'antidepressiva medicatie spoedeisende hulp operatie geopereerd ic intensive ongeluk gebroken miskraam ' +
    'hoofdluis luizen bedplassen bedplasser stottert slechthorend doof blind rugzakje speciaal cluster ' +
    'geschorst schorsing strafwerk nablijven gestuurd getrapt gegooid verwijderd betrapt ontslagen non gearresteerd opgepakt ' +
    'taakstraf strafblad enkelband spieken gespiekt drugs officiële halt diefstal gestolen gejat winkeldiefstal politie ' +
    'aangifte gehaald gescoord doorstroomtoets eindtoets cito iep advies hartafwijking hartkwaal hartprobleem hartproblemen hartruis krijgt zitten zittenblijven gezakt onvoldoende onvoldoendes cijferlijst ' +
    'scheiden gescheiden scheiding pleeggezin pleegouders pleegkind jeugdzorg voogd geplaatst gezet ondertoezichtstelling ' +
    'veilig huiselijk overleden schulden armoede voedselbank dakloos azc gevangenis vast bak drank verslaafd ' +
    'tehuis gezinshuis begrafenis rouwt weeskind corona covid tumor hersentumor ziekte ziektewet dyspraxie gediagnosticeerd diagnose dementie hartaanval beroerte hartstilstand verlamd gips revalidatie revalideert ' +
    'alcoholist werkloos kwijt schuldsanering schuldhulp schuldhulpverlening deurwaarder beslag uitgezet uitzetting teruggestuurd verblijfsvergunning asielzoeker asielzoekers asielaanvraag asiel gevlucht vluchteling vluchtelingen bijstand uitkering huisuitzetting weggelopen vermist gezocht thuisgekomen laatst kinderbescherming opvanghuis ' +
    'jeugdinrichting jeugdgevangenis detentie celstraf cel aangehouden politiebureau maatschappelijk schoolmaatschappelijk jeugdarts logopedist logopediste geplast plast plaste plassen insuline insulinepomp schoolverbod toegangsverbod terreinverbod verbod insta instagram tiktok snap snapchat account twitter facebook discord privéaccount priveaccount woont ' +
    'elke iedere staat zit loopt traint sport zwemt uithangt rondhangt neerzet parkeert stalt nooit alleen thuis jeugdverpleegkundige schoolpsycholoog ' +
    'gevolgd ongesteld leerlijn ontwikkelingsperspectief bajes nor lik begeleiding ondersteuning zorg begeleider onderwijsassistent zorgleerling zorgkind ' +
    'waterpokken pokken mazelen kinkhoest roodvonk krentenbaard ' +
    'allergie allergisch intolerant epipen koorts griep buikgriep overgegeven overgeven gespuugd ziek ziekgemeld dieet diëtist ms reuma crohn eczeem sclerose ' +
    'noodopvang vrouwenopvang slaapt slapen sliep sliepen time gestuurd attest straatverbod contactverbod huisverbod gebiedsverbod zittenblijver dokter huisarts tandarts orthodontist fysio fysiotherapeut hartoperatie pgb vertrouwenspersoon weegt drank rijbewijs hartinfarct herseninfarct bevallen bevalling vechtscheiding ' +
    'homo homoseksueel lesbisch lesbienne lesbo biseksueel bi gay transgender trans nonbinair non binair queer kast valt ' +
    'trouwen trouwt getrouwd samenwonen samenwoont samen verkering relatie eet ' +
    'inzinking ingestort krukken panic attack gekneusd verstuikt ontwricht pil ' +
    'gevaccineerd ongevaccineerd ingeënt ingeent bedplast bedgeplast buitengezet buitengegooid geschopt uitgesloten strafstudie strafcorvee tuchtmaatregel tuchtmaatregelen tuchtprocedure ' +
    'gestorven omgekomen verongelukt faalangst sturen trappen gooien schoppen verwijderen suspended expelled arrested detention failed schooladvies advies zakken liet lieten doen betalen ophoesten geld cijfer cijfers gehaald gemiddeld gemiddelde overdoen dood overlijden zichzelf snijdt sneed neten kinderafdeling oncologie afdeling heette vroeger voortaan genoemd heten bijgesteld opgehoogd verhoogd verlaagd aangepast chemo chemotherapie bestraling bestralingen rt remedial bijles verlengde toetstijd weg zoek zakte zakt zakken zakten verpest verknald verprutst overdoen overmaken vastzit vastzitten vastgezet zuipt zuipen drinkt drinken sloeg mishandelt slaat'
  ).split(/\s+/),
);
// Five-letter stems of words that come in many forms (autisme, autistisch, epileptische, chemokuur, …).
const TRIGGER_STEMS = ['autis', 'epile', 'zelfm', 'suïci', 'suici', 'misha', 'daklo', 'panie', 'dysle', 'dysca', 'diabe', 'psych', 'insul', 'chemo'];
const HAS_DIGIT = /\d/;
const GRADE =
  /\b(?:je|jouw|zijn|haar|z'n|d'r) [1-9][,.]\d (?:voor|op)\b|\b(?:een|'n|n|enige) (?:[1-9]|10)(?:[,.]\d)? (?:voor|op|gehaald|gescoord|gegeven|gekregen|had|heeft|hadden|hebben|kreeg|krijgt|haalde|haalt|scoorde)\b|\b(?:had|heeft|kreeg|krijgt|haalde|haalt|scoorde|heb|hadden) (?:\w+ )?(?:een|'n) (?:[1-9]|10)\b/i;

// Words are compared by a 32-bit hash computed while scanning, so the scan allocates nothing.
// A collision only means a needless (but correct) name scan.
function hashWord(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) | 0;
  return h;
}
const FIRST_NAME_HASHES = new HashTable(new Map([...FIRST_NAMES].map((w) => [hashWord(w), 1])));

/**
 * Where the next word starts, from `from` on, that may begin a name in NAME or SINGLE: a
 * capital, or a word in lower case that `lowerMayBeName` lets through (by hash, so nothing is
 * copied; a collision only costs a look). The name scans jump here past words that can never be
 * a name. A word starts where a letter follows no letter, digit, _, @ or #; a word in lower case
 * runs over lower-case letters.
 */
function nextNameStart(text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    const kind = letterCase(c);
    if (kind === 0 || (i > 0 && isWordish(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    if (kind === UPPER) return i;
    let h = c;
    let before = 0;
    let j = i + 1;
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if (letterCase(d) !== LOWER) break;
      before = h;
      h = (Math.imul(h, 31) + d) | 0;
    }
    if (lowerMayBeName(text, i, j, h, before)) return i;
    i = j;
  }
  return n;
}
/**
 * May the lower-case word text[i, j) (hash h, and `before` without its last letter) be a name
 * to the name scans: a given name the list knows, one with a possessive s ("daans"), or a name
 * made small, with or without that s ("lotje", "lotjes")? The scans take no other word in lower
 * case (isLowerCaseName, openingLowerName, lowerPossessive).
 */
function lowerMayBeName(text: string, i: number, j: number, h: number, before: number): boolean {
  if (FIRST_NAME_HASHES.has(h)) return true;
  const last = text.charCodeAt(j - 1);
  if (last === 115 && FIRST_NAME_HASHES.has(before)) return true;
  const e = last === 115 ? j - 1 : j;
  return e - i >= 5 && text.charCodeAt(e - 1) === 101 && text.charCodeAt(e - 2) === 106 && isDiminutive(text.slice(i, e));
}
/**
 * What the words of a text say about the names in it, in one scan (nameWords gives it as bits):
 * - MAY_NAME: a word that the name scans below (NAME, SINGLE) could take for a name: a
 *   capitalised word that is no sentence word ("Ik", "Gisteren"), or a given name the list knows
 *   in lower case (lowerMayBeName: also with a possessive s, or made small). Both scans reject
 *   every other word, so without one no name can be tied to a fact ("Ik heb zelf ADHD");
 * - KNOWN: a word (in any case) that is a given name the list knows, which a list of pupils
 *   needs (findNameLists);
 * - TWO_UNAMBIGUOUS: two such words that are no everyday word too, which the first list of a
 *   class needs (findClassLists).
 * Words are runs of letters as letterCase knows them: the first word of a name the scans see is
 * such a run, and a word with a letter beyond Latin Extended-B, which no list holds, is looked
 * at by its parts (which can only find more).
 */
function nameWords(text: string): number {
  const n = text.length;
  let found = 0;
  let unambiguous = 0;
  for (let i = 0; i < n && found !== ALL_NAME_WORDS;) {
    const kind = letterCase(text.charCodeAt(i));
    if (kind === 0) {
      i++;
      continue;
    }
    let j = i + 1;
    // The hash of the word in lower case, and of all but its last letter (a possessive s).
    let h = LOWER_CODE[text.charCodeAt(i)]!;
    let before = 0;
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if (letterCase(d) !== LOWER) break;
      before = h;
      h = (Math.imul(h, 31) + d) | 0;
    }
    if (FIRST_NAME_HASHES.has(h)) {
      // (A hash only says "maybe": the word itself decides.)
      const lc = text.slice(i, j).toLowerCase();
      if (FIRST_NAMES.has(lc)) {
        found |= KNOWN;
        if (!AMBIGUOUS_FIRST.has(lc) && ++unambiguous >= 2) found |= TWO_UNAMBIGUOUS;
      }
    }
    if ((found & MAY_NAME) === 0) {
      if (kind === UPPER) {
        if (j - i >= 2) {
          const lc = text.slice(i, j).toLowerCase();
          if (!NOT_NAME.has(lc) || FIRST_NAMES.has(lc.slice(0, -1))) found |= MAY_NAME;
        }
      } else if (lowerMayBeName(text, i, j, h, before)) found |= MAY_NAME;
    }
    // An upper-case letter inside a run ("McDonald", "iPad") starts a run of its own.
    i = j;
  }
  return found;
}
const [MAY_NAME, KNOWN, TWO_UNAMBIGUOUS] = [1, 2, 4];
const ALL_NAME_WORDS = MAY_NAME | KNOWN | TWO_UNAMBIGUOUS;
/** The lower-case letter of each letter up to Latin Extended-B (itself when it has no single one). */
const LOWER_CODE = new Uint16Array(0x250);
for (let c = 0; c < LOWER_CODE.length; c++) {
  const lc = String.fromCharCode(c).toLowerCase();
  LOWER_CODE[c] = lc.length === 1 ? lc.charCodeAt(0) : c;
}

/** NAME's look-behind: a letter, a digit, _, @ or #. */
function isWordish(c: number): boolean {
  return letterCase(c) !== 0 || (c >= 48 && c <= 57) || c === 95 || c === 64 || c === 35;
}
const [WATCHING, YOU, AWAY, NOT, EXTRA, TIME, NOW, BE, PARENT, HER, WIFE, HIS, HUSBAND] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
const FAMILY_BIT: Record<string, number> = Object.fromEntries(SENSITIVE.map(([id], i) => [id, 1 << i]));
const ALL_FAMILIES = (1 << SENSITIVE.length) - 1;
const familyBits = (...families: string[]) => families.reduce((m, f) => m | FAMILY_BIT[f]!, 0);
/**
 * What each part of COMPOUND_TAIL opens (its capture groups, in order): an illness, a food
 * parcel, learning support or a school advice ("rt-les", "kaderadvies"), a child alone at home,
 * a missing child, a pupil sent away ("moet van school af"); and all of them.
 */
const TAIL_FAMILIES = [
  familyBits('health'),
  familyBits('home'),
  familyBits('grades'),
  familyBits('home', 'whereabouts'),
  familyBits('missing'),
  familyBits('punishment'),
];
const COMPOUND_FAMILIES = TAIL_FAMILIES.reduce((m, f) => m | f, 0);
/**
 * The families whose patterns may hold `word`: a pattern holds it when one of its literal
 * pieces of letters is the word, begins it ("trouw" in "trouw\w*" for "trouwen") or ends it
 * ("schorst" after "(?:ge)?"); when no piece does, those with a piece that holds the word (a
 * superset: a look costs far less than a missed fact).
 */
const PIECES = SENSITIVE.map(([, re]) => re.source.toLowerCase().match(/[a-zà-ÿ]{3,}/g) ?? []);
const familiesNaming = (word: string) =>
  piecesMatching(word, (p) => p === word || (p.length >= 4 && (word.startsWith(p) || word.endsWith(p)))) || piecesMatching(word, (p) => p.includes(word));
const piecesMatching = (word: string, test: (piece: string) => boolean) =>
  PIECES.reduce((m, pieces, i) => (pieces.some(test) || (word.length < 3 && SENSITIVE[i]![1].source.includes(word)) ? m | (1 << i) : m), 0);
/**
 * What each word the scan looks for is, by its hash, in one number (one look-up a word): the
 * families it may start as a trigger word (every family when no pattern names it as written),
 * shifted by KIND_BITS, and the kind of word that counts only together with another.
 */
const WORD_INFO_ENTRIES = new Map<number, number>();
const KIND_BITS = 4;
const addInfo = (map: Map<number, number>, word: string, bits: number) => {
  const h = hashWord(word);
  map.set(h, (map.get(h) ?? 0) | bits);
};
for (const [kind, words] of [
  [NOT, 'niet'],
  [AWAY, 'dagen weken week maanden maand'],
  [YOU, 'je jij jou jouw u uw ge gij jullie'],
  [WATCHING, 'zie zag spot spotte gezien weet wanneer laat waar fiets loop stap rij neem pak achter sta stond wacht wachtte zat huis deur raam kamer straat'],
  [EXTRA, 'extra'],
  [TIME, 'tijd'],
  [NOW, 'nu'],
  [BE, 'is'],
  [PARENT, 'ouders moeder vader mama papa'],
  [HER, 'haar'],
  [WIFE, 'vrouw echtgenote'],
  [HIS, 'zijn'],
  [HUSBAND, 'man echtgenoot'],
] as const)
  for (const w of words.split(' ')) addInfo(WORD_INFO_ENTRIES, w, kind);
// Words of a fact that start none themselves ("moment", "vanavond"): when another word opens the
// scan, their families are looked for too.
const ALSO_BITS = KIND_BITS + SENSITIVE.length;
for (const [family, words] of [
  ['whereabouts', 'nu moment vanavond altijd huis'],
  ['home', 'huis'],
] as const)
  for (const w of words.split(' ')) addInfo(WORD_INFO_ENTRIES, w, FAMILY_BIT[family]! << ALSO_BITS);
// A one-letter word is no trigger ("u" is "you", not the start of anything).
for (const w of TRIGGERS)
  for (const part of w.split('-')) if (part.length >= 2) addInfo(WORD_INFO_ENTRIES, part, (familiesNaming(part) || ALL_FAMILIES) << KIND_BITS);
const KIND_MASK = (1 << KIND_BITS) - 1;
// The same by a word's first five letters, for words in many forms: "vluchtelingenkinderen", "asielzoekerscentra".
const STEM_INFO_ENTRIES = new Map<number, number>();
for (const st of TRIGGER_STEMS) addInfo(STEM_INFO_ENTRIES, st, (familiesNaming(st) || ALL_FAMILIES) << KIND_BITS);
for (const st of ['asiel', 'vluch']) addInfo(STEM_INFO_ENTRIES, st, FAMILY_BIT.home! << KIND_BITS);
const WORD_INFO = new HashTable(WORD_INFO_ENTRIES);
const STEM_INFO = new HashTable(STEM_INFO_ENTRIES);

/** Lower-case letter code for a-z, A-Z and Latin-1 letters; 0 for anything else. */
function lowerLetter(c: number): number {
  if (c >= 97 && c <= 122) return c;
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 224 && c <= 255 && c !== 247) return c;
  if (c >= 192 && c <= 222 && c !== 215) return c + 32;
  return 0;
}

/** Is the word a given name from the list (any case)? */
export function isGivenName(word: string): boolean {
  return FIRST_NAMES.has(word.toLowerCase());
}

/** A given name written in lower case ("sven", "lotte") that is no everyday word too ("roos", "mark"). */
export function isLowerCaseName(word: string): boolean {
  return (FIRST_NAMES.has(word) && !AMBIGUOUS_FIRST.has(word)) || isDiminutive(word);
}

/** A given name we know, made small: "Daantje", "lotje", "Keesje", "Annetje". */
function isDiminutive(lc: string): boolean {
  const n = lc.length;
  if (n < 5 || lc.charCodeAt(n - 1) !== 101 || lc.charCodeAt(n - 2) !== 106) return false;
  // "Daan-tje", "Lot-je" (Lotte), "Kees-je": the stem before -tje or before -je.
  const known = (stem: string) =>
    stem.length >= 3 && !AMBIGUOUS_FIRST.has(stem) && (FIRST_NAMES.has(stem) || FIRST_NAMES.has(stem + 'te') || FIRST_NAMES.has(stem + 'e'));
  return (lc.endsWith('tje') && known(lc.slice(0, -3))) || known(lc.slice(0, -2));
}

/**
 * Which families of facts the text may hold, by the words it contains (dashes split words): bit
 * i for SENSITIVE[i]; 0 when none. Each trigger word counts for the families whose patterns
 * name it; a compound whose tail is the fact ("notenallergie") opens that fact's family.
 */
function sensitiveMask(text: string): number {
  let h = 0;
  let len = 0;
  let mask = 0;
  let also = 0;
  // The kinds of word seen that count only together (PAIRS), bit k for kind k.
  let kinds = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? lowerLetter(text.charCodeAt(i)) : 0;
    if (c !== 0) {
      h = (Math.imul(h, 31) + c) | 0;
      len++;
      if (len === 5) {
        const info = STEM_INFO.get(h);
        if (info !== 0) {
          mask |= (info >> KIND_BITS) & ALL_FAMILIES;
          also |= info >> ALSO_BITS;
        }
      }
    } else if (len > 0) {
      const info = WORD_INFO.get(h);
      if (info !== 0) {
        kinds |= 1 << (info & KIND_MASK);
        // (No one-letter word is a trigger: "u" only counts as "you".)
        mask |= (info >> KIND_BITS) & ALL_FAMILIES;
        also |= info >> ALSO_BITS;
      }
      h = 0;
      len = 0;
    }
  }
  for (const [both, family] of PAIRS) if ((kinds & both) === both) mask |= family;
  // Compounds whose tail is the fact: "notenallergie", "glutenintolerant", "buikgriep", "nierziekte", "oorontsteking";
  // and facts of two words whose words alone are everyday ones: "alleen thuis", "… gezien?".
  if ((mask & COMPOUND_FAMILIES) !== COMPOUND_FAMILIES) {
    COMPOUND_TAIL.lastIndex = 0;
    for (let m = COMPOUND_TAIL.exec(text); m !== null; m = COMPOUND_TAIL.exec(text))
      mask |= TAIL_FAMILIES[m.findIndex((g, i) => i > 0 && g !== undefined) - 1]!;
  }
  // An account is only there with its username: an "@", an underscore or digits in it.
  if ((mask & FAMILY_BIT.account!) !== 0 && !USERNAME_MARK.test(text)) mask &= ~FAMILY_BIT.account!;
  return mask === 0 ? 0 : mask | also;
}
const USERNAME_MARK = /[@_\d]/;
/**
 * Words that count only together, and the family they open: a routine or a home told in the
 * second person ("ik zie je", "weet wanneer je", "fiets je", "bij je huis") needs "je"/"u"; a
 * long absence ("al twee weken niet") needs "niet"; "krijgt extra tijd" (learning support); "is
 * nu bij de Jumbo"; "haar ouders zijn er niet" (a child alone at home).
 */
const PAIRS: readonly [number, number][] = (
  [
    [WATCHING, YOU, 'whereabouts'],
    [AWAY, NOT, 'absence'],
    [EXTRA, TIME, 'grades'],
    [NOW, BE, 'whereabouts'],
    [PARENT, NOT, 'whereabouts'],
    [HER, WIFE, 'orientation'],
    [HIS, HUSBAND, 'orientation'],
  ] as const
).map(([a, b, family]) => [(1 << a) | (1 << b), FAMILY_BIT[family]!]);
const COMPOUND_TAIL =
  /(allergi|intoleran|griep|pokken|ziekte|ontsteking|operatie|stoornis|syndroom|letsel|beschadiging|bloeding|breuk|aanval|inzinking|pillen|kanker)|(pakket)|(rt-|advies)|(alleen (?:thuis|in huis))|(gezien(?:\?| of))|(van school af)/gi;

/** The families of facts to look for in the text (bit i for SENSITIVE[i]), 0 when none can be there. */
export function factFamilies(text: string): number {
  // A grade in figures ("een 4,2 voor") opens every family, as a trigger word would.
  return HAS_DIGIT.test(text) && GRADE.test(text) ? ALL_FAMILIES : sensitiveMask(text);
}

export function findNamesWithSensitive(text: string, out: Candidate[]): void {
  const names = nameWords(text);
  if ((names & KNOWN) !== 0) findNameLists(text, out);
  if ((names & TWO_UNAMBIGUOUS) !== 0) findClassLists(text, out);
  // No name can be tied to a fact when the text holds no word that may be a name.
  if ((names & MAY_NAME) === 0) return;
  const from = out.length;
  const mask = factFamilies(text);
  if (mask === 0) return;
  // The facts first: with only the families the words open, most texts with a trigger word
  // hold no fact, and then no name can have one.
  const lower = text.toLowerCase();
  const found = sensitiveHits(lower, mask);
  if (found.length === 0) return;
  const lowered = () => lower;
  const hits = () => found;
  NAME.lastIndex = nextNameStart(text, 0);
  for (let m = NAME.exec(text); m !== null; m = NAME.exec(text)) {
    const first = m[1] ?? '';
    const last = m[3] ?? '';
    const firstLc = first.toLowerCase();
    // Most word pairs are neither capitalised nor a known given name: the cheap tests first.
    const capFirst = isCap(first);
    const known = FIRST_NAMES.has(firstLc);
    let ok = false;
    if (capFirst || known) {
      if (capFirst && isCap(last)) ok = true;
      // Lower-case names need a known given name; the second word may be any non-function word.
      // A capitalised given name before a lower-case word is a given name alone ("Nina luizen heeft").
      else if (!capFirst && isLowerCaseName(firstLc) && !isCap(last) && last.length >= 3) ok = true;
      // "Leonie van Engels" teaches English: a subject or school type is no surname.
      // "Gemeenteraad Amersfoort", "Stichting Leergeld": an organisation.
      const lastLower = last.toLowerCase();
      if (
        ok &&
        (notName(first) ||
          NOT_PERSON.has(firstLc) ||
          ORGANISATION_END.test(firstLc) ||
          NOT_NAME.has(lastLower) ||
          (!isCap(last) && IMPERATIVE.has(lastLower)) ||
          NOT_PERSON.has(lastLower))
      )
        ok = false;
      // "Karel Doormanweg 4": a street named after someone, before its house number.
      if (ok && STREET_END.test(last) && STREET_NUMBER_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) ok = false;
    }
    const lastLc = ok ? last.toLowerCase() : '';
    if (!ok) {
      // Try again from the next word that may start a name: "Wist je dat Emma Mulder" must still find "Emma Mulder".
      NAME.lastIndex = nextNameStart(text, m.index + first.length + 1);
      continue;
    }
    const start = m.index;
    const end = m.index + m[0].length;
    const titled = titledAt(text, start);
    if (!titled && namesAThing(text, start, end)) {
      NAME.lastIndex = end - last.length;
      continue;
    }
    const [a, b] = sentenceBounds(text, start, end, 110, titled);
    const family = familyWithin(hits(), a, b, lowered(), titled, { start, end });
    if (family === '') {
      NAME.lastIndex = end - last.length;
      continue;
    }
    const score = titled || known ? 0.85 : SURNAMES.has(lastLc) ? 0.75 : 0.65;
    out.push({ type: 'name_with_sensitive', start, end, value: m[0], score, rule: `sensitive.${family}` });
  }
  findSingleNames(text, out, hits, lowered);
  findCoordinated(text, out, from);
}

/**
 * People named together share what is said of them: "Joep en Lieve uit 2G hebben diabetes",
 * "rijden met Olivier en Fay, die om 7.40 bij de halte staan", "Luuk Evers, Jesse Smid en Ömer
 * Tekin zijn geschorst". Next to each name found with a fact, the names joined to it by a comma,
 * "en" or "&" (a class in brackets may come between) are entities too, with the same fact.
 */
function findCoordinated(text: string, out: Candidate[], from: number): void {
  const found = out.slice(from).filter((c) => c.type === 'name_with_sensitive');
  const taken = (a: number, b: number) => out.some((c) => c.start < b && a < c.end);
  const add = (c: Candidate, start: number, name: string) => {
    const end = start + name.length;
    const first = name.split(' ')[0]!;
    if (notName(first) || NOT_PERSON.has(first.toLowerCase()) || taken(start, end) || namesAThing(text, start, end)) return false;
    if (PLACE_BEFORE.test(text.slice(Math.max(0, start - 24), start))) return false;
    // Not the greeted reader: "Hoi meester Wim, Isa heeft …".
    if (GREETED.test(text.slice(Math.max(0, start - 30), start))) return false;
    const family = c.rule.split('.')[1] ?? 'coordinated';
    out.push({ type: 'name_with_sensitive', start, end, value: name, score: Math.min(c.score, 0.65), rule: `sensitive.${family}.coordinated` });
    return true;
  };
  for (const c of found) {
    // Rightwards: "Sem, Daan en Noor".
    for (let at = c.end; ;) {
      const m = COORD_NEXT.exec(text.slice(at, at + 80));
      if (!m) break;
      const start = at + m[0].length - m[1]!.length;
      if (!add(c, start, m[1]!)) break;
      at = start + m[1]!.length;
    }
    // Leftwards: "Joep en Lieve hebben …" when Lieve was found.
    for (let at = c.start; ;) {
      const m = COORD_PREV.exec(text.slice(Math.max(0, at - 80), at));
      if (!m) break;
      const start = Math.max(0, at - 80) + m.index;
      if (!add(c, start, m[1]!)) break;
      at = start;
    }
  }
}
const COORD_NAME = String.raw`(\p{Lu}\p{Ll}+(?: (?:(?:van|de|der|den|el|ter|ten|van de|van der|van den|El|Ait|Aït|Ben|Abu|Al|Da|Di|Dos|Du|Le|La) )?\p{Lu}[\p{Ll}'’-]*\p{Ll})?)`;
const COORD_GAP = String.raw`(?: ?\([^()]{1,24}\))?(?:\s*,\s*(?:en\s+)?|\s+(?:en|&)\s+)`;
const COORD_NEXT = new RegExp(`^${COORD_GAP}${COORD_NAME}(?![\\p{L}\\p{N}@])`, 'u');
const COORD_PREV = new RegExp(`(?<![\\p{L}\\p{N}@#])${COORD_NAME}${COORD_GAP}$`, 'u');

/**
 * Whether the capitalised word(s) at [start, end) name a thing rather than a person: after an
 * article ("het Sophia", "op De Parel"), after a venue ("café De Zwaan", "VV Oranje"), before a
 * calendar word ("Paarse Vrijdag"), or as a speaker or heading ("Joep:", "Team Geel:").
 */
function namesAThing(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 16);
  // "die autist van een Tijn", "dat joch van een Bram": a person called by what someone thinks of them.
  if (EPITHET_BEFORE.test(before)) return false;
  // "het syndroom van Gilles de la Tourette", "de ziekte van Lyme": an illness named after someone.
  if (EPONYM_BEFORE.test(before)) return true;
  // "blauwe Paw Patrol rugzak": a brand before what it is on.
  if (BRAND_NEXT.test(after)) return true;
  // "in Den Dolder", "Zonnedauw 5", "7906 KL Hoogeveen": a place, a street before its number or a
  // town after its postcode, unless a given name we know.
  if ((PLACE_BEFORE.test(before) || STREET_NUMBER_AFTER.test(after) || POSTCODE_BEFORE.test(before)) && !isGivenName(text.slice(start, end).split(' ')[0]!))
    return true;
  // "Aan de ouders van Isabella: ze heeft …" is no speaker.
  const speaker = SPEAKER.test(after) && !PREPOSITION_BEFORE.test(before);
  return ARTICLE_BEFORE.test(before) || VENUE_BEFORE.test(before) || COLOUR_BEFORE.test(before) || CALENDAR_NEXT.test(after) || speaker;
}
const BRAND_NEXT =
  /^ (?:rugzak|rugtas|schooltas|tas|jas|jasje|jack|shirt|t-shirt|trui|hoodie|vest|muts|pet|schoenen|sneakers|broek|fiets|scooter|hanger|sticker|beker|etui)\b/i;
const PREPOSITION_BEFORE = /\b(?:van|aan|voor|met|bij|over)\s$/;
const EPITHET_BEFORE = /\b(?:[Dd]ie|[Dd]at|[Dd]eze|[Zz]o'n|[Ww]at een)\s+(?:\p{Ll}+\s+)?\p{Ll}{3,} van een\s$/u;

/**
 * A class named once, then its pupils: "Klaslijst 3de leerjaar B: Mats, Jinthe, Warre en Seppe",
 * "In de plusklas van groep 5 zitten nu Sara, Yusuf en Lieve", "5A Jana, Mathis en Lore". Three
 * or more names joined by commas and "en"/"&", within a few words after the class and in its
 * sentence, at least two of them given names the list knows; then every one of them counts,
 * also a given name that is an everyday word too ("Lieve", "Jet", "Ward"). The names may come
 * before the class too ("Lucas, Fien en Wout bij juf Ellen in 3A"), and after a first list the
 * next class may name one or two ("5B Ruben en Kato", "1D: Hanna"). A team or a list of winners
 * without a class is not such a list ("Ons team: Noah, Siem en Finn").
 */
function findClassLists(text: string, out: Candidate[]): void {
  // (Three names need a comma, "en" or "&" between them.)
  if (!CLASS_HINT.test(text) || !(text.includes(',') || text.includes(' en ') || text.includes('&'))) return;
  let listed = false;
  CLASS_REF.lastIndex = 0;
  const take = (names: [number, number][]): boolean => {
    // After a first list, the next class may have fewer: "5A Jana, Mathis en Lore, 5B Ruben en Kato", "1D: Hanna".
    if (names.length < (listed ? 1 : 3)) return false;
    const firsts = names.map(([a, b]) => text.slice(a, b).split(' ')[0]!.toLowerCase());
    // Every item a name: a word that is no name ("Frans, Duits en Engels") ends it, unless it is a given name too ("Lieve").
    if (firsts.some((w) => (notName(w) || NOT_PERSON.has(w) || LIST_WORD.has(w)) && !FIRST_NAMES.has(w) && !AMBIGUOUS_FIRST.has(w))) return false;
    if (!listed && firsts.filter((w) => FIRST_NAMES.has(w) && !AMBIGUOUS_FIRST.has(w)).length < 2) return false;
    listed = true;
    for (const [a, b] of names) {
      if (out.some((c) => c.start < b && a < c.end)) continue;
      out.push({ type: 'name_with_sensitive', start: a, end: b, value: text.slice(a, b), score: 0.8, rule: 'sensitive.list' });
    }
    return true;
  };
  for (let m = CLASS_REF.exec(text); m !== null; m = CLASS_REF.exec(text)) {
    // The names before the class: "Lucas, Fien en Wout bij juf Ellen in 3A".
    const head = text.slice(Math.max(0, m.index - CLASS_LIST_BACK), m.index);
    const back = BEFORE_CLASS_END.test(head) ? NAMES_BEFORE_CLASS.exec(head) : null;
    if (back) {
      const at = m.index - head.length + back.index;
      const names: [number, number][] = [];
      for (const n of back[1]!.matchAll(RUN_NAME)) names.push([at + n.index, at + n.index + n[0].length]);
      take(names);
    }
    // The names after it: "Klaslijst 3de leerjaar B: Mats, Jinthe en Warre".
    const from = m.index + m[0].length;
    const lead = CLASS_LIST_LEAD.exec(text.slice(from, from + CLASS_LIST_REACH));
    if (!lead) continue;
    const names: [number, number][] = [];
    // One name after another, each right after a comma, "en" or "&".
    for (let at = from + lead[0].length; ;) {
      CLASS_LIST_NAME.lastIndex = at;
      const n = CLASS_LIST_NAME.exec(text);
      if (!n) break;
      const end = at + n[1]!.length;
      names.push([at, end]);
      const sep = CLASS_LIST_SEP.exec(text.slice(end, end + 6));
      if (!sep) break;
      at = end + sep[0].length;
    }
    if (take(names)) CLASS_REF.lastIndex = names.at(-1)![1];
  }
}

/**
 * Pupils listed with what identifies or exposes each — a class or a grade: "Yara Benali (6B),
 * Tom de Wit (6B)", "Sophie 9, Ibrahim 8,5, Lara 5". Three or more in a row make a list; each
 * name is one entity. (In a list of birthdays the dates are the entities, and the names tied to
 * them are masked with them.)
 */
function findNameLists(text: string, out: Candidate[]): void {
  if (descriptions(text) < 3) return;
  const items = LOWER_BEFORE_CLASS.test(text) ? LIST_ITEM_OR_LOWER : LIST_ITEM;
  items.lastIndex = 0;
  let run: { start: number; end: number; bracket: boolean; graded: boolean }[] = [];
  let listed = false;
  let lastEnd = -1;
  const flush = () => {
    // Given names the list knows — most of them, unless each comes with a class (in brackets, or "uit 5a"):
    // "Hoofdstuk 3, Les 4, Opdracht 5" lists no one.
    const known = run.filter((r) => FIRST_NAMES.has(text.slice(r.start, r.end).split(' ')[0]!.toLowerCase())).length;
    const classes = run.every((r) => r.bracket);
    // A list may go on after a heading of its own: "bus 1 = Rosa Kok 2A, …; bus 2 = Jill Wever 2C, Gerrit Bos 2C".
    if ((run.length >= 3 || (listed && run.length > 0)) && known > 0 && (classes || known * 2 > run.length)) {
      listed = true;
      for (const r of run) {
        // "Team: Ryan 8a, Fedde 8a, Sami 8b, …": a name and a class, not a street without a suffix and its town;
        // "Lotte Bakker 6a, Mees van Dijk 6a, …": nor a street that begins with a given name ("-akker").
        const given = FIRST_NAMES.has(text.slice(r.start, r.end).split(' ')[0]!.toLowerCase());
        for (let i = out.length - 1; i >= 0; i--) {
          const c = out[i]!;
          if (c.start < r.end && r.start < c.end && c.type === 'address' && (c.rule.startsWith('address.bare') || (given && c.start >= r.start)))
            out.splice(i, 1);
        }
        if (out.some((c) => c.start < r.end && r.start < c.end)) continue;
        out.push({ type: 'name_with_sensitive', start: r.start, end: r.end, value: text.slice(r.start, r.end), score: 0.8, rule: 'sensitive.list' });
      }
    }
    run = [];
  };
  for (let m = items.exec(text); m !== null; m = items.exec(text)) {
    const name = m[1]!;
    const first = name.split(' ')[0]!;
    // A given name that is an everyday word too counts with a surname after it: "Lieve Bos (5A)".
    const fullName = first.length < name.length && isCap(first) && (FIRST_NAMES.has(first.toLowerCase()) || AMBIGUOUS_FIRST.has(first.toLowerCase()));
    if (!fullName && (notName(first) || NOT_PERSON.has(first.toLowerCase()) || LIST_WORD.has(first.toLowerCase()))) {
      // "Links Ella (3B)": the word before the name is no part of it; try again from the name.
      if (first.length < name.length) items.lastIndex = m.index + first.length + 1;
      continue;
    }
    // In lower case only a given name the list knows that is no everyday word: "lotte 6a, sem 6b en dirk 6a".
    if (!isCap(first) && !isLowerCaseName(first)) continue;
    // Items of one list follow each other, separated by a comma, "en" or a semicolon.
    // After an item with its class, a space may be all that separates the next ("Mohamed Aziz – 3H2 Lotte Brinkman – 3H2").
    const gap = text.slice(lastEnd, m.index);
    // So may a space after a grade: "Kaj 5,1 Ilse 6,8 Jesper 4,0".
    const prev = run.at(-1);
    // And after a class in brackets, a word or two on the part they play, or with whom: "Saar (8a) als koningin,
    // Luuk (8b) als draak", "Sem (7a) bij mij, Fatima (7a) bij Karin, …".
    if (lastEnd >= 0 && !LIST_GAP.test(gap) && !((prev?.bracket || prev?.graded) && /^\s+$/.test(gap)) && !(prev?.bracket && ROLE_GAP.test(gap))) flush();
    const after = text.slice(m.index + name.length, m.index + name.length + 10);
    run.push({
      start: m.index,
      end: m.index + name.length,
      bracket: after.startsWith(' (') || /^ (?:ook )?uit |^ \d[A-Za-z]{1,2}\d?\b|^ [–-] \d/.test(after),
      graded: /^ (?:[1-9]|10)[,.]\d(?!\d)/.test(after),
    });
    lastEnd = m.index + m[0].length;
  }
  flush();
}
/**
 * How many descriptions of list items the text could hold at most: each holds a number, or
 * "klas", or a mark in words ("voldoende", "matig"), and two never share one. Fewer than three
 * make no list (and no digit at all none: a list is only taken where the text has one).
 */
function descriptions(text: string): number {
  if (!HAS_DIGIT.test(text)) return 0;
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    if (digit && !inRun) runs++;
    inRun = digit;
  }
  if (runs === 0 || runs >= 3) return runs;
  return runs + (text.match(DESCRIPTION_WORD)?.length ?? 0);
}
const DESCRIPTION_WORD = /klas|voldoende|matig/gi;

// A name (a given name and maybe a surname, or a given name in lower case) and what describes it.
const LIST_FULL_NAME = String.raw`\p{Lu}\p{Ll}+(?: (?:(?:van|de|der|den|el|ter|ten|van de|van der|van den|El|Ait|Aït|Ben|Abu|Al|Da|Di|Dos|Du|Le|La) )?\p{Lu}[\p{Ll}'’-]*\p{Ll})?`;
const LIST_NAME = String.raw`(?<![\p{L}\p{N}@#])(${LIST_FULL_NAME})`;
const LIST_NAME_OR_LOWER = String.raw`(?<![\p{L}\p{N}@#])(${LIST_FULL_NAME}|\p{Ll}{2,})`;
const LIST_DESCRIPTION = String.raw`(?: \((?:1?\d(?=\))|\d\s?[a-zA-Z]{1,4}\d?\b[^)]{0,40}|groep \d[^)]{0,30}|klas \w+[^)]{0,30})\)| (?:een )?(?:[1-9]|10|5[0-5]\d)(?:[,.]\d)?(?![\d:/A-Za-z-]|\.\d)| (?:onvoldoende|voldoende|ruim voldoende|matig)(?=[,;.]|\s+en\s|\s*$)| (?:ook )?uit (?:groep \d\w?|klas \w+|\d\s?[a-zA-Z]{1,4})\b| \d[A-Za-z]{1,2}\d?(?=[,;.:]|\s+en\s|\s*$|\s+[–-]\s|\s+(?:mogen|moeten|zijn|hebben|gaan|komen|zitten|krijgen|blijven|kunnen|doen)\b)| [–-] \d[A-Za-z]{1,3}\d?\b)`;
const LIST_ITEM = new RegExp(LIST_NAME + LIST_DESCRIPTION, 'gu');
/** Words a class is named with, or a class code: the cheap test before CLASS_REF. */
const CLASS_HINT = /\d|\b(?:klas|leerjaar|jaar)\b/i;
const CLASS_REF =
  /(?<![\p{L}\p{N}-])(?:(?:\d(?:de|e|ste)|eerste|tweede|derde|vierde|vijfde|zesde) (?:leerjaar|jaar|klas)(?: [A-Z](?![\p{L}]))?|(?:groep|klas|brugklas) \d{1,2}[a-zA-Z]?\d?|(?:klas|brugklas) [A-Za-z]\d?|\d{1,2}[a-zA-Z]{1,2}\d?|\d ?(?:havo|vwo|vmbo(?:-[a-z]{1,2})?|mavo|atheneum|gymnasium|gym|aso|tso|bso)(?:[- ]?[A-Za-z](?![\p{L}]))?|[HVAMhvam]\d[A-Za-z]?\d?)(?![\p{L}\p{N}-])/gu;
/** Between the class and its first name: a colon, "zitten (nu)", "komen", "van <school>", a dash; nothing that ends the sentence. */
const CLASS_LIST_LEAD =
  /^(?:,?(?: \p{Ll}+){0,4}\s?[:–-]\s?| (?:(?:van|op|bij) (?:de |het |'t )?\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*)?\s?:?\s?)?(?:(?:zitten|komen|zijn|gaan|mogen|staan)(?: nu| er| dit jaar| volgend jaar)?(?: in)?:? ?)?)(?=\p{Lu})/u;
const CLASS_LIST_REACH = 48;
const CLASS_LIST_BACK = 120;
/** A name in a class list; its surname may be an initial ("Emma V."). */
const RUN_ITEM = String.raw`${LIST_FULL_NAME}(?: \p{Lu}\.)?`;
/** Names joined by commas and "en"/"&", ending right before "in", "uit" or "naar" and the class (a teacher may come between). */
const NAMES_BEFORE_CLASS = new RegExp(
  String.raw`(?<![\p{L}\p{N}@#])(${RUN_ITEM}(?:, ${RUN_ITEM})*,? (?:en|&) ${RUN_ITEM})(?: (?:bij|met) (?:juf|meester|mevrouw|meneer) \p{Lu}\p{Ll}+)?(?: (?:zitten|zit|komen|gaan|zijn))? (?:in|uit|naar|→|->) $`,
  'u',
);
const RUN_NAME = new RegExp(RUN_ITEM, 'gu');
const BEFORE_CLASS_END = /\p{L} (?:in|uit|naar|→|->) $/u;
const CLASS_LIST_NAME = new RegExp(String.raw`(${RUN_ITEM})(?![\p{L}\p{N}@_])`, 'uy');
const CLASS_LIST_SEP = /^(?:, (?:en )?| en | & |,| ?[/;|] ?)/;
// Words that open a list or a caption and are capitalised there: "Links Ella (3B), dan Mo (3B)".
const LIST_WORD = new Set('links rechts midden achter voor boven onder vooraan achteraan staand zittend bus tafel groepje team'.split(' '));
// Lower-case items ("lotte 6a, sem 6b") are tried only when a lower-case letter stands before
// what may start a description (a bracket, a digit, a dash, "uit"): trying every lower-case word
// of every text with a digit would cost more than the rest of the scan.
const LIST_ITEM_OR_LOWER = new RegExp(LIST_NAME_OR_LOWER + LIST_DESCRIPTION, 'gu');
const LOWER_BEFORE_CLASS = /\p{Ll} (?:[(\d–-]|(?:ook )?uit )/u;
const ROLE_BEFORE = /\b(?:bij|met|aan|van|door|voor)\s+(?:juf|juffrouw|meester|meneer|mevrouw|mevr\.?|dhr\.?)\s?(?:(?:van|de|der|den|ter|ten) )?$/i;
/** Is someone (a given name the list knows) named in [a, at)? */
function namedBefore(text: string, a: number, at: number): boolean {
  for (const w of text.slice(a, at).match(/(?<![\p{L}])\p{Lu}\p{Ll}+/gu) ?? []) if (FIRST_NAMES.has(w.toLowerCase())) return true;
  return false;
}
const ROLE_GAP = /^ (?:(?:als|is|wordt|speelt|doet) (?:de |het |een )?[a-zà-ÿ]+(?: [a-zà-ÿ]+)?|(?:bij|met|naar) [A-Za-zà-ÿ]+)\s*(?:[,;]|[,;]? en|&)\s*$/;
const LIST_GAP = /^\s*(?:[,;–-]|en|[,;] en|[,;]? ?(?:en )?dan)\s*$/;

const TUSSEN_BEFORE = /(?<=\s)(?:(?:van|de|der|den|el|ter|ten) ){1,2}$/i;
const SINGLE = /(?<![\p{L}\p{N}_@#-])(\p{L}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}_@-])/gu;
// "Seppe zijn moeder", "Milou haar vader": whoever has a mother is a person.
const KIN_OF = /^ (?:en )?(?:zijn|haar|z'n|d'r) (?:moeder|vader|ouders|mama|papa|broer(?:tje)?|zus(?:je)?|oma|opa|stiefvader|stiefmoeder|pleegouders)\b/i;
// "Daans moeder", "Sanders vader": a given name with the possessive s before kin.
const KIN_NEXT = /^ (?:moeder|vader|ouders|mama|papa|moeke|vake|broer(?:tje)?|zus(?:je)?|oma|opa|stiefvader|stiefmoeder|pleegouders|familie|gezin)\b/i;
// "Sara uit 2C", "Lucas uit groep 6", "Ruben (brugklas)": a first name made identifiable.
const CLASS_AFTER = /^(?: uit| van| in)? (?:groep \d|klas \w|\d\s?[a-z]{1,4}\b|[a-z]{1,4}\s?\d\w?\b|de brugklas|brugklas)|^ \((?:groep|klas|brugklas|\d)/i;
// The same, for a name the list does not know: the class must be told as one ("van 3b", "uit
// groep 6", "(13)"), not just a number after it ("Eerst een 3 voor rekenen").
const CLASS_NAMED = /^ (?:uit|van|in) (?:groep \d|klas \w|\d\s?[a-z]{1,4}\b|[a-z]{1,4}\s?\d\w?\b|de brugklas|brugklas)|^ \((?:groep|klas|brugklas|\d)/i;

// A name spoken to: after a greeting and before a comma ("Lieve Zeynep,", "Hoi Lies,") or
// between a comma and the end of the sentence (", Jessy."). A capital before a comma at the
// start of a sentence may be anything ("Groningen, de stad waar …").
const ADDRESSED_BEFORE = /(?:(?:^|[.!?\n]\s*)(?:lieve|beste|hoi|hey|hallo|hé|he|yo|dag)\s+|,\s*)$/i;
const GREETED =
  /(?:^|[.!?\n]\s*|@[\w.]+\s+)(?:(?:lieve|beste|hoi|hey|hai|hallo|dag|goedemorgen|goedemiddag|vraag voor)\s+)?(?:juf|juffrouw|meester|meneer|mevrouw|mevr\.?)\s?$/i;
const AFTER_GREETING =
  /(?:^|[.!?\n]\s*|@[\w.]+\s+)(?:(?:[Ll]ieve|[Bb]este|[Hh]oi|[Hh]ey|[Hh]ai|[Hh]allo|[Dd]ag|[Gg]oedemorgen|[Gg]oedemiddag)\s+)?(?:[Jj]uf|[Jj]uffrouw|[Mm]eester|[Mm]eneer|[Mm]evrouw)(?:\s+\p{Lu}[\p{Ll}-]+)?\s*,\s*$/u;
const ADDRESSED_AFTER = /^(?:\s*,|\s*[.!?]|\s*$)/;
const SPOKEN_TO_NEXT =
  /^ (?:jij|je|u|ge|gij) (?:bent|zijt|hebt|heb|moet|kan|kunt|mag|gaat|weet|zit|doet|denkt|wil|wilt|was|had|zegt|zei|krijgt|komt|snapt|zou|zal|zult|hoeft|blijft|woont|loopt|liegt|praat)\b/i;
const OPENS_SENTENCE = /(?:^|[.!?\n]\s*|@[\w.]+\s+)$/;
// The subject of its sentence, perhaps after "onze" or "mijn zoon": "Onze Fleur is …", "Mijn zoon Sem en …";
// also after a word that only opens what is said ("Let op, Jens mag niet …", "Trouwens, Sem heeft …").
const SUBJECT_BEFORE =
  /(?:^|[.!?\n:]\s*|@[\w.]+\s+|(?:^|[.!?\n:]\s*)(?:let op|trouwens|btw|overigens|ter info|fyi|update|helaas|jammer genoeg|goed nieuws|slecht nieuws|nou|o ja|oh ja|ps|p\.s\.)\s*,\s*|,\s(?:\p{Ll}+\s){0,5}(?:is|was|zit|zat|ligt|lag|heeft|had|wordt|werd)\s)(?:(?:onze|ons|mijn|m'n|den|de) (?:(?:zoon|dochter|kind|zoontje|dochtertje|jongste|oudste|broer(?:tje)?|zus(?:je)?|neef(?:je)?|nichtje|buurjongen|buurmeisje) )?|(?:juf|juffrouw|meester|meneer|mevrouw|mevr\.?|dhr\.?) (?:(?:van|de|der|den|ter|ten) )?)?$/iu;
// (After a word or two that call the others: "jongens zeg morgen tegen iedereen dat …".)
const RUMOUR_BEFORE =
  /(?:^|[.!?\n:]\s*)(?:\p{Ll}+,? ){0,2}?(?:(?:en |dan |gewoon |oké |ok )?(?:zeg|vertel|roep|verspreid|zet)\b(?: [\p{Ll}']+){0,6}? dat|laten we (?:\p{Ll}+ ){0,3}(?:zeggen|vertellen|roepen|verspreiden) dat|we (?:\p{Ll}+ )?(?:zeggen|vertellen|roepen|verspreiden)(?: [\p{Ll}']+){0,6}? dat)\s$/iu;
// "Ons Jonas vertelde dat Lander …": who tells is not whom it is about.
const TOLD_TO_BEFORE = /\b(?:tegen|aan)\s$/i;
const TOLD_AFTER = /^ (?:\p{Ll}+ ){0,2}?(?:gezegd|verteld|toevertrouwd|opgebiecht|geappt|gestuurd|doorgestuurd|laten zien|laten weten)\b/u;
const HOST_BEFORE = /\b(?:feest|feestje|verjaardag|verjaardagsfeest|verjaardagsfeestje|partijtje|logeerpartij|bruiloft) van\s$/i;
const TELLS_OF_OTHER = /^ (?:vertelde|vertelt|zei|zegt|hoorde|hoort|schreef|appte|zag)(?: \p{Ll}+){0,2} dat \p{Lu}/u;
const ROLE_NOUN_BEFORE =
  /\b(?:vertrouwenspersoon|mentor|mentrix|zorgcoördinator|zorgcoordinator|intern begeleider|ib'er|conciërge|directeur|directrice|teamleider|coördinator|coordinator|schoolpsycholoog|orthopedagoog|schoolmaatschappelijk werker|aandachtsfunctionaris|contactpersoon)(?:,| is| was)? (?:(?:juf|juffrouw|meester|meneer|mevrouw|mevr\.?|dhr\.?)\s?(?:(?:van|de|der|den|ter|ten) )?)$/i;
const ROLE_VERB_AFTER =
  /^ (?:[a-zà-ÿ]+ ){0,2}?(?:vervangt|vervangen|neemt (?:[a-zà-ÿ]+ ){0,2}over|meedenkt|denkt (?:[a-zà-ÿ]+ )?mee|begeleidt|valt in|invalt|opvangt|opvangen|ving (?:[a-zà-ÿ]+ ){0,2}op|helpt|hielp|steunt|ondersteunt|bijstaat|troost|troostte|in de gaten houdt)\b/;
const KIN_BEFORE =
  /\b(?:mijn|m'n|onze|ons|zijn|z'n|haar|d'r|hun|jouw|je) (?:zoon(?:tje)?|dochter(?:tje)?|kind|jongste|oudste|broer(?:tje)?|zus(?:je)?|neef(?:je)?|nicht(?:je)?|kleinzoon|kleindochter|stiefzoon|stiefdochter|pleegzoon|pleegdochter|pleegkind|buurjongen|buurmeisje|klasgenoot|klasgenote|(?:beste |oude )?(?:vriend|vriendin|vriendje|vriendinnetje))\s$/i;
// "de moeder van Kaylee", "het gezin van Bilal": whoever has a mother is a person.
const KIN_OF_BEFORE = /\b(?:moeder|vader|ouders|mama|papa|broer(?:tje)?|zus(?:je)?|oma|opa|familie|gezin|stiefvader|stiefmoeder|pleegouders) van\s$/i;
const PARTNER_BEFORE = /\b(?:zijn|z'n|haar|d'r) (?:vriend|vriendin|man|vrouw|verloofde|partner)\s$/i;
/**
 * One person, two names: "Dana … vorig jaar nog Daan heette", "Alex heette vroeger Alexandra".
 * Once someone is named, a name given as the one they had or have is the same person.
 */
function renamed(text: string, start: number, end: number, someoneNamed: boolean): boolean {
  return someoneNamed && (RENAMED_BEFORE.test(text.slice(Math.max(0, start - 30), start)) || RENAMED_AFTER.test(text.slice(end, end + 10)));
}
const RENAMED_BEFORE = /\b(?:heette|heet|heten|noemt|noemen|noemde|genoemd)\b[^.!?\n]{0,20}\s$/;
const RENAMED_AFTER = /^ (?:heette|heet|heten|genoemd|noemen|noemde)\b/;

/** A given name that is an everyday word too ("jade", "roos"), opening the text or a sentence, before a verb: "jade is met haar …". */
function openingLowerName(text: string, at: number, name: string): boolean {
  return (
    isGivenName(name) && OPENS_SENTENCE.test(text.slice(Math.max(0, at - 40), at)) && VERB_FOLLOWS.test(text.slice(at + name.length, at + name.length + 12))
  );
}

/** A known given name in lower case with the possessive s before kin: "daans moeder". */
function lowerPossessive(text: string, at: number, word: string): boolean {
  return word.length > 3 && word.endsWith('s') && isLowerCaseName(word.slice(0, -1)) && KIN_NEXT.test(text.slice(at + word.length, at + word.length + 14));
}

/** A first name alone (known given name, after a title like "juf", or spoken to) with a sensitive fact. */
function findSingleNames(text: string, out: Candidate[], hits: () => Hit[], lowered: () => string): void {
  const fullNames = out.filter((c) => c.type === 'name_with_sensitive');
  // From word to word that may be a name (nextNameStart): most words are in lower case and no name.
  SINGLE.lastIndex = nextNameStart(text, 0);
  for (let m = SINGLE.exec(text); m !== null; SINGLE.lastIndex = nextNameStart(text, SINGLE.lastIndex), m = SINGLE.exec(text)) {
    let name = m[1] ?? '';
    // A word in lower case is a name only when the list knows it and it is no everyday word,
    // and not part of a handle ("sanne.b2011", "noah_2012"). (Most words are in lower case: the
    // set look-up comes first.)
    const lower = !isCap(name);
    if (
      lower &&
      (!(isLowerCaseName(name) || openingLowerName(text, m.index, name) || lowerPossessive(text, m.index, name)) ||
        /^[._]\w/.test(text.slice(m.index + name.length, m.index + name.length + 2)) ||
        (m.index > 0 && '._'.includes(text[m.index - 1]!)))
    )
      continue;
    let lc = lower ? name : name.toLowerCase();
    // The possessive s: "Daans moeder" is Daan's.
    if (
      !FIRST_NAMES.has(lc) &&
      lc.endsWith('s') &&
      FIRST_NAMES.has(lc.slice(0, -1)) &&
      KIN_NEXT.test(text.slice(m.index + name.length, m.index + name.length + 14))
    ) {
      name = name.slice(0, -1);
      lc = lc.slice(0, -1);
    }
    if (notName(name) || NOT_PERSON.has(lc)) continue;
    const titled = titledAt(text, m.index);
    const known = FIRST_NAMES.has(lc) || isDiminutive(lc);
    const start = m.index;
    const end = start + name.length;
    // Whoever is spoken to by name is a person, a name the list knows or not: "…, Jessy." "Lieve Zeynep, …"
    const addressed =
      (ADDRESSED_AFTER.test(text.slice(end, end + 3)) && ADDRESSED_BEFORE.test(text.slice(Math.max(0, start - 12), start))) ||
      // "Ayla jij bent toch bi?": a name that opens the sentence and is then spoken to.
      (SPOKEN_TO_NEXT.test(text.slice(end, end + 6)) && OPENS_SENTENCE.test(text.slice(Math.max(0, start - 40), start)));
    // A class after the name makes it a pupil's, a name the list knows or not: "Kadir van 3b", "Amber uit 5B".
    const classed = !lower && !NOT_PERSON.has(lc) && (CLASS_NAMED.test(text.slice(end, end + 20)) || KIN_OF.test(text.slice(end, end + 24)));
    // Whoever is introduced as someone's child, sibling or friend is a person: "mijn dochter Hasna", "haar broertje Ilyas".
    const before24 = text.slice(Math.max(0, start - 24), start);
    const kin = !lower && !NOT_PERSON.has(lc) && (KIN_BEFORE.test(before24) || KIN_OF_BEFORE.test(before24));
    // "Dag juf, Nouri is vandaag ziek": whoever a parent reports on to the teacher they greet.
    const reported =
      !lower && !NOT_PERSON.has(lc) && AFTER_GREETING.test(text.slice(Math.max(0, start - 40), start)) && VERB_FOLLOWS.test(text.slice(end, end + 12));
    if (!titled && !known && !addressed && !classed && !kin && !reported) continue;
    // "Anouk (moeder Tess): weet iemand …": the speaker of a chat line, not whom it is about.
    if (CHAT_SPEAKER.test(text.slice(end, end + 34)) && OPENS_SENTENCE.test(text.slice(Math.max(0, start - 40), start))) continue;
    // "Anouk (moeder Tess): …": whose parent the speaker is, part of the speaker's label.
    if (SPEAKER_LABEL_END.test(text.slice(end, end + 3)) && SPEAKER_LABEL_OPEN.test(text.slice(Math.max(0, start - 40), start))) continue;
    if (!titled && namesAThing(text, start, end)) continue;
    // The greeted reader ("Hoi meester Wim, Isa heeft vannacht overgegeven") is who the text is
    // written to; the fact is about whoever it names next.
    if (
      titled &&
      GREETED.test(text.slice(Math.max(0, start - 30), start)) &&
      /^\s*[,:]/.test(text.slice(end, end + 3)) &&
      namedBefore(text, end, Math.min(text.length, end + 60))
    )
      continue;
    // A full name with a sensitive fact close by takes the fact for itself ("… bel hem maar
    // eens Finn Jacobs is geschorst" is not about the Niels before it).
    // (Unless a fact stands between them: "Meneer Koster is thuis met een burn-out, mevrouw Van der Heijden is …".)
    const fullAfter = fullNames.find((c) => c.end > start && c.start < end + 100);
    if (fullAfter && (fullAfter.start <= end || familyWithin(hits(), end, fullAfter.start, lowered(), titled) === '')) continue;
    // A narrower window than for full names: a run-on sentence often names someone else further on.
    // The subject that opens its sentence has the whole sentence: "Ruben (10) uit groep 7 van De Wegwijzer is … niet thuisgekomen".
    const subject = SUBJECT_BEFORE.test(before24);
    const [a, b, own] = sentenceBounds(text, start, end, subject ? 180 : 110, titled);
    // "… is juf Petra niet op school geweest. Zij is met verlof …": the next sentence's "zij" is
    // the last person the sentence named.
    const lastNamed = b > own && !LATER_PERSON.test(text.slice(end, own));
    // "Jasmijn krijgt RT bij juf Wendy", "Dank aan meester Thomas": the teacher in a role; the
    // fact is about the pupil named before.
    if (titled && ROLE_BEFORE.test(text.slice(Math.max(0, start - 30), start)) && namedBefore(text, 0, start)) continue;
    // "onze vertrouwenspersoon, mevrouw Ouali", "de mentor, meneer Dijk": the person named for a role;
    // "meester Ali vervangt haar", "fijn dat juf Ellen zo meedenkt": a teacher doing their work.
    if (titled && (ROLE_NOUN_BEFORE.test(text.slice(Math.max(0, start - 50), start)) || ROLE_VERB_AFTER.test(text.slice(end, end + 30)))) continue;
    // "Speciaal dank aan juf Naomi, die de hele nacht bij Sven bleef": a teacher thanked is in a role too.
    if (titled && THANKED_BEFORE.test(text.slice(Math.max(0, start - 48), start))) continue;
    // "Ons Jonas vertelde dat Lander …": the one who tells.
    if (TELLS_OF_OTHER.test(text.slice(end, end + 40))) continue;
    // Whom it was told to ("hij heeft het zelf aan Lisa verteld", "ze zei het tegen Naomi") and
    // whose party it was ("op het feestje van Mila"), when someone else is named: not whom it is about.
    if (
      ((TOLD_TO_BEFORE.test(before24) && TOLD_AFTER.test(text.slice(end, end + 30))) || HOST_BEFORE.test(before24)) &&
      (namedBefore(text, 0, start) || namedBefore(text, end, text.length))
    )
      continue;
    // "Zeg tegen iedereen dat Lisa luizen heeft": a smear to be spread, not a fact that is told.
    if (RUMOUR_BEFORE.test(text.slice(Math.max(0, start - 50), start))) continue;
    // "Ilias, die bij hem in de klas zit, heeft …": a clause about the name does not count towards the distance.
    const apposition = APPOSITION.exec(text.slice(end, end + 70))?.[0].length ?? 0;
    let family = familyWithin(hits(), Math.max(a, start - 40), subject ? b : Math.min(b, end + apposition + 60), lowered(), titled, { start, end });
    if (family === '' && lastNamed) family = familyWithin(hits(), own, b, lowered(), titled, { start, end });
    // "… Ruben zijn plek vrijhouden, hij zit nog drie weken in een jeugdinrichting": a clause of
    // the same sentence that goes on about "hij"/"ze", when no one else is named before it.
    if (family === '') {
      const rest = text.slice(end, own);
      const clause = SAME_ONE_CLAUSE.exec(rest);
      if (clause && !OTHER_NAMED.test(rest.slice(0, clause.index))) family = familyWithin(hits(), end + clause.index, own, lowered(), titled, { start, end });
    }
    // A child missing is what the whole text is about: "Help! Mijn dochter Lina (groep 6) is … Heeft iemand haar gezien?"
    if (family === '' && (kin || subject) && hits().some((h) => h.family === 'missing')) family = 'missing';
    // Someone addressed by name about where they are: "Ik zie je elke ochtend om 8.10 bij de ingang, Sophie."
    if (family === '' && familyWithin(hits(), a, b) === 'whereabouts') family = 'whereabouts';
    // Whoever the text is written to, when it tells them their own routine, anywhere in it:
    // "Lotte ik weet dat je dit leest. … ik zie je elke ochtend om 8.10 langs de Jumbo fietsen".
    // The same for any fact told to them in the second person: "Lieve juf Ria, … dat u binnenkort met chemo begint".
    if (family === '' && ((addressed && !SIGN_OFF_BEFORE.test(before24)) || spokenTo(text, start, end, titled)))
      family = factToldThem(text, hits(), lowered(), titled, { start, end });
    if (family === '') continue;
    // "… gaat trouwen met zijn vriend Joris": the one whose orientation is told, not the partner.
    if (family === 'orientation' && PARTNER_BEFORE.test(text.slice(Math.max(0, start - 20), start))) continue;
    if (
      renamed(
        text,
        start,
        end,
        out.some((c) => c.type === 'name_with_sensitive'),
      )
    )
      continue;
    const identified = titled || CLASS_AFTER.test(text.slice(end, end + 20));
    // "Mevrouw De Groot": the tussenvoegsel belongs to the surname.
    const tv = titled ? TUSSEN_BEFORE.exec(text.slice(Math.max(0, start - 9), start)) : null;
    let from = tv ? start - tv[0].length : start;
    let to = end;
    // "… scoorden: Ayoub Benali, Lisa Mulder en Gijs Hermans. Gijs heeft daarnaast …": the given
    // name again is the full name before it, where the text first names the person.
    if (!titled && !lower) {
      const full = fullNameBefore(text, name, start);
      if (full) [from, to] = full;
    }
    out.push({
      type: 'name_with_sensitive',
      start: from,
      end: to,
      value: text.slice(from, to),
      score: identified ? 0.75 : 0.65,
      rule: `sensitive.${family}.first_name`,
    });
  }
}

/**
 * Is the name at [start, end) the one the text speaks to? Opening the text or a sentence before
 * words to them ("Lotte ik weet dat je …", "Juf Karin, ik weet dat u …"), or closing a clause that
 * speaks to them ("ben je weer laat vandaag Noor?", "… uit de dansles komt Noor.").
 */
function spokenTo(text: string, start: number, end: number, titled: boolean): boolean {
  const head = text.slice(Math.max(0, start - 60), start);
  const lead = titled ? head.replace(TITLE, '') : head;
  if (OPENS_SENTENCE.test(lead) && SPEAKS_TO_NEXT.test(text.slice(end, end + 12))) return true;
  if (!ADDRESSED_AFTER.test(text.slice(end, end + 3)) || NOT_SPOKEN_TO_BEFORE.test(lead) || SIGN_OFF_BEFORE.test(lead)) return false;
  // "Lieve meester Jan, …": greeted at the opening.
  if (GREETING_OPEN.test(lead)) return true;
  const clause = CLAUSE_BEFORE.exec(lead)?.[0] ?? '';
  return SECOND_PERSON.test(clause);
}
const GREETING_OPEN = /(?:^|[.!?\n]\s*|@[\w.]+\s+)(?:lieve|beste|hoi|hey|hai|hallo|dag|goedemorgen|goedemiddag|geachte)\s+$/i;
// "Liefs, Inge": whoever signs the text wrote it.
const SIGN_OFF_BEFORE = /\b(?:liefs|groetjes|groeten|groet|gr|mvg|vriendelijke groet|doei|kusjes|dikke kus|xoxo|xx|alvast bedankt|bedankt)\s*[,!.]?\s*$/i;
const SPEAKS_TO_NEXT = /^,?\s(?:ik|jij|je|u|ge|gij|jouw|uw)\s/i;
// "met Noor.", "de moeder van Noor?", "ken je Noor?": the name is spoken about.
const NOT_SPOKEN_TO_BEFORE =
  /(?:^|\s)(?:met|van|bij|aan|voor|naar|tegen|over|zonder|door|en|of|de|het|een|die|dat|mijn|m'n|onze|ons|zijn|z'n|haar|d'r|hun|jouw|je|jij|u|uw|heet|heette|genaamd)\s$/i;
const CLAUSE_BEFORE = /[^.!?\n,]*$/;
const SECOND_PERSON = /(?<![\p{L}'])(?:je|jij|jou|jouw|u|uw|ge|gij)(?![\p{L}'])/iu;
const SECOND_PERSON_G = new RegExp(SECOND_PERSON.source, 'giu');

/**
 * The family of a fact the text tells the one it speaks to, in the second person: their routine
 * anywhere ("ik zie je elke ochtend …"), or any fact right after "je"/"u" with no one else named
 * between ("dat u na de hartoperatie …", "ben jij ook geschorst"); '' when there is none.
 */
function factToldThem(text: string, hits: Hit[], lower: string, staff: boolean, name: { start: number; end: number }): string {
  const theirs = hits.filter((h) => {
    const before = text.slice(Math.max(0, h.start - 30), h.start);
    if (h.family === 'whereabouts') return SECOND_PERSON.test(before + lower.slice(h.start, h.end));
    const you = lastSecondPerson(before);
    if (you < 0 || OTHER_NAMED.test(before.slice(you))) return false;
    // "Ik wens je veel sterkte": wished, not told (familyWithin leaves out illness wished or threatened).
    return !WISHED_OR_THREATENED.test(clauseBefore(lower, h.start));
  });
  return theirs.length === 0 ? '' : familyWithin(theirs, 0, text.length, lower, staff, name);
}
/** The sentence before `at`, at most 80 characters. */
function clauseBefore(lower: string, at: number, reach = 80): string {
  const before = lower.slice(Math.max(0, at - reach), at);
  return before.slice(before.search(/[^.!?\n]*$/));
}
const KIN_BETWEEN = /\b(?:mijn|m'n|onze|ons) (?:zoon|zoontje|dochter|dochtertje|kind|jongen|meisje|broer|broertje|zus|zusje)\b/;
const ABOUT_KIN_BEFORE = /\b(?:omdat|want|doordat|aangezien|terwijl) (?:hij|ze|zij|ie)\b[^,;]*$/;
function illnessWishedOrThreatened(lower: string, h: Hit): boolean {
  // (A wish may run long: "Ik hoop oprecht dat je … op weg naar school, of dat je een hartaanval krijgt".)
  const before = clauseBefore(lower, h.start, 150);
  return (WISH_WORD.test(before) && GETS_AFTER.test(lower.slice(h.end, h.end + 16))) || THREATENED_STAY.test(before);
}
const WISH_WORD = /\b(?:hoop|hoopt|hopen|hopelijk|wens|wenst|moge)\b/;
const GETS_AFTER = /^(?: \p{L}+)?\s*(?:krijgt|krijg|krijgen|oploopt|oplopen)\b/u;
const THREATENED_STAY = /\b(?:dan|anders|straks) (?:lig|beland|kom|lag) (?:je|jij|u|ge|hij|ze)\b/;
const WISHED_OR_THREATENED = /\b(?:hoop|hopen|hoopt|hopelijk|wens|wensen|moge|krijg|dan|anders|straks|zodat|totdat|zorg ik)\b/;
/** Where the last "je"/"u" in `s` starts, or -1. */
function lastSecondPerson(s: string): number {
  let at = -1;
  SECOND_PERSON_G.lastIndex = 0;
  for (let m = SECOND_PERSON_G.exec(s); m !== null; m = SECOND_PERSON_G.exec(s)) at = m.index;
  return at;
}

/** Where the text names `given` with a surname before `before` ("Gijs Hermans" for "Gijs"), or undefined. */
function fullNameBefore(text: string, given: string, before: number): [number, number] | undefined {
  const head = text.slice(0, before);
  for (let at = head.indexOf(given + ' '); at >= 0; at = head.indexOf(given + ' ', at + 1)) {
    if (at > 0 && /[\p{L}\p{N}@#]/u.test(head[at - 1]!)) continue;
    const sur = FULL_AFTER.exec(text.slice(at + given.length, at + given.length + 30));
    if (sur && !NOT_NAME.has(sur[1]!.toLowerCase()) && !NOT_PERSON.has(sur[1]!.toLowerCase())) return [at, at + given.length + sur[0].length];
  }
  return undefined;
}
const FULL_AFTER = /^ (?:(?:van|de|der|den|van de|van der|van den|el|ter|ten|El|Ben) )?(\p{Lu}\p{Ll}[\p{Ll}'’-]*)(?![\p{L}\p{N}@_])/u;

/**
 * The people a text names — a full name, a name after a title ("juf Anja", "meneer De Vries"),
 * a given name the list knows, or any capitalised word that is no sentence start and no word
 * we know (not a subject, an organisation or a place after "in"/"naar") — without asking for a
 * sensitive fact. For a text that the learned model judges to hold personal data about someone
 * while no recogniser found what, these are the names the alert must mask.
 */
export function personNames(text: string): { start: number; end: number; value: string }[] {
  const out: { start: number; end: number; value: string; titled?: boolean; sure?: boolean }[] = [];
  CAP_WORD.lastIndex = 0;
  for (let m = CAP_WORD.exec(text); m !== null; m = CAP_WORD.exec(text)) {
    const word = m[0];
    let start = m.index;
    let end = start + word.length;
    let lc = word.toLowerCase();
    const before = text.slice(Math.max(0, start - 24), start);
    const titled = TITLE.test(before);
    const after = text.slice(end, end + 16);
    // A word of the lexicon as written ("Kanker!"), not one that only squeezes to one ("Bos").
    const lexical = entryOf(squeeze(lc))?.key === lc;
    if (notName(word) || NOT_PERSON.has(lc) || ORGANISATION_END.test(lc) || STREET_END.test(lc)) continue;
    // A compound in lower case after a hyphen is a thing ("Cito-uitslagen", "Kerst-viering"); a name's second part is a capital ("Jan-Willem").
    if (LOWER_AFTER_HYPHEN.test(word)) continue;
    if (ORGANISATION_NEXT.test(text.slice(end, end + 20)) || CALENDAR_NEXT.test(after)) continue;
    if (BRAND_NEXT.test(after) || ((STREET_NUMBER_AFTER.test(after) || POSTCODE_BEFORE.test(before)) && !isGivenName(lc))) continue;
    // "Joep: wie heeft …" in a chat transcript, "Team Geel:": a speaker or a heading, not
    // someone spoken about.
    if (SPEAKER.test(after)) continue;
    // "Auto 2 (Karim): Yara, Joep …", "Anouk (moeder Tess): …": the label before a list or a chat line.
    if (SPEAKER_LABEL_END.test(after)) continue;
    // Whoever is thanked or signs the text, and an illness named after someone ("de ziekte van
    // Pfeiffer"), is not whom the personal data is about.
    if (
      THANKED_BEFORE.test(text.slice(Math.max(0, start - 48), start)) ||
      THANKED_AFTER.test(text.slice(end, end + 40)) ||
      SIGNED_BEFORE.test(before) ||
      EPONYM_BEFORE.test(before)
    )
      continue;
    // "Bericht van wijkagent Mark de Haan": someone named in a public role.
    if (PUBLIC_ROLE_BEFORE.test(before)) {
      // (Their surname with them.)
      const sur = SURNAME_AFTER.exec(text.slice(end, end + 30));
      if (sur) CAP_WORD.lastIndex = end + sur[0].length;
      continue;
    }
    // "Tess krijgt RT van juf Hanneke", "… en Nova bij juf Carla": a teacher in a role, after the pupils named.
    if (titled && out.length > 0 && ROLE_BEFORE.test(text.slice(Math.max(0, start - 30), start))) continue;
    // The partner of someone named, and a second name of someone named.
    if (out.length > 0 && PARTNER_BEFORE.test(text.slice(Math.max(0, start - 20), start))) continue;
    if (renamed(text, start, end, out.length > 0)) continue;
    // The possessive: "Lina's familie" is Lina's, "Daans vader" Daan's.
    if (/['’]s$/.test(lc) && FIRST_NAMES.has(lc.slice(0, -2))) {
      end -= 2;
      lc = lc.slice(0, -2);
    } else if (lc.endsWith('s') && !FIRST_NAMES.has(lc) && FIRST_NAMES.has(lc.slice(0, -1)) && KIN_NEXT.test(after)) {
      lc = lc.slice(0, -1);
    }
    let sure = titled;
    if (!titled) {
      const known = FIRST_NAMES.has(lc) || FIRST_NAMES.has(lc.split('-')[0]!);
      // "(11)", "(groep 6)", "uit 3b": only a person is described so.
      const described = DESCRIBED.test(after);
      sure = known || described;
      if (lexical && !known) continue;
      // "de Vlinderboom", "op De Parel", "café De Zwaan", "VV Oranje": a place, club or event.
      // (The thing's name goes on while its words are capitalised, "het Da Vinci", "De Rode Loper";
      // after a given name a surname may follow, "dat het Mike Jansen was".)
      if (ARTICLE_BEFORE.test(before) || VENUE_BEFORE.test(before) || COLOUR_BEFORE.test(before)) {
        if (!known) CAP_WORD.lastIndex = end + (NAME_GOES_ON.exec(text.slice(end, end + 40))?.[0].length ?? 0);
        continue;
      }
      if (!known && !described) {
        if (PLACE_BEFORE.test(before) || INSTITUTION_OF.test(before) || AREA_BEFORE.test(before)) continue;
        const initial = atSentenceStart(text, start);
        // "Hopelijk komt hij", "Hopelijk mag Amira blijven": a sentence-initial word, the verb and then its subject;
        // "Filmen mag, als …": a verb as the subject.
        if (initial && !(NAME_FOLLOWS.test(after) || (VERB_FOLLOWS.test(after) && !INVERTED.test(after)))) continue;
        if (initial && ADVERB_END.test(lc)) continue;
        // "Zie je …", "Kun je …", "Heb jij …": a verb that opens a question.
        if (initial && PRONOUN_NEXT.test(after)) continue;
      }
    }
    // A surname after it: "Lisa Jansen", "Noah de Wit".
    const sur = SURNAME_AFTER.exec(text.slice(end, end + 30));
    if (sur && !NOT_NAME.has(sur[2]!.toLowerCase()) && !NOT_PERSON.has(sur[2]!.toLowerCase())) {
      end += sur[0].length;
      sure = true;
    }
    const tv = titled ? TUSSEN_BEFORE.exec(text.slice(Math.max(0, start - 9), start)) : null;
    if (tv) start -= tv[0].length;
    if (out.some((c) => c.start < end && start < c.end)) continue;
    out.push({ start, end, value: text.slice(start, end), titled, sure });
    CAP_WORD.lastIndex = end;
  }
  // A given name written in lower case that is no everyday word ("ivo uit 3b", "- bas"), not part of a handle.
  LOWER_WORD.lastIndex = 0;
  const capitals = out.length;
  for (let m = LOWER_WORD.exec(text); m !== null; m = LOWER_WORD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // (A given name that is an everyday word too counts after a title or with a class: "juf roos", "ivo uit 3b".)
    const named =
      isLowerCaseName(m[0]) || (isGivenName(m[0]) && (TITLE.test(text.slice(Math.max(0, start - 24), start)) || DESCRIBED.test(text.slice(end, end + 16))));
    if (!named || SPEAKER.test(text.slice(end, end + 2)) || /^[._]\w/.test(text.slice(end, end + 2))) continue;
    if (out.some((c) => c.start < end && start < c.end)) continue;
    out.push({ start, end, value: m[0], sure: true });
  }
  // A person the text surely names (a title, a given name we know, a surname, an age or class)
  // leaves out the capitalised words we only guess are names: "… Sem Kuipers … in de bajes van
  // Lelystad", "… die nieuwe Marvel".
  const people = out.some((c) => c.sure) ? out.filter((c) => c.sure) : out;
  // A teacher next to a pupil is in a role: greeted, asked to pass a message on, giving a mark
  // ("Lieve juf Esther, Finn heeft …", "meester Bart heeft mijn dochter een 3,2 gegeven, Fenna …").
  // (A pupil the text surely names: a capitalised word we only guess is a name does not make
  // the teacher's routine someone else's, "meester Henk … de Ladies Run".)
  const pupils = people.some((c) => !c.titled) ? people.filter((c) => !c.titled) : people;
  const names = pupils.map(({ start, end, value }) => ({ start, end, value }));
  return names.length > 1 && out.length > capitals ? names.sort((a, b) => a.start - b.start) : names;
}
const LOWER_WORD = /(?<![\p{L}\p{N}@#_.'’-])\p{Ll}{3,}(?![\p{L}\p{N}@_'’-])/gu;

// What follows a person's name and nothing else's: an age, a class.
const DESCRIBED = /^ \((?:\d{1,2}(?: jaar)?|groep \d|klas \w+|\d\s?[a-z]{1,4})[),]|^,? \d{1,2} jaar\b|^ uit (?:groep |klas )?\d/iu;
const SPEAKER = /^:\s/;
const THANKED_AFTER = /^ (?:\p{Ll}+ ){0,3}(?:bedanken|danken)\b/u;
const THANKED_BEFORE = /\b(?:dank(?:jewel|je wel|u wel|jullie wel)?|bedankt|dankzij|complimenten)\b[^.!?\n]{0,30}$/iu;
const SIGNED_BEFORE = /\b(?:groet(?:en|jes)?|liefs|mvg)\b[,.!]?\s*(?:(?:juf|juffrouw|meester|meneer|mevrouw)\s)?$/iu;
const EPONYM_BEFORE = /\b(?:ziekte|syndroom) van\s$/iu;
const LOWER_AFTER_HYPHEN = /-\p{Ll}/u;
// A capitalised word right after an article is the name of a thing (a school, a shop, an
// event); a person's tussenvoegsel follows a given name instead ("Tom de Wit"), so the word
// before the article is not a capital.
// ("dat het Mike Jansen was", "of het Nora was": "het" that points ahead to a person is no article.)
const ARTICLE_BEFORE = /(?<![\p{Lu}][\p{Ll}]+ )(?<![\p{L}'’])(?:de|(?<!\b(?:dat|of) )(?:het|'t)|De|Het|een)\s$/u;
// "die witte Caddy", "een rode Polo": a colour goes with a thing, a car or a brand, not a person.
const COLOUR_BEFORE = /\b(?:zwarte|witte|grijze|blauwe|groene|gele|paarse|bruine|oranje|roze|rode|zilveren|gouden)\s$/i;
const NAME_GOES_ON = /^(?: \p{Lu}[\p{Ll}'’-]*)+/u;
const VENUE_BEFORE =
  /\b(?:café|cafe|camping|hotel|restaurant|halte|station|winkel|supermarkt|club|hockeyclub|voetbalclub|sportclub|vereniging|vv|sv|hc|kv|zv)\s(?:(?:de|het|'t)\s)?(?:\p{Lu}\p{Ll}+\s){0,2}$/iu;
const CALENDAR_NEXT = /^ (?:Maandag|Dinsdag|Woensdag|Donderdag|Vrijdag|Zaterdag|Zondag|Dag|Week|Festival|Markt)\b/u;
// After a sentence-initial word and a verb, a subject pronoun says the word was an adverb.
const INVERTED = /^ \p{Ll}+(?: (?:ik|jij|je|hij|zij|ze|wij|we|jullie|u|men|ge|gij)\b|,)/u;
const ADVERB_END = /(?:lijk|lijks|erwijs|halve)$/;
const PRONOUN_NEXT = /^ (?:je|jij|u|ge|gij|jullie|we|wij|ik|hij|zij|ze)\b/;

const CAP_WORD = /(?<![\p{L}\p{N}@#_'’-])\p{Lu}[\p{Ll}'’-]*\p{Ll}(?:-\p{Lu}\p{Ll}+)*(?![\p{L}\p{N}@_])/gu;
// (Flemish surnames write the tussenvoegsel with a capital: "Lore Van Damme", "Jens De Smet".)
const SURNAME_AFTER =
  /^((?: (?:van|de|der|den|el|ter|ten|van de|van der|van den|Van|De|Der|Den|Ter|Ten|Van de|Van der|Van den|Vanden|Vander|El|Ait|Aït|Ben|Abu|Al|Da|Di|Dos|Du|Le|La)(?= \p{Lu}))?) (\p{Lu}[\p{Ll}'’-]*\p{Ll})(?![\p{L}\p{N}@_])/u;
// "in de wijk Laag Dalem": a neighbourhood or village.
const AREA_BEFORE = /\b(?:wijk|buurt|dorp|stad|stadsdeel|gemeente|regio|provincie)\s(?:\p{Lu}\p{Ll}+\s)?$/u;
const PUBLIC_ROLE_BEFORE =
  /\b(?:wijkagent|agent|burgemeester|wethouder|woordvoerder|voorzitter|leerplichtambtenaar|jeugdarts|politiewoordvoerder|raadslid|gedeputeerde|minister|predikant|pastoor|imam)\s$/iu;
// "de gevangenis van Dordrecht", "de gemeente van Gorinchem": an institution's place.
const INSTITUTION_OF =
  /\b(?:gevangenis|ziekenhuis|gemeente|politie|rechtbank|kliniek|station|haven|universiteit|hogeschool|bibliotheek|stadhuis|centrum|regio|provincie|burgemeester|wethouder|markt|kermis|carnaval|laan|straat|weg|plein|kade|singel|dreef|park) van\s$/iu;
const PLACE_BEFORE = /\b(?:in|naar|te|richting|uit|op)(?: het| de)?\s(?:\p{Lu}\p{Ll}+\s)?$/iu;
// "Zonnedauw 5, 7906 KL Hoogeveen": a street before its house number, a town after its postcode.
const STREET_NUMBER_AFTER = /^ \d{1,4}[a-z]?\b(?![.:,]\d)/;
const POSTCODE_BEFORE = /\b\d{4} ?[A-Z]{2},? $/;
const STREET_END = /(?:straat|laan|weg|pad|plein|singel|gracht|kade|dijk|steeg|dreef|markt|park|hof)$/;
const ORGANISATION_NEXT =
  /^ (?:\p{Lu}\p{Ll}+ )?(?:College|Lyceum|School|Ziekenhuis|Kinderziekenhuis|Kliniek|Academie|Gymnasium|Instituut|Centrum|Stichting)\b/u;
// A sentence-initial capital is a name when a name or a verb of being or having follows:
// "Famke, Lars en Ilse uit 2b", "Jaylen zit …", "Rachid uit 5b …".
const NAME_FOLLOWS = /^ en \p{Lu}\p{Ll}|^, \p{Lu}\p{Ll}+ en \p{Lu}\p{Ll}|^ uit (?:groep |klas )?\d/u;
const VERB_FOLLOWS = /^ (?:is|heeft|zit|zat|moet|moest|was|wordt|werd|krijgt|kreeg|had|ligt|lag|mag|kan|gaat|ging|woont|slaapt|loopt|gebruikt|komt)\b/;
// Capitalised words that name no person: school subjects, languages, places and kinds of school.
const NOT_PERSON = new Set(
  (
    'engels frans duits nederlands spaans latijn grieks wiskunde biologie scheikunde natuurkunde aardrijkskunde geschiedenis economie ' +
    'gym muziek tekenen drama informatica arabisch turks pools mavo havo vwo vmbo atheneum gymnasium basisonderwijs ' +
    'nederland belgië vlaanderen amsterdam rotterdam utrecht den haag eindhoven tilburg groningen almere breda nijmegen ' +
    'zwolle arnhem gent antwerpen brussel leuven brugge hasselt mechelen ' +
    'jumbo lidl aldi action hema kruidvat ocmw halt ns ret gvb rtl nos ad ' +
    // Words that open a sentence and are capitalised there only.
    'daarom daarna dus seffens amai allez awel nou tja zeg kijk sindsdien vroeger straks binnenkort ineens opeens toevallig ' +
    'eigenlijk overigens bovendien verder tenslotte uiteindelijk voorlopig re ps update info edit nb gezocht vermist welkom ' +
    'gefeliciteerd bedankt dankjewel proficiat succes beterschap inmiddels vervolgens ondertussen achteraf ' +
    // Medicines and the apps and platforms a school's parents name, written with a capital.
    'ritalin concerta medikinet strattera equasym dexamfetamine depakine keppra melatonine paracetamol ibuprofen ' +
    'insuline salbutamol ventolin prednison antibiotica epipen ' +
    'parro magister somtoday smartschool teams zoom strava spotify youtube netflix roblox fortnite minecraft ' +
    'google marktplaats bol snap dank camping hotel hostel vakantiepark ' +
    // Brands of clothes and bags in a description
    'adidas nike puma eastpak fila reebok vans converse ' +
    // Makes and models of cars, named with a licence plate
    'skoda volkswagen vw golf polo passat opel corsa astra ford fiesta focus toyota yaris aygo peugeot renault clio ' +
    'citroën citroen kia picanto hyundai bmw audi mercedes tesla fiat panda seat ibiza volvo mazda nissan suzuki ' +
    'swift dacia sandero mini smart lexus jeep ' +
    // News outlets and events, named with a capital
    'nieuws dagblad courant krant omroep radio regio olympiade toernooi kampioenschap finale festival'
  ).split(/\s+/),
);
const ORGANISATION_END = /(?:school|college|lyceum|ziekenhuis|kliniek|centrum|stichting|gemeente|gemeenteraad|raad|bibliotheek|vereniging|club)$/;

/** Is position i the first word of a sentence (so a capital there says nothing)? */
function atSentenceStart(text: string, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const c = text[k]!;
    if (c === ' ' || c === '\t' || c === '"' || c === "'" || c === '(') continue;
    // After the handles (or tags) a message opens with, as after nothing: "@school.bsky.social Oproep aan …".
    let word = k;
    while (word > 0 && !/\s/.test(text[word - 1]!)) word--;
    if ((text[word] === '@' || text[word] === '#') && word < k) {
      k = word;
      continue;
    }
    // After an emoji or a symbol ("… een 7,5 🥳 Dank je") a new sentence starts too.
    return c === '.' || c === '!' || c === '?' || c === '\n' || c === ':' || !/[\p{L}\p{N},;&-]/u.test(c);
  }
  return true;
}
