// Turns the config's schedules into what the job schedulers need: milliseconds for `every`,
// the pattern and the school's time zone for `cron`. Structurally the pipeline's
// ScheduledSource; kept here so src/config depends on nothing downstream.

import { durationMs } from './duration.ts';
import type { Config } from './schema.ts';

export interface SourceSchedule {
  id: string;
  everyMs?: number;
  cron?: string;
  tz?: string;
}

export function sourceSchedules(config: Config): SourceSchedule[] {
  const tzOf = new Map(config.schools.map((s) => [s.id, s.timezone]));
  // A stream source (Jetstream) is not scheduled: it runs as one consumer per deployment.
  return config.sources.flatMap((source) =>
    source.kind === 'jetstream'
      ? []
      : [
          source.schedule.every !== undefined
            ? { id: source.id, everyMs: durationMs(source.schedule.every) }
            : { id: source.id, cron: source.schedule.cron, tz: tzOf.get(source.school) },
        ],
  );
}
