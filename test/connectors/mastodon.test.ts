// The Mastodon connector against a local server that answers as Mastodon's API does
// (test/support/fake-mastodon.ts): mentions over several pages, reply or mention by
// in_reply_to_account_id, HTML to text, media kinds, the cursor, an edited and a deleted status,
// rate limits (429 until X-RateLimit-Reset, stopping early when few requests remain), an
// expired token, and the connector contract every connector keeps.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMastodonConnector, nextLink } from '../../connectors/mastodon.ts';
import type { SourceOf } from '../../connectors/types.ts';
import { RateLimitedError, UitkijkError } from '../../src/errors.ts';
import { connectorEnv } from '../support/connector-env.ts';
import { startFakeMastodon } from '../support/fake-mastodon.ts';
import type { FakeMastodon } from '../support/fake-mastodon.ts';
import { runConnectorContract } from './contract.ts';
import { withPipeline } from '../support/end-to-end.ts';
import { sampleItem } from '../store/sample.ts';
import { simpleParser } from 'mailparser';
import { drain, waitFor } from '../support/wait.ts';

const log = pino({ level: 'silent' });
let m: FakeMastodon;
const source = (): SourceOf<'mastodon'> => ({ id: 'linde-mastodon', kind: 'mastodon', school: 'linde', instance: m.url, schedule: { every: '5m' } });
const env = (token: string | undefined = m.token) => connectorEnv(log, { MASTODON_TOKEN_LINDE_MASTODON: token });

beforeAll(async () => {
  m = await startFakeMastodon();
});
afterAll(async () => m?.close());

describe('Mastodon connector', () => {
  it('reads every mention over several pages, with reply or mention, plain text, author and media', async () => {
    const reply = m.addMention('Jullie conciërge is echt een <b>sukkel</b> & dat weet iedereen', { replyToSchool: true, media: ['image', 'video'] });
    const mention = m.addMention('die school doet niks aan pesten', { by: 'ouder' });
    m.addFavourite();
    for (let i = 0; i < 170; i++) m.addMention(`reactie nummer ${i}`);
    const r = await createMastodonConnector().fetch(source(), null, env());
    expect(r.items).toHaveLength(172);
    expect(new Set(r.items.map((i) => i.id)).size).toBe(172);
    const host = new URL(m.url).host;
    const byId = new Map(r.items.map((i) => [i.id, i]));
    expect(byId.get(`mastodon:${host}:${reply}`)).toMatchObject({
      context: 'reply',
      platform: 'mastodon',
      text: '@delinde Jullie conciërge is echt een <b>sukkel</b> & dat weet iedereen',
      author: { handle: '@leerling@andere.example', displayName: 'Een leerling' },
      media: { kinds: ['image', 'video'], count: 2 },
      url: `${m.url}/@leerling/${reply}`,
    });
    expect(byId.get(`mastodon:${host}:${mention}`)!.context).toBe('mention');
    // Three pages of at most 80, following Link rel="next"; every request a GET.
    const pages = m.requests.filter((q) => q.path === '/api/v1/notifications');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(m.requests.every((q) => q.method === 'GET')).toBe(true);
  });

  it('with its cursor reads only what is new; an edited status keeps its id, a deleted one is gone', async () => {
    const c = createMastodonConnector();
    const first = await c.fetch(source(), null, env());
    const edited = first.items[0]!;
    m.edit(edited.id.split(':').pop()!, 'aangepaste tekst');
    const removed = first.items[1]!;
    m.remove(removed.id.split(':').pop()!);
    expect((await c.fetch(source(), first.cursor, env())).items).toEqual([]);
    const fresh = m.addMention('een nieuwe reactie');
    const next = await c.fetch(source(), first.cursor, env());
    expect(next.items.map((i) => i.id)).toEqual([`mastodon:${new URL(m.url).host}:${fresh}`]);
    const all = await c.fetch(source(), null, env());
    expect(all.items.find((i) => i.id === edited.id)?.text).toBe('aangepaste tekst');
    expect(all.items.some((i) => i.id === removed.id)).toBe(false);
  });

  it('waits until X-RateLimit-Reset on a 429, and stops paging early when few requests remain', async () => {
    const reset = new Date(Date.now() + 90_000).toISOString();
    m.failNext(429, { error: 'Too many requests' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset });
    const err = await createMastodonConnector()
      .fetch(source(), null, env())
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBeGreaterThan(85_000);
    expect((err as RateLimitedError).retryAfterMs).toBeLessThanOrEqual(90_000);

    m.setRemaining(4);
    const lines: string[] = [];
    const logged = pino({ level: 'warn' }, { write: (l: string) => void lines.push(l) });
    const r = await createMastodonConnector().fetch(source(), 'null', connectorEnv(logged, { MASTODON_TOKEN_LINDE_MASTODON: m.token }));
    expect(r.items.length).toBeLessThanOrEqual(80); // one page, then it stopped
    expect(r.cursor).toBe('null'); // not past what it could not read: the next run starts there again
    expect(lines.join('')).toContain('weinig verzoeken over');
    m.setRemaining(300);
  });

  it('stops on an expired or revoked token with a plain line naming the variable, never the token', async () => {
    const err = await createMastodonConnector()
      .fetch(source(), null, env('verlopen-token'))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UitkijkError);
    expect((err as UitkijkError).code).toBe('CONNECTOR_AUTH');
    expect((err as Error).message).toContain('MASTODON_TOKEN_LINDE_MASTODON');
    expect((err as Error).message).not.toContain('verlopen-token');
    const none = await createMastodonConnector()
      .fetch(source(), null, connectorEnv(log))
      .catch((e: unknown) => e);
    expect((none as UitkijkError).code).toBe('CONNECTOR_AUTH');
  });

  it('looks statuses up again for the digest: a deleted one is gone, a live one present', async () => {
    const keep = m.addMention('deze blijft staan');
    const drop = m.addMention('deze wordt verwijderd');
    m.remove(drop);
    const host = new URL(m.url).host;
    const item = (sid: string) => sampleItem({ id: `mastodon:${host}:${sid}`, source: 'linde-mastodon', platform: 'mastodon', school: 'linde' });
    const answer = await createMastodonConnector().stillThere!(source(), [item(keep), item(drop)], env());
    expect(answer.get(item(keep).id)).toBe(true);
    expect(answer.get(item(drop).id)).toBe(false);
    m.failNext(503, { error: 'unavailable' });
    const unsure = await createMastodonConnector().stillThere!(source(), [item(keep)], env());
    expect(unsure.has(item(keep).id)).toBe(false); // not knowing is not "gone"
  });

  it('reads the next page from the Link header', () => {
    expect(nextLink('<https://m.example/api/v1/notifications?max_id=7>; rel="next", <https://m.example/api/v1/notifications?min_id=9>; rel="prev"')).toBe(
      'https://m.example/api/v1/notifications?max_id=7',
    );
    expect(nextLink('<https://m.example/x?min_id=9>; rel="prev"')).toBeNull();
    expect(nextLink(null)).toBeNull();
  });
});

