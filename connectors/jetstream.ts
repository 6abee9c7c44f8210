// The Jetstream source: every new Bluesky post, live, for every configured school at once.
// Jetstream (protocol v1) serves the network's events as JSON over a WebSocket; this consumer
// asks for posts only (`wantedCollections=app.bsky.feed.post`), matches each against one index
// of every school (src/match/concerns.ts: replies to a school's posts, quotes, mention facets,
// keywords), and reads each matched post once from the AppView (`app.bsky.feed.getPosts`, 25
// at a time) before it becomes an Item — the stream is unsigned, and a post deleted meanwhile
// is dropped. Items go onto the same classify queue as the scheduled sources', deduplicated
// through the same seen-set (delivery is at least once).
//
// Exactly one consumer per deployment: a lease in Redis with a time to live, renewed while it
// runs; another process takes over within seconds when the holder dies. The cursor (unix
// microseconds of the last event handled, never past a post still waiting for its AppView
// check) is stored every few seconds; a restart or a dropped connection resumes from it minus
// a margin. Reconnects back off exponentially with jitter. A delete event for a post that was
// queued marks its finding "verwijderd op het platform". It reads only: nothing is written to
// Bluesky.

import { createHash } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { Config, JetstreamSource } from '../src/config/schema.ts';
import type { AppContext } from '../src/context.ts';
import { durationMs } from '../src/config/duration.ts';
import { findingId } from '../src/finding.ts';
import type { Item } from '../src/item.ts';
import { buildPostIndex } from '../src/match/concerns.ts';
import type { PostContext, PostIndex } from '../src/match/concerns.ts';
import type { Metrics } from '../src/metrics.ts';
import type { ClassifyJob } from '../src/pipeline/queues.ts';
import type { AuditLog } from '../src/store/audit.ts';
import type { FindingStore } from '../src/store/findings.ts';
import type { Keys } from '../src/store/keys.ts';
import { createLease } from '../src/store/scripts.ts';
import type { RedisClient } from '../src/store/scripts.ts';
import { mediaOf, postUrl } from './bluesky-post.ts';

export interface StreamStore {
  getCursor(source: string): Promise<string | null>;
  setCursor(source: string, cursor: string | null): Promise<void>;
  filterUnseen(source: string, ids: string[]): Promise<string[]>;
  markPending(source: string, ids: string[]): Promise<void>;
}

export interface JetstreamTiming {
  /** The lease's time to live, and how often it is renewed. */
  leaseMs: number;
  renewMs: number;
  /** How often a process without the lease tries to take it. */
  standbyMs: number;
  /** How often the cursor is stored. */
  cursorEveryMs: number;
  /** How long a matched post may wait for its AppView check (or until 25 wait). */
  flushMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How often the schools' handles are resolved again (a handle can move); sooner after a failure. */
  resolveEveryMs: number;
  resolveRetryMs: number;
}

export const JETSTREAM_TIMING: JetstreamTiming = {
  leaseMs: 15_000,
  renewMs: 5_000,
  standbyMs: 5_000,
  cursorEveryMs: 3_000,
  flushMs: 1_000,
  backoffBaseMs: 1_000,
  backoffMaxMs: 60_000,
  resolveEveryMs: 3_600_000,
  resolveRetryMs: 60_000,
};

export interface JetstreamDeps {
  sourceId: string;
  config: () => Config;
  redis: RedisClient;
  keys: Keys;
  store: StreamStore;
  findings: () => FindingStore;
  audit: AuditLog;
  queue: Queue<ClassifyJob>;
  log: Logger;
  metrics: Metrics;
  fetch?: typeof globalThis.fetch;
  timing?: Partial<JetstreamTiming>;
}

export interface StreamStatus {
  source: string;
  /** holder: this process holds the lease; standby: another does. */
  role: 'holder' | 'standby' | 'stopped';
  connected: boolean;
  /** Unix microseconds of the last event read. */
  lastEventUs: number | null;
  events: number;
  matched: number;
  queued: number;
  /** How long building the index of the schools' accounts and keywords took, last time (ms). */
  indexBuildMs: number | null;
}

