// Prometheus metrics of one context (no global registry, so tests can build their own).
import { Counter, Gauge, Registry } from 'prom-client';

export interface MetricsSources {
  queueDepth?: () => Promise<Record<string, Record<string, number>>>;
  alertsWaiting?: () => Promise<{ count: number; oldestSince: number | null }>;
  redisUp?: () => boolean;
}

export interface Metrics {
  registry: Registry;
  /** Every item a connector returned, new or read again (`status`: new | seen). */
  itemsFetched: Counter<'source' | 'status'>;
  findings: Counter<'label'>;
  unreadable: Counter;
  alertsSent: Counter;
  /** Alerts sent again after an attempt whose outcome is unknown: possibly a duplicate e-mail. */
  alertResends: Counter;
  jobFailures: Counter<'queue'>;
  fetchSkipped: Counter<'source' | 'reason'>;
  queueDepth: Gauge<'queue' | 'state'>;
  alertsWaiting: Gauge;
  alertsWaitingSeconds: Gauge;
  /** The Jetstream consumer: connected (1/0), events by kind, matched posts, lag. */
  streamConnected: Gauge<'source'>;
  streamEvents: Counter<'source' | 'kind'>;
  streamMatched: Counter<'source'>;
  streamLagSeconds: Gauge<'source'>;
  redisUp: Gauge;
}

export function createMetrics(sources: MetricsSources = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    itemsFetched: new Counter({
      name: 'uitkijk_items_fetched_total',
      help: 'Items read from a source: status=new (not seen before) or seen (read again)',
      labelNames: ['source', 'status'],
      registers,
    }),
    findings: new Counter({ name: 'uitkijk_findings_total', help: 'Findings per label', labelNames: ['label'], registers }),
    unreadable: new Counter({
      name: 'uitkijk_items_unreadable_total',
      help: 'Items the classifier could not judge (alerted as "kon niet beoordelen")',
      registers,
    }),
    alertsSent: new Counter({ name: 'uitkijk_alerts_sent_total', help: 'Alert e-mails sent', registers }),
    alertResends: new Counter({
      name: 'uitkijk_alert_possible_resends_total',
      help: 'Alerts sent again after an attempt whose worker died mid-send (possibly a duplicate)',
      registers,
    }),
    jobFailures: new Counter({ name: 'uitkijk_job_failures_total', help: 'Failed job attempts per queue', labelNames: ['queue'], registers }),
    fetchSkipped: new Counter({
      name: 'uitkijk_fetch_skipped_total',
      help: 'Fetch runs skipped, per reason (busy: the previous fetch of the source still runs)',
      labelNames: ['source', 'reason'],
      registers,
    }),
    queueDepth: new Gauge({
      name: 'uitkijk_queue_depth',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        if (!sources.queueDepth) return;
        for (const [queue, states] of Object.entries(await sources.queueDepth())) {
          for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
        }
      },
    }),
    alertsWaiting: new Gauge({
      name: 'uitkijk_alerts_waiting_for_smtp',
      help: 'Alerts that could not be delivered yet and are retried until the mail server accepts them',
      registers,
      async collect() {
        if (sources.alertsWaiting) this.set((await sources.alertsWaiting()).count);
      },
    }),
    alertsWaitingSeconds: new Gauge({
      name: 'uitkijk_alerts_waiting_oldest_seconds',
      help: 'How long the oldest undelivered alert has been waiting for the mail server',
      registers,
      async collect() {
        if (!sources.alertsWaiting) return;
        const { oldestSince } = await sources.alertsWaiting();
        this.set(oldestSince === null ? 0 : Math.max(0, (Date.now() - oldestSince) / 1000));
      },
    }),
    streamConnected: new Gauge({
      name: 'uitkijk_stream_connected',
      help: '1 while this process holds the stream lease and is connected to Jetstream, else 0',
      labelNames: ['source'],
      registers,
    }),
    streamEvents: new Counter({
      name: 'uitkijk_stream_events_total',
      help: 'Jetstream events read, by kind (commit, identity, account, malformed)',
      labelNames: ['source', 'kind'],
      registers,
    }),
    streamMatched: new Counter({
      name: 'uitkijk_stream_matched_total',
      help: 'Posts that concern a school, before the AppView check',
      labelNames: ['source'],
      registers,
    }),
    streamLagSeconds: new Gauge({
      name: 'uitkijk_stream_lag_seconds',
      help: 'Now minus the time of the last Jetstream event read',
      labelNames: ['source'],
      registers,
    }),
    redisUp: new Gauge({
      name: 'uitkijk_redis_up',
      help: '1 when the connection to Redis is ready, 0 while it is lost',
      registers,
      collect() {
        if (sources.redisUp) this.set(sources.redisUp() ? 1 : 0);
      },
    }),
  };
}
