// A local Mastodon server for the Mastodon connector's tests, answering as Mastodon's REST API
// does (docs.joinmastodon.org: methods/notifications, entities/Notification and Status, api/
// rate-limits): `GET /api/v1/accounts/verify_credentials`; `GET /api/v1/statuses/:id` (404 once
// deleted); `GET /api/v1/notifications` with
// `types[]`, `since_id`, `max_id` and `limit` (at most 80), newest first, paged through a `Link`
// header (`rel="next"` with `max_id`, `rel="prev"` with `min_id`); Bearer tokens, 401 with
// `{"error": "The access token is invalid"}`; `X-RateLimit-Limit`, `-Remaining` and `-Reset`
// (ISO 8601) on every answer, 429 `{"error": "Too many requests"}` past the limit. Statuses can
// be edited (`edited_at`) or deleted (the server then drops their notifications), and faults
// injected.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeMastodon {
  url: string;
  token: string;
  accountId: string;
  requests: { method: string; path: string }[];
  /** A new mention of the school; returns the status id. */
  addMention(text: string, o?: { replyToSchool?: boolean; media?: ('image' | 'video' | 'gifv' | 'audio')[]; by?: string }): string;
  /** A notification of another type (a favourite), which a mentions-only request must not get. */
  addFavourite(): void;
  /** A notification whose status lacks what every status has; returns its notification id. */
  addMalformed(): string;
  edit(statusId: string, text: string): void;
  remove(statusId: string): void;
  /** Answer the next request (not verify_credentials) with this status, body and headers. */
  failNext(status: number, body: unknown, headers?: Record<string, string>): void;
  /** Requests left in the rate-limit window. */
  setRemaining(n: number): void;
  close(): Promise<void>;
}

interface Note {
  id: string;
  type: 'mention' | 'favourite';
  status: Record<string, unknown> | null;
  malformed?: boolean;
}

export async function startFakeMastodon(): Promise<FakeMastodon> {
  const token = 'mastodon-leestoken-123';
  const accountId = '109000000000000001';
  const notes: Note[] = [];
  const requests: FakeMastodon['requests'] = [];
  let seq = 110_000_000_000_000_000n;
  let fault: { status: number; body: unknown; headers: Record<string, string> } | null = null;
  let remaining = 300;
  const nextId = () => String((seq += 1000n));
  let base = '';

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ method: req.method ?? 'GET', path: url.pathname });
    const reset = new Date(Math.ceil(Date.now() / 300_000) * 300_000).toISOString();
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-ratelimit-limit': '300',
        'x-ratelimit-remaining': String(Math.max(0, remaining)),
        'x-ratelimit-reset': reset,
        ...headers,
      });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET') return send(404, { error: 'Record not found' });
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: 'The access token is invalid' });
    remaining -= 1;
    if (remaining < 0) return send(429, { error: 'Too many requests' });
    if (url.pathname === '/api/v1/accounts/verify_credentials') {
      return send(200, { id: accountId, username: 'delinde', acct: 'delinde', display_name: 'De Linde', url: `${base}/@delinde` });
    }
    if (fault) {
      const f = fault;
      fault = null;
      return send(f.status, f.body, f.headers);
    }
    const statusPath = /^\/api\/v1\/statuses\/(\d+)$/.exec(url.pathname);
    if (statusPath) {
      const status = notes.find((n) => n.status?.id === statusPath[1])?.status;
      return status ? send(200, status) : send(404, { error: 'Record not found' });
    }
    if (url.pathname !== '/api/v1/notifications') return send(404, { error: 'Record not found' });
    const types = url.searchParams.getAll('types[]');
    const since = url.searchParams.get('since_id');
    const max = url.searchParams.get('max_id');
    const limit = Math.min(80, Math.max(1, Number(url.searchParams.get('limit') ?? 40)));
    const matching = notes
      .filter((n) => (types.length === 0 || types.includes(n.type)) && (!since || BigInt(n.id) > BigInt(since)) && (!max || BigInt(n.id) < BigInt(max)))
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    const page = matching.slice(0, limit);
    const body = page.map((n) =>
      n.malformed
        ? { id: n.id, type: n.type, created_at: new Date().toISOString(), status: { id: 'x' } }
        : { id: n.id, type: n.type, created_at: new Date().toISOString(), account: n.status?.account ?? null, status: n.status },
    );
    const links: string[] = [];
    if (matching.length > page.length && page.length) {
      const q = new URLSearchParams(url.searchParams);
      q.set('max_id', page[page.length - 1]!.id);
      links.push(`<${base}/api/v1/notifications?${q}>; rel="next"`);
    }
    if (page.length) {
      const q = new URLSearchParams(url.searchParams);
      q.delete('max_id');
      q.set('min_id', page[0]!.id);
      links.push(`<${base}/api/v1/notifications?${q}>; rel="prev"`);
    }
    return send(200, body, links.length ? { link: links.join(', ') } : {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const statusOf = (id: string) => notes.find((n) => n.status?.id === id)?.status;
  return {
    url: base,
    token,
    accountId,
    requests,
    addMention(text, o = {}) {
      const id = nextId();
      const by = o.by ?? 'leerling';
      const status = {
        id,
        created_at: new Date().toISOString(),
        edited_at: null,
        in_reply_to_id: o.replyToSchool ? '109000000000000099' : null,
        in_reply_to_account_id: o.replyToSchool ? accountId : null,
        visibility: 'public',
        uri: `${base}/users/${by}/statuses/${id}`,
        url: `${base}/@${by}/${id}`,
        content: `<p><span class="h-card"><a href="${base}/@delinde" class="u-url mention">@<span>delinde</span></a></span> ${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
        account: { id: `2${id}`, username: by, acct: `${by}@andere.example`, display_name: by === 'leerling' ? 'Een leerling' : by, url: `${base}/@${by}` },
        media_attachments: (o.media ?? []).map((type, k) => ({ id: `${id}${k}`, type, url: `${base}/media/${id}-${k}` })),
        mentions: [{ id: accountId, username: 'delinde', acct: 'delinde', url: `${base}/@delinde` }],
      };
      notes.push({ id: nextId(), type: 'mention', status });
      return id;
    },
    addFavourite() {
      notes.push({ id: nextId(), type: 'favourite', status: null });
    },
    addMalformed() {
      const id = nextId();
      notes.push({ id, type: 'mention', status: null, malformed: true });
      return id;
    },
    edit(statusId, text) {
      const s = statusOf(statusId);
      if (s) Object.assign(s, { content: `<p>${text}</p>`, edited_at: new Date().toISOString() });
    },
    remove(statusId) {
      // Mastodon removes the notifications of a deleted status.
      const i = notes.findIndex((x) => x.status?.id === statusId);
      if (i >= 0) notes.splice(i, 1);
    },
    failNext(status, body, headers = {}) {
      fault = { status, body, headers };
    },
    setRemaining(n) {
      remaining = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
