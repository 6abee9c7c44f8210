// The application context (STYLE habit 1): built once at start-up from the typed config and
// handed to every worker, route and command. No module-level singletons, so a test builds its
// own context against its own Redis. The config can be replaced (SIGHUP); everything that
// depends on it reads it through `config()` or is rebuilt in `setConfig`.

import type { ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { RedisOptions } from 'ioredis';
import { join } from 'node:path';
import { createClassifier } from './classify/index.ts';
import type { Classifier } from './classify/index.ts';
import type { Config } from './config/schema.ts';
import type { Logger } from './log.ts';
import { createMetrics } from './metrics.ts';
import type { Metrics } from './metrics.ts';
import { createQueues, QUEUE_NAMES } from './pipeline/queues.ts';
import type { Queues } from './pipeline/queues.ts';
import type { PipelineStore, WorkerContext } from './pipeline/ports.ts';
import { createCursorStore } from './store/cursor.ts';
import { createFindingStore } from './store/findings.ts';
import type { FindingStore } from './store/findings.ts';
import { createKeys } from './store/keys.ts';
import type { Keys } from './store/keys.ts';
import { createAlertLedger } from './store/scripts.ts';
import type { AlertLedger } from './store/scripts.ts';
import { createSeenStore } from './store/seen.ts';
import { createMailer, sendAlertOnce } from './alerts/send.ts';
import type { Mailer } from './alerts/send.ts';

export interface ContextOptions {
  config: Config;
  log: Logger;
  /** A redis:// URL, or a Unix socket path (the embedded server). */
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
}

export interface AppContext extends WorkerContext {
  setConfig(config: Config): void;
  keys: Keys;
  redis: Redis;
  /** Connection options for BullMQ workers (they need their own blocking connection). */
  connection: RedisOptions;
  findings: FindingStore;
  ledger: AlertLedger;
  mailer: Mailer;
  dataDir: string;
  outboxDir: string;
  close(): Promise<void>;
}

/** ioredis options from REDIS_URL or a socket path. */
export function redisOptions(url: string): RedisOptions {
  const base: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: true };
  if (url.startsWith('/')) return { ...base, path: url };
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new Error(`REDIS_URL moet met redis:// of rediss:// beginnen (of een socketpad zijn), niet '${u.protocol}'`);
  }
  return {
    ...base,
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

export function createContext(opts: ContextOptions): AppContext {
  const env = opts.env ?? process.env;
  const log = opts.log;
  let config = opts.config;
  const keys = createKeys(opts.deployment ?? env.UITKIJK_DEPLOYMENT ?? 'uitkijk');
  const connection = redisOptions(opts.redisUrl);
  const redis = new Redis(connection);
  // BullMQ declares its own (looser) copy of ioredis's options type; they describe the same object.
  const queues: Queues = createQueues(connection as ConnectionOptions, keys.prefix);

  let seen = createSeenStore(redis, { keys, retentionDays: config.retention.seenDays });
  const cursors = createCursorStore(redis, { keys });
  let findings = createFindingStore(redis, { keys, retentionDays: config.retention.findingsDays });
  const ledger = createAlertLedger(redis, { keys, retentionMs: config.retention.findingsDays * 24 * 3600 * 1000 });
  const outboxDir = join(opts.dataDir, 'outbox');
  const mailer = createMailer({
    smtpUrl: env.SMTP_URL || undefined,
    outboxDir,
    from: config.mail.from,
    log,
    renderOptions: (finding) => {
      const school = config.schools.find((s) => s.id === finding.item.school);
      return {
        schoolName: school?.name,
        language: config.mail.language,
        timeZone: school?.timezone,
        reviewUrl: `${config.review.baseUrl.replace(/\/$/, '')}/review/${encodeURIComponent(finding.id)}`,
      };
    },
  });

  // One classifier per school (its own contacts are allowed), rebuilt when the config changes.
  let classifiers = new Map<string, Classifier>();
  const classifierFor = (school: string): Classifier => {
    let c = classifiers.get(school);
    if (!c) {
      const s = config.schools.find((x) => x.id === school);
      c = createClassifier({ thresholds: config.thresholds, allowed: s?.allowedContacts ?? [] });
      classifiers.set(school, c);
    }
    return c;
  };

  const metrics: Metrics = createMetrics(async () => {
    const out: Record<string, Record<string, number>> = {};
    for (const name of QUEUE_NAMES) {
      out[name] = await queues[name].getJobCounts('waiting', 'active', 'delayed', 'failed');
    }
    return out;
  });

  const store: PipelineStore = {
    getCursor: (s) => cursors.getCursor(s),
    setCursor: (s, c) => cursors.setCursor(s, c),
    filterUnseen: (s, ids) => seen.filterUnseen(s, ids),
    markSeen: (s, ids) => seen.markSeen(s, ids),
    saveFindings: async (f) => {
      await findings.saveFindings(f);
    },
    getFinding: (id) => findings.getFinding(id),
    sendAlertOnce: (finding, recipients) => sendAlertOnce(ledger, mailer, finding, recipients, opts.alertLeaseMs ? { leaseMs: opts.alertLeaseMs } : {}),
  };

  return {
    config: () => config,
    setConfig(next) {
      config = next;
      classifiers = new Map();
      seen = createSeenStore(redis, { keys, retentionDays: config.retention.seenDays });
      findings = createFindingStore(redis, { keys, retentionDays: config.retention.findingsDays });
    },
    classifier: classifierFor,
    log,
    queues,
    store,
    metrics,
    env,
    keys,
    redis,
    connection,
    get findings() {
      return findings;
    },
    ledger,
    mailer,
    dataDir: opts.dataDir,
    outboxDir,
    async close() {
      await queues.close();
      mailer.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
