// The Facebook Page connector against a local server that answers as Meta's Graph API does
// (test/support/fake-graph.ts): comments and replies on the Page's recent posts over several
// pages, authors with and without `from`, media kinds, the window, the stored cursor (also after
// a restart), an edited and a deleted comment, Meta's usage headers above 80%, throttling
// codes and 429, a 5xx, an expired token and a missing permission, malformed comments, the
// look-up before a digest, and the connector contract every connector keeps (fetch → finding →
// e-mail runs in all-sources.test.ts).
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UNKNOWN_AUTHOR, attachmentKind, createFacebookConnector } from '../../connectors/facebook.ts';
import type { SourceOf } from '../../connectors/types.ts';
import { RateLimitedError, UitkijkError } from '../../src/errors.ts';
import { sampleItem } from '../store/sample.ts';
import { connectorEnv } from '../support/connector-env.ts';
import { graphError, startFakeGraph } from '../support/fake-graph.ts';
import type { FakeGraph } from '../support/fake-graph.ts';
import { runConnectorContract } from './contract.ts';

const log = pino({ level: 'silent' });
const TOKEN_VAR = 'FACEBOOK_PAGE_TOKEN_LINDE_FACEBOOK';
const MINUTE = 60_000;
const DAY = 86_400_000;
let g: FakeGraph;
const source = (o: Partial<SourceOf<'facebook'>> = {}): SourceOf<'facebook'> => ({
  id: 'linde-facebook',
  kind: 'facebook',
  school: 'linde',
  pageId: g.pageId,
  apiVersion: 'v23.0',
  graphUrl: g.url,
  window: '14d',
  schedule: { every: '5m' },
  ...o,
});
const env = (token: string | undefined = g.pageToken, logger = log) => connectorEnv(logger, { [TOKEN_VAR]: token });
/** A logger that keeps every line it writes, to check what was (and was not) logged. */
function captured() {
  const lines: string[] = [];
  return { log: pino({ level: 'debug' }, { write: (l: string) => void lines.push(l) }), lines, text: () => lines.join('') };
}
const commentsOf = (postId: string) => g.requests.filter((r) => r.path === `/v23.0/${postId}/comments`).length;

