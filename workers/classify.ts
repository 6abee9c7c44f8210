// The classify worker: runs the classifier and the policy over a batch of items, stores a
// finding for every flagged item (and nothing for the rest), queues one alert job per
// alert-worthy finding, and only then marks the batch seen. Saving is idempotent and alert jobs
// have the finding's id, so a retried batch neither duplicates nor re-alerts. Nothing is
// dropped: an item the classifier fails on becomes a "kon niet beoordelen" finding, and a batch
// whose job fails for good (retries used up, or it kept stalling) is turned into such findings
// by `rescueFailedBatches`, which then removes the job and the texts it holds.

import { createHash } from 'node:crypto';
import type { Job } from 'bullmq';
import { newFinding, unreadableFinding } from '../src/finding.ts';
import type { Finding } from '../src/finding.ts';
import type { Item } from '../src/item.ts';
import { decide } from '../src/policy.ts';
import type { ClassifyJob } from '../src/pipeline/queues.ts';
import type { WorkerContext } from '../src/pipeline/ports.ts';

export interface ClassifyOutcome {
  classified: number;
  findings: number;
  alerts: number;
  unreadable: number;
}

/** Stores the findings, queues their alerts, then marks every item of the batch seen. */
async function conclude(ctx: WorkerContext, source: string, items: Item[], findings: Finding[], alerts: Finding[]): Promise<void> {
  if (findings.length) await ctx.store.saveFindings(findings);
  if (alerts.length) await ctx.routeAlerts(alerts);
  await ctx.store.markSeen(
    source,
    items.map((i) => i.id),
  );
}

export function createClassifyProcessor(ctx: WorkerContext) {
  return async function processClassify(job: Job<ClassifyJob>): Promise<ClassifyOutcome> {
    const config = ctx.config();
    const log = ctx.log.child({ module: 'classify', source: job.data.source, job: job.id });
    const findings: Finding[] = [];
    const alerts: Finding[] = [];
    let unreadable = 0;
    const now = new Date().toISOString();
    for (const item of job.data.items) {
      let finding: Finding | null;
      let alert: boolean;
      try {
        const verdict = (await ctx.classifier(item.school)).classify(item.text, { context: item.context });
        const decision = decide(verdict, item, config.thresholds);
        finding = decision.labels.length ? newFinding(item, verdict, decision, now) : null;
        alert = decision.alert;
        for (const label of decision.labels) ctx.metrics.findings.inc({ label });
      } catch (err) {
        // A person looks at it instead: better an e-mail too many than a threat never seen.
        unreadable++;
        ctx.metrics.unreadable.inc();
        log.error({ item: item.id, chars: item.text.length, reason: (err as Error).message }, 'tekst kon niet beoordeeld worden; melding "kijk zelf"');
        finding = unreadableFinding(item, `classifier: ${(err as Error).name}`, now);
        alert = true;
      }
      if (finding) {
        findings.push(finding);
        if (alert) alerts.push(finding);
      }
    }
    await conclude(ctx, job.data.source, job.data.items, findings, alerts);
    const outcome = { classified: job.data.items.length, findings: findings.length, alerts: alerts.length, unreadable };
    log.info(outcome, 'beoordeeld');
    return outcome;
  };
}

/** The id of the job that classifies one item on its own (after its batch failed). */
export function singleJobId(source: string, itemId: string): string {
  return `${source}-one-${createHash('sha256').update(itemId).digest('hex').slice(0, 32)}`;
}

/**
 * Classify jobs that failed for good (retries used up, or they kept stalling). A batch is split
 * into one job per item, so that the item that breaks the classifier is found and the others are
 * judged as usual; a single item that still fails becomes a "kon niet beoordelen" finding with
 * an alert and is marked seen. Either way the failed job — and the texts in its data — is
 * removed. Safe to run from several processes at once: job, finding and alert ids are stable.
 */
export async function rescueFailedBatches(ctx: WorkerContext): Promise<{ split: number; unreadable: number }> {
  const log = ctx.log.child({ module: 'classify' });
  const result = { split: 0, unreadable: 0 };
  for (;;) {
    const failed = await ctx.queues.classify.getFailed(0, 49);
    if (failed.length === 0) return result;
    for (const job of failed) {
      const items = job.data?.items ?? [];
      const source = job.data?.source ?? '';
      if (items.length > 1) {
        await ctx.queues.classify.addBulk(
          items.map((item) => ({ name: 'classify', data: { source, items: [item] }, opts: { jobId: singleJobId(source, item.id) } })),
        );
        log.warn({ job: job.id, items: items.length, reason: job.failedReason }, 'beoordeling van een reeks mislukt; elk item wordt apart opnieuw beoordeeld');
        result.split += items.length;
      } else if (items.length === 1) {
        const reason = `beoordeling mislukt na ${job.attemptsMade} poging(en)`;
        const findings = items.map((item) => unreadableFinding(item, reason, new Date().toISOString()));
        await conclude(ctx, source, items, findings, findings);
        ctx.metrics.unreadable.inc();
        log.error(
          { job: job.id, item: items[0]!.id, chars: items[0]!.text.length, reason: job.failedReason },
          'item kon niet beoordeeld worden; melding "kijk zelf"',
        );
        result.unreadable++;
      }
      await job.remove();
    }
  }
}
