// The school's own Bluesky account, read-only, with @atproto/api:
// - replies, mentions and quotes from app.bsky.notification.listNotifications (filtered by
//   reason, paged with its cursor back to where the last fetch stopped);
// - replies (also nested) to the school's recent posts from app.bsky.feed.getPostThread.
// It logs in once per account and keeps the session (the agent refreshes it); Bluesky allows
// only 30 logins per 5 minutes, so a refused password is not tried again until it changes, and
// an invalid session leads to at most one new login per fetch. It keeps to 3000 requests per
// 5 minutes on its own and turns a 429 into a RateLimitedError that says when `ratelimit-reset`
// allows the next try. Deleted and blocked posts are skipped, logged by uri. It never calls a
// write method: the only procedures it uses are createSession and refreshSession. It logs ids,
// uris and counts; never a text, an author or a password.

import { createHash } from 'node:crypto';
import { AppBskyFeedDefs, AtpAgent, XRPCError } from '@atproto/api';
import type { AppBskyFeedPost, AppBskyNotificationListNotifications } from '@atproto/api';
import { RateLimitedError, UitkijkError } from '../src/errors.ts';
import { parseRetryAfter, readJsonCursor } from './common.ts';
import { mediaOf, postUrl } from './bluesky-post.ts';
import { describeNetworkError, limitedFetch, safeUrl } from './http.ts';
import type { Connector, ConnectorEnv, FetchResult, Item, SourceOf } from './types.ts';

type BlueskySource = SourceOf<'bluesky'>;

export interface BlueskyOptions {
  /** The HTTP client the agents use (tests record requests through it). */
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  /** Client-side request budget: Bluesky allows 3000 per 5 minutes. */
  budget?: { requests: number; windowMs: number };
  /** At most this many notification pages per fetch (50 each). */
  maxPages?: number;
  /** How deep replies under a school post are read. */
  threadDepth?: number;
  /** How long a password Bluesky refused is not tried again (unless it changes). */
  refusedLoginMs?: number;
}

interface Cursor {
  /** indexedAt of the newest notification handed out so far. */
  seenAt?: string;
  /** The notifications with exactly that indexedAt (a later one may share the timestamp). */
  seenUris?: string[];
}

interface Account {
  agent: AtpAgent;
  /** sha256 of the password the session was made with: a changed secret means a new login. */
  secret: string;
  /** The HTTP client of the fetch under way: its limits come from the config in force. */
  http: { fetch: typeof globalThis.fetch };
}

type ThreadNode = AppBskyFeedDefs.ThreadViewPost | AppBskyFeedDefs.NotFoundPost | AppBskyFeedDefs.BlockedPost | { $type: string };

const REASONS = ['reply', 'mention', 'quote'];
const PAGE_SIZE = 50;

