// The school's own Bluesky account, read-only, with @atproto/api:
// - replies, mentions and quotes from app.bsky.notification.listNotifications (filtered by
//   reason, paged with its cursor back to where the last fetch stopped);
// - replies (also nested) to the school's recent posts from app.bsky.feed.getPostThread.
// It logs in once per account and keeps the session (the agent refreshes it); Bluesky allows
// only 30 logins per 5 minutes. It keeps to 3000 requests per 5 minutes on its own and turns a
// 429 into a RateLimitedError that says when `ratelimit-reset` allows the next try. Deleted
// and blocked posts are skipped, logged by uri. It never calls a write method: the only
// procedures it uses are createSession and refreshSession.

import { AppBskyFeedDefs, AtpAgent, XRPCError } from '@atproto/api';
import type { AppBskyFeedPost, AppBskyNotificationListNotifications } from '@atproto/api';
import { blueskyPasswordEnv } from '../src/config/secrets.ts';
import { RateLimitedError, UitkijkError } from '../src/errors.ts';
import type { Connector, ConnectorEnv, FetchResult, Item, MediaKind, SourceConfig } from './types.ts';

export interface BlueskyOptions {
  /** The HTTP client the agents use (tests record requests through it). */
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  /** Client-side request budget: Bluesky allows 3000 per 5 minutes. */
  budget?: { requests: number; windowMs: number };
  /** At most this many notification pages per fetch (50 each). */
  maxPages?: number;
}

interface Cursor {
  /** indexedAt of the newest notification handed out so far. */
  seenAt?: string;
}

interface Account {
  agent: AtpAgent;
  password: string;
}

const REASONS = ['reply', 'mention', 'quote'];
const DEFAULT_RETRY_MS = 60_000;

type PostRecord = AppBskyFeedPost.Record;

function isPostRecord(r: unknown): r is PostRecord {
  return typeof r === 'object' && r !== null && typeof (r as { text?: unknown }).text === 'string';
}

export function postUrl(handle: string, uri: string): string {
  const rkey = uri.split('/').pop() ?? '';
  return `https://bsky.app/profile/${handle}/post/${rkey}`;
}

