// Which connector reads which kind of source. Connectors are built lazily, once per registry,
// so a Bluesky connector keeps its logged-in sessions between fetches.

import { UitkijkError } from '../src/errors.ts';
import { createBlueskyConnector } from './bluesky.ts';
import { createRssConnector } from './rss.ts';
import type { Connector } from './types.ts';

export interface ConnectorRegistry {
  get(kind: string): Connector;
  close(): Promise<void>;
}

type Factory = () => Connector;

const FACTORIES: Record<string, Factory> = {
  rss: () => createRssConnector(),
  bluesky: () => createBlueskyConnector(),
};

export function createConnectorRegistry(overrides: Record<string, Factory> = {}): ConnectorRegistry {
  const factories = { ...FACTORIES, ...overrides };
  const built = new Map<string, Connector>();
  return {
    get(kind: string): Connector {
      let c = built.get(kind);
      if (!c) {
        const make = factories[kind];
        if (!make) throw new UitkijkError('INPUT_INVALID', `Onbekend soort bron: ${kind}. Bekend zijn: ${Object.keys(factories).join(', ')}.`);
        built.set(kind, (c = make()));
      }
      return c;
    },
    async close(): Promise<void> {
      for (const c of built.values()) await c.close?.();
      built.clear();
    },
  };
}
