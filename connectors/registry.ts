// Which connector reads which kind of source. Connectors are built lazily, once per registry,
// so a Bluesky connector keeps its logged-in sessions between fetches.

import type { ScheduledSource as Source } from '../src/config/schema.ts';
import { createBlueskyConnector } from './bluesky.ts';
import { createRssConnector } from './rss.ts';
import { createMastodonConnector } from './mastodon.ts';
import { createFacebookConnector } from './facebook.ts';
import { createInstagramConnector } from './instagram.ts';
import { createYoutubeConnector } from './youtube.ts';
import type { Connector, ConnectorLookup } from './types.ts';

export interface ConnectorRegistry extends ConnectorLookup {
  close(): Promise<void>;
}

type Factories = { [K in Source['kind']]: () => Connector<K> };

const FACTORIES: Factories = {
  rss: () => createRssConnector(),
  bluesky: () => createBlueskyConnector(),
  mastodon: () => createMastodonConnector(),
  facebook: () => createFacebookConnector(),
  instagram: () => createInstagramConnector(),
  youtube: () => createYoutubeConnector(),
};

export function createConnectorRegistry(overrides: Partial<Factories> = {}): ConnectorRegistry {
  const factories: Factories = { ...FACTORIES, ...overrides };
  const built = new Map<string, Connector>();
  return {
    get<K extends Source['kind']>(kind: K): Connector<K> {
      let c = built.get(kind) as Connector<K> | undefined;
      if (!c) {
        // The config schema admits only known kinds, so a factory always exists.
        c = (factories[kind] as () => Connector<K>)();
        built.set(kind, c as unknown as Connector);
      }
      return c;
    },
    async close(): Promise<void> {
      for (const c of built.values()) await c.close?.();
      built.clear();
    },
  };
}
