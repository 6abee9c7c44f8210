// The Instagram connector against the same local Graph server as the Facebook one
// (test/support/fake-graph.ts): comments and replies over several pages (inlined and from the
// `/replies` edge), @username and the post's link, the school's own replies left out, only media
// whose comments_count changed read again (also after a restart), a deleted comment, the
// window, usage above 80%, throttling, an expired token and a missing permission per login
// type, malformed comments, which host each login type uses, the look-up before a digest and the
// connector contract (fetch → finding → e-mail runs in all-sources.test.ts).
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInstagramConnector, instagramGraphBase } from '../../connectors/instagram.ts';
import type { SourceOf } from '../../connectors/types.ts';
import { parseConfig } from '../../src/config/load.ts';
import { RateLimitedError, UitkijkError } from '../../src/errors.ts';
import { sampleItem } from '../store/sample.ts';
import { connectorEnv } from '../support/connector-env.ts';
import { graphError, startFakeGraph } from '../support/fake-graph.ts';
import type { FakeGraph } from '../support/fake-graph.ts';
import { runConnectorContract } from './contract.ts';

const log = pino({ level: 'silent' });
const TOKEN_VAR = 'INSTAGRAM_TOKEN_LINDE_INSTAGRAM';
const MINUTE = 60_000;
const DAY = 86_400_000;
let g: FakeGraph;
const source = (o: Partial<SourceOf<'instagram'>> = {}): SourceOf<'instagram'> => ({
  id: 'linde-instagram',
  kind: 'instagram',
  school: 'linde',
  userId: g.igUserId,
  login: 'instagram',
  apiVersion: 'v23.0',
  graphUrl: g.url,
  window: '14d',
  schedule: { every: '5m' },
  ...o,
});
const env = (token: string | undefined = g.igToken, logger = log) => connectorEnv(logger, { [TOKEN_VAR]: token });
function captured() {
  const lines: string[] = [];
  return { log: pino({ level: 'debug' }, { write: (l: string) => void lines.push(l) }), lines, text: () => lines.join('') };
}
const commentReads = (from = 0) => g.requests.slice(from).filter((r) => /\/comments$/.test(r.path));
const permalinkOf = (mediaId: string) => `https://www.instagram.com/p/C${mediaId.slice(-8)}x/`;

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

