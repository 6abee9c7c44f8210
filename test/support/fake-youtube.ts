// A local YouTube Data API v3 for the YouTube connector's tests, answering on 127.0.0.1 as
// Google does (developers.google.com/youtube/v3/docs: commentThreads.list, comments.list,
// errors, determine_quota_cost): `GET /youtube/v3/commentThreads` and `GET /youtube/v3/comments`
// with the same query parameters — `part` (unknown values refused with 400 unknownPart),
// exactly one filter (`allThreadsRelatedToChannelId`, `channelId`, `videoId`, `id`; or
// `parentId`, `id` for comments), `maxResults` 1–100 (default 20), `order`, `textFormat`
// (html by default: escaped, newlines as <br>), `pageToken` — and an unknown parameter refused as
// Google does. Lists carry `kind`, `etag`, `nextPageToken` and `pageInfo`; resources `kind`,
// `etag`, `id`, and `snippet` fields as documented; a thread inlines at most five replies under
// `replies.comments` (`snippet.totalReplyCount` says how many there are). `snippet.textOriginal`
// is left out, as the docs promise it only to the comment's author (an API key is nobody);
// `snippet.imageUrl` is there for a comment with an image. Threads come newest first by the
// top-level comment's publishedAt (order=time); a reply does not move its thread.
//
// Every call needs `key`: none is 403 `forbidden`, an unknown one 400 `badRequest` "API key not
// valid"; a key of a project without the API enabled 403 `accessNotConfigured`. Each accepted
// call costs its key one unit (also a call the API then refuses, as Google counts invalid
// requests too) until the day's quota is gone: then 403 `quotaExceeded`. The day ends at
// midnight Pacific time. Comments can be edited (updatedAt moves), deleted (a deleted top-level
// comment takes its thread along), a video's comments disabled (its threads leave the channel
// listing and `comments.list` for them answers 403 `commentsDisabled`), page tokens made stale
// (400 `invalidPageToken`) and faults injected. Every request is recorded (method, path, the
// query without the key); a non-GET gets 405.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeYoutubeRequest {
  method: string;
  path: string;
  /** The query parameters, without `key`. */
  query: Record<string, string>;
}

export interface FakeYoutube {
  url: string;
  /** A valid key of a project with the YouTube Data API enabled. */
  apiKey: string;
  channelId: string;
  requests: FakeYoutubeRequest[];
  /** Another key: of a project with the API enabled, or not (403 accessNotConfigured). */
  addKey(key: string, o?: { apiEnabled?: boolean }): void;
  /** Units `key` spent today (Pacific time). */
  units(key?: string): number;
  /** The daily quota of every key, in units. */
  setDailyQuota(units: number): void;
  addVideo(): string;
  /** A new top-level comment (a thread) under a video; returns its id (the thread's id too). */
  addThread(videoId: string, text: string, o?: CommentOptions): string;
  /** A reply to a thread; returns the reply's id (`<thread id>.<own part>`). */
  addReply(threadId: string, text: string, o?: CommentOptions): string;
  /** A thread whose snippet lacks its topLevelComment; returns the thread id. */
  addMalformedThread(videoId: string): string;
  edit(commentId: string, text: string): void;
  remove(commentId: string): void;
  /**
   * The video's comments are switched off: its threads leave the channel listing and
   * comments.list refuses them. `stillListed` keeps them in the listing (a listing that lags).
   */
  disableComments(videoId: string, o?: { stillListed?: boolean }): void;
  /** Every page token handed out so far is refused from now on (400 invalidPageToken). */
  expirePageTokens(): void;
  /** Answer the next matching API request (after the key check) with this status and body. */
  failNext(status: number, body: unknown, o?: { headers?: Record<string, string>; path?: string }): void;
  close(): Promise<void>;
}

export interface CommentOptions {
  author?: string;
  /** When it was posted (ms); the default is one second after the previous comment. */
  at?: number;
  imageUrl?: string;
  /** The comment comes without its text and time (as no real one should). */
  malformed?: boolean;
}

interface StoredComment {
  id: string;
  videoId: string;
  parentId?: string;
  author: string;
  authorChannelId: string;
  text: string;
  publishedAt: number;
  updatedAt: number;
  imageUrl?: string;
  malformed?: boolean;
  seq: number;
}

interface StoredThread {
  id: string;
  videoId: string;
  top: StoredComment;
  replies: StoredComment[];
  malformed?: boolean;
  seq: number;
}

interface Video {
  id: string;
  commentsDisabled: boolean;
  stillListed: boolean;
}

