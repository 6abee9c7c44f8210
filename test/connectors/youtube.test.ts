// The YouTube connector against a local server that answers as the YouTube Data API v3 does
// (test/support/fake-youtube.ts): threads over several pages, replies completed through
// comments.list, the cursor (also after a restart, and new replies under a thread read before),
// an edited and a deleted comment, the daily quota (stopping before it is gone, said once,
// shown by a real Redis ledger, waiting until the next Pacific midnight; Google's own
// quotaExceeded), commentsDisabled, a stale page token, a 5xx, refused keys, unreadable threads
// and replies, the digest's look-up, the connector contract, and one end-to-end run to a mailbox.
import { simpleParser } from 'mailparser';
import { pino } from 'pino';
import type { Logger } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectorEnv, FetchResult, SourceOf } from '../../connectors/types.ts';
import { createYoutubeConnector, nextPacificMidnight } from '../../connectors/youtube.ts';
import { createMemoryQuotaLedger } from '../../src/store/quota.ts';
import { RateLimitedError, UitkijkError } from '../../src/errors.ts';
import type { Item } from '../../src/item.ts';
import { createKeys } from '../../src/store/keys.ts';
import { createQuotaLedger } from '../../src/store/quota.ts';
import { connectorEnv } from '../support/connector-env.ts';
import { googleError, startFakeYoutube } from '../support/fake-youtube.ts';
import type { FakeYoutube } from '../support/fake-youtube.ts';
import { drain, waitFor } from '../support/wait.ts';
import { sampleItem } from '../store/sample.ts';
import { useRedis } from '../store/redis-server.ts';
import { runConnectorContract } from './contract.ts';
import { withPipeline } from '../support/end-to-end.ts';

const silent = pino({ level: 'silent' });
const KEY_VAR = 'YOUTUBE_API_KEY_LINDE_YOUTUBE';
const HOUR = 3600 * 1000;
const db = useRedis();

const servers: FakeYoutube[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
async function fake(): Promise<FakeYoutube> {
  const y = await startFakeYoutube();
  servers.push(y);
  return y;
}

const source = (y: FakeYoutube, o: Partial<SourceOf<'youtube'>> = {}): SourceOf<'youtube'> => ({
  id: 'linde-youtube',
  kind: 'youtube',
  school: 'linde',
  channelId: y.channelId,
  apiUrl: y.url,
  dailyQuota: 10_000,
  quotaReserve: 100,
  schedule: { every: '5m' },
  ...o,
});
const env = (y: FakeYoutube, extra: Partial<ConnectorEnv> = {}, key: string = y.apiKey) => connectorEnv(silent, { [KEY_VAR]: key }, extra);

/** A logger that keeps its lines (warn and up unless told). */
function captured(level = 'info'): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: pino({ level }, { write: (l: string) => void lines.push(l) }), lines };
}

const threadCalls = (y: FakeYoutube) => y.requests.filter((r) => r.path === '/youtube/v3/commentThreads');
const replyCalls = (y: FakeYoutube) => y.requests.filter((r) => r.path === '/youtube/v3/comments');
const ids = (r: FetchResult) => r.items.map((i) => i.id);
const failure = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e as Error);

