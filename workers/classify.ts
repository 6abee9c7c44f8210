// The classify worker: runs the classifier and the policy over a batch of items, stores a
// finding for every flagged item (and nothing for the rest: their ids are already in the
// seen-set), then queues one alert job per alert-worthy finding. Saving is idempotent and
// alert jobs have the finding's id, so a retried batch neither duplicates nor re-alerts.

import type { Job } from 'bullmq';
import { decide } from '../src/policy.ts';
import { newFinding } from '../src/store/findings.ts';
import type { Finding } from '../src/store/findings.ts';
import type { ClassifyJob } from '../src/pipeline/queues.ts';
import type { WorkerContext } from '../src/pipeline/ports.ts';

export interface ClassifyOutcome {
  classified: number;
  findings: number;
  alerts: number;
}

export function createClassifyProcessor(ctx: WorkerContext) {
  return async function processClassify(job: Job<ClassifyJob>): Promise<ClassifyOutcome> {
    const config = ctx.config();
    const log = ctx.log.child({ module: 'classify', source: job.data.source, job: job.id });
    const findings: Finding[] = [];
    const alerts: Finding[] = [];
    for (const item of job.data.items) {
      const verdict = ctx.classifier(item.school).classify(item.text, { context: item.context });
      const decision = decide(verdict, item, config.thresholds);
      if (decision.labels.length === 0) continue;
      const finding = newFinding(item, verdict, decision, new Date().toISOString());
      findings.push(finding);
      if (decision.alert) alerts.push(finding);
      for (const label of decision.labels) ctx.metrics.findings.inc({ label });
    }
    if (findings.length) await ctx.store.saveFindings(findings);
    if (alerts.length) {
      await ctx.queues.alert.addBulk(
        alerts.map((f) => ({ name: 'alert', data: { findingId: f.id }, opts: { jobId: `alert-${f.id}` } })),
      );
    }
    const outcome = { classified: job.data.items.length, findings: findings.length, alerts: alerts.length };
    log.info(outcome, 'beoordeeld');
    return outcome;
  };
}
