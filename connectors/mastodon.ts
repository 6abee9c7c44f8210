// The school's own Mastodon account, on any instance: the statuses that mention it, read from
// its notifications (`GET /api/v1/notifications?types[]=mention`) with a user token of scope
// `read:notifications` from MASTODON_TOKEN_<SOURCE ID>. A status that replies to one of the
// school's own statuses (`in_reply_to_account_id` is the school's account) is a `reply` — a
// removal candidate under A6 —, any other mention a `mention`. Paging follows the `Link` header
// (`rel="next"`, with `max_id`) back to the stored cursor (`since_id`: the newest notification
// seen); HTML content becomes plain text. Rate limits come from `X-RateLimit-Limit`,
// `-Remaining` and `-Reset` (an ISO 8601 time): a 429 waits until the reset, and a fetch stops
// paging early when few requests remain. 401 (`{"error": "The access token is invalid"}`) is
// unrecoverable until the administrator sets a new token. It only reads: every request is a GET.

import type { MastodonSource } from '../src/config/schema.ts';
import { RateLimitedError, UitkijkError } from '../src/errors.ts';
import type { Item, MediaKind } from '../src/item.ts';
import { mediaSummary, parseRetryAfter, readJsonCursor } from './common.ts';
import { limitedFetch, safeUrl } from './http.ts';
import { htmlToPlain } from './rss.ts';
import type { Connector, ConnectorEnv, FetchResult } from './types.ts';

interface Cursor {
  /** The newest notification id seen: the next fetch asks only for newer ones. */
  sinceId: string;
}

const PAGE = 80;
/** Stop paging when this few requests remain in the window; the next run goes on. */
const KEEP_IN_RESERVE = 5;

const obj = (v: unknown): Record<string, unknown> | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
/** Mastodon ids are decimal strings that grow with time; compared as numbers. */
const newer = (a: string, b: string) => (a.length !== b.length ? a.length > b.length : a > b);

/** The `rel="next"` address of a Link header, if any. */
export function nextLink(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim());
    if (m) return m[1]!;
  }
  return null;
}

function mediaOf(attachments: unknown): { kinds: MediaKind[]; count: number } {
  const media = mediaSummary();
  for (const a of Array.isArray(attachments) ? attachments : []) {
    const type = obj(a)?.type;
    if (type === 'image' || type === 'gifv') media.add('image');
    else if (type === 'video') media.add('video');
    else media.add('other');
  }
  return media.done();
}

