// A local feed server for the demo: a WordPress-style comment feed of public mentions, served
// with ETag and Last-Modified so unchanged feeds cost nothing, as real blogs do.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedEntry {
  guid: string;
  title: string;
  link: string;
  author: string;
  html: string;
  date: Date;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function wordpressCommentFeed(title: string, site: string, entries: FeedEntry[]): string {
  const items = entries
    .map(
      (e) => `  <item>
    <title>${esc(e.title)}</title>
    <link>${esc(e.link)}</link>
    <dc:creator><![CDATA[${e.author}]]></dc:creator>
    <pubDate>${e.date.toUTCString()}</pubDate>
    <guid isPermaLink="false">${esc(e.guid)}</guid>
    <description><![CDATA[${e.html.replace(/<[^>]+>/g, '')}]]></description>
    <content:encoded><![CDATA[${e.html}]]></content:encoded>
  </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>${esc(title)}</title>
  <link>${esc(site)}</link>
  <description>Reacties</description>
  <language>nl-NL</language>
${items}
</channel>
</rss>
`;
}

/** What a path serves: a feed (200 with ETag), a bare status, or a handler of its own (faults). */
export type Route = string | { status: number; headers?: Record<string, string> } | ((req: IncomingMessage, res: ServerResponse) => void);

export interface FeedServer {
  url: string;
  server: Server;
  requests: { method: string; path: string; status: number }[];
  set(path: string, body: Route): void;
  close(): Promise<void>;
}

export async function startFeedServer(routes: Record<string, Route> = {}, port = 0): Promise<FeedServer> {
  const table = new Map<string, Route>(Object.entries(routes));
  const modified = new Map<string, string>();
  const requests: FeedServer['requests'] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const answer = (status: number, headers: Record<string, string> = {}, body = '') => {
      requests.push({ method: req.method ?? 'GET', path, status });
      res.writeHead(status, headers);
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(405, { allow: 'GET, HEAD' });
    const route = table.get(path);
    if (route === undefined) return answer(404, { 'content-type': 'text/plain' }, 'Not Found');
    if (typeof route === 'function') {
      requests.push({ method: req.method ?? 'GET', path, status: 0 });
      return route(req, res);
    }
    if (typeof route !== 'string') return answer(route.status, route.headers ?? {}, '');
    const etag = '"' + createHash('sha1').update(route).digest('hex').slice(0, 16) + '"';
    const lastModified = modified.get(path) ?? new Date().toUTCString();
    modified.set(path, lastModified);
    if (req.headers['if-none-match'] === etag) return answer(304, { etag, 'last-modified': lastModified });
    answer(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, 'last-modified': lastModified }, route);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    server,
    requests,
    set(path, body) {
      table.set(path, body);
      modified.set(path, new Date().toUTCString());
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
