// The alert worker: one e-mail per alert-worthy finding to the school's communications team,
// exactly once even when the job is retried or two workers race (src/alerts/service.ts). While
// another worker holds a finding's lease the job waits delayed, not in a worker slot. A failed
// send throws, and the job is retried with a capped back-off until the mail server accepts it.

import { DelayedError, UnrecoverableError } from 'bullmq';
import type { Job } from 'bullmq';
import type { AlertJob } from '../src/pipeline/queues.ts';
import type { WorkerContext } from '../src/pipeline/ports.ts';

export function createAlertProcessor(ctx: WorkerContext) {
  return async function processAlert(job: Job<AlertJob>, token?: string): Promise<{ sent: boolean; reason?: string }> {
    const data = job.data;
    const log = ctx.log.child({ module: 'alert', ...('bundle' in data ? { school: data.bundle.school } : { finding: data.findingId }), job: job.id });
    const outcome =
      'bundle' in data
        ? await ctx.alerts.sendBundle(data.bundle.school, data.bundle.at)
        : data.escalation
          ? await ctx.alerts.sendEscalation(data.findingId, data.escalation)
          : await ctx.alerts.send(data.findingId);
    switch (outcome.state) {
      case 'sent':
        log.info({ attempt: job.attemptsMade + 1 }, 'melding verstuurd');
        return { sent: true };
      case 'already-sent':
        log.info('melding was al verstuurd');
        return { sent: false, reason: 'already sent' };
      case 'gone':
        log.warn('melding bestaat niet (meer); geen e-mail');
        return { sent: false, reason: 'finding not found' };
      case 'no-recipients':
        log.warn('geen ontvangers voor meldingen ingesteld; geen e-mail');
        return { sent: false, reason: 'no recipients' };
      case 'unknown-school':
        throw new UnrecoverableError(`school '${outcome.school}' staat niet in de configuratie`);
      case 'busy':
        // Another worker is sending it: come back when its lease ends, without holding a slot.
        if (!token) throw new Error('alert lease busy');
        await job.moveToDelayed(Date.now() + Math.max(50, outcome.retryInMs), token);
        throw new DelayedError();
    }
  };
}