describe('Instagram connector', () => {
  withFakeGraph();

  it('reads comments and their replies over several pages, with @username and the post as link; not its own replies', async () => {
    g.inlineReplies = 3;
    const post = g.addMedia({ ageMs: DAY });
    const ids = Array.from({ length: 120 }, (_, i) => g.addIgComment(post, `reactie ${i}`, { ageMs: (200 - i) * MINUTE }));
    const thread = ids[119]!;
    const replies = Array.from({ length: 8 }, (_, i) =>
      g.addIgComment(post, `antwoord ${i}`, { replyTo: thread, username: 'een_ouder', ageMs: (20 - i) * MINUTE }),
    );
    const own = g.addIgComment(post, 'Bedankt!', { replyTo: thread, own: true, ageMs: MINUTE });
    const r = await createInstagramConnector().fetch(source(), null, env());
    expect(r.skipped).toEqual([]);
    expect(r.items).toHaveLength(120 + 8);
    expect(new Set(r.items.map((i) => i.id)).size).toBe(r.items.length);
    const byId = new Map(r.items.map((i) => [i.id, i]));
    // IG Comment has no permalink: the item links to the post it stands under.
    expect(byId.get(`instagram:${ids[5]}`)).toMatchObject({
      source: 'linde-instagram',
      platform: 'instagram',
      context: 'reply',
      school: 'linde',
      text: 'reactie 5',
      author: { handle: '@een_leerling' },
      url: permalinkOf(post),
      inReplyTo: permalinkOf(post),
      media: { kinds: [], count: 0 },
    });
    for (const id of replies) expect(byId.get(`instagram:${id}`)!.author.handle).toBe('@een_ouder');
    expect(byId.has(`instagram:${own}`)).toBe(false);
    expect(commentReads()).toHaveLength(3); // 50 + 50 + 20
    // Three replies inlined, the other six (one of them the school's) from the comment's replies edge.
    expect(g.requests.filter((q) => q.path === `/v23.0/${thread}/replies`)).toHaveLength(1);
  });

  it('reads only media whose comments_count changed, also after a restart; a deleted comment is gone', async () => {
    const [a, b, c] = [3, 2, 1].map((d) => g.addMedia({ ageMs: d * DAY }));
    const quiet = g.addMedia({ ageMs: 12 * 3_600_000 }); // no comments: nothing to read, ever
    const ca = [0, 1].map((i) => g.addIgComment(a!, `a${i}`, { ageMs: (10 - i) * MINUTE }));
    g.addIgComment(b!, 'b0', { ageMs: 9 * MINUTE });
    const cc = [0, 1].map((i) => g.addIgComment(c!, `c${i}`, { ageMs: (8 - i) * MINUTE }));
    const first = await createInstagramConnector().fetch(source(), null, env());
    expect(first.items).toHaveLength(5);
    expect(
      commentReads()
        .map((q) => q.path)
        .sort(),
    ).toEqual([a, b, c].map((m) => `/v23.0/${m}/comments`).sort());
    expect(Object.keys((JSON.parse(first.cursor!) as { media: object }).media).sort()).toEqual([a, b, c].sort());

    let mark = g.requests.length;
    const same = await createInstagramConnector().fetch(source(), first.cursor, env());
    expect(same.items).toEqual([]);
    expect(commentReads(mark)).toEqual([]); // nothing changed: no comments read at all

    const fresh = g.addIgComment(b!, 'een nieuwe reactie');
    const answer = g.addIgComment(a!, 'een antwoord op een oude reactie', { replyTo: ca[0] });
    g.removeIgComment(cc[0]!);
    mark = g.requests.length;
    const restarted = createInstagramConnector();
    const next = await restarted.fetch(source(), same.cursor, env());
    expect(next.items.map((i) => i.id).sort()).toEqual([`instagram:${fresh}`, `instagram:${answer}`].sort());
    expect(
      commentReads(mark)
        .map((q) => q.path)
        .sort(),
    ).toEqual([a, b, c].map((m) => `/v23.0/${m}/comments`).sort()); // c's count went down: read, nothing new
    expect(g.requests.slice(mark).some((q) => q.path.includes(quiet))).toBe(false);

    mark = g.requests.length;
    expect((await restarted.fetch(source(), next.cursor, env())).items).toEqual([]);
    expect(commentReads(mark)).toEqual([]);
    const all = await createInstagramConnector().fetch(source(), null, env());
    expect(all.items.some((i) => i.id === `instagram:${cc[0]}`)).toBe(false);
    expect(all.items).toHaveLength(6);
  });

  it('reads only media younger than the window', async () => {
    const old = g.addMedia({ ageMs: 20 * DAY });
    g.addIgComment(old, 'reactie op een oud bericht');
    const recent = g.addMedia({ ageMs: DAY });
    const fresh = g.addIgComment(recent, 'reactie op een recent bericht');
    const r = await createInstagramConnector().fetch(source(), null, env());
    expect(r.items.map((i) => i.id)).toEqual([`instagram:${fresh}`]);
    expect(g.requests.some((q) => q.path.includes(old))).toBe(false);
    const later = await createInstagramConnector({ now: () => Date.now() + 15 * DAY }).fetch(source(), r.cursor, env());
    expect(JSON.parse(later.cursor!)).toEqual({ media: {} });
  });

  it('above 80% usage stops early with a cursor for what it read to the end; throttling and 429 delay this source', async () => {
    const older = g.addMedia({ ageMs: 2 * DAY });
    for (let i = 0; i < 60; i++) g.addIgComment(older, `oud ${i}`, { ageMs: (100 - i) * MINUTE });
    const newer = g.addMedia({ ageMs: DAY });
    g.addIgComment(newer, 'nieuw');
    // 1 username, 2 media, 3 the newer media's comments, 4 the older's first page: there usage is at 90%.
    g.setUsage({ percent: 90, after: 3 });
    const c = captured();
    const cut = await createInstagramConnector().fetch(source(), null, env(g.igToken, c.log));
    expect(cut.items).toHaveLength(1 + 50);
    expect(Object.keys((JSON.parse(cut.cursor!) as { media: object }).media)).toEqual([newer]);
    expect(c.text()).toContain('boven 80%');
    g.setUsage({ percent: 3 });
    const rest = await createInstagramConnector().fetch(source(), cut.cursor, env());
    expect(rest.items).toHaveLength(60);

    for (const code of [4, 80002]) {
      const regain = { [g.igUserId]: [{ type: 'instagram', call_count: 100, total_cputime: 10, total_time: 10, estimated_time_to_regain_access: 12 }] };
      g.failNext(400, graphError(code, `(#${code}) Application request limit reached`), { 'x-business-use-case-usage': JSON.stringify(regain) });
      const err = await createInstagramConnector()
        .fetch(source(), null, env())
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RateLimitedError);
      expect((err as RateLimitedError).retryAfterMs).toBe(12 * MINUTE);
      expect((err as Error).message).toContain('linde-instagram');
    }
    g.failNext(429, { error: 'Too Many Requests' }, { 'retry-after': '90' }, /\/media$/);
    const http429 = await createInstagramConnector()
      .fetch(source(), null, env())
      .catch((e: unknown) => e);
    expect((http429 as RateLimitedError).retryAfterMs).toBe(90_000);
  });

  it('stops on an expired token naming the variable, and names the permissions of its login type', async () => {
    g.addMedia();
    g.expire(g.igToken);
    const err = await createInstagramConnector()
      .fetch(source(), null, env())
      .catch((e: unknown) => e);
    expect((err as UitkijkError).code).toBe('CONNECTOR_AUTH');
    expect((err as Error).message).toContain(TOKEN_VAR);
    expect((err as Error).message).toContain('190');
    expect((err as Error).message).not.toContain(g.igToken);
    const none = await createInstagramConnector()
      .fetch(source(), null, connectorEnv(log))
      .catch((e: unknown) => e);
    expect((none as UitkijkError).code).toBe('CONNECTOR_AUTH');
    expect((none as Error).message).toContain(TOKEN_VAR);

    const again = await startFakeGraph();
    try {
      for (const [login, permission] of [
        ['instagram', 'instagram_business_manage_comments'],
        ['facebook', 'instagram_manage_comments'],
      ] as const) {
        again.failNext(403, graphError(10, '(#10) Application does not have permission for this action'));
        const denied = await createInstagramConnector()
          .fetch(source({ login, graphUrl: again.url }), null, env(again.igToken))
          .catch((e: unknown) => e);
        expect((denied as UitkijkError).code).toBe('CONNECTOR_AUTH');
        expect((denied as Error).message).toContain(permission);
        expect((denied as Error).message).toContain(TOKEN_VAR);
      }
    } finally {
      expect(again.requests.every((q) => q.method === 'GET')).toBe(true);
      await again.close();
    }
  });

  it('skips a malformed comment by its id and keeps the rest; a 5xx is CONNECTOR_UNAVAILABLE; logs ids only', async () => {
    const post = g.addMedia();
    const good = g.addIgComment(post, 'jij bent echt een loser Sanne', { username: 'piet.jansen' });
    const broken = g.addMalformedIgComment(post);
    const c = captured();
    const r = await createInstagramConnector().fetch(source(), null, env(g.igToken, c.log));
    expect(r.items.map((i) => i.id)).toEqual([`instagram:${good}`]);
    expect(r.skipped.map((k) => k.id)).toEqual([`instagram:${broken}`]);
    expect(r.skipped[0]!.reason).toMatch(/timestamp/);
    expect(r.items[0]!.author).toEqual({ handle: '@piet.jansen' });
    for (const secret of ['loser', 'piet.jansen', g.igToken, 'access_token']) expect(c.text()).not.toContain(secret);

    g.failNext(502, graphError(1, 'An unknown error occurred'));
    const err = await createInstagramConnector()
      .fetch(source(), null, env())
      .catch((e: unknown) => e);
    expect((err as UitkijkError).code).toBe('CONNECTOR_UNAVAILABLE');
    expect((err as Error).message).toContain('linde-instagram');
  });

  it('looks comments up again for the digest: a deleted one is gone, a live one there, an unsure one left out', async () => {
    const post = g.addMedia();
    const keep = g.addIgComment(post, 'deze blijft staan');
    const drop = g.addIgComment(post, 'deze wordt verwijderd');
    g.removeIgComment(drop);
    const item = (cid: string) => sampleItem({ id: `instagram:${cid}`, source: 'linde-instagram', platform: 'instagram', school: 'linde' });
    const answer = await createInstagramConnector().stillThere!(source(), [item(keep), item(drop)], env());
    expect(answer.get(item(keep).id)).toBe(true);
    expect(answer.get(item(drop).id)).toBe(false);
    g.failNext(500, graphError(2, 'Service temporarily unavailable'));
    const unsure = await createInstagramConnector().stillThere!(source(), [item(keep)], env());
    expect(unsure.has(item(keep).id)).toBe(false);
  });
});

