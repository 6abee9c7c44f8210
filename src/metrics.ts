// Prometheus metrics of one context (no global registry, so tests can build their own).
import { Counter, Gauge, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  itemsFetched: Counter<'source'>;
  itemsNew: Counter<'source'>;
  findings: Counter<'label'>;
  alertsSent: Counter;
  jobFailures: Counter<'queue'>;
  queueDepth: Gauge<'queue' | 'state'>;
}

export function createMetrics(queueDepth?: () => Promise<Record<string, Record<string, number>>>): Metrics {
  const registry = new Registry();
  const m: Metrics = {
    registry,
    itemsFetched: new Counter({ name: 'uitkijk_items_fetched_total', help: 'Items fetched per source', labelNames: ['source'], registers: [registry] }),
    itemsNew: new Counter({ name: 'uitkijk_items_new_total', help: 'Items not seen before, queued for classification', labelNames: ['source'], registers: [registry] }),
    findings: new Counter({ name: 'uitkijk_findings_total', help: 'Findings per label', labelNames: ['label'], registers: [registry] }),
    alertsSent: new Counter({ name: 'uitkijk_alerts_sent_total', help: 'Alert e-mails sent', registers: [registry] }),
    jobFailures: new Counter({ name: 'uitkijk_job_failures_total', help: 'Failed job attempts per queue', labelNames: ['queue'], registers: [registry] }),
    queueDepth: new Gauge({
      name: 'uitkijk_queue_depth',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        if (!queueDepth) return;
        const depth = await queueDepth();
        for (const [queue, states] of Object.entries(depth)) {
          for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
        }
      },
    }),
  };
  return m;
}
