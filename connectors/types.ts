// The read-only connector contract and the Item that travels through the pipeline.
// A connector can only read: there is deliberately no method that writes to a platform.

import type { Logger } from 'pino';
import type { ScheduledSource, School } from '../src/config/schema.ts';
import type { Secrets } from '../src/config/secrets.ts';
import type { Item } from '../src/item.ts';
import type { HttpLimits } from '../src/config/limits.ts';
import type { QuotaLedger } from '../src/store/quota.ts';

export type { QuotaLedger, QuotaStop } from '../src/store/quota.ts';

export type { Item, ItemContext, MediaKind } from '../src/item.ts';
export type { ScheduledSource as Source } from '../src/config/schema.ts';

export interface FetchResult {
  items: Item[];
  /** Opaque; stored only after the items are safely queued. */
  cursor: string | null;
  /** Items that could not be read: skipped, logged by id, never fatal for the rest. */
  skipped: { id: string; reason: string }[];
}

export interface ConnectorEnv {
  log: Logger;
  /** The school the source belongs to: its own accounts (`handles`) and `keywords`. */
  school: Pick<School, 'id' | 'handles' | 'keywords'>;
  /** Secrets by source (they live in the environment, never in the YAML). */
  secrets: Secrets;
  /** Size, redirect and time limits for every request (config `fetch`). */
  limits: HttpLimits;
  /** At most this many items per fetch (config `fetch.maxItems`). */
  maxItems: number;
  /** The HTTP client; tests record or break requests through it. */
  fetch?: typeof globalThis.fetch;
  /** Daily request budgets shared by every worker (platforms that count units per key, YouTube). */
  quota?: QuotaLedger;
}

/** The validated config entry of one kind of source (z.infer of its schema). */
export type SourceOf<K extends ScheduledSource['kind']> = Extract<ScheduledSource, { kind: K }>;

export interface Connector<K extends ScheduledSource['kind'] = ScheduledSource['kind']> {
  readonly kind: K;
  fetch(source: SourceOf<K>, cursor: string | null, env: ConnectorEnv): Promise<FetchResult>;
  /**
   * Looks the given items up again on the platform (before a digest): true when an item is
   * still there, false when it is gone; an item it cannot tell about is left out. Reads only.
   */
  stillThere?(source: SourceOf<K>, items: readonly Item[], env: ConnectorEnv): Promise<Map<string, boolean>>;
  close?(): Promise<void>;
}

/** Finds the connector for a source's kind (connectors/registry.ts builds the real one). */
export interface ConnectorLookup {
  get<K extends ScheduledSource['kind']>(kind: K): Connector<K>;
}