describe('Mastodon source end to end', () => {
  it("fetch → finding → e-mail: a threat under the school's post reaches the communications team, with the platform named", async () => {
    const server = await startFakeMastodon();
    const status = server.addMention('als ik die gymleraar morgen zie sla ik hem in elkaar', { replyToSchool: true });
    server.addMention('wat een mooie open dag was het');
    const yaml = `
schools:
  - id: linde
    name: De Linde
    keywords: [De Linde]
    alertRecipients: [communicatie@linde.example.nl]
sources:
  - id: linde-mastodon
    kind: mastodon
    school: linde
    instance: ${server.url}
    schedule: { every: 1h }
mail:
  from: uitkijk@linde.example.nl
`;
    await withPipeline({ yaml, deployment: 'mastodon-e2e', env: { MASTODON_TOKEN_LINDE_MASTODON: server.token } }, async ({ ctx, smtp }) => {
      await ctx.queues.fetch.add('fetch', { source: 'linde-mastodon' });
      const mail = await waitFor('the alert e-mail', () => smtp.received.find((x) => x.to.includes('communicatie@linde.example.nl')), 30_000);
      const parsed = await simpleParser(mail.raw);
      expect(parsed.subject).toMatch(/bedreiging.*De Linde, Mastodon/);
      expect(parsed.text).toContain(`${server.url}/@leerling/${status}`);
      expect(parsed.text).toContain('A6');
      await drain(ctx.queues);
      expect(smtp.received.filter((x) => x.to.includes('communicatie@linde.example.nl'))).toHaveLength(1); // the kind one raised nothing
    });
  }, 60_000);
});

runConnectorContract('mastodon', async () => {
  const server = await startFakeMastodon();
  for (let i = 0; i < 3; i++) server.addMention(`contract reactie ${i}`, { replyToSchool: i === 0 });
  return {
    connector: () => createMastodonConnector(),
    source: { id: 'contract', kind: 'mastodon', school: 'linde', instance: server.url, schedule: { every: '5m' } },
    env: connectorEnv(log, { MASTODON_TOKEN_CONTRACT: server.token }),
    requests: () => server.requests,
    addItem: async () => void server.addMention('nog een reactie'),
    addMalformedItem: async () => `mastodon:${server.addMalformed()}`,
    teardown: () => server.close(),
  };
});
