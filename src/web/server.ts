// The HTTP side of uitkijk: /healthz and /metrics now; the review page registers itself here
// as a Fastify plugin later. Built from the context's parts, listening on loopback by default.

import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics.ts';

export interface HealthSource {
  /** Redis answers PING. */
  redis(): Promise<boolean>;
  /** The job schedulers in Redis, by source id, with their next run. */
  schedulers(): Promise<{ source: string; next: number | null }[]>;
  /** Source ids the config expects to be scheduled. */
  expectedSources(): string[];
}

export interface WebOptions {
  metrics: Metrics;
  health: HealthSource;
}

export function createWebServer(opts: WebOptions): FastifyInstance {
  const app = Fastify({ logger: false });

  app.get('/healthz', async (_req, reply) => {
    let redis = false;
    try {
      redis = await opts.health.redis();
    } catch {
      redis = false;
    }
    let schedulers: { source: string; next: number | null }[] = [];
    try {
      schedulers = redis ? await opts.health.schedulers() : [];
    } catch {
      schedulers = [];
    }
    const scheduled = new Set(schedulers.map((s) => s.source));
    const missing = opts.health.expectedSources().filter((s) => !scheduled.has(s));
    const ok = redis && missing.length === 0;
    reply.code(ok ? 200 : 503);
    return {
      status: ok ? 'ok' : 'fout',
      redis: redis ? 'ok' : 'onbereikbaar',
      schedulers: schedulers.map((s) => ({ source: s.source, next: s.next ? new Date(s.next).toISOString() : null })),
      missingSchedulers: missing,
    };
  });

  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', opts.metrics.registry.contentType);
    return opts.metrics.registry.metrics();
  });

  return app;
}
