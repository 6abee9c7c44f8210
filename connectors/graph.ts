// What the Facebook Page and Instagram connectors share: GET requests against Meta's Graph API
// (graph.facebook.com, graph.instagram.com) with the token as the documented `access_token`
// query parameter, Graph error bodies (`{"error": {"message", "type", "code", "error_subcode",
// "fbtrace_id"}}`) turned into UitkijkErrors, the usage headers (`X-App-Usage`,
// `X-Page-Usage`, `X-Business-Use-Case-Usage`) watched so a fetch stops before Meta throttles
// the app, and cursor paging (`paging.cursors.after` while `paging.next` is there). Graph
// cursors are never stored (Meta: they expire and break when an item is deleted); a connector
// stores the newest `created_time` it saw instead, with `Mark`.
//
// The token never leaves the Graph host: it is added to each request here (a `paging.next`
// address loses the one Meta put in it), a redirect to another host is refused, and messages
// and logs show addresses through `safeUrl`, which drops the query. It only reads: every
// request is a GET.

import { RateLimitedError, UitkijkError } from '../src/errors.ts';
import { parseRetryAfter } from './common.ts';
import { limitedFetch, safeUrl } from './http.ts';
import type { ConnectorEnv, Item } from './types.ts';

/** Above this share (percent) of any Graph usage budget a fetch stops and leaves the rest to the next run. */
export const USAGE_LIMIT = 80;
/** How long a throttled source waits when Meta does not say (its budgets are rolling one-hour windows). */
export const DEFAULT_THROTTLE_MS = 15 * 60_000;
/**
 * Throttling: 4 app, 17 user, 32 Page, 613 custom rate limit (Handling Errors); 80001 Pages and
 * 80002 Instagram Business Use Case limits (Rate Limits).
 */
const THROTTLE_CODES = new Set([4, 17, 32, 613, 80001, 80002]);
/** The token itself: 190 expired or invalid, 102 session, 104 no token. */
const TOKEN_CODES = new Set([102, 104, 190]);
/** Temporary trouble on Meta's side (1 API Unknown, 2 API Service): try again later. */
const TEMPORARY_CODES = new Set([1, 2]);

export const obj = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
export const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** An absolute http(s) address, or null. */
export function webUrl(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

const GRAPH_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Milliseconds of a Graph time ("2026-03-01T09:30:00+0000"), or null when it is not one. */
export function graphTime(v: unknown): number | null {
  if (typeof v !== 'string' || !GRAPH_TIME.test(v)) return null;
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? ms : null;
}

export interface GraphError {
  message?: string;
  type?: string;
  code?: number;
  subcode?: number;
  fbtraceId?: string;
}

/** The `error` object of a Graph answer, if it is one. */
export function graphErrorOf(body: unknown): GraphError | null {
  const e = obj(obj(body)?.error);
  if (!e) return null;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);
  return {
    ...(typeof e.message === 'string' ? { message: e.message } : {}),
    ...(typeof e.type === 'string' ? { type: e.type } : {}),
    ...(num(e.code) !== undefined ? { code: num(e.code) } : {}),
    ...(num(e.error_subcode) !== undefined ? { subcode: num(e.error_subcode) } : {}),
    ...(typeof e.fbtrace_id === 'string' ? { fbtraceId: e.fbtrace_id } : {}),
  };
}

export interface Usage {
  /** The highest share (percent) of any budget in the headers; null when there were none. */
  percent: number | null;
  /** `estimated_time_to_regain_access` (minutes), the longest of them, when a budget is used up. */
  regainMinutes: number | null;
}

