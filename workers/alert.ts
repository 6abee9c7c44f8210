// The alert worker: one e-mail per alert-worthy finding to the school's communications team,
// exactly once even when the job is retried or two workers race (the claim lives in Redis,
// src/store/scripts.ts). A finding that has expired meanwhile is skipped, not an error.

import { UnrecoverableError } from 'bullmq';
import type { Job } from 'bullmq';
import type { AlertJob } from '../src/pipeline/queues.ts';
import type { WorkerContext } from '../src/pipeline/ports.ts';

export function createAlertProcessor(ctx: WorkerContext) {
  return async function processAlert(job: Job<AlertJob>): Promise<{ sent: boolean; reason?: string }> {
    const log = ctx.log.child({ module: 'alert', finding: job.data.findingId, job: job.id });
    const finding = await ctx.store.getFinding(job.data.findingId);
    if (!finding) {
      log.warn('melding bestaat niet (meer); geen e-mail');
      return { sent: false, reason: 'finding not found' };
    }
    const school = ctx.config().schools.find((s) => s.id === finding.item.school);
    if (!school) throw new UnrecoverableError(`school '${finding.item.school}' staat niet in de configuratie`);
    if (school.alertRecipients.length === 0) {
      log.warn({ school: school.id }, 'geen ontvangers voor meldingen ingesteld; geen e-mail');
      return { sent: false, reason: 'no recipients' };
    }
    const sent = await ctx.store.sendAlertOnce(finding, school.alertRecipients);
    if (sent) ctx.metrics.alertsSent.inc();
    log.info({ sent }, sent ? 'melding verstuurd' : 'melding was al verstuurd');
    return { sent };
  };
}
