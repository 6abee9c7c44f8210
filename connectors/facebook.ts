// Comments on the school's own Facebook Page posts, through Meta's Graph API with a Page access
// token (pages_read_engagement, pages_read_user_content) from FACEBOOK_PAGE_TOKEN_<SOURCE ID>.
// The Page's posts younger than `window` come from `GET /{version}/{page-id}/posts`; the
// comments on each from `GET /{version}/{post-id}/comments?filter=stream&order=
// reverse_chronological` — with filter=stream the replies to comments come too (each with its
// `parent`), newest first. Every comment is a `reply` (a removal candidate under A6): it stands
// under the school's own post.
//
// The stored cursor holds, per post still in the window, the newest `created_time` seen and
// the comment ids at exactly that time (`Mark`), never a Graph cursor (those expire). Paging a
// post's comments stops at the first page that holds nothing newer. When Meta's usage headers
// pass 80%, the fetch stops early and returns what it read with a cursor that covers only the
// posts it read to the end; throttling errors (4, 17, 32, 613, 80001) and HTTP 429 delay this
// source only. Without `from` (Meta leaves it out when the token may not see who wrote it) the
// author is UNKNOWN_AUTHOR. Logs carry ids and counts, never a text, a name or the token.
// It only reads: every request is a GET.

import { parseDuration } from '../src/config/duration.ts';
import type { FacebookSource } from '../src/config/schema.ts';
import { UitkijkError } from '../src/errors.ts';
import type { Item, MediaKind } from '../src/item.ts';
import { readJsonCursor } from './common.ts';
import { advance, covered, createGraphClient, graphStillThere, graphTime, markFromJson, markToJson, obj, str, webUrl } from './graph.ts';
import type { GraphClient, Mark } from './graph.ts';
import type { Connector, ConnectorEnv, FetchResult } from './types.ts';

/** The author of a comment whose `from` Meta left out: no name is known. */
export const UNKNOWN_AUTHOR = '(onbekend)';
export const FACEBOOK_PERMISSIONS = 'pages_read_engagement en pages_read_user_content';
export const COMMENT_FIELDS = 'id,message,created_time,from,parent,permalink_url,attachment';

const POST_FIELDS = 'id,created_time,permalink_url';
const POST_PAGE = 25;
const COMMENT_PAGE = 100;
/** At most this many pages of posts: a window of weeks holds far fewer. */
const MAX_POST_PAGES = 20;
const DEFAULT_WINDOW_MS = 14 * 86_400_000;

interface Cursor {
  /** Per post id: the newest comment time seen, and the ids at that time. */
  posts: Record<string, { t: string; ids: string[] }>;
}

interface Post {
  id: string;
  created: number;
  permalink: string | null;
}

/** The media kind of a comment's attachment (StoryAttachment `type`). */
export function attachmentKind(type: unknown): MediaKind {
  if (typeof type !== 'string') return 'other';
  if (type === 'photo' || type === 'sticker' || type.startsWith('animated_image') || type.startsWith('photo')) return 'image';
  if (type.includes('video')) return 'video';
  if (type === 'share') return 'link';
  return 'other';
}

function readCursor(cursor: string | null): Map<string, Mark> {
  const state = readJsonCursor(cursor, (v) => ({ posts: obj(v.posts) ?? {} }));
  const out = new Map<string, Mark>();
  for (const [id, m] of Object.entries(state?.posts ?? {})) {
    const mark = markFromJson(m);
    if (mark) out.set(id, mark);
  }
  return out;
}

type Read = { item: Item; created: number } | { skip: string; id: string; created: number | null } | { own: true; created: number; id: string };

function readComment(raw: unknown, post: Post, source: FacebookSource): Read {
  const c = obj(raw);
  const id = str(c?.id);
  if (!c || !id) return { skip: 'reactie zonder id', id: 'facebook:?', created: null };
  const created = graphTime(c.created_time);
  if (created === null) return { skip: 'reactie met onleesbare created_time', id: `facebook:${id}`, created: null };
  const from = obj(c.from);
  if (str(from?.id) === source.pageId) return { own: true, created, id };
  const text = typeof c.message === 'string' ? c.message.trim() : '';
  const attachment = obj(c.attachment);
  if (!text && !attachment) return { skip: 'reactie zonder tekst en zonder bijlage', id: `facebook:${id}`, created };
  if (!text) return { skip: 'alleen een bijlage, geen tekst', id: `facebook:${id}`, created };
  const name = typeof from?.name === 'string' ? from.name.trim() : '';
  return {
    created,
    item: {
      id: `facebook:${id}`,
      source: source.id,
      platform: 'facebook',
      context: 'reply',
      url: webUrl(c.permalink_url) ?? post.permalink ?? `https://www.facebook.com/${encodeURIComponent(id)}`,
      // Facebook shows people by name; the API gives no handle. Without `from` nobody is named.
      author: { handle: name || UNKNOWN_AUTHOR },
      text,
      createdAt: new Date(created).toISOString(),
      ...(post.permalink ? { inReplyTo: post.permalink } : {}),
      media: attachment ? { kinds: [attachmentKind(attachment.type)], count: 1 } : { kinds: [], count: 0 },
      school: source.school,
    },
  };
}

