// Comments on the school's own Instagram posts (a professional account), through Meta's Graph
// API with a token from INSTAGRAM_TOKEN_<SOURCE ID>: made with Instagram login (host
// graph.instagram.com; instagram_business_basic, instagram_business_manage_comments) or with
// Facebook login (graph.facebook.com; instagram_basic, instagram_manage_comments,
// pages_read_engagement) — `login` in the config says which, `graphUrl` overrides the host.
// The account's media younger than `window` come from `GET /{version}/{ig-user-id}/media` with
// their `comments_count`; only media whose count changed since the last run are read again:
// `GET /{version}/{ig-media-id}/comments` with the first replies inlined (`replies{…}`) and the
// rest from `GET /{version}/{ig-comment-id}/replies`. Every comment is a `reply` (a removal
// candidate under A6). An Instagram comment has no address of its own (IG Comment has no
// permalink field), so an item links to the post it stands under.
//
// The stored cursor holds, per media still in the window, its comments_count and the newest
// `timestamp` seen with the ids at that time (`Mark`); never a Graph cursor. Usage headers,
// throttling and errors are handled as for Facebook (connectors/graph.ts). The account's own
// username is read once (`GET /{ig-user-id}?fields=id,username`) so its own replies are left
// out. Logs carry ids and counts, never a text, a username or the token. It only reads.

import { parseDuration } from '../src/config/duration.ts';
import type { InstagramSource } from '../src/config/schema.ts';
import { UitkijkError } from '../src/errors.ts';
import type { Item } from '../src/item.ts';
import { readJsonCursor } from './common.ts';
import { advance, covered, createGraphClient, graphStillThere, graphTime, markFromJson, markToJson, obj, str, webUrl } from './graph.ts';
import type { GraphClient, Mark } from './graph.ts';
import type { Connector, ConnectorEnv, FetchResult } from './types.ts';

export const UNKNOWN_AUTHOR = '(onbekend)';
export const MEDIA_FIELDS = 'id,permalink,timestamp,comments_count';
export const IG_COMMENT_FIELDS = 'id,text,timestamp,username,from,replies{id,text,timestamp,username}';
const REPLY_FIELDS = 'id,text,timestamp,username';
const MEDIA_PAGE = 25;
const COMMENT_PAGE = 50;
const MAX_MEDIA_PAGES = 20;
/** A media's comments are read to the end; this bounds a runaway listing. */
const MAX_COMMENT_PAGES = 100;
const DEFAULT_WINDOW_MS = 14 * 86_400_000;

const HOSTS = { instagram: 'https://graph.instagram.com', facebook: 'https://graph.facebook.com' } as const;

/** The Graph host of an Instagram source: `graphUrl` when set, else the one its login type uses. */
export function instagramGraphBase(source: Pick<InstagramSource, 'login' | 'graphUrl'>): string {
  return (source.graphUrl ?? HOSTS[source.login] ?? HOSTS.instagram).replace(/\/+$/, '');
}

/** The permissions a token of this login type needs to read comments (Meta has no narrower ones). */
export function instagramPermissions(login: InstagramSource['login']): string {
  return login === 'facebook'
    ? 'instagram_basic, instagram_manage_comments, pages_show_list en pages_read_engagement'
    : 'instagram_business_basic en instagram_business_manage_comments';
}

interface MediaState {
  /** comments_count when the media was last read to the end. */
  c: number;
  t?: string;
  ids?: string[];
}

interface Cursor {
  media: Record<string, MediaState>;
}

interface Media {
  id: string;
  permalink: string | null;
  count: number | null;
}

function readCursor(cursor: string | null): Map<string, { c: number; mark: Mark | null }> {
  const state = readJsonCursor(cursor, (v) => ({ media: obj(v.media) ?? {} }));
  const out = new Map<string, { c: number; mark: Mark | null }>();
  for (const [id, raw] of Object.entries(state?.media ?? {})) {
    const m = obj(raw);
    if (m && typeof m.c === 'number' && Number.isInteger(m.c) && m.c >= 0) out.set(id, { c: m.c, mark: markFromJson(m) });
  }
  return out;
}

function stateOf(c: number, mark: Mark | null): MediaState {
  return mark ? { c, ...markToJson(mark) } : { c };
}

