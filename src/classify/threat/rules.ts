// The threat vocabulary: what harm looks like in Dutch as people write it, and the frames and
// contexts that make a harmful verb a threat (intent, wish, call) or not (idiom, sport, news,
// reported speech). Every pattern runs over `Doc.seq`: lower case, no diacritics, tokens
// separated by one space, emoji as words (🔪 → mes, 💣 → bom, 🔫 → pistool).
//
// Families:
// - act: a harmful action ("neersteken", "maak je af", "in de fik"); scores fully only inside a
//   frame (first person, a call to others, a wish, "moeten"), half without one;
// - wish: a harm that befalls someone ("kanker krijgt", "onder een bus komt", "sterven"); needs a
//   wish or call frame, otherwise it is weak;
// - cue: a self-standing implicit threat ("ik weet waar je woont", "laatste waarschuwing"),
//   stalking or sextortion sign; scored as written, several cues add up.

export type Family = 'act' | 'wish' | 'cue';
/** Which kind of harm: sport, games and tests excuse violence to people, not arson or stalking. */
export type Harm = 'person' | 'property' | 'weapon' | 'stalking' | 'sextortion' | 'implicit';

export interface Rule {
  id: string;
  family: Family;
  harm: Harm;
  /** Score when the rule fires in its frame (act, wish) or on its own (cue). */
  w: number;
  /** The verb also takes things ("onkruid uitroeien", "foto's ophangen"): count it only with a person in the clause. */
  needsPerson?: boolean;
  /**
   * Trigger words: the rule runs only in a sentence with a token that starts with one of these
   * (or equals it, for keys ending in '$'). Keeps the common case (no threat words) cheap.
   */
  keys: readonly string[];
  re: RegExp;
  /**
   * Sentences the rule must fire on (in its frame, at weight 0.3 or more) and sentences with
   * its words that it must leave alone. test/classify/rules.test.ts runs them all.
   */
  examples: { fires: readonly string[]; quiet: readonly string[] };
}

const OBJ = "(?:je|jou|u|jullie|hem|haar|hen|ze|die [\\w']+|dat [\\w']+)";

const r = (src: string) => new RegExp(src, 'g');