describe('YouTube connector: reading', () => {
  it('reads every thread over several pages, completes long threads through comments.list, and makes plain items', async () => {
    const y = await fake();
    const video = y.addVideo();
    const other = y.addVideo();
    const long = y.addThread(video, 'Open dag was top');
    const longReplies = Array.from({ length: 8 }, (_, i) => y.addReply(long, `antwoord ${i}`, { author: `@ouder${i}` }));
    const short = y.addThread(other, 'Wanneer is de voorlichting?');
    const shortReplies = [y.addReply(short, 'Volgende week dinsdag'), y.addReply(short, 'Dank je!')];
    for (let i = 0; i < 226; i++) y.addThread(i % 2 ? video : other, `reactie nummer ${i}`);
    const rude = y.addThread(video, 'Die conciërge is een <sukkel> & dat weet iedereen\nEcht waar', { author: '@boze-ouder' });
    const picture = y.addThread(video, 'kijk deze foto', { imageUrl: 'https://yt3.ggpht.example/plaatje.gif' });

    const r = await createYoutubeConnector().fetch(source(y), null, env(y));
    expect(r.skipped).toEqual([]);
    expect(r.items).toHaveLength(230 + 8 + 2);
    expect(new Set(ids(r)).size).toBe(r.items.length);
    for (const id of [long, ...longReplies, short, ...shortReplies]) expect(ids(r)).toContain(`youtube:${id}`);
    const byId = new Map(r.items.map((i) => [i.id, i]));
    const item = byId.get(`youtube:${rude}`)!;
    expect(item).toEqual({
      id: `youtube:${rude}`,
      source: 'linde-youtube',
      platform: 'youtube',
      context: 'reply',
      url: `https://www.youtube.com/watch?v=${video}&lc=${rude}`,
      author: { handle: '@boze-ouder' },
      // textFormat=plainText: the text as written, not as HTML
      text: 'Die conciërge is een <sukkel> & dat weet iedereen\nEcht waar',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
      inReplyTo: `https://www.youtube.com/watch?v=${video}`,
      media: { kinds: [], count: 0 },
      school: 'linde',
    });
    const reply = byId.get(`youtube:${longReplies[7]}`)!;
    expect(reply).toMatchObject({ url: `https://www.youtube.com/watch?v=${video}&lc=${longReplies[7]}`, author: { handle: '@ouder7' }, text: 'antwoord 7' });
    expect(byId.get(`youtube:${picture}`)!.media).toEqual({ kinds: ['image'], count: 1 });
    expect(Date.parse(item.createdAt)).toBeLessThan(Date.parse(byId.get(`youtube:${picture}`)!.createdAt));

    // Three pages of 100, asked for as documented; the long thread's replies in one more call,
    // the short thread's two came inlined. Every request a GET, each one unit.
    const pages = threadCalls(y);
    expect(pages).toHaveLength(3);
    expect(pages[0]!.query).toEqual({
      part: 'snippet,replies',
      allThreadsRelatedToChannelId: y.channelId,
      order: 'time',
      maxResults: '100',
      textFormat: 'plainText',
    });
    expect(pages[1]!.query.pageToken).toBeTruthy();
    expect(replyCalls(y).map((q) => q.query)).toEqual([{ part: 'snippet', parentId: long, maxResults: '100', textFormat: 'plainText' }]);
    expect(y.requests.every((q) => q.method === 'GET')).toBe(true);
    expect(y.units()).toBe(4);
  });

  it('with its cursor reads only what is new, also after a restart; an edited comment keeps its id, a deleted one is gone', async () => {
    const y = await fake();
    const video = y.addVideo();
    const threads = Array.from({ length: 230 }, (_, i) => y.addThread(video, `reactie ${i}`));
    const first = await createYoutubeConnector().fetch(source(y), null, env(y));
    expect(first.items).toHaveLength(230);
    y.edit(threads[229]!, 'aangepaste tekst');
    y.remove(threads[228]!);

    // A new instance (a restart) with the stored cursor: one page, nothing new.
    const before = threadCalls(y).length;
    const again = await createYoutubeConnector().fetch(source(y), first.cursor, env(y));
    expect(again.items).toEqual([]);
    expect(threadCalls(y).length - before).toBe(1);

    const fresh = y.addThread(video, 'een nieuwe reactie');
    const next = await createYoutubeConnector().fetch(source(y), again.cursor, env(y));
    expect(ids(next)).toEqual([`youtube:${fresh}`]);
    expect((await createYoutubeConnector().fetch(source(y), next.cursor, env(y))).items).toEqual([]);

    const all = await createYoutubeConnector().fetch(source(y), null, env(y));
    expect(all.items.find((i) => i.id === `youtube:${threads[229]}`)?.text).toBe('aangepaste tekst');
    expect(ids(all)).not.toContain(`youtube:${threads[228]}`);
    expect(all.items).toHaveLength(230);
  });

  it('finds new replies under a thread it read before, and a new thread posted in the same second as the newest', async () => {
    const y = await fake();
    const video = y.addVideo();
    const long = y.addThread(video, 'oude draad');
    for (let i = 0; i < 6; i++) y.addReply(long, `oud antwoord ${i}`);
    const short = y.addThread(video, 'andere draad');
    const at = Date.now() - HOUR;
    const newest = y.addThread(video, 'de nieuwste', { at });
    const c = createYoutubeConnector();
    const first = await c.fetch(source(y), null, env(y));
    expect(first.items).toHaveLength(9);
    const seen = new Set(ids(first));

    const twin = y.addThread(video, 'zelfde seconde', { at });
    const shortReply = y.addReply(short, 'een nieuw antwoord onder een oude draad', { at: at + 1000 });
    const longReply = y.addReply(long, 'nog een antwoord, nummer zeven', { at: at + 2000 });
    const next = await c.fetch(source(y), first.cursor, env(y));
    expect(
      ids(next)
        .filter((id) => !seen.has(id))
        .sort(),
    ).toEqual([`youtube:${twin}`, `youtube:${shortReply}`, `youtube:${longReply}`].sort());
    expect(ids(next)).not.toContain(`youtube:${newest}`);
    // Nothing more after that: the counts and the thread ids at the newest second are in the cursor.
    expect((await c.fetch(source(y), next.cursor, env(y))).items).toEqual([]);
  });

  it('stops at fetch.maxItems, says so, and goes on from the newest next time', async () => {
    const y = await fake();
    const video = y.addVideo();
    for (let i = 0; i < 230; i++) y.addThread(video, `reactie ${i}`);
    const { log, lines } = captured('warn');
    const r = await createYoutubeConnector().fetch(source(y), null, connectorEnv(log, { [KEY_VAR]: y.apiKey }, { maxItems: 50 }));
    expect(r.items).toHaveLength(100); // one page, then the cap
    expect(threadCalls(y)).toHaveLength(1);
    expect(lines.join('')).toContain('fetch.maxItems');
  });
});

