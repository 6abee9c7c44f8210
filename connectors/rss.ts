// RSS and Atom feeds: blog comment feeds (WordPress), news, Google Alerts. Read-only: one
// conditional GET per fetch (If-None-Match / If-Modified-Since), so a feed that did not change
// costs one small 304. Items get a stable id from guid (Atom: id), else link; HTML is turned
// into plain text. A broken feed fails the fetch with a clear reason; a broken item is skipped
// and the rest kept. The request runs within the configured limits (connectors/http.ts): a feed
// larger than the cap, a redirect loop or a hanging server fails this source only. In a feed of
// mentions (news, alerts) only the items that name the school by one of its keywords are kept.

import { createHash } from 'node:crypto';
import { convert } from 'html-to-text';
import Parser from 'rss-parser';
import { keywordMatcher } from '../src/config/keywords.ts';
import { RateLimitedError, UitkijkError } from '../src/errors.ts';
import { mediaSummary, parseRetryAfter, readJsonCursor } from './common.ts';
import { limitedFetch, safeUrl } from './http.ts';
import type { Connector, ConnectorEnv, FetchResult, Item, SourceOf } from './types.ts';

type RssSource = SourceOf<'rss'>;

export interface RssOptions {
  fetch?: typeof globalThis.fetch;
  userAgent?: string;
  now?: () => number;
}

/** What the connector remembers between fetches (the stored cursor, as JSON). */
interface RssCursor {
  etag?: string;
  lastModified?: string;
}

type FeedItem = Parser.Item & {
  id?: string;
  author?: string | { name?: string };
  'dc:creator'?: string;
  'content:encoded'?: string;
  'media:content'?: unknown;
};

function readCursor(cursor: string | null): RssCursor {
  return (
    readJsonCursor(cursor, (v) => ({
      ...(typeof v.etag === 'string' ? { etag: v.etag } : {}),
      ...(typeof v.lastModified === 'string' ? { lastModified: v.lastModified } : {}),
    })) ?? {}
  );
}

/** HTML to plain text: tags and scripts gone, entities decoded, whitespace collapsed. */
export function htmlToPlain(html: string): string {
  const text = convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  });
  return text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function authorOf(it: FeedItem): string {
  const a = it.creator ?? it['dc:creator'] ?? (typeof it.author === 'string' ? it.author : it.author?.name);
  return typeof a === 'string' && a.trim() ? a.trim() : 'onbekend';
}

function mediaOf(it: FeedItem, html: string): { kinds: Item['media']['kinds']; count: number } {
  const media = mediaSummary();
  const type = it.enclosure?.type ?? '';
  if (it.enclosure?.url) media.add(type.startsWith('image/') ? 'image' : type.startsWith('video/') ? 'video' : 'other');
  const imgs = html.match(/<img\b/gi)?.length ?? 0;
  if (imgs) media.add('image', imgs);
  if (/<(?:video|iframe)\b/i.test(html)) media.add('video');
  return media.done();
}

