// Keeps BullMQ's job schedulers in step with the config: one scheduler per source, added,
// changed or removed when the file says so (at start and on every reload). A pattern the
// scheduler refuses is reported with the source it belongs to.

import type { Queue } from 'bullmq';
import { UitkijkError } from '../errors.ts';
import type { Lang } from '../i18n.ts';
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

export async function syncSchedulers(queue: Queue<FetchJob>, sources: ScheduledSource[], lang: Lang = 'nl'): Promise<SyncResult> {
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
    try {
      await queue.upsertJobScheduler(schedulerId(s.id), repeat, { name: 'fetch', data: { source: s.id } });
    } catch (err) {
      const why = (err as Error).message;
      throw new UitkijkError(
        'SCHEDULE_REFUSED',
        lang === 'nl'
          ? `De planning van bron ${s.id} wordt geweigerd (${why}); pas 'schedule' van die bron aan en controleer met: uitkijk config check`
          : `The schedule of source ${s.id} is refused (${why}); change that source's 'schedule' and check with: uitkijk config check`,
        { cause: err },
      );
    }
    upserted.push(s.id);
  }
  return { upserted, removed };
}
