// Keeps BullMQ's job schedulers in step with the config: one scheduler per source, added,
// changed or removed when the file says so (at start and on every reload).

import type { Queue } from 'bullmq';
import type { FetchJob } from './queues.ts';

export interface ScheduledSource {
  id: string;
  /** Milliseconds between fetches, or a cron pattern. */
  everyMs?: number;
  cron?: string;
  tz?: string;
}

const PREFIX = 'source:';
export const schedulerId = (sourceId: string) => PREFIX + sourceId;

export interface SyncResult {
  upserted: string[];
  removed: string[];
}

export async function syncSchedulers(queue: Queue<FetchJob>, sources: ScheduledSource[]): Promise<SyncResult> {
  const wanted = new Set(sources.map((s) => schedulerId(s.id)));
  const removed: string[] = [];
  for (const existing of await queue.getJobSchedulers(0, -1)) {
    if (existing.key.startsWith(PREFIX) && !wanted.has(existing.key)) {
      await queue.removeJobScheduler(existing.key);
      removed.push(existing.key.slice(PREFIX.length));
    }
  }
  const upserted: string[] = [];
  for (const s of sources) {
    const repeat = s.cron ? { pattern: s.cron, tz: s.tz, immediately: true } : { every: s.everyMs };
    await queue.upsertJobScheduler(schedulerId(s.id), repeat, { name: 'fetch', data: { source: s.id } });
    upserted.push(s.id);
  }
  return { upserted, removed };
}