export interface JetstreamConsumer {
  start(): void;
  /** Stops reading; with `release` (a normal stop) the lease is given up at once. */
  stop(opts?: { release?: boolean }): Promise<void>;
  status(): StreamStatus;
}

interface Pending {
  uri: string;
  school: string;
  context: PostContext;
  timeUs: number;
}

const POST = 'app.bsky.feed.post';
const PAGE = 25;
/** Profile look-ups (each up to PAGE handles) in flight at once when the schools are loaded. */
const RESOLVE_AT_ONCE = 4;

const obj = (v: unknown): Record<string, unknown> | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const sleep = (ms: number, signal: { stopped: boolean }) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    t.unref?.();
    if (signal.stopped) {
      clearTimeout(t);
      resolve();
    }
  });

/** Posts the AppView still serves, by URI: the stream's claims are checked against it. */
export async function appviewPosts(
  appview: string,
  uris: readonly string[],
  fetchFn: typeof globalThis.fetch = globalThis.fetch,
): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < uris.length; i += PAGE) {
    const q = new URLSearchParams();
    for (const uri of uris.slice(i, i + PAGE)) q.append('uris', uri);
    const res = await fetchFn(`${appview.replace(/\/$/, '')}/xrpc/app.bsky.feed.getPosts?${q}`, { headers: { accept: 'application/json' } });
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(`AppView getPosts: HTTP ${res.status}`);
    }
    const body = obj(await res.json());
    for (const p of Array.isArray(body?.posts) ? body.posts : []) {
      const post = obj(p);
      if (post && typeof post.uri === 'string') out.set(post.uri, post);
    }
  }
  return out;
}

/** For the digest: which of these items the AppView still has (see digest/service.ts). */
export async function appviewStillThere(appview: string, items: readonly Item[], fetchFn?: typeof globalThis.fetch): Promise<Map<string, boolean>> {
  const uris = items.map((i) => i.id).filter((id) => id.startsWith('at://'));
  const present = await appviewPosts(appview, uris, fetchFn);
  return new Map(uris.map((uri) => [uri, present.has(uri)]));
}

/** The Item of one post view from the AppView, for one school. */
export function itemOfPost(post: Record<string, unknown>, source: string, school: string, context: PostContext): Item | null {
  const author = obj(post.author);
  const record = obj(post.record);
  if (!author || typeof author.handle !== 'string' || !record || typeof record.text !== 'string' || typeof post.uri !== 'string') return null;
  if (!record.text.trim()) return null;
  const parent = obj(obj(record.reply)?.parent)?.uri;
  const created =
    typeof record.createdAt === 'string' && Number.isFinite(Date.parse(record.createdAt)) ? new Date(record.createdAt).toISOString() : new Date().toISOString();
  return {
    id: post.uri,
    source,
    platform: 'bluesky',
    context,
    url: postUrl(author.handle, post.uri),
    author: { handle: author.handle, ...(typeof author.displayName === 'string' && author.displayName ? { displayName: author.displayName } : {}) },
    text: record.text,
    createdAt: created,
    ...(typeof parent === 'string' ? { inReplyTo: parent } : {}),
    media: mediaOf(post.embed ?? record.embed),
    school,
  };
}

/** The consumer of one stream source, built from the application context's parts. */
export function jetstreamConsumerFor(ctx: AppContext, sourceId: string, timing?: Partial<JetstreamTiming>): JetstreamConsumer {
  return createJetstreamConsumer({
    sourceId,
    config: () => ctx.config(),
    redis: ctx.redis,
    keys: ctx.keys,
    store: ctx.store,
    findings: () => ctx.findings,
    audit: ctx.audit,
    queue: ctx.queues.classify,
    log: ctx.log,
    metrics: ctx.metrics,
    timing,
  });
}

/** A configured handle as the AppView spells it: no leading '@', lower case (a DID stays a DID). */
const handleOf = (h: string) => h.replace(/^@/, '').toLowerCase();

