// The queues of one deployment (DESIGN.md "Data flow"): names, job payloads and the options
// every job gets. All queues share the deployment's prefix and hash tag (src/store/keys.ts),
// so a Redis Cluster keeps them on one slot.

import { Queue } from 'bullmq';
import type { ConnectionOptions, DefaultJobOptions } from 'bullmq';
import type { Item } from '../item.ts';

export const QUEUE_NAMES = ['fetch', 'classify', 'alert', 'digest'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface FetchJob {
  source: string;
}
export interface ClassifyJob {
  source: string;
  items: Item[];
}
/**
 * One e-mail to send: a finding's alert (`findingId`), the e-mail to school leadership about an
 * escalation (`findingId` and the audit entry's id), or a school's bundle of findings (`bundle`).
 */
export type AlertJob = { findingId: string; escalation?: string } | { bundle: { school: string; at: number } };

/** The moderators' digest of one school (scheduled per school, src/digest/schedule.ts). */
export interface DigestJob {
  school: string;
}

export interface Queues {
  fetch: Queue<FetchJob>;
  classify: Queue<ClassifyJob>;
  alert: Queue<AlertJob>;
  digest: Queue<DigestJob>;
  close(): Promise<void>;
}

/** How alert e-mails are retried: exponential from `baseMs`, capped at `maxMs`, until delivered. */
export interface AlertRetry {
  baseMs: number;
  maxMs: number;
}
export const ALERT_RETRY: AlertRetry = { baseMs: 2_000, maxMs: 5 * 60_000 };
export const ALERT_BACKOFF = 'alert-capped';

/** The wait before retry `attemptsMade` (1, 2, …) of an alert: doubling, capped, ±10% jitter. */
export function alertBackoffMs(attemptsMade: number, retry: AlertRetry, random = Math.random): number {
  const raw = retry.baseMs * 2 ** Math.min(30, Math.max(0, attemptsMade - 1));
  const capped = Math.min(retry.maxMs, raw);
  return Math.round(capped * (0.9 + 0.2 * random()));
}

const DAY_S = 24 * 3600;

/**
 * Per queue. Finished jobs are removed at once (their data may hold texts). Failed fetch and
 * alert jobs keep only a source or a finding id and the reason, for a week. A classify job's
 * data holds texts: one that fails for good is turned into "kon niet beoordelen" findings and
 * removed (workers/classify.ts), so no text outlives it. An alert is retried until the mail
 * server takes it (the finding's own expiry ends that at the latest).
 */
export function jobOptions(name: QueueName): DefaultJobOptions {
  const base = { removeOnComplete: true, removeOnFail: { age: 7 * DAY_S, count: 1000 } } as const;
  switch (name) {
    case 'fetch':
      // The schedule is the real retry: a few quick tries, then the next scheduled run.
      return { ...base, attempts: 3, backoff: { type: 'exponential', delay: 5_000 } };
    case 'classify':
      return { ...base, attempts: 5, backoff: { type: 'exponential', delay: 2_000 } };
    case 'alert':
    // A digest is e-mail too: retried until the mail server takes it, each moderator's once.
    case 'digest':
      return { ...base, attempts: Number.MAX_SAFE_INTEGER, backoff: { type: ALERT_BACKOFF } };
  }
}

export function createQueues(connection: ConnectionOptions, prefix: string): Queues {
  const make = <T>(name: QueueName) => new Queue<T>(name, { connection, prefix, defaultJobOptions: jobOptions(name) });
  const fetch = make<FetchJob>('fetch');
  const classify = make<ClassifyJob>('classify');
  const alert = make<AlertJob>('alert');
  const digest = make<DigestJob>('digest');
  return {
    fetch,
    classify,
    alert,
    digest,
    async close() {
      await Promise.all([fetch.close(), classify.close(), alert.close(), digest.close()]);
    },
  };
}

/** Items per classify job: large enough to keep Redis round trips per item low. */
export const CLASSIFY_BATCH = 200;
