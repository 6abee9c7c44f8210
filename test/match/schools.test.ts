// The keyword index every source shares: whole words and phrases after the classifier's
// normalisation, hashtags, context words for names that are ordinary words, many schools in
// one index; and whether a Bluesky post concerns a school (reply, quote, mention facet,
// keyword), never for the school's own posts.
import { describe, expect, it } from 'vitest';
import { buildPostIndex } from '../../src/match/concerns.ts';
import { buildSchoolMatcher } from '../../src/match/schools.ts';

const matcher = buildSchoolMatcher([
  { id: 'linge', keywords: ['De Linge', 'Vivente College De Linge', { phrase: 'Linge', context: ['Tiel', 'school'] }] },
  { id: 'klimop', keywords: ['Basisschool De Klimop', { phrase: 'Klimop', context: ['Zaltbommel'] }] },
  { id: 'jozef', keywords: ['Sint-Jozefschool', 'St. Jozef Ede'] },
]);
const schoolsIn = (text: string) => matcher.match(text).map((h) => h.school);

describe('school keywords', () => {
  it.each([
    ['die juf van De Linge is top', ['linge']],
    ['DE LINGE wint weer', ['linge']],
    ['bij de linge op het plein', ['linge']],
    ['ze zit op de Lînge', ['linge']],
    ['#delinge #sportdag', ['linge']],
    ['Vivente   College  De Linge!!', ['linge']],
    ['de Linge in Tiel heeft een nieuwe conciërge', ['linge']],
    ['gisteren bij basisschool de klimop', ['klimop']],
    ['die Klimop in Zaltbommel is dicht vandaag', ['klimop']],
    ['naar de Sint Jozefschool en daarna De Linge', ['jozef', 'linge']],
  ])('finds %j', (text, want) => expect(schoolsIn(text).sort()).toEqual([...want].sort()));

  it.each([
    'lingerie in de aanbieding',
    'wandelen langs linge bij Leerdam', // the river: the name alone needs Tiel or school
    'de klimop groeit over het hek',
    'de lingedijk is afgesloten',
    'op de sint-jozefschoolweg',
    '',
  ])('does not find a school in %j', (text) => expect(schoolsIn(text)).toEqual([]));

  it('keeps a school named after a river apart from the river when its keyword asks for context', () => {
    const careful = buildSchoolMatcher([{ id: 'linge', keywords: [{ phrase: 'De Linge', context: ['school', 'juf', 'meester', 'leerlingen', 'Tiel'] }] }]);
    expect(careful.match('wandelen langs de Linge bij Leerdam')).toEqual([]);
    expect(careful.match('de juf van De Linge')).toHaveLength(1);
    expect(careful.match('De Linge (Tiel) is weer open')).toHaveLength(1);
  });

  it('gives the offsets of the match in the original text', () => {
    const text = 'Nou, DE LINGE weer.';
    const [hit] = matcher.match(text);
    expect(text.slice(hit!.start, hit!.end)).toBe('DE LINGE');
  });

  it('holds thousands of schools in one index, each found by its own name only', () => {
    const names = Array.from({ length: 5000 }, (_, i) => ({ id: `s${i}`, keywords: [`Basisschool Nummer${i}`, `#bs${i}`] }));
    const big = buildSchoolMatcher(names);
    expect(big.size).toBe(10_000);
    expect(big.match('mijn zoon zit op basisschool nummer4711 sinds vorig jaar').map((h) => h.school)).toEqual(['s4711']);
    expect(big.match('basisschool nummer 4711')).toEqual([]);
  });
});

describe('posts that concern a school', () => {
  const SCHOOL = 'did:plc:delinge';
  const OTHER = 'did:plc:klimopschool';
  const index = buildPostIndex([
    { id: 'linge', dids: [SCHOOL], keywords: ['De Linge'] },
    { id: 'klimop', dids: [OTHER], keywords: ['De Klimop'] },
  ]);
  const post = (text: string, extra: Record<string, unknown> = {}) => ({ $type: 'app.bsky.feed.post', text, createdAt: '2026-12-01T10:00:00Z', ...extra });
  const ref = (did: string) => ({ uri: `at://${did}/app.bsky.feed.post/3abc`, cid: 'bafy' });

  it("a reply to one of the school's posts is a reply, even when it names another school", () => {
    expect(index.concerns('did:plc:ouder', post('zelfs De Klimop doet dit beter', { reply: { root: ref(SCHOOL), parent: ref('did:plc:iemand') } }))).toEqual([
      { school: 'linge', context: 'reply', via: 'reply' },
      { school: 'klimop', context: 'mention', via: 'keyword' },
    ]);
  });

  it('a quote, a mention facet and a keyword are mentions', () => {
    expect(index.concerns('did:plc:a', post('kijk dit', { embed: { $type: 'app.bsky.embed.record', record: ref(SCHOOL) } }))).toEqual([
      { school: 'linge', context: 'mention', via: 'quote' },
    ]);
    expect(
      index.concerns('did:plc:a', post('met foto', { embed: { $type: 'app.bsky.embed.recordWithMedia', record: { record: ref(OTHER) }, media: {} } })),
    ).toEqual([{ school: 'klimop', context: 'mention', via: 'quote' }]);
    const facets = [{ index: { byteStart: 0, byteEnd: 10 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: SCHOOL }] }];
    expect(index.concerns('did:plc:a', post('@delinge.bsky.social ik weet waar je woont', { facets }))).toEqual([
      { school: 'linge', context: 'mention', via: 'facet' },
    ]);
    expect(index.concerns('did:plc:a', post('die juf van de linge'))).toEqual([{ school: 'linge', context: 'mention', via: 'keyword' }]);
  });

  it("never a school's own post, and nothing for unrelated or malformed records", () => {
    expect(index.concerns(SCHOOL, post('Welkom op de open dag van De Linge!', { reply: { root: ref(SCHOOL), parent: ref(SCHOOL) } }))).toEqual([]);
    expect(index.concerns('did:plc:a', post('mooi weer vandaag'))).toEqual([]);
    for (const bad of [null, 'tekst', 42, [], { text: 17 }, { reply: 'x', facets: 'y', embed: 3 }]) expect(index.concerns('did:plc:a', bad)).toEqual([]);
  });
});
