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
      const jobs: { name: string; data: AlertJob; opts: { jobId: string; delay?: number } }[] = [];
      let immediate = 0;
      let bundled = 0;
      for (const f of findings) {
        if (!a.bundle) {
          immediate += 1;
          jobs.push({ name: 'alert', data: { findingId: f.id }, opts: { jobId: `alert-${f.id}` } });
          continue;
        }
        const at = now();
        const r = await opts.bundles.route(f.item.school, postKey(f), f.id, {
          now: at,
          threat: f.labels.includes('threat'),
          stormWindowMs: durationMs(a.stormWindow),
          stormThreshold: a.stormThreshold,
          everyMs: durationMs(a.bundleEvery),
          gatherMs: durationMs(a.bundleWait),
          ttlMs: Math.max(DAY_MS, config.retention.findingsDays * DAY_MS),
        });
        if (r.send === 'now') {
          immediate += 1;
          jobs.push({ name: 'alert', data: { findingId: f.id }, opts: { jobId: `alert-${f.id}` } });
        } else {
          bundled += 1;
          // One job per bundle: BullMQ keeps one job per id, however many findings join.
          jobs.push({
            name: 'bundle',
            data: { bundle: { school: f.item.school, at: r.at } },
            opts: { jobId: bundleJobId(f.item.school, r.at), delay: Math.max(0, r.at - at) },
          });
        }
      }
      if (jobs.length) await opts.queue.addBulk(jobs);
      return { immediate, bundled };
    },
  };
}
