// Cron patterns are checked with the parser BullMQ's job schedulers use (cron-parser, at the
// version bullmq depends on; a test keeps the two equal), so the check accepts exactly what the
// scheduler can run. A pattern that parses but never fires (31 February, say) is reported
// apart: it is valid, yet its schedule would never run.

import { CronExpressionParser } from 'cron-parser';

export type CronCheck = { ok: true; firesWithinYears: boolean } | { ok: false; reason: string };

const YEARS = 5;

/** Parses the pattern as BullMQ does and looks for its next run within five years. */
export function checkCron(pattern: string, tz?: string, now = new Date()): CronCheck {
  const fields = pattern.trim().split(/\s+/).filter(Boolean).length;
  if (fields !== 5 && fields !== 6) return { ok: false, reason: `${fields} ${fields === 1 ? 'field' : 'fields'}` };
  let interval;
  try {
    interval = CronExpressionParser.parse(pattern, { currentDate: now, ...(tz ? { tz } : {}) });
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
  try {
    const next = interval.next().getTime();
    return { ok: true, firesWithinYears: next - now.getTime() <= YEARS * 366 * 86_400_000 };
  } catch {
    return { ok: true, firesWithinYears: false };
  }
}
