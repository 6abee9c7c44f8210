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
}

const OBJ = "(?:je|jou|u|jullie|hem|haar|hen|ze|die [\\w']+|dat [\\w']+)";

const r = (src: string) => new RegExp(src, 'g');

export const RULES: readonly Rule[] = [
  // ---- killing ----
  { id: 'vermoorden', family: 'act', harm: 'person', w: 0.9, keys: ['vermoord', 'uitmoord'], re: r(`\\b(?:vermoord\\w*|uitmoorden)\\b`) },
  {
    id: 'doden',
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
    family: 'act',
    harm: 'person',
    w: 0.85,
    keys: ['kill', 'gekill', 'shank', 'geshank', 'stab', 'gestab'],
    re: r(`\\b(?:killen|kill|gekilled|shanken|shank|geshankt|stabben|stab|gestabd)\\b`),
  },
  {
    id: 'neerschieten',
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
    family: 'act',
    harm: 'person',
    needsPerson: true,
    w: 0.9,
    keys: ['uitroei', 'uitgeroeid', 'roei'],
    re: r(`\\b(?:uitroei\\w*|uitgeroeid|roei\\w* (?:[\\w']+ ){0,4}uit)\\b`),
  },
  {
    id: 'executeren',
    family: 'act',
    harm: 'person',
    needsPerson: true,
    w: 0.9,
    keys: ['execut', 'geexecut'],
    re: r(`\\b(?:executeer\\w*|executeren|geexecuteerd|executie)\\b`),
  },
  {
    id: 'ophangen',
    family: 'act',
    harm: 'person',
    needsPerson: true,
    w: 0.85,
    keys: ['ophang', 'opgehangen', 'hoogste$', 'strop$'],
    re: r(`\\b(?:ophangen|opgehangen|aan de hoogste boom|strop)\\b`),
  },
  { id: 'wurgen', family: 'act', harm: 'person', w: 0.9, keys: ['wurg', 'gewurgd'], re: r(`\\b(?:wurgen|wurg|wurgt|gewurgd)\\b`) },
  {
    id: 'keel',
    family: 'act',
    harm: 'person',
    w: 0.9,
    keys: ['keel$'],
    re: r(`\\bkeel (?:[\\w']+ )?(?:doorsnijden|doorgesneden|doorsnijd|doorsnij|afsnijden|dichtknijpen)\\b|\\bkeel door\\b`),
  },
  {
    id: 'einde-maken',
    family: 'act',
    harm: 'person',
    needsPerson: true,
    w: 0.85,
    keys: ['einde$'],
    re: r(
      `\\beinde (?:[\\w']+ ){0,2}?(?:maken|maak|maakt) aan (?:alle|die|deze|jou|jullie|je leven|hem|haar|hen|zijn leven|haar leven|jouw leven|hun leven)\\b|\\bmaak\\w* (?:[\\w']+ ){0,4}een einde aan (?:alle|die|deze|jou|jullie|je leven|hem|haar|hen|zijn leven|haar leven|jouw leven)\\b`,
    ),
  },
  {
    id: 'leven-beeindigen',
    family: 'act',
    harm: 'person',
    w: 0.9,
    keys: ['beeindig'],
    re: r(`\\blevens? (?:[\\w']+ ){0,5}?beeindig\\w*|\\bbeeindig\\w* (?:[\\w']+ ){0,3}levens?\\b`),
  },
  {
    id: 'gruwelijke-dood',
    family: 'act',
    harm: 'person',
    w: 0.9,
    keys: ['gruwelijke$', 'pijnlijke$', 'langzame$', 'vreselijke$', 'handen$'],
    re: r(`\\b(?:gruwelijke|pijnlijke|langzame|vreselijke) dood\\b|\\bdoor mijn (?:eigen )?handen\\b`),
  },
  { id: 'dood-aan', family: 'cue', harm: 'person', w: 0.85, keys: ['dood$'], re: r(`\\bdood aan (?:alle|de|die|jou|jullie|al|het)\\b`) },
  // ---- violence ----
  {
    id: 'in-elkaar',
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
    id: 'ik-sla-je',
    family: 'act',
    harm: 'person',
    w: 0.7,
    keys: ['sla$', 'slaan$', 'mep$', 'meppen$', 'trap$', 'trappen$', 'schop$', 'schoppen$', 'ram$', 'rammen$', 'beuk$', 'beuken$', 'klap$', 'klappen$'],
    re: r(
      `\\b(?:ik|k|we|wij) (?:[\\w']+ )?(?:sla|slaan|mep|meppen|trap|trappen|schop|schoppen|ram|rammen|beuk|beuken|klap|klappen) (?:je|jou|jullie|u|hem|haar|hen)\\b(?! (?:mee|over|voor|na|niet))`,
    ),
  },
  {
    id: 'botten-breken',
    family: 'act',
    harm: 'person',
    w: 0.8,
    keys: ['breek$', 'breken$', 'brak$'],
    re: r(`\\b(?:breek|breken|brak)\\b(?: [\\w']+){0,4} (?:armen|arm|benen|been|nek|botten|kaak|neus|vingers|poten|rug|schedel|knieen)\\b`),
  },
  {
    id: 'kapotmaken',
    family: 'act',
    harm: 'person',
    needsPerson: true,
    w: 0.7,
    keys: ['kapot'],
    re: r(
      `\\b(?:maak|maken|maakt|sla|slaan|trap|trappen)\\b (?:je|jou|jullie|u|hem|haar|hen|ze|die [\\w']+)(?: [\\w']+){0,3}? kapot\\b|\\bkapot(?:maken|maak|gemaakt|slaan|sla|geslagen|trappen)\\b`,
    ),
  },
  {
    id: 'vernietigen',
    family: 'act',
    harm: 'person',
    needsPerson: true,
    w: 0.6,
    keys: ['vernietig', 'vermorzel', 'afslacht', 'afgeslacht', 'slopen$', 'sloop$'],
    re: r(`\\b(?:vernietig\\w*|vermorzel\\w*|afslachten|afgeslacht|slopen ${OBJ}|sloop ${OBJ}|${OBJ} slopen)\\b`),
  },
  {
    id: 'pijn-doen',
    family: 'act',
    harm: 'person',
    w: 0.75,
    keys: ['pijn$'],
    re: r(`\\bpijn (?:gaan |zullen |zal )?doen\\b|\\b(?:doe|doen) (?:je|jou|jullie|u|hem|haar|hen) (?:[\\w']+ ){0,5}?pijn\\b`),
  },
  { id: 'verkrachten', family: 'act', harm: 'person', w: 0.85, keys: ['verkracht'], re: r(`\\bverkracht\\w*`) },
  {
    id: 'aanvallen',
    family: 'act',
    harm: 'person',
    needsPerson: true,
    w: 0.7,
    keys: ['aanval', 'aangevallen$', 'vallen$', 'val$', 'valt$'],
    re: r(`\\b(?:aanvallen|aanval|aangevallen|aan te vallen)\\b|\\b(?:val|vallen|valt) (?:${OBJ} )(?:[\\w']+ ){0,3}?aan\\b`),
  },
  {
    id: 'steken',
    family: 'act',
    harm: 'person',
    w: 0.8,
    keys: ['steek', 'steken$', 'hemzelf$', 'haarzelf$', 'mes$'],
    re: r(
      `\\b(?:steek|steken) (?:je|jou|jullie|u|hem|haar|hen)\\b(?! (?:hand|handen|vinger|vingers|kop|hoofd|neus|nek|tong|duim|duimen|op|in|aan|licht|geld|tijd))|\\bsteek\\w*\\b(?: [\\w']+){0,7} (?:hemzelf|haarzelf)\\b|\\bmes (?:in|tussen) (?:je|jouw|z'n|zn|zijn|haar|hun|jullie|d'r)\\b`,
    ),
  },
  {
    id: 'schieten',
    family: 'act',
    harm: 'person',
    w: 0.8,
    keys: ['schiet$', 'schieten$', 'knal$', 'knallen$', 'kogel$'],
    re: r(
      `\\b(?:schiet|schieten|knal|knallen) (?:je|jou|jullie|u|hem|haar|hen)\\b(?! (?:op|in|aan|te|over|voorbij))|\\bkogel (?:door|in|tussen) (?:je|jouw|z'n|zn|zijn|haar|hun|jullie|die)\\b`,
    ),
  },
  {
    id: 'pakken',
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
    family: 'cue',
    harm: 'implicit',
    w: 0.4,
    keys: ['halen$'],
    re: r(`\\b(?:ik|we|wij) (?:kom|komen) (?:je|jou|jullie|hem|haar) (?:[\\w']+ ){0,2}?halen\\b`),
  },
  {
    id: 'opwachten',
    family: 'act',
    harm: 'person',
    w: 0.6,
    keys: ['opwacht', 'opgewacht$', 'wacht'],
    re: r(
      `\\b(?:opwachten|opgewacht|opwacht)\\b|\\bwacht\\w* (?:we |ik |wij |jullie )?(?:je|jou|hem|haar|hen|ze|die [\\w']+)(?: [\\w']+){0,6}? op\\b(?! (?:een|het|de|je antwoord|antwoord))`,
    ),
  },
  {
    id: 'van-fiets',
    family: 'act',
    harm: 'person',
    w: 0.6,
    keys: ['fiets$'],
    re: r(`\\b(?:trek|trekken|duw|duwen|schop|schoppen|rij|rijden) (?:[\\w']+ ){0,3}?van (?:z'n|zn|zijn|haar|je|jouw|d'r) fiets\\b`),
  },
  {
    id: 'niet-meer-lopen',
    family: 'cue',
    harm: 'person',
    w: 0.55,
    keys: ['lopen$', 'praten$', 'zitten$', 'staan$', 'zien$', 'fietsen$'],
    re: r(
      `\\b(?:kan|kun|kunt|kunnen|zal|zult) (?:[\\w']+ )?niet meer (?:lopen|praten|zitten|staan|zien|fietsen)\\b|\\b(?:nooit|niet) meer (?:kan|kunt|kunnen|zal|zult) (?:lopen|praten|zien|fietsen|staan|zitten|ademen)\\b`,
    ),
  },
  // ---- wishes: what befalls someone ----
  {
    id: 'sterven',
    family: 'wish',
    harm: 'person',
    w: 0.85,
    keys: ['sterv', 'sterf', 'creper', 'crepeer', 'verrek', 'doodga', 'dood$'],
    re: r(
      `\\b(?:sterven|sterft|sterf|creperen|crepeer|crepeert|verrekken|verrek|doodgaan|doodgaat|dood gaat|dood gaan|dood zijn|dood moeten|allemaal dood|dood neervalt|dood neervallen)\\b`,
    ),
  },
  {
    id: 'ziekte-wens',
    family: 'wish',
    harm: 'person',
    w: 0.8,
    keys: ['krijgt$', 'krijgen$', 'krijg$', 'oploopt$'],
    re: r(`\\b(?:kanker|tyfus|tering|cholera|pest|corona|een ziekte|een dodelijke ziekte) (?:[\\w']+ )?(?:krijgt|krijgen|krijg|mag krijgen|oploopt)\\b`),
  },
  {
    id: 'ongeluk-wens',
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
    family: 'act',
    harm: 'property',
    w: 0.85,
    keys: ['afbrand', 'afgebrand$', 'platbrand', 'fik$', 'brand$', 'brandstapel$', 'brandsticht'],
    re: r(
      `\\b(?:steek|steken|zet|zetten|stak)\\b(?: [\\w']+){0,5}? in (?:de )?(?:brand|fik)\\b|\\b(?:afbrand\\w*|afgebrand|platbrand\\w*|in de fik\\b|in brand (?:steken|steek|gestoken|zetten|zet|gezet)|brandstapel|brandstichten|fik (?:erin|d'r in))`,
    ),
  },
  {
    id: 'opblazen',
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
    family: 'wish',
    harm: 'property',
    w: 0.8,
    keys: ['schietpartij', 'schoolschut', 'schoolshooting$', 'shooting$', 'bloedbad$', 'amok$', 'kogel$', 'bom$'],
    re: r(`\\b(?:schietpartij\\w*|schoolschutter\\w*|schoolshooting|school shooting|bloedbad|amok|kogel|bom)\\b`),
  },
  {
    id: 'knallen',
    family: 'cue',
    harm: 'implicit',
    w: 0.55,
    keys: ['knallen$'],
    re: r(
      `\\b(?:gaat|zal|zou) (?:er )?(?:[\\w']+ ){0,2}?(?:iets|wat) (?:[\\w']+ ){0,1}?knallen\\b|\\b(?:iets|wat) (?:gaan |zal gaan |zou gaan |zal |gaat )knallen\\b`,
    ),
  },
  // ---- weapons ----
  {
    id: 'wapen-mee',
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
    family: 'cue',
    harm: 'implicit',
    w: 0.45,
    keys: ['wie$'],
    re: r(`\\b(?:we|wij|ik) (?:weten|weet) (?:[\\w']+ )?wie (?:je|jij|u|jullie) (?:bent|zijn|is)\\b`),
  },
  {
    id: 'we-vinden-je',
    family: 'cue',
    harm: 'implicit',
    w: 0.55,
    keys: ['vinden$', 'vind$', 'krijgen$', 'krijg$'],
    re: r(`\\b(?:we|wij|ik) (?:vinden|vind|krijgen|krijg) (?:je|jou|jullie|u|hem|haar) (?:[\\w']+ )?(?:wel|nog|heus|toch|ooit)\\b`),
  },
  {
    id: 'wacht-maar',
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
    family: 'cue',
    harm: 'implicit',
    w: 0.3,
    keys: ['voelt$'],
    re: r(`\\b(?:weten|weet) (?:ze|zij|hij|jullie|je|jij) (?:[\\w']+ ){0,2}?hoe het voelt\\b`),
  },
  {
    id: 'pas-op',
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
    family: 'cue',
    harm: 'implicit',
    w: 0.4,
    keys: ['alleen$', 'eentje$'],
    re: r(
      `\\b(?:alleen|in (?:z'n|zn|je|haar|zijn|d'r) eentje) (?:[\\w']+ ){0,3}?(?:naar huis|naar (?:z'n|zn|je|haar|zijn|d'r) (?:auto|fiets|huis)|over straat)\\b`,
    ),
  },
  {
    id: 'nooit-meer-veilig',
    family: 'cue',
    harm: 'implicit',
    w: 0.6,
    keys: ['veilig$'],
    re: r(`\\bnooit meer (?:[\\w']+ )?veilig\\b|\\bniet meer veilig (?:op|in|naar)\\b`),
  },
  {
    id: 'bezit-buiten',
    family: 'cue',
    harm: 'implicit',
    w: 0.45,
    keys: ['buiten$'],
    re: r(`\\b(?:je|uw|jouw|jullie) (?:auto|fiets|scooter|huis|ramen|ruiten) (?:staat|staan) (?:[\\w']+ ){0,4}?buiten\\b`),
  },
  {
    id: 'zonde-als',
    family: 'cue',
    harm: 'implicit',
    w: 0.35,
    keys: ['zonde$', 'jammer$', 'doodzonde$'],
    re: r(`\\b(?:zonde|jammer|doodzonde) (?:zijn |wezen |zou zijn )?als (?:je|jouw|uw|jullie|de|het|er)\\b`),
  },
  {
    id: 'waarschuwing',
    family: 'cue',
    harm: 'implicit',
    w: 0.55,
    keys: ['waarschuwing$', 'gewaarschuwd$'],
    re: r(
      `\\blaatste waarschuwing\\b|\\b(?:niet|nooit) (?:[\\w']+ ){0,3}gewaarschuwd\\b|\\b(?:je|jij|jullie|u) (?:bent|zijn) gewaarschuwd\\b|\\bwees gewaarschuwd\\b`,
    ),
  },
  {
    id: 'kom-alleen',
    family: 'cue',
    harm: 'implicit',
    w: 0.4,
    keys: ['kom$'],
    re: r(`\\bkom (?:maar )?alleen\\b|\\bkom (?:[\\w']+ ){0,2}?(?:maar )?niet (?:meer )?naar (?:school|huis|buiten|de les)\\b`),
  },
  {
    id: 'blijf-thuis',
    family: 'cue',
    harm: 'implicit',
    w: 0.4,
    keys: ['blijf$', 'zorg$'],
    re: r(`\\bblijf (?:[\\w']+ ){0,2}?maar thuis\\b|\\bzorg (?:ervoor |maar )?dat (?:[\\w']+ ){1,4}(?:buiten|thuis|weg) (?:is|zijn|blijft|blijven)\\b`),
  },
  {
    id: 'verrassing',
    family: 'cue',
    harm: 'implicit',
    w: 0.25,
    keys: ['verrassing$'],
    re: r(`\\b(?:met|heb|breng) (?:een |m'n |mijn )?(?:kleine |mooie |leuke |grote )?verrassing\\b`),
  },
  { id: 'geen-grap', family: 'cue', harm: 'implicit', w: 0.3, keys: ['grap$', 'meen$'], re: r(`\\b(?:het )?is geen grap\\b|\\bik meen het\\b`) },
  {
    id: 'niet-vergeten',
    family: 'cue',
    harm: 'implicit',
    w: 0.5,
    keys: ['vergeten$'],
    re: r(`\\b(?:jullie|je|jij|u|hij|ze|zij) (?:zullen|zal|zult|gaan|gaat) (?:[\\w']+ ){0,2}?niet (?:meer )?vergeten\\b`),
  },
  { id: 'ik-vergeet-niet', family: 'cue', harm: 'implicit', w: 0.3, keys: ['vergeet$'], re: r(`\\bik vergeet (?:het|dit|dat|jullie|je) (?:[\\w']+ )?niet\\b`) },
  {
    id: 'niet-praten',
    family: 'cue',
    harm: 'implicit',
    w: 0.6,
    keys: ['praten$', 'gepraat$'],
    re: r(`\\bniet iemand die het bij praten laat\\b|\\bwordt er niet (?:meer )?gepraat\\b|\\b(?:praten|gepraat) is (?:nu )?voorbij\\b|\\bklaar met praten\\b`),
  },
  {
    id: 'langskomen',
    family: 'cue',
    harm: 'implicit',
    w: 0.3,
    keys: ['langs$'],
    re: r(`\\bkom (?:ik|we) (?:[\\w']+ ){0,6}?langs\\b|\\b(?:ik|we) (?:kom|komen) (?:[\\w']+ ){0,6}?langs\\b`),
  },
  {
    id: 'met-vrienden',
    family: 'cue',
    harm: 'implicit',
    w: 0.25,
    keys: ['vrienden$', 'maten$', 'neven$', 'broers$', 'jongens$'],
    re: r(`\\bmet (?:een paar |wat |mijn |m'n |mn |al mijn )?(?:vrienden|maten|neven|broers|jongens) (?:langs|mee)\\b`),
  },
  { id: 'niet-met-bloemen', family: 'cue', harm: 'implicit', w: 0.45, keys: ['bloemen$', 'taart$'], re: r(`\\bniet met (?:bloemen|een bos bloemen|taart)\\b`) },
  {
    id: 'zeg-nog-eens',
    family: 'cue',
    harm: 'implicit',
    w: 0.3,
    keys: ['zeg$', 'doe$'],
    re: r(`\\b(?:zeg|doe) (?:het )?(?:nog )?(?:1x|ix|1 keer|i keer|een keer|eens) (?:iets|wat|zoiets)\\b`),
  },
  {
    id: 'weet-wat-er-gebeurt',
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
    family: 'cue',
    harm: 'person',
    w: 0.7,
    keys: ['lijk$', 'dood$', 'eraan$', 'geweest$', 'dode$', 'aan$'],
    re: r(
      `\\b(?:je|jij|jullie|u) (?:bent|zijn|is) (?:een )?(?:lijk|dood|er geweest|zo goed als dood|een dood man|een dode)\\b|\\b(?:je|jij|jullie|u) (?:gaat|gaan) (?:er ?aan|eraan|dood)\\b|\\b(?:is|ben|bent|zijn) (?:ie|hij|je|jij|jullie|ze|die [\\w']+) (?:echt |gewoon |zo )?(?:dood|er geweest|een lijk)\\b`,
    ),
  },
  { id: 'binnenkort-bij-jullie', family: 'cue', harm: 'implicit', w: 0.35, keys: ['binnenkort$'], re: r(`\\bbinnenkort (?:ook )?bij (?:jullie|jou|u)\\b`) },
  {
    id: 'van-me-af',
    family: 'cue',
    harm: 'stalking',
    w: 0.45,
    keys: ['af$'],
    re: r(`\\b(?:van me|van mij) af (?:bent|bent|zijn|komt)\\b|\\b(?:kom|komt) (?:je|jij) niet (?:meer )?van (?:me|mij) af\\b`),
  },
  {
    id: 'blij-als-je-leeft',
    family: 'cue',
    harm: 'implicit',
    w: 0.65,
    keys: ['leeft$', 'leven$', 'heelhuids$'],
    re: r(
      `\\b(?:blij|dankbaar|gelukkig) (?:zijn |mogen zijn |zijn als )?(?:als|dat) (?:je|ge|jij|gij|u|hij|ze|jullie) (?:[\\w']+ ){0,3}?nog (?:leeft|leven|heelhuids)\\b|\\bals (?:je|ge|jij|gij|hij|ze) (?:[\\w']+ ){0,3}?nog leeft\\b`,
    ),
  },
  {
    id: 'niet-jarig',
    family: 'cue',
    harm: 'implicit',
    w: 0.6,
    keys: ['jarig$'],
    re: r(`\\b(?:ben|is|bent|zijn) (?:je|jij|ge|ie|hij|ze|jullie|die [\\w']+) (?:nog )?niet jarig\\b`),
  },
  {
    id: 'is-erbij',
    family: 'cue',
    harm: 'implicit',
    w: 0.5,
    keys: ['erbij$', 'klos$', 'sjaak$', 'lul$', 'zuur$'],
    re: r(
      `\\b(?:is|ben|bent|zijn) (?:[\\w']+ ){0,2}?(?:erbij|de klos|de sjaak|de lul)\\b(?! (?:met|voor|op|in|bij|geweest))|\\b(?:ben|bent|is|zijn) (?:je|jij|ie|hij|jullie) (?:echt |zo )?zuur\\b|\\b(?:je|jij|jullie) (?:bent|zijn) (?:echt |zo )?zuur\\b`,
    ),
  },
  {
    id: 'met-veel-man',
    family: 'cue',
    harm: 'implicit',
    w: 0.3,
    keys: ['man$', 'jongens$', 'gasten$'],
    re: r(`\\bmet (?:\\d+|tien|twintig|vijftien|een paar|heel veel|z'n allen|zn allen) (?:man|jongens|gasten)\\b`),
  },
  {
    id: 'niet-herkennen',
    family: 'cue',
    harm: 'implicit',
    w: 0.5,
    keys: ['herken'],
    re: r(`\\b(?:niet meer|nooit meer) (?:[\\w']+ )?(?:herkennen|herkent|herkend)\\b`),
  },
  {
    id: 'klaar-met-je',
    family: 'cue',
    harm: 'implicit',
    w: 0.45,
    keys: ['klaar$'],
    re: r(`\\bals (?:ik|we) (?:klaar ben|klaar zijn|klaar) met (?:je|jou|hem|haar|jullie)\\b`),
  },
  {
    id: 'kom-je-opzoeken',
    family: 'cue',
    harm: 'implicit',
    w: 0.35,
    keys: ['opzoeken$', 'bezoeken$'],
    re: r(`\\b(?:ik|we) (?:kom|komen) (?:je|jou|jullie|hem|haar) (?:[\\w']+ ){0,2}?(?:opzoeken|bezoeken)\\b`),
  },
  { id: 'lesje-leren', family: 'cue', harm: 'implicit', w: 0.4, keys: ['lesje$'], re: r(`\\blesje (?:[\\w']+ )?(?:leren|leert|geleerd)\\b`) },
  {
    id: 'mag-doodvallen',
    family: 'cue',
    harm: 'person',
    w: 0.65,
    keys: ['doodvallen$', 'neervallen$', 'creperen$', 'verrekken$', 'doodgaan$'],
    re: r(`\\b(?:mag|kan|mogen|kunnen) (?:van mij |wat mij betreft |voor mijn part )?(?:doodvallen|dood neervallen|creperen|verrekken|doodgaan)\\b`),
  },
  {
    id: 'ik-volg-je',
    family: 'cue',
    harm: 'stalking',
    w: 0.55,
    keys: ['volg$', 'achtervolg', 'stalk'],
    re: r(`\\b(?:ik|we) (?:volg|volgen|achtervolg|achtervolgen|stalk|stalken) (?:je|jou|haar|hem|jullie)\\b`),
  },
  {
    id: 'de-volgende',
    family: 'cue',
    harm: 'implicit',
    w: 0.35,
    keys: ['volgende$'],
    re: r(`\\b(?:jij|je|jullie|u) (?:bent|zijn|is) (?:de|als) volgende\\b(?! (?:die|om|in|op|voor|keer|week))`),
  },
  { id: 'als-ik-jou-was', family: 'cue', harm: 'implicit', w: 0.3, keys: ['was$', 'waren$'], re: r(`\\bals ik (?:jou|u|jullie) (?:was|waren)\\b`) },
  {
    id: 'bom-ligt',
    family: 'cue',
    harm: 'implicit',
    w: 0.6,
    keys: ['bom$'],
    re: r(`\\b(?:ligt|staat|zit|liggen|leg|verstop) (?:er )?(?:[\\w']+ )?(?:een )?bom\\b|\\bbom (?:ligt|onder|in de|bij de|in het|bij het)\\b`),
  },
  {
    id: 'niet-komen',
    family: 'cue',
    harm: 'implicit',
    w: 0.3,
    keys: ['komen$', 'kom$', 'weg$', 'wegblijven$'],
    re: r(`\\b(?:niet komen|kom niet|blijf weg|wegblijven)\\b`),
  },
  {
    id: 'laten-voelen',
    family: 'cue',
    harm: 'implicit',
    w: 0.5,
    keys: ['laten$'],
    re: r(`\\b(?:ik|k|we|wij) (?:zal|zullen|ga|gaan) (?:je|jou|jullie|hem|haar|u) (?:[\\w']+ )?laten (?:zien|voelen|merken|boeten)\\b`),
  },
  {
    id: 'leven-hel',
    family: 'cue',
    harm: 'implicit',
    w: 0.6,
    keys: ['hel$', 'leven$'],
    re: r(
      `\\b(?:maak|maken|wordt|zal) (?:[\\w']+ ){0,2}?(?:je|jouw|zijn|haar|jullie|hun) leven (?:tot |een )?(?:een )?(?:hel|hel op aarde)\\b|\\bvan (?:je|jouw|zijn|haar|jullie) leven (?:een )?hel\\b`,
    ),
  },
  {
    id: 'wapen-naar-school',
    family: 'cue',
    harm: 'weapon',
    w: 0.6,
    keys: ['mes$', 'pistool$', 'geweer$', 'wapen$', 'bijl$', 'knuppel$', 'machete$', 'vuurwapen$'],
    re: r(
      `\\b(?:ik|we|k) (?:ga|gaan|kom|komen) (?:[\\w']+ ){0,3}?met (?:een|m'n|mijn|mn|het|z'n) (?:mes|pistool|geweer|wapen|bijl|knuppel|machete|vuurwapen) (?:[\\w']+ ){0,3}?naar (?:school|de les|het plein|de kantine|jullie|je|hem|haar)\\b`,
    ),
  },
  {
    id: 'huis-vinden',
    family: 'cue',
    harm: 'stalking',
    w: 0.45,
    keys: ['vinden$', 'vind$'],
    re: r(`\\b(?:vinden|vind) (?:je|jouw|zijn|haar|jullie) (?:huis|adres|woning)\\b`),
  },
  // ---- stalking ----
  {
    id: 'voor-je-huis',
    family: 'cue',
    harm: 'stalking',
    w: 0.5,
    keys: ['stoep$', 'deur$', 'huis$', 'woning$', 'raam$'],
    re: r(
      `\\b(?:sta|staan|stond|stonden)\\b(?: [\\w']+){0,4}? (?:op de stoep|voor de deur|voor (?:je|jouw|zijn|z'n|haar|hun|het|uw) (?:huis|deur|raam|woning))\\b|\\bvoor het huis van\\b`,
    ),
  },
  {
    id: 'licht-aan',
    family: 'cue',
    harm: 'stalking',
    w: 0.35,
    keys: ['slaapkamer', 'raam$', 'gordijnen$', 'licht$'],
    re: r(
      `\\b(?:je|jouw|haar|zijn|z'n) (?:slaapkamer\\w*|raam|gordijnen) (?:was|is|brandde|stond|gaat|waren)\\b|\\bslaapkamerlicht\\b|\\blicht is (?:nog )?aan\\b`,
    ),
  },
  {
    id: 'in-de-gaten',
    family: 'cue',
    harm: 'stalking',
    w: 0.55,
    keys: ['elke$', 'iedere$', 'gaten$', 'wanneer$'],
    re: r(
      `\\b(?:ik|we) (?:zie|zien|volg|volgen|bekijk|observeer|hou|houd) (?:je|jou|u|jullie|hem|haar) (?:[\\w']+ ){0,2}?(?:elke|iedere) (?:dag|ochtend|avond|middag|nacht|week)\\b|\\b(?:ik|we) (?:hou|houd|houden) (?:je|jou|u|jullie|haar|hem) (?:goed )?in de gaten\\b|\\b(?:ik|we) (?:zie|zien|weet|weten) (?:precies |altijd )?wanneer (?:je|jij|u)\\b|\\bik (?:sta|wacht|zit|sta weer) (?:[\\w']+ )?(?:elke|iedere) (?:dag|ochtend|avond|middag)\\b`,
    ),
  },
  {
    id: 'meelopen',
    family: 'cue',
    harm: 'stalking',
    w: 0.5,
    keys: ['loop$', 'fiets$', 'rij$'],
    re: r(`\\b(?:loop|fiets|rij) (?:ik|we) (?:[\\w']+ ){0,3}?(?:met (?:je|jou) mee|achter (?:je|jou) aan)\\b`),
  },
  {
    id: 'op-je-wachten',
    family: 'cue',
    harm: 'stalking',
    w: 0.45,
    keys: ['wachten$'],
    re: r(`\\bop (?:je|jou|haar|hem) (?:te )?(?:wachten|staan wachten)\\b`),
  },
  {
    id: 'wie-doet-mee',
    family: 'cue',
    harm: 'implicit',
    w: 0.25,
    keys: ['wie$'],
    re: r(`\\bwie (?:doet|gaat|komt|helpt|is) (?:er )?(?:[\\w']+ ){0,2}?(?:mee|ook|erbij)\\b`),
  },
  // ---- sextortion ----
  {
    id: 'beelden',
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
    family: 'cue',
    harm: 'sextortion',
    w: 0.3,
    keys: ['euro$', 'tikkie$', 'betaal$', 'stuur$', 'zet$', 'deel$', 'post$', 'anders$', 'uitmaakt$'],
    re: r(
      `\\b\\d+ euro\\b|\\btikkie\\b|\\bbetaal\\b|\\bof ik (?:stuur|zet|deel|post)\\b|\\banders (?:stuur|zet|deel|post|gaat|gaan)\\b|\\bals je het uitmaakt\\b`,
    ),
  },
];

// ---- frames and contexts (run on the clause of an anchor) ----

/** The writer (or writers) as subject: intent. */
export const FIRST_PERSON = /\b(?:ik|k|ikke|we|wij)\b/;
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
export const NEGATION = /\b(?:niet|geen|nooit|niemand|niets|niks)\b/;
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
/** Participles: "is geslagen", "werden vermoord" describe what happened. */
export const PARTICIPLE = /\b(?:ge\w+|\w+ge\w+(?:d|t|en)|vermoord|verkracht|geexecuteerd)\b/;
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