const STANDARD = ['key', 'alt', 'fields', 'prettyPrint', 'quotaUser'];
const THREAD_PARAMS = [
  'part',
  'allThreadsRelatedToChannelId',
  'channelId',
  'id',
  'videoId',
  'maxResults',
  'moderationStatus',
  'order',
  'pageToken',
  'searchTerms',
  'textFormat',
];
const COMMENT_PARAMS = ['part', 'id', 'parentId', 'maxResults', 'pageToken', 'textFormat'];
const INLINE_REPLIES = 5;

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const etagOf = (v: unknown) => createHash('sha1').update(JSON.stringify(v)).digest('base64url').slice(0, 27);
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The Pacific-time calendar day of an instant, e.g. '2026-03-08': quotas count per such day. */
function pacificDay(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

/** Google's error body (youtube/v3/docs/errors). */
function googleError(code: number, message: string, reason: string, domain: string, extra: Record<string, string> = {}) {
  const status = code === 400 ? 'INVALID_ARGUMENT' : code === 403 ? 'PERMISSION_DENIED' : code === 404 ? 'NOT_FOUND' : undefined;
  return { error: { code, message, errors: [{ message, domain, reason, ...extra }], ...(status ? { status } : {}) } };
}

const param = (name: string) => ({ location: name, locationType: 'parameter' });

export async function startFakeYoutube(opts: { now?: () => number; start?: number } = {}): Promise<FakeYoutube> {
  const now = opts.now ?? Date.now;
  const apiKey = 'AIzaSyFakeYoutubeKey0000000000000000000';
  const channelId = 'UCfakeSchoolChannel00001';
  const keys = new Map<string, { apiEnabled: boolean }>([[apiKey, { apiEnabled: true }]]);
  const spent = new Map<string, number>();
  let dailyQuota = 10_000;
  const videos = new Map<string, Video>();
  const threads: StoredThread[] = [];
  const requests: FakeYoutubeRequest[] = [];
  let fault: { status: number; body: unknown; headers: Record<string, string>; path?: string } | null = null;
  let generation = 0;
  let seq = 0;
  // Comments are posted one second apart from a day ago, unless a test says when.
  let clock = opts.start ?? Date.now() - 24 * 3600 * 1000;

  const idPart = (prefix: string, n: number, len: number) => (prefix + createHash('sha256').update(`${prefix}${n}`).digest('base64url')).slice(0, len);
  const threadOf = (id: string) => threads.find((t) => t.id === id);
  const commentOf = (id: string): StoredComment | undefined => {
    for (const t of threads) {
      if (t.malformed) continue;
      if (t.top.id === id) return t.top;
      const r = t.replies.find((c) => c.id === id);
      if (r) return r;
    }
    return undefined;
  };
  const stamp = (at?: number) => {
    clock = at ?? clock + 1000;
    return Math.floor(clock / 1000) * 1000;
  };
  const newComment = (videoId: string, text: string, o: CommentOptions, id: string, parentId?: string): StoredComment => {
    const t = stamp(o.at);
    const author = o.author ?? '@leerling123';
    return {
      id,
      videoId,
      ...(parentId ? { parentId } : {}),
      author,
      authorChannelId: idPart('UC', seq, 24),
      text,
      publishedAt: t,
      updatedAt: t,
      ...(o.imageUrl ? { imageUrl: o.imageUrl } : {}),
      ...(o.malformed ? { malformed: true } : {}),
      seq: ++seq,
    };
  };

  const commentResource = (c: StoredComment, parts: Set<string>, format: string) => {
    const base: Record<string, unknown> = { kind: 'youtube#comment', id: c.id };
    if (parts.has('snippet') && c.malformed) {
      base.snippet = { channelId, videoId: c.videoId, authorDisplayName: c.author };
    } else if (parts.has('snippet')) {
      base.snippet = {
        channelId,
        videoId: c.videoId,
        textDisplay: format === 'plainText' ? c.text : escapeHtml(c.text).replace(/\n/g, '<br>'),
        ...(c.parentId ? { parentId: c.parentId } : {}),
        authorDisplayName: c.author,
        authorProfileImageUrl: `https://yt3.ggpht.example/${c.authorChannelId}=s48-c-k-c0x00ffffff-no-rj`,
        authorChannelUrl: `http://www.youtube.com/${c.author}`,
        authorChannelId: { value: c.authorChannelId },
        canRate: true,
        viewerRating: 'none',
        likeCount: 0,
        publishedAt: iso(c.publishedAt),
        updatedAt: iso(c.updatedAt),
        ...(c.imageUrl ? { imageUrl: c.imageUrl } : {}),
      };
    }
    return { kind: base.kind, etag: etagOf(base), ...base };
  };

  const threadResource = (t: StoredThread, parts: Set<string>, format: string) => {
    const base: Record<string, unknown> = { kind: 'youtube#commentThread', id: t.id };
    if (parts.has('snippet')) {
      base.snippet = t.malformed
        ? { channelId, videoId: t.videoId, canReply: true, totalReplyCount: 0, isPublic: true }
        : {
            channelId,
            videoId: t.videoId,
            topLevelComment: commentResource(t.top, new Set(['snippet']), format),
            canReply: true,
            totalReplyCount: t.replies.length,
            isPublic: true,
          };
    }
    if (parts.has('replies') && !t.malformed && t.replies.length) {
      base.replies = { comments: t.replies.slice(0, INLINE_REPLIES).map((r) => commentResource(r, new Set(['snippet']), format)) };
    }
    return { kind: base.kind, etag: etagOf(base), ...base };
  };

  const token = (offset: number) => Buffer.from(JSON.stringify({ o: offset, g: generation })).toString('base64url');
  const readToken = (value: string | null): number | null => {
    if (value === null) return 0;
    try {
      const v = JSON.parse(Buffer.from(value, 'base64url').toString()) as { o?: unknown; g?: unknown };
      return typeof v.o === 'number' && v.g === generation ? v.o : null;
    } catch {
      return null;
    }
  };

  /** The checks both list methods share; an error body, or null when the request may go on. */
  function common(q: URLSearchParams, allowed: string[], partNames: string[], filters: string[]): { status: number; body: unknown } | null {
    for (const name of q.keys()) {
      if (!allowed.includes(name) && !STANDARD.includes(name)) {
        const message = `Invalid JSON payload received. Unknown name "${name}": Cannot bind query parameter. Field '${name}' could not be found in request message.`;
        return { status: 400, body: googleError(400, message, 'badRequest', 'global') };
      }
    }
    const part = q.get('part');
    if (!part) return { status: 400, body: googleError(400, 'Required parameter: part', 'required', 'global', param('part')) };
    for (const p of part.split(',')) {
      if (!partNames.includes(p.trim())) return { status: 400, body: googleError(400, `'${p}'`, 'unknownPart', 'youtube.part', param('part')) };
    }
    const given = filters.filter((f) => q.has(f));
    if (given.length === 0) {
      const message = `No filter selected. Expected one of: ${filters.join(', ')}`;
      return { status: 400, body: googleError(400, message, 'missingRequiredParameter', 'youtube.parameter', param('')) };
    }
    if (given.length > 1) {
      const message = `Incompatible parameters specified in the request: ${given.join(', ')}`;
      return { status: 400, body: googleError(400, message, 'incompatibleParameters', 'youtube.parameter', param(given[1]!)) };
    }
    if (q.has('id') && (q.has('maxResults') || q.has('pageToken'))) {
      const other = q.has('maxResults') ? 'maxResults' : 'pageToken';
      return {
        status: 400,
        body: googleError(400, `Incompatible parameters specified in the request: id, ${other}`, 'incompatibleParameters', 'youtube.parameter', param(other)),
      };
    }
    const max = q.get('maxResults');
    if (max !== null && !(/^\d+$/.test(max) && Number(max) >= 1 && Number(max) <= 100)) {
      const message = `Invalid value '${max}'. Values must be within the range: [1, 100]`;
      return { status: 400, body: googleError(400, message, 'invalidParameter', 'youtube.parameter', param('maxResults')) };
    }
    const format = q.get('textFormat');
    if (format !== null && format !== 'html' && format !== 'plainText') {
      return { status: 400, body: googleError(400, `Invalid value '${format}'`, 'invalidParameter', 'youtube.parameter', param('textFormat')) };
    }
    return null;
  }

  function page<T>(list: T[], q: URLSearchParams, kind: string, render: (x: T) => unknown): { status: number; body: unknown } {
    const offset = readToken(q.get('pageToken'));
    if (offset === null) {
      return {
        status: 400,
        body: googleError(400, 'The request specifies an invalid page token.', 'invalidPageToken', 'youtube.parameter', param('pageToken')),
      };
    }
    const size = Number(q.get('maxResults') ?? 20);
    const slice = list.slice(offset, offset + size);
    const items = slice.map(render);
    const body = {
      kind,
      etag: etagOf(items),
      ...(offset + size < list.length ? { nextPageToken: token(offset + size) } : {}),
      pageInfo: { totalResults: list.length, resultsPerPage: size },
      items,
    };
    return { status: 200, body };
  }

  const listed = (t: StoredThread) => {
    const v = videos.get(t.videoId);
    return !v || !v.commentsDisabled || v.stillListed;
  };
  const newestFirst = (a: StoredThread, b: StoredThread) => (b.top.publishedAt - a.top.publishedAt) * 1_000_000 + (b.seq - a.seq);

  function commentThreads(q: URLSearchParams): { status: number; body: unknown } {
    const bad = common(q, THREAD_PARAMS, ['id', 'snippet', 'replies'], ['allThreadsRelatedToChannelId', 'channelId', 'id', 'videoId']);
    if (bad) return bad;
    const order = q.get('order');
    if (order !== null && order !== 'time' && order !== 'relevance') {
      return { status: 400, body: googleError(400, `Invalid value '${order}'`, 'invalidParameter', 'youtube.parameter', param('order')) };
    }
    const moderation = q.get('moderationStatus');
    if (moderation !== null && moderation !== 'published') {
      const message = 'The request is not properly authorized to retrieve the specified comment threads.';
      return { status: 403, body: googleError(403, message, 'forbidden', 'youtube.commentThread', param('moderationStatus')) };
    }
    const parts = new Set(
      q
        .get('part')!
        .split(',')
        .map((p) => p.trim()),
    );
    const format = q.get('textFormat') ?? 'html';
    let list: StoredThread[];
    const channel = q.get('allThreadsRelatedToChannelId');
    const videoId = q.get('videoId');
    if (channel !== null) {
      if (channel !== channelId) {
        const message =
          'The channel identified by either the <code>channelId</code> or the <code>allThreadsRelatedToChannelId</code> parameter could not be found.';
        return { status: 404, body: googleError(404, message, 'channelNotFound', 'youtube.commentThread', param('allThreadsRelatedToChannelId')) };
      }
      list = threads.filter(listed);
    } else if (videoId !== null) {
      const v = videos.get(videoId);
      if (!v)
        return {
          status: 404,
          body: googleError(
            404,
            'The video identified by the <code>videoId</code> parameter could not be found.',
            'videoNotFound',
            'youtube.commentThread',
            param('videoId'),
          ),
        };
      if (v.commentsDisabled) {
        const message =
          'The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#videoId">videoId</a></code> parameter has disabled comments.';
        return { status: 403, body: googleError(403, message, 'commentsDisabled', 'youtube.commentThread', param('videoId')) };
      }
      list = threads.filter((t) => t.videoId === videoId);
    } else if (q.has('id')) {
      const ids = q.get('id')!.split(',');
      list = threads.filter((t) => ids.includes(t.id) && listed(t));
    } else {
      list = []; // channelId: comments about the channel itself, which this channel has none of
    }
    const terms = q.get('searchTerms');
    if (terms) list = list.filter((t) => !t.malformed && t.top.text.toLowerCase().includes(terms.toLowerCase()));
    list = [...list].sort(newestFirst);
    if (q.has('id'))
      return {
        status: 200,
        body: {
          kind: 'youtube#commentThreadListResponse',
          etag: etagOf(list.map((t) => t.id)),
          pageInfo: { totalResults: list.length, resultsPerPage: list.length },
          items: list.map((t) => threadResource(t, parts, format)),
        },
      };
    return page(list, q, 'youtube#commentThreadListResponse', (t) => threadResource(t, parts, format));
  }

  function comments(q: URLSearchParams): { status: number; body: unknown } {
    const bad = common(q, COMMENT_PARAMS, ['id', 'snippet'], ['id', 'parentId']);
    if (bad) return bad;
    const parts = new Set(
      q
        .get('part')!
        .split(',')
        .map((p) => p.trim()),
    );
    const format = q.get('textFormat') ?? 'html';
    const parentId = q.get('parentId');
    if (parentId !== null) {
      const t = threadOf(parentId);
      if (!t || t.malformed) {
        const message = 'The comment identified by the <code>parentId</code> parameter could not be found.';
        return { status: 404, body: googleError(404, message, 'commentNotFound', 'youtube.comment', param('parentId')) };
      }
      if (videos.get(t.videoId)?.commentsDisabled) {
        const message = 'The video identified by the <code>videoId</code> parameter has disabled comments.';
        return { status: 403, body: googleError(403, message, 'commentsDisabled', 'youtube.comment', param('parentId')) };
      }
      return page(t.replies, q, 'youtube#commentListResponse', (c) => commentResource(c, parts, format));
    }
    const found = q
      .get('id')!
      .split(',')
      .map((id) => commentOf(id.trim()))
      .filter((c): c is StoredComment => c !== undefined);
    const items = found.map((c) => commentResource(c, parts, format));
    return {
      status: 200,
      body: { kind: 'youtube#commentListResponse', etag: etagOf(items), pageInfo: { totalResults: items.length, resultsPerPage: items.length }, items },
    };
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const query = Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'key'));
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', vary: 'Origin, X-Origin, Referer', ...headers });
      res.end(JSON.stringify(body, null, 2));
    };
    req.resume();
    if (req.method !== 'GET') return send(405, googleError(405, 'Method Not Allowed', 'httpMethodNotAllowed', 'global'));
    const key = url.searchParams.get('key');
    if (!key) {
      const message =
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.";
      return send(403, googleError(403, message, 'forbidden', 'global'));
    }
    const k = keys.get(key);
    if (!k) {
      const message = 'API key not valid. Please pass a valid API key.';
      const body = googleError(400, message, 'badRequest', 'global') as { error: Record<string, unknown> };
      body.error.details = [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'API_KEY_INVALID',
          domain: 'googleapis.com',
          metadata: { service: 'youtube.googleapis.com' },
        },
      ];
      return send(400, body);
    }
    if (!k.apiEnabled) {
      const message =
        'YouTube Data API v3 has not been used in project 123456789012 before or it is disabled. Enable it by visiting the Google Cloud console, then retry.';
      return send(403, googleError(403, message, 'accessNotConfigured', 'usageLimits'));
    }
    const day = `${key}\u0000${pacificDay(now())}`;
    const used = spent.get(day) ?? 0;
    if (used >= dailyQuota) {
      const message = 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.';
      return send(403, googleError(403, message, 'quotaExceeded', 'youtube.quota'));
    }
    if (fault && (!fault.path || fault.path === url.pathname)) {
      const f = fault;
      fault = null;
      return send(f.status, f.body, f.headers);
    }
    spent.set(day, used + 1);
    if (url.pathname === '/youtube/v3/commentThreads') {
      const r = commentThreads(url.searchParams);
      return send(r.status, r.body);
    }
    if (url.pathname === '/youtube/v3/comments') {
      const r = comments(url.searchParams);
      return send(r.status, r.body);
    }
    return send(404, googleError(404, 'Not Found', 'notFound', 'global'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    apiKey,
    channelId,
    requests,
    addKey(key, o = {}) {
      keys.set(key, { apiEnabled: o.apiEnabled ?? true });
    },
    units: (key = apiKey) => spent.get(`${key}\u0000${pacificDay(now())}`) ?? 0,
    setDailyQuota(units) {
      dailyQuota = units;
    },
    addVideo() {
      const id = idPart('v', videos.size, 11).padEnd(11, 'x');
      videos.set(id, { id, commentsDisabled: false, stillListed: false });
      return id;
    },
    addThread(videoId, text, o = {}) {
      const id = idPart('Ugx', seq, 22) + 'AaABAg';
      const top = newComment(videoId, text, o, id);
      threads.push({ id, videoId, top, replies: [], seq: top.seq });
      return id;
    },
    addReply(threadId, text, o = {}) {
      const t = threadOf(threadId);
      if (!t || t.malformed) throw new Error(`fake-youtube: no thread ${threadId}`);
      const reply = newComment(t.videoId, text, o, `${threadId}.${idPart('9', seq, 22)}`, threadId);
      t.replies.push(reply);
      return reply.id;
    },
    addMalformedThread(videoId) {
      const id = idPart('Ugz', seq, 22) + 'AaABAg';
      const top = newComment(videoId, '', {}, id);
      threads.push({ id, videoId, top, replies: [], malformed: true, seq: top.seq });
      return id;
    },
    edit(commentId, text) {
      const c = commentOf(commentId);
      if (!c) throw new Error(`fake-youtube: no comment ${commentId}`);
      c.text = text;
      c.updatedAt = Math.max(c.publishedAt + 1000, Math.floor(now() / 1000) * 1000);
    },
    remove(commentId) {
      const i = threads.findIndex((t) => t.id === commentId);
      if (i >= 0) {
        threads.splice(i, 1);
        return;
      }
      for (const t of threads) t.replies = t.replies.filter((r) => r.id !== commentId);
    },
    disableComments(videoId, o = {}) {
      const v = videos.get(videoId);
      if (!v) throw new Error(`fake-youtube: no video ${videoId}`);
      v.commentsDisabled = true;
      v.stillListed = o.stillListed ?? false;
    },
    expirePageTokens() {
      generation += 1;
    },
    failNext(status, body, o = {}) {
      fault = { status, body, headers: o.headers ?? {}, path: o.path };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Google's error body, for tests that inject one with failNext. */
export { googleError };
