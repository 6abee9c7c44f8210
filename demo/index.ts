// The demo run: local stand-ins for Bluesky and an RSS feed, filled with invented Dutch
// content, so `npm start` shows the whole pipeline without internet or accounts. The stand-ins
// are the test suite's fake servers (test/support/); they are not part of the product, and the
// CLI loads this entry only when it runs the demo configuration.
import type { Config } from '../src/config/schema.ts';
import { blueskyPasswordEnv } from '../src/config/secrets.ts';
import { startFakeBluesky } from '../test/support/fake-bluesky.ts';
import { startFeedServer, wordpressCommentFeed } from '../test/support/feed-server.ts';
import { DEMO_FEED_ITEMS, DEMO_REACTIONS, DEMO_SCHOOL_POSTS } from './content.ts';

export interface Demo {
  config: Config;
  blueskyUrl: string;
  feedUrl: string;
  close(): Promise<void>;
}

const DEMO_PASSWORD = 'demo-app-wachtwoord';

/** Starts the fixture servers and returns the demo config pointed at them. */
export async function startDemo(config: Config, env: Record<string, string | undefined>): Promise<Demo> {
  const next = structuredClone(config) as Config;
  const bluesky = next.sources.find((s) => s.kind === 'bluesky');
  const rss = next.sources.find((s) => s.kind === 'rss');
  const fake = await startFakeBluesky({
    schoolHandle: bluesky?.kind === 'bluesky' ? bluesky.handle : 'school.demo.test',
    appPassword: DEMO_PASSWORD,
    schoolPosts: DEMO_SCHOOL_POSTS,
    reactions: DEMO_REACTIONS,
  });
  const now = Date.now();
  const feed = wordpressCommentFeed(
    'Reacties op Nieuws uit Tiel',
    'https://nieuws.example.nl',
    DEMO_FEED_ITEMS.map((e, i) => ({
      guid: `https://nieuws.example.nl/?comment=${1000 + i}`,
      title: e.title,
      link: `https://nieuws.example.nl/artikel-${i}#comment-${1000 + i}`,
      author: `Lezer ${i + 1}`,
      html: `<p>${e.text}</p>`,
      date: new Date(now - e.minutesAgo * 60_000),
    })),
  );
  const feeds = await startFeedServer({ '/vermeldingen.xml': feed });
  if (bluesky?.kind === 'bluesky') {
    bluesky.service = fake.url;
    env[blueskyPasswordEnv(bluesky.id)] = DEMO_PASSWORD;
  }
  if (rss?.kind === 'rss') rss.url = `${feeds.url}/vermeldingen.xml`;
  return {
    config: next,
    blueskyUrl: fake.url,
    feedUrl: `${feeds.url}/vermeldingen.xml`,
    async close() {
      await Promise.all([fake.close(), feeds.close()]);
    },
  };
}
