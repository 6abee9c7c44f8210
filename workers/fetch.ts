// The fetch worker: one job per source per tick. It asks the connector for what is new since
// the stored cursor, keeps only items not seen before, queues them for classification in
// batches, and only then stores the seen ids and the new cursor — so a crash anywhere
// re-fetches rather than loses. A rate-limited source waits on its own; the queue goes on.

import { createHash } from 'node:crypto';
import { DelayedError, UnrecoverableError } from 'bullmq';
import type { Job } from 'bullmq';
import { RateLimitedError, UitkijkError } from '../src/errors.ts';
import type { Item } from '../src/item.ts';
import { CLASSIFY_BATCH } from '../src/pipeline/queues.ts';
import type { FetchJob } from '../src/pipeline/queues.ts';
import type { WorkerContext } from '../src/pipeline/ports.ts';
import type { Connector } from '../connectors/types.ts';

/** Finds the connector for a source's kind (connectors/registry.ts builds the real one). */
export interface ConnectorLookup {
  get(kind: string): Connector;
}

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

export function createFetchProcessor(ctx: WorkerContext, connectors: ConnectorLookup) {
  return async function processFetch(job: Job<FetchJob>, token?: string): Promise<FetchOutcome | { ignored: string }> {
    const source = ctx.config().sources.find((s) => s.id === job.data.source);
    const log = ctx.log.child({ module: 'fetch', source: job.data.source, job: job.id });
    if (!source) {
      // The source was removed from the config after this job was scheduled.
      log.info('bron staat niet meer in de configuratie; overgeslagen');
      return { ignored: 'unknown source' };
    }
    const connector = connectors.get(source.kind);
    const cursor = await ctx.store.getCursor(source.id);
    let result;
    try {
      result = await connector.fetch(source, cursor, { log, env: ctx.env });
    } catch (err) {
      if (err instanceof RateLimitedError && token) {
        log.warn({ retryAfterMs: err.retryAfterMs }, 'platform vraagt om te wachten (429); deze bron wacht');
        await job.moveToDelayed(Date.now() + err.retryAfterMs, token);
        throw new DelayedError();
      }
      if (err instanceof UitkijkError && err.code === 'CONNECTOR_AUTH') {
        log.error({ code: err.code }, 'inloggen mislukt; controleer het app-wachtwoord');
        throw new UnrecoverableError(err.message);
      }
      throw err;
    }
    for (const s of result.skipped) log.warn({ item: s.id, reason: s.reason }, 'item overgeslagen');
    ctx.metrics.itemsFetched.inc({ source: source.id }, result.items.length);

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
          opts: { jobId: batchJobId(source.id, items.map((i) => i.id)) },
        })),
      );
      await ctx.store.markSeen(source.id, freshIds);
    }
    if (result.cursor !== cursor) await ctx.store.setCursor(source.id, result.cursor);
    ctx.metrics.itemsNew.inc({ source: source.id }, fresh.length);
    const outcome = { fetched: result.items.length, fresh: fresh.length, skipped: result.skipped.length, batches: batches.length };
    log.info(outcome, 'opgehaald');
    return outcome;
  };
}
