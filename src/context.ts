// The application context (STYLE habit 1): built once at start-up from the typed config and
// handed to every worker, route and command. No module-level singletons, so a test builds its
// own context against its own Redis. The config can be replaced (SIGHUP); everything derived
// from it reads it through `config()` at use, or is rebuilt in `setConfig`.

import type { ConnectionOptions } from 'bullmq';
import { join } from 'node:path';
import { createAlertService } from './alerts/service.ts';
import type { AlertService } from './alerts/service.ts';
import { createMailer } from './alerts/mailer.ts';
import type { Mailer } from './alerts/mailer.ts';
import type { Classifier } from './classify/index.ts';
import { fetchLimits } from './config/limits.ts';
import type { FetchLimits } from './config/limits.ts';
import type { Config } from './config/schema.ts';
import { createSecrets } from './config/secrets.ts';
import type { Secrets } from './config/secrets.ts';
import type { Logger } from './log.ts';
import { createMetrics } from './metrics.ts';
import type { Metrics } from './metrics.ts';
import { createQueues, QUEUE_NAMES } from './pipeline/queues.ts';
import type { AlertRetry, Queues } from './pipeline/queues.ts';
import { ALERT_RETRY } from './pipeline/queues.ts';
import type { PipelineStore, WorkerContext } from './pipeline/ports.ts';
import { redisTarget, watchRedis } from './redis/connect.ts';
import type { RedisClient, RedisTarget, RedisWatch } from './redis/connect.ts';
import { createCursorStore } from './store/cursor.ts';
import { createFindingStore } from './store/findings.ts';
import type { FindingStore } from './store/findings.ts';
import { createKeys } from './store/keys.ts';
import type { Keys } from './store/keys.ts';
import { createAlertLedger, createLease } from './store/scripts.ts';
import type { AlertLedger } from './store/scripts.ts';
import { createSeenStore } from './store/seen.ts';
import { createAuditLog } from './store/audit.ts';
import type { AuditLog } from './store/audit.ts';
import { createQuotaLedger } from './store/quota.ts';
import type { QuotaLedger } from './store/quota.ts';
import { createDecisions } from './review/decisions.ts';
import type { Decisions } from './review/decisions.ts';
import { renderEscalation } from './review/mails.ts';
import { signingSecret } from './review/secret.ts';
import { createSigner } from './review/tokens.ts';
import type { Signer } from './review/tokens.ts';
import { platformName, reasonLines } from './alerts/reasons.ts';
import { maskText } from './alerts/mask.ts';
import { createAlertRouter } from './alerts/routing.ts';
import { createBundleStore } from './store/bundles.ts';
import type { SeenStore } from './store/seen.ts';

export interface ContextOptions {
  config: Config;
  log: Logger;
  /** A redis:// or redis+cluster:// URL, or a Unix socket path (the embedded server). */
  redisUrl: string;
  dataDir: string;
  env?: Record<string, string | undefined>;
  /** Deployment name: the hash tag every key and queue shares. */
  deployment?: string;
  /**
   * How long a worker may take to send one alert before another may try (default 5 min). A
   * worker that dies mid-send blocks that alert this long; tests shorten it.
   */
  alertLeaseMs?: number;
  /** How alerts are retried while the mail server fails (tests shorten it). */
  alertRetry?: AlertRetry;
  /** How long a queued item is left alone before a fetch may queue it again (default a day). */
  pendingMs?: number;
  /** The web server's own address, for links when config review.baseUrl is not set. */
  webBaseUrl?: string;
}

export interface AppContext extends WorkerContext {
  setConfig(config: Config): void;
  keys: Keys;
  redis: RedisClient;
  redisTarget: RedisTarget;
  /** Whether Redis answers now, without a round trip (for /healthz and the metrics). */
  redisWatch: RedisWatch;
  /** Connection for BullMQ workers (they make their own blocking connections from it). */
  connection: ConnectionOptions;
  findings: FindingStore;
  ledger: AlertLedger;
  mailer: Mailer;
  alertRetry: AlertRetry;
  dataDir: string;
  outboxDir: string;
  /** The review page's public address: config review.baseUrl, else the web server's own. */
  baseUrl(): string;
  /** The address the web server listens on, once it does (links use it without review.baseUrl). */
  setWebBaseUrl(url: string): void;
  audit: AuditLog;
  quota: QuotaLedger;
  decisions: Decisions;
  signer: Signer;
  close(): Promise<void>;
}

const DAY_MS = 24 * 3600 * 1000;

