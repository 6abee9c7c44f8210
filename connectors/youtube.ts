// The comments under the school's own YouTube videos, read with the YouTube Data API v3 and a
// plain API key from YOUTUBE_API_KEY_<SOURCE ID> (public comments need no OAuth). Every comment
// is a `reply`: it sits under the school's own video, so it is a removal candidate (A6).
//
// Reading: `GET /youtube/v3/commentThreads?part=snippet,replies&allThreadsRelatedToChannelId=UC…
// &order=time&maxResults=100&textFormat=plainText`, newest thread first, paged with
// `nextPageToken` until the first thread older than the cursor. A thread inlines a few replies;
// when `snippet.totalReplyCount` says there are more, `GET /youtube/v3/comments?part=snippet
// &parentId=…` reads them all. order=time orders threads by their top-level comment and a reply
// does not move its thread up (nor does it change the top-level comment's updatedAt), so a new
// reply under an older thread would be missed by the cursor alone. The cursor therefore also
// keeps the reply count of the 100 newest threads — the first page, which every fetch reads
// anyway —: a thread there whose count went up has its replies read again (the seen-set drops
// the known ones). Replies under threads older than those 100 are not looked for: that would
// cost quota on every fetch.
//
// Quota: Google gives a key's project 10,000 units a day (config `dailyQuota`), every list call
// costs 1 unit (also one that fails), and the day ends at midnight Pacific time. The units are
// counted per key in the shared ledger (env.quota, Redis; in memory without it); before each
// call, a source whose key would pass `dailyQuota − quotaReserve` stops until the reset: the stop
// is recorded (/healthz shows it), said once in the log, and the fetch throws a RateLimitedError
// with the wait until the reset, so the fetch worker delays only this source. Google's own
// 403 quotaExceeded (the project spends units elsewhere too) stops it the same way.
//
// Errors: a refused key (400 "API key not valid", 403 forbidden / accessNotConfigured) is
// CONNECTOR_AUTH naming the variable; 429 waits for Retry-After; 5xx is CONNECTOR_UNAVAILABLE;
// 400 invalidPageToken starts the paging again from the first page, once; 403 commentsDisabled
// on the listing means there is nothing to read now, on the replies of one thread that its
// further replies are skipped (by the thread's id). A thread or comment that cannot be read is
// skipped by its id and the rest kept. Logs carry ids only, never a URL with the key. It only
// reads: every request is a GET.

import type { YoutubeSource } from '../src/config/schema.ts';
import { RateLimitedError, UitkijkError } from '../src/errors.ts';
import type { Item } from '../src/item.ts';
import { createMemoryQuotaLedger } from '../src/store/quota.ts';
import { parseRetryAfter, readJsonCursor } from './common.ts';
import { limitedFetch, safeUrl } from './http.ts';
import type { Connector, ConnectorEnv, FetchResult } from './types.ts';

interface Cursor {
  /** The newest thread seen (its top-level comment's publishedAt, ISO). */
  newest: string;
  /** The threads posted at exactly `newest`: told apart by id, as times have whole seconds. */
  atNewest: string[];
  /** Reply count per thread, for the newest threads: a higher count means new replies. */
  replies: Record<string, number>;
  /** Threads skipped as unreadable already: said once, not on every fetch. */
  unreadable: string[];
}

const PAGE = 100;
/** Threads whose reply count the cursor keeps: the first page. */
const TRACKED = 100;
/** comments.list takes this many ids in one call (stillThere). */
const IDS_PER_CALL = 50;
const PACIFIC = 'America/Los_Angeles';
const WATCH = 'https://www.youtube.com/watch';

const obj = (v: unknown): Record<string, unknown> | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

