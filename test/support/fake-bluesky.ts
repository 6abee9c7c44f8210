// A small Bluesky-like XRPC server for the demo run and the pipeline tests, so the whole
// pipeline works without internet. It answers the read endpoints uitkijk's Bluesky connector
// uses the way Bluesky does: the same paths, fields, cursors, error bodies and rate-limit
// headers. It accepts no writes other than logging in. Tests of the real connector use
// Bluesky's own reference servers (@atproto/dev-env). Record keys come from a fixed epoch and a
// counter, not from the clock, so the same content keeps the same post URIs at every start.

import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { cidFor, didFor, rkeyFor } from './atproto-ids.ts';
import type { DemoPost } from '../../demo/content.ts';

export interface FakeBlueskyOptions {
  schoolHandle: string;
  appPassword: string;
  schoolPosts: DemoPost[];
  reactions: DemoPost[];
  /** The clock, for tests. */
  now?: () => number;
}

/** Record keys count from here, so a restart with the same content gives the same URIs. */
const RKEY_EPOCH = Date.UTC(2026, 0, 1);

interface StoredPost {
  uri: string;
  cid: string;
  did: string;
  handle: string;
  displayName?: string;
  text: string;
  createdAt: string;
  replyTo?: StoredPost;
  mention: boolean;
  deleted: boolean;
}

export interface FakeBluesky {
  url: string;
  server: Server;
  /** Every request seen: method and XRPC method name. */
  requests: { method: string; nsid: string }[];
  /** Add a reaction while running (new content for a later fetch). */
  addReaction(p: DemoPost): string;
  deletePost(uri: string): void;
  /** Queue failures: the next data requests answer with these statuses. */
  failNext(...statuses: number[]): void;
  close(): Promise<void>;
}

const RATE_LIMIT = 3000;
const RATE_WINDOW_S = 300;

