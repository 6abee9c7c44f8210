// The Bluesky connector against Bluesky's own reference servers (@atproto/dev-env: PLC, PDS and
// AppView on 127.0.0.1, with PostgreSQL and Redis from Debian's packages), with accounts that
// post, reply, mention with rich-text facets, quote and delete. Rate limits and server errors
// come from the local XRPC fake, which answers as Bluesky does (429 with ratelimit-reset);
// expired sessions and posts deleted mid-fetch are injected through the connector's fetch.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { AtpAgent, RichText } from '@atproto/api';
import type { SeedClient, TestNetwork } from '@atproto/dev-env';

type DidString = `did:${string}:${string}`;
import { createBlueskyConnector } from '../../connectors/bluesky.ts';
import { mediaOf, postUrl } from '../../connectors/bluesky-post.ts';
import type { SourceOf } from '../../connectors/types.ts';
import { connectorEnv } from '../support/connector-env.ts';
import { blueskyPasswordEnv } from '../../src/config/secrets.ts';
import { RateLimitedError, UitkijkError } from '../../src/errors.ts';
import { startFakeBluesky } from '../support/fake-bluesky.ts';
import { startAtproto } from '../support/atproto.ts';
import type { AtprotoNetwork } from '../support/atproto.ts';
import { findPostgresBin } from '../support/postgres.ts';
import { runConnectorContract } from './contract.ts';
import { sampleItem } from '../store/sample.ts';

const log = pino({ level: 'silent' });
const PASSWORD = 'school-wachtwoord-123';
const SOURCE_ID = 'linde-bsky';

interface World {
  net: AtprotoNetwork;
  network: TestNetwork;
  sc: SeedClient;
  school: DidString;
  pupil: DidString;
  parent: DidString;
  uris: Record<'open' | 'musical' | 'r1' | 'r2' | 'r3' | 'photo' | 'gone' | 'mention' | 'quote', string>;
}

let worldPromise: Promise<World> | undefined;
function world(): Promise<World> {
  worldPromise ??= (async () => {
    const net = await startAtproto();
    const network = net.network;
    const sc = network.getSeedClient() as SeedClient;
    const school = (await sc.createAccount('school', { handle: 'delinde.test', email: 'school@delinde.test', password: PASSWORD })).did;
    const pupil = (await sc.createAccount('pupil', { handle: 'leerling.test', email: 'leerling@example.test', password: 'pupil-pw' })).did;
    const parent = (await sc.createAccount('parent', { handle: 'ouder.test', email: 'ouder@example.test', password: 'parent-pw' })).did;
    const parentAgent = new AtpAgent({ service: network.pds.url });
    await parentAgent.login({ identifier: 'ouder.test', password: 'parent-pw' });
    await parentAgent.com.atproto.repo.putRecord({
      repo: parent,
      collection: 'app.bsky.actor.profile',
      rkey: 'self',
      record: { $type: 'app.bsky.actor.profile', displayName: 'Ouder van Sem' },
    });
    const open = await sc.post(school, 'Welkom op onze open dag zaterdag!');
    const musical = await sc.post(school, 'De musical van groep 8 was prachtig.');
    const r1 = await sc.reply(pupil, open.ref, open.ref, 'ik maak die conciërge af als hij weer mijn fiets pakt');
    const r2 = await sc.reply(parent, open.ref, r1.ref, 'Zo praat je niet over iemand.');
    const r3 = await sc.reply(parent, open.ref, open.ref, 'Wat een goed nieuws, zie ook de krant.', undefined, undefined, {
      embed: { $type: 'app.bsky.embed.external', external: { uri: 'https://krant.example.nl/open-dag', title: 'Open dag', description: 'Stuk in de krant' } },
    });
    const dir = mkdtempSync(join(tmpdir(), 'uitkijk-bsky-'));
    const png = join(dir, 'foto.png');
    writeFileSync(png, Buffer.from(PNG_1X1, 'base64'));
    const image = await sc.uploadFile(parent, png, 'image/png');
    rmSync(dir, { recursive: true, force: true });
    const photo = await sc.reply(parent, musical.ref, musical.ref, 'Hier een foto van de musical.', undefined, [image]);
    const gone = await sc.reply(pupil, musical.ref, musical.ref, 'deze reactie wordt weer verwijderd');
    const agent = new AtpAgent({ service: network.pds.url });
    await agent.login({ identifier: 'leerling.test', password: 'pupil-pw' });
    const rt = new RichText({ text: '@delinde.test waarom is de gymzaal dicht?' });
    await rt.detectFacets(agent);
    const mention = await sc.post(pupil, rt.text, rt.facets);
    const quote = await sc.post(parent, 'Trots op deze kinderen!', undefined, undefined, musical.ref);
    await sc.deletePost(pupil, gone.ref.uri);
    await network.processAll();
    return {
      net,
      network,
      sc,
      school,
      pupil,
      parent,
      uris: {
        open: open.ref.uriStr,
        musical: musical.ref.uriStr,
        r1: r1.ref.uriStr,
        r2: r2.ref.uriStr,
        r3: r3.ref.uriStr,
        photo: photo.ref.uriStr,
        gone: gone.ref.uriStr,
        mention: mention.ref.uriStr,
        quote: quote.ref.uriStr,
      },
    };
  })();
  return worldPromise;
}

