// The fetch worker: one job per source per tick. It asks the connector for what is new since
// the stored cursor, keeps only items neither seen nor already queued, queues them for
// classification in batches, marks them pending and only then stores the new cursor — so a
// crash anywhere re-fetches rather than loses. An item counts as seen only once it has been
// classified (workers/classify.ts). One fetch of a source runs at a time: a source that hangs
// holds one worker slot at most, and its next tick is skipped rather than queued behind it.
// A rate-limited source waits on its own; the queue goes on.

import { createHash } from 'node:crypto';
import { DelayedError, UnrecoverableError } from 'bullmq';
import type { Job } from 'bullmq';
import { RateLimitedError, UitkijkError } from '../src/errors.ts';
import type { Item } from '../src/item.ts';
import { CLASSIFY_BATCH } from '../src/pipeline/queues.ts';
import type { FetchJob } from '../src/pipeline/queues.ts';
import type { WorkerContext } from '../src/pipeline/ports.ts';
import type { ConnectorEnv, ConnectorLookup, FetchResult, Source } from '../connectors/types.ts';

export type { ConnectorLookup } from '../connectors/types.ts';

export interface FetchOutcome {
  fetched: number;
  fresh: number;
  skipped: number;
  batches: number;
}

/** A classify job id that is the same when a retried fetch queues the same batch again. */
export function batchJobId(source: string, ids: string[]): string {
  const h = createHash('sha256');
  for (const id of ids) h.update(id).update('\u0000');
  return `${source}-${h.digest('hex').slice(0, 32)}`;
}

function read(connectors: ConnectorLookup, source: Source, cursor: string | null, env: ConnectorEnv): Promise<FetchResult> {
  // One call per kind keeps the source and its connector's type together.
  switch (source.kind) {
    case 'rss':
      return connectors.get('rss').fetch(source, cursor, env);
    case 'bluesky':
      return connectors.get('bluesky').fetch(source, cursor, env);
    case 'mastodon':
      return connectors.get('mastodon').fetch(source, cursor, env);
    case 'facebook':
      return connectors.get('facebook').fetch(source, cursor, env);
    case 'instagram':
      return connectors.get('instagram').fetch(source, cursor, env);
    case 'youtube':
      return connectors.get('youtube').fetch(source, cursor, env);
  }
}

export function createFetchProcessor(ctx: WorkerContext, connectors: ConnectorLookup) {
  return async function processFetch(job: Job<FetchJob>, token?: string): Promise<FetchOutcome | { ignored: string }> {
    const source = ctx.config().sources.find((s) => s.id === job.data.source);
    const log = ctx.log.child({ module: 'fetch', source: job.data.source, job: job.id });
    if (!source || source.kind === 'jetstream') {
      // The source was removed from the config after this job was scheduled (a stream source
      // is never fetched: it has its own consumer).
      log.info('bron staat niet meer in de configuratie; overgeslagen');
      return { ignored: 'unknown source' };
    }
    const limits = ctx.limits();
    // Longer than one request may take (its deadline), so a live fetch keeps it.
    const lease = await ctx.store.takeFetchLease(source.id, limits.timeoutMs * 3 + 30_000);
    if (!lease) {
      ctx.metrics.fetchSkipped.inc({ source: source.id, reason: 'busy' });
      log.info('vorige ophaalronde van deze bron loopt nog; deze ronde overgeslagen');
      return { ignored: 'busy' };
    }
    try {
      // A source that used up its daily quota waits for the reset: its ticks until then are
      // skipped, not queued up to run all at once at the reset.
      const stopped = await ctx.quota?.stopOf(source.id);
      if (stopped && stopped.until > Date.now()) {
        ctx.metrics.fetchSkipped.inc({ source: source.id, reason: 'quota' });
        log.info({ until: new Date(stopped.until).toISOString() }, 'dagelijks quotum op; deze ronde overgeslagen tot het weer aangevuld is');
        return { ignored: 'quota' };
      }
      const cursor = await ctx.store.getCursor(source.id);
      let result: FetchResult;
      try {
        const school = ctx.config().schools.find((s) => s.id === source.school)!;
        result = await read(connectors, source, cursor, { log, school, secrets: ctx.secrets, limits, maxItems: limits.maxItems, quota: ctx.quota });
      } catch (err) {
        // The connector stopped the source for the day (and said so once): the next ticks skip it.
        if (err instanceof RateLimitedError && (await ctx.quota?.stopOf(source.id))) {
          ctx.metrics.fetchSkipped.inc({ source: source.id, reason: 'quota' });
          return { ignored: 'quota' };
        }
        if (err instanceof RateLimitedError && token) {
          log.warn({ retryAfterMs: err.retryAfterMs }, 'platform vraagt om te wachten (429); deze bron wacht');
          await job.moveToDelayed(Date.now() + err.retryAfterMs, token);
          throw new DelayedError();
        }
        if (err instanceof UitkijkError && err.code === 'CONNECTOR_AUTH') {
          log.error({ code: err.code, reason: err.message }, 'toegang geweigerd; controleer het token of wachtwoord van deze bron');
          throw new UnrecoverableError(err.message);
        }
        throw err;
      }
      for (const s of result.skipped) log.warn({ item: s.id, reason: s.reason }, 'item overgeslagen');

      const byId = new Map<string, Item>();
      for (const item of result.items) if (!byId.has(item.id)) byId.set(item.id, item);
      const freshIds = byId.size ? await ctx.store.filterUnseen(source.id, [...byId.keys()]) : [];
      const fresh = freshIds.map((id) => byId.get(id)!);

      const batches: Item[][] = [];
      for (let i = 0; i < fresh.length; i += CLASSIFY_BATCH) batches.push(fresh.slice(i, i + CLASSIFY_BATCH));
      if (batches.length) {
        await ctx.queues.classify.addBulk(
          batches.map((items) => ({
            name: 'classify',
            data: { source: source.id, items },
            opts: {
              jobId: batchJobId(
                source.id,
                items.map((i) => i.id),
              ),
            },
          })),
        );
        await ctx.store.markPending(source.id, freshIds);
      }
      // Written even when unchanged: it expires after the retention, and a live source keeps it.
      await ctx.store.setCursor(source.id, result.cursor);
      ctx.metrics.itemsFetched.inc({ source: source.id, status: 'new' }, fresh.length);
      ctx.metrics.itemsFetched.inc({ source: source.id, status: 'seen' }, byId.size - fresh.length);
      const outcome = { fetched: result.items.length, fresh: fresh.length, skipped: result.skipped.length, batches: batches.length };
      log.info(outcome, 'opgehaald');
      return outcome;
    } finally {
      await ctx.store.releaseFetchLease(source.id, lease).catch(() => undefined);
    }
  };
}