/** One handle as a DID: a DID stays, a handle is resolved through the AppView; null if it cannot be. */
async function didOf(appview: string, school: string, h: string, fetchFn: typeof fetch, log: Logger): Promise<string | null> {
  const handle = handleOf(h);
  if (handle.startsWith('did:')) return handle;
  let why: Record<string, unknown>;
  try {
    const res = await fetchFn(`${appview.replace(/\/$/, '')}/xrpc/com.atproto.identity.resolveHandle?handle=${encodeURIComponent(handle)}`);
    const did = obj(res.ok ? await res.json() : null)?.did;
    if (typeof did === 'string') return did;
    why = { status: res.status };
  } catch (err) {
    why = { reason: (err as Error).message };
  }
  log.warn({ school, ...why }, 'handle van de school niet op te zoeken; alleen trefwoorden tellen voor dit account (later opnieuw)');
  return null;
}

/**
 * Handles as DIDs, PAGE at a time through `app.bsky.actor.getProfiles` (thousands of schools
 * are a few hundred requests, not one each); a handle the answer leaves out is unknown. A
 * page the AppView refuses as a whole (one malformed handle makes getProfiles answer 400) is
 * resolved handle by handle, so one bad handle costs only itself.
 */
export async function schoolDids(
  appview: string,
  jobs: readonly { school: string; h: string }[],
  fetchFn: typeof fetch,
  log: Logger,
): Promise<(string | null)[]> {
  const page = async (part: readonly { school: string; h: string }[]): Promise<(string | null)[]> => {
    const ask = part.filter((j) => !handleOf(j.h).startsWith('did:'));
    let known: Map<string, string> | null = new Map();
    if (ask.length > 0) {
      try {
        const q = ask.map((j) => `actors=${encodeURIComponent(handleOf(j.h))}`).join('&');
        const res = await fetchFn(`${appview.replace(/\/$/, '')}/xrpc/app.bsky.actor.getProfiles?${q}`, { headers: { accept: 'application/json' } });
        const profiles = res.ok ? obj(await res.json())?.profiles : null;
        if (Array.isArray(profiles)) {
          for (const p of profiles) {
            const o = obj(p);
            if (typeof o?.handle === 'string' && typeof o.did === 'string') known.set(o.handle.toLowerCase(), o.did);
          }
        } else known = null;
      } catch {
        known = null;
      }
    }
    if (!known) return Promise.all(part.map((j) => didOf(appview, j.school, j.h, fetchFn, log)));
    return part.map((j) => {
      const handle = handleOf(j.h);
      if (handle.startsWith('did:')) return handle;
      const did = known.get(handle);
      if (!did) log.warn({ school: j.school }, 'handle van de school niet gevonden; alleen trefwoorden tellen voor dit account (later opnieuw)');
      return did ?? null;
    });
  };
  const pages: (readonly { school: string; h: string }[])[] = [];
  for (let i = 0; i < jobs.length; i += PAGE) pages.push(jobs.slice(i, i + PAGE));
  const out: (string | null)[] = [];
  for (let i = 0; i < pages.length; i += RESOLVE_AT_ONCE) {
    for (const found of await Promise.all(pages.slice(i, i + RESOLVE_AT_ONCE).map(page))) out.push(...found);
  }
  return out;
}

