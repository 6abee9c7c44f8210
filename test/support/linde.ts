// The one-school, one-feed deployment the pipeline's fault tests run against: De Linde with a
// comment feed on its own blog (replies, so removal candidates), alerts to its communications
// team. The feed URL is a parameter: most tests push items straight onto the queue and give an
// address where nothing answers.
import type { Item } from '../../src/item.ts';

/**
 * These tests are about delivering each alert exactly once through faults, so every finding
 * gets its own e-mail at once; bundling has its own tests (test/alerts/routing.test.ts).
 */
const ALERTS_ONE_BY_ONE = 'alerts:\n  bundle: false\n';

/** De Linde's configuration with the given `sources:` entries (indented list items) and any further sections. */
export function lindeConfig(sources: string, extra = ''): string {
  return `
schools:
  - id: linde
    name: De Linde
    keywords: [De Linde]
    alertRecipients: [communicatie@linde.example.nl]
sources:
${sources}
${extra}${/^alerts:/m.test(extra) ? '' : ALERTS_ONE_BY_ONE}mail:
  from: uitkijk@linde.example.nl
`;
}

/** The blog's comment feed as De Linde's one source. */
export function lindeYaml(feedUrl = 'http://127.0.0.1:1/feed.xml'): string {
  return lindeConfig(`  - id: blog
    kind: rss
    school: linde
    url: ${feedUrl}
    context: reply
    schedule: { every: 1h }`);
}

/** Reaction `i` on the blog, as the RSS connector makes it (connectors/rss.ts). */
export function lindeReply(i: number, text: string): Item {
  return {
    id: `rss:https://blog.example.nl/?c=${i}`,
    source: 'blog',
    platform: 'rss',
    context: 'reply',
    url: `https://blog.example.nl/post#comment-${i}`,
    author: { handle: `lezer${i}` },
    text,
    createdAt: new Date(Date.UTC(2026, 10, 1, 12, 0, i)).toISOString(),
    media: { kinds: [], count: 0 },
    school: 'linde',
  };
}