export function createContext(opts: ContextOptions): AppContext {
  const env = opts.env ?? process.env;
  const log = opts.log;
  let config = opts.config;
  const keys = createKeys(opts.deployment ?? env.UITKIJK_DEPLOYMENT ?? 'uitkijk');
  const target = redisTarget(opts.redisUrl);
  const redis = target.client();
  const redisWatch = watchRedis(redis, log.child({ module: 'redis' }), target.where);
  const connection = target.bullmq();
  const queues: Queues = createQueues(connection, keys.prefix);
  for (const name of QUEUE_NAMES) queues[name].on('error', () => undefined); // reported by redisWatch
  const secrets: Secrets = createSecrets(env);

  const seenOf = (c: Config): SeenStore => createSeenStore(redis, { keys, retentionDays: c.retention.seenDays, pendingMs: opts.pendingMs });
  let seen = seenOf(config);
  const cursors = createCursorStore(redis, { keys, retentionMs: () => config.retention.seenDays * DAY_MS });
  let findings = createFindingStore(redis, { keys, retentionDays: config.retention.findingsDays });
  const ledger = createAlertLedger(redis, { keys, retentionMs: () => config.retention.findingsDays * DAY_MS });
  const fetchLease = createLease(redis, (source) => keys.fetchLease(source));
  const outboxDir = join(opts.dataDir, 'outbox');
  const mailer = createMailer({ smtpUrl: secrets.smtpUrl, outboxDir, log });
  const metrics: Metrics = createMetrics({
    // While Redis is away these would wait for it; the scrape gets the other metrics instead.
    queueDepth: async () => {
      const out: Record<string, Record<string, number>> = {};
      if (!redisWatch.ready()) return out;
      for (const name of QUEUE_NAMES) out[name] = await queues[name].getJobCounts('waiting', 'active', 'delayed', 'failed');
      return out;
    },
    alertsWaiting: async () => (redisWatch.ready() ? ledger.waiting() : { count: 0, oldestSince: null }),
    redisUp: () => redisWatch.ready(),
  });
  let webBaseUrl = opts.webBaseUrl;
  const baseUrl = () => (config.review.baseUrl ?? webBaseUrl ?? 'http://localhost:8080').replace(/\/$/, '');
  const audit = createAuditLog(redis, { keys, retentionDays: () => config.retention.auditDays });
  const quota = createQuotaLedger(redis, keys);
  const bundles = createBundleStore(redis, keys);
  const schoolName = (id: string) => config.schools.find((s) => s.id === id)?.name ?? id;
  const alerts: AlertService = createAlertService({
    config: () => config,
    getFinding: (id) => findings.getFinding(id),
    ledger,
    mailer,
    log,
    metrics,
    baseUrl,
    auditEntry: (school, id) => audit.get(school, id),
    renderEscalation: (finding, entry, link) =>
      renderEscalation(finding, entry, {
        schoolName: schoolName(finding.item.school),
        platformName: platformName(finding.item, 'nl'),
        reasons: reasonLines(finding, maskText(finding.item.text, finding.entities), 'nl'),
        link,
      }),
    bundles,
    leaseMs: opts.alertLeaseMs,
  });
  const router = createAlertRouter({ config: () => config, bundles, queue: queues.alert });
  const signer = createSigner(signingSecret(secrets.signingSecret, opts.dataDir).secret);
  const decisions = createDecisions({
    config: () => config,
    findings: () => findings,
    audit,
    // Through the alert queue, so the e-mail is retried until delivered and sent once.
    escalate: async (finding, entry) => {
      await queues.alert.add('escalation', { findingId: finding.id, escalation: entry.id }, { jobId: `escalation-${finding.id}-${entry.id}` });
    },
  });

  // One classifier per school (its own contacts are allowed), rebuilt when the config changes.
  // The classifier's module (its model and word lists) is imported at the first classification,
  // so a process that only fetches or serves the review page does not hold it.
  let classifiers = new Map<string, Classifier>();
  let classifierModule: Promise<typeof import('./classify/index.ts')> | null = null;
  const classifierFor = async (school: string): Promise<Classifier> => {
    const { createClassifier } = await (classifierModule ??= import('./classify/index.ts'));
    let c = classifiers.get(school);
    if (!c) {
      const s = config.schools.find((x) => x.id === school);
      c = createClassifier({ thresholds: config.thresholds, allowed: s?.allowedContacts ?? [] });
      classifiers.set(school, c);
    }
    return c;
  };
  let limits: FetchLimits = fetchLimits(config);

  const store: PipelineStore = {
    getCursor: (s) => cursors.getCursor(s),
    setCursor: (s, c) => cursors.setCursor(s, c),
    filterUnseen: (s, ids) => seen.filterUnseen(s, ids),
    markPending: (s, ids) => seen.markPending(s, ids),
    markSeen: (s, ids) => seen.markSeen(s, ids),
    saveFindings: async (f) => {
      await findings.saveFindings(f);
    },
    getFinding: (id) => findings.getFinding(id),
    takeFetchLease: (s, ms) => fetchLease.take(s, ms),
    releaseFetchLease: (s, token) => fetchLease.release(s, token),
  };

  return {
    config: () => config,
    setConfig(next) {
      config = next;
      classifiers = new Map();
      limits = fetchLimits(next);
      seen = seenOf(next);
      findings = createFindingStore(redis, { keys, retentionDays: next.retention.findingsDays });
    },
    classifier: classifierFor,
    limits: () => limits,
    log,
    queues,
    store,
    alerts,
    routeAlerts: async (findings) => {
      await router.route(findings);
    },
    metrics,
    secrets,
    quota,
    keys,
    redis,
    redisTarget: target,
    redisWatch,
    connection,
    get findings() {
      return findings;
    },
    ledger,
    mailer,
    alertRetry: opts.alertRetry ?? ALERT_RETRY,
    dataDir: opts.dataDir,
    outboxDir,
    baseUrl,
    setWebBaseUrl: (url) => (webBaseUrl = url),
    audit,
    decisions,
    signer,
    async close() {
      await queues.close();
      mailer.close();
      redisWatch.stop();
      await redis.quit().catch(() => redis.disconnect());
      if (target.kind === 'cluster') {
        const shared = connection as unknown as RedisClient;
        await shared.quit().catch(() => shared.disconnect());
      }
    },
  };
}
