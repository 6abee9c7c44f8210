// A local server that answers as Meta's Graph API does, for the Facebook Page and the Instagram
// connectors at once (developers.facebook.com/docs/graph-api: Paginated Results, Handling
// Errors, Rate Limits; reference Page/posts, Post/comments, Comment; Instagram Platform: IG User
// media, IG Media comments, IG Comment replies). Paths are `/{version}/{object-id}` and
// `/{version}/{object-id}/{edge}`; the token comes as `access_token` (or an Authorization
// header); `fields` picks what an object holds (also nested, `replies{id,text}`), and a field
// that does not exist is error 100. Edges page by cursor: `paging.cursors.before/after`, and
// `next` (an absolute address on this host, carrying the token as Meta's does) only while there
// is more. Times are Graph's "2026-03-01T09:30:00+0000". Every answer carries `X-App-Usage`
// and `X-Business-Use-Case-Usage`. Errors are Graph error bodies: 190 (invalid or expired
// token), 104 (no token), 100/33 (no such object: deleted), and whatever a test injects.
//
// Facebook: a Page with posts; comments and replies (`parent`) with `from` (or without, as Meta
// leaves it out), attachments, edits and deletions; `/comments` with `filter` (toplevel | stream)
// and `order` (chronological | reverse_chronological); `/posts` with `since`/`until`.
// Instagram: a professional account with media and `comments_count` (replies included),
// top-level comments newest first with the first replies inlined, the rest on `/replies`.
// It records every request (method and path, never the query): a test fails on any non-GET.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeGraph {
  url: string;
  pageId: string;
  pageToken: string;
  igUserId: string;
  igUsername: string;
  igToken: string;
  requests: { method: string; path: string }[];
  /** Replies inlined under an Instagram comment before `paging.next` points to `/replies`. */
  inlineReplies: number;

  /** A post on the Page, `ageMs` old; returns its id. */
  addPost(o?: { ageMs?: number }): string;
  /** A comment on a post (or a reply to a comment: `parent`); returns its id. */
  addComment(
    postId: string,
    text: string,
    o?: { parent?: string; from?: { id: string; name: string } | null; attachment?: string; ageMs?: number; byPage?: boolean },
  ): string;
  /** A comment the connector cannot use: no text and no attachment, or a broken created_time. */
  addMalformedComment(postId: string, kind?: 'empty' | 'time'): string;
  editComment(id: string, text: string): void;
  /** Deletes a comment (and its replies, as Facebook does). */
  removeComment(id: string): void;

  /** A post (media) on the Instagram account; returns its id. */
  addMedia(o?: { ageMs?: number }): string;
  /** A comment on a media, or a reply to one (`replyTo`); returns its id. */
  addIgComment(mediaId: string, text: string, o?: { replyTo?: string; username?: string; ageMs?: number; own?: boolean }): string;
  addMalformedIgComment(mediaId: string): string;
  removeIgComment(id: string): void;

  /** Answer the next request (whose path matches `match`, if given) with this. */
  failNext(status: number, body: unknown, headers?: Record<string, string>, match?: RegExp): void;
  /** From `after` requests on, the usage headers report `percent` (and `eta` minutes in the BUC header). */
  setUsage(u: { percent: number; eta?: number; after?: number; header?: 'app' | 'buc' }): void;
  /** The token stops working as an expired one does (190, subcode 463). */
  expire(token: string): void;
  close(): Promise<void>;
}

/** A Graph error body. */
export function graphError(code: number, message: string, o: { subcode?: number; type?: string } = {}) {
  return {
    error: {
      message,
      type: o.type ?? 'OAuthException',
      code,
      ...(o.subcode !== undefined ? { error_subcode: o.subcode } : {}),
      fbtrace_id: `A${Math.random().toString(36).slice(2, 12)}`,
    },
  };
}

interface FbComment {
  id: string;
  num: string;
  post: string;
  parent: string | null;
  message: string;
  created: number;
  createdText?: string;
  seq: number;
  from: { id: string; name: string } | null;
  attachment: string | null;
}

interface IgComment {
  id: string;
  media: string;
  parent: string | null;
  text: string;
  created: number;
  createdText?: string;
  seq: number;
  username: string;
}

type Fields = Map<string, { sub: Fields | null; limit: number | null }>;