/** Media kinds and count from an embed, as a record ($type app.bsky.embed.*) or a view (…#view). */
export function mediaOf(embed: unknown): { kinds: MediaKind[]; count: number } {
  const kinds = new Set<MediaKind>();
  let count = 0;
  const visit = (e: unknown) => {
    if (!e || typeof e !== 'object') return;
    const t = String((e as { $type?: unknown }).$type ?? '').replace(/#view$/, '');
    if (t === 'app.bsky.embed.images') {
      kinds.add('image');
      count += ((e as { images?: unknown[] }).images ?? []).length || 1;
    } else if (t === 'app.bsky.embed.video') {
      kinds.add('video');
      count++;
    } else if (t === 'app.bsky.embed.external') {
      kinds.add('link');
      count++;
    } else if (t === 'app.bsky.embed.record') {
      kinds.add('quote');
      count++;
    } else if (t === 'app.bsky.embed.recordWithMedia') {
      kinds.add('quote');
      count++;
      visit((e as { media?: unknown }).media);
    } else if (t) {
      kinds.add('other');
      count++;
    }
  };
  visit(embed);
  return { kinds: [...kinds], count };
}

function isoOr(a: string | undefined, fallback: string): string {
  const t = a ? Date.parse(a) : NaN;
  return new Date(Number.isFinite(t) ? t : Date.parse(fallback)).toISOString();
}

function readCursor(c: string | null): Cursor {
  if (!c) return {};
  try {
    const v = JSON.parse(c) as unknown;
    return v && typeof v === 'object' ? (v as Cursor) : {};
  } catch {
    return {};
  }
}

function resetMs(err: XRPCError, now: number): number {
  const reset = Number(err.headers?.['ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) return Math.max(1000, reset * 1000 - now);
  const after = Number(err.headers?.['retry-after']);
  return Number.isFinite(after) && after >= 0 ? after * 1000 : DEFAULT_RETRY_MS;
}

export function createBlueskyConnector(opts: BlueskyOptions = {}): Connector & { readonly logins: number } {
  const now = opts.now ?? Date.now;
  const budget = opts.budget ?? { requests: 3000, windowMs: 5 * 60_000 };
  const maxPages = opts.maxPages ?? 10;
  const accounts = new Map<string, Account>();
  let logins = 0;
  let windowStart = now();
  let used = 0;

  const spend = (source: SourceConfig) => {
    const t = now();
    if (t - windowStart >= budget.windowMs) {
      windowStart = t;
      used = 0;
    }
    if (++used > budget.requests) {
      throw new RateLimitedError(`Bron ${source.id}: eigen limiet van ${budget.requests} verzoeken per ${budget.windowMs / 60_000} minuten bereikt.`, windowStart + budget.windowMs - t);
    }
  };

  const translate = (source: SourceConfig, err: unknown): never => {
    if (err instanceof UitkijkError) throw err;
    if (err instanceof XRPCError) {
      if (err.status === 429) throw new RateLimitedError(`Bron ${source.id}: Bluesky vraagt om te wachten (429).`, resetMs(err, now()));
      if (err.status === 401 || err.error === 'AuthenticationRequired' || err.error === 'AccountTakedown') {
        throw new UitkijkError('CONNECTOR_AUTH', `Bron ${source.id}: inloggen bij Bluesky mislukt (${err.error || err.status}); controleer ${blueskyPasswordEnv(source.id)}.`, { cause: err });
      }
      if (err.status >= 500 || err.status < 100) {
        throw new UitkijkError('CONNECTOR_UNAVAILABLE', `Bron ${source.id}: Bluesky is niet bereikbaar (${err.status} ${err.error || ''}).`.replace(' )', ')'), { cause: err });
      }
      throw new UitkijkError('CONNECTOR_BAD_RESPONSE', `Bron ${source.id}: Bluesky weigert het verzoek (${err.status} ${err.error || ''}).`.replace(' )', ')'), { cause: err });
    }
    throw new UitkijkError('CONNECTOR_UNAVAILABLE', `Bron ${source.id}: Bluesky is niet bereikbaar (${(err as Error)?.name ?? 'fout'}).`, { cause: err });
  };

  async function account(source: SourceConfig, env: ConnectorEnv): Promise<Account> {
    const varName = blueskyPasswordEnv(source.id);
    const password = env.env[varName];
    if (!password) throw new UitkijkError('CONNECTOR_AUTH', `Bron ${source.id}: geen app-wachtwoord; zet het in de omgevingsvariabele ${varName}.`);
    const service = String(source.service ?? 'https://bsky.social');
    const key = `${service}|${String(source.handle)}`;
    const known = accounts.get(key);
    if (known && known.password === password && known.agent.hasSession) return known;
    const agent = new AtpAgent({ service, ...(opts.fetch ?? env.fetch ? { fetch: opts.fetch ?? env.fetch } : {}) });
    spend(source);
    logins++;
    try {
      await agent.login({ identifier: String(source.handle), password });
    } catch (err) {
      accounts.delete(key);
      translate(source, err);
    }
    env.log.info({ source: source.id }, 'ingelogd bij Bluesky');
    const acc = { agent, password };
    accounts.set(key, acc);
    return acc;
  }

  /** One XRPC call within the budget; an invalid session logs in again, once. */
  async function call<T>(source: SourceConfig, env: ConnectorEnv, fn: (agent: AtpAgent) => Promise<T>): Promise<T> {
    let acc = await account(source, env);
    for (let attempt = 0; ; attempt++) {
      spend(source);
      try {
        return await fn(acc.agent);
      } catch (err) {
        const expired = err instanceof XRPCError && (err.status === 401 || err.error === 'ExpiredToken' || err.error === 'InvalidToken');
        if (expired && attempt === 0) {
          accounts.delete(`${String(source.service ?? 'https://bsky.social')}|${String(source.handle)}`);
          acc = await account(source, env);
          continue;
        }
        return translate(source, err);
      }
    }
  }

  return {
    kind: 'bluesky',
    get logins() {
      return logins;
    },
    async fetch(source: SourceConfig, cursor: string | null, env: ConnectorEnv): Promise<FetchResult> {
      const state = readCursor(cursor);
      const items = new Map<string, Item>();
      const skipped: FetchResult['skipped'] = [];
      const acc = await account(source, env);
      const schoolDid = acc.agent.session?.did;

      const add = (uri: string, author: { did: string; handle: string; displayName?: string }, record: unknown, indexedAt: string, context: 'reply' | 'mention', embed: unknown) => {
        if (author.did === schoolDid || items.has(uri)) return;
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
      let newest = state.seenAt;
      let page: string | undefined;
      for (let p = 0; p < maxPages; p++) {
        const res: AppBskyNotificationListNotifications.Response = await call(source, env, (agent) =>
          agent.app.bsky.notification.listNotifications({ reasons: REASONS, limit: 50, ...(page ? { cursor: page } : {}) }),
        );
        let reachedSeen = false;
        for (const n of res.data.notifications) {
          if (state.seenAt && n.indexedAt <= state.seenAt) {
            reachedSeen = true;
            continue;
          }
          if (!REASONS.includes(n.reason)) continue;
          if (!newest || n.indexedAt > newest) newest = n.indexedAt;
          add(n.uri, n.author, n.record, n.indexedAt, n.reason === 'reply' ? 'reply' : 'mention', undefined);
        }
        page = res.data.cursor;
        if (reachedSeen || !page) break;
      }

      // 2. Replies to the school's recent posts (threads have no cursor; the seen-set dedupes).
      const feed = await call(source, env, (agent) =>
        agent.app.bsky.feed.getAuthorFeed({ actor: String(source.handle), limit: Number(source.postsToScan ?? 20), filter: 'posts_no_replies' }),
      );
      for (const entry of feed.data.feed) {
        if (entry.reason) continue; // a repost of someone else's post
        const root = entry.post;
        if (root.author.did !== schoolDid) continue;
        if (root.replyCount === 0) continue;
        let thread: AppBskyFeedDefs.ThreadViewPost | { $type: string };
        try {
          thread = (await call(source, env, (agent) => agent.app.bsky.feed.getPostThread({ uri: root.uri, depth: 10, parentHeight: 0 }))).data.thread;
        } catch (err) {
          if (err instanceof UitkijkError && err.code === 'CONNECTOR_BAD_RESPONSE' && /NotFound/.test(err.message)) {
            skipped.push({ id: root.uri, reason: 'bericht verwijderd' });
            continue;
          }
          throw err;
        }
        type ThreadNode = AppBskyFeedDefs.ThreadViewPost | AppBskyFeedDefs.NotFoundPost | AppBskyFeedDefs.BlockedPost | { $type: string };
        const walk = (node: ThreadNode, depth: number) => {
          if (AppBskyFeedDefs.isNotFoundPost(node)) {
            skipped.push({ id: (node as AppBskyFeedDefs.NotFoundPost).uri, reason: 'bericht verwijderd' });
            return;
          }
          if (AppBskyFeedDefs.isBlockedPost(node)) {
            skipped.push({ id: (node as AppBskyFeedDefs.BlockedPost).uri, reason: 'bericht geblokkeerd' });
            return;
          }
          if (!AppBskyFeedDefs.isThreadViewPost(node) || depth > 10) return;
          const tv = node as AppBskyFeedDefs.ThreadViewPost;
          if (depth > 0) add(tv.post.uri, tv.post.author, tv.post.record, tv.post.indexedAt, 'reply', tv.post.embed);
          for (const r of tv.replies ?? []) walk(r as ThreadNode, depth + 1);
        };
        walk(thread as Parameters<typeof walk>[0], 0);
      }

      for (const s of skipped) env.log.debug({ source: source.id, uri: s.id, reason: s.reason }, 'overgeslagen');
      const next: Cursor = newest ? { seenAt: newest } : {};
      return { items: [...items.values()], cursor: newest ? JSON.stringify(next) : cursor, skipped };
    },
    async close() {
      accounts.clear();
    },
  };
}