export async function startFakeBluesky(opts: FakeBlueskyOptions, port = 0): Promise<FakeBluesky> {
  const now = opts.now ?? Date.now;
  const schoolDid = didFor(opts.schoolHandle);
  const posts: StoredPost[] = [];
  const sessions = new Map<string, 'access' | 'refresh'>();
  const requests: FakeBluesky['requests'] = [];
  const failures: number[] = [];
  let counter = 0;
  let used = 0;
  let windowStart = Math.floor(now() / 1000);

  const add = (p: DemoPost): StoredPost => {
    const isSchool = p.by === 'school';
    const handle = isSchool ? opts.schoolHandle : p.by;
    const did = isSchool ? schoolDid : didFor(handle);
    const created = now() - p.minutesAgo * 60_000;
    const rkey = rkeyFor(RKEY_EPOCH + counter, counter++);
    const uri = `at://${did}/app.bsky.feed.post/${rkey}`;
    const parent = p.replyTo === undefined ? undefined : schoolPosts[p.replyTo];
    const post: StoredPost = {
      uri,
      cid: cidFor(uri),
      did,
      handle,
      displayName: p.displayName,
      text: p.text,
      createdAt: new Date(created).toISOString(),
      replyTo: parent,
      mention: Boolean(p.mention),
      deleted: false,
    };
    posts.push(post);
    return post;
  };
  const schoolPosts: StoredPost[] = [];
  for (const p of opts.schoolPosts) schoolPosts.push(add({ ...p, by: 'school' }));
  for (const r of opts.reactions) add(r);

  const author = (p: StoredPost) => ({
    did: p.did,
    handle: p.handle,
    ...(p.displayName ? { displayName: p.displayName } : {}),
    labels: [],
  });
  const record = (p: StoredPost) => ({
    $type: 'app.bsky.feed.post',
    text: p.text,
    createdAt: p.createdAt,
    langs: ['nl'],
    ...(p.replyTo ? { reply: { root: { uri: p.replyTo.uri, cid: p.replyTo.cid }, parent: { uri: p.replyTo.uri, cid: p.replyTo.cid } } } : {}),
    ...(p.mention
      ? {
          facets: [
            {
              index: { byteStart: 0, byteEnd: Buffer.byteLength('@' + opts.schoolHandle) },
              features: [{ $type: 'app.bsky.richtext.facet#mention', did: schoolDid }],
            },
          ],
        }
      : {}),
  });
  const postView = (p: StoredPost) => ({
    uri: p.uri,
    cid: p.cid,
    author: author(p),
    record: record(p),
    replyCount: posts.filter((r) => r.replyTo === p && !r.deleted).length,
    repostCount: 0,
    likeCount: 0,
    quoteCount: 0,
    indexedAt: p.createdAt,
    labels: [],
  });

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const remaining = Math.max(0, RATE_LIMIT - used);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'ratelimit-limit': String(RATE_LIMIT),
      'ratelimit-remaining': String(remaining),
      'ratelimit-reset': String(windowStart + RATE_WINDOW_S),
      'ratelimit-policy': `${RATE_LIMIT};w=${RATE_WINDOW_S}`,
      ...headers,
    });
    res.end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, name: string, message: string) => send(res, status, { error: name, message });

  const newSession = () => {
    const accessJwt = 'demo-access.' + randomBytes(12).toString('hex');
    const refreshJwt = 'demo-refresh.' + randomBytes(12).toString('hex');
    sessions.set(accessJwt, 'access');
    sessions.set(refreshJwt, 'refresh');
    return { accessJwt, refreshJwt, handle: opts.schoolHandle, did: schoolDid, active: true };
  };

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString('utf8')));
      req.on('end', () => resolve(data));
    });

  const byTimeDesc = (a: StoredPost, b: StoredPost) => b.createdAt.localeCompare(a.createdAt) || b.uri.localeCompare(a.uri);

  /** Cursor paging as Bluesky does it: an opaque string, absent on the last page. */
  const page = <T>(list: T[], params: URLSearchParams, key: (t: T) => string) => {
    const limit = Math.min(100, Math.max(1, Number(params.get('limit') ?? 50) || 50));
    const cursor = params.get('cursor');
    const start = cursor ? list.findIndex((t) => key(t) < cursor) : 0;
    const slice = start < 0 ? [] : list.slice(start, start + limit);
    const more = start >= 0 && start + limit < list.length;
    return { slice, cursor: more && slice.length ? key(slice[slice.length - 1]!) : undefined };
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const nsid = url.pathname.startsWith('/xrpc/') ? url.pathname.slice(6) : url.pathname;
    requests.push({ method: req.method ?? 'GET', nsid });

    const nowS = Math.floor(now() / 1000);
    if (nowS >= windowStart + RATE_WINDOW_S) {
      windowStart = nowS;
      used = 0;
    }
    used++;
    if (used > RATE_LIMIT) return error(res, 429, 'RateLimitExceeded', 'Rate Limit Exceeded');

    if (nsid === 'com.atproto.server.createSession' && req.method === 'POST') {
      const body = JSON.parse((await readBody(req)) || '{}') as { identifier?: string; password?: string };
      if (body.identifier !== opts.schoolHandle && body.identifier !== schoolDid) {
        return error(res, 401, 'AuthenticationRequired', 'Invalid identifier or password');
      }
      if (body.password !== opts.appPassword) return error(res, 401, 'AuthenticationRequired', 'Invalid identifier or password');
      return send(res, 200, newSession());
    }
    const auth = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (nsid === 'com.atproto.server.refreshSession' && req.method === 'POST') {
      if (sessions.get(auth) !== 'refresh') return error(res, 400, 'ExpiredToken', 'Token has expired');
      sessions.delete(auth);
      return send(res, 200, newSession());
    }
    if (req.method !== 'GET') return error(res, 400, 'InvalidRequest', 'This demo server is read-only');
    if (sessions.get(auth) !== 'access') return error(res, 401, 'AuthenticationRequired', 'Authentication Required');

    const failure = failures.shift();
    if (failure === 429) {
      return send(
        res,
        429,
        { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
        { 'ratelimit-remaining': '0', 'ratelimit-reset': String(nowS + 2) },
      );
    }
    if (failure) return error(res, failure, 'InternalServerError', 'Internal Server Error');

    const params = url.searchParams;
    switch (nsid) {
      case 'com.atproto.server.getSession':
        return send(res, 200, { handle: opts.schoolHandle, did: schoolDid, active: true });
      case 'app.bsky.notification.listNotifications': {
        const reasons = params.getAll('reasons');
        const list = posts
          .filter((p) => !p.deleted && p.did !== schoolDid && (p.replyTo || p.mention))
          .map((p) => ({ p, reason: p.replyTo ? 'reply' : 'mention' }))
          .filter((n) => reasons.length === 0 || reasons.includes(n.reason))
          .sort((a, b) => byTimeDesc(a.p, b.p));
        const { slice, cursor } = page(list, params, (n) => n.p.createdAt);
        return send(res, 200, {
          notifications: slice.map(({ p, reason }) => ({
            uri: p.uri,
            cid: p.cid,
            author: author(p),
            reason,
            ...(p.replyTo ? { reasonSubject: p.replyTo.uri } : {}),
            record: record(p),
            isRead: false,
            indexedAt: p.createdAt,
            labels: [],
          })),
          ...(cursor ? { cursor } : {}),
        });
      }
      case 'app.bsky.feed.getAuthorFeed': {
        const actor = params.get('actor');
        if (actor !== opts.schoolHandle && actor !== schoolDid) return error(res, 400, 'InvalidRequest', 'Profile not found');
        const list = schoolPosts.filter((p) => !p.deleted).sort(byTimeDesc);
        const { slice, cursor } = page(list, params, (p) => p.createdAt);
        return send(res, 200, { feed: slice.map((p) => ({ post: postView(p) })), ...(cursor ? { cursor } : {}) });
      }
      case 'app.bsky.feed.getPostThread': {
        const uri = params.get('uri');
        const root = posts.find((p) => p.uri === uri);
        if (!root || root.deleted) return error(res, 400, 'NotFound', `Post not found: ${uri}`);
        const replies = posts.filter((p) => p.replyTo === root && !p.deleted).sort(byTimeDesc);
        return send(res, 200, {
          thread: {
            $type: 'app.bsky.feed.defs#threadViewPost',
            post: postView(root),
            replies: replies.map((r) => ({ $type: 'app.bsky.feed.defs#threadViewPost', post: postView(r), replies: [] })),
          },
        });
      }
      case 'app.bsky.feed.getPosts': {
        const uris = params.getAll('uris');
        return send(res, 200, { posts: posts.filter((p) => uris.includes(p.uri) && !p.deleted).map(postView) });
      }
      default:
        return error(res, 501, 'MethodNotImplemented', `Method Not Implemented: ${nsid}`);
    }
  });

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    server,
    requests,
    addReaction(p) {
      return add(p).uri;
    },
    deletePost(uri) {
      const p = posts.find((x) => x.uri === uri);
      if (p) p.deleted = true;
    },
    failNext(...statuses) {
      failures.push(...statuses);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