export function createJetstreamConsumer(d: JetstreamDeps): JetstreamConsumer {
  const t: JetstreamTiming = { ...JETSTREAM_TIMING, ...d.timing };
  const fetchFn = d.fetch ?? globalThis.fetch;
  const log = d.log.child({ module: 'jetstream', source: d.sourceId });
  const lease = createLease(d.redis, (name) => d.keys.streamLease(name));
  const signal = { stopped: true };
  const st: StreamStatus = { source: d.sourceId, role: 'stopped', connected: false, lastEventUs: null, events: 0, matched: 0, queued: 0, indexBuildMs: null };
  let running: Promise<void> | null = null;
  let socket: WebSocket | null = null;
  let token: string | null = null;
  let releaseOnStop = true;

  const source = (): JetstreamSource | undefined => {
    const s = d.config().sources.find((x) => x.id === d.sourceId);
    return s?.kind === 'jetstream' ? s : undefined;
  };

  /** Each school's accounts as DIDs, then the index of every school's accounts and keywords. */
  async function schoolIndex(src: JetstreamSource): Promise<{ index: PostIndex; unresolved: number }> {
    const jobs = d.config().schools.flatMap((s) => s.handles.map((h) => ({ school: s.id, h })));
    const dids = new Map<string, string[]>();
    let unresolved = 0;
    const found = await schoolDids(src.appview, jobs, fetchFn, log);
    jobs.forEach((j, k) => {
      const did = found[k];
      if (did) dids.set(j.school, [...(dids.get(j.school) ?? []), did]);
      else unresolved += 1;
    });
    const schools = d.config().schools.map((s) => ({ id: s.id, dids: dids.get(s.id) ?? [], keywords: s.keywords }));
    const t0 = performance.now();
    const index = buildPostIndex(schools);
    st.indexBuildMs = Math.round(performance.now() - t0);
    return { index, unresolved };
  }

  async function session(src: JetstreamSource): Promise<void> {
    let { index, unresolved } = await schoolIndex(src);
    log.info({ schools: index.schools, keywords: index.keywords, unresolved, buildMs: st.indexBuildMs }, 'Jetstream: scholen geladen');
    let resolveTimer: ReturnType<typeof setTimeout> | null = null;
    const resolveAgain = () => {
      resolveTimer = setTimeout(
        () => {
          schoolIndex(src)
            .then((next) => {
              ({ index, unresolved } = next);
            })
            .catch(() => undefined)
            .finally(() => {
              if (!signal.stopped) resolveAgain();
            });
        },
        unresolved ? t.resolveRetryMs : t.resolveEveryMs,
      );
      resolveTimer.unref?.();
    };
    resolveAgain();
    let pending: Pending[] = [];
    /** Deleted posts to look up among those queued: checked in batches, off the message path. */
    let deletes: { uri: string; timeUs: number }[] = [];
    let malformed = 0;
    let lastSaved: string | null = null;
    let flushing: Promise<void> | null = null;
    const marginUs = durationMs(src.cursorMargin) * 1000;

    /** Where a restart may resume: never past a post that still waits for its check. */
    const safeCursor = (): string | null => {
      let oldest = st.lastEventUs;
      for (const p of pending) if (oldest === null || p.timeUs - 1 < oldest) oldest = p.timeUs - 1;
      for (const x of deletes) if (oldest === null || x.timeUs - 1 < oldest) oldest = x.timeUs - 1;
      return oldest === null ? null : String(oldest);
    };
    const saveCursor = async () => {
      const c = safeCursor();
      if (c !== null && c !== lastSaved) {
        await d.store.setCursor(d.sourceId, c);
        lastSaved = c;
      }
    };

    const flush = async () => {
      if (deletes.length) {
        const gone = deletes;
        deletes = [];
        try {
          await onDeletes(gone.map((x) => x.uri));
        } catch (err) {
          deletes = [...gone, ...deletes];
          log.warn({ reason: (err as Error).message }, 'verwijderde berichten nog niet nagekeken');
        }
      }
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      const uris = [...new Set(batch.map((p) => p.uri))];
      let posts: Map<string, Record<string, unknown>>;
      try {
        posts = await appviewPosts(src.appview, uris, fetchFn);
      } catch (err) {
        // Not lost: back in front, and the cursor stays behind them until they are checked.
        pending = [...batch, ...pending];
        log.warn({ posts: uris.length, reason: (err as Error).message }, 'AppView niet bereikbaar; berichten wachten');
        return;
      }
      const items: Item[] = [];
      for (const p of batch) {
        const post = posts.get(p.uri);
        const item = post ? itemOfPost(post, d.sourceId, p.school, p.context) : null;
        if (item) items.push(item);
      }
      const dropped = batch.length - items.length;
      if (dropped) log.info({ dropped }, 'bericht(en) niet (meer) bij de AppView: overgeslagen');
      if (items.length === 0) return;
      const fresh = new Set(await d.store.filterUnseen(d.sourceId, [...new Set(items.map((i) => i.id))]));
      const queued = items.filter((i) => fresh.has(i.id));
      if (queued.length) {
        const h = createHash('sha256');
        for (const i of queued) h.update(`${i.school}\u0000${i.id}\u0000`);
        await d.queue.add('classify', { source: d.sourceId, items: queued }, { jobId: `${d.sourceId}-${h.digest('hex').slice(0, 32)}` });
        await d.store.markPending(d.sourceId, [...fresh]);
        const watched = d.keys.streamWatched(d.sourceId);
        const m = d.redis.multi();
        for (const i of queued) m.hset(watched, i.id, [...new Set(queued.filter((q) => q.id === i.id).map((q) => q.school))].join(' '));
        m.pexpire(watched, Math.max(1, d.config().retention.findingsDays) * 24 * 3600_000);
        await m.exec();
        st.queued += queued.length;
        d.metrics.itemsFetched.inc({ source: d.sourceId, status: 'new' }, queued.length);
      }
      d.metrics.itemsFetched.inc({ source: d.sourceId, status: 'seen' }, items.length - queued.length);
    };
    const flushSoon = () => {
      flushing ??= flush()
        .catch((err: Error) => log.error({ reason: err.message }, 'Jetstream: doorzetten mislukt'))
        .finally(() => (flushing = null));
      return flushing;
    };

    const onDeletes = async (uris: string[]) => {
      const found = await d.redis.hmget(d.keys.streamWatched(d.sourceId), ...uris);
      for (let k = 0; k < uris.length; k++) {
        const schools = found[k];
        if (schools) await markGone(uris[k]!, schools.split(' '));
      }
    };
    const markGone = async (uri: string, schools: string[]) => {
      for (const school of schools) {
        const id = findingId({ school, platform: 'bluesky', id: uri });
        const moved = await d.findings().moveFinding(id, 'gone', 'open');
        if (moved.moved) {
          await d.audit.append({ school, finding: id, actor: 'uitkijk', action: 'gone', from: 'open', to: 'gone' });
          log.info({ finding: id }, 'bericht verwijderd op het platform; melding bijgewerkt');
        }
      }
    };

    // Synchronous for every event: parse, match, note. What needs Redis or the AppView is done in
    // batches (flush), so the stream is read as fast as it comes, in order.
    const handle = (data: string) => {
      let e: Record<string, unknown> | null;
      try {
        e = obj(JSON.parse(data));
      } catch {
        e = null;
      }
      if (!e || typeof e.time_us !== 'number' || typeof e.did !== 'string') {
        malformed += 1;
        d.metrics.streamEvents.inc({ source: d.sourceId, kind: 'malformed' });
        if (malformed === 1 || malformed % 1000 === 0) log.warn({ malformed }, 'Jetstream: onleesbaar bericht overgeslagen');
        return;
      }
      st.events += 1;
      const kind = typeof e.kind === 'string' ? e.kind : 'other';
      d.metrics.streamEvents.inc({ source: d.sourceId, kind: ['commit', 'identity', 'account'].includes(kind) ? kind : 'other' });
      if (kind === 'commit') {
        const c = obj(e.commit);
        if (c && c.collection === POST && typeof c.rkey === 'string') {
          const uri = `at://${e.did}/${POST}/${c.rkey}`;
          if (c.operation === 'create' || c.operation === 'update') {
            for (const m of index.concerns(e.did, c.record)) {
              pending.push({ uri, school: m.school, context: m.context, timeUs: e.time_us });
              st.matched += 1;
              d.metrics.streamMatched.inc({ source: d.sourceId });
            }
          } else if (c.operation === 'delete') {
            deletes.push({ uri, timeUs: e.time_us });
          }
        }
      }
      st.lastEventUs = Math.max(st.lastEventUs ?? 0, e.time_us);
      if (pending.length >= PAGE || deletes.length >= 500) void flushSoon();
    };

    const timers = [
      setInterval(() => void flushSoon(), t.flushMs),
      setInterval(() => {
        if (st.lastEventUs !== null) d.metrics.streamLagSeconds.set({ source: d.sourceId }, Math.max(0, Date.now() - st.lastEventUs / 1000) / 1000);
        void (flushing ?? Promise.resolve()).then(saveCursor).catch((err: Error) => log.warn({ reason: err.message }, 'cursor niet opgeslagen'));
      }, t.cursorEveryMs),
    ];
    for (const timer of timers) timer.unref?.();

    let attempt = 0;
    try {
      while (!signal.stopped && token) {
        const stored = await d.store.getCursor(d.sourceId);
        const cursor = stored && /^\d+$/.test(stored) ? Math.max(0, Number(stored) - marginUs) : null;
        const url = `${src.url}?wantedCollections=${POST}${cursor !== null ? `&cursor=${cursor}` : ''}`;
        const opened = await new Promise<boolean>((resolve) => {
          const ws = new WebSocket(url);
          socket = ws;
          let open = false;
          ws.onopen = () => {
            open = true;
            attempt = 0;
            st.connected = true;
            d.metrics.streamConnected.set({ source: d.sourceId }, 1);
            log.info({ cursor }, 'Jetstream: verbonden');
          };
          ws.onmessage = (ev) => {
            try {
              handle(typeof ev.data === 'string' ? ev.data : Buffer.from(ev.data as ArrayBuffer).toString('utf8'));
            } catch (err) {
              log.error({ reason: (err as Error).message }, 'Jetstream: bericht verwerken mislukt');
            }
          };
          ws.onerror = () => undefined; // the close that follows says what happened
          ws.onclose = (ev) => {
            socket = null;
            st.connected = false;
            d.metrics.streamConnected.set({ source: d.sourceId }, 0);
            if (!signal.stopped) log.warn({ code: ev.code, wasOpen: open }, 'Jetstream: verbinding verbroken');
            resolve(open);
          };
        });
        await flushSoon();
        await saveCursor();
        if (signal.stopped || !token) break;
        attempt = opened ? 1 : attempt + 1;
        const wait = Math.min(t.backoffMaxMs, t.backoffBaseMs * 2 ** Math.min(16, attempt - 1));
        await sleep(Math.round(wait * (0.5 + Math.random() / 2)), signal);
      }
    } finally {
      for (const timer of timers) clearInterval(timer);
      if (resolveTimer) clearTimeout(resolveTimer);
      await flushSoon();
      await saveCursor().catch(() => undefined);
    }
  }

  async function run(): Promise<void> {
    while (!signal.stopped) {
      const src = source();
      if (!src) return;
      token = await lease.take(d.sourceId, t.leaseMs).catch(() => null);
      if (!token) {
        st.role = 'standby';
        await sleep(t.standbyMs, signal);
        continue;
      }
      st.role = 'holder';
      log.info('Jetstream: deze worker leest de stroom (lease)');
      const held = token;
      const renew = setInterval(() => {
        lease
          .renew(d.sourceId, held, t.leaseMs)
          .then((ok) => {
            if (!ok && token === held) {
              log.warn('Jetstream: lease verloren; een andere worker neemt het over');
              token = null;
              socket?.close();
            }
          })
          .catch(() => undefined);
      }, t.renewMs);
      renew.unref?.();
      try {
        await session(src);
      } catch (err) {
        log.error({ reason: (err as Error).message }, 'Jetstream: sessie mislukt');
        await sleep(t.backoffBaseMs, signal);
      } finally {
        clearInterval(renew);
        if (token === held && releaseOnStop) await lease.release(d.sourceId, held).catch(() => undefined);
        token = null;
      }
    }
  }

  return {
    start() {
      if (running) return;
      signal.stopped = false;
      releaseOnStop = true;
      running = run().finally(() => {
        st.role = 'stopped';
        running = null;
      });
    },
    async stop(opts = {}) {
      signal.stopped = true;
      releaseOnStop = opts.release ?? true;
      socket?.close();
      await running;
    },
    status: () => ({ ...st }),
  };
}
