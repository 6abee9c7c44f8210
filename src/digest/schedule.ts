// One job scheduler per school in the digest queue, in step with the config: a school with
// moderators gets its digest on `digest.cron` (its own, else the top-level one) in its own
// time zone; a school without moderators gets none. Kept apart from the sources' schedulers by
// the key prefix, so neither sync removes the other's.

import type { Queue } from 'bullmq';
import type { Config } from '../config/schema.ts';
import { UitkijkError } from '../errors.ts';
import type { Lang } from '../i18n.ts';
import type { DigestJob } from '../pipeline/queues.ts';

const PREFIX = 'digest:';

export interface DigestSchedule {
  school: string;
  cron: string;
  tz: string;
}

export function digestSchedules(config: Config): DigestSchedule[] {
  return config.schools.filter((s) => s.moderators.length > 0).map((s) => ({ school: s.id, cron: s.digest?.cron ?? config.digest.cron, tz: s.timezone }));
}

/** The digest settings that apply to one school. */
export function digestSettings(config: Config, school: string): { sendWhenEmpty: boolean; skipUnchanged: boolean } {
  const own = config.schools.find((s) => s.id === school)?.digest;
  return {
    sendWhenEmpty: own?.sendWhenEmpty ?? config.digest.sendWhenEmpty,
    skipUnchanged: own?.skipUnchanged ?? config.digest.skipUnchanged,
  };
}

export async function syncDigestSchedulers(queue: Queue<DigestJob>, config: Config, lang: Lang = 'nl'): Promise<{ upserted: string[]; removed: string[] }> {
  const wanted = digestSchedules(config);
  const keys = new Set(wanted.map((w) => PREFIX + w.school));
  const removed: string[] = [];
  for (const existing of await queue.getJobSchedulers(0, -1)) {
    if (existing.key.startsWith(PREFIX) && !keys.has(existing.key)) {
      await queue.removeJobScheduler(existing.key);
      removed.push(existing.key.slice(PREFIX.length));
    }
  }
  for (const w of wanted) {
    try {
      await queue.upsertJobScheduler(PREFIX + w.school, { pattern: w.cron, tz: w.tz }, { name: 'digest', data: { school: w.school } });
    } catch (err) {
      throw new UitkijkError(
        'SCHEDULE_REFUSED',
        lang === 'nl'
          ? `De planning van de digest van school ${w.school} wordt geweigerd (${(err as Error).message}); pas 'digest.cron' aan en controleer met: uitkijk config check`
          : `The digest schedule of school ${w.school} is refused (${(err as Error).message}); change 'digest.cron' and check with: uitkijk config check`,
        { cause: err },
      );
    }
  }
  return { upserted: wanted.map((w) => w.school), removed };
}