function parseJsonHeader(value: string | null): unknown {
  if (!value) return null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

/**
 * Reads the usage headers: `X-App-Usage` and `X-Page-Usage` ({call_count, total_cputime,
 * total_time} in percent) and `X-Business-Use-Case-Usage` (per business id a list of
 * {type, call_count, total_cputime, total_time, estimated_time_to_regain_access}).
 */
export function usageOf(headers: Headers): Usage {
  let percent: number | null = null;
  let regainMinutes: number | null = null;
  const take = (o: Record<string, unknown> | null) => {
    if (!o) return;
    for (const k of ['call_count', 'total_cputime', 'total_time']) {
      const v = o[k];
      if (typeof v === 'number' && Number.isFinite(v)) percent = Math.max(percent ?? 0, v);
    }
    const eta = o.estimated_time_to_regain_access;
    if (typeof eta === 'number' && Number.isFinite(eta) && eta > 0) regainMinutes = Math.max(regainMinutes ?? 0, eta);
  };
  take(obj(parseJsonHeader(headers.get('x-app-usage'))));
  take(obj(parseJsonHeader(headers.get('x-page-usage'))));
  const buc = obj(parseJsonHeader(headers.get('x-business-use-case-usage')));
  for (const list of Object.values(buc ?? {})) for (const entry of Array.isArray(list) ? list : []) take(obj(entry));
  return { percent, regainMinutes };
}

// --- what a connector remembers between runs ---------------------------------------------------

/** The newest `created_time` seen on one post or media, and the ids seen at exactly that time. */
export interface Mark {
  t: number;
  ids: string[];
}

/** Whether an item at `created` with this id was handed out already under `mark`. */
export function covered(mark: Mark | null | undefined, created: number, id: string): boolean {
  return !!mark && (created < mark.t || (created === mark.t && mark.ids.includes(id)));
}

/** `mark` moved on to include one more item. */
export function advance(mark: Mark | null, created: number, id: string): Mark {
  if (!mark || created > mark.t) return { t: created, ids: [id] };
  if (created === mark.t && !mark.ids.includes(id)) return { t: mark.t, ids: [...mark.ids, id] };
  return mark;
}

export function markToJson(mark: Mark): { t: string; ids: string[] } {
  return { t: new Date(mark.t).toISOString(), ids: mark.ids };
}

export function markFromJson(v: unknown): Mark | null {
  const o = obj(v);
  const t = typeof o?.t === 'string' ? Date.parse(o.t) : NaN;
  if (!o || !Number.isFinite(t)) return null;
  return { t, ids: Array.isArray(o.ids) ? o.ids.filter((x): x is string => typeof x === 'string').slice(0, 50) : [] };
}

// --- the client --------------------------------------------------------------------------------

export interface GraphClientOptions {
  sourceId: string;
  /** 'Facebook' or 'Instagram', for messages. */
  platform: string;
  /** The Graph host, e.g. https://graph.facebook.com. */
  base: string;
  version: string;
  token: string;
  /** The environment variable that holds the token, for messages. */
  tokenVar: string;
  /** The permissions the token needs, as a sentence part ("pages_read_engagement en pages_read_user_content"). */
  permissions: string;
  /** The config key to check when Meta does not know an object ('pageId', 'userId'). */
  idKey: string;
  env: ConnectorEnv;
  now: () => number;
}

export interface GraphPage {
  data: unknown[];
  /** The next page's address (without the token), or null on the last page. */
  next: string | null;
}

export type Lookup = 'present' | 'gone' | 'unknown';

export interface GraphClient {
  /** `{base}/{version}/{path}?{params}`, without the token. */
  url(path: string, params?: Record<string, string>): string;
  /** One GET; a Graph error becomes an UitkijkError (a RateLimitedError when throttled). */
  get(url: string): Promise<unknown>;
  /** One page of an edge: its `data`, and where the next page is. */
  page(url: string): Promise<GraphPage>;
  /** Looks one object up: there, gone (code 100, subcode 33), or not known (anything else). */
  lookup(url: string): Promise<Lookup>;
  /** The highest usage (percent) the answers of this run reported; 0 when none did. */
  peak(): number;
  /** True once an answer reported a usage above USAGE_LIMIT. */
  overLimit(): boolean;
  /** Requests made so far. */
  requests(): number;
}

export function createGraphClient(o: GraphClientOptions): GraphClient {
  const base = o.base.replace(/\/+$/, '');
  const origin = new URL(base).origin;
  const host = new URL(base).host;
  const who = `Bron ${o.sourceId}`;
  const underlying = o.env.fetch ?? globalThis.fetch;
  // The token rides in the query: it must go to the Graph host and nowhere else, not even by a redirect.
  const guarded: typeof globalThis.fetch = (input, init) => {
    const target = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (new URL(target).origin !== origin)
      return Promise.reject(new Error(`doorverwijzing naar ${new URL(target).host} geweigerd; het token gaat alleen naar ${host}`));
    return underlying(input, init);
  };
  const http = limitedFetch(o.env.limits, guarded, who);
  let peak = 0;
  let count = 0;

  const url = (path: string, params: Record<string, string> = {}) => {
    const q = new URLSearchParams(params);
    const s = q.toString();
    return `${base}/${o.version}/${path.split('/').map(encodeURIComponent).join('/')}${s ? `?${s}` : ''}`;
  };

  /** One GET and its JSON; only 429, network trouble and unreadable bodies throw here. */
  const request = async (address: string): Promise<{ res: Response; body: unknown; error: GraphError | null; usage: Usage }> => {
    const u = new URL(address);
    u.searchParams.set('access_token', o.token);
    count += 1;
    const res = await http(u.href, { method: 'GET', headers: { accept: 'application/json' } });
    const usage = usageOf(res.headers);
    if (usage.percent !== null) peak = Math.max(peak, usage.percent);
    if (res.status === 429) {
      await res.body?.cancel();
      const wait = res.headers.has('retry-after')
        ? parseRetryAfter(res.headers.get('retry-after'), o.now())
        : usage.regainMinutes
          ? usage.regainMinutes * 60_000
          : DEFAULT_THROTTLE_MS;
      throw new RateLimitedError(`${who}: ${o.platform} vraagt om te wachten (HTTP 429); deze bron wacht ${minutes(wait)}.`, wait);
    }
    let body: unknown;
    try {
      body = JSON.parse(await res.text());
    } catch (err) {
      if ((err as UitkijkError).code === 'CONNECTOR_TOO_LARGE') throw err;
      if (res.status >= 500) throw new UitkijkError('CONNECTOR_UNAVAILABLE', `${who}: ${safeUrl(address)} geeft een serverfout (HTTP ${res.status}).`);
      throw new UitkijkError('CONNECTOR_BAD_RESPONSE', `${who}: ${safeUrl(address)} gaf geen geldige JSON (HTTP ${res.status}).`);
    }
    return { res, body, error: graphErrorOf(body), usage };
  };

  const fail = (address: string, res: Response, error: GraphError | null, usage: Usage): never => {
    const code = error?.code;
    const codeText = code === undefined ? '' : `Graph-foutcode ${code}${error?.subcode !== undefined ? `/${error.subcode}` : ''}`;
    if (code !== undefined && THROTTLE_CODES.has(code)) {
      const wait = usage.regainMinutes
        ? usage.regainMinutes * 60_000
        : res.headers.has('retry-after')
          ? parseRetryAfter(res.headers.get('retry-after'), o.now())
          : DEFAULT_THROTTLE_MS;
      throw new RateLimitedError(`${who}: ${o.platform} heeft de grens voor verzoeken bereikt (${codeText}); deze bron wacht ${minutes(wait)}.`, wait);
    }
    if (code !== undefined && TOKEN_CODES.has(code)) {
      throw new UitkijkError(
        'CONNECTOR_AUTH',
        `${who}: ${o.platform} weigert het token (${codeText}: verlopen, ingetrokken of ongeldig). Vernieuw het token (leesrechten: ${o.permissions}) en zet het nieuwe in ${o.tokenVar}.`,
      );
    }
    if (code !== undefined && (code === 10 || (code >= 200 && code <= 299))) {
      throw new UitkijkError(
        'CONNECTOR_AUTH',
        `${who}: het token mist een toestemming (${codeText}). Nodig zijn: ${o.permissions}. Maak een token met deze leesrechten en zet het in ${o.tokenVar}.`,
      );
    }
    if (res.status >= 500 || (code !== undefined && TEMPORARY_CODES.has(code))) {
      throw new UitkijkError(
        'CONNECTOR_UNAVAILABLE',
        `${who}: ${safeUrl(address)} geeft een serverfout (HTTP ${res.status}${codeText ? `, ${codeText}` : ''}); de volgende ronde probeert het opnieuw.`,
      );
    }
    const said = error?.message ? `: ${oneLine(error.message)}` : '';
    const trace = error?.fbtraceId ? ` (fbtrace_id ${error.fbtraceId})` : '';
    throw new UitkijkError(
      'CONNECTOR_BAD_RESPONSE',
      `${who}: ${safeUrl(address)} gaf HTTP ${res.status}${codeText ? ` (${codeText}${said})` : ''}${trace}; controleer '${o.idKey}' en 'apiVersion' in de configuratie.`,
    );
  };

  const get = async (address: string): Promise<unknown> => {
    const { res, body, error, usage } = await request(address);
    if (!res.ok || error) fail(address, res, error, usage);
    return body;
  };

  const nextOf = (address: string, body: unknown): string | null => {
    const paging = obj(obj(body)?.paging);
    if (!paging || typeof paging.next !== 'string') return null; // Meta: no `next`, last page
    const after = str(obj(paging.cursors)?.after);
    if (after) {
      const u = new URL(address);
      u.searchParams.delete('before');
      u.searchParams.set('after', after);
      return u.href;
    }
    // Paged without cursors (time-based): Meta's own address, on the same host only.
    const n = webUrl(paging.next);
    if (!n || new URL(n).origin !== origin) {
      o.env.log.warn({ source: o.sourceId }, `${o.platform}: volgende pagina staat op een ander adres; niet gevolgd`);
      return null;
    }
    const u = new URL(n);
    u.searchParams.delete('access_token');
    return u.href;
  };

  return {
    url,
    get,
    async page(address) {
      const body = await get(address);
      const data = obj(body)?.data;
      if (!Array.isArray(data)) throw new UitkijkError('CONNECTOR_BAD_RESPONSE', `${who}: ${safeUrl(address)} gaf geen lijst ('data') terug.`);
      return { data, next: nextOf(address, body) };
    },
    async lookup(address) {
      const { res, body, error, usage } = await request(address);
      if (res.ok && !error) return str(obj(body)?.id) ? 'present' : 'unknown';
      if (error?.code === 100 && error.subcode === 33) return 'gone';
      if (error?.code !== undefined && THROTTLE_CODES.has(error.code)) fail(address, res, error, usage);
      return 'unknown';
    },
    peak: () => peak,
    overLimit: () => peak > USAGE_LIMIT,
    requests: () => count,
  };
}

function minutes(ms: number): string {
  const m = Math.ceil(ms / 60_000);
  return ms < 60_000 ? `${Math.ceil(ms / 1000)} s` : `${m} ${m === 1 ? 'minuut' : 'minuten'}`;
}

function oneLine(text: string): string {
  const one = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return one.length > 200 ? `${one.slice(0, 199)}…` : one;
}

/**
 * Before a digest: each comment looked up again (`GET /{comment-id}?fields=id`). Meta answers a
 * comment that no longer exists with code 100, subcode 33 — which it also says for an object the
 * token may not see, so "gone" counts only when the owner (the Page, the account) can still be
 * read with the same token. A comment it cannot tell about is left out.
 */
export async function graphStillThere(
  graph: GraphClient,
  o: { platform: string; ownerId: string; sourceId: string; log: ConnectorEnv['log'] },
  wanted: readonly Item[],
): Promise<Map<string, boolean>> {
  const out = new Map<string, boolean>();
  const gone: string[] = [];
  const prefix = `${o.platform.toLowerCase()}:`;
  for (const item of wanted) {
    const cid = item.id.startsWith(prefix) ? item.id.slice(prefix.length) : '';
    if (!cid) continue;
    try {
      const answer = await graph.lookup(graph.url(cid, { fields: 'id' }));
      if (answer === 'present') out.set(item.id, true);
      else if (answer === 'gone') gone.push(item.id);
    } catch (err) {
      o.log.warn({ source: o.sourceId, item: item.id, reason: (err as Error).message }, `${o.platform}: reactie niet opnieuw op te zoeken`);
      if (err instanceof RateLimitedError) break;
    }
  }
  if (gone.length) {
    const owner = await graph.lookup(graph.url(o.ownerId, { fields: 'id' })).catch(() => 'unknown' as const);
    if (owner === 'present') for (const id of gone) out.set(id, false);
  }
  return out;
}
