// What the workers need from the rest of the application, and nothing more. src/context.ts
// builds one of these from the config, Redis, the store and the alerts service; tests build
// their own.

import type { Logger } from 'pino';
import type { AlertService } from '../alerts/service.ts';
import type { Classifier } from '../classify/index.ts';
import type { FetchLimits } from '../config/limits.ts';
import type { Config } from '../config/schema.ts';
import type { Secrets } from '../config/secrets.ts';
import type { Finding } from '../finding.ts';
import type { Metrics } from '../metrics.ts';
import type { Queues } from './queues.ts';
import type { QuotaLedger } from '../store/quota.ts';

export interface PipelineStore {
  getCursor(source: string): Promise<string | null>;
  setCursor(source: string, cursor: string | null): Promise<void>;
  /** The ids of this batch neither seen nor pending for this source (one round trip). */
  filterUnseen(source: string, ids: string[]): Promise<string[]>;
  /** Queued for classification. */
  markPending(source: string, ids: string[]): Promise<void>;
  /** Classified: seen from now on. */
  markSeen(source: string, ids: string[]): Promise<void>;
  saveFindings(findings: Finding[]): Promise<void>;
  getFinding(id: string): Promise<Finding | null>;
  /** One fetch of a source at a time: a lease token, or null while another fetch holds it. */
  takeFetchLease(source: string, ms: number): Promise<string | null>;
  releaseFetchLease(source: string, token: string): Promise<void>;
}

export interface WorkerContext {
  /** The config in force now (a reload replaces it). */
  config(): Config;
  /**
   * The classifier for this school under the config in force now (its own contacts allowed).
   * Its module and model are loaded at the first call, so a process that only fetches never
   * holds them.
   */
  classifier(school: string): Promise<Classifier>;
  /** The fetch limits of the config in force. */
  limits(): FetchLimits;
  log: Logger;
  queues: Queues;
  store: PipelineStore;
  alerts: AlertService;
  /** Queues the alerts of new findings: a threat at once, the rest into its school's bundle. */
  routeAlerts(findings: readonly Finding[]): Promise<void>;
  metrics: Metrics;
  secrets: Secrets;
  /** Daily request budgets per API key, shared by every worker (YouTube). */
  quota?: QuotaLedger;
}
