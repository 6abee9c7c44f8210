// What the workers need from the rest of the application, and nothing more. src/context.ts
// builds one of these from the config, Redis, the store and the mailer; tests build their own.

import type { Logger } from 'pino';
import type { Classifier } from '../classify/index.ts';
import type { Config } from '../config/schema.ts';
import type { Metrics } from '../metrics.ts';
import type { Queues } from './queues.ts';
import type { Finding } from '../store/findings.ts';

export interface PipelineStore {
  getCursor(source: string): Promise<string | null>;
  setCursor(source: string, cursor: string | null): Promise<void>;
  /** The ids of this batch not seen before for this source (one round trip). */
  filterUnseen(source: string, ids: string[]): Promise<string[]>;
  markSeen(source: string, ids: string[]): Promise<void>;
  saveFindings(findings: Finding[]): Promise<void>;
  getFinding(id: string): Promise<Finding | null>;
  /** Send the alert for this finding unless it was sent already; true when this call sent it. */
  sendAlertOnce(finding: Finding, recipients: string[]): Promise<boolean>;
}

export interface WorkerContext {
  /** The config in force now (a reload replaces it). */
  config(): Config;
  /** The classifier for this school under the config in force now (its own contacts allowed). */
  classifier(school: string): Classifier;
  log: Logger;
  queues: Queues;
  store: PipelineStore;
  metrics: Metrics;
  env: Record<string, string | undefined>;
}
