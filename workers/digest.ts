// The digest worker: one school's digest per scheduled run (src/digest/service.ts). Before the
// digest is built, the school's open candidates are looked up again through their sources'
// connectors (read-only); a connector that cannot look items up leaves them open. A failed
// send throws and the job is retried with the alerts' capped back-off; what was sent is not
// sent again.

import type { Job } from 'bullmq';
import type { AppContext } from '../src/context.ts';
import { runDigest } from '../src/digest/service.ts';
import type { DigestOutcome } from '../src/digest/service.ts';
import type { Finding } from '../src/finding.ts';
import type { DigestJob } from '../src/pipeline/queues.ts';
import { platformName, reasonLines } from '../src/alerts/reasons.ts';
import type { ConnectorEnv, ConnectorLookup, Item, Source } from '../connectors/types.ts';
import { appviewStillThere } from '../connectors/jetstream.ts';

function lookUp(connectors: ConnectorLookup, source: Source, items: Item[], env: ConnectorEnv): Promise<Map<string, boolean>> | undefined {
  switch (source.kind) {
    case 'rss':
      return connectors.get('rss').stillThere?.(source, items, env);
    case 'bluesky':
      return connectors.get('bluesky').stillThere?.(source, items, env);
    case 'mastodon':
      return connectors.get('mastodon').stillThere?.(source, items, env);
    case 'facebook':
      return connectors.get('facebook').stillThere?.(source, items, env);
    case 'instagram':
      return connectors.get('instagram').stillThere?.(source, items, env);
    case 'youtube':
      return connectors.get('youtube').stillThere?.(source, items, env);
  }
}

export function createDigestProcessor(ctx: AppContext, connectors: ConnectorLookup) {
  const stillThere = async (findings: Finding[]): Promise<Map<string, boolean>> => {
    const out = new Map<string, boolean>();
    const config = ctx.config();
    const bySource = new Map<string, Item[]>();
    for (const f of findings) bySource.set(f.item.source, [...(bySource.get(f.item.source) ?? []), f.item]);
    for (const [sourceId, items] of bySource) {
      const source = config.sources.find((s) => s.id === sourceId);
      const log = ctx.log.child({ module: 'digest', source: sourceId });
      if (source?.kind === 'jetstream') {
        // A post from the stream is looked up where it was checked: the AppView.
        try {
          for (const [id, present] of await appviewStillThere(source.appview, items)) out.set(id, present);
        } catch (err) {
          log.warn({ reason: (err as Error).message }, 'digest: AppView niet bereikbaar; kandidaten blijven open');
        }
        continue;
      }
      const school = source && config.schools.find((s) => s.id === source.school);
      if (!source || !school) continue;
      const limits = ctx.limits();
      try {
        const answer = await lookUp(connectors, source, items, { log, school, secrets: ctx.secrets, limits, maxItems: limits.maxItems, quota: ctx.quota });
        for (const [id, present] of answer ?? []) out.set(id, present);
      } catch (err) {
        log.warn({ reason: (err as Error).message }, 'digest: bron kon niet opnieuw gelezen worden; kandidaten blijven open');
      }
    }
    return out;
  };

  return async function processDigest(job: Job<DigestJob>): Promise<DigestOutcome> {
    // The scheduler gives each run its own job id: retries of one run share it, so a moderator
    // gets each run's digest once.
    const runKey = String(job.id ?? job.timestamp).replace(/[^A-Za-z0-9_-]+/g, '_');
    return runDigest(
      {
        config: () => ctx.config(),
        findings: () => ctx.findings,
        audit: ctx.audit,
        alerts: ctx.alerts,
        signer: ctx.signer,
        baseUrl: () => ctx.baseUrl(),
        redis: ctx.redis,
        keys: ctx.keys,
        log: ctx.log,
        stillThere,
        platformName: (f) => platformName(f.item, 'nl'),
        reasons: (f, masked) => reasonLines(f, masked, 'nl'),
      },
      job.data.school,
      runKey,
    );
  };
}