type Read = { item: Item; created: number; id: string } | { skip: string; id: string; created: number | null } | { own: true; created: number; id: string };

function readComment(raw: unknown, media: Media, source: InstagramSource, me: string | null): Read {
  const c = obj(raw);
  const id = str(c?.id);
  if (!c || !id) return { skip: 'reactie zonder id', id: 'instagram:?', created: null };
  const created = graphTime(c.timestamp);
  if (created === null) return { skip: 'reactie met onleesbare timestamp', id: `instagram:${id}`, created: null };
  const username = str(c.username) ?? str(obj(c.from)?.username);
  if (username && me && username.toLowerCase() === me) return { own: true, created, id };
  const text = typeof c.text === 'string' ? c.text.trim() : '';
  if (!text) return { skip: 'geen tekst', id: `instagram:${id}`, created };
  return {
    id,
    created,
    item: {
      id: `instagram:${id}`,
      source: source.id,
      platform: 'instagram',
      context: 'reply',
      // IG Comment has no permalink: the post's own address is the nearest one a person can open.
      url: media.permalink ?? 'https://www.instagram.com/',
      author: { handle: username ? `@${username}` : UNKNOWN_AUTHOR },
      text,
      createdAt: new Date(created).toISOString(),
      ...(media.permalink ? { inReplyTo: media.permalink } : {}),
      media: { kinds: [], count: 0 },
      school: source.school,
    },
  };
}

function client(source: InstagramSource, env: ConnectorEnv, token: string, now: () => number): GraphClient {
  return createGraphClient({
    sourceId: source.id,
    platform: 'Instagram',
    base: instagramGraphBase(source),
    version: source.apiVersion,
    token,
    tokenVar: env.secrets.envNameFor(source),
    permissions: instagramPermissions(source.login),
    idKey: 'userId',
    env,
    now,
  });
}

