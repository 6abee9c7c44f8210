// The HTTP side of uitkijk: /healthz, /metrics and the review page (src/review/plugin.ts, a
// Fastify plugin under /review). Built from the context's parts, listening on loopback by
// default, with security headers from @fastify/helmet on every answer.
// /healthz answers at once, also while Redis is away (503, without waiting for it); /metrics
// asks for a bearer token when UITKIJK_METRICS_TOKEN is set.

import { timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import { reviewPlugin } from '../review/plugin.ts';
import type { ReviewOptions } from '../review/plugin.ts';
import type { Metrics } from '../metrics.ts';

export interface HealthSource {
  /** Redis is connected and ready (no round trip). */
  redis(): boolean;
  /** The job schedulers in Redis, by source id, with their next run. */
  schedulers(): Promise<{ source: string; next: number | null }[]>;
  /** Source ids the config expects to be scheduled. */
  expectedSources(): string[];
  /** Alerts waiting for the mail server. */
  alertsWaiting(): Promise<{ count: number; oldestSince: number | null }>;
  /** The stream consumers of this process (Jetstream): role, connection, last event. */
  streams?(): { source: string; role: string; connected: boolean; lastEventUs: number | null }[];
  /** Sources that wait for their daily request budget (YouTube's quota). */
  quotaStops?(): Promise<{ source: string; until: number; reason: string }[]>;
}

export interface WebOptions {
  metrics: Metrics;
  health: HealthSource;
  /** When set, /metrics needs `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** How long a health check may wait on Redis. */
  checkTimeoutMs?: number;
  /** How long alerts may wait for the mail server before /healthz says 503 (default 5 min). */
  smtpGraceMs?: number;
  /** The review page; left out, /review is not served. */
  review?: ReviewOptions;
}

const within = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createWebServer(opts: WebOptions): FastifyInstance {
  const app = Fastify({ logger: false });
  const timeout = opts.checkTimeoutMs ?? 1_000;
  const https = () => opts.review?.baseUrl().startsWith('https:') ?? false;
  void app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'none'"],
        'style-src': ["'unsafe-inline'"],
        'img-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
        // Only behind https: on plain http (the local default) it would send forms to https.
        'upgrade-insecure-requests': https() ? [] : null,
      },
    },
    // The review page is served behind https in production; HSTS only then.
    hsts: https() ? { maxAge: 180 * 24 * 3600 } : false,
  });
  if (opts.review) void app.register(reviewPlugin, { ...opts.review, prefix: '/review' });

  app.get('/healthz', async (_req, reply) => {
    const redis = opts.health.redis();
    let schedulers: { source: string; next: number | null }[] = [];
    let waiting = { count: 0, oldestSince: null as number | null };
    let quotaStops: { source: string; until: number; reason: string }[] = [];
    let checked = redis;
    if (redis) {
      try {
        [schedulers, waiting, quotaStops] = await within(
          Promise.all([opts.health.schedulers(), opts.health.alertsWaiting(), opts.health.quotaStops?.() ?? []]),
          timeout,
        );
      } catch {
        checked = false;
      }
    }
    const scheduled = new Set(schedulers.map((s) => s.source));
    const missing = checked ? opts.health.expectedSources().filter((s) => !scheduled.has(s)) : [];
    // A mail server that has been failing for a while is something to act on; a blip is not.
    const smtpStuck = waiting.oldestSince !== null && Date.now() - waiting.oldestSince > (opts.smtpGraceMs ?? 5 * 60_000);
    const ok = redis && checked && missing.length === 0 && !smtpStuck;
    reply.code(ok ? 200 : 503);
    return {
      status: ok ? 'ok' : 'fout',
      redis: redis ? (checked ? 'ok' : 'traag') : 'onbereikbaar',
      schedulers: schedulers.map((s) => ({ source: s.source, next: s.next ? new Date(s.next).toISOString() : null })),
      missingSchedulers: missing,
      // Alerts that are retried until the mail server accepts them.
      smtp: waiting.count === 0 ? 'ok' : 'meldingen wachten',
      alertsWaitingForSmtp: waiting.count,
      ...(waiting.oldestSince !== null ? { alertsWaitingSince: new Date(waiting.oldestSince).toISOString() } : {}),
      // Only the lease holder reads; a standby process says so. Informational: a reconnect is normal.
      streams: (opts.health.streams?.() ?? []).map((s) => ({
        source: s.source,
        role: s.role === 'holder' ? 'leest' : s.role === 'standby' ? 'stand-by (een andere worker leest)' : 'gestopt',
        connected: s.connected,
        lagSeconds: s.lastEventUs === null ? null : Math.max(0, Math.round((Date.now() - s.lastEventUs / 1000) / 100) / 10),
      })),
      // Informational too: a source that used up its daily quota resumes by itself at the reset.
      sourcesWaitingForQuota: quotaStops.map((s) => ({ source: s.source, until: new Date(s.until).toISOString(), reason: s.reason })),
    };
  });

  app.get('/metrics', async (req, reply) => {
    if (opts.metricsToken) {
      const auth = req.headers.authorization ?? '';
      const given = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      if (!sameToken(given, opts.metricsToken)) {
        reply.code(401).header('www-authenticate', 'Bearer realm="uitkijk-metrics"');
        return { error: 'voor /metrics is een token nodig (Authorization: Bearer …)' };
      }
    }
    reply.header('content-type', opts.metrics.registry.contentType);
    return opts.metrics.registry.metrics();
  });

  return app;
}