export const RULES: readonly Rule[] = [
  // ---- killing ----
  {
    id: 'vermoorden',
    examples: {
      fires: ['Ik vermoord die docent echt', 'Ik ga je vermoorden, echt waar'],
      quiet: ['Mijn vader vermoordt me als hij dit cijfer ziet', 'die wiskundeleraar vermoordt ons met al dat huiswerk'],
    },
    family: 'act',
    harm: 'person',
    w: 0.9,
    keys: ['vermoord', 'uitmoord'],
    re: r(`\\b(?:vermoord\\w*|uitmoorden)\\b`),
  },
  {
    id: 'doden',
    examples: {
      fires: ['Ik ga die gast doodslaan', 'Die juf moet gewoon doodgeschoten worden'],
      quiet: ['Ik ga dood van de zenuwen voor die presentatie', 'Ik ben doodmoe na de sportdag'],
    },
    family: 'act',
    harm: 'person',
    w: 0.9,
    keys: ['doden$', 'gedood$', 'doodt$', 'dood'],
    re: r(
      `\\b(?:doden|gedood|doodt|dood (?:maken|maak|maakt|schieten|schiet|steken|steek|slaan|sla|trappen|trap|rijden)|dood(?:maken|maak|maakt|gemaakt|schieten|schiet|geschoten|steken|steek|gestoken|slaan|sla|geslagen|trappen|trap|getrapt|knuppelen|rijden|rij|gereden))\\b`,
    ),
  },
  {
    id: 'killen',
    examples: { fires: ['ik kill je morgen echt'], quiet: ['die film was echt killing, moet je zien', 'Die film was echt killing, moet je zien'] },
    family: 'act',
    harm: 'person',
    w: 0.85,
    keys: ['kill', 'gekill', 'shank', 'geshank', 'stab', 'gestab'],
    re: r(`\\b(?:killen|kill|gekilled|shanken|shank|geshankt|stabben|stab|gestabd)\\b`),
  },
  {
    id: 'neerschieten',
    examples: {
      fires: [
        'Ik ga die mentor van 2C morgen neersteken',
        'ik steek je neer als je nog 1 keer naar mijn vriendin kijkt',
        'morgen knal ik iedereen neer in de aula',
      ],
      quiet: ['In Fortnite heb ik ze allemaal neergeknald haha', 'Politie houdt jongen aan die dreigde een leraar neer te steken. De verdachte is 16.'],
    },
    family: 'act',
    harm: 'person',
    w: 0.9,
    keys: ['neer'],
    re: r(
      `\\bneer(?:schieten|schiet|geschoten|steken|steek|gestoken|knallen|knal|geknald|maaien|gemaaid)\\b|\\b(?:schiet|schieten|steek|steken|knal|knallen|maai|maaien)\\b(?: [\\w']+){1,8}? neer\\b`,
    ),
  },
  {
    id: 'afmaken',
    examples: {
      fires: ['wij maken je af na de gym', 'ik ga die rector afknallen', 'k ga je afmaken'],
      quiet: ['Die juf heeft ons afgemaakt met die overhoring', 'Zaterdag maken we ze af in de halve finale!'],
    },
    family: 'act',
    harm: 'person',
    needsPerson: true,
    w: 0.85,
    keys: ['afmak', 'afmaak', 'afgemaakt', 'afknal', 'afgeknald', 'afslacht', 'afgeslacht', 'afschiet', 'af$', '@f$'],
    re: r(
      `\\baf(?:maken|maak|maakt|gemaakt|knallen|knal|geknald|slachten|geslacht|schieten)\\b|\\b(?:maak|maakt|maken|knal|knallen|slacht|slachten)\\b(?: [\\w'@]+){1,4}? (?:af|@f)(?![\\w'])`,
    ),
  },
  {
    id: 'ombrengen',
    examples: {
      fires: ['ik ga die verklikker ombrengen', 'die gast gaan we om zeep helpen'],
      quiet: ['de vissen zijn omgebracht naar de vijver van het park'],
    },
    family: 'act',
    harm: 'person',
    w: 0.85,
    keys: ['ombreng', 'omgebracht', 'zeep$', 'koud$', 'kopje$', 'leven$'],
    re: r(
      `\\b(?:ombrengen|omgebracht|om zeep (?:helpen|gaan|brengen)|om het leven (?:brengen|gebracht)|koud (?:maken|maak)|een kopje kleiner (?:maken|maak))\\b`,
    ),
  },
  {
    id: 'uitroeien',
    examples: { fires: ['ik wil die hele familie van hem uitroeien'], quiet: ['Laten we het pesten uitroeien op onze school.'] },
    family: 'act',
    harm: 'person',
    needsPerson: true,
    w: 0.9,
    keys: ['uitroei', 'uitgeroeid', 'roei'],
    re: r(`\\b(?:uitroei\\w*|uitgeroeid|roei\\w* (?:[\\w']+ ){0,4}uit)\\b`),
  },
  {
    id: 'executeren',
    examples: {
      fires: ['ik zou die leraar gewoon executeren', 'die leraar moeten we executeren'],
      quiet: ['we gaan het plan voor de schoolreis volgende week uitvoeren'],
    },
    family: 'act',
    harm: 'person',
    needsPerson: true,
    w: 0.9,
    keys: ['execut', 'geexecut'],
    re: r(`\\b(?:executeer\\w*|executeren|geexecuteerd|executie)\\b`),
  },
  {
    id: 'wurgen',
    examples: { fires: ['ik ga die conciërge wurgen', 'die conciërge ga ik wurgen'], quiet: ['de sjaal zat zo strak dat hij bijna stikte van het lachen'] },
    family: 'act',
    harm: 'person',
    w: 0.9,
    keys: ['wurg', 'gewurgd'],
    re: r(`\\b(?:wurgen|wurg|wurgt|gewurgd)\\b`),
  },
  {
    id: 'keel',
    examples: {
      fires: ['ik snij je keel door als je het vertelt', 'ik ga die gast zijn keel doorsnijden'],
      quiet: ['ik heb een zere keel van het zingen op kamp'],
    },
    family: 'act',
    harm: 'person',
    w: 0.9,
    keys: ['keel$'],
    re: r(`\\bkeel (?:[\\w']+ )?(?:doorsnijden|doorgesneden|doorsnijd|doorsnij|afsnijden|dichtknijpen)\\b|\\bkeel door\\b`),
  },
  // ---- violence ----
  {
    id: 'in-elkaar',
    examples: {
      fires: [
        'Als hij nog één keer mijn zoon uitscheldt sla ik hem in elkaar',
        'Trap die gast maar in elkaar jongens',
        'Iemand zou die meester eens in elkaar moeten slaan',
      ],
      quiet: ['Het is niet oké om te dreigen dat je iemand in elkaar slaat'],
    },
    family: 'act',
    harm: 'person',
    w: 0.75,
    keys: ['elkaar$'],
    re: r(
      `\\bin elkaar (?:(?:moeten|gaan|zullen|willen|laten|te) )?(?:slaan|sla|slaat|geslagen|trappen|trap|getrapt|rammen|ram|beuken|timmeren|timmer|schoppen)\\b|\\b(?:sla|slaan|slaat|trap|trappen|ram|rammen|beuk|beuken|timmer|timmeren|schop|schoppen)\\b(?: [\\w']+){1,8}? in elkaar\\b`,
    ),
  },
  {
    id: 'slaan-lichaam',
    examples: {
      fires: ['ik sla zijn tanden uit zijn bek'],
      quiet: ['hij sloeg de bal zo hard dat hij over het hek vloog', 'Hij sloeg de bal zo hard dat hij over het hek vloog'],
    },
    family: 'act',
    harm: 'person',
    w: 0.75,
    keys: [
      'bek$',
      'muil$',
      'smoel$',
      'kop$',
      'gezicht$',
      'donder$',
      'sodemieter$',
      'lazer$',
      'flikker$',
      'falie$',
      'bal$',
      'harses$',
      'tanden$',
      'hoofd$',
      'verrot$',
      'blauw$',
      'lens$',
      'moes$',
      'ziekenhuis$',
      'knock$',
      'westen$',
    ],
    re: r(
      `\\bop (?:z'n|zn|zijn|je|jouw|haar|hun|jullie|de|d'r) (?:bek|muil|smoel|kop|gezicht|donder|sodemieter|lazer|flikker|falie|bal|harses)\\b(?: [\\w']+)?(?: (?:slaan|sla|geven|geef|timmeren|rammen|meppen|trappen|krijgen|krijgt|krijg))|\\b(?:sla|slaan|slaat|schop|schoppen|trap|trappen)\\b(?: [\\w']+){0,3}? (?:tanden|kop|hoofd) (?:[\\w']+ ){0,2}?(?:uit|eraf|in|kapot)\\b|\\b(?:sla|slaan|trap|trappen|schop|schoppen|ram|rammen) ${OBJ} (?:[\\w']+ ){0,3}?(?:verrot|bont en blauw|lens|tot moes|het ziekenhuis in|knock out|buiten westen)\\b`,
    ),
  },
  {
    id: 'botten-breken',
    examples: {
      fires: ['ik breek al je botten na school', 'ik breek je armen als je dat nog eens doet', 'ik breek je benen na school'],
      quiet: ['hij brak zijn arm bij het voetballen, beterschap!'],
    },
    family: 'act',
    harm: 'person',
    w: 0.8,
    keys: ['breek$', 'breken$', 'brak$'],
    re: r(`\\b(?:breek|breken|brak)\\b(?: [\\w']+){0,4} (?:armen|arm|benen|been|nek|botten|kaak|neus|vingers|poten|rug|schedel|knieen)\\b`),
  },
  {
    id: 'verkrachten',
    examples: {
      fires: ['ik ga die juf verkrachten', 'iemand zou haar eens moeten verkrachten'],
      quiet: ['de rechtbank veroordeelde de man gisteren voor verkrachting'],
    },
    family: 'act',
    harm: 'person',
    w: 0.85,
    keys: ['verkracht'],
    re: r(`\\bverkracht\\w*`),
  },
  {
    id: 'steken',
    examples: {
      fires: ['ik steek je als je nog iets zegt', 'steek hem maar met een mes na de les'],
      quiet: ['Steek je hand op als je een vraag hebt.', 'Politie houdt jongen aan die dreigde een leraar neer te steken. De verdachte is 16.'],
    },
    family: 'act',
    harm: 'person',
    w: 0.8,
    keys: ['steek', 'steken$', 'hemzelf$', 'haarzelf$', 'mes$'],
    re: r(
      `\\b(?:steek|steken) (?:je|jou|jullie|u|hem|haar|hen)\\b(?! (?:hand|handen|vinger|vingers|kop|hoofd|neus|nek|tong|duim|duimen|op|in|aan|licht|geld|tijd))|\\bsteek\\w*\\b(?: [\\w']+){0,7} (?:hemzelf|haarzelf)\\b|\\bmes (?:in|tussen) (?:je|jouw|z'n|zn|zijn|haar|hun|jullie|d'r)\\b`,
    ),
  },
  {
    id: 'pakken',
    examples: {
      fires: ['wij gaan die jongen uit 2C pakken na de les', 'ik krijg je nog wel, vieze verrader'],
      quiet: ['We gaan de tegenstanders morgen pakken op het veld!'],
    },
    family: 'act',
    harm: 'person',
    w: 0.65,
    keys: ['pakken$', 'grijpen$', 'krijg$', 'krijgen$'],
    re: r(
      `\\b(?:gaan|ga|zal|zullen|gaat|komen|kom) (?:${OBJ})(?: [\\w']+){0,2}? (?:pakken|grijpen|te pakken krijgen)\\b|\\b(?:${OBJ}) (?:gaan|ga|zullen|zal|komen|willen) (?:pakken|grijpen)\\b|\\b(?:ik|we|wij) (?:krijg|krijgen) (?:je|jou|jullie|hem|haar) (?:nog|wel|heus)\\b`,
    ),
  },
  {
    id: 'halen',
    examples: {
      fires: ['ik kom je halen na school, verrader', 'we komen hem vanavond halen'],
      quiet: ['Mijn moeder zei dat ze me kwam halen na school', 'Ik kom je om half vier halen bij school, lieverd.'],
    },
    family: 'cue',
    harm: 'implicit',
    w: 0.4,
    keys: ['halen$'],
    re: r(`\\b(?:ik|we|wij) (?:kom|komen) (?:je|jou|jullie|hem|haar) (?:[\\w']+ ){0,2}?halen\\b`),
  },
  {
    id: 'opwachten',
    examples: {
      fires: ['Laten we die gast van 3A morgen opwachten', 'we wachten hem op bij de bushalte'],
      quiet: ['we wachten op je antwoord over de ouderavond', 'wacht maar tot je de nieuwe gymzaal ziet, echt mooi!'],
    },
    family: 'act',
    harm: 'person',
    w: 0.6,
    keys: ['opwacht', 'opgewacht$', 'wacht'],
    re: r(
      `\\b(?:opwachten|opgewacht|opwacht)\\b|\\bwacht\\w* (?:we |ik |wij |jullie )?(?:je|jou|hem|haar|hen|ze|die [\\w']+)(?: [\\w']+){0,6}? op\\b(?! (?:een|het|de|je antwoord|antwoord))`,
    ),
  },
  {
    id: 'niet-meer-lopen',
    examples: {
      fires: ['Ik zal ervoor zorgen dat je nooit meer kan lopen', 'na vrijdag kan hij niet meer lopen'],
      quiet: ['na de marathon kon ik bijna niet meer lopen haha', 'Die film was echt killing, moet je zien'],
    },
    family: 'cue',
    harm: 'person',
    w: 0.55,
    keys: ['lopen$', 'praten$', 'zitten$', 'staan$', 'zien$', 'fietsen$'],
    re: r(
      `\\b(?:kan|kun|kunt|kunnen|zal|zult) (?:[\\w']+ )?niet meer (?:lopen|praten|zitten|staan|zien|fietsen)\\b|\\b(?:nooit|niet) meer (?:kan|kunt|kunnen|zal|zult) (?:lopen|praten|zien|fietsen|staan|zitten|ademen)\\b`,
    ),
  },
  {
    id: 'ziekte-wens',
    examples: {
      fires: ['ik hoop echt dat je kanker krijgt', 'ik hoop dat die juf tyfus krijgt'],
      quiet: ['mijn oma kreeg kanker, gelukkig is ze nu beter', 'Rechtbank: man die school wilde opblazen krijgt celstraf'],
    },
    family: 'wish',
    harm: 'person',
    w: 0.8,
    keys: ['krijgt$', 'krijgen$', 'krijg$', 'oploopt$'],
    re: r(`\\b(?:kanker|tyfus|tering|cholera|pest|corona|een ziekte|een dodelijke ziekte) (?:[\\w']+ )?(?:krijgt|krijgen|krijg|mag krijgen|oploopt)\\b`),
  },
  {
    id: 'ongeluk-wens',
    examples: {
      fires: [
        'Hopelijk komt die leraar onder een trein',
        'ik hoop dat die hele klas verongelukt op schoolreis',
        'Ik hoop dat die juf een dodelijk ongeluk krijgt',
      ],
      quiet: ['de bus naar de excursie komt om half negen'],
    },
    family: 'wish',
    harm: 'person',
    w: 0.8,
    keys: ['bus$', 'trein$', 'auto$', 'vrachtwagen$', 'tram$', 'trekker$', 'ongeluk$', 'trap$', 'verdrink', 'verzuip', 'verongeluk'],
    re: r(
      `\\bonder (?:een|de) (?:bus|trein|auto|vrachtwagen|tram|trekker) (?:komt|komen|kom|belandt|terechtkomt|loopt)\\b|\\b(?:komt|komen|belandt|loopt) (?:[\\w']+ ){0,4}?onder (?:een|de) (?:bus|trein|auto|vrachtwagen|tram|trekker)\\b|\\bongeluk (?:krijgt|krijgen|krijg|heeft|overkomt|krijgen)\\b|\\bvan de trap (?:valt|vallen|flikkert|flikkeren|duwen|duw|lazert|kukelt)\\b|\\b(?:verdrinkt|verdrinken|verzuipt|verzuipen|verongelukt|verongelukken|verongeluk)\\b`,
    ),
  },
  // ---- property, arson, bombs ----
  {
    id: 'brand',
    examples: {
      fires: [
        'Ik ga jullie school in de fik zetten',
        'Ik ga zijn auto in de fik steken vannacht',
        'steek die hele school maar in de fik',
        'ik ga vannacht brand stichten in die gymzaal',
        'vannacht zet ik die hele keet in de hens',
        'we gaan vuur stichten in de kleedkamer',
      ],
      quiet: ['De brandweer kwam langs voor een brandoefening, super leerzaam', 'De politie heeft de man opgepakt die dreigde de school in brand te steken'],
    },
    family: 'act',
    harm: 'property',
    w: 0.85,
    keys: ['afbrand', 'afgebrand$', 'platbrand', 'fik$', 'hens$', 'brand$', 'brandstapel$', 'brandsticht', 'sticht', 'gesticht$'],
    re: r(
      `\\b(?:steek|steken|zet|zetten|stak)\\b(?: [\\w']+){0,5}? in (?:de )?(?:brand|fik|hens)\\b|\\bvuur (?:te )?(?:stichten|sticht|stichtte)\\b|\\b(?:afbrand\\w*|afgebrand|platbrand\\w*|in de (?:fik|hens)\\b|in brand (?:steken|steek|gestoken|zetten|zet|gezet)|brandstapel|brandstichten|brand (?:stichten|sticht|stichtte|stichtten|gesticht)|fik (?:erin|d'r in))`,
    ),
  },
  {
    id: 'opblazen',
    examples: {
      fires: ['iemand moet die school opblazen', 'ik blaas die hele kantine op'],
      quiet: ['Rechtbank: man die school wilde opblazen krijgt celstraf', 'die nieuwe gymzaal is echt de bom'],
    },
    family: 'act',
    harm: 'property',
    w: 0.85,
    keys: ['opblaz', 'opgeblazen$', 'blaas$', 'bom$', 'lucht$', 'bomaanslag$', 'aanslag$', 'explosiev'],
    re: r(
      `\\b(?:opblazen|opgeblazen|blaas (?:[\\w']+ ){1,4}?op|bom (?:leggen|plaatsen|neerleggen|gooien|op)|de lucht in\\b|bomaanslag|aanslag (?:plegen|op)|explosieven)\\b`,
    ),
  },
  {
    id: 'vernielen',
    examples: {
      fires: ['Wie helpt mee om de ruiten van het Eilandcollege in te gooien?', 'ik steek zijn banden lek vannacht'],
      quiet: ['de ramen van de gymzaal worden vrijdag gelapt', 'Zonde als de ramen van de school niet gelapt worden voor de open dag'],
    },
    family: 'act',
    harm: 'property',
    w: 0.65,
    keys: ['ruit', 'raam$', 'ramen$', 'steen$', 'stenen$', 'baksteen$', 'tegel', 'lek$', 'auto$'],
    re: r(
      `\\b(?:ruiten|ruit|raam|ramen) (?:[\\w']+ ){0,6}?(?:ingooien|ingegooid|in te (?:gooien|slaan|trappen)|in (?:gooien|gooit|gooi)|inslaan|ingeslagen|in (?:slaan|slaat|sla)|niet overleven|niet overleeft|sneuvelen|sneuvelt)\\b|\\b(?:steen|stenen|baksteen|tegel|tegels) (?:[\\w']+ ){0,2}?door (?:het|de|je|jullie|uw|zijn|haar|hun) (?:raam|ruit|ramen|ruiten)\\b|\\b(?:banden|band) (?:[\\w']+ ){0,2}?lek (?:steken|steek|gestoken)\\b|\\b(?:steek|steken) (?:[\\w']+ ){0,4}?(?:banden|band) (?:[\\w']+ ){0,2}?lek\\b|\\bauto (?:[\\w']+ ){0,3}?(?:bekrassen|krassen|slopen|kapot maken)\\b`,
    ),
  },
  {
    id: 'schietpartij',
    examples: {
      fires: ['ik hoop dat er een schietpartij komt op die school', 'die lerares verdient een kogel'],
      quiet: ['de bom barstte toen de rector het nieuws bracht', 'die nieuwe gymzaal is echt de bom'],
    },
    family: 'wish',
    harm: 'property',
    w: 0.8,
    keys: ['schietpartij', 'schoolschut', 'schoolshooting$', 'shooting$', 'bloedbad$', 'amok$', 'kogel$', 'bom$'],
    re: r(`\\b(?:schietpartij\\w*|schoolschutter\\w*|schoolshooting|school shooting|bloedbad|amok|kogel|bom)\\b`),
  },
  // ---- weapons ----
  {
    id: 'wapen-mee',
    examples: {
      fires: [
        'ik neem morgen een mes mee naar school, dan zien we wel wie er lacht',
        'Mijn broer heeft een pistool. Zeg nog één keer iets over mijn zus.',
        'ik breng morgen een mes mee en dan zien we wel',
      ],
      quiet: ['die nieuwe gymzaal is echt de bom', 'Geweld tegen leraren is nooit ok, wie dreigt met een mes hoort bij de politie'],
    },
    family: 'cue',
    harm: 'weapon',
    w: 0.55,
    keys: [
      'mes$',
      'messen$',
      'pistool',
      'geweer$',
      'jachtgeweer$',
      'vuurwapen$',
      'wapen$',
      'bijl$',
      'knuppel$',
      'honkbalknuppel$',
      'boksbeugel$',
      'machete$',
      'bom$',
      'granaat$',
      'taser$',
      'revolver$',
    ],
    re: r(
      `\\b(?:neem|nemen|breng|brengen|heb|heeft|hebben|haal|halen)\\b(?: [\\w']+){0,5}? (?:mes|messen|pistool|geweer|jachtgeweer|vuurwapen|wapen|bijl|knuppel|honkbalknuppel|boksbeugel|machete|bom|granaat|taser)\\b(?: [\\w']+){0,5}? mee\\b|\\b(?:heeft|heb|hebben|hebt) (?:een |zijn |z'n |m'n |mijn |mn )?(?:[\\w']+ )?(?:jachtgeweer|pistool|geweer|vuurwapen|revolver|machete|boksbeugel|granaat)\\b`,
    ),
  },
  // ---- implicit threats ----
  {
    id: 'weet-waar-je-woont',
    examples: {
      fires: ['Ik weet waar jij woont, meneer de Vries.', 'Ik weet in welke straat je woont en welke fiets je hebt'],
      quiet: ['Ik weet waar je woont? Ja, we zijn buren haha. Kom je vanavond eten?', 'Ik weet waar je woont, want ik breng je altijd thuis na hockey toch?'],
    },
    family: 'cue',
    harm: 'implicit',
    w: 0.7,
    keys: [
      'woon$',
      'woont$',
      'woonachtig$',
      'wonen$',
      'slaap',
      'slapen$',
      'adres$',
      'uithangt$',
      'traint$',
      'werkt$',
      'werken$',
      'fietst$',
      'woning$',
      'straat$',
      'huis$',
      'huisnummer$',
    ],
    re: r(
      `\\b(?:weet|weten|ken|kennen) (?:[\\w']+ ){0,2}?(?:waar|het adres|je adres|jouw adres|zijn adres|haar adres)(?: [\\w']+){0,4}? (?:woon\\w*|wonen|slaap\\w*|slapen|woning|uithangt|traint|werkt|werken|fietst)\\b|\\b(?:weet|weten|ken|kennen) (?:[\\w']+ )?(?:je|jouw|zijn|haar|uw) adres\\b|\\b(?:weet|weten) (?:[\\w']+ ){0,2}?(?:in welke straat|welk huis|welk adres|je huisnummer)\\b`,
    ),
  },
  {
    id: 'weet-wie-je-bent',
    examples: {
      fires: ['We weten wie je bent. Pas maar op.', 'ik weet wie jij bent, verrader', 'We weten wie je bent. We vinden je wel.'],
      quiet: ['weet jij wie de nieuwe mentor is?', 'Geweld tegen leraren is nooit ok, wie dreigt met een mes hoort bij de politie'],
    },
    family: 'cue',
    harm: 'implicit',
    w: 0.45,
    keys: ['wie$'],
    re: r(`\\b(?:we|wij|ik) (?:weten|weet) (?:[\\w']+ )?wie (?:je|jij|u|jullie) (?:bent|zijn|is)\\b`),
  },
  {
    id: 'wacht-maar',
    examples: {
      fires: ['wacht maar tot je buiten staat', 'Wacht maar af wat er vrijdag gebeurt op jullie school', 'wacht maar tot je vrijdag alleen naar huis fietst'],
      quiet: ['wacht maar tot je de nieuwe gymzaal ziet, echt mooi!'],
    },
    family: 'cue',
    harm: 'implicit',
    w: 0.6,
    keys: ['wacht$'],
    re: r(
      `\\bwacht (?:jij |u |jullie )?(?:maar )?af (?:wat|tot|totdat) (?:er )?(?:[\\w']+ ){0,3}?(?:gebeurt|gaat gebeuren|komt)\\b|\\bwacht (?:jij |u |jullie )?maar (?:tot|totdat) (?:je|jij|u|jullie|hij|ze|zij)\\b|\\bwacht (?:jij|u) maar af\\b`,
    ),
  },
  {
    id: 'het-merken',
    examples: {
      fires: ['Jij gaat het nog merken, juf.', 'die gast gaat het nog weten'],
      quiet: ['hij zei dat ik het nog zou merken, ik heb het meteen gemeld bij de mentor'],
    },
    family: 'cue',
    harm: 'implicit',
    w: 0.6,
    keys: ['merken$', 'weten$', 'voelen$', 'bezuren$', 'berouwen$'],
    re: r(
      `\\b(?:je|jij|u|jullie|hij|ze|zij|die [\\w']+) (?:gaat|gaan|zal|zult|zullen) (?:[\\w']+ ){0,2}?het (?:nog |wel |heus |zeker )?(?:merken|weten|voelen|bezuren|berouwen)\\b|\\b(?:gaat|gaan|zal|zult|zullen) (?:je|jij|u|jullie|hij|ze|zij|die [\\w']+) (?:[\\w']+ ){0,2}?het (?:nog |wel |heus |zeker )?(?:merken|weten|voelen|bezuren|berouwen)\\b`,
    ),
  },
  {
    id: 'hoe-het-voelt',
    examples: {
      fires: ['straks weet je hoe het voelt, wacht maar', 'dan weten jullie eindelijk hoe het voelt'],
      quiet: ['ik snap hoe je je voelt na die toets'],
    },
    family: 'cue',
    harm: 'implicit',
    w: 0.3,
    keys: ['voelt$'],
    re: r(`\\b(?:weten|weet) (?:ze|zij|hij|jullie|je|jij) (?:[\\w']+ ){0,2}?hoe het voelt\\b`),
  },
  {
    id: 'pas-op',
    examples: {
      fires: ['ik ga je slopen morgen, let maar op', 'jij bent de volgende, let maar op'],
      quiet: ['Kinderen, pas op bij het oversteken bij de Bachlaan!', 'Pas op, de vloer in de aula is glad'],
    },
    family: 'cue',
    harm: 'implicit',
    w: 0.4,
    keys: ['opletten$', 'oppassen$', 'uitkijken$', 'hoede$', 'let$', 'pas$'],
    re: r(
      `\\bzou (?:maar )?(?:goed |heel goed |wel )?(?:opletten|oppassen|uitkijken|op (?:mijn|m'n|je) hoede zijn)\\b|\\b(?:let|pas) (?:maar|jij maar|u maar|goed) op\\b|\\bpas (?:maar |jij maar |u maar |goed )?op dat (?:je|jij|jouw|u|uw|jullie)\\b`,
    ),
  },
  {
    id: 'alleen-naar-huis',
    examples: {
      fires: ['wacht maar tot je vrijdag alleen naar huis fietst', 'jij loopt straks in je eentje naar huis hè'],
      quiet: ['Mag mijn dochter na de les alleen naar huis fietsen?'],
    },
    family: 'cue',
    harm: 'implicit',
    w: 0.4,
    keys: ['alleen$', 'eentje$'],
    re: r(
      // Said of the one threatened ("je", "hij"): a parent asking whether a child may cycle home alone is no threat.
      `\\b(?:je|jij|jullie|u|hij|ze|zij) (?:[\\w']+ ){0,4}?(?:alleen|in (?:z'n|zn|je|haar|zijn|d'r) eentje) (?:[\\w']+ ){0,3}?(?:naar huis|naar (?:z'n|zn|je|haar|zijn|d'r) (?:auto|fiets|huis)|over straat)\\b`,
    ),
  },
  {
    id: 'zonde-als',
    examples: {
      fires: ['zonde als je fiets morgen kapot is hè', 'het zou jammer zijn als de ramen van je huis sneuvelen'],
      quiet: ['Fijn als je morgen op tijd bent voor de excursie'],
    },
    family: 'cue',
    harm: 'implicit',
    w: 0.35,
    keys: ['zonde$', 'jammer$', 'doodzonde$'],
    re: r(`\\b(?:zonde|jammer|doodzonde) (?:zijn |wezen |zou zijn )?als (?:je|jouw|uw|jullie|de|het|er)\\b`),
  },
  {
    id: 'waarschuwing',
    examples: {
      fires: ['Laatste waarschuwing. Daarna ben je er geweest.', 'Je bent gewaarschuwd', 'Je bent gewaarschuwd 🔪'],
      quiet: ['de waarschuwing voor gladheid geldt ook voor de schoolpleinen'],
    },
    family: 'cue',
    harm: 'implicit',
    w: 0.55,
    keys: ['waarschuwing$', 'gewaarschuwd$'],
    re: r(
      `\\blaatste waarschuwing\\b|\\b(?:niet|nooit) (?:[\\w']+ ){0,3}gewaarschuwd\\b|\\b(?:je|jij|jullie|u) (?:bent|zijn) gewaarschuwd\\b|\\bwees gewaarschuwd\\b`,
    ),
  },
  {
    id: 'langskomen',
    examples: {
      fires: ['ik kom vanavond bij je langs, verrader', 'we komen morgen met de jongens bij jou langs'],
      quiet: ['Mijn broer komt morgen even bij de administratie langs', 'Ik schiet straks even langs bij de administratie'],
    },
    family: 'cue',
    harm: 'implicit',
    w: 0.3,
    keys: ['langs$'],
    re: r(`\\bkom (?:ik|we) (?:[\\w']+ ){0,6}?langs\\b|\\b(?:ik|we) (?:kom|komen) (?:[\\w']+ ){0,6}?langs\\b`),
  },
  {
    id: 'weet-wat-er-gebeurt',
    examples: {
      fires: ['k zal je laten zien wat er gebeurt met verklikkers', 'je weet wat er gebeurt als je praat'],
      quiet: ['ik weet niet wat er gebeurt bij de musical, vertel!'],
    },
    family: 'cue',
    harm: 'implicit',
    w: 0.45,
    keys: ['gebeurt$'],
    re: r(
      `\\b(?:laten zien|zien|merken) wat er (?:gebeurt|gaat gebeuren) (?:met|als)\\b|\\b(?:je|jij|jullie|u) (?:weet|weten) (?:[\\w']+ )?wat er gebeurt (?:met|als)\\b`,
    ),
  },
  {
    id: 'je-bent-dood',
    examples: {
      fires: ['Laatste waarschuwing. Daarna ben je er geweest.', 'Volgende keer dat ik die gast zie is ie dood', 'Als je dit doorvertelt, ben je dood'],
      quiet: ['Ik ga dood van de zenuwen voor die presentatie', 'Politie houdt jongen aan die dreigde een leraar neer te steken. De verdachte is 16.'],
    },
    family: 'cue',
    harm: 'person',
    w: 0.7,
    keys: ['lijk$', 'dood$', 'eraan$', 'geweest$', 'dode$', 'aan$'],
    re: r(
      `\\b(?:je|jij|jullie|u) (?:bent|zijn|is) (?:een )?(?:lijk|dood|er geweest|zo goed als dood|een dood man|een dode)\\b|\\b(?:je|jij|jullie|u) (?:gaat|gaan) (?:er ?aan|eraan|dood)\\b|\\b(?:is|ben|bent|zijn) (?:ie|hij|je|jij|jullie|ze|die [\\w']+) (?:echt |gewoon |zo )?(?:dood|er geweest|een lijk)\\b`,
    ),
  },
  {
    id: 'is-erbij',
    examples: {
      fires: ['die jongen is erbij vrijdag', 'jij bent zo zuur als ik je zie', 'We komen met 10 man naar het schoolplein, die jongen is erbij'],
      quiet: ['is iedereen erbij voor de klassenfoto?'],
    },
    family: 'cue',
    harm: 'implicit',
    w: 0.5,
    keys: ['erbij$', 'klos$', 'sjaak$', 'lul$', 'zuur$'],
    re: r(
      `\\b(?:is|ben|bent|zijn) (?:[\\w']+ ){0,2}?(?:erbij|de klos|de sjaak|de lul)\\b(?! (?:met|voor|op|in|bij|geweest))|\\b(?:ben|bent|is|zijn) (?:je|jij|ie|hij|jullie) (?:echt |zo )?zuur\\b|\\b(?:je|jij|jullie) (?:bent|zijn) (?:echt |zo )?zuur\\b`,
    ),
  },
  {
    id: 'niet-herkennen',
    examples: {
      fires: ['Je moeder gaat je niet meer herkennen als ik klaar ben met je', 'je ouders zullen je niet meer herkennen'],
      quiet: ['je herkent de school niet meer na de verbouwing'],
    },
    family: 'cue',
    harm: 'implicit',
    w: 0.5,
    keys: ['herken'],
    re: r(`\\b(?:niet meer|nooit meer) (?:[\\w']+ )?(?:herkennen|herkent|herkend)\\b`),
  },
  {
    id: 'lesje-leren',
    examples: {
      fires: ['Iemand moet die rector eens een lesje leren met een knuppel', 'we gaan die gast een lesje leren'],
      quiet: ['de juf wilde ons een lesje over het heelal leren'],
    },
    family: 'cue',
    harm: 'implicit',
    w: 0.4,
    keys: ['lesje$'],
    re: r(`\\blesje (?:[\\w']+ )?(?:leren|leert|geleerd)\\b`),
  },
  {
    id: 'ik-volg-je',
    examples: { fires: ['ik volg je al weken naar huis', 'ik volg haar elke dag naar huis'], quiet: ["ik volg je op insta, leuke foto's!"] },
    family: 'cue',
    harm: 'stalking',
    w: 0.55,
    keys: ['volg$', 'achtervolg', 'stalk'],
    // Following someone on a platform is not following them home.
    re: r(
      `\\b(?:ik|we) (?:volg|volgen|achtervolg|achtervolgen|stalk|stalken) (?:je|jou|haar|hem|jullie)\\b(?! (?:[\\w']+ ){0,2}?op (?:insta\\w*|tiktok|snap\\w*|twitter|youtube|twitch|x)\\b)`,
    ),
  },
  {
    id: 'bom-ligt',
    examples: {
      fires: ['Morgen ligt er een bom onder de kantine. Niet komen.', 'er zit een bom in de gymzaal'],
      quiet: ['die nieuwe juf is de bom, iedereen is fan', 'die nieuwe gymzaal is echt de bom'],
    },
    family: 'cue',
    harm: 'implicit',
    w: 0.6,
    keys: ['bom$'],
    re: r(`\\b(?:ligt|staat|zit|liggen|leg|verstop) (?:er )?(?:[\\w']+ )?(?:een )?bom\\b|\\bbom (?:ligt|onder|in de|bij de|in het|bij het)\\b`),
  },
  {
    id: 'vuurwerk-in',
    // Heavy fireworks put in or under a place or someone's things: the bomb talk of a school yard.
    examples: {
      fires: [
        'gooi gewoon een cobra in de brievenbus van die leraar',
        'volgende week gaat er een vuurwerkbom onder zijn auto',
        'iemand moet een paar strijkers in de kluisjes van de brugklas stoppen',
      ],
      quiet: [
        'Vuurwerk in de brievenbus bij de bibliotheek: politie zoekt getuigen',
        'Thijs is twee dagen geschorst omdat hij een strijker in de wc had gegooid',
        'om twaalf uur kijken we naar het vuurwerk bij de haven',
        'Neem geen vuurwerk mee naar school, het is verboden',
      ],
    },
    family: 'cue',
    harm: 'property',
    w: 0.45,
    keys: ['cobra', 'vuurwerkbom', 'strijker', 'nitraat', 'vuurwerk$'],
    re: r(
      `(?<!\\b(?:heeft|had|hadden|hebben|met|omdat|nadat) (?:[\\w']+ ){0,3})\\b(?:cobra|cobras|cobra's|vuurwerkbom\\w*|strijkers?|nitraatbom\\w*|zwaar vuurwerk|vuurwerk)\\b(?: [\\w']+){0,4}? (?:in|onder|door|achter) (?:de|het|zijn|haar|die|dat|je|jouw|jullie|hun|d'r|z'n)\\b(?: [\\w']+){0,2}? (?:wc|wcs|wc's|toilet\\w*|brievenbus\\w*|bureau|lokaal|lokalen|kluis\\w*|auto|raam|ramen|deur|tas|kantine|aula|gang|fiets|fietsenstalling|schuur|tuin)\\b(?! (?:[\\w']+ ){0,3}?(?:gegooid|gelegd|gestopt|gestoken|afgestoken|ontploft)\\b)|\\b(?:gooi|gooien|leg|leggen|stop|stoppen|steek|steken|zet|zetten|plak|plakken)\\b(?: [\\w']+){0,4}? (?:cobra|cobras|cobra's|vuurwerkbom\\w*|strijkers?|nitraatbom\\w*)\\b(?: [\\w']+){0,2}? (?:in|onder|door|bij)\\b`,
    ),
  },
  {
    id: 'in-de-gaten',
    examples: {
      fires: [
        'ik hou je goed in de gaten, elke dag.',
        'ik zie je elke ochtend bij het hek staan',
        'Ik zie je elke middag om 3 uur bij het hek staan. Leuke rode tas.',
      ],
      quiet: ['de juf houdt de planning goed in de gaten'],
    },
    family: 'cue',
    harm: 'stalking',
    w: 0.55,
    keys: ['elke$', 'iedere$', 'gaten$', 'wanneer$'],
    re: r(
      `\\b(?:ik|we) (?:zie|zien|volg|volgen|bekijk|observeer|hou|houd) (?:je|jou|u|jullie|hem|haar) (?:[\\w']+ ){0,2}?(?:elke|iedere) (?:dag|ochtend|avond|middag|nacht|week)\\b|\\b(?:ik|we) (?:hou|houd|houden) (?:je|jou|u|jullie|haar|hem) (?:goed )?in de gaten\\b|\\b(?:ik|we) (?:zie|zien|weet|weten) (?:precies |altijd )?wanneer (?:je|jij|u)\\b|\\bik (?:sta|wacht|zit|sta weer) (?:[\\w']+ )?(?:elke|iedere) (?:dag|ochtend|avond|middag)\\b`,
    ),
  },
  // ---- sextortion ----
  {
    id: 'beelden',
    examples: {
      fires: ['Ik heb die naaktfoto nog. Stuur 100 euro of ik zet hem online.', 'als je het uitmaakt gaan je nudes naar je hele klas'],
      quiet: ['ik schiet in de lach van die video', 'Wat een mooie foto van de musical!'],
    },
    family: 'cue',
    harm: 'sextortion',
    w: 0.3,
    keys: ['naakt', 'nude', 'sexfilm', 'seksfilm', 'borsten$', 'tieten$', 'screenshot', 'foto', 'fotos$', "foto's$", 'filmpje', 'video'],
    re: r(
      `\\b(?:naaktfoto\\w*|naaktfilmpje\\w*|nudes?|naaktbeelden|sexfilmpje\\w*|seksfilmpje\\w*|foto'?s? van je (?:borsten|lichaam|kont|tieten|blote)|(?:heb|bewaar|hou) (?:[\\w']+ ){0,2}?(?:foto'?s|fotos|filmpjes?|video'?s|screenshots?)(?: [\\w']+){0,4}? nog|screenshot van je naakt\\w*)\\b`,
    ),
  },
  {
    id: 'verspreiden',
    examples: {
      fires: [
        'Ik heb die naaktfoto nog. Stuur 100 euro of ik zet hem online.',
        'als je het uitmaakt gaan je nudes naar je hele klas',
        'stuur me 200 euro anders zet ik die video van je online',
      ],
      quiet: ['Een foto van de kerstviering gaat naar alle ouders via Parro.', 'Ik heb je foto’s van het kamp nog, zal ik ze naar je ouders sturen?'],
    },
    family: 'cue',
    harm: 'sextortion',
    w: 0.35,
    keys: ['rond$', 'online$', 'insta', 'tiktok$', 'snap', 'internet$', 'facebook$', 'groep$', 'ouders$', 'klas$', 'vrienden$', 'familie$'],
    re: r(
      `\\b(?:gaat|gaan|zet|zetten|stuur|sturen|verstuur|deel|delen|post|posten|gooi|gooien)\\b(?: [\\w'@]+){0,6}? (?:rond|online|op (?:de )?(?:insta|instagram|tiktok|snap|snapchat|internet|facebook)|in de groep|naar (?:je|jouw|haar|zijn|de hele|je hele) (?:ouders|klas|school|vrienden|familie|hele klas|hele school))\\b`,
    ),
  },
  {
    id: 'eis',
    examples: {
      fires: [
        'stuur me 200 euro anders zet ik die video van je online',
        'Ik heb die naaktfoto nog. Stuur 100 euro of ik zet hem online.',
        'als je het uitmaakt gaan je nudes naar je hele klas',
      ],
      quiet: ['de schoolreis kost 20 euro, betalen kan tot vrijdag'],
    },
    family: 'cue',
    harm: 'sextortion',
    w: 0.3,
    keys: ['euro$', 'tikkie$', 'betaal$', 'stuur$', 'zet$', 'deel$', 'post$', 'anders$', 'uitmaakt$'],
    re: r(
      `\\b\\d+ euro\\b|\\btikkie\\b|\\bbetaal\\b|\\bof ik (?:stuur|zet|deel|post)\\b|\\banders (?:stuur|zet|deel|post|gaat|gaan)\\b|\\bals je het uitmaakt\\b`,
    ),
  },
  {
    id: 'oproep-naar-huis',
    // Someone's home named, then others called to go there: doxxing and a call at once.
    examples: {
      fires: [
        'Die leraar woont op de Lindelaan 12, we gaan er vanavond allemaal langs',
        'Zijn adres is Kerkstraat 5, kom maar verhaal halen bij hem thuis',
        'ze woont in dat witte huis naast de snackbar, wie gaat er mee aanbellen vannacht?',
        'de school doet niks dus ga maar met z’n allen naar hem toe, hij woont gewoon op de Beukenlaan 9',
        'Zijn adres is Populierenlaan 4, ga daar maar eens naar hem toe met z’n allen',
      ],
      quiet: [
        'Wij wonen op de Lindelaan 12, kom gerust langs voor koffie',
        'Oma woont in de Kerkstraat, we gaan zondag bij haar langs',
        'Ik ga morgen verhaal halen bij de directeur over dat rooster',
        'Ik ga zaterdag naar hem toe, hij woont sinds de zomer bij zijn vader',
      ],
    },
    family: 'cue',
    harm: 'implicit',
    w: 0.7,
    keys: ['verhaal$', 'langs', 'aanbel', 'opwacht', 'opzoek', 'deur$', 'bezoekje$', 'toe$'],
    re: r(
      `(?<!\\b(?:oma|opa|tante|oom|moeder|vader|ouders|zus|broer|zusje|broertje) )\\b(?:woont|zijn adres|haar adres|hun adres|zijn huis|haar huis|hun huis|bij hem thuis|bij haar thuis)\\b(?:[^.!?]{0,90}?)\\b(?:ga|gaan|gaat|kom|komen|komt|we|jullie|wie)\\b(?:[^.!?]{0,40}?)\\b(?:verhaal (?:halen|gaan halen)|(?:even |allemaal |maar )?langs(?:gaan|komen|lopen)?|aanbellen|aankloppen|opwachten|opzoeken|voor de deur|een bezoekje|naar (?:hem|haar|hen) toe)\\b|\\b(?:verhaal halen|langsgaan|aanbellen|opwachten|(?<!\\b(?:ik|we|wij|ze|zij|hij|jij|je|u) )(?:ga|gaan) (?:[\\w']+ ){0,4}?naar (?:hem|haar|hen) toe)\\b(?:[^.!?]{0,40}?)\\b(?:bij hem thuis|bij haar thuis|hij woont|ze woont|zij woont|zijn adres|haar adres)\\b`,
    ),
  },
  {
    id: 'voorstel-brand-bom',
    // Fire or a bomb at a school as a question or a proposal: "wat als iemand …", "zou grappig zijn".
    examples: {
      fires: [
        'wat als iemand de kantine in de fik steekt tijdens de pauze, zou wel lachen zijn',
        'stel dat er een bom in de aula ligt morgen, wie durft?',
        'hoeveel benzine heb je eigenlijk nodig om zo’n gymzaal plat te branden? vraag voor een vriend',
        'hoeveel strijkers zijn nodig om die fietsenstalling op te blazen',
        'iemand een idee hoe je de gymzaal in de hens zet zonder dat iemand het ziet?',
      ],
      quiet: [
        'wat als er brand is in de school, waar moeten we dan verzamelen?',
        'zou wel grappig zijn als de kantine pizza had',
        'hoeveel ballonnen heb je nodig om de aula te versieren?',
        'Hoeveel vuurwerk is er dit jaar afgestoken in de gemeente?',
      ],
    },
    family: 'cue',
    harm: 'property',
    w: 0.55,
    keys: ['fik$', 'hens$', 'brand$', 'vuur$', 'bom$', 'bommen$', 'opblaz', 'aanslag$', 'sticht', 'hoeveel$', 'hoe$'],
    re: r(
      `\\b(?:wat als|stel dat|zullen we|wie durft|zou (?:echt |wel |toch )?(?:grappig|lachen|leuk|vet|mooi|episch|chill) zijn)\\b(?:[^.!?]{0,70}?)\\b(?:in de fik|fik|in de hens|brand (?:sticht\\w*|steekt|steken)|vuur (?:te )?sticht\\w*|opblaz\\w*|opgeblazen|een bom|bommen|aanslag)\\b|\\bhoe (?:je|jij|we|ik|iemand) (?:[\\w']+ ){0,8}?(?:in de fik|in de hens|in brand) (?:zet|steekt|krijgt|steek|zetten|steken)\\b|\\b(?:in de fik|brand (?:sticht\\w*|steekt|steken)|opblaz\\w*|een bom)\\b(?:[^.!?]{0,70}?)\\b(?:zou (?:echt |wel |toch )?(?:grappig|lachen|leuk|vet|mooi|episch|chill) zijn|wie (?:doet|durft) (?:er )?mee|wie durft)\\b|\\bhoeveel\\b(?: [\\w']+){1,6}? (?:heb je|heb jij|hebben we|is|zijn) (?:er )?(?:eigenlijk |ongeveer )?nodig (?:om|voor)\\b(?: [\\w']+){1,8}? (?:plat te (?:krijgen|branden|leggen|gooien)|op te blazen|de lucht in|in de fik|in brand te steken|af te branden|(?:een )?bom(?:men)? te (?:maken|bouwen))\\b`,
    ),
  },
  {
    id: 'english',
    // Threats in English, as pupils mix it in: "im gonna smash his face in", "ur done", "watch your back".
    examples: {
      fires: [
        'if that teacher takes my phone again im gonna smash his face in',
        'if you snitch to the mentor ur done, i promise',
        'watch your back after school',
        "i swear i'll kill him tomorrow",
      ],
      quiet: ["i'm gonna kill this exam tomorrow", "we're gonna smash it at the finals", 'are you done with the homework?', 'im dead 💀 that video lol'],
    },
    family: 'cue',
    harm: 'person',
    w: 0.6,
    keys: ['gonna$', 'going$', "i'll$", 'ill$', 'ima$', 'imma$', 'will$', 'dead$', 'done$', 'finished$', 'watch$'],
    re: r(
      `\\b(?:i'?m|im|i am|we'?re|we are|i|we)? ?(?:gonna|going to|ima|imma|will|'ll|ll)\\b (?:[\\w']+ ){0,2}?(?:kill|smash|beat|hurt|stab|shoot|punch|murder|jump|destroy|end) (?:you|u|ya|him|her|them|ur|your|his|that (?:kid|guy|teacher|boy|girl|dude|bitch))\\b|\\b(?:you'?re|youre|you are|ur|u r|u are) (?:so |literally |actually )?(?:dead|done|finished)\\b(?! (?:with|for|yet|\\?))|\\bwatch (?:your|ur|yo) back\\b|\\bi know where (?:you|u) live\\b`,
    ),
  },
  {
    id: 'klap-in-gezicht',
    // Harm told by what lands where: "krijgt een stick in zijn gezicht", "geef hem een vuist op zijn bek".
    examples: {
      fires: ['die scheids krijgt volgende keer een stick in zijn gezicht', 'ik geef hem morgen een vuist op zijn bek'],
      quiet: ['hij kreeg bij gym een bal in zijn gezicht, gelukkig niks gebroken', 'je krijgt de zon in je gezicht op dat terras'],
    },
    family: 'act',
    harm: 'person',
    w: 0.7,
    keys: ['gezicht$', 'kop$', 'bek$', 'smoel$', 'hoofd$', 'maag$', 'ballen$', 'neus$'],
    re: r(
      `\\b(?:krijg|krijgt|krijgen|geef|geven|geeft)\\b(?: [\\w']+){0,4}? (?:een|mijn|m'n|mn) (?!zoen|kus|kusje|knuffel|high)[\\w']+ (?:in|op|tegen) (?:je|jouw|zijn|z'n|zn|haar|d'r|hun) (?:gezicht|kop|bek|smoel|hoofd|neus|maag|ballen)\\b`,
    ),
  },
];
