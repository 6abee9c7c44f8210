// Wires a context to BullMQ workers, the job schedulers and the web server. `uitkijk start`
// runs all of it; `uitkijk worker` and `uitkijk web` run parts (docs/architecture.md
// "Processes"). This lives in the CLI because only the CLI may join src, connectors and workers.
//
// Start-up order is chosen so that a start that cannot succeed fails before anything runs: the
// web port first (taken → a clear error), then the schedulers (a pattern BullMQ refuses → a
// clear error naming the source), then the workers.

import { Worker } from 'bullmq';
import type { Processor, WorkerOptions } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Config } from '../config/schema.ts';
import { sourceSchedules } from '../config/schedule.ts';
import { UitkijkError } from '../errors.ts';
import type { Lang } from '../i18n.ts';
import { syncSchedulers } from '../pipeline/scheduler.ts';
import type { SyncResult } from '../pipeline/scheduler.ts';
import { ALERT_BACKOFF, alertBackoffMs, QUEUE_NAMES } from '../pipeline/queues.ts';
import type { QueueName } from '../pipeline/queues.ts';
import { createWebServer } from '../web/server.ts';
import { randomUUID } from 'node:crypto';
import { platformName, reasonLines } from '../alerts/reasons.ts';
import { renderLoginLink } from '../review/mails.ts';
import { createFetchProcessor } from '../../workers/fetch.ts';
import type { ConnectorLookup } from '../../workers/fetch.ts';
import { createClassifyProcessor, rescueFailedBatches } from '../../workers/classify.ts';
import { createAlertProcessor } from '../../workers/alert.ts';
import { createDigestProcessor } from '../../workers/digest.ts';
import { jetstreamConsumerFor } from '../../connectors/jetstream.ts';
import type { JetstreamConsumer, JetstreamTiming } from '../../connectors/jetstream.ts';
import { syncDigestSchedulers } from '../digest/schedule.ts';

/** How often an alert may be returned by the stall check before BullMQ gives up on it. */
export const ALERT_MAX_STALLED = 1000;

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
  /** Worker slots per queue (defaults below). */
  concurrency?: Partial<Record<QueueName, number>>;
  /** How often failed classify batches are looked for (default a minute). */
  rescueEveryMs?: number;
  /** Overrides for tests: the stream consumers' lease, cursor and back-off times. */
  streamTiming?: Partial<JetstreamTiming>;
  lang?: Lang;
}

export interface Runtime {
  workers: Worker[];
  /** The stream consumers this process runs (each reads only while it holds its lease). */
  streams: () => JetstreamConsumer[];
  web: FastifyInstance | null;
  webUrl: string | null;
  /** Apply a new (already validated) config: schedulers, classifiers, retention. */
  applyConfig(config: Config): Promise<SyncResult | null>;
  /**
   * Stops taking work and waits up to `graceMs` for running jobs; jobs still running then are
   * left to BullMQ's stall check, which hands them to a worker after the restart.
   */
  close(graceMs?: number): Promise<void>;
}

// Fetching waits on the network, so it gets many slots; a source never takes more than one
// (workers/fetch.ts), so a few hanging sources cannot starve the others.
const CONCURRENCY: Record<QueueName, number> = { fetch: 16, classify: 1, alert: 4, digest: 1 };

const isConnectionError = (err: Error & { code?: string }) =>
  ['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN'].includes(err.code ?? '') ||
  /Connection is closed|connect E|Stream isn't writeable|CLUSTERDOWN|All connections/i.test(err.message);

function portInUse(host: string, port: number, lang: Lang): UitkijkError {
  return new UitkijkError(
    'PORT_IN_USE',
    lang === 'nl'
      ? `Poort ${port} op ${host} is al in gebruik (door een ander programma, of een uitkijk die al draait). Kies een andere poort met --port of PORT, bijvoorbeeld --port 8081.`
      : `Port ${port} on ${host} is already in use (by another program, or an uitkijk that is already running). Choose another port with --port or PORT, e.g. --port 8081.`,
  );
}