describe('Instagram host by login type', () => {
  it('uses graph.instagram.com for Instagram login, graph.facebook.com for Facebook login, and graphUrl above both', () => {
    expect(instagramGraphBase({ login: 'instagram' })).toBe('https://graph.instagram.com');
    expect(instagramGraphBase({ login: 'facebook' })).toBe('https://graph.facebook.com');
    expect(instagramGraphBase({ login: 'facebook', graphUrl: 'http://127.0.0.1:9999/' })).toBe('http://127.0.0.1:9999');
    // As the config leaves it: login defaults to instagram, graphUrl stays unset.
    const config = parseConfig(
      `
schools:
  - id: linde
    name: De Linde
    keywords: [De Linde]
    alertRecipients: [communicatie@linde.example.nl]
sources:
  - { id: ig-a, kind: instagram, school: linde, userId: '17841400000000001', schedule: { every: 1h } }
  - { id: ig-b, kind: instagram, school: linde, userId: '17841400000000001', login: facebook, schedule: { every: 1h } }
mail:
  from: uitkijk@linde.example.nl
`,
      'instagram.yaml',
    );
    const [a, b] = config.sources.filter((s) => s.kind === 'instagram');
    expect(instagramGraphBase(a!)).toBe('https://graph.instagram.com');
    expect(instagramGraphBase(b!)).toBe('https://graph.facebook.com');
  });
});

runConnectorContract('instagram', async () => {
  const server = await startFakeGraph();
  const post = server.addMedia({ ageMs: DAY });
  for (let i = 0; i < 3; i++) server.addIgComment(post, `contract reactie ${i}`, { ageMs: (3 - i) * MINUTE });
  return {
    connector: () => createInstagramConnector(),
    source: {
      id: 'contract',
      kind: 'instagram',
      school: 'linde',
      userId: server.igUserId,
      login: 'instagram',
      apiVersion: 'v23.0',
      graphUrl: server.url,
      window: '14d',
      schedule: { every: '5m' },
    },
    env: connectorEnv(log, { INSTAGRAM_TOKEN_CONTRACT: server.igToken }),
    requests: () => server.requests,
    addItem: async () => void server.addIgComment(post, 'nog een reactie'),
    addMalformedItem: async () => `instagram:${server.addMalformedIgComment(post)}`,
    teardown: () => server.close(),
  };
});
