// Which connector reads which kind of source. Connectors are built lazily, once per registry,
// so a Bluesky connector keeps its logged-in sessions between fetches.

import type { ScheduledSource as Source } from '../src/config/schema.ts';
import type { Connector, ConnectorLookup } from './types.ts';

export interface ConnectorRegistry extends ConnectorLookup {
  close(): Promise<void>;
}

type Factories = { [K in Source['kind']]: () => Connector<K> };

/**
 * A connector whose module is imported on its first use: a deployment without Bluesky accounts
 * never loads @atproto/api, one without Meta sources never the Graph client. A failed import is
 * tried again at the next use.
 */
function lazy<K extends Source['kind']>(kind: K, load: () => Promise<Connector<K>>): () => Connector<K> {
  return () => {
    let loaded: Promise<Connector<K>> | null = null;
    const connector = () =>
      (loaded ??= load().catch((err: unknown) => {
        loaded = null;
        throw err;
      }));
    return {
      kind,
      fetch: async (source, cursor, env) => (await connector()).fetch(source, cursor, env),
      // A connector that cannot look items up tells about none of them.
      stillThere: async (source, items, env) => {
        const c = await connector();
        return c.stillThere ? c.stillThere(source, items, env) : new Map();
      },
      close: async () => {
        if (loaded) await (await loaded.catch(() => null))?.close?.();
      },
    };
  };
}

const FACTORIES: Factories = {
  rss: lazy('rss', async () => (await import('./rss.ts')).createRssConnector()),
  bluesky: lazy('bluesky', async () => (await import('./bluesky.ts')).createBlueskyConnector()),
  mastodon: lazy('mastodon', async () => (await import('./mastodon.ts')).createMastodonConnector()),
  facebook: lazy('facebook', async () => (await import('./facebook.ts')).createFacebookConnector()),
  instagram: lazy('instagram', async () => (await import('./instagram.ts')).createInstagramConnector()),
  youtube: lazy('youtube', async () => (await import('./youtube.ts')).createYoutubeConnector()),
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
