// The web server's own behaviour: /healthz answers at once also when Redis is away or slow
// (503, never a hang), says when alerts wait for the mail server, and /metrics asks for a
// bearer token when one is set. docker-compose publishes nothing beyond the host's loopback.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createMetrics } from '../../src/metrics.ts';
import { createWebServer } from '../../src/web/server.ts';
import type { HealthSource } from '../../src/web/server.ts';

const never = <T>() => new Promise<T>(() => undefined);

function health(over: Partial<HealthSource> = {}): HealthSource {
  return {
    redis: () => true,
    schedulers: async () => [{ source: 'blog', next: Date.now() + 60_000 }],
    expectedSources: () => ['blog'],
    alertsWaiting: async () => ({ count: 0, oldestSince: null }),
    ...over,
  };
}

describe('/healthz', () => {
  it('is 200 when Redis answers and every source is scheduled', async () => {
    const app = createWebServer({ metrics: createMetrics(), health: health() });
    const res = await app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', redis: 'ok', smtp: 'ok', alertsWaitingForSmtp: 0, missingSchedulers: [] });
  });

  it('says whether this process reads the Jetstream stream, and how far behind it is', async () => {
    const lastEventUs = (Date.now() - 2_000) * 1000;
    const streams = () => [{ source: 'stream', role: 'holder', connected: true, lastEventUs }];
    const res = await createWebServer({ metrics: createMetrics(), health: health({ streams }) }).inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    const [s] = res.json<{ streams: { source: string; role: string; connected: boolean; lagSeconds: number }[] }>().streams;
    expect(s).toMatchObject({ source: 'stream', role: 'leest', connected: true });
    expect(s!.lagSeconds).toBeGreaterThanOrEqual(2);
    expect(s!.lagSeconds).toBeLessThan(60);
  });

  it('is 503 at once when Redis is away, without asking it anything', async () => {
    const app = createWebServer({ metrics: createMetrics(), health: health({ redis: () => false, schedulers: never, alertsWaiting: never }) });
    const res = await app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'fout', redis: 'onbereikbaar' });
  });

  it('is 503 when Redis is connected but does not answer in time', async () => {
    const app = createWebServer({ metrics: createMetrics(), health: health({ schedulers: never }), checkTimeoutMs: 50 });
    const res = await app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ redis: 'traag' });
  });

  it('says how many alerts wait for the mail server, and is 503 once they have waited too long', async () => {
    const since = Date.now() - 10 * 60_000;
    const app = createWebServer({
      metrics: createMetrics(),
      health: health({ alertsWaiting: async () => ({ count: 3, oldestSince: since }) }),
      smtpGraceMs: 5 * 60_000,
    });
    const res = await app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ smtp: 'meldingen wachten', alertsWaitingForSmtp: 3, alertsWaitingSince: new Date(since).toISOString() });
    const fresh = createWebServer({ metrics: createMetrics(), health: health({ alertsWaiting: async () => ({ count: 1, oldestSince: Date.now() }) }) });
    expect((await fresh.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('/metrics', () => {
  it('is open without a token, and asks for the bearer token when one is set', async () => {
    const open = createWebServer({ metrics: createMetrics(), health: health() });
    expect((await open.inject({ url: '/metrics' })).statusCode).toBe(200);
    const guarded = createWebServer({ metrics: createMetrics(), health: health(), metricsToken: 'geheim-token-123' });
    const none = await guarded.inject({ url: '/metrics' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect((await guarded.inject({ url: '/metrics', headers: { authorization: 'Bearer fout' } })).statusCode).toBe(401);
    const ok = await guarded.inject({ url: '/metrics', headers: { authorization: 'Bearer geheim-token-123' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toMatch(/# TYPE uitkijk_alerts_sent_total counter/);
  });
});

describe('docker-compose.yml', () => {
  it('publishes every port on 127.0.0.1 only', () => {
    const compose = parse(readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8')) as { services: Record<string, { ports?: string[] }> };
    const published = Object.values(compose.services).flatMap((s) => s.ports ?? []);
    expect(published.length).toBeGreaterThan(0);
    for (const p of published) expect(p).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
  });
});