function isoOf(it: FeedItem, now: number): string | null {
  const raw = it.isoDate ?? it.pubDate;
  if (!raw) return new Date(now).toISOString();
  const t = Date.parse(raw);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

/**
 * The feed's own title as plain text ("Reacties op: Open dag"): what alert e-mails name the
 * source by, since "rss" means nothing to the school. Absent when the feed has none.
 */
export function feedTitle(title: unknown): string | undefined {
  if (typeof title !== 'string') return undefined;
  const plain = htmlToPlain(title).replace(/\s+/g, ' ').trim();
  return plain ? plain.slice(0, 200) : undefined;
}

/** Turn one parsed feed entry into an Item, or say why it cannot be one. */
export function toItem(it: FeedItem, source: RssSource, now: number, sourceName?: string): Item | { skip: string; id: string } {
  const guid = typeof it.guid === 'string' ? it.guid : typeof it.id === 'string' ? it.id : undefined;
  const link = typeof it.link === 'string' ? it.link.trim() : undefined;
  const key = guid?.trim() || link;
  if (!key) {
    // Nothing stable to name it by: the log gets a hash of title and date instead.
    const fallbackId =
      'rss:' +
      createHash('sha256')
        .update(`${it.title ?? ''}\u0000${it.pubDate ?? ''}`)
        .digest('hex')
        .slice(0, 16);
    return { skip: 'geen guid of link', id: fallbackId };
  }
  const id = `rss:${key}`;
  const html = it['content:encoded'] ?? it.content ?? it.summary ?? '';
  const body = typeof html === 'string' ? htmlToPlain(html) : '';
  const title = typeof it.title === 'string' ? htmlToPlain(it.title) : '';
  // Comment feeds: the content is the comment (the title is "Reactie op … door …").
  // Mentions (news, Google Alerts): the title is part of what is said.
  const text = source.context === 'mention' && title && !body.startsWith(title) ? (body ? `${title}\n${body}` : title) : body || title;
  if (!text) return { skip: 'geen tekst', id };
  const createdAt = isoOf(it, now);
  if (!createdAt) return { skip: 'onleesbare datum', id };
  const url = link && /^https?:\/\//i.test(link) ? link : undefined;
  if (!url) return { skip: 'geen geldige link', id };
  return {
    id,
    source: source.id,
    platform: 'rss',
    ...(sourceName ? { sourceName } : {}),
    context: source.context === 'reply' ? 'reply' : 'mention',
    url,
    author: { handle: authorOf(it) },
    text,
    createdAt,
    media: mediaOf(it, typeof html === 'string' ? html : ''),
    school: source.school,
  };
}

export function createRssConnector(opts: RssOptions = {}): Connector<'rss'> {
  const parser = new Parser<Record<string, never>, FeedItem>({
    customFields: { item: ['dc:creator', 'content:encoded', 'author'] as never },
  });
  const now = opts.now ?? Date.now;
  /** One GET of the feed, parsed; null when the server says it has not changed (304). */
  async function load(source: RssSource, env: ConnectorEnv, prev: RssCursor): Promise<{ feed: Parser.Output<FeedItem>; res: Response } | null> {
    const url = source.url;
    const headers: Record<string, string> = {
      'user-agent': opts.userAgent ?? 'uitkijk/0.1 (+https://github.com/uitkijk)',
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5',
    };
    if (prev.etag) headers['if-none-match'] = prev.etag;
    if (prev.lastModified) headers['if-modified-since'] = prev.lastModified;
    const doFetch = limitedFetch(env.limits, opts.fetch ?? env.fetch ?? globalThis.fetch, `Bron ${source.id}`);
    // limitedFetch throws plain UitkijkErrors: unreachable, too large, too many redirects.
    const res = await doFetch(url, { method: 'GET', headers });
    if (res.status === 304) {
      await res.body?.cancel();
      return null;
    }
    if (res.status === 429 || (res.status === 503 && res.headers.has('retry-after'))) {
      await res.body?.cancel();
      throw new RateLimitedError(
        `Bron ${source.id}: de server vraagt om te wachten (HTTP ${res.status}).`,
        parseRetryAfter(res.headers.get('retry-after'), now()),
      );
    }
    if (res.status >= 500) {
      await res.body?.cancel();
      throw new UitkijkError('CONNECTOR_UNAVAILABLE', `Bron ${source.id}: ${safeUrl(url)} geeft een serverfout (HTTP ${res.status}).`);
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new UitkijkError('CONNECTOR_BAD_RESPONSE', `Bron ${source.id}: ${safeUrl(url)} gaf HTTP ${res.status}; controleer het adres in de configuratie.`);
    }
    const body = await res.text();
    if (!/<(?:rss|feed|rdf:RDF)\b/i.test(body.slice(0, 4096))) {
      throw new UitkijkError('CONNECTOR_BAD_RESPONSE', `Bron ${source.id}: ${safeUrl(url)} geeft geen RSS- of Atom-feed terug.`);
    }
    let feed: Parser.Output<FeedItem>;
    try {
      feed = await parser.parseString(body);
    } catch (err) {
      throw new UitkijkError('CONNECTOR_BAD_RESPONSE', `Bron ${source.id}: de feed is geen geldige XML (${firstLine((err as Error).message)}).`, {
        cause: err,
      });
    }
    return { feed, res };
  }

  return {
    kind: 'rss',
    /**
     * An item is still there when the feed lists it. A feed shows only its newest entries, so
     * an item missing from it counts as gone only when the feed reaches back past the item's
     * time (its oldest entry is older); otherwise nothing is said about it.
     */
    async stillThere(source: RssSource, wanted: readonly Item[], env: ConnectorEnv): Promise<Map<string, boolean>> {
      const out = new Map<string, boolean>();
      if (wanted.length === 0) return out;
      const loaded = await load(source, env, {});
      if (!loaded) return out;
      const listed = new Set<string>();
      let oldest = Infinity;
      for (const it of loaded.feed.items ?? []) {
        const r = toItem(it, source, now());
        if ('skip' in r) continue;
        listed.add(r.id);
        const at = Date.parse(r.createdAt);
        if (Number.isFinite(at)) oldest = Math.min(oldest, at);
      }
      for (const item of wanted) {
        if (listed.has(item.id)) out.set(item.id, true);
        else if (oldest < Date.parse(item.createdAt)) out.set(item.id, false);
      }
      return out;
    },
    async fetch(source: RssSource, cursor: string | null, env: ConnectorEnv): Promise<FetchResult> {
      const loaded = await load(source, env, readCursor(cursor));
      if (!loaded) return { items: [], cursor, skipped: [] };
      const { feed, res } = loaded;
      const items: Item[] = [];
      const skipped: FetchResult['skipped'] = [];
      const entries = feed.items ?? [];
      // Feeds list the newest first: past the cap, the oldest are left out (and said so).
      if (entries.length > env.maxItems) {
        env.log.warn(
          { source: source.id, items: entries.length, kept: env.maxItems },
          `feed heeft meer items dan fetch.maxItems; de ${entries.length - env.maxItems} oudste zijn niet gelezen`,
        );
        entries.length = env.maxItems;
      }
      // A general feed (news, alerts) also carries posts about other things: a mention must
      // name the school by one of its keywords.
      const namesSchool = source.context === 'mention' ? keywordMatcher(env.school.keywords) : null;
      const sourceName = feedTitle(feed.title);
      for (const it of entries) {
        let r: ReturnType<typeof toItem>;
        try {
          r = toItem(it, source, now(), sourceName);
        } catch (err) {
          r = { skip: `onleesbaar item (${(err as Error).name})`, id: 'rss:?' };
        }
        if ('skip' in r) skipped.push({ id: r.id, reason: r.skip });
        else if (namesSchool && !namesSchool(r.text)) skipped.push({ id: r.id, reason: 'noemt de school niet' });
        else items.push(r);
      }
      const next: RssCursor = {};
      const etag = res.headers.get('etag');
      const lastModified = res.headers.get('last-modified');
      if (etag) next.etag = etag;
      if (lastModified) next.lastModified = lastModified;
      env.log.debug({ source: source.id, items: items.length, skipped: skipped.length }, 'feed gelezen');
      return { items, cursor: Object.keys(next).length ? JSON.stringify(next) : null, skipped };
    },
  };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.slice(0, 120);
}