const pacificClock = new Intl.DateTimeFormat('en-US', {
  timeZone: PACIFIC,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The wall-clock time in Pacific time of an instant, as the same digits in UTC (ms). */
function pacificWall(t: number): number {
  const p: Record<string, number> = {};
  for (const part of pacificClock.formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/**
 * When YouTube's daily quota resets next after `now`: the coming midnight in America/Los_Angeles,
 * daylight saving included (Intl knows the rules). Midnight is never skipped nor repeated there:
 * the clocks change at 02:00.
 */
export function nextPacificMidnight(now: number): number {
  const wall = pacificWall(now);
  const d = new Date(wall);
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
  // The offset at the instant itself; a second pass corrects a guess made on the wrong side of a change.
  const offset = (t: number) => pacificWall(t) - Math.floor(t / 1000) * 1000;
  const guess = midnight - offset(midnight);
  return midnight - offset(guess);
}

/** Google's error body: `{"error": {"code", "message", "errors": [{"reason", …}], "details"}}`. */
function googleError(body: unknown): { message: string; reasons: string[]; details: string[] } {
  const e = obj(obj(body)?.error);
  const reasons = (Array.isArray(e?.errors) ? e.errors : []).map((x) => obj(x)?.reason).filter((r): r is string => typeof r === 'string');
  const details = (Array.isArray(e?.details) ? e.details : []).map((x) => obj(x)?.reason).filter((r): r is string => typeof r === 'string');
  return { message: typeof e?.message === 'string' ? e.message : '', reasons, details };
}

const QUOTA_REASONS = ['quotaExceeded', 'dailyLimitExceeded'];
const RATE_REASONS = ['rateLimitExceeded', 'userRateLimitExceeded'];
const AUTH_REASONS = ['keyInvalid', 'keyExpired', 'forbidden', 'accessNotConfigured', 'ipRefererBlocked', 'unregistered', 'authError'];

/** Why Google refuses the key, in words an administrator can act on; null when it does not. */
function keyRefusal(status: number, e: ReturnType<typeof googleError>): string | null {
  const has = (...names: string[]) => names.some((n) => e.reasons.includes(n) || e.details.includes(n));
  if (has('keyInvalid', 'keyExpired', 'API_KEY_INVALID', 'API_KEY_EXPIRED') || (status === 400 && /api key/i.test(e.message))) {
    return 'de sleutel is ongeldig (verkeerd overgenomen, verwijderd of verlopen)';
  }
  if (has('accessNotConfigured', 'SERVICE_DISABLED')) return 'de YouTube Data API v3 staat niet aan in het Google Cloud-project van deze sleutel';
  if (status === 401 || status === 403) {
    if (AUTH_REASONS.some((r) => e.reasons.includes(r)) || e.details.some((d) => d.startsWith('API_KEY_')) || e.reasons.length === 0) {
      return 'de sleutel mag de YouTube Data API v3 niet gebruiken (kijk bij de beperkingen van de sleutel in de Google Cloud-console)';
    }
  }
  return null;
}

type Answer = { ok: true; body: Record<string, unknown> } | { ok: false; status: number; reason: string };

interface Thread {
  id: string;
  videoId: string | null;
  /** The top-level comment's publishedAt (ms). */
  published: number;
  total: number;
  top: unknown;
  inline: unknown[];
}

function readThread(v: unknown): Thread | { id: string | null; reason: string } {
  const t = obj(v);
  const id = typeof t?.id === 'string' && t.id ? t.id : null;
  const snippet = obj(t?.snippet);
  const top = obj(snippet?.topLevelComment);
  const published = Date.parse(String(obj(top?.snippet)?.publishedAt));
  if (!id || !snippet || !top || typeof top.id !== 'string' || !Number.isFinite(published)) {
    return { id, reason: 'onleesbare reactie: het bericht bovenaan de draad ontbreekt of is onvolledig' };
  }
  const total = Number.isInteger(snippet.totalReplyCount) && (snippet.totalReplyCount as number) >= 0 ? (snippet.totalReplyCount as number) : 0;
  const inline = obj(t?.replies)?.comments;
  return {
    id,
    videoId: typeof snippet.videoId === 'string' && snippet.videoId ? snippet.videoId : null,
    published,
    total,
    top,
    inline: Array.isArray(inline) ? inline : [],
  };
}

function readCursor(cursor: string | null): Cursor | null {
  const c = readJsonCursor<Cursor | { newest: null }>(cursor, (v) => {
    const newest = typeof v.newest === 'string' && Number.isFinite(Date.parse(v.newest)) ? v.newest : null;
    if (!newest) return { newest: null };
    const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
    const replies: Record<string, number> = {};
    for (const [k, n] of Object.entries(obj(v.replies) ?? {})) if (typeof n === 'number' && Number.isInteger(n) && n >= 0) replies[k] = n;
    return { newest, atNewest: strings(v.atNewest), replies, unreadable: strings(v.unreadable) };
  });
  return c && c.newest !== null ? c : null;
}

export function createYoutubeConnector(opts: { now?: () => number } = {}): Connector<'youtube'> {
  const now = opts.now ?? Date.now;
  /** Without the shared ledger (env.quota), this instance counts for itself. */
  const memory = createMemoryQuotaLedger(now);

  /** The API for one source and fetch: counted, limited GETs and what their answers mean. */
  function open(source: YoutubeSource, env: ConnectorEnv) {
    const key = env.secrets.forSource(source);
    const keyVar = env.secrets.envNameFor(source);
    if (!key) {
      throw new UitkijkError(
        'CONNECTOR_AUTH',
        `Bron ${source.id}: er is geen YouTube-API-sleutel; zet ${keyVar} (een API-sleutel voor de YouTube Data API v3; OAuth is niet nodig).`,
      );
    }
    const ledger = env.quota ?? memory;
    const http = limitedFetch(env.limits, env.fetch ?? globalThis.fetch, `Bron ${source.id}`);
    const base = source.apiUrl.replace(/\/$/, '');
    const budget = source.dailyQuota - source.quotaReserve;
    let units = 0;

    /** Records the stop (the log says it once) and the error that delays the source until the reset. */
    async function waitForReset(reason: string, resetAt: number): Promise<RateLimitedError> {
      const fresh = await ledger.stop({ source: source.id, until: resetAt, reason });
      if (fresh) env.log.warn({ source: source.id, until: new Date(resetAt).toISOString(), reason }, 'YouTube: dagquotum op; deze bron wacht tot de reset');
      return new RateLimitedError(`Bron ${source.id}: ${reason}`, Math.max(1_000, resetAt - now()));
    }

    async function get(resource: 'commentThreads' | 'comments', params: Record<string, string>): Promise<Answer> {
      const resetAt = nextPacificMidnight(now());
      const before = await ledger.used(key!, resetAt);
      const spentReason = (n: number) =>
        `de API-sleutel heeft vandaag ${n} van de ${source.dailyQuota} YouTube-eenheden gebruikt (${source.quotaReserve} blijven in reserve); de bron gaat verder na middernacht Pacific-tijd.`;
      if (before + 1 > budget) throw await waitForReset(spentReason(before), resetAt);
      // Another worker may have spent the last unit in between: the count after this spend decides.
      const after = await ledger.spend(key!, 1, resetAt);
      if (after > budget) throw await waitForReset(spentReason(after - 1), resetAt);
      units += 1;

      const url = `${base}/youtube/v3/${resource}?${new URLSearchParams({ ...params, key: key! })}`;
      const res = await http(url, { method: 'GET', headers: { accept: 'application/json' } });
      if (res.status === 429) {
        await res.body?.cancel();
        throw new RateLimitedError(`Bron ${source.id}: YouTube vraagt om te wachten (HTTP 429).`, parseRetryAfter(res.headers.get('retry-after'), now()));
      }
      if (res.status >= 500) {
        await res.body?.cancel();
        throw new UitkijkError(
          'CONNECTOR_UNAVAILABLE',
          `Bron ${source.id}: YouTube (${safeUrl(url)}) geeft een serverfout (HTTP ${res.status}); de volgende ronde probeert het opnieuw.`,
        );
      }
      const text = await res.text();
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        if (res.ok) throw new UitkijkError('CONNECTOR_BAD_RESPONSE', `Bron ${source.id}: YouTube (${safeUrl(url)}) gaf geen geldige JSON.`);
      }
      if (res.ok) {
        const b = obj(body);
        if (!b) throw new UitkijkError('CONNECTOR_BAD_RESPONSE', `Bron ${source.id}: YouTube (${safeUrl(url)}) gaf geen lijst terug.`);
        return { ok: true, body: b };
      }
      const e = googleError(body);
      if (QUOTA_REASONS.some((r) => e.reasons.includes(r))) {
        // The project spent its units (perhaps elsewhere too): the ledger says so as well, so
        // other sources with this key stop before they ask.
        const known = await ledger.used(key!, resetAt);
        if (known < source.dailyQuota) await ledger.spend(key!, source.dailyQuota - known, resetAt);
        throw await waitForReset(
          'YouTube meldt dat het dagquotum van de API-sleutel op is (quotaExceeded); de bron gaat verder na middernacht Pacific-tijd.',
          resetAt,
        );
      }
      if (RATE_REASONS.some((r) => e.reasons.includes(r))) {
        throw new RateLimitedError(
          `Bron ${source.id}: YouTube vraagt om minder verzoeken per minuut (${e.reasons[0]}).`,
          parseRetryAfter(res.headers.get('retry-after'), now()),
        );
      }
      const refusal = keyRefusal(res.status, e);
      if (refusal) {
        throw new UitkijkError(
          'CONNECTOR_AUTH',
          `Bron ${source.id}: YouTube weigert de API-sleutel (HTTP ${res.status}): ${refusal}. Zet een geldige sleutel voor de YouTube Data API v3 in ${keyVar}.`,
        );
      }
      return { ok: false, status: res.status, reason: e.reasons[0] ?? `HTTP ${res.status}` };
    }

    const unexpected = (a: { status: number; reason: string }, what: string) =>
      new UitkijkError('CONNECTOR_BAD_RESPONSE', `Bron ${source.id}: YouTube weigert ${what} (HTTP ${a.status}, ${a.reason}).`);

    return { get, unexpected, units: () => units };
  }

  function itemOf(c: unknown, thread: Thread, source: YoutubeSource): Item | { id: string; reason: string } {
    const comment = obj(c);
    const id = typeof comment?.id === 'string' && comment.id ? comment.id : null;
    const s = obj(comment?.snippet);
    const published = Date.parse(String(s?.publishedAt));
    if (!id || !s || typeof s.textDisplay !== 'string' || !Number.isFinite(published)) {
      return { id: `youtube:${id ?? `${thread.id}?`}`, reason: 'onleesbare reactie' };
    }
    const text = s.textDisplay.trim();
    if (!text) return { id: `youtube:${id}`, reason: 'geen tekst' };
    const image = typeof s.imageUrl === 'string' && s.imageUrl !== '';
    const video = thread.videoId ? `${WATCH}?v=${encodeURIComponent(thread.videoId)}` : null;
    return {
      id: `youtube:${id}`,
      source: source.id,
      platform: 'youtube',
      context: 'reply',
      url: video ? `${video}&lc=${encodeURIComponent(id)}` : `https://www.youtube.com/channel/${source.channelId}`,
      author: { handle: typeof s.authorDisplayName === 'string' && s.authorDisplayName.trim() ? s.authorDisplayName.trim() : 'onbekend' },
      text,
      createdAt: new Date(published).toISOString(),
      ...(video ? { inReplyTo: video } : {}),
      media: image ? { kinds: ['image'], count: 1 } : { kinds: [], count: 0 },
      school: source.school,
    };
  }

  return {
    kind: 'youtube',

    async fetch(source: YoutubeSource, cursor: string | null, env: ConnectorEnv): Promise<FetchResult> {
      const api = open(source, env);
      const state = readCursor(cursor);
      const since = state ? Date.parse(state.newest) : null;
      const knownAtNewest = new Set(state?.atNewest ?? []);
      const counts = state?.replies ?? {};
      const reported = new Set(state?.unreadable ?? []);
      const unreadable = new Set<string>();

      const items: Item[] = [];
      const skipped: FetchResult['skipped'] = [];
      const emitted = new Set<string>();
      const threads = new Map<string, Thread>();
      const emit = (c: unknown, thread: Thread) => {
        const r = itemOf(c, thread, source);
        if ('source' in r) {
          if (!emitted.has(r.id)) items.push(r);
          emitted.add(r.id);
        } else if (!skipped.some((k) => k.id === r.id)) skipped.push(r);
      };

      /** Every reply of a thread: the inlined ones, or all of them from comments.list. */
      const repliesOf = async (thread: Thread): Promise<unknown[]> => {
        if (thread.total <= thread.inline.length) return thread.inline;
        const all: unknown[] = [];
        let pageToken: string | undefined;
        let restarted = false;
        for (;;) {
          const a = await api.get('comments', {
            part: 'snippet',
            parentId: thread.id,
            maxResults: String(PAGE),
            textFormat: 'plainText',
            ...(pageToken ? { pageToken } : {}),
          });
          if (!a.ok) {
            if (a.reason === 'invalidPageToken' && pageToken && !restarted) {
              restarted = true;
              pageToken = undefined;
              all.length = 0;
              continue;
            }
            if (a.reason === 'commentsDisabled' || a.reason === 'commentNotFound') {
              const why = a.reason === 'commentsDisabled' ? 'reacties bij deze video staan uit' : 'de draad is intussen verwijderd';
              skipped.push({ id: `youtube:${thread.id}`, reason: `${why}; de overige antwoorden zijn niet gelezen` });
              return thread.inline;
            }
            throw api.unexpected(a, `de antwoorden van reactie ${thread.id}`);
          }
          const list = Array.isArray(a.body.items) ? a.body.items : [];
          all.push(...list);
          pageToken = list.length && typeof a.body.nextPageToken === 'string' ? a.body.nextPageToken : undefined;
          if (!pageToken) break;
        }
        const ids = new Set(all.map((c) => obj(c)?.id));
        return [...all, ...thread.inline.filter((c) => !ids.has(obj(c)?.id))];
      };

      let pageToken: string | undefined;
      let restarted = false;
      let pages = 0;
      for (;;) {
        if (items.length + skipped.length >= env.maxItems) {
          env.log.warn({ source: source.id, maxItems: env.maxItems }, 'YouTube: meer reacties dan fetch.maxItems; de oudere zijn overgeslagen');
          break;
        }
        const a = await api.get('commentThreads', {
          part: 'snippet,replies',
          allThreadsRelatedToChannelId: source.channelId,
          order: 'time',
          maxResults: String(PAGE),
          textFormat: 'plainText',
          ...(pageToken ? { pageToken } : {}),
        });
        if (!a.ok) {
          if (a.reason === 'invalidPageToken' && pageToken && !restarted) {
            // Page tokens go stale when the listing changes under them: once from the top.
            env.log.info({ source: source.id, pages }, 'YouTube: paginatoken verlopen; opnieuw vanaf de eerste pagina');
            restarted = true;
            pageToken = undefined;
            continue;
          }
          if (a.reason === 'commentsDisabled') {
            env.log.warn({ source: source.id }, 'YouTube: reacties staan uit bij dit kanaal; er is niets te lezen');
            break;
          }
          if (a.reason === 'channelNotFound') {
            throw new UitkijkError(
              'CONNECTOR_BAD_RESPONSE',
              `Bron ${source.id}: YouTube kent kanaal ${source.channelId} niet; controleer 'channelId' in de configuratie.`,
            );
          }
          throw api.unexpected(a, 'de lijst met reacties');
        }
        pages += 1;
        const list = Array.isArray(a.body.items) ? a.body.items : [];
        let reachedCursor = false;
        for (const raw of list) {
          const t = readThread(raw);
          if (!('published' in t)) {
            if (t.id) unreadable.add(t.id);
            const id = `youtube:${t.id ?? '?'}`;
            if (!(t.id && reported.has(t.id)) && !skipped.some((k) => k.id === id)) skipped.push({ id, reason: t.reason });
            continue;
          }
          if (since !== null && t.published < since) reachedCursor = true;
          // Read once per fetch, also when the paging starts over.
          if (threads.has(t.id)) continue;
          threads.set(t.id, t);
          const known = since !== null && (t.published < since || (t.published === since && knownAtNewest.has(t.id)));
          if (!known) {
            emit(t.top, t);
            for (const r of t.total > 0 ? await repliesOf(t) : []) emit(r, t);
          } else if (counts[t.id] !== undefined && t.total > counts[t.id]!) {
            // New replies under a thread read before: all its replies again, the seen-set drops the old.
            for (const r of await repliesOf(t)) emit(r, t);
          }
        }
        pageToken = !reachedCursor && list.length && typeof a.body.nextPageToken === 'string' ? a.body.nextPageToken : undefined;
        if (!pageToken) break;
      }

      env.log.info({ source: source.id, items: items.length, skipped: skipped.length, pages, units: api.units() }, 'YouTube gelezen');
      if (threads.size === 0) return { items, cursor, skipped };
      let newest = since ?? -Infinity;
      for (const t of threads.values()) newest = Math.max(newest, t.published);
      const atNewest = new Set(newest === since ? knownAtNewest : []);
      for (const t of threads.values()) if (t.published === newest) atNewest.add(t.id);
      const tracked = [...threads.values()].sort((x, y) => y.published - x.published).slice(0, TRACKED);
      const next: Cursor = {
        newest: new Date(newest).toISOString(),
        atNewest: [...atNewest],
        replies: Object.fromEntries(tracked.map((t) => [t.id, t.total])),
        unreadable: [...unreadable].slice(0, TRACKED),
      };
      return { items, cursor: JSON.stringify(next), skipped };
    },

    // Before a digest: `GET /youtube/v3/comments?part=id&id=a,b,…` (50 at a time, 1 unit each);
    // an id missing from the answer is gone. Anything else (a refused key, no quota left, a 5xx)
    // says nothing, and the candidates stay open.
    async stillThere(source: YoutubeSource, wanted: readonly Item[], env: ConnectorEnv): Promise<Map<string, boolean>> {
      const out = new Map<string, boolean>();
      if (!env.secrets.forSource(source)) return out;
      const api = open(source, env);
      const ids = wanted.map((item) => ({ item, cid: /^youtube:(.+)$/.exec(item.id)?.[1] })).filter((x): x is { item: Item; cid: string } => !!x.cid);
      for (let i = 0; i < ids.length; i += IDS_PER_CALL) {
        const chunk = ids.slice(i, i + IDS_PER_CALL);
        try {
          const a = await api.get('comments', { part: 'id', id: chunk.map((x) => x.cid).join(',') });
          if (!a.ok) {
            env.log.warn({ source: source.id, reason: a.reason }, 'YouTube: reacties niet opnieuw op te zoeken');
            continue;
          }
          const present = new Set((Array.isArray(a.body.items) ? a.body.items : []).map((c) => obj(c)?.id));
          for (const x of chunk) out.set(x.item.id, present.has(x.cid));
        } catch (err) {
          env.log.warn({ source: source.id, reason: (err as Error).message }, 'YouTube: reacties niet opnieuw op te zoeken');
          break;
        }
      }
      return out;
    },
  };
}