/** Graph's `fields` syntax: `a,b,c{d,e},f.limit(5){g}`. */
export function parseFields(text: string): Fields {
  const out: Fields = new Map();
  let depth = 0;
  let start = 0;
  const parts: string[] = [];
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if ((ch === ',' || ch === undefined) && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  for (const part of parts) {
    if (!part) continue;
    const brace = part.indexOf('{');
    const head = brace >= 0 ? part.slice(0, brace) : part;
    const sub = brace >= 0 ? parseFields(part.slice(brace + 1, part.lastIndexOf('}'))) : null;
    const [name, ...mods] = head.split('.');
    const lim = mods.map((m) => /^limit\((\d+)\)$/.exec(m)?.[1]).find(Boolean);
    out.set(name!, { sub, limit: lim ? Number(lim) : null });
  }
  return out;
}

const graphTimeText = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64');
const unb64 = (s: string): [number, number] | null => {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64').toString('utf8')) as unknown;
    return Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'number' ? [v[0], v[1]] : null;
  } catch {
    return null;
  }
};

class GraphFail extends Error {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, body: unknown) {
    super('graph error');
    this.status = status;
    this.body = body;
  }
}

export async function startFakeGraph(): Promise<FakeGraph> {
  const pageId = '104857600123456';
  const igUserId = '17841400000000001';
  const igUsername = 'delinde_school';
  const pageToken = 'EAAfakePageToken123';
  const igToken = 'IGQfakeInstagramToken456';
  const tokens = new Set([pageToken, igToken]);
  const expired = new Set<string>();
  const requests: FakeGraph['requests'] = [];
  const posts: { id: string; num: string; created: number; seq: number }[] = [];
  const fbComments: FbComment[] = [];
  const media: { id: string; created: number; seq: number; shortcode: string }[] = [];
  const igComments: IgComment[] = [];
  const faults: { status: number; body: unknown; headers: Record<string, string>; match?: RegExp }[] = [];
  let usage: { percent: number; eta: number; from: number; header: 'app' | 'buc' } | null = null;
  let served = 0;
  let seq = 0;
  let num = 1_000_000_000_000;
  let igNum = 17_850_000_000_000_000n;
  let base = '';
  const fake = { inlineReplies: 25 };

  const next = () => String((num += 7));
  const nextIg = () => String((igNum += 13n));

  const nonexisting = (field: string, type: string) =>
    new GraphFail(400, graphError(100, `(#100) Tried accessing nonexisting field (${field}) on node type (${type})`));
  const noObject = (id: string) =>
    new GraphFail(
      400,
      graphError(
        100,
        `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
        { subcode: 33, type: 'GraphMethodException' },
      ),
    );

  /** Picks the requested fields from what an object has; an unknown field is error 100. */
  const pick = (type: string, fields: Fields | null, defaults: string[], all: Record<string, () => unknown>): Record<string, unknown> => {
    const wanted = fields ?? new Map(defaults.map((d) => [d, { sub: null, limit: null }]));
    const out: Record<string, unknown> = { id: all.id!() };
    for (const [name] of wanted) {
      const get = all[name];
      if (!get) throw nonexisting(name, type);
      const v = get();
      if (v !== undefined) out[name] = v;
    }
    return out;
  };

  const fbCommentPermalink = (c: FbComment) => {
    const post = posts.find((p) => p.id === c.post)!;
    const parent = c.parent ? fbComments.find((x) => x.id === c.parent) : null;
    return parent
      ? `https://www.facebook.com/${pageId}/posts/${post.num}?comment_id=${parent.num}&reply_comment_id=${c.num}`
      : `https://www.facebook.com/${pageId}/posts/${post.num}?comment_id=${c.num}`;
  };

  const fbCommentNode = (c: FbComment, fields: Fields | null) =>
    pick('Comment', fields, ['created_time', 'from', 'message', 'id'], {
      id: () => c.id,
      message: () => c.message,
      created_time: () => c.createdText ?? graphTimeText(c.created),
      // Meta leaves `from` out when the token may not see who wrote it.
      from: () => c.from ?? undefined,
      parent: () => {
        const p = c.parent ? fbComments.find((x) => x.id === c.parent) : null;
        return p ? { created_time: graphTimeText(p.created), ...(p.from ? { from: p.from } : {}), message: p.message, id: p.id } : undefined;
      },
      permalink_url: () => fbCommentPermalink(c),
      attachment: () =>
        c.attachment
          ? {
              type: c.attachment,
              url: `https://www.facebook.com/photo.php?fbid=${c.num}`,
              ...(c.attachment === 'share' ? {} : { media: { image: { height: 480, src: `https://scontent.example/${c.num}.jpg`, width: 640 } } }),
              target: { id: c.num, url: `https://www.facebook.com/photo.php?fbid=${c.num}` },
            }
          : undefined,
      like_count: () => 0,
      comment_count: () => fbComments.filter((x) => x.parent === c.id).length,
      is_hidden: () => false,
    });

  const igCommentNode = (c: IgComment, fields: Fields | null, withReplies: boolean): Record<string, unknown> =>
    pick('IGComment', fields, ['timestamp', 'text', 'id'], {
      id: () => c.id,
      text: () => c.text,
      timestamp: () => c.createdText ?? graphTimeText(c.created),
      username: () => c.username,
      from: () => ({ id: `9${c.id.slice(1)}`, username: c.username }),
      like_count: () => 0,
      hidden: () => false,
      parent_id: () => c.parent ?? undefined,
      media: () => ({ id: c.media }),
      replies: () => {
        if (!withReplies) throw nonexisting('replies', 'IGComment');
        const spec = fields?.get('replies');
        const list = igComments.filter((x) => x.parent === c.id).sort((a, b) => a.created - b.created || a.seq - b.seq);
        if (!list.length) return undefined;
        const limit = spec?.limit ?? fake.inlineReplies;
        const shown = list.slice(0, limit);
        const last = shown[shown.length - 1]!;
        return {
          data: shown.map((r) => igCommentNode(r, spec?.sub ?? null, false)),
          paging: {
            cursors: { before: b64([shown[0]!.created, shown[0]!.seq]), after: b64([last.created, last.seq]) },
            ...(list.length > shown.length
              ? { next: `${base}/v23.0/${c.id}/replies?limit=${limit}&after=${encodeURIComponent(b64([last.created, last.seq]))}` }
              : {}),
          },
        };
      },
    });

  /** One page of an edge, by cursor, as Graph pages. */
  const paged = <T extends { created: number; seq: number }>(
    url: URL,
    list: T[],
    dir: 'asc' | 'desc',
    render: (x: T) => Record<string, unknown>,
    maxLimit = 100,
  ): Record<string, unknown> => {
    const cmp = (a: [number, number], b: [number, number]) => (dir === 'desc' ? b[0] - a[0] || b[1] - a[1] : a[0] - b[0] || a[1] - b[1]);
    const sorted = [...list].sort((a, b) => cmp([a.created, a.seq], [b.created, b.seq]));
    const limit = Math.min(maxLimit, Math.max(1, Number(url.searchParams.get('limit') ?? 25) || 25));
    const afterText = url.searchParams.get('after');
    let start = 0;
    if (afterText) {
      const after = unb64(afterText);
      if (!after) throw new GraphFail(400, graphError(100, '(#100) The after parameter is not a valid cursor'));
      start = sorted.findIndex((x) => cmp([x.created, x.seq], after) > 0);
      if (start < 0) start = sorted.length;
    }
    const page = sorted.slice(start, start + limit);
    if (!page.length) return { data: [] };
    const first = page[0]!;
    const last = page[page.length - 1]!;
    const cursors = { before: b64([first.created, first.seq]), after: b64([last.created, last.seq]) };
    const link = (key: 'after' | 'before', value: string) => {
      const q = new URLSearchParams(url.searchParams);
      q.delete('after');
      q.delete('before');
      q.set(key, value);
      return `${base}${url.pathname}?${q}`;
    };
    return {
      data: page.map(render),
      paging: {
        cursors,
        ...(afterText ? { previous: link('before', cursors.before) } : {}),
        ...(start + limit < sorted.length ? { next: link('after', cursors.after) } : {}),
      },
    };
  };

  const route = (url: URL, parts: string[]): unknown => {
    const fieldsText = url.searchParams.get('fields');
    const fields = fieldsText ? parseFields(fieldsText) : null;
    const [id, edge, ...rest] = parts;
    if (!id || rest.length) throw new GraphFail(400, graphError(2500, 'Unknown path components: /' + parts.join('/')));
    const post = posts.find((p) => p.id === id);
    const fb = fbComments.find((c) => c.id === id);
    const m = media.find((x) => x.id === id);
    const ig = igComments.find((c) => c.id === id);
    if (id === pageId) {
      if (!edge) return pick('Page', fields, ['name', 'id'], { id: () => pageId, name: () => 'De Linde', link: () => `https://www.facebook.com/${pageId}` });
      if (edge !== 'posts') throw nonexisting(edge, 'Page');
      const since = Number(url.searchParams.get('since') ?? NaN);
      const until = Number(url.searchParams.get('until') ?? NaN);
      const list = posts.filter((p) => (!Number.isFinite(since) || p.created >= since * 1000) && (!Number.isFinite(until) || p.created <= until * 1000));
      return paged(url, list, 'desc', (p) =>
        pick('Post', fields, ['created_time', 'message', 'id'], {
          id: () => p.id,
          created_time: () => graphTimeText(p.created),
          updated_time: () => graphTimeText(p.created),
          message: () => 'Bericht van de school',
          permalink_url: () => `https://www.facebook.com/${pageId}/posts/${p.num}`,
        }),
      );
    }
    if (post) {
      if (!edge) return pick('Post', fields, ['created_time', 'message', 'id'], { id: () => post.id, created_time: () => graphTimeText(post.created) });
      if (edge !== 'comments') throw nonexisting(edge, 'Post');
      const filter = url.searchParams.get('filter') ?? 'toplevel';
      const order = url.searchParams.get('order') ?? 'chronological';
      if (!['toplevel', 'stream'].includes(filter)) throw new GraphFail(400, graphError(100, '(#100) Param filter must be one of {toplevel, stream}'));
      if (!['chronological', 'reverse_chronological'].includes(order))
        throw new GraphFail(400, graphError(100, '(#100) Param order must be one of {chronological, reverse_chronological}'));
      const list = fbComments.filter((c) => c.post === post.id && (filter === 'stream' || !c.parent));
      return paged(url, list, order === 'reverse_chronological' ? 'desc' : 'asc', (c) => fbCommentNode(c, fields));
    }
    if (fb) {
      if (!edge) return fbCommentNode(fb, fields);
      if (edge !== 'comments') throw nonexisting(edge, 'Comment');
      return paged(
        url,
        fbComments.filter((c) => c.parent === fb.id),
        'asc',
        (c) => fbCommentNode(c, fields),
      );
    }
    if (id === igUserId) {
      if (!edge) return pick('IGUser', fields, ['id'], { id: () => igUserId, username: () => igUsername, media_count: () => media.length });
      if (edge !== 'media') throw nonexisting(edge, 'IGUser');
      return paged(url, media, 'desc', (x) =>
        pick('IGMedia', fields, ['id'], {
          id: () => x.id,
          caption: () => 'Bericht van de school',
          permalink: () => `https://www.instagram.com/p/${x.shortcode}/`,
          timestamp: () => graphTimeText(x.created),
          media_type: () => 'IMAGE',
          like_count: () => 0,
          comments_count: () => igComments.filter((c) => c.media === x.id).length,
        }),
      );
    }
    if (m) {
      if (!edge) return pick('IGMedia', fields, ['id'], { id: () => m.id, comments_count: () => igComments.filter((c) => c.media === m.id).length });
      if (edge !== 'comments') throw nonexisting(edge, 'IGMedia');
      return paged(
        url,
        igComments.filter((c) => c.media === m.id && !c.parent),
        'desc',
        (c) => igCommentNode(c, fields, true),
        50,
      );
    }
    if (ig) {
      if (!edge) return igCommentNode(ig, fields, false);
      if (edge !== 'replies') throw nonexisting(edge, 'IGComment');
      return paged(
        url,
        igComments.filter((c) => c.parent === ig.id),
        'asc',
        (c) => igCommentNode(c, fields, false),
        50,
      );
    }
    throw noObject(id);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ method: req.method ?? 'GET', path: url.pathname });
    served += 1;
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (/^v\d+\.\d+$/.test(parts[0] ?? '')) parts.shift();
    const instagram = [igUserId, ...media.map((x) => x.id), ...igComments.map((c) => c.id)].includes(parts[0] ?? '');
    const high = usage && served > usage.from ? usage : null;
    const app = high?.header === 'app' ? high.percent : 2;
    const buc = high?.header === 'buc' ? high.percent : 1;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'application/json; charset=UTF-8',
        'facebook-api-version': 'v23.0',
        'x-fb-trace-id': Math.random().toString(36).slice(2, 12),
        'x-app-usage': JSON.stringify({ call_count: app, total_cputime: Math.min(app, 1), total_time: Math.min(app, 1) }),
        'x-business-use-case-usage': JSON.stringify({
          [instagram ? igUserId : pageId]: [
            {
              type: instagram ? 'instagram' : 'pages',
              call_count: buc,
              total_cputime: Math.min(buc, 1),
              total_time: Math.min(buc, 1),
              estimated_time_to_regain_access: high?.header === 'buc' ? high.eta : 0,
            },
          ],
        }),
        ...headers,
      });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET') return send(400, graphError(3, '(#3) Application does not have the capability to make this API call.'));
    const auth = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = url.searchParams.get('access_token') ?? auth;
    if (!token) return send(400, graphError(104, 'An access token is required to request this resource.'));
    const invalid = { 'www-authenticate': 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token"' };
    if (expired.has(token)) {
      return send(
        400,
        graphError(190, `Error validating access token: Session has expired on ${new Date(Date.now() - 3_600_000).toUTCString()}.`, { subcode: 463 }),
        invalid,
      );
    }
    if (!tokens.has(token)) return send(400, graphError(190, 'Invalid OAuth access token - Cannot parse access token'), invalid);
    const f = faults.findIndex((x) => !x.match || x.match.test(url.pathname));
    if (f >= 0) {
      const [fault] = faults.splice(f, 1);
      return send(fault!.status, fault!.body, fault!.headers);
    }
    try {
      return send(200, route(url, parts));
    } catch (err) {
      if (err instanceof GraphFail) return send(err.status, err.body);
      return send(500, graphError(1, 'An unknown error has occurred.'));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const removeFb = (id: string) => {
    for (const c of fbComments.filter((x) => x.parent === id)) removeFb(c.id);
    const i = fbComments.findIndex((x) => x.id === id);
    if (i >= 0) fbComments.splice(i, 1);
  };
  const removeIg = (id: string) => {
    for (const c of igComments.filter((x) => x.parent === id)) removeIg(c.id);
    const i = igComments.findIndex((x) => x.id === id);
    if (i >= 0) igComments.splice(i, 1);
  };

  return Object.assign(fake, {
    url: base,
    pageId,
    pageToken,
    igUserId,
    igUsername,
    igToken,
    requests,
    addPost(o: { ageMs?: number } = {}) {
      const n = next();
      const id = `${pageId}_${n}`;
      posts.push({ id, num: n, created: Math.floor((Date.now() - (o.ageMs ?? 0)) / 1000) * 1000, seq: ++seq });
      return id;
    },
    addComment(postId: string, text: string, o: Parameters<FakeGraph['addComment']>[2] = {}) {
      const post = posts.find((p) => p.id === postId);
      if (!post) throw new Error(`no post ${postId}`);
      const n = next();
      const id = `${post.num}_${n}`;
      const from = o.byPage ? { id: pageId, name: 'De Linde' } : o.from === undefined ? { id: `5${n}`, name: 'Een Ouder' } : o.from;
      fbComments.push({
        id,
        num: n,
        post: postId,
        parent: o.parent ?? null,
        message: text,
        created: Math.floor((Date.now() - (o.ageMs ?? 0)) / 1000) * 1000,
        seq: ++seq,
        from,
        attachment: o.attachment ?? null,
      });
      return id;
    },
    addMalformedComment(postId: string, kind: 'empty' | 'time' = 'empty') {
      const id = this.addComment(postId, kind === 'empty' ? '' : 'reactie met kapotte tijd');
      if (kind === 'time') fbComments.find((c) => c.id === id)!.createdText = 'gisteren';
      return id;
    },
    editComment(id: string, text: string) {
      const c = fbComments.find((x) => x.id === id);
      if (c) c.message = text; // Facebook keeps the id and created_time of an edited comment
    },
    removeComment: removeFb,
    addMedia(o: { ageMs?: number } = {}) {
      const id = nextIg();
      media.push({ id, created: Math.floor((Date.now() - (o.ageMs ?? 0)) / 1000) * 1000, seq: ++seq, shortcode: `C${id.slice(-8)}x` });
      return id;
    },
    addIgComment(mediaId: string, text: string, o: Parameters<FakeGraph['addIgComment']>[2] = {}) {
      if (!media.some((x) => x.id === mediaId)) throw new Error(`no media ${mediaId}`);
      const id = nextIg();
      igComments.push({
        id,
        media: mediaId,
        parent: o.replyTo ?? null,
        text,
        created: Math.floor((Date.now() - (o.ageMs ?? 0)) / 1000) * 1000,
        seq: ++seq,
        username: o.own ? igUsername : (o.username ?? 'een_leerling'),
      });
      return id;
    },
    addMalformedIgComment(mediaId: string) {
      const id = this.addIgComment(mediaId, 'reactie met kapotte tijd');
      igComments.find((c) => c.id === id)!.createdText = 'zojuist';
      return id;
    },
    removeIgComment: removeIg,
    failNext(status: number, body: unknown, headers: Record<string, string> = {}, match?: RegExp) {
      faults.push({ status, body, headers, ...(match ? { match } : {}) });
    },
    setUsage(u: { percent: number; eta?: number; after?: number; header?: 'app' | 'buc' }) {
      usage = { percent: u.percent, eta: u.eta ?? 0, from: served + (u.after ?? 0), header: u.header ?? 'buc' };
    },
    expire(token: string) {
      expired.add(token);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as FakeGraph;
}
