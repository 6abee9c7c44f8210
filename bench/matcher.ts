// The school index a network-wide stream source needs (src/match/): 10,000 schools with names
// as Dutch school names are (generated: kind, name, town), built once, then one million
// distinct post events as Jetstream sends them (JSON text: parsed, then matched), on one core.
// Most posts concern no school; about one in a hundred names one, some reply to or mention one.
// Figures: build time, events per second, resident memory, how many matched.

import { buildPostIndex } from '../src/match/concerns.ts';
import type { SchoolAccounts } from '../src/match/concerns.ts';
import { schoolName } from './school-names.ts';
import { eventFrames } from './stream-server.ts';

const KINDS = [
  'Basisschool',
  'OBS',
  'CBS',
  'RKBS',
  'Openbare Basisschool',
  'Christelijk Lyceum',
  'Scholengemeenschap',
  'College',
  'Montessorischool',
  'Daltonschool',
  'Jenaplanschool',
  'Vrije School',
];
const TOWNS = [
  'Tiel',
  'Culemborg',
  'Leerdam',
  'Zaltbommel',
  'Ede',
  'Arnhem',
  'Almelo',
  'Deventer',
  'Zwolle',
  'Gouda',
  'Delft',
  'Breda',
  'Tilburg',
  'Venlo',
  'Assen',
  'Sneek',
  'Hoorn',
  'Alkmaar',
  'Heerlen',
  'Goes',
];

export function benchMatcher(schoolCount = 10_000, events = 1_000_000): Record<string, number> {
  const schools: SchoolAccounts[] = [];
  for (let i = 0; i < schoolCount; i++) {
    const name = schoolName(i);
    schools.push({
      id: `s${i}`,
      dids: [`did:plc:school${i}`],
      keywords: [`${KINDS[i % KINDS.length]} ${name}`, { phrase: name, context: [TOWNS[i % TOWNS.length]!, 'school', 'juf', 'meester'] }, `#school${i}`],
    });
  }
  const t0 = performance.now();
  const index = buildPostIndex(schools);
  const buildMs = performance.now() - t0;

  const frameOf = eventFrames(schoolCount);
  // Made and matched in chunks, so memory holds the index and one chunk, as a consumer would;
  // only parsing and matching are timed.
  const CHUNK = 10_000;
  let matched = 0;
  let ms = 0;
  for (let done = 0; done < events; done += CHUNK) {
    const frames: string[] = [];
    for (let i = done; i < Math.min(events, done + CHUNK); i++) frames.push(frameOf(i));
    const t1 = performance.now();
    for (const frame of frames) {
      const e = JSON.parse(frame) as { did: string; commit: { record: unknown } };
      if (index.concerns(e.did, e.commit.record).length > 0) matched++;
    }
    ms += performance.now() - t1;
  }
  const seconds = ms / 1000;
  return {
    schools: schoolCount,
    keywords: index.keywords,
    buildMs: Math.round(buildMs),
    events,
    eventsPerSecond: Math.round(events / seconds),
    matched,
    rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    // The live heap after a collection (run with --expose-gc), apart from garbage not yet freed.
    heapMbAfterGc: (globalThis.gc?.(), Math.round(process.memoryUsage().heapUsed / 2 ** 20)),
  };
}