export async function startRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const { ctx } = opts;
  const lang = opts.lang ?? 'nl';
  const log = ctx.log.child({ module: 'runtime' });
  const queues = opts.queues ?? [...QUEUE_NAMES];

  let web: FastifyInstance | null = null;
  let webUrl: string | null = null;
  let streams: JetstreamConsumer[] = [];
  if (opts.web) {
    const expected = () =>
      opts.schedulers === false
        ? []
        : ctx
            .config()
            .sources.filter((s) => s.kind !== 'jetstream')
            .map((s) => s.id);
    web = createWebServer({
      metrics: ctx.metrics,
      metricsToken: ctx.secrets.metricsToken,
      health: {
        redis: () => ctx.redisWatch.ready(),
        schedulers: async () => (await ctx.queues.fetch.getJobSchedulers(0, -1)).map((s) => ({ source: s.key.replace(/^source:/, ''), next: s.next ?? null })),
        expectedSources: expected,
        alertsWaiting: () => ctx.alerts.waiting(),
        streams: () => streams.map((s) => s.status()),
        quotaStops: () => ctx.quota.stops(),
      },
      review: {
        config: () => ctx.config(),
        findings: () => ctx.findings,
        audit: ctx.audit,
        decisions: ctx.decisions,
        signer: ctx.signer,
        baseUrl: () => ctx.baseUrl(),
        log: ctx.log,
        platformName: (f) => platformName(f.item, 'nl'),
        reasons: (f, masked) => reasonLines(f, masked, 'nl'),
        sendLoginLink: async (email, url) => {
          const mail = renderLoginLink(url, ctx.config().review.linkDays);
          await ctx.alerts.sendOnce({ key: `login-${randomUUID()}`, kind: 'login', to: [email], ...mail });
        },
      },
    });
    try {
      webUrl = await web.listen({ host: opts.web.host, port: opts.web.port });
    } catch (err) {
      await web.close().catch(() => undefined);
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw portInUse(opts.web.host, opts.web.port, lang);
      if ((err as NodeJS.ErrnoException).code === 'EACCES') {
        throw new UitkijkError(
          'PORT_IN_USE',
          lang === 'nl'
            ? `Poort ${opts.web.port} mag dit proces niet openen (onder 1024 alleen als root); kies een andere met --port of PORT.`
            : `This process may not open port ${opts.web.port} (below 1024 only as root); choose another with --port or PORT.`,
        );
      }
      throw err;
    }
    ctx.setWebBaseUrl(webUrl);
    log.info({ url: webUrl, review: `${ctx.baseUrl()}/review` }, 'webserver luistert');
  }

  // Stream sources: every process that fetches runs a consumer; the lease lets one of them read.
  const syncStreams = async (config: Config) => {
    await Promise.all(streams.map((s) => s.stop()));
    streams = [];
    if (!queues.includes('fetch')) return;
    for (const source of config.sources) {
      if (source.kind !== 'jetstream') continue;
      const consumer = jetstreamConsumerFor(ctx, source.id, opts.streamTiming);
      consumer.start();
      streams.push(consumer);
    }
  };

  const applyConfig = async (config: Config): Promise<SyncResult | null> => {
    ctx.setConfig(config);
    await syncStreams(config);
    if (opts.schedulers === false) return null;
    const result = await syncSchedulers(ctx.queues.fetch, sourceSchedules(config), lang);
    const digests = await syncDigestSchedulers(ctx.queues.digest, config, lang);
    log.info({ upserted: result.upserted.length, removed: result.removed, digests: digests.upserted.length }, 'planning bijgewerkt');
    return result;
  };
  try {
    if (opts.schedulers !== false) await applyConfig(ctx.config());
  } catch (err) {
    await web?.close().catch(() => undefined);
    throw err;
  }

  const processors: Record<QueueName, Processor> = {
    fetch: createFetchProcessor(ctx, opts.connectors) as Processor,
    classify: createClassifyProcessor(ctx) as Processor,
    alert: createAlertProcessor(ctx) as Processor,
    digest: createDigestProcessor(ctx, opts.connectors) as Processor,
  };
  const workers = queues.map((name) => {
    const worker = new Worker(name, processors[name], {
      connection: ctx.connection,
      prefix: ctx.keys.prefix,
      concurrency: opts.concurrency?.[name] ?? CONCURRENCY[name],
      ...(name === 'alert' || name === 'digest'
        ? {
            settings: { backoffStrategy: (attemptsMade: number, type?: string) => (type === ALERT_BACKOFF ? alertBackoffMs(attemptsMade, ctx.alertRetry) : 0) },
          }
        : {}),
      ...opts.workerOptions,
      // An alert whose worker died under it (killed, out of memory) is returned by BullMQ's
      // stall check; past `maxStalledCount` BullMQ fails it for good, and the alert would be
      // lost. Its ledger keeps a resend from going out twice, so an alert may stall many times.
      ...(name === 'alert' ? { maxStalledCount: Math.max(opts.workerOptions?.maxStalledCount ?? 1, ALERT_MAX_STALLED) } : {}),
    });
    worker.on('failed', (job, err) => {
      ctx.metrics.jobFailures.inc({ queue: name });
      // The reason is ours or the platform's; it never holds a comment text.
      log.error({ queue: name, job: job?.id, attempt: job?.attemptsMade, code: (err as { code?: string }).code, reason: err.message }, 'taak mislukt');
      if (name === 'classify' && job && job.attemptsMade >= (job.opts.attempts ?? 1)) rescue();
    });
    // Lost connections are reported once by ctx.redisWatch, not once per retry here.
    worker.on('error', (err) => {
      if (!isConnectionError(err)) log.error({ queue: name, reason: err.message }, 'worker-fout');
    });
    return worker;
  });

  // Classify batches that failed for good are split or turned into "kijk zelf" alerts.
  let rescuing: Promise<unknown> | null = null;
  const rescue = () => {
    if (!queues.includes('classify') || rescuing || !ctx.redisWatch.ready()) return;
    rescuing = rescueFailedBatches(ctx)
      .catch((err: Error) => log.error({ reason: err.message }, 'mislukte beoordelingen oppakken mislukt'))
      .finally(() => (rescuing = null));
  };
  rescue();
  const rescueTimer = setInterval(rescue, opts.rescueEveryMs ?? 60_000);
  rescueTimer.unref();

  return {
    workers,
    streams: () => streams,
    web,
    webUrl,
    applyConfig,
    async close(graceMs = 5_000) {
      clearInterval(rescueTimer);
      await Promise.all(streams.map((s) => s.stop()));
      // Running jobs get `graceMs` to finish. A send still hanging on the mail server then is
      // given up on (its lease released, so it resumes at once after the restart); what is
      // still running after that is left to BullMQ's stall check, which returns it after the
      // restart.
      const graceful = Promise.all(workers.map((w) => w.close())).then(() => 'done' as const);
      const after = (ms: number) => new Promise<'late'>((r) => setTimeout(() => r('late'), ms).unref());
      if ((await Promise.race([graceful, after(graceMs)])) === 'late') {
        log.warn({ graceMs }, 'lopende taken niet op tijd klaar; verzenden afgebroken, ze worden na de herstart hervat');
        ctx.mailer.abort();
        if ((await Promise.race([graceful, after(1_500)])) === 'late') {
          await Promise.race([Promise.all(workers.map((w) => w.close(true))), after(1_000)]);
        }
      }
      await rescuing;
      await web?.close();
    },
  };
}