function client(source: FacebookSource, env: ConnectorEnv, token: string, now: () => number): GraphClient {
  return createGraphClient({
    sourceId: source.id,
    platform: 'Facebook',
    base: source.graphUrl,
    version: source.apiVersion,
    token,
    tokenVar: env.secrets.envNameFor(source),
    permissions: FACEBOOK_PERMISSIONS,
    idKey: 'pageId',
    env,
    now,
  });
}

export function createFacebookConnector(opts: { now?: () => number } = {}): Connector<'facebook'> {
  const now = opts.now ?? Date.now;

  return {
    kind: 'facebook',
    async stillThere(source: FacebookSource, wanted: readonly Item[], env: ConnectorEnv): Promise<Map<string, boolean>> {
      const token = env.secrets.forSource(source);
      if (!token) return new Map();
      return graphStillThere(client(source, env, token, now), { platform: 'Facebook', ownerId: source.pageId, sourceId: source.id, log: env.log }, wanted);
    },

    async fetch(source: FacebookSource, cursor: string | null, env: ConnectorEnv): Promise<FetchResult> {
      const token = env.secrets.forSource(source);
      if (!token) {
        throw new UitkijkError(
          'CONNECTOR_AUTH',
          `Bron ${source.id}: er is geen Facebook-paginatoken; zet ${env.secrets.envNameFor(source)} (een paginatoken met alleen leesrechten: ${FACEBOOK_PERMISSIONS}).`,
        );
      }
      const graph = client(source, env, token, now);
      const since = now() - (parseDuration(source.window) ?? DEFAULT_WINDOW_MS);
      const marks = readCursor(cursor);
      const slowDown = () =>
        env.log.warn(
          { source: source.id, usage: graph.peak() },
          'Facebook: het gebruik van de Graph-limieten is boven 80%; deze ronde stopt hier en de rest volgt bij de volgende',
        );

      // The Page's posts in the window, newest first.
      const posts = new Map<string, Post>();
      let url: string | null = graph.url(`${source.pageId}/posts`, { fields: POST_FIELDS, limit: String(POST_PAGE), since: String(Math.floor(since / 1000)) });
      for (let pages = 0; url && pages < MAX_POST_PAGES; pages++) {
        const page = await graph.page(url);
        let older = false;
        for (const raw of page.data) {
          const p = obj(raw);
          const id = str(p?.id);
          const created = graphTime(p?.created_time);
          if (!p || !id || created === null) {
            env.log.warn({ source: source.id, post: id ?? '?' }, 'Facebook: bericht van de pagina onleesbaar; de reacties erop zijn overgeslagen');
            continue;
          }
          if (created < since) older = true;
          else if (!posts.has(id)) posts.set(id, { id, created, permalink: webUrl(p.permalink_url) });
        }
        url = older ? null : page.next;
        if (url && graph.overLimit()) {
          slowDown();
          return { items: [], cursor, skipped: [] }; // nothing read: the next run starts from the same cursor
        }
      }

      const items: Item[] = [];
      const skipped: FetchResult['skipped'] = [];
      const handed = new Set<string>();
      const kept: Cursor['posts'] = {};
      let stop: 'usage' | 'max' | null = graph.overLimit() ? 'usage' : null;
      let readPosts = 0;
      for (const post of posts.values()) {
        const known = marks.get(post.id) ?? null;
        if (stop) {
          if (known) kept[post.id] = markToJson(known);
          continue;
        }
        readPosts += 1;
        let mark = known;
        let complete = false;
        let next: string | null = graph.url(`${post.id}/comments`, {
          filter: 'stream',
          order: 'reverse_chronological',
          fields: COMMENT_FIELDS,
          limit: String(COMMENT_PAGE),
        });
        while (next) {
          const page = await graph.page(next);
          let fresh = false;
          for (const raw of page.data) {
            const r = readComment(raw, post, source);
            const rid = 'item' in r ? r.item.id : r.id;
            const cid = rid.replace(/^facebook:/, '');
            if (r.created !== null) {
              if (covered(known, r.created, cid)) continue; // handed out before: this or an earlier run
              fresh = true;
              mark = advance(mark, r.created, cid);
            }
            if ('own' in r) continue; // the school's own reply under its own post
            if ('skip' in r) skipped.push({ id: r.id, reason: r.skip });
            else if (!handed.has(rid)) {
              handed.add(rid);
              items.push(r.item);
            }
          }
          // Newest first: a page with nothing newer than the cursor means the rest is older still.
          next = known && !fresh ? null : page.next;
          if (!next) complete = true;
          if (graph.overLimit()) stop = 'usage';
          else if (items.length + skipped.length >= env.maxItems) stop = 'max';
          if (stop) break;
        }
        // Only a post read to the end moves on; one cut short keeps its old mark and is read again.
        const m = complete ? mark : known;
        if (m) kept[post.id] = markToJson(m);
      }
      if (stop === 'usage') slowDown();
      else if (stop === 'max')
        env.log.info({ source: source.id, maxItems: env.maxItems }, 'Facebook: maximum aantal items bereikt; de rest volgt bij de volgende ronde');
      env.log.info(
        { source: source.id, posts: posts.size, read: readPosts, items: items.length, skipped: skipped.length, requests: graph.requests() },
        'Facebook gelezen',
      );
      return { items, cursor: JSON.stringify({ posts: kept } satisfies Cursor), skipped };
    },
  };
}