export function createInstagramConnector(opts: { now?: () => number } = {}): Connector<'instagram'> {
  const now = opts.now ?? Date.now;
  /** The account's own username (lower case) per host, account and token, kept between fetches. */
  const usernames = new Map<string, string | null>();

  return {
    kind: 'instagram',
    async stillThere(source: InstagramSource, wanted: readonly Item[], env: ConnectorEnv): Promise<Map<string, boolean>> {
      const token = env.secrets.forSource(source);
      if (!token) return new Map();
      return graphStillThere(client(source, env, token, now), { platform: 'Instagram', ownerId: source.userId, sourceId: source.id, log: env.log }, wanted);
    },

    async fetch(source: InstagramSource, cursor: string | null, env: ConnectorEnv): Promise<FetchResult> {
      const token = env.secrets.forSource(source);
      if (!token) {
        throw new UitkijkError(
          'CONNECTOR_AUTH',
          `Bron ${source.id}: er is geen Instagram-token; zet ${env.secrets.envNameFor(source)} (een token met ${instagramPermissions(source.login)}).`,
        );
      }
      const graph = client(source, env, token, now);
      const since = now() - (parseDuration(source.window) ?? DEFAULT_WINDOW_MS);
      const state = readCursor(cursor);
      const slowDown = () =>
        env.log.warn(
          { source: source.id, usage: graph.peak() },
          'Instagram: het gebruik van de Graph-limieten is boven 80%; deze ronde stopt hier en de rest volgt bij de volgende',
        );

      const key = `${instagramGraphBase(source)}\u0000${source.userId}\u0000${token}`;
      if (!usernames.has(key)) {
        const me = obj(await graph.get(graph.url(source.userId, { fields: 'id,username' })));
        usernames.set(key, str(me?.username)?.toLowerCase() ?? null);
      }
      const me = usernames.get(key) ?? null;

      // The account's media in the window, newest first.
      const media = new Map<string, Media>();
      let url: string | null = graph.url(`${source.userId}/media`, { fields: MEDIA_FIELDS, limit: String(MEDIA_PAGE) });
      for (let pages = 0; url && pages < MAX_MEDIA_PAGES; pages++) {
        const page = await graph.page(url);
        let older = false;
        for (const raw of page.data) {
          const m = obj(raw);
          const id = str(m?.id);
          const created = graphTime(m?.timestamp);
          if (!m || !id || created === null) {
            env.log.warn({ source: source.id, media: id ?? '?' }, 'Instagram: bericht van het account onleesbaar; de reacties erop zijn overgeslagen');
            continue;
          }
          if (created < since) older = true;
          else if (!media.has(id)) {
            const count = typeof m.comments_count === 'number' && Number.isInteger(m.comments_count) && m.comments_count >= 0 ? m.comments_count : null;
            media.set(id, { id, permalink: webUrl(m.permalink), count });
          }
        }
        url = older ? null : page.next;
        if (url && graph.overLimit()) {
          slowDown();
          return { items: [], cursor, skipped: [] };
        }
      }

      const items: Item[] = [];
      const skipped: FetchResult['skipped'] = [];
      const handed = new Set<string>();
      const kept: Cursor['media'] = {};
      let stop: 'usage' | 'max' | null = graph.overLimit() ? 'usage' : null;
      let readMedia = 0;
      const full = () => items.length + skipped.length >= env.maxItems;

      for (const m of media.values()) {
        const old = state.get(m.id) ?? null;
        const keep = () => {
          if (old) kept[m.id] = stateOf(old.c, old.mark);
        };
        // Unchanged since it was last read to the end (none yet counts as 0): nothing to read.
        if (m.count !== null && m.count === (old?.c ?? 0)) {
          keep();
          continue;
        }
        if (stop) {
          keep();
          continue;
        }
        readMedia += 1;
        const known = old?.mark ?? null;
        let mark = known;
        const take = (raw: unknown) => {
          const r = readComment(raw, m, source, me);
          if (r.created !== null) {
            if (covered(known, r.created, r.id)) return;
            mark = advance(mark, r.created, r.id);
          }
          if ('own' in r) return;
          if ('skip' in r) skipped.push({ id: r.id, reason: r.skip });
          else if (!handed.has(r.item.id)) {
            handed.add(r.item.id);
            items.push(r.item);
          }
        };
        let complete = false;
        let partial = false;
        let next: string | null = graph.url(`${m.id}/comments`, { fields: IG_COMMENT_FIELDS, limit: String(COMMENT_PAGE) });
        // The count changed somewhere — a new comment, or a reply under an old one — so the
        // listing is read to the end: its order says nothing about where the new one is.
        for (let pages = 0; next && !stop; pages++) {
          const page = await graph.page(next);
          for (const raw of page.data) {
            take(raw);
            const replies = obj(obj(raw)?.replies);
            for (const r of Array.isArray(replies?.data) ? replies.data : []) take(r);
            const cid = str(obj(raw)?.id);
            // More replies than were inlined: the rest from the comment's own replies edge.
            if (cid && typeof obj(replies?.paging)?.next === 'string') {
              if (graph.overLimit()) {
                partial = true;
                continue;
              }
              let more: string | null = graph.url(`${cid}/replies`, { fields: REPLY_FIELDS, limit: String(COMMENT_PAGE) });
              for (let rp = 0; more && rp < MAX_COMMENT_PAGES; rp++) {
                const rpage = await graph.page(more);
                for (const r of rpage.data) take(r);
                more = rpage.next;
                if (more && graph.overLimit()) break;
              }
              if (more) partial = true;
            }
          }
          next = pages + 1 < MAX_COMMENT_PAGES ? page.next : null;
          if (!next && !partial) complete = true;
          if (graph.overLimit()) stop = 'usage';
          else if (!stop && full()) stop = 'max';
        }
        if (complete && m.count !== null) kept[m.id] = stateOf(m.count, mark);
        else keep();
      }
      if (stop === 'usage') slowDown();
      else if (stop === 'max')
        env.log.info({ source: source.id, maxItems: env.maxItems }, 'Instagram: maximum aantal items bereikt; de rest volgt bij de volgende ronde');
      env.log.info(
        { source: source.id, media: media.size, read: readMedia, items: items.length, skipped: skipped.length, requests: graph.requests() },
        'Instagram gelezen',
      );
      return { items, cursor: JSON.stringify({ media: kept } satisfies Cursor), skipped };
    },
  };
}
