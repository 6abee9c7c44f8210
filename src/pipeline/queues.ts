// The queues of one deployment (DESIGN.md "Data flow"): names, job payloads and the defaults
// every job gets. All queues share the deployment's prefix and hash tag (src/store/keys.ts),
// so a Redis Cluster keeps them on one slot.

import { Queue } from 'bullmq';
import type { ConnectionOptions, DefaultJobOptions } from 'bullmq';
import type { Item } from '../item.ts';

export const QUEUE_NAMES = ['fetch', 'classify', 'alert'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface FetchJob {
  source: string;
}
export interface ClassifyJob {
  source: string;
  items: Item[];
}
export interface AlertJob {
  findingId: string;
}

export interface Queues {
  fetch: Queue<FetchJob>;
  classify: Queue<ClassifyJob>;
  alert: Queue<AlertJob>;
  close(): Promise<void>;
}

/** Retries with exponential backoff; finished jobs are removed (their data may hold texts). */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: true,
  // Failed jobs stay (with their reason) for a week, at most 1000 per queue.
  removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
};

export function createQueues(connection: ConnectionOptions, prefix: string): Queues {
  const opts = { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS };
  const fetch = new Queue<FetchJob>('fetch', opts);
  const classify = new Queue<ClassifyJob>('classify', opts);
  const alert = new Queue<AlertJob>('alert', opts);
  return {
    fetch,
    classify,
    alert,
    async close() {
      await Promise.all([fetch.close(), classify.close(), alert.close()]);
    },
  };
}

/** Items per classify job: large enough to keep Redis round trips per item low. */
export const CLASSIFY_BATCH = 200;
