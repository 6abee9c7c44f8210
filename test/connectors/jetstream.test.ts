// The Jetstream source end to end: Bluesky's reference servers (@atproto/dev-env) hold the
// posts and answer as the AppView; a local Jetstream (test/support/jetstream.ts) replays their
// events as Jetstream sends them; uitkijk's runtime (real Redis) runs the consumer. Mentions by
// facet and by keyword (and look-alikes that must not match), replies, quotes, unrelated posts,
// the school's own posts, a post deleted before it was checked, identity and account events,
// malformed frames, a dropped connection resumed from the cursor without loss or duplicates, a
// delete marking a finding, and two consumers sharing one lease, the holder dying.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtpAgent, RichText } from '@atproto/api';
import type { SeedClient } from '@atproto/dev-env';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolDids } from '../../connectors/jetstream.ts';
import { createConnectorRegistry } from '../../connectors/registry.ts';
import { startRuntime } from '../../src/cli/runtime.ts';
import type { Runtime } from '../../src/cli/runtime.ts';
import { parseConfig } from '../../src/config/load.ts';
import { createContext } from '../../src/context.ts';
import type { AppContext } from '../../src/context.ts';
import { newFinding } from '../../src/finding.ts';
import type { Item } from '../../src/item.ts';
import { decide } from '../../src/policy.ts';
import { startRedis } from '../store/redis-server.ts';
import { startAtproto } from '../support/atproto.ts';
import type { AtprotoNetwork } from '../support/atproto.ts';
import { startFakeJetstream } from '../support/jetstream.ts';
import type { FakeJetstream, JetstreamEvent } from '../support/jetstream.ts';
import { waitFor } from '../support/wait.ts';

type Did = `did:${string}:${string}`;
const TIMING = { leaseMs: 1_500, renewMs: 300, standbyMs: 200, cursorEveryMs: 150, flushMs: 100, backoffBaseMs: 100, backoffMaxMs: 400 };

let net: AtprotoNetwork;
let sc: SeedClient;
let jet: FakeJetstream;
let redis: { url: string; stop(): Promise<void> };
let dataDir: string;
let school: Did, pupil: Did, parent: Did;
let clock = Date.now() * 1000;
const contexts: AppContext[] = [];
const runtimes: Runtime[] = [];

const yaml = (url: string, appview: string) => `
schools:
  - id: linde
    name: De Linde
    keywords: [De Linde, { phrase: Linde, context: [school, juf] }]
    handles: [delinde.test]
    alertRecipients: [communicatie@linde.example.nl]
sources:
  - id: stream
    kind: jetstream
    url: ${url}
    appview: ${appview}
    cursorMargin: 1s
mail:
  from: uitkijk@linde.example.nl
`;

async function startConsumer(web = false): Promise<{ ctx: AppContext; runtime: Runtime }> {
  const ctx = createContext({
    config: parseConfig(yaml(jet.url, net.network.bsky.url), 'stream.yaml'),
    log: pino({ level: 'silent' }),
    redisUrl: redis.url,
    dataDir,
    deployment: 'jetstream-test',
  });
  const runtime = await startRuntime({
    ctx,
    connectors: createConnectorRegistry(),
    queues: ['fetch'],
    web: web ? { host: '127.0.0.1', port: 0 } : false,
    streamTiming: TIMING,
  });
  contexts.push(ctx);
  runtimes.push(runtime);
  return { ctx, runtime };
}

/** The commit event Jetstream would send for a post that exists on the PDS. */
async function created(did: Did, uri: string): Promise<JetstreamEvent> {
  const rkey = uri.split('/').pop()!;
  const agent = new AtpAgent({ service: net.network.pds.url });
  const { data } = await agent.com.atproto.repo.getRecord({ repo: did, collection: 'app.bsky.feed.post', rkey });
  return {
    did,
    time_us: (clock += 1000),
    kind: 'commit',
    commit: { rev: `r${clock}`, operation: 'create', collection: 'app.bsky.feed.post', rkey, record: data.value, cid: data.cid },
  };
}
const deleted = (did: Did, uri: string): JetstreamEvent => ({
  did,
  time_us: (clock += 1000),
  kind: 'commit',
  commit: { rev: `r${clock}`, operation: 'delete', collection: 'app.bsky.feed.post', rkey: uri.split('/').pop()! },
});

/** Every item the stream queued for classification so far (no classify worker runs here). */
async function queued(ctx: AppContext): Promise<Item[]> {
  const jobs = await ctx.queues.classify.getJobs(['waiting', 'prioritized', 'delayed']);
  return jobs.flatMap((j) => j.data.items);
}