describe('YouTube connector: the daily quota', () => {
  it('computes the reset at the next midnight Pacific time, daylight saving included', () => {
    const at = (s: string) => Date.parse(s);
    // Winter (PST, UTC−8) and summer (PDT, UTC−7).
    expect(nextPacificMidnight(at('2026-01-15T12:00:00Z'))).toBe(at('2026-01-16T08:00:00Z'));
    expect(nextPacificMidnight(at('2026-07-01T12:00:00Z'))).toBe(at('2026-07-02T07:00:00Z'));
    // Just before and exactly at midnight: the coming one, a whole day on.
    expect(nextPacificMidnight(at('2026-07-02T06:59:59Z'))).toBe(at('2026-07-02T07:00:00Z'));
    expect(nextPacificMidnight(at('2026-07-02T07:00:00Z'))).toBe(at('2026-07-03T07:00:00Z'));
    // Spring forward (Sunday 8 March 2026, 02:00 → 03:00): before the change midnight is still
    // PST; that day has 23 hours, so the next midnight is PDT.
    expect(nextPacificMidnight(at('2026-03-08T07:30:00Z'))).toBe(at('2026-03-08T08:00:00Z'));
    expect(nextPacificMidnight(at('2026-03-08T08:00:00Z')) - at('2026-03-08T08:00:00Z')).toBe(23 * HOUR);
    expect(nextPacificMidnight(at('2026-03-08T09:30:00Z'))).toBe(at('2026-03-09T07:00:00Z'));
    // Fall back (Sunday 1 November 2026, 02:00 → 01:00): a 25-hour day.
    expect(nextPacificMidnight(at('2026-11-01T07:00:00Z')) - at('2026-11-01T07:00:00Z')).toBe(25 * HOUR);
    expect(nextPacificMidnight(at('2026-11-01T08:30:00Z'))).toBe(at('2026-11-02T08:00:00Z'));
    expect(nextPacificMidnight(at('2026-11-01T09:30:00Z'))).toBe(at('2026-11-02T08:00:00Z'));
    // Across New Year.
    expect(nextPacificMidnight(at('2027-01-01T05:00:00Z'))).toBe(at('2027-01-01T08:00:00Z'));
  });

  it('stops before the quota is gone, says it once, shows it in the shared ledger, and waits until the reset', async () => {
    const y = await fake();
    const video = y.addVideo();
    for (let i = 0; i < 150; i++) y.addThread(video, `reactie ${i}`);
    const ledger = createQuotaLedger(db.client, createKeys('youtube-quota'));
    const { log, lines } = captured('warn');
    const e = connectorEnv(log, { [KEY_VAR]: y.apiKey, YOUTUBE_API_KEY_EIK_YOUTUBE: y.apiKey }, { quota: ledger });
    // 6 units a day, 2 in reserve: 4 to spend, two fetches of two pages.
    const src = source(y, { dailyQuota: 6, quotaReserve: 2 });
    const c = createYoutubeConnector();
    expect((await c.fetch(src, null, e)).items).toHaveLength(150);
    expect((await createYoutubeConnector().fetch(src, null, e)).items).toHaveLength(150);
    expect(y.units()).toBe(4);
    expect(lines).toEqual([]);

    const asked = y.requests.length;
    const t = Date.now();
    const err = await failure(c.fetch(src, null, e));
    expect(err).toBeInstanceOf(RateLimitedError);
    const reset = nextPacificMidnight(t);
    expect((err as RateLimitedError).retryAfterMs).toBeLessThanOrEqual(reset - t);
    expect((err as RateLimitedError).retryAfterMs).toBeGreaterThan(reset - t - 5_000);
    expect(err!.message).toContain('linde-youtube');
    expect(y.requests.length).toBe(asked); // it did not ask
    expect(y.units()).toBe(4); // and never reached Google's limit
    expect(await ledger.used(y.apiKey, nextPacificMidnight(t))).toBe(4); // nor counted a unit it did not spend

    const stops = await ledger.stops();
    expect(stops).toEqual([{ source: 'linde-youtube', until: reset, reason: expect.stringContaining('middernacht Pacific-tijd') }]);
    expect(stops[0]!.reason).toContain('4 van de 6');
    // Asked again (the next tick, another worker): the same wait, not said again.
    expect(await failure(createYoutubeConnector().fetch(src, null, e))).toBeInstanceOf(RateLimitedError);
    const warned = lines.filter((l) => l.includes('dagquotum op'));
    expect(warned).toHaveLength(1);
    expect(JSON.parse(warned[0]!)).toMatchObject({ level: 40, source: 'linde-youtube', until: new Date(reset).toISOString() });
    // Another source with the same key spends from the same budget: it waits too.
    expect(await failure(createYoutubeConnector().fetch({ ...src, id: 'eik-youtube', school: 'eik' }, null, e))).toBeInstanceOf(RateLimitedError);
    expect((await ledger.stops()).map((s) => s.source)).toEqual(['eik-youtube', 'linde-youtube']);
    expect(y.requests.length).toBe(asked);
  });

  it("stops until the reset when Google says the quota is exceeded, and tells the ledger so the key's other sources do not ask", async () => {
    const y = await fake();
    const video = y.addVideo();
    for (let i = 0; i < 250; i++) y.addThread(video, `reactie ${i}`);
    y.setDailyQuota(2); // the project spent the rest elsewhere
    const ledger = createQuotaLedger(db.client, createKeys('youtube-exceeded'));
    const { log, lines } = captured('warn');
    const e = connectorEnv(log, { [KEY_VAR]: y.apiKey, YOUTUBE_API_KEY_ANDER: y.apiKey }, { quota: ledger });
    const t = Date.now();
    const err = await failure(createYoutubeConnector().fetch(source(y), null, e));
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBeGreaterThan(nextPacificMidnight(t) - t - 5_000);
    expect(threadCalls(y)).toHaveLength(3); // the third page was refused
    expect(y.units()).toBe(2);
    const [stop] = await ledger.stops();
    expect(stop).toMatchObject({ source: 'linde-youtube', until: nextPacificMidnight(t) });
    expect(stop!.reason).toContain('quotaExceeded');
    expect(await ledger.used(y.apiKey, nextPacificMidnight(t))).toBeGreaterThanOrEqual(10_000);
    expect(lines.filter((l) => l.includes('dagquotum op'))).toHaveLength(1);

    const asked = y.requests.length;
    expect(await failure(createYoutubeConnector().fetch({ ...source(y), id: 'ander' }, null, e))).toBeInstanceOf(RateLimitedError);
    expect(y.requests.length).toBe(asked);
  });

  it('counts in memory without the shared ledger, per connector instance', async () => {
    const y = await fake();
    y.addThread(y.addVideo(), 'een reactie');
    const c = createYoutubeConnector();
    const src = source(y, { dailyQuota: 3, quotaReserve: 1 });
    await c.fetch(src, null, env(y));
    await c.fetch(src, null, env(y));
    expect(await failure(c.fetch(src, null, env(y)))).toBeInstanceOf(RateLimitedError);
    expect(y.units()).toBe(2);
    const memory = createMemoryQuotaLedger();
    expect(await memory.stop({ source: 's', until: Date.now() + HOUR, reason: 'x' })).toBe(true);
    expect(await memory.stop({ source: 's', until: Date.now() + HOUR, reason: 'x' })).toBe(false);
  });
});

