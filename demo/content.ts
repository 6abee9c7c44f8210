// The demo's invented content: a school account on a Bluesky-like server with Dutch replies,
// and an RSS feed of public mentions. All names, numbers and addresses are made up.

export interface DemoPost {
  /** Who wrote it: 'school' or an invented handle. */
  by: string;
  displayName?: string;
  text: string;
  /** Index of the school post this replies to. */
  replyTo?: number;
  /** Mentions the school without replying. */
  mention?: boolean;
  minutesAgo: number;
}

export const DEMO_SCHOOL_POSTS: DemoPost[] = [
  { by: 'school', text: 'Wat een geweldige sportdag vandaag! Dank aan alle ouders die hielpen 🏃‍♀️', minutesAgo: 300 },
  { by: 'school', text: 'Morgen is de school om 12.00 uur uit in verband met een studiemiddag.', minutesAgo: 200 },
  { by: 'school', text: 'Welkom aan onze nieuwe docent Nederlands, meneer Bakker!', minutesAgo: 120 },
];

export const DEMO_REACTIONS: DemoPost[] = [
  { by: 'trotse-ouder.demo.test', displayName: 'Trotse ouder', text: 'Super georganiseerd, mijn dochter heeft genoten! 💐', replyTo: 0, minutesAgo: 280 },
  { by: 'anoniem123.demo.test', text: 'wat een k4nkerschool is dit, altijd gedoe', replyTo: 1, minutesAgo: 150 },
  { by: 'boze-vader.demo.test', text: 'Als die leraar mijn zoon nog één keer nahoudt, sla ik hem in elkaar.', replyTo: 2, minutesAgo: 100 },
  { by: 'klasgenoot.demo.test', text: 'Hier het nummer van meneer Bakker: 06-12345678, bel hem maar lekker wakker 😂', replyTo: 2, minutesAgo: 90 },
  { by: 'buurvrouw.demo.test', text: 'Fijn dat de studiemiddag op tijd is aangekondigd, dank jullie wel.', replyTo: 1, minutesAgo: 80 },
  { by: 'leerling-3b.demo.test', text: '@vivente-delinge.demo.test die nieuwe gymleraar is echt een randdebiel', mention: true, minutesAgo: 60 },
];

export const DEMO_FEED_ITEMS = [
  {
    title: 'Reactie op: Open dag Vivente College De Linge',
    text: 'Wat een leuke open dag, mijn zoon wil hier graag naartoe!',
    minutesAgo: 240,
  },
  {
    title: 'Reactie op: Nieuwe schoolleiding De Linge',
    text: 'Die nieuwe directeur van De Linge is een arrogante zak, iedereen weet dat hij liegt.',
    minutesAgo: 70,
  },
  {
    title: 'Reactie op: Schoolreisje groep 7',
    text: 'Voor wie wil carpoolen: wij wonen op de Berkenlaan 6 in Tiel, bel gerust 0344-612345.',
    minutesAgo: 50,
  },
];