/** A fresh fake Graph server for every test of the calling block. */
function withFakeGraph() {
  beforeEach(async () => {
    g = await startFakeGraph();
  });
  afterEach(async () => {
    // The connector only reads: any request that is not a GET fails the test that made it.
    expect(g.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    await g.close();
  });
}

describe('Facebook Page connector', () => {
  withFakeGraph();

  it('reads the comments and replies on the recent posts over several pages, with author, media, link and post', async () => {
    const busy = g.addPost({ ageMs: 2 * DAY });
    for (let i = 0; i < 230; i++) g.addComment(busy, `reactie nummer ${i}`, { ageMs: (230 - i) * 1000 });
    const post = g.addPost({ ageMs: DAY });
    const top = g.addComment(post, 'Wie heeft dit georganiseerd?', { ageMs: 10 * MINUTE });
    const reply = g.addComment(post, 'Die conciërge is een sukkel', { parent: top, ageMs: 9 * MINUTE });
    const hidden = g.addComment(post, 'zonder naam', { from: null, ageMs: 8 * MINUTE });
    const photo = g.addComment(post, 'kijk', { attachment: 'photo', ageMs: 7 * MINUTE });
    const video = g.addComment(post, 'filmpje', { attachment: 'video_inline', ageMs: 6 * MINUTE });
    const link = g.addComment(post, 'lees dit', { attachment: 'share', ageMs: 5 * MINUTE });
    const sticker = g.addComment(post, 'haha', { attachment: 'sticker', ageMs: 4 * MINUTE });
    const gif = g.addComment(post, 'gif', { attachment: 'animated_image_share', ageMs: 3 * MINUTE });
    const own = g.addComment(post, 'Bedankt allemaal!', { byPage: true, ageMs: 2 * MINUTE });
    for (let i = 0; i < 26; i++) g.addPost({ ageMs: i * MINUTE }); // two pages of posts, no comments

    const r = await createFacebookConnector().fetch(source(), null, env());
    expect(r.skipped).toEqual([]);
    expect(r.items).toHaveLength(230 + 8);
    expect(new Set(r.items.map((i) => i.id)).size).toBe(r.items.length);
    const byId = new Map(r.items.map((i) => [i.id, i]));
    const postUrl = `https://www.facebook.com/${g.pageId}/posts/${post.split('_')[1]}`;
    // With filter=stream the reply comes too; its own permalink, the post as what it answers.
    expect(byId.get(`facebook:${reply}`)).toMatchObject({
      source: 'linde-facebook',
      platform: 'facebook',
      context: 'reply',
      school: 'linde',
      text: 'Die conciërge is een sukkel',
      author: { handle: 'Een Ouder' },
      url: `${postUrl}?comment_id=${top.split('_')[1]}&reply_comment_id=${reply.split('_')[1]}`,
      inReplyTo: postUrl,
      media: { kinds: [], count: 0 },
    });
    expect(byId.get(`facebook:${reply}`)!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
    // Meta leaves `from` out when the token may not see the author: no name at all, a placeholder handle.
    expect(byId.get(`facebook:${hidden}`)!.author).toEqual({ handle: UNKNOWN_AUTHOR });
    expect(byId.get(`facebook:${photo}`)!.media).toEqual({ kinds: ['image'], count: 1 });
    expect(byId.get(`facebook:${video}`)!.media).toEqual({ kinds: ['video'], count: 1 });
    expect(byId.get(`facebook:${link}`)!.media).toEqual({ kinds: ['link'], count: 1 });
    expect(byId.get(`facebook:${sticker}`)!.media).toEqual({ kinds: ['image'], count: 1 });
    expect(byId.get(`facebook:${gif}`)!.media).toEqual({ kinds: ['image'], count: 1 });
    expect(byId.has(`facebook:${own}`)).toBe(false); // the school's own reply is not a reaction to it
    // Three pages of 100 comments on the busy post, two pages of 25 posts.
    expect(commentsOf(busy)).toBe(3);
    expect(g.requests.filter((q) => q.path === `/v23.0/${g.pageId}/posts`)).toHaveLength(2);
  });

  it('reads only posts younger than the window', async () => {
    const old = g.addPost({ ageMs: 20 * DAY });
    g.addComment(old, 'reactie op een oud bericht', { ageMs: 20 * DAY });
    const recent = g.addPost({ ageMs: 2 * DAY });
    const fresh = g.addComment(recent, 'reactie op een recent bericht');
    const r = await createFacebookConnector().fetch(source(), null, env());
    expect(r.items.map((i) => i.id)).toEqual([`facebook:${fresh}`]);
    expect(commentsOf(old)).toBe(0);
    const narrow = await createFacebookConnector().fetch(source({ window: '1d' }), null, env());
    expect(narrow.items).toEqual([]);
    expect(commentsOf(recent)).toBe(1); // only the first fetch read it
  });

  it('with its cursor reads only what is new, also after a restart; an edited comment keeps its id, a deleted one is gone', async () => {
    const post = g.addPost({ ageMs: DAY });
    const ids = Array.from({ length: 150 }, (_, i) => g.addComment(post, `reactie ${i}`, { ageMs: (150 - i) * MINUTE }));
    const first = await createFacebookConnector().fetch(source(), null, env());
    expect(first.items).toHaveLength(150);
    // Only what this connector knows: per post the newest time seen. No Graph cursor is kept.
    const stored = JSON.parse(first.cursor!) as { posts: Record<string, { t: string; ids: string[] }> };
    expect(Object.keys(stored.posts)).toEqual([post]);
    expect(stored.posts[post]!.ids).toEqual([ids[149]]);
    expect(first.cursor).not.toMatch(/after|before|paging/);

    g.editComment(ids[149]!, 'aangepaste tekst');
    g.removeComment(ids[10]!);
    const before = commentsOf(post);
    const again = await createFacebookConnector().fetch(source(), first.cursor, env());
    expect(again.items).toEqual([]);
    expect(commentsOf(post) - before).toBe(1); // newest first: the first page held nothing newer, so it stopped

    const fresh = g.addComment(post, 'een nieuwe reactie');
    const answer = g.addComment(post, 'een antwoord op een oude reactie', { parent: ids[3] });
    const restarted = createFacebookConnector();
    const next = await restarted.fetch(source(), again.cursor, env());
    expect(next.items.map((i) => i.id).sort()).toEqual([`facebook:${fresh}`, `facebook:${answer}`].sort());
    expect((await restarted.fetch(source(), next.cursor, env())).items).toEqual([]);

    const all = await createFacebookConnector().fetch(source(), null, env());
    expect(all.items.find((i) => i.id === `facebook:${ids[149]}`)?.text).toBe('aangepaste tekst');
    expect(all.items.some((i) => i.id === `facebook:${ids[10]}`)).toBe(false);

    // A post that falls out of the window leaves the cursor, which stays small.
    const later = await createFacebookConnector({ now: () => Date.now() + 15 * DAY }).fetch(source(), next.cursor, env());
    expect(JSON.parse(later.cursor!)).toEqual({ posts: {} });
  });

  it('above 80% of a Graph usage budget stops early: what it read, a cursor for the posts read to the end, a warning', async () => {
    const older = g.addPost({ ageMs: 2 * DAY });
    const olderIds = Array.from({ length: 150 }, (_, i) => g.addComment(older, `reactie ${i}`, { ageMs: (200 - i) * MINUTE }));
    const newer = g.addPost({ ageMs: DAY });
    const newerIds = [0, 1, 2].map((i) => g.addComment(newer, `nieuw ${i}`, { ageMs: (3 - i) * MINUTE }));
    // Request 1 lists the posts, 2 reads the newer post to the end, 3 the first page of the older: there usage is at 85%.
    g.setUsage({ percent: 85, after: 2 });
    const c = captured();
    const cut = await createFacebookConnector().fetch(source(), null, env(g.pageToken, c.log));
    expect(cut.items).toHaveLength(3 + 100);
    expect(g.requests).toHaveLength(3);
    const stored = JSON.parse(cut.cursor!) as { posts: Record<string, unknown> };
    expect(Object.keys(stored.posts)).toEqual([newer]); // the older post was cut short: not covered
    expect(c.text()).toContain('boven 80%');

    g.setUsage({ percent: 5 });
    const rest = await createFacebookConnector().fetch(source(), cut.cursor, env());
    const got = new Set(rest.items.map((i) => i.id));
    for (const id of olderIds) expect(got.has(`facebook:${id}`)).toBe(true);
    for (const id of newerIds) expect(got.has(`facebook:${id}`)).toBe(false);

    // Already high while listing the posts (X-App-Usage this time): nothing read, the cursor unchanged.
    for (let i = 0; i < 30; i++) g.addPost({ ageMs: i * MINUTE });
    g.setUsage({ percent: 95, header: 'app' });
    const none = await createFacebookConnector().fetch(source(), rest.cursor, env());
    expect(none).toEqual({ items: [], cursor: rest.cursor, skipped: [] });
  });

  it('throttling (codes 4, 17, 32, 613, 80001) delays this source by the time Meta gives, 15 minutes otherwise; 429 by Retry-After', async () => {
    const post = g.addPost();
    g.addComment(post, 'een reactie');
    for (const code of [4, 17, 32, 613, 80001]) {
      const regain = { [g.pageId]: [{ type: 'pages', call_count: 100, total_cputime: 30, total_time: 30, estimated_time_to_regain_access: 7 }] };
      g.failNext(400, graphError(code, `(#${code}) Application request limit reached`), { 'x-business-use-case-usage': JSON.stringify(regain) });
      const err = await createFacebookConnector()
        .fetch(source(), null, env())
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RateLimitedError);
      expect((err as RateLimitedError).retryAfterMs).toBe(7 * MINUTE);
      expect((err as Error).message).toContain('linde-facebook');
    }
    g.failNext(400, graphError(17, '(#17) User request limit reached'), {}, /\/comments$/);
    const plain = await createFacebookConnector()
      .fetch(source(), null, env())
      .catch((e: unknown) => e);
    expect((plain as RateLimitedError).retryAfterMs).toBe(15 * MINUTE);
    g.failNext(429, { error: 'Too Many Requests' }, { 'retry-after': '30' });
    const http429 = await createFacebookConnector()
      .fetch(source(), null, env())
      .catch((e: unknown) => e);
    expect((http429 as RateLimitedError).retryAfterMs).toBe(30_000);
    // Only that source waits: another one reads on.
    const other = await createFacebookConnector().fetch(
      source({ id: 'andere-pagina' }),
      null,
      connectorEnv(log, { FACEBOOK_PAGE_TOKEN_ANDERE_PAGINA: g.pageToken }),
    );
    expect(other.items).toHaveLength(1);
  });

  it('turns a server error into CONNECTOR_UNAVAILABLE naming the source', async () => {
    g.addPost();
    g.failNext(500, graphError(2, 'An unexpected error has occurred. Please retry your request later.', { type: 'OAuthException' }));
    const err = await createFacebookConnector()
      .fetch(source(), null, env())
      .catch((e: unknown) => e);
    expect((err as UitkijkError).code).toBe('CONNECTOR_UNAVAILABLE');
    expect((err as Error).message).toContain('linde-facebook');
    g.failNext(503, '<html>Service Unavailable</html>');
    const html = await createFacebookConnector()
      .fetch(source(), null, env())
      .catch((e: unknown) => e);
    expect((html as UitkijkError).code).toBe('CONNECTOR_UNAVAILABLE');
  });

  it('stops on an expired or missing token with a line naming the variable, never the token', async () => {
    g.addPost();
    g.expire(g.pageToken);
    const err = await createFacebookConnector()
      .fetch(source(), null, env())
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UitkijkError);
    expect((err as UitkijkError).code).toBe('CONNECTOR_AUTH');
    expect((err as Error).message).toContain(TOKEN_VAR);
    expect((err as Error).message).toContain('190');
    expect((err as Error).message).toMatch(/vernieuw/i);
    expect((err as Error).message).not.toContain(g.pageToken);
    const invalid = await createFacebookConnector()
      .fetch(source(), null, env('geen-echt-token'))
      .catch((e: unknown) => e);
    expect((invalid as UitkijkError).code).toBe('CONNECTOR_AUTH');
    expect((invalid as Error).message).not.toContain('geen-echt-token');
    const none = await createFacebookConnector()
      .fetch(source(), null, connectorEnv(log))
      .catch((e: unknown) => e);
    expect((none as UitkijkError).code).toBe('CONNECTOR_AUTH');
    expect((none as Error).message).toContain(TOKEN_VAR);
  });

  it('names the permissions the token lacks (codes 10 and 200–299); an unknown Page is a bad response pointing at pageId', async () => {
    g.addPost();
    for (const code of [10, 200, 299]) {
      g.failNext(403, graphError(code, `(#${code}) This endpoint requires the 'pages_read_engagement' permission`));
      const err = await createFacebookConnector()
        .fetch(source(), null, env())
        .catch((e: unknown) => e);
      expect((err as UitkijkError).code).toBe('CONNECTOR_AUTH');
      expect((err as Error).message).toContain('pages_read_engagement');
      expect((err as Error).message).toContain('pages_read_user_content');
      expect((err as Error).message).toContain(TOKEN_VAR);
    }
    const unknown = await createFacebookConnector()
      .fetch(source({ pageId: '999999999' }), null, env())
      .catch((e: unknown) => e);
    expect((unknown as UitkijkError).code).toBe('CONNECTOR_BAD_RESPONSE');
    expect((unknown as Error).message).toContain("'pageId'");
  });

  it('skips a malformed comment by its id with a reason, keeps the rest, and logs ids only', async () => {
    const post = g.addPost();
    const good = g.addComment(post, 'Die juf Sanne is echt dom', { from: { id: '5001', name: 'Piet Jansen' } });
    const empty = g.addMalformedComment(post, 'empty');
    const broken = g.addMalformedComment(post, 'time');
    const bare = g.addComment(post, '', { attachment: 'photo' });
    const c = captured();
    const r = await createFacebookConnector().fetch(source(), null, env(g.pageToken, c.log));
    expect(r.items.map((i) => i.id)).toEqual([`facebook:${good}`]);
    const reasons = new Map(r.skipped.map((s) => [s.id, s.reason]));
    expect(reasons.get(`facebook:${empty}`)).toMatch(/zonder tekst/);
    expect(reasons.get(`facebook:${broken}`)).toMatch(/created_time/);
    expect(reasons.get(`facebook:${bare}`)).toMatch(/bijlage/);
    expect(c.lines.length).toBeGreaterThan(0);
    for (const secret of ['juf Sanne', 'Piet Jansen', g.pageToken, 'access_token']) expect(c.text()).not.toContain(secret);
  });

  it('looks comments up again for the digest: a deleted one is gone, a live one there, an unsure one left out', async () => {
    const post = g.addPost();
    const keep = g.addComment(post, 'deze blijft staan');
    const drop = g.addComment(post, 'deze wordt verwijderd');
    g.removeComment(drop);
    const item = (cid: string) => sampleItem({ id: `facebook:${cid}`, source: 'linde-facebook', platform: 'facebook', school: 'linde' });
    const answer = await createFacebookConnector().stillThere!(source(), [item(keep), item(drop)], env());
    expect(answer.get(item(keep).id)).toBe(true);
    expect(answer.get(item(drop).id)).toBe(false);
    expect(g.requests.every((q) => q.method === 'GET')).toBe(true);
    g.failNext(503, graphError(2, 'Service temporarily unavailable'));
    const unsure = await createFacebookConnector().stillThere!(source(), [item(keep)], env());
    expect(unsure.has(item(keep).id)).toBe(false); // not knowing is not "gone"
    // "Does not exist" is also what Meta says to a token that may not look: not trusted when the Page cannot be read either.
    g.failNext(400, graphError(190, 'Error validating access token'), {}, new RegExp(`/${g.pageId}$`));
    const blind = await createFacebookConnector().stillThere!(source(), [item(drop)], env());
    expect(blind.has(item(drop).id)).toBe(false);
  });

  it('never follows a redirect to another host: the token stays with the Graph host', async () => {
    g.addPost();
    const elsewhere = `${g.url.replace('127.0.0.1', 'localhost')}/steal`; // another origin, the same server
    g.failNext(302, {}, { location: elsewhere });
    const err = await createFacebookConnector()
      .fetch(source(), null, env())
      .catch((e: unknown) => e);
    expect((err as UitkijkError).code).toBe('CONNECTOR_UNAVAILABLE');
    expect((err as Error).message).toContain('doorverwijzing');
    expect((err as Error).message).not.toContain(g.pageToken);
    expect(g.requests.some((q) => q.path === '/steal')).toBe(false);
  });

  it('maps attachment types to media kinds', () => {
    expect(['photo', 'sticker', 'animated_image_share', 'animated_image_video'].map(attachmentKind)).toEqual(['image', 'image', 'image', 'image']);
    expect(['video_inline', 'video_autoplay', 'share', 'note', undefined].map(attachmentKind)).toEqual(['video', 'video', 'link', 'other', 'other']);
  });
});

runConnectorContract('facebook', async () => {
  const server = await startFakeGraph();
  const post = server.addPost({ ageMs: DAY });
  for (let i = 0; i < 3; i++) server.addComment(post, `contract reactie ${i}`, { ageMs: (3 - i) * MINUTE });
  return {
    connector: () => createFacebookConnector(),
    source: {
      id: 'contract',
      kind: 'facebook',
      school: 'linde',
      pageId: server.pageId,
      apiVersion: 'v23.0',
      graphUrl: server.url,
      window: '14d',
      schedule: { every: '5m' },
    },
    env: connectorEnv(log, { FACEBOOK_PAGE_TOKEN_CONTRACT: server.pageToken }),
    requests: () => server.requests,
    addItem: async () => void server.addComment(post, 'nog een reactie'),
    addMalformedItem: async () => `facebook:${server.addMalformedComment(post)}`,
    teardown: () => server.close(),
  };
});
