// The read-only connector contract and the Item that travels through the pipeline.
// A connector can only read: there is deliberately no method that writes to a platform.

import type { Logger } from 'pino';

export type { Item, ItemContext, MediaKind } from '../src/item.ts';
import type { Item } from '../src/item.ts';

export interface FetchResult {
  items: Item[];
  /** Opaque; stored only after the items are safely queued. */
  cursor: string | null;
  /** Items that could not be read: skipped, logged by id, never fatal for the rest. */
  skipped: { id: string; reason: string }[];
}

export interface ConnectorEnv {
  log: Logger;
  /** Environment variables (secrets live here, never in the YAML). */
  env: Record<string, string | undefined>;
  fetch?: typeof globalThis.fetch;
}

/** A source as the connector sees it: the validated config entry. */
export interface SourceConfig {
  id: string;
  kind: string;
  school: string;
  [key: string]: unknown;
}

export interface Connector {
  readonly kind: string;
  fetch(source: SourceConfig, cursor: string | null, env: ConnectorEnv): Promise<FetchResult>;
  close?(): Promise<void>;
}