describe('YouTube connector: what the API refuses', () => {
  it('skips the further replies of a thread on a video whose comments were switched off, and keeps the rest', async () => {
    const y = await fake();
    const video = y.addVideo();
    const ok = y.addVideo();
    const thread = y.addThread(video, 'draad met veel antwoorden');
    const replies = Array.from({ length: 7 }, (_, i) => y.addReply(thread, `antwoord ${i}`));
    const elsewhere = y.addThread(ok, 'gewone reactie');
    // Switched off after the listing was made: comments.list refuses the replies.
    y.disableComments(video, { stillListed: true });
    const r = await createYoutubeConnector().fetch(source(y), null, env(y));
    expect(r.skipped).toEqual([{ id: `youtube:${thread}`, reason: expect.stringContaining('reacties bij deze video staan uit') }]);
    expect(ids(r).sort()).toEqual([thread, ...replies.slice(0, 5), elsewhere].map((id) => `youtube:${id}`).sort());

    // Once the listing knows, the video's comments are simply not there.
    y.disableComments(video);
    const later = await createYoutubeConnector().fetch(source(y), null, env(y));
    expect(ids(later)).toEqual([`youtube:${elsewhere}`]);
    expect(later.skipped).toEqual([]);
  });

  it('reads nothing, keeps its cursor and says why when the whole listing answers commentsDisabled', async () => {
    const y = await fake();
    y.addThread(y.addVideo(), 'een reactie');
    const c = createYoutubeConnector();
    const first = await c.fetch(source(y), null, env(y));
    y.failNext(
      403,
      googleError(403, 'The video identified by the <code>videoId</code> parameter has disabled comments.', 'commentsDisabled', 'youtube.commentThread'),
    );
    const { log, lines } = captured('warn');
    const r = await c.fetch(source(y), first.cursor, connectorEnv(log, { [KEY_VAR]: y.apiKey }));
    expect(r).toEqual({ items: [], cursor: first.cursor, skipped: [] });
    expect(lines.join('')).toContain('reacties staan uit');
  });

  it('starts the paging over once when a page token goes stale, and gives up the second time', async () => {
    const y = await fake();
    const video = y.addVideo();
    for (let i = 0; i < 250; i++) y.addThread(video, `reactie ${i}`);
    let served = 0;
    const staleAfterFirst: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (++served === 1) y.expirePageTokens();
      return res;
    };
    const r = await createYoutubeConnector().fetch(source(y), null, env(y, { fetch: staleAfterFirst }));
    expect(r.items).toHaveLength(250);
    expect(new Set(ids(r)).size).toBe(250);
    expect(threadCalls(y).map((q) => q.query.pageToken ?? 'first')).toEqual(['first', expect.any(String), 'first', expect.any(String), expect.any(String)]);

    const alwaysStale: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      y.expirePageTokens();
      return res;
    };
    const err = await failure(createYoutubeConnector().fetch(source(y), null, env(y, { fetch: alwaysStale })));
    expect((err as UitkijkError).code).toBe('CONNECTOR_BAD_RESPONSE');
    expect(err!.message).toContain('invalidPageToken');
  });

  it('turns a server error into CONNECTOR_UNAVAILABLE naming the source, without the key', async () => {
    const y = await fake();
    y.addThread(y.addVideo(), 'een reactie');
    y.failNext(503, googleError(503, 'The service is currently unavailable.', 'backendError', 'global'));
    const err = await failure(createYoutubeConnector().fetch(source(y), null, env(y)));
    expect((err as UitkijkError).code).toBe('CONNECTOR_UNAVAILABLE');
    expect(err!.message).toContain('linde-youtube');
    expect(err!.message).not.toContain(y.apiKey);
    expect(err!.message).not.toContain('key=');
  });

  it('stops on a refused key with a plain line naming the variable, never the key', async () => {
    const y = await fake();
    y.addThread(y.addVideo(), 'een reactie');
    const wrong = 'AIzaSyVerkeerdeSleutel1234567890';
    const invalid = await failure(createYoutubeConnector().fetch(source(y), null, env(y, {}, wrong)));
    expect((invalid as UitkijkError).code).toBe('CONNECTOR_AUTH');
    expect(invalid!.message).toContain(KEY_VAR);
    expect(invalid!.message).toContain('ongeldig');
    expect(invalid!.message).not.toContain(wrong);

    const disabled = 'AIzaSyProjectZonderYoutubeApi000000';
    y.addKey(disabled, { apiEnabled: false });
    const notEnabled = await failure(createYoutubeConnector().fetch(source(y), null, env(y, {}, disabled)));
    expect((notEnabled as UitkijkError).code).toBe('CONNECTOR_AUTH');
    expect(notEnabled!.message).toContain('YouTube Data API v3 staat niet aan');
    expect(notEnabled!.message).not.toContain(disabled);

    y.failNext(403, googleError(403, 'Requests to this API youtube method are blocked.', 'forbidden', 'global'));
    const blocked = await failure(createYoutubeConnector().fetch(source(y), null, env(y)));
    expect((blocked as UitkijkError).code).toBe('CONNECTOR_AUTH');
    expect(blocked!.message).toContain(KEY_VAR);

    const none = await failure(createYoutubeConnector().fetch(source(y), null, connectorEnv(silent)));
    expect((none as UitkijkError).code).toBe('CONNECTOR_AUTH');
    expect(none!.message).toContain(KEY_VAR);
  });

  it('skips an unreadable thread and an unreadable reply by id, keeps the others, and says so once', async () => {
    const y = await fake();
    const video = y.addVideo();
    const before = y.addThread(video, 'eerste');
    const bad = y.addMalformedThread(video);
    const thread = y.addThread(video, 'draad');
    const goodReply = y.addReply(thread, 'goed antwoord');
    const badReply = y.addReply(thread, 'kapot antwoord', { malformed: true });
    const { log, lines } = captured('info');
    const c = createYoutubeConnector();
    const r = await c.fetch(source(y), null, connectorEnv(log, { [KEY_VAR]: y.apiKey }));
    expect(ids(r).sort()).toEqual([before, thread, goodReply].map((id) => `youtube:${id}`).sort());
    expect(r.skipped).toEqual([
      { id: `youtube:${badReply}`, reason: 'onleesbare reactie' },
      { id: `youtube:${bad}`, reason: expect.stringContaining('onleesbare reactie') },
    ]);
    // Logs carry ids and counts only: no text, no URL with the key.
    const all = lines.join('\n');
    expect(all).not.toContain(y.apiKey);
    expect(all).not.toContain('goed antwoord');
    // The unreadable thread is still there the next time; it is not reported again.
    const next = await c.fetch(source(y), r.cursor, env(y));
    expect(next.skipped).toEqual([]);
  });
});

