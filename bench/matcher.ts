// The school index a network-wide stream source needs (src/match/): 10,000 schools with names
// as Dutch school names are (generated: kind, name, town), built once, then one million
// distinct post events as Jetstream sends them (JSON text: parsed, then matched), on one core.
// Most posts concern no school; about one in a hundred names one, some reply to or mention one.
// Figures: build time, events per second, resident memory, how many matched.

import { buildPostIndex } from '../src/match/concerns.ts';
import type { SchoolAccounts } from '../src/match/concerns.ts';

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
const NAMES = [
  'De Klimop',
  'De Regenboog',
  'Het Noordik',
  'De Linge',
  'De Wilgen',
  'Het Palet',
  'De Horizon',
  'De Zonnewijzer',
  'De Vlinder',
  'Sint Jozef',
  'De Kameleon',
  'Het Kompas',
  'De Springplank',
  'De Fontein',
  'Het Mozaïek',
  'De Bron',
  'De Wereldwijzer',
  'Het Baken',
  'De Toermalijn',
  'De Ark',
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

/** A fixed pseudo-random sequence, the same every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export function benchMatcher(schoolCount = 10_000, events = 1_000_000): Record<string, number> {
  const r = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const schools: SchoolAccounts[] = [];
  const names: string[] = [];
  for (let i = 0; i < schoolCount; i++) {
    // A number keeps each generated school's name its own, as a real register's names are.
    const name = `${pick(NAMES)} ${i}`;
    names.push(name);
    const town = pick(TOWNS);
    schools.push({
      id: `s${i}`,
      dids: [`did:plc:school${i}`],
      keywords: [`${pick(KINDS)} ${name}`, { phrase: name, context: [town, 'school', 'juf', 'meester'] }, `#school${i}`],
    });
  }
  const t0 = performance.now();
  const index = buildPostIndex(schools);
  const buildMs = performance.now() - t0;

  const WORDS =
    'ik jij hij we de het een van op in met voor niet wel maar ook nog al dan als dat wat die deze school juf meester weer vandaag morgen leuk stom echt heel mooi weer fiets huis eten spelen voetbal game'.split(
      ' ',
    );
  // Made and matched in chunks, so memory holds the index and one chunk, as a consumer would;
  // only parsing and matching are timed.
  const CHUNK = 10_000;
  let matched = 0;
  let ms = 0;
  for (let done = 0; done < events; done += CHUNK) {
    const frames: string[] = [];
    for (let i = done; i < Math.min(events, done + CHUNK); i++) {
      const words = Array.from({ length: 6 + Math.floor(r() * 20) }, () => pick(WORDS));
      const roll = r();
      const record: Record<string, unknown> = { $type: 'app.bsky.feed.post', createdAt: '2026-12-01T10:00:00Z', langs: ['nl'] };
      const s = Math.floor(r() * schoolCount);
      if (roll < 0.005) words.splice(3, 0, 'juf', 'van', ...names[s]!.split(' '));
      else if (roll < 0.008)
        record.reply = {
          root: { uri: `at://did:plc:school${s}/app.bsky.feed.post/x`, cid: 'c' },
          parent: { uri: `at://did:plc:school${s}/app.bsky.feed.post/x`, cid: 'c' },
        };
      else if (roll < 0.01)
        record.facets = [{ index: { byteStart: 0, byteEnd: 5 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: `did:plc:school${s}` }] }];
      record.text = `${words.join(' ')} ${i}`;
      frames.push(
        JSON.stringify({
          did: `did:plc:user${i % 50_000}`,
          time_us: 1_764_000_000_000_000 + i,
          kind: 'commit',
          commit: { rev: 'r', operation: 'create', collection: 'app.bsky.feed.post', rkey: `k${i}`, record, cid: 'bafy' },
        }),
      );
    }
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