beforeAll(async () => {
  net = await startAtproto();
  sc = net.network.getSeedClient() as SeedClient;
  school = (await sc.createAccount('school', { handle: 'delinde.test', email: 'school@delinde.test', password: 'school-pw-1234' })).did as Did;
  pupil = (await sc.createAccount('pupil', { handle: 'leerling.test', email: 'leerling@example.test', password: 'pupil-pw' })).did as Did;
  parent = (await sc.createAccount('parent', { handle: 'ouder.test', email: 'ouder@example.test', password: 'parent-pw' })).did as Did;
  await net.network.processAll(); // the AppView knows the accounts (and resolves the school's handle)
  jet = await startFakeJetstream();
  redis = await startRedis();
  dataDir = mkdtempSync(join(tmpdir(), 'uitkijk-jetstream-'));
}, 120_000);

afterAll(async () => {
  for (const r of runtimes) await r.close(500).catch(() => undefined);
  for (const c of contexts) await c.close().catch(() => undefined);
  await jet?.close();
  await redis?.stop();
  await net?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('Jetstream source', () => {
  let first: { ctx: AppContext; runtime: Runtime };
  const uris = { reply: '', facet: '', keyword: '', quote: '' };

  it('queues replies, quotes, facet mentions and keyword mentions — and nothing else', async () => {
    first = await startConsumer(true);
    await waitFor('the consumer to connect', () => jet.open() === 1);
    // /healthz: a stream source has no scheduler to miss, and this process says it reads.
    const health = await fetch(`${first.runtime.webUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ missingSchedulers: [], streams: [{ source: 'stream', role: 'leest', connected: true }] });
    const open = await sc.post(school, 'Welkom op de open dag van zaterdag!');
    const reply = await sc.reply(pupil, open.ref, open.ref, 'ik sla die conciërge in elkaar als hij mijn fiets weer pakt');
    const agent = new AtpAgent({ service: net.network.pds.url });
    await agent.login({ identifier: 'ouder.test', password: 'parent-pw' });
    const rt = new RichText({ text: '@delinde.test waarom is de gymzaal weer dicht?' });
    await rt.detectFacets(agent);
    const facet = await sc.post(parent, rt.text, rt.facets);
    const keyword = await sc.post(pupil, 'die juf van de linde is echt top');
    const alike = await sc.post(pupil, 'onder de lindeboom bij de lindelaan, heerlijk');
    const unrelated = await sc.post(parent, 'mooi weer vandaag');
    const quote = await sc.post(parent, 'Trots op deze school!', undefined, undefined, open.ref);
    const own = await sc.post(school, 'Nieuws van De Linde: de musical is op vrijdag.');
    const gone = await sc.post(pupil, 'De Linde is echt een kutschool');
    await net.network.processAll();
    Object.assign(uris, { reply: reply.ref.uriStr, facet: facet.ref.uriStr, keyword: keyword.ref.uriStr, quote: quote.ref.uriStr });

    const goneEvent = await created(pupil, gone.ref.uriStr);
    await sc.deletePost(pupil, gone.ref.uri); // deleted before uitkijk reads it from the AppView
    await net.network.processAll();
    for (const [did, p] of [
      [school, open],
      [pupil, reply],
      [parent, facet],
      [pupil, keyword],
      [pupil, alike],
      [parent, unrelated],
      [parent, quote],
      [school, own],
    ] as const) {
      jet.emit(await created(did, p.ref.uriStr));
    }
    jet.emit(goneEvent);
    jet.emit({
      did: parent,
      time_us: (clock += 1000),
      kind: 'identity',
      identity: { did: parent, handle: 'ouder.test', seq: 1, time: new Date().toISOString() },
    });
    jet.emit({ did: pupil, time_us: (clock += 1000), kind: 'account', account: { active: true, did: pupil, seq: 2, time: new Date().toISOString() } });
    jet.emit({ raw: 'dit is geen json', time_us: (clock += 1000) });
    jet.emit({ raw: '{"kind":"commit","commit":{}}', time_us: (clock += 1000) });
    jet.emit({
      did: pupil,
      time_us: (clock += 1000),
      kind: 'commit',
      commit: { rev: 'x', operation: 'create', collection: 'app.bsky.feed.like', rkey: 'l1', record: { subject: open.ref.raw } },
    });

    const items = await waitFor('four items on the classify queue', async () => {
      const q = await queued(first.ctx);
      return q.length >= 4 ? q : false;
    });
    // 8 posts, the deleted one, an identity and an account event (the like is not asked for; the
    // two malformed frames are skipped and counted apart).
    await waitFor('the consumer to have read every event', () => first.runtime.streams()[0]!.status().events >= 11);
    const byId = new Map((await queued(first.ctx)).map((i) => [i.id, i]));
    expect([...byId.keys()].sort()).toEqual([uris.reply, uris.facet, uris.keyword, uris.quote].sort());
    expect(items).toHaveLength(4);
    expect(byId.get(uris.reply)).toMatchObject({ context: 'reply', school: 'linde', platform: 'bluesky', source: 'stream', inReplyTo: open.ref.uriStr });
    expect(byId.get(uris.reply)!.author.handle).toBe('leerling.test'); // from the AppView's answer
    for (const id of [uris.facet, uris.keyword, uris.quote]) expect(byId.get(id)!.context).toBe('mention');
    expect(byId.get(uris.keyword)!.url).toBe(`https://bsky.app/profile/leerling.test/post/${uris.keyword.split('/').pop()}`);
    const metric = async (name: string) => (await first.ctx.metrics.registry.getSingleMetric(name)!.get()).values;
    expect((await metric('uitkijk_stream_events_total')).find((v) => v.labels.kind === 'malformed')?.value).toBe(2);
    expect((await metric('uitkijk_stream_events_total')).find((v) => v.labels.kind === 'identity')?.value).toBe(1);
    expect((await metric('uitkijk_stream_connected'))[0]?.value).toBe(1);
    expect((await metric('uitkijk_stream_matched_total'))[0]?.value).toBe(5); // the deleted post matched too, then the AppView dropped it
  });

  it('resumes from its cursor after a dropped connection, without losing or repeating a post', async () => {
    const before = jet.connections.length;
    jet.drop();
    const later = await sc.post(parent, 'Weer feest bij De Linde vandaag');
    await net.network.processAll();
    jet.emit(await created(parent, later.ref.uriStr)); // sent while nobody is connected
    await waitFor('a reconnect', () => jet.connections.length > before && jet.open() === 1);
    const again = jet.connections[jet.connections.length - 1]!;
    expect(again.collections).toEqual(['app.bsky.feed.post']);
    expect(again.cursor).not.toBeNull();
    expect(again.cursor!).toBeLessThan(clock); // from before the post it missed
    const items = await waitFor('the missed post on the queue', async () => {
      const q = await queued(first.ctx);
      return q.some((i) => i.id === later.ref.uriStr) ? q : false;
    });
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length); // replayed events were not queued again
    expect(ids).toHaveLength(5);
  });

  it('marks a finding "verwijderd op het platform" when its post is deleted', async () => {
    const item = (await queued(first.ctx)).find((i) => i.id === uris.reply)!;
    const verdict = (await first.ctx.classifier('linde')).classify(item.text);
    const finding = newFinding(item, verdict, decide(verdict, item, first.ctx.config().thresholds), new Date().toISOString());
    expect(finding.labels).toContain('threat');
    await first.ctx.findings.saveFindings([finding]);
    jet.emit(deleted(pupil, uris.reply));
    await waitFor('the finding to be marked gone', async () => (await first.ctx.findings.getFinding(finding.id))?.status === 'gone');
    expect(await first.ctx.audit.forFinding('linde', finding.id)).toMatchObject([{ actor: 'uitkijk', action: 'gone', to: 'gone' }]);
  });

  it('lets one consumer read at a time; when the holder dies another takes over from the cursor', async () => {
    const second = await startConsumer();
    await waitFor('the second consumer to stand by', () => second.runtime.streams()[0]!.status().role === 'standby');
    expect(jet.open()).toBe(1);
    const connectionsBefore = jet.connections.length;
    // The holder dies: it stops reading and never gives its lease back.
    await first.runtime.streams()[0]!.stop({ release: false });
    await waitFor('the second consumer to take over', () => second.runtime.streams()[0]!.status().role === 'holder' && jet.open() === 1, 15_000);
    expect(jet.connections.length).toBe(connectionsBefore + 1);
    expect(jet.connections[jet.connections.length - 1]!.cursor).not.toBeNull();
    const news = await sc.post(pupil, 'ik weet waar die meester van De Linde woont');
    await net.network.processAll();
    jet.emit(await created(pupil, news.ref.uriStr));
    const items = await waitFor('the new post queued by the new holder', async () => {
      const q = await queued(second.ctx);
      return q.some((i) => i.id === news.ref.uriStr) ? q : false;
    });
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('two worker processes compete for the lease; the holder is killed (SIGKILL) and the other takes over', async () => {
    // The in-process consumers above step aside: from here on only the two processes read.
    for (const r of runtimes) for (const c of r.streams()) await c.stop();
    await waitFor('no consumer connected', () => jet.open() === 0);
    const config = join(dataDir, 'stream.yaml');
    writeFileSync(config, yaml(jet.url, net.network.bsky.url));
    const root = join(import.meta.dirname, '../..');
    const node = join(root, 'node_modules/node/bin/node');
    const children: ChildProcess[] = [];
    const start = (name: string) => {
      const child = spawn(
        node,
        ['test/pipeline/worker-child.ts', config, redis.url, 'jetstream-test', mkdtempSync(join(tmpdir(), 'uitkijk-js-child-')), 'fetch', name],
        {
          cwd: root,
          env: { ...process.env, UITKIJK_TEST_STREAMS: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const out = { text: '' };
      child.stdout!.on('data', (c: Buffer) => (out.text += c.toString()));
      child.stderr!.on('data', (c: Buffer) => (out.text += c.toString()));
      children.push(child);
      return { child, out, exited: new Promise((resolve) => child.once('exit', resolve)) };
    };
    try {
      const a = start('a');
      await waitFor(`worker a to hold the lease (${a.out.text})`, () => a.out.text.includes('stream holder') && jet.open() === 1, 30_000);
      const b = start('b');
      await waitFor(`worker b to stand by (${b.out.text})`, () => b.out.text.includes('stream standby'), 30_000);
      expect(jet.open()).toBe(1);
      a.child.kill('SIGKILL');
      await a.exited;
      await waitFor(`worker b to take over (${b.out.text})`, () => b.out.text.includes('stream holder') && jet.open() === 1, 15_000);
      const post = await sc.post(parent, 'Morgen staat er iemand bij het hek van De Linde, let maar op');
      await net.network.processAll();
      jet.emit(await created(parent, post.ref.uriStr));
      const reader = contexts[0]!;
      const items = await waitFor('the post queued by worker b', async () => {
        const q = await queued(reader);
        return q.some((i) => i.id === post.ref.uriStr) ? q : false;
      });
      expect(items.filter((i) => i.id === post.ref.uriStr)).toHaveLength(1);
    } finally {
      for (const c of children) c.kill('SIGKILL');
    }
  }, 90_000);
});

describe("the schools' handles as DIDs (schoolDids)", () => {
  /** fetch against Bluesky's AppView, counting what is asked; `refuse` answers getProfiles with a 400. */
  const counting = (refuse = false) => {
    const asked: string[] = [];
    const fn = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      asked.push(new URL(url).pathname.split('/').pop()!);
      if (refuse && url.includes('getProfiles')) return new Response(JSON.stringify({ error: 'InvalidRequest' }), { status: 400 });
      return fetch(url, init);
    }) as typeof fetch;
    return { fn, asked };
  };
  const log = pino({ level: 'silent' });
  const jobs = [
    { school: 'linde', h: '@DeLinde.test' },
    { school: 'onbekend', h: 'bestaat-niet.test' },
    { school: 'al-een-did', h: 'did:plc:abcdefghijklmnop' },
  ];

  it('asks getProfiles once a page of 25 handles; an unknown handle is null, a DID stays', async () => {
    const { fn, asked } = counting();
    expect(await schoolDids(net.network.bsky.url, jobs, fn, log)).toEqual([school, null, 'did:plc:abcdefghijklmnop']);
    expect(asked).toEqual(['app.bsky.actor.getProfiles']);
    const many = Array.from({ length: 30 }, (_, i) => ({ school: `s${i}`, h: i === 29 ? 'delinde.test' : `school${i}.test` }));
    const second = counting();
    const dids = await schoolDids(net.network.bsky.url, many, second.fn, log);
    expect(second.asked).toEqual(['app.bsky.actor.getProfiles', 'app.bsky.actor.getProfiles']);
    expect(dids.filter(Boolean)).toEqual([school]);
    expect(dids[29]).toBe(school);
  });

  it('resolves a page handle by handle when the AppView refuses it as a whole', async () => {
    const { fn, asked } = counting(true);
    expect(await schoolDids(net.network.bsky.url, jobs, fn, log)).toEqual([school, null, 'did:plc:abcdefghijklmnop']);
    expect(asked.filter((a) => a === 'com.atproto.identity.resolveHandle')).toHaveLength(2);
  });
});