describe('YouTube connector: the digest look-up', () => {
  it('looks comments up again, 50 ids a call: a deleted one is gone, a live one present; an error says nothing', async () => {
    const y = await fake();
    const video = y.addVideo();
    const live = Array.from({ length: 55 }, (_, i) => y.addThread(video, `reactie ${i}`));
    const reply = y.addReply(live[0]!, 'antwoord');
    const gone = y.addThread(video, 'wordt verwijderd');
    y.remove(gone);
    const item = (cid: string): Item => sampleItem({ id: `youtube:${cid}`, source: 'linde-youtube', platform: 'youtube', school: 'linde' });
    const wanted = [...live, reply, gone].map(item);
    const answer = await createYoutubeConnector().stillThere!(source(y), [...wanted, sampleItem()], env(y));
    for (const cid of [...live, reply]) expect(answer.get(`youtube:${cid}`)).toBe(true);
    expect(answer.get(`youtube:${gone}`)).toBe(false);
    expect(answer.size).toBe(57);
    const lookups = replyCalls(y);
    expect(lookups.map((q) => q.query.id!.split(',').length)).toEqual([50, 7]);
    expect(lookups.every((q) => q.query.part === 'id')).toBe(true);

    y.failNext(503, googleError(503, 'Backend Error', 'backendError', 'global'));
    const unsure = await createYoutubeConnector().stillThere!(source(y), [item(live[0]!)], env(y));
    expect(unsure.has(`youtube:${live[0]}`)).toBe(false); // not knowing is not "gone"
    expect((await createYoutubeConnector().stillThere!(source(y), [item(live[0]!)], connectorEnv(silent))).size).toBe(0);
  });
});

