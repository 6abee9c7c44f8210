// Wires a context to BullMQ workers, the job schedulers and the web server. `uitkijk start`
// runs all of it; `uitkijk worker` and `uitkijk web` run parts (DESIGN.md "Processes").
// This lives in the CLI because only the CLI may join src, connectors and workers.

import { Worker } from 'bullmq';
import type { ConnectionOptions, Processor, WorkerOptions } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Config } from '../config/schema.ts';
import { sourceSchedules } from '../config/schedule.ts';
import { syncSchedulers } from '../pipeline/scheduler.ts';
import type { SyncResult } from '../pipeline/scheduler.ts';
import type { QueueName } from '../pipeline/queues.ts';
import { createWebServer } from '../web/server.ts';
import { createFetchProcessor } from '../../workers/fetch.ts';
import type { ConnectorLookup } from '../../workers/fetch.ts';
import { createClassifyProcessor } from '../../workers/classify.ts';
import { createAlertProcessor } from '../../workers/alert.ts';

export interface RuntimeOptions {
  ctx: AppContext;
  connectors: ConnectorLookup;
  /** Which queues this process works on (default: all). */
  queues?: QueueName[];
  /** Keep the job schedulers in step with the config (default: true). */
  schedulers?: boolean;
  /** Serve /healthz and /metrics (and later the review page); false to skip. */
  web?: { host: string; port: number } | false;
  /** Overrides for tests: short lock and stall intervals. */
  workerOptions?: Partial<WorkerOptions>;
}

export interface Runtime {
  workers: Worker[];
  web: FastifyInstance | null;
  webUrl: string | null;
  /** Apply a new (already validated) config: schedulers, classifiers, retention. */
  applyConfig(config: Config): Promise<SyncResult | null>;
  close(): Promise<void>;
}

const CONCURRENCY: Record<QueueName, number> = { fetch: 4, classify: 1, alert: 2 };

export async function startRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const { ctx } = opts;
  const log = ctx.log.child({ module: 'runtime' });
  const queues = opts.queues ?? ['fetch', 'classify', 'alert'];
  const processors: Record<QueueName, Processor> = {
    fetch: createFetchProcessor(ctx, opts.connectors) as Processor,
    classify: createClassifyProcessor(ctx) as Processor,
    alert: createAlertProcessor(ctx) as Processor,
  };

  const workers = queues.map((name) => {
    const worker = new Worker(name, processors[name], {
      connection: ctx.connection as ConnectionOptions,
      prefix: ctx.keys.prefix,
      concurrency: CONCURRENCY[name],
      ...opts.workerOptions,
    });
    worker.on('failed', (job, err) => {
      ctx.metrics.jobFailures.inc({ queue: name });
      // The reason is ours or the platform's; it never holds a comment text.
      log.error({ queue: name, job: job?.id, attempt: job?.attemptsMade, code: (err as { code?: string }).code, reason: err.message }, 'taak mislukt');
    });
    worker.on('error', (err) => log.error({ queue: name, reason: err.message }, 'worker-fout'));
    return worker;
  });

  const applyConfig = async (config: Config): Promise<SyncResult | null> => {
    ctx.setConfig(config);
    if (opts.schedulers === false) return null;
    const result = await syncSchedulers(ctx.queues.fetch, sourceSchedules(config));
    log.info({ upserted: result.upserted.length, removed: result.removed }, 'planning bijgewerkt');
    return result;
  };
  if (opts.schedulers !== false) await applyConfig(ctx.config());

  let web: FastifyInstance | null = null;
  let webUrl: string | null = null;
  if (opts.web) {
    web = createWebServer({
      metrics: ctx.metrics,
      health: {
        redis: async () => (await ctx.redis.ping()) === 'PONG',
        schedulers: async () =>
          (await ctx.queues.fetch.getJobSchedulers(0, -1)).map((s) => ({
            source: s.key.replace(/^source:/, ''),
            next: s.next ?? null,
          })),
        expectedSources: () => (opts.schedulers === false ? [] : ctx.config().sources.map((s) => s.id)),
      },
    });
    webUrl = await web.listen({ host: opts.web.host, port: opts.web.port });
    log.info({ url: webUrl }, 'webserver luistert');
  }

  return {
    workers,
    web,
    webUrl,
    applyConfig,
    async close() {
      // Running jobs finish first (Worker.close waits for them); then the web server and Redis.
      await Promise.all(workers.map((w) => w.close()));
      await web?.close();
    },
  };
}