function isPostRecord(r: unknown): r is AppBskyFeedPost.Record {
  return typeof r === 'object' && r !== null && typeof (r as { text?: unknown }).text === 'string';
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex');
const time = (iso: string | undefined) => (iso ? Date.parse(iso) : NaN);

function isoOr(a: string | undefined, fallback: string): string {
  const t = time(a);
  const f = time(fallback);
  return new Date(Number.isFinite(t) ? t : Number.isFinite(f) ? f : 0).toISOString();
}

function readCursor(c: string | null): Cursor {
  return (
    readJsonCursor(c, ({ seenAt, seenUris }) => ({
      ...(typeof seenAt === 'string' && Number.isFinite(time(seenAt)) ? { seenAt } : {}),
      ...(Array.isArray(seenUris) ? { seenUris: seenUris.filter((u): u is string => typeof u === 'string') } : {}),
    })) ?? {}
  );
}

function resetMs(err: XRPCError, now: number): number {
  const reset = Number(err.headers?.['ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) return Math.max(1000, reset * 1000 - now);
  return Math.max(1000, parseRetryAfter(err.headers?.['retry-after'], now));
}

const isSessionError = (err: unknown) => err instanceof XRPCError && (err.status === 401 || err.error === 'ExpiredToken' || err.error === 'InvalidToken');
const isNotFound = (err: unknown) => err instanceof XRPCError && (err.error === 'NotFound' || err.status === 404);

export function createBlueskyConnector(opts: BlueskyOptions = {}): Connector<'bluesky'> & { readonly logins: number } {
  const now = opts.now ?? Date.now;
  const budget = opts.budget ?? { requests: 3000, windowMs: 5 * 60_000 };
  const maxPages = opts.maxPages ?? 10;
  const threadDepth = opts.threadDepth ?? 10;
  const refusedLoginMs = opts.refusedLoginMs ?? 30 * 60_000;
  const accounts = new Map<string, Account>();
  /** Logins under way, so concurrent fetches of one account share one createSession. */
  const pending = new Map<string, Promise<Account>>();
  /** Passwords Bluesky refused, per account: sha256 → until when not to try again. */
  const refused = new Map<string, { secret: string; until: number; reason: string }>();
  let logins = 0;
  let windowStart = now();
  let used = 0;

  const spend = (source: BlueskySource) => {
    const t = now();
    if (t - windowStart >= budget.windowMs) {
      windowStart = t;
      used = 0;
    }
    if (++used > budget.requests) {
      throw new RateLimitedError(
        `Bron ${source.id}: eigen limiet van ${budget.requests} verzoeken per ${budget.windowMs / 60_000} minuten bereikt.`,
        Math.max(1000, windowStart + budget.windowMs - t),
      );
    }
  };

  const translate = (source: BlueskySource, env: ConnectorEnv, err: unknown, during: 'login' | 'read'): never => {
    if (err instanceof UitkijkError) throw err;
    if (err instanceof XRPCError) {
      // A request that never got an answer: the limited fetch already said what happened.
      if (err.cause instanceof UitkijkError) throw err.cause;
      const what = `${err.status}${err.error ? ` ${err.error}` : ''}`;
      if (err.status === 429) throw new RateLimitedError(`Bron ${source.id}: Bluesky vraagt om te wachten (429).`, resetMs(err, now()));
      if (
        err.status === 401 ||
        err.error === 'AuthenticationRequired' ||
        err.error === 'AccountTakedown' ||
        (during === 'login' && err.status >= 400 && err.status < 500)
      ) {
        throw new UitkijkError(
          'CONNECTOR_AUTH',
          `Bron ${source.id}: inloggen bij Bluesky (${safeUrl(source.service)}) mislukt (${what}); controleer de handle en het app-wachtwoord in ${env.secrets.envNameFor(source)}.`,
          { cause: err },
        );
      }
      if (err.status >= 500) {
        throw new UitkijkError('CONNECTOR_UNAVAILABLE', `Bron ${source.id}: Bluesky op ${safeUrl(source.service)} geeft een serverfout (HTTP ${what}).`, {
          cause: err,
        });
      }
      if (err.status < 100) {
        throw new UitkijkError(
          'CONNECTOR_UNAVAILABLE',
          `Bron ${source.id}: Bluesky op ${safeUrl(source.service)} is niet bereikbaar: ${describeNetworkError(err.cause ?? err, env.limits.timeoutMs)}.`,
          { cause: err },
        );
      }
      throw new UitkijkError('CONNECTOR_BAD_RESPONSE', `Bron ${source.id}: Bluesky op ${safeUrl(source.service)} weigert het verzoek (HTTP ${what}).`, {
        cause: err,
      });
    }
    throw new UitkijkError(
      'CONNECTOR_UNAVAILABLE',
      `Bron ${source.id}: Bluesky op ${safeUrl(source.service)} is niet bereikbaar: ${describeNetworkError(err, env.limits.timeoutMs)}.`,
      { cause: err },
    );
  };

  const clientFor = (source: BlueskySource, env: ConnectorEnv) => limitedFetch(env.limits, opts.fetch ?? env.fetch ?? globalThis.fetch, `Bron ${source.id}`);

  const keyOf = (source: BlueskySource) => `${source.service}|${source.handle}`;

  async function login(source: BlueskySource, env: ConnectorEnv, key: string, password: string, secret: string): Promise<Account> {
    const http = { fetch: clientFor(source, env) };
    // The agent lives as long as its session; each fetch sets the client it goes through.
    const agent = new AtpAgent({ service: source.service, fetch: (input, init) => http.fetch(input, init) });
    spend(source);
    logins++;
    try {
      await agent.login({ identifier: source.handle, password });
    } catch (err) {
      try {
        translate(source, env, err, 'login');
      } catch (e) {
        if (e instanceof UitkijkError && e.code === 'CONNECTOR_AUTH') refused.set(key, { secret, until: now() + refusedLoginMs, reason: e.message });
        throw e;
      }
    }
    refused.delete(key);
    env.log.info({ source: source.id }, 'ingelogd bij Bluesky');
    const acc = { agent, secret, http };
    accounts.set(key, acc);
    return acc;
  }

  /** The account's agent with a session: the cached one, or one new login. */
  async function account(source: BlueskySource, env: ConnectorEnv, fresh = false): Promise<Account> {
    const varName = env.secrets.envNameFor(source);
    const password = env.secrets.forSource(source);
    if (!password) throw new UitkijkError('CONNECTOR_AUTH', `Bron ${source.id}: geen app-wachtwoord; zet het in de omgevingsvariabele ${varName}.`);
    const key = keyOf(source);
    const secret = hash(password);
    const known = accounts.get(key);
    if (!fresh && known && known.secret === secret && known.agent.hasSession) return known;
    accounts.delete(key);
    const no = refused.get(key);
    if (no && no.secret === secret && no.until > now()) {
      throw new UitkijkError('CONNECTOR_AUTH', `${no.reason} (Niet opnieuw geprobeerd: Bluesky staat maar 30 inlogpogingen per 5 minuten toe.)`);
    }
    let p = pending.get(key);
    if (!p) {
      p = login(source, env, key, password, secret).finally(() => pending.delete(key));
      pending.set(key, p);
    }
    return p;
  }

  return {
    kind: 'bluesky',
    get logins() {
      return logins;
    },
    async fetch(source: BlueskySource, cursor: string | null, env: ConnectorEnv): Promise<FetchResult> {
      const state = readCursor(cursor);
      const items = new Map<string, Item>();
      const skipped: FetchResult['skipped'] = [];
      let acc = await account(source, env);
      acc.http.fetch = clientFor(source, env);
      let relogged = false;
      let requests = 0;

      /** One XRPC call within the budget; an invalid session logs in again, once per fetch. */
      const call = async <T>(fn: (agent: AtpAgent) => Promise<T>): Promise<T> => {
        for (;;) {
          spend(source);
          requests++;
          try {
            return await fn(acc.agent);
          } catch (err) {
            if (isSessionError(err) && !relogged) {
              relogged = true;
              env.log.info({ source: source.id }, 'Bluesky-sessie verlopen; opnieuw inloggen');
              acc = await account(source, env, true);
              acc.http.fetch = clientFor(source, env);
              continue;
            }
            return translate(source, env, err, 'read');
          }
        }
      };

      const schoolDid = acc.agent.session?.did;
      const ownHandles = new Set(env.school.handles.map((h) => h.replace(/^@/, '').toLowerCase()));
      const add = (
        uri: string,
        author: { did: string; handle: string; displayName?: string },
        record: unknown,
        indexedAt: string,
        context: 'reply' | 'mention',
        embed: unknown,
      ) => {
        // The school's own posts, from this account or another of its accounts, are not reactions.
        if (author.did === schoolDid || ownHandles.has(author.handle.toLowerCase()) || items.has(uri)) return;
        if (!isPostRecord(record)) {
          skipped.push({ id: uri, reason: 'geen bericht' });
          return;
        }
        if (!record.text.trim()) {
          skipped.push({ id: uri, reason: 'geen tekst' });
          return;
        }
        items.set(uri, {
          id: uri,
          source: source.id,
          platform: 'bluesky',
          context,
          url: postUrl(author.handle, uri),
          author: { handle: author.handle, ...(author.displayName ? { displayName: author.displayName } : {}) },
          text: record.text,
          createdAt: isoOr(record.createdAt, indexedAt),
          ...(record.reply?.parent?.uri ? { inReplyTo: record.reply.parent.uri } : {}),
          media: mediaOf(embed ?? record.embed),
          school: source.school,
        });
      };

      // 1. Notifications, newest first, back to what the last fetch already handed out.
      const seenAt = time(state.seenAt);
      const seenUris = new Set(state.seenUris ?? []);
      const alreadySeen = (n: AppBskyNotificationListNotifications.Notification) => {
        const t = time(n.indexedAt);
        return Number.isFinite(seenAt) && (t < seenAt || (t === seenAt && seenUris.has(n.uri)));
      };
      let newest = state.seenAt;
      let newestUris = new Set(seenUris);
      let page: string | undefined;
      let pages = 0;
      let complete = false;
      while (pages < maxPages) {
        pages++;
        const res = await call((agent) =>
          agent.app.bsky.notification.listNotifications({ reasons: REASONS, limit: PAGE_SIZE, ...(page ? { cursor: page } : {}) }),
        );
        let reachedSeen = false;
        for (const n of res.data.notifications) {
          if (alreadySeen(n)) {
            reachedSeen = true;
            continue;
          }
          if (!REASONS.includes(n.reason)) continue;
          const t = time(n.indexedAt);
          if (Number.isFinite(t)) {
            const top = time(newest);
            if (!Number.isFinite(top) || t > top) {
              newest = n.indexedAt;
              newestUris = new Set([n.uri]);
            } else if (t === top) newestUris.add(n.uri);
          }
          add(n.uri, n.author, n.record, n.indexedAt, n.reason === 'reply' ? 'reply' : 'mention', undefined);
        }
        page = res.data.cursor;
        if (reachedSeen || !page || res.data.notifications.length === 0) {
          complete = true;
          break;
        }
      }
      if (!complete) env.log.warn({ source: source.id, pages }, 'meer meldingen dan de paginalimiet; oudere meldingen niet gelezen');

      // 2. Replies to the school's recent posts (threads have no cursor; the seen-set dedupes).
      const feed = await call((agent) =>
        agent.app.bsky.feed.getAuthorFeed({ actor: schoolDid ?? source.handle, limit: Math.min(100, source.postsToScan), filter: 'posts_no_replies' }),
      );
      let threads = 0;
      for (const entry of feed.data.feed) {
        if (entry.reason) continue; // a repost of someone else's post
        const root = entry.post;
        if (root.author.did !== schoolDid) continue;
        if (root.replyCount === 0) continue;
        threads++;
        // A post deleted between the listing and this read is gone, not an error.
        const thread = await call(async (agent) => {
          try {
            return (await agent.app.bsky.feed.getPostThread({ uri: root.uri, depth: threadDepth, parentHeight: 0 })).data.thread as ThreadNode;
          } catch (err) {
            if (isNotFound(err)) return null;
            throw err;
          }
        });
        if (!thread) {
          skipped.push({ id: root.uri, reason: 'bericht verwijderd' });
          continue;
        }
        const walk = (node: ThreadNode, depth: number) => {
          if (AppBskyFeedDefs.isNotFoundPost(node)) {
            skipped.push({ id: (node as AppBskyFeedDefs.NotFoundPost).uri, reason: 'bericht verwijderd' });
            return;
          }
          if (AppBskyFeedDefs.isBlockedPost(node)) {
            skipped.push({ id: (node as AppBskyFeedDefs.BlockedPost).uri, reason: 'bericht geblokkeerd' });
            return;
          }
          if (!AppBskyFeedDefs.isThreadViewPost(node) || depth > threadDepth) return;
          const tv = node as AppBskyFeedDefs.ThreadViewPost;
          if (depth > 0) add(tv.post.uri, tv.post.author, tv.post.record, tv.post.indexedAt, 'reply', tv.post.embed);
          for (const r of tv.replies ?? []) walk(r as ThreadNode, depth + 1);
        };
        walk(thread, 0);
      }

      for (const s of skipped) env.log.debug({ source: source.id, uri: s.id, reason: s.reason }, 'overgeslagen');
      env.log.info({ source: source.id, items: items.size, skipped: skipped.length, pages, threads, requests }, 'Bluesky gelezen');
      const next: Cursor | null = newest ? { seenAt: newest, seenUris: [...newestUris] } : null;
      return { items: [...items.values()], cursor: next ? JSON.stringify(next) : cursor, skipped };
    },
    // app.bsky.feed.getPosts answers the posts the AppView still has, at most 25 per call; a
    // post deleted by its author (or taken down) is simply absent from the answer.
    async stillThere(source: BlueskySource, items: readonly Item[], env: ConnectorEnv): Promise<Map<string, boolean>> {
      const out = new Map<string, boolean>();
      const uris = items.map((i) => i.id).filter((id) => id.startsWith('at://'));
      if (uris.length === 0) return out;
      const acc = await account(source, env);
      acc.http.fetch = clientFor(source, env);
      for (let i = 0; i < uris.length; i += 25) {
        const batch = uris.slice(i, i + 25);
        spend(source);
        try {
          const res = await acc.agent.app.bsky.feed.getPosts({ uris: batch });
          const present = new Set(res.data.posts.map((p) => p.uri));
          for (const uri of batch) out.set(uri, present.has(uri));
        } catch (err) {
          // Not knowing is not "gone": these stay open for a moderator.
          env.log.warn({ source: source.id, reason: (err as Error).message }, 'Bluesky: berichten niet opnieuw op te zoeken');
        }
      }
      return out;
    },
    async close() {
      // Sessions are simply dropped: logging out (deleteSession) would be a write.
      accounts.clear();
      pending.clear();
      refused.clear();
    },
  };
}