/** A fetch for the connector that records every request; `fault` may answer one instead of the server. */
function recorder(fault?: (path: string, url: URL) => Response | undefined | Promise<Response | undefined>) {
  const requests: { method: string; path: string }[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    requests.push({ method: init?.method ?? (input instanceof Request ? input.method : 'GET'), path: url.pathname });
    const injected = await fault?.(url.pathname, url);
    return injected ?? fetch(input, init);
  };
  return { requests, fetchFn };
}

const xrpcError = (status: number, error: string) =>
  new Response(JSON.stringify({ error, message: error }), { status, headers: { 'content-type': 'application/json' } });

/** A logger that keeps every line, to prove what never reaches the log. */
function capture() {
  const lines: string[] = [];
  return { lines, log: pino({ level: 'debug' }, { write: (l: string) => void lines.push(l) }) };
}

/** A port nothing listens on (bound once, then closed). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

type BlueskySource = SourceOf<'bluesky'>;
const bsky = (handle: string, service: string, postsToScan = 5): BlueskySource => ({
  id: SOURCE_ID,
  kind: 'bluesky',
  school: 'linde',
  handle,
  service,
  postsToScan,
  schedule: { every: '5m' },
});
const source = (w: World): BlueskySource => bsky('delinde.test', w.network.pds.url, 20);
const env = (password: string | undefined = PASSWORD, logger: pino.Logger = log) => connectorEnv(logger, { [blueskyPasswordEnv(SOURCE_ID)]: password });
const noPasswordEnv = () => connectorEnv(log);
const WRITES_ALLOWED = /^\/xrpc\/com\.atproto\.server\.(createSession|refreshSession)$/;

// No silent skip: without PostgreSQL these tests fail, saying what to install.
const NO_POSTGRES = "PostgreSQL is not installed: Bluesky's reference servers need it (apt-get install postgresql)";
// One reference network for the whole file, stopped after every suite in it.
afterAll(async () => {
  if (worldPromise) await (await worldPromise).net.stop();
}, 60_000);

describe('Bluesky connector against the reference servers', () => {
  let w: World;
  beforeAll(async () => {
    if (findPostgresBin() === null) throw new Error(NO_POSTGRES);
    w = await world();
  }, 180_000);

  it('reads replies (also nested), mentions and quotes, with context, url, media and parent', async () => {
    const c = createBlueskyConnector();
    const { lines, log: logger } = capture();
    const r = await c.fetch(source(w), null, env(PASSWORD, logger));
    const byId = new Map(r.items.map((i) => [i.id, i]));
    expect([...byId.keys()].sort()).toEqual([w.uris.r1, w.uris.r2, w.uris.r3, w.uris.photo, w.uris.mention, w.uris.quote].sort());
    expect(byId.get(w.uris.r1)).toMatchObject({
      context: 'reply',
      platform: 'bluesky',
      school: 'linde',
      source: SOURCE_ID,
      inReplyTo: w.uris.open,
      author: { handle: 'leerling.test' },
    });
    expect(byId.get(w.uris.r1)!.url).toBe(`https://bsky.app/profile/leerling.test/post/${w.uris.r1.split('/').pop()}`);
    expect(byId.get(w.uris.r2)).toMatchObject({ context: 'reply', inReplyTo: w.uris.r1, author: { handle: 'ouder.test', displayName: 'Ouder van Sem' } });
    expect(byId.get(w.uris.r3)!.media).toEqual({ kinds: ['link'], count: 1 });
    expect(byId.get(w.uris.photo)).toMatchObject({ context: 'reply', inReplyTo: w.uris.musical, media: { kinds: ['image'], count: 1 } });
    expect(byId.get(w.uris.r1)!.media).toEqual({ kinds: [], count: 0 });
    for (const item of r.items) expect(Number.isNaN(Date.parse(item.createdAt))).toBe(false);
    expect(byId.get(w.uris.mention)).toMatchObject({ context: 'mention', text: '@delinde.test waarom is de gymzaal dicht?' });
    expect(byId.get(w.uris.quote)).toMatchObject({ context: 'mention', media: { kinds: ['quote'], count: 1 } });
    // The deleted reply is simply not there, and nothing failed because of it.
    expect(byId.has(w.uris.gone)).toBe(false);
    // The log has uris and counts, never a text, an author or the password.
    const logged = lines.join('\n');
    expect(logged).toContain('Bluesky gelezen');
    for (const secret of [PASSWORD, 'leerling.test', 'ouder.test', 'Ouder van Sem', ...r.items.map((i) => i.text)]) expect(logged).not.toContain(secret);
    await c.close?.();
  });

  it('logs in once and keeps the session over several fetches; never writes', async () => {
    const { requests, fetchFn } = recorder();
    const c = createBlueskyConnector({ fetch: fetchFn });
    let cursor: string | null = null;
    for (let i = 0; i < 3; i++) cursor = (await c.fetch(source(w), cursor, env())).cursor;
    expect(requests.filter((q) => q.path.endsWith('createSession'))).toHaveLength(1);
    expect(c.logins).toBe(1);
    const writes = requests.filter((q) => q.method !== 'GET' && !WRITES_ALLOWED.test(q.path));
    expect(writes).toEqual([]);
    expect(requests.some((q) => q.path.endsWith('app.bsky.notification.listNotifications'))).toBe(true);
    expect(requests.some((q) => q.path.endsWith('app.bsky.feed.getPostThread'))).toBe(true);
  });

  it('with its cursor hands out only new notifications, and finds a new reply', async () => {
    const c = createBlueskyConnector();
    const first = await c.fetch(source(w), null, env());
    const again = await c.fetch(source(w), first.cursor, env());
    const mentionsAgain = again.items.filter((i) => i.context === 'mention');
    expect(mentionsAgain).toEqual([]);
    const fresh = await w.sc.post(w.parent, `Nog een vraag over de open dag @delinde.test ${Date.now()}`);
    const openRef = w.sc.posts[w.school]![0]!.ref;
    const reply = await w.sc.reply(w.pupil, openRef, openRef, 'Nieuwe reactie op de open dag');
    await w.network.processAll();
    const after = await c.fetch(source(w), again.cursor, env());
    const ids = after.items.map((i) => i.id);
    expect(ids).toContain(reply.ref.uriStr);
    expect(ids).not.toContain(fresh.ref.uriStr); // no facet: not a mention notification
    expect(after.cursor).not.toBe(again.cursor);
    await c.close?.();
  });

  it('refuses a wrong or missing app password with CONNECTOR_AUTH, naming the variable but not the value', async () => {
    const c = createBlueskyConnector();
    const wrong = await c.fetch(source(w), null, env('niet-het-wachtwoord')).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(UitkijkError);
    expect((wrong as UitkijkError).code).toBe('CONNECTOR_AUTH');
    expect((wrong as Error).message).toContain(blueskyPasswordEnv(SOURCE_ID));
    expect((wrong as Error).message).not.toContain('niet-het-wachtwoord');
    const missing = await c.fetch(source(w), null, noPasswordEnv()).catch((e: unknown) => e);
    expect((missing as UitkijkError).code).toBe('CONNECTOR_AUTH');
    expect((missing as Error).message).toContain(blueskyPasswordEnv(SOURCE_ID));
  });

  it('does not try a refused password again (30 logins per 5 minutes), but does try a new one', async () => {
    const { requests, fetchFn } = recorder();
    const c = createBlueskyConnector({ fetch: fetchFn });
    for (let i = 0; i < 3; i++) {
      const err = await c.fetch(source(w), null, env('fout-wachtwoord')).catch((e: unknown) => e);
      expect((err as UitkijkError).code).toBe('CONNECTOR_AUTH');
    }
    expect(requests.filter((q) => q.path.endsWith('createSession'))).toHaveLength(1);
    const ok = await c.fetch(source(w), null, env());
    expect(ok.items.length).toBeGreaterThan(0);
    expect(requests.filter((q) => q.path.endsWith('createSession'))).toHaveLength(2);
  });

  it('shares one login between concurrent fetches of the same account', async () => {
    const c = createBlueskyConnector();
    const [a, b] = await Promise.all([c.fetch(source(w), null, env()), c.fetch(source(w), null, env())]);
    expect(a.items.length).toBe(b.items.length);
    expect(c.logins).toBe(1);
  });

  it('logs in again when the session cannot be refreshed, at most once per fetch', async () => {
    let expire = 0;
    const { requests, fetchFn } = recorder((path) => {
      if (path.endsWith('app.bsky.notification.listNotifications') && expire > 0) {
        expire--;
        return xrpcError(401, 'ExpiredToken');
      }
      if (path.endsWith('com.atproto.server.refreshSession')) return xrpcError(400, 'ExpiredToken');
      return undefined;
    });
    const logins = () => requests.filter((q) => q.path.endsWith('createSession')).length;
    const c = createBlueskyConnector({ fetch: fetchFn });
    await c.fetch(source(w), null, env());
    expect(logins()).toBe(1);
    expire = 1;
    const recovered = await c.fetch(source(w), null, env());
    expect(recovered.items.length).toBeGreaterThan(0);
    expect(logins()).toBe(2);
    expect(requests.filter((q) => q.path.endsWith('refreshSession')).length).toBeGreaterThan(0);
    expire = 100;
    const err = await c.fetch(source(w), null, env()).catch((e: unknown) => e);
    expect((err as UitkijkError).code).toBe('CONNECTOR_AUTH');
    expect(logins()).toBe(3);
  });

  it("does not report posts of the school's other accounts as reactions", async () => {
    const board = (await w.sc.createAccount('bestuur', { handle: 'bestuur-delinde.test', email: 'bestuur@delinde.test', password: 'bestuur-pw' })).did;
    const openRef = w.sc.posts[w.school]![0]!.ref;
    const own = await w.sc.reply(board, openRef, openRef, 'Namens het bestuur: welkom allemaal!');
    await w.network.processAll();
    const c = createBlueskyConnector();
    const withBoard = connectorEnv(
      log,
      { [blueskyPasswordEnv(SOURCE_ID)]: PASSWORD },
      { school: { id: 'linde', handles: ['delinde.test', '@Bestuur-DeLinde.test'], keywords: [] } },
    );
    expect((await c.fetch(source(w), null, withBoard)).items.map((i) => i.id)).not.toContain(own.ref.uriStr);
    // Without it among the school's handles, it is a reply like any other.
    expect((await c.fetch(source(w), null, env())).items.map((i) => i.id)).toContain(own.ref.uriStr);
    await c.close?.();
  });

  it('skips a school post deleted between listing it and reading its thread', async () => {
    const temp = await w.sc.post(w.school, 'Dit bericht halen we zo weer weg.');
    await w.sc.reply(w.pupil, temp.ref, temp.ref, 'Reactie op een bericht dat verdwijnt');
    await w.network.processAll();
    let deleted = false;
    const { fetchFn } = recorder(async (path, url) => {
      if (path.endsWith('app.bsky.feed.getPostThread') && url.searchParams.get('uri') === temp.ref.uriStr && !deleted) {
        deleted = true;
        await w.sc.deletePost(w.school, temp.ref.uri);
        await w.network.processAll();
      }
      return undefined;
    });
    const { lines, log: logger } = capture();
    const c = createBlueskyConnector({ fetch: fetchFn });
    const r = await c.fetch(source(w), null, env(PASSWORD, logger));
    expect(deleted).toBe(true);
    expect(r.skipped).toContainEqual({ id: temp.ref.uriStr, reason: expect.any(String) as string });
    expect(r.items.map((i) => i.id)).toContain(w.uris.r1);
    expect(lines.join('\n')).toContain(temp.ref.uriStr);
  });

  it('looks replies up again for the digest: a reply deleted on Bluesky is reported gone, a live one present', async () => {
    const c = createBlueskyConnector();
    const post = await w.sc.post(w.school, 'Het schoolplein is weer open.');
    const kept = await w.sc.reply(w.parent, post.ref, post.ref, 'Fijn, dank jullie wel!');
    const doomed = await w.sc.reply(w.pupil, post.ref, post.ref, 'deze haal ik zo weer weg');
    await w.network.processAll();
    await w.sc.deletePost(w.pupil, doomed.ref.uri);
    await w.network.processAll();
    const item = (id: string) => sampleItem({ id, source: SOURCE_ID, school: 'linde' });
    const live = item(kept.ref.uriStr);
    const gone = item(doomed.ref.uriStr);
    const answer = await c.stillThere!(source(w), [live, gone, item('rss:not-bluesky')], env());
    expect(answer.get(live.id)).toBe(true);
    expect(answer.get(gone.id)).toBe(false);
    expect(answer.has('rss:not-bluesky')).toBe(false);
  });
});

describe('connector contract against the reference servers', () => {
  runConnectorContract('bluesky', async () => {
    if (findPostgresBin() === null) throw new Error(NO_POSTGRES);
    const w = await world();
    const { requests, fetchFn } = recorder();
    return {
      connector: () => createBlueskyConnector(),
      source: source(w),
      env: { ...env(), fetch: fetchFn },
      requests: () => requests,
      allowedWrites: WRITES_ALLOWED,
      async addItem() {
        const openRef = w.sc.posts[w.school]![0]!.ref;
        await w.sc.reply(w.parent, openRef, openRef, `Contract-reactie ${Date.now()}`);
        await w.network.processAll();
      },
      async addMalformedItem() {
        // A reply with an image and no text: nothing for the classifier to read.
        const openRef = w.sc.posts[w.school]![0]!.ref;
        const dir = mkdtempSync(join(tmpdir(), 'uitkijk-bsky-'));
        const png = join(dir, 'leeg.png');
        writeFileSync(png, Buffer.from(PNG_1X1, 'base64'));
        const image = await w.sc.uploadFile(w.parent, png, 'image/png');
        rmSync(dir, { recursive: true, force: true });
        const empty = await w.sc.reply(w.parent, openRef, openRef, '', undefined, [image]);
        await w.network.processAll();
        return empty.ref.uriStr;
      },
      teardown: async () => undefined,
    };
  });
});

describe('Bluesky connector: rate limits and server errors (XRPC fake answering as Bluesky)', () => {
  it('turns 429 into a RateLimitedError until ratelimit-reset, and 500 into CONNECTOR_UNAVAILABLE', async () => {
    const fake = await startFakeBluesky({
      schoolHandle: 'fake.school.test',
      appPassword: PASSWORD,
      schoolPosts: [{ by: 'school', text: 'Hallo', minutesAgo: 10 }],
      reactions: [],
    });
    try {
      const src = bsky('fake.school.test', fake.url);
      const c = createBlueskyConnector();
      fake.failNext(429);
      const limited = await c.fetch(src, null, env()).catch((e: unknown) => e);
      expect(limited).toBeInstanceOf(RateLimitedError);
      expect((limited as RateLimitedError).retryAfterMs).toBeGreaterThan(0);
      expect((limited as RateLimitedError).retryAfterMs).toBeLessThanOrEqual(3000);
      fake.failNext(500);
      const down = await c.fetch(src, null, env()).catch((e: unknown) => e);
      expect((down as UitkijkError).code).toBe('CONNECTOR_UNAVAILABLE');
      const ok = await c.fetch(src, null, env());
      expect(ok.items).toEqual([]);
      expect(fake.requests.filter((q) => q.nsid === 'com.atproto.server.createSession')).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });

  it('turns an unreachable service into CONNECTOR_UNAVAILABLE that names the address and what happened', async () => {
    const c = createBlueskyConnector();
    const port = await closedPort();
    const err = await c.fetch(bsky('fake.school.test', `http://127.0.0.1:${port}`), null, env()).catch((e: unknown) => e);
    expect((err as UitkijkError).code).toBe('CONNECTOR_UNAVAILABLE');
    expect((err as Error).message).toContain(`http://127.0.0.1:${port}/`);
    expect((err as Error).message).toMatch(/verbinding geweigerd/);
    expect((err as Error).message).not.toMatch(/Unknown|TypeError/);
  });

  it('keeps its own budget of requests per window', async () => {
    const fake = await startFakeBluesky({ schoolHandle: 'fake.school.test', appPassword: PASSWORD, schoolPosts: [], reactions: [] });
    try {
      const src = bsky('fake.school.test', fake.url);
      const c = createBlueskyConnector({ budget: { requests: 3, windowMs: 60_000 } });
      await c.fetch(src, null, env()); // login + notifications + author feed
      const err = await c.fetch(src, null, env()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RateLimitedError);
      expect((err as RateLimitedError).retryAfterMs).toBeGreaterThan(50_000);
    } finally {
      await fake.close();
    }
  });

  it('pages notifications back to its cursor, keeps same-timestamp ones apart, skips a record without text', async () => {
    const did = (n: string) => `did:plc:${n.padEnd(24, 'a')}`;
    const CID = 'bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a';
    const note = (id: string, reason: string, indexedAt: string, record: Record<string, unknown>) => ({
      uri: `at://${did('pupil')}/app.bsky.feed.post/${id}`,
      cid: CID,
      author: { did: did('pupil'), handle: 'leerling.test' },
      reason,
      record: { $type: 'app.bsky.feed.post', createdAt: indexedAt, ...record },
      isRead: false,
      indexedAt,
    });
    const T3 = '2026-11-20T10:00:03.000Z';
    const pages: Record<string, { notifications: unknown[]; cursor?: string }> = {
      first: {
        notifications: [
          note('n3', 'reply', T3, {
            text: 'drie',
            reply: {
              root: { uri: `at://${did('school')}/app.bsky.feed.post/s1`, cid: CID },
              parent: { uri: `at://${did('school')}/app.bsky.feed.post/s1`, cid: CID },
            },
          }),
          note('n2', 'mention', '2026-11-20T10:00:02.000Z', {}),
        ],
        cursor: 'p2',
      },
      p2: { notifications: [note('n1', 'quote', '2026-11-20T10:00:01.000Z', { text: 'een' })] },
    };
    const asked: (string | null)[] = [];
    const stub: typeof fetch = async (input) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      if (url.pathname.endsWith('createSession')) return json({ did: did('school'), handle: 'school.test', accessJwt: 'a', refreshJwt: 'r', active: true });
      if (url.pathname.endsWith('getAuthorFeed')) return json({ feed: [] });
      if (url.pathname.endsWith('listNotifications')) {
        asked.push(url.searchParams.get('cursor'));
        return json(pages[url.searchParams.get('cursor') ?? 'first']);
      }
      return new Response('{"error":"MethodNotImplemented"}', { status: 501 });
    };
    const src = bsky('school.test', 'http://bsky.invalid');
    const c = createBlueskyConnector({ fetch: stub });
    const first = await c.fetch(src, null, env());
    expect(asked).toEqual([null, 'p2']);
    expect(first.items.map((i) => [i.id.split('/').pop(), i.context])).toEqual([
      ['n3', 'reply'],
      ['n1', 'mention'],
    ]);
    expect(first.items[0]!.inReplyTo).toBe(`at://${did('school')}/app.bsky.feed.post/s1`);
    expect(first.skipped).toEqual([{ id: note('n2', '', T3, {}).uri, reason: expect.any(String) as string }]);
    // A new notification with the very same indexedAt as the newest one already handed out.
    pages.first!.notifications.unshift(note('n4', 'mention', T3, { text: 'vier' }));
    asked.length = 0;
    const second = await c.fetch(src, first.cursor, env());
    expect(asked).toEqual([null]); // stopped at what the cursor had seen
    expect(second.items.map((i) => i.id.split('/').pop())).toEqual(['n4']);
    const third = await c.fetch(src, second.cursor, env());
    expect(third.items).toEqual([]);
    // The page limit bounds a first read of a long history.
    asked.length = 0;
    await createBlueskyConnector({ fetch: stub, maxPages: 1 }).fetch(src, null, env());
    expect(asked).toEqual([null]);
  });

  it('maps embeds to media kinds and builds bsky.app links', () => {
    expect(mediaOf({ $type: 'app.bsky.embed.images', images: [{}, {}] })).toEqual({ kinds: ['image'], count: 2 });
    expect(mediaOf({ $type: 'app.bsky.embed.recordWithMedia#view', media: { $type: 'app.bsky.embed.video#view' } })).toEqual({
      kinds: ['quote', 'video'],
      count: 2,
    });
    expect(mediaOf(undefined)).toEqual({ kinds: [], count: 0 });
    expect(postUrl('a.test', 'at://did:plc:x/app.bsky.feed.post/3kabc')).toBe('https://bsky.app/profile/a.test/post/3kabc');
  });
});