export function createMastodonConnector(opts: { now?: () => number } = {}): Connector<'mastodon'> {
  const now = opts.now ?? Date.now;
  /** The school's own account id per instance and token (verify_credentials), kept between fetches. */
  const accounts = new Map<string, string>();

  return {
    kind: 'mastodon',
    // Before a digest: GET /api/v1/statuses/:id — 404 means the status was deleted. Anything
    // else (a 5xx, a refused token) says nothing, and the candidate stays open.
    async stillThere(source: MastodonSource, wanted: readonly Item[], env: ConnectorEnv): Promise<Map<string, boolean>> {
      const out = new Map<string, boolean>();
      const token = env.secrets.forSource(source);
      if (!token) return out;
      const base = source.instance.replace(/\/$/, '');
      const http = limitedFetch(env.limits, env.fetch ?? globalThis.fetch, `Bron ${source.id}`);
      for (const item of wanted) {
        const sid = /^mastodon:.+:(\d+)$/.exec(item.id)?.[1];
        if (!sid) continue;
        try {
          const res = await http(`${base}/api/v1/statuses/${sid}`, {
            method: 'GET',
            headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
          });
          await res.body?.cancel();
          if (res.ok) out.set(item.id, true);
          else if (res.status === 404) out.set(item.id, false);
        } catch (err) {
          env.log.warn({ source: source.id, item: item.id, reason: (err as Error).message }, 'Mastodon: bericht niet opnieuw op te zoeken');
        }
      }
      return out;
    },
    async fetch(source: MastodonSource, cursor: string | null, env: ConnectorEnv): Promise<FetchResult> {
      const token = env.secrets.forSource(source);
      const tokenVar = env.secrets.envNameFor(source);
      if (!token) {
        throw new UitkijkError(
          'CONNECTOR_AUTH',
          `Bron ${source.id}: er is geen Mastodon-token; zet ${tokenVar} (een token met alleen leesrecht op meldingen, read:notifications).`,
        );
      }
      const base = source.instance.replace(/\/$/, '');
      const http = limitedFetch(env.limits, env.fetch ?? globalThis.fetch, `Bron ${source.id}`);
      const state = readJsonCursor<Cursor | { sinceId: null }>(cursor, (v) => ({
        sinceId: typeof v.sinceId === 'string' && /^\d+$/.test(v.sinceId) ? v.sinceId : null,
      }));
      const sinceId = state?.sinceId ?? null;

      let remaining = Infinity;
      const get = async (url: string): Promise<{ body: unknown; res: Response }> => {
        const res = await http(url, { method: 'GET', headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
        const left = Number(res.headers.get('x-ratelimit-remaining'));
        if (Number.isFinite(left) && res.headers.has('x-ratelimit-remaining')) remaining = left;
        if (res.status === 429) {
          await res.body?.cancel();
          const reset = res.headers.get('x-ratelimit-reset');
          const resetMs = reset && Number.isFinite(Date.parse(reset)) ? Math.max(1_000, Date.parse(reset) - now()) : null;
          const wait = res.headers.has('retry-after') || resetMs === null ? parseRetryAfter(res.headers.get('retry-after'), now()) : resetMs;
          throw new RateLimitedError(`Bron ${source.id}: Mastodon vraagt om te wachten (HTTP 429).`, wait);
        }
        if (res.status === 401 || res.status === 403) {
          await res.body?.cancel();
          throw new UitkijkError(
            'CONNECTOR_AUTH',
            `Bron ${source.id}: ${base} weigert het token (HTTP ${res.status}: ongeldig, ingetrokken of zonder leesrecht op meldingen). Maak een nieuw token met read:notifications en zet het in ${tokenVar}.`,
          );
        }
        if (res.status >= 500) {
          await res.body?.cancel();
          throw new UitkijkError('CONNECTOR_UNAVAILABLE', `Bron ${source.id}: ${safeUrl(url)} geeft een serverfout (HTTP ${res.status}).`);
        }
        if (!res.ok) {
          await res.body?.cancel();
          throw new UitkijkError(
            'CONNECTOR_BAD_RESPONSE',
            `Bron ${source.id}: ${safeUrl(url)} gaf HTTP ${res.status}; controleer 'instance' in de configuratie.`,
          );
        }
        let body: unknown;
        try {
          body = JSON.parse(await res.text());
        } catch (err) {
          if ((err as UitkijkError).code === 'CONNECTOR_TOO_LARGE') throw err;
          throw new UitkijkError('CONNECTOR_BAD_RESPONSE', `Bron ${source.id}: ${safeUrl(url)} gaf geen geldige JSON.`);
        }
        return { body, res };
      };

      const accountKey = `${base}\u0000${token}`;
      let me = accounts.get(accountKey);
      if (!me) {
        const { body } = await get(`${base}/api/v1/accounts/verify_credentials`);
        const id = obj(body)?.id;
        if (typeof id !== 'string') throw new UitkijkError('CONNECTOR_BAD_RESPONSE', `Bron ${source.id}: ${base} gaf geen account bij het token.`);
        accounts.set(accountKey, (me = id));
      }

      const items: Item[] = [];
      const skipped: FetchResult['skipped'] = [];
      let newest = sinceId;
      const q = new URLSearchParams({ 'types[]': 'mention', limit: String(PAGE) });
      if (sinceId) q.set('since_id', sinceId);
      let url: string | null = `${base}/api/v1/notifications?${q}`;
      let pages = 0;
      while (url && items.length + skipped.length < env.maxItems) {
        const { body, res } = await get(url);
        pages += 1;
        const list = Array.isArray(body) ? body : [];
        for (const n of list) {
          const note = obj(n);
          const nid = typeof note?.id === 'string' ? note.id : null;
          if (nid && (!newest || newer(nid, newest))) newest = nid;
          const status = obj(note?.status);
          const account = obj(status?.account);
          const sid = status?.id;
          if (!nid || !status || typeof sid !== 'string' || typeof status.content !== 'string' || !account || typeof account.acct !== 'string') {
            skipped.push({ id: `mastodon:${nid ?? '?'}`, reason: status === null ? 'bericht bestaat niet meer' : 'onleesbare melding' });
            continue;
          }
          const text = htmlToPlain(status.content);
          if (!text) {
            skipped.push({ id: `mastodon:${sid}`, reason: 'geen tekst' });
            continue;
          }
          const created =
            typeof status.created_at === 'string' && Number.isFinite(Date.parse(status.created_at))
              ? new Date(status.created_at).toISOString()
              : new Date(now()).toISOString();
          const link = typeof status.url === 'string' ? status.url : typeof status.uri === 'string' ? status.uri : `${base}/web/statuses/${sid}`;
          items.push({
            id: `mastodon:${new URL(base).host}:${sid}`,
            source: source.id,
            platform: 'mastodon',
            context: status.in_reply_to_account_id === me ? 'reply' : 'mention',
            url: link,
            author: {
              handle: `@${account.acct}`,
              ...(typeof account.display_name === 'string' && account.display_name ? { displayName: account.display_name } : {}),
            },
            text,
            createdAt: created,
            ...(typeof status.in_reply_to_id === 'string' ? { inReplyTo: `${base}/web/statuses/${status.in_reply_to_id}` } : {}),
            media: mediaOf(status.media_attachments),
            school: source.school,
          });
        }
        // Older pages until the cursor (since_id bounds them) — or until the window runs low.
        url = list.length ? nextLink(res.headers.get('link')) : null;
        if (url && remaining <= KEEP_IN_RESERVE) {
          env.log.warn({ source: source.id, remaining }, 'Mastodon: weinig verzoeken over; de rest volgt bij de volgende ronde');
          // Not past what was read: the next run starts again from the old cursor.
          return { items, cursor: cursor, skipped };
        }
      }
      env.log.info({ source: source.id, items: items.length, skipped: skipped.length, pages }, 'Mastodon gelezen');
      return { items, cursor: newest ? JSON.stringify({ sinceId: newest } satisfies Cursor) : cursor, skipped };
    },
  };
}
