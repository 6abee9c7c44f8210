// Which alert-worthy finding goes out how (issue: a storm must never become 200 e-mails): a
// threat at once, one e-mail each; everything else into its school's next bundle, at most one
// bundle per `alerts.bundleEvery`. When one post draws `stormThreshold` findings within
// `stormWindow`, the further threats on it join a bundle too, which then goes out soon
// (after `bundleWait`) rather than at the usual spacing. The state lives in Redis
// (store/bundles.ts), so racing workers and retried batches agree.

import { createHash } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Config } from '../config/schema.ts';
import { durationMs } from '../config/duration.ts';
import type { Finding } from '../finding.ts';
import type { AlertJob } from '../pipeline/queues.ts';
import type { BundleStore } from '../store/bundles.ts';

export interface AlertRouter {
  /** Queues each finding's alert: a job of its own, or the bundle it joins. */
  route(findings: readonly Finding[]): Promise<{ immediate: number; bundled: number }>;
}

const DAY_MS = 24 * 3600 * 1000;

/** The post a finding reacts to (or, for a mention, the post itself), as a short key. */
export function postKey(finding: Finding): string {
  const post = finding.item.inReplyTo ?? finding.item.url ?? finding.item.id;
  return createHash('sha256').update(`${finding.item.platform}\u0000${post}`).digest('base64url').slice(0, 16);
}

export function bundleJobId(school: string, at: number): string {
  return `bundle-${school}-${at}`;
}

export function createAlertRouter(opts: { config: () => Config; bundles: BundleStore; queue: Queue<AlertJob>; now?: () => number }): AlertRouter {
  const now = opts.now ?? Date.now;
  return {
    async route(findings) {
      const config = opts.config();
      const a = config.alerts;
      const alertJob = (f: Finding) => ({
        name: 'alert',
        data: { findingId: f.id } as AlertJob,
        opts: { jobId: `alert-${f.id}` } as { jobId: string; delay?: number },
      });
      if (!a.bundle) {
        if (findings.length) await opts.queue.addBulk(findings.map(alertJob));
        return { immediate: findings.length, bundled: 0 };
      }
      const o = {
        stormWindowMs: durationMs(a.stormWindow),
        stormThreshold: a.stormThreshold,
        everyMs: durationMs(a.bundleEvery),
        gatherMs: durationMs(a.bundleWait),
        ttlMs: Math.max(DAY_MS, config.retention.findingsDays * DAY_MS),
      };
      // All sent at once: Redis runs the scripts in the order they were sent, one connection,
      // so the storm counts come out as if one by one, in one round trip instead of one each.
      const at = now();
      const routes = await Promise.all(
        findings.map((f) => opts.bundles.route(f.item.school, postKey(f), f.id, { ...o, now: at, threat: f.labels.includes('threat') })),
      );
      const jobs = new Map<string, ReturnType<typeof alertJob>>();
      let immediate = 0;
      findings.forEach((f, i) => {
        const r = routes[i]!;
        if (r.send === 'now') {
          immediate += 1;
          const job = alertJob(f);
          jobs.set(job.opts.jobId, job);
        } else {
          // One job per bundle, however many findings join it.
          const jobId = bundleJobId(f.item.school, r.at);
          jobs.set(jobId, { name: 'bundle', data: { bundle: { school: f.item.school, at: r.at } }, opts: { jobId, delay: Math.max(0, r.at - at) } });
        }
      });
      if (jobs.size) await opts.queue.addBulk([...jobs.values()]);
      return { immediate, bundled: findings.length - immediate };
    },
  };
}
