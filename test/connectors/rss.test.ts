// The RSS/Atom connector against a real local HTTP server serving real-world-shaped feeds:
// a WordPress comment feed, a Google Alerts Atom feed, a broken feed, an HTML page, errors
// and rate limits, and conditional GET.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import pino from 'pino';
import { parseRetryAfter } from '../../connectors/common.ts';
import { createRssConnector, feedTitle, htmlToPlain } from '../../connectors/rss.ts';
import type { SourceOf } from '../../connectors/types.ts';
import { RateLimitedError, UitkijkError } from '../../src/errors.ts';
import { connectorEnv } from '../support/connector-env.ts';
import { startFeedServer, wordpressCommentFeed } from '../support/feed-server.ts';
import type { FeedEntry, FeedServer } from '../support/feed-server.ts';
import { runConnectorContract } from './contract.ts';

const log = pino({ level: 'silent' });

/** A port nothing listens on (bound once, then closed). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
const env = connectorEnv(log);

const wordpress = wordpressCommentFeed('Reacties op: Open dag De Linde', 'https://delinde.example.nl', [
  {
    guid: 'https://delinde.example.nl/?p=12#comment-301',
    title: 'Reactie op Open dag door Marieke',
    link: 'https://delinde.example.nl/open-dag/#comment-301',
    author: 'Marieke',
    html: '<p>Wat een fijne middag &amp; goed georganiseerd! <strong>Dank</strong> aan juf Anne&nbsp;&#8211; tot volgend jaar.</p><script>alert(1)</script>',
    date: new Date(Date.UTC(2026, 10, 20, 9, 30)),
  },
  {
    guid: 'https://delinde.example.nl/?p=12#comment-302',
    title: 'Reactie op Open dag door anoniem',
    link: 'https://delinde.example.nl/open-dag/#comment-302',
    author: 'anoniem',
    html: '<p>Mijn zoon zit in 2B. <img src="https://delinde.example.nl/foto.jpg" alt=""> Zie foto.</p>',
    date: new Date(Date.UTC(2026, 10, 20, 10, 0)),
  },
]);

const alertsAtom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:idx="urn:atom-extension:indexing">
  <id>tag:google.com,2005:reader/user/00000000000000000000/state/com.google/alerts/1234567890</id>
  <title>Google Alert - "Lyceum Oost"</title>
  <link href="https://www.google.com/alerts/feeds/00000000000000000000/1234567890" rel="self"/>
  <updated>2026-11-21T08:00:00Z</updated>
  <entry>
    <id>tag:google.com,2013:googlealerts/feed:11111111111111111111</id>
    <title type="html">Ouders bezorgd over verkeer bij &lt;b&gt;Lyceum Oost&lt;/b&gt;</title>
    <link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://nieuws.example.nl/verkeer-lyceum-oost&amp;ct=ga&amp;cd=CAEYACoU"/>
    <published>2026-11-21T07:12:00Z</published>
    <updated>2026-11-21T07:12:00Z</updated>
    <content type="html">Bij &lt;b&gt;Lyceum Oost&lt;/b&gt; staan ouders elke ochtend dubbel geparkeerd &amp;hellip;</content>
    <author><name/></author>
  </entry>
  <entry>
    <id>tag:google.com,2013:googlealerts/feed:22222222222222222222</id>
    <title type="html">Musical &lt;b&gt;Lyceum Oost&lt;/b&gt; uitverkocht</title>
    <link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://nieuws.example.nl/musical&amp;ct=ga"/>
    <published>2026-11-20T16:40:00Z</published>
    <updated>2026-11-20T16:40:00Z</updated>
    <content type="html">De musical van &lt;b&gt;Lyceum Oost&lt;/b&gt; is drie avonden uitverkocht.</content>
  </entry>
</feed>`;

const oneBadItem = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>x</title><link>https://x.example.nl</link><description>x</description>
<item><title>Goed</title><link>https://x.example.nl/1</link><guid>a-1</guid><description>Prima reactie</description><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate></item>
<item><title>Zonder link of guid</title><description>Deze heeft geen id</description></item>
<item><title>Kapotte datum</title><link>https://x.example.nl/3</link><guid>a-3</guid><description>tekst</description><pubDate>gisteren ofzo</pubDate></item>
<item><title>Ook goed</title><link>https://x.example.nl/4</link><guid>a-4</guid><description>Nog een reactie</description></item>
</channel></rss>`;

let server: FeedServer;
const src = (path: string, context: 'reply' | 'mention' = 'reply'): SourceOf<'rss'> => ({
  id: 'blog',
  kind: 'rss',
  school: 'linde',
  url: `${server.url}${path}`,
  context,
  schedule: { every: '5m' },
});

beforeAll(async () => {
  server = await startFeedServer({
    '/wp-comments.xml': wordpress,
    '/alerts.xml': alertsAtom,
    '/broken.xml': '<?xml version="1.0"?><rss version="2.0"><channel><title>Half</title><item><title>kapot',
    '/page.html': '<!doctype html><html><body><h1>Welkom</h1></body></html>',
    '/one-bad.xml': oneBadItem,
    '/down.xml': { status: 500 },
    '/slow-down.xml': { status: 429, headers: { 'retry-after': '120' } },
    '/gone.xml': { status: 404 },
  });
});
afterAll(async () => server.close());

describe('RSS connector', () => {
  const rss = createRssConnector();

  it('reads a WordPress comment feed: ids from guid, HTML stripped, entities decoded', async () => {
    const r = await rss.fetch(src('/wp-comments.xml'), null, env);
    expect(r.skipped).toEqual([]);
    expect(r.items.map((i) => i.id)).toEqual(['rss:https://delinde.example.nl/?p=12#comment-301', 'rss:https://delinde.example.nl/?p=12#comment-302']);
    const first = r.items[0]!;
    expect(first.text).toBe('Wat een fijne middag & goed georganiseerd! Dank aan juf Anne – tot volgend jaar.');
    expect(first.text).not.toMatch(/[<>]|alert/);
    expect(first).toMatchObject({
      platform: 'rss',
      context: 'reply',
      source: 'blog',
      school: 'linde',
      url: 'https://delinde.example.nl/open-dag/#comment-301',
      author: { handle: 'Marieke' },
      createdAt: '2026-11-20T09:30:00.000Z',
    });
    expect(r.items[1]!.media).toEqual({ kinds: ['image'], count: 1 });
    // Alert e-mails name the source by the feed's own title, not by "rss".
    expect(r.items.map((i) => i.sourceName)).toEqual(['Reacties op: Open dag De Linde', 'Reacties op: Open dag De Linde']);
  });

  it('reads a Google Alerts Atom feed as mentions, with the title as part of the text', async () => {
    const r = await rss.fetch(src('/alerts.xml', 'mention'), null, env);
    expect(r.items).toHaveLength(2);
    const a = r.items[0]!;
    expect(a.id).toBe('rss:tag:google.com,2013:googlealerts/feed:11111111111111111111');
    expect(a.context).toBe('mention');
    expect(a.text).toBe('Ouders bezorgd over verkeer bij Lyceum Oost\nBij Lyceum Oost staan ouders elke ochtend dubbel geparkeerd …');
    expect(a.url).toMatch(/^https:\/\/www\.google\.com\/url\?/);
    expect(a.author.handle).toBe('onbekend');
    expect(a.sourceName).toBe('Google Alert - "Lyceum Oost"');
  });

  it('keeps only the mentions that name the school by one of its keywords', async () => {
    const r = await rss.fetch(src('/alerts.xml', 'mention'), null, connectorEnv(log, {}, { school: { id: 'linde', handles: [], keywords: ['musical'] } }));
    expect(r.items.map((i) => i.id)).toEqual(['rss:tag:google.com,2013:googlealerts/feed:22222222222222222222']);
    expect(r.skipped).toEqual([{ id: 'rss:tag:google.com,2013:googlealerts/feed:11111111111111111111', reason: 'noemt de school niet' }]);
    // Comments on the school's own posts are kept whatever they say.
    const replies = await rss.fetch(
      src('/wp-comments.xml', 'reply'),
      null,
      connectorEnv(log, {}, { school: { id: 'linde', handles: [], keywords: ['iets anders'] } }),
    );
    expect(replies.items).toHaveLength(2);
  });

  it('sends If-None-Match and gets a 304 with nothing new when the feed did not change', async () => {
    const first = await rss.fetch(src('/wp-comments.xml'), null, env);
    expect(first.cursor).toMatch(/etag/);
    const before = server.requests.length;
    const again = await rss.fetch(src('/wp-comments.xml'), first.cursor, env);
    expect(again).toEqual({ items: [], cursor: first.cursor, skipped: [] });
    expect(server.requests.slice(before).map((q) => q.status)).toEqual([304]);
  });

  it('skips a malformed item with a reason and keeps the rest', async () => {
    const r = await rss.fetch(src('/one-bad.xml'), null, env);
    expect(r.items.map((i) => i.id)).toEqual(['rss:a-1', 'rss:a-4']);
    expect(r.skipped.map((s) => s.reason)).toEqual(['geen guid of link', 'onleesbare datum']);
  });

  it('refuses a broken feed and an HTML page with CONNECTOR_BAD_RESPONSE', async () => {
    for (const path of ['/broken.xml', '/page.html']) {
      const err = await rss.fetch(src(path), null, env).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UitkijkError);
      expect((err as UitkijkError).code).toBe('CONNECTOR_BAD_RESPONSE');
      expect((err as Error).message).toContain('blog');
    }
  });

  it('maps 500 to CONNECTOR_UNAVAILABLE, 404 to CONNECTOR_BAD_RESPONSE, and a closed port to CONNECTOR_UNAVAILABLE', async () => {
    const down = await rss.fetch(src('/down.xml'), null, env).catch((e: unknown) => e);
    expect((down as UitkijkError).code).toBe('CONNECTOR_UNAVAILABLE');
    const gone = await rss.fetch(src('/gone.xml'), null, env).catch((e: unknown) => e);
    expect((gone as UitkijkError).code).toBe('CONNECTOR_BAD_RESPONSE');
    const closed = await rss.fetch({ ...src('/x'), url: 'http://127.0.0.1:9/feed.xml' }, null, env).catch((e: unknown) => e);
    expect((closed as UitkijkError).code).toBe('CONNECTOR_UNAVAILABLE');
  });

  it('turns 429 with Retry-After into a RateLimitedError that says how long to wait', async () => {
    const err = await rss.fetch(src('/slow-down.xml'), null, env).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(120_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.UTC(2026, 10, 24, 12, 0, 0);
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter(new Date(now + 90_000).toUTCString(), now)).toBe(90_000);
    expect(parseRetryAfter(null, now)).toBe(60_000);
  });

  it('strips HTML to plain text', () => {
    expect(htmlToPlain('<p>Hallo&nbsp;<b>daar</b></p><p>tweede &lt;regel&gt;</p>')).toBe('Hallo daar\n\ntweede <regel>');
  });

  it('reads a feed title as one line of plain text, or none', () => {
    expect(feedTitle('<b>Blog</b>\n van &amp; De Linde')).toBe('Blog van & De Linde');
    expect(feedTitle('   ')).toBeUndefined();
    expect(feedTitle(undefined)).toBeUndefined();
    expect(feedTitle('x'.repeat(500))).toHaveLength(200);
  });
});

describe('RSS connector: limits and plain reasons (config fetch.*)', () => {
  const rss = createRssConnector();
  let bomb: Buffer;
  let limited: FeedServer;
  const many = wordpressCommentFeed(
    'Veel reacties',
    'https://delinde.example.nl',
    Array.from({ length: 30 }, (_, k) => ({
      guid: `veel-${k}`,
      title: `Reactie ${k}`,
      link: `https://delinde.example.nl/#veel-${k}`,
      author: 'Lezer',
      html: `<p>Reactie ${k}</p>`,
      date: new Date(Date.UTC(2026, 10, 20, 12, 30 - k)),
    })),
  );
  beforeAll(async () => {
    // 512 MB of zeros, gzipped to about half a megabyte: what a decompression bomb looks like.
    const gzip = createGzip({ level: 9 });
    const parts: Buffer[] = [];
    gzip.on('data', (c: Buffer) => parts.push(c));
    const done = new Promise((r) => gzip.on('end', r));
    const zeros = Buffer.alloc(1024 * 1024);
    for (let k = 0; k < 512; k++) if (!gzip.write(zeros)) await new Promise((r) => gzip.once('drain', r));
    gzip.end();
    await done;
    bomb = Buffer.concat(parts);
    limited = await startFeedServer({
      '/bomb.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
        res.end(bomb);
      },
      '/huge.xml': (_req, res) => {
        const size = 50 * 1024 * 1024;
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(size) });
        const line = Buffer.from('<item><title>x</title></item>\n'.repeat(1000));
        let sent = 0;
        const pump = () => {
          while (sent < size) {
            sent += line.length;
            if (!res.write(line)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('error', () => undefined);
        pump();
      },
      '/loop.xml': (_req, res) => {
        res.writeHead(302, { location: '/loop.xml' });
        res.end();
      },
      '/moved.xml': (_req, res) => {
        res.writeHead(301, { location: '/many.xml' });
        res.end();
      },
      '/many.xml': many,
      '/hang.xml': (_req, res) => {
        // Headers, then silence: the body never comes.
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      },
    });
  }, 60_000);
  afterAll(async () => limited.close());
  const at = (path: string): SourceOf<'rss'> => ({ ...src('/x'), url: `${limited.url}${path}` });

  it('stops a decompression bomb at the cap instead of inflating it', async () => {
    const before = process.memoryUsage().rss;
    const err = await rss.fetch(at('/bomb.xml'), null, env).catch((e: unknown) => e);
    expect((err as UitkijkError).code).toBe('CONNECTOR_TOO_LARGE');
    expect((err as Error).message).toMatch(/groter dan 5 MB/);
    expect((err as Error).message).toContain('/bomb.xml');
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses a 50 MB feed without reading it', async () => {
    const err = await rss.fetch(at('/huge.xml'), null, env).catch((e: unknown) => e);
    expect((err as UitkijkError).code).toBe('CONNECTOR_TOO_LARGE');
    const small = await rss.fetch(at('/huge.xml'), null, connectorEnv(log, {}, { limits: { ...env.limits, maxBytes: 1024 * 1024 } })).catch((e: unknown) => e);
    expect((small as Error).message).toMatch(/groter dan 1 MB/);
  });

  it('follows a few redirects and ends a redirect loop with a plain reason', async () => {
    const ok = await rss.fetch(at('/moved.xml'), null, env);
    expect(ok.items.length).toBe(30);
    const before = limited.requests.length;
    const err = await rss.fetch(at('/loop.xml'), null, env).catch((e: unknown) => e);
    expect((err as UitkijkError).code).toBe('CONNECTOR_BAD_RESPONSE');
    expect((err as Error).message).toMatch(/meer dan 5 keer door/);
    expect(limited.requests.length - before).toBe(6);
  });

  it('reads at most fetch.maxItems items, the newest, and logs how many it left', async () => {
    const lines: string[] = [];
    const capture = pino({ level: 'warn' }, { write: (l: string) => void lines.push(l) });
    const r = await rss.fetch(at('/many.xml'), null, connectorEnv(capture, {}, { maxItems: 10 }));
    expect(r.items.map((i) => i.id)).toEqual(Array.from({ length: 10 }, (_, k) => `rss:veel-${k}`));
    expect(lines.join('')).toMatch(/de 20 oudste zijn niet gelezen/);
  });

  it('says what happened when a server hangs, refuses or does not exist', async () => {
    const quick = connectorEnv(log, {}, { limits: { ...env.limits, timeoutMs: 300 } });
    const hang = await rss.fetch(at('/hang.xml'), null, quick).catch((e: unknown) => e);
    expect((hang as UitkijkError).code).toBe('CONNECTOR_UNAVAILABLE');
    expect((hang as Error).message).toMatch(/hang\.xml.*geen antwoord binnen 0 s|hang\.xml.*geen antwoord binnen/);
    const closed = await closedPort();
    const refused = await rss.fetch({ ...src('/x'), url: `http://127.0.0.1:${closed}/feed.xml` }, null, env).catch((e: unknown) => e);
    expect((refused as Error).message).toContain(`127.0.0.1:${closed}/feed.xml is niet bereikbaar: verbinding geweigerd`);
    const blocked = await rss.fetch({ ...src('/x'), url: 'http://127.0.0.1:9/feed.xml' }, null, env).catch((e: unknown) => e);
    expect((blocked as Error).message).toMatch(/poort is voor webverkeer geblokkeerd/);
    const dns = await rss.fetch({ ...src('/x'), url: 'http://bestaat-niet.invalid/feed.xml' }, null, env).catch((e: unknown) => e);
    expect((dns as Error).message).toMatch(/bestaat-niet\.invalid.*(DNS|netwerkfout)/);
  });
});

runConnectorContract('rss', async () => {
  const feeds = await startFeedServer({});
  const entries: FeedEntry[] = [0, 1].map((k) => ({
    guid: `https://delinde.example.nl/?p=12#comment-${400 + k}`,
    title: `Reactie ${k}`,
    link: `https://delinde.example.nl/open-dag/#comment-${400 + k}`,
    author: `Lezer ${k}`,
    html: `<p>Reactie nummer ${k} op de open dag.</p>`,
    date: new Date(Date.UTC(2026, 10, 20, 9, k)),
  }));
  const extra: string[] = [];
  const publish = () =>
    feeds.set('/feed.xml', wordpressCommentFeed('Reacties', 'https://delinde.example.nl', entries).replace('</channel>', extra.join('\n') + '</channel>'));
  publish();
  let n = 0;
  return {
    connector: () => createRssConnector(),
    source: { id: 'contract', kind: 'rss', school: 'linde', url: `${feeds.url}/feed.xml`, context: 'reply', schedule: { every: '5m' } },
    env,
    requests: () => feeds.requests.map((q) => ({ method: q.method, path: q.path })),
    async addItem() {
      n++;
      entries.unshift({
        guid: `extra-${n}`,
        title: 'Nieuw',
        link: `https://delinde.example.nl/#c-${n}`,
        author: 'Nieuw',
        html: '<p>Nieuwe reactie</p>',
        date: new Date(),
      });
      publish();
    },
    async addMalformedItem() {
      extra.push(
        '<item><title>Kapot</title><link>https://delinde.example.nl/#kapot</link><guid>kapot-1</guid><description>tekst</description><pubDate>ergens vorige week</pubDate></item>',
      );
      publish();
      return 'rss:kapot-1';
    },
    teardown: () => feeds.close(),
  };
});