describe('YouTube source end to end', () => {
  it("fetch → finding → e-mail: a threat under the school's video reaches the communications team; a kind one raises nothing", async () => {
    const y = await fake();
    const video = y.addVideo();
    const threat = y.addThread(video, 'als ik die gymleraar morgen zie sla ik hem in elkaar', { author: '@anoniem123' });
    y.addThread(video, 'wat een mooie open dag was het');
    const yaml = `
schools:
  - id: linde
    name: De Linde
    keywords: [De Linde]
    alertRecipients: [communicatie@linde.example.nl]
sources:
  - id: linde-youtube
    kind: youtube
    school: linde
    channelId: ${y.channelId}
    apiUrl: ${y.url}
    schedule: { every: 1h }
mail:
  from: uitkijk@linde.example.nl
`;
    await withPipeline({ yaml, deployment: 'youtube-e2e', env: { [KEY_VAR]: y.apiKey } }, async ({ ctx, smtp }) => {
      await ctx.queues.fetch.add('fetch', { source: 'linde-youtube' });
      const mail = await waitFor('the alert e-mail', () => smtp.received.find((x) => x.to.includes('communicatie@linde.example.nl')), 30_000);
      const parsed = await simpleParser(mail.raw);
      expect(parsed.subject).toMatch(/bedreiging.*De Linde, YouTube/);
      expect(parsed.text).toContain(`https://www.youtube.com/watch?v=${video}&lc=${threat}`);
      expect(parsed.text).toContain('A6');
      await drain(ctx.queues);
      expect(smtp.received.filter((x) => x.to.includes('communicatie@linde.example.nl'))).toHaveLength(1); // the kind one raised nothing
      // The units went through the shared ledger: as many as Google counted.
      expect(await ctx.quota.used(y.apiKey, nextPacificMidnight(Date.now()))).toBe(y.units());
      expect(await ctx.quota.stops()).toEqual([]);
    });
  }, 60_000);
});

describe('YouTube source out of quota in the running pipeline', () => {
  it('skips the ticks of a source that used up its quota, without a request and without piling up delayed jobs', async () => {
    const y = await fake();
    y.addThread(y.addVideo(), 'een gewone reactie');
    const yaml = `
schools:
  - id: linde
    name: De Linde
    keywords: [De Linde]
    alertRecipients: [communicatie@linde.example.nl]
sources:
  - id: linde-youtube
    kind: youtube
    school: linde
    channelId: ${y.channelId}
    apiUrl: ${y.url}
    dailyQuota: 2
    quotaReserve: 1
    schedule: { every: 1h }
mail:
  from: uitkijk@linde.example.nl
`;
    await withPipeline({ yaml, deployment: 'youtube-quota', env: { [KEY_VAR]: y.apiKey } }, async ({ ctx }) => {
      const skipped = async () => (await ctx.metrics.fetchSkipped.get()).values.find((v) => v.labels.reason === 'quota')?.value ?? 0;
      // The budget (2 − 1 in reserve) is one call: the first tick spends it.
      await ctx.queues.fetch.add('fetch', { source: 'linde-youtube' });
      await waitFor('the first tick done', () => ctx.store.getCursor('linde-youtube'), 30_000);
      expect(await ctx.quota.stopOf('linde-youtube')).toBeNull();
      const asked = y.requests.length;
      // The second finds the budget gone and stops the source; the third is skipped before the connector.
      for (const n of [1, 2]) {
        await ctx.queues.fetch.add('fetch', { source: 'linde-youtube' });
        await waitFor(`tick ${n + 1} skipped`, async () => (await skipped()) >= n, 30_000);
        expect((await ctx.quota.stopOf('linde-youtube'))?.until).toBe(nextPacificMidnight(Date.now()));
      }
      expect(await skipped()).toBe(2);
      expect(y.requests.length).toBe(asked);
      expect(await ctx.queues.fetch.getDelayedCount()).toBe(0);
    });
  }, 60_000);
});

runConnectorContract('youtube', async () => {
  const server = await startFakeYoutube();
  const video = server.addVideo();
  const first = server.addThread(video, 'contract reactie 0');
  server.addReply(first, 'contract antwoord');
  for (let i = 1; i < 3; i++) server.addThread(video, `contract reactie ${i}`);
  return {
    connector: () => createYoutubeConnector(),
    source: {
      id: 'contract',
      kind: 'youtube',
      school: 'linde',
      channelId: server.channelId,
      apiUrl: server.url,
      dailyQuota: 10_000,
      quotaReserve: 100,
      schedule: { every: '5m' },
    },
    env: connectorEnv(silent, { YOUTUBE_API_KEY_CONTRACT: server.apiKey }),
    requests: () => server.requests,
    addItem: async () => void server.addThread(video, 'nog een reactie'),
    addMalformedItem: async () => `youtube:${server.addMalformedThread(video)}`,
    teardown: () => server.close(),
  };
});
