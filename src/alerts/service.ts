// The alerts service: one e-mail per alert-worthy finding to its school's communications team.
// It resolves the school once per send (recipients, name, time zone, review link) from the
// config in force, renders the message, and sends it exactly once through the Redis ledger
// (store/scripts.ts), whatever retries, restarts or racing workers do. It never waits for a
// lease another worker holds: it says how long to wait, and the job is delayed instead of a
// worker slot being held (so shutdown is never stuck behind it). A send that fails is noted as
// "waiting for the mail server" until it goes through.

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Config } from '../config/schema.ts';
import type { Finding } from '../finding.ts';
import type { Metrics } from '../metrics.ts';
import type { AuditEntry } from '../store/audit.ts';
import type { BundleStore } from '../store/bundles.ts';
import { renderBundle } from './bundle.ts';
import type { AlertLedger } from '../store/scripts.ts';
import type { Mailer } from './mailer.ts';
import { messageIdFor } from './mailer.ts';
import { renderAlert } from './render.ts';

export type AlertOutcome =
  | { state: 'sent' }
  | { state: 'already-sent' }
  /** Another worker holds the lease: try again after this long. */
  | { state: 'busy'; retryInMs: number }
  /** The finding expired or was never stored: nothing to send. */
  | { state: 'gone' }
  | { state: 'no-recipients' }
  | { state: 'unknown-school'; school: string };

/** One message to send exactly once: `key` names it in the ledger and the outbox. */
export interface OnceMail {
  key: string;
  /** Message-ID kind: alert, escalation, digest. */
  kind: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface AlertService {
  /** Sends the alert of this finding unless it was sent. Throws when the mail server fails. */
  send(findingId: string): Promise<AlertOutcome>;
  /** Sends a school's bundle of findings due at `at` (alerts/routing.ts), once. */
  sendBundle(school: string, at: number): Promise<AlertOutcome>;
  /** Sends the e-mail to school leadership for one escalation (an audit entry), once. */
  sendEscalation(findingId: string, entryId: string): Promise<AlertOutcome>;
  /**
   * Sends any message exactly once by its key (the digest uses it): the same ledger, lease and
   * outbox proof as an alert. Throws when the mail server fails.
   */
  sendOnce(mail: OnceMail): Promise<AlertOutcome>;
  /** Alerts that wait for the mail server, and since when the oldest waits. */
  waiting(): Promise<{ count: number; oldestSince: number | null }>;
}

export interface AlertServiceOptions {
  config: () => Config;
  getFinding: (id: string) => Promise<Finding | null>;
  ledger: AlertLedger;
  mailer: Mailer;
  log: Logger;
  metrics: Metrics;
  /** The review page's public address (config review.baseUrl, else the local web address). */
  baseUrl: () => string;
  /** Plain-Dutch reasons for the escalation e-mail. */
  renderEscalation?: (finding: Finding, entry: AuditEntry, link: string) => { subject: string; text: string; html: string };
  /** The audit entry an escalation e-mail is about. */
  auditEntry?: (school: string, entryId: string) => Promise<AuditEntry | null>;
  /** The bundles' state (store/bundles.ts); without it no bundle can be sent. */
  bundles?: BundleStore;
  /** How long a sender holds the lease: longer than a send can take (mailer's SMTP time-outs). */
  leaseMs?: number;
}

/** Longer than the SMTP time-outs added up (alerts/mailer.ts), so a live sender keeps its lease. */
export const ALERT_LEASE_MS = 5 * 60_000;

const PROCESS_ID = `${hostname()}:${process.pid}`;

/** The review page of one finding. */
export function reviewUrl(baseUrl: string, findingId: string): string {
  return `${baseUrl.replace(/\/$/, '')}/review/f/${encodeURIComponent(findingId)}`;
}

export function createAlertService(opts: AlertServiceOptions): AlertService {
  const log = opts.log.child({ module: 'alerts' });
  const leaseMs = opts.leaseMs ?? ALERT_LEASE_MS;
  const { ledger, mailer, metrics } = opts;

  async function sendOnce(mail: OnceMail): Promise<AlertOutcome> {
    const token = `${PROCESS_ID}/${randomUUID()}`;
    const claim = await ledger.claimAlert(mail.key, token, leaseMs);
    if (claim.state === 'sent') return { state: 'already-sent' };
    if (claim.state === 'busy') return { state: 'busy', retryInMs: claim.retryInMs };

    // In outbox mode the file is the proof: a worker that died after writing it but before
    // recording the send has sent it, and writing it again would be the duplicate.
    if (await mailer.delivered(mail.key)) {
      await ledger.markAlertSent(mail.key, token);
      log.info({ key: mail.key }, 'e-mail stond al in de outbox; als verstuurd genoteerd');
      return { state: 'already-sent' };
    }
    if (claim.again) {
      // The previous attempt ended without a verdict: its e-mail may have gone out already.
      metrics.alertResends.inc();
      log.warn({ key: mail.key }, 'vorige verzendpoging eindigde zonder uitslag (proces gestopt); e-mail gaat opnieuw, mogelijk dubbel');
    }
    const from = opts.config().mail.from;
    try {
      await mailer.send({
        key: mail.key,
        from: { name: 'uitkijk', address: from },
        to: [...mail.to],
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: messageIdFor(mail.kind, mail.key, from),
      });
    } catch (err) {
      // Drop the lease so the retry may claim at once. A send given up on at shutdown may
      // have reached the server: its attempt record stays and the retry counts as a resend.
      const unknown = (err as { code?: string }).code === 'EABORT';
      await ledger.releaseAlert(mail.key, token, unknown).catch(() => undefined);
      const waiting = await ledger.markWaiting(mail.key).catch(() => undefined);
      log.warn(
        { key: mail.key, waiting, code: (err as { code?: string }).code, reason: (err as Error).message },
        'e-mail kon niet verstuurd worden; wacht op de mailserver',
      );
      throw err;
    }
    // Straight after the server's acceptance, nothing in between: the window for a duplicate.
    await ledger.markAlertSent(mail.key, token);
    metrics.alertsSent.inc();
    return { state: 'sent' };
  }

  return {
    async send(findingId) {
      const finding = await opts.getFinding(findingId);
      if (!finding) return { state: 'gone' };
      const config = opts.config();
      const school = config.schools.find((s) => s.id === finding.item.school);
      if (!school) return { state: 'unknown-school', school: finding.item.school };
      if (school.alertRecipients.length === 0) return { state: 'no-recipients' };
      const rendered = renderAlert(finding, {
        schoolName: school.name,
        language: config.mail.language,
        timeZone: school.timezone,
        reviewUrl: reviewUrl(opts.baseUrl(), finding.id),
      });
      return sendOnce({ key: finding.id, kind: 'alert', to: school.alertRecipients, ...rendered });
    },

    async sendEscalation(findingId, entryId) {
      const finding = await opts.getFinding(findingId);
      if (!finding) return { state: 'gone' };
      const school = opts.config().schools.find((s) => s.id === finding.item.school);
      if (!school) return { state: 'unknown-school', school: finding.item.school };
      if (school.leadership.length === 0) return { state: 'no-recipients' };
      const entry = await opts.auditEntry?.(school.id, entryId);
      if (!entry || !opts.renderEscalation) return { state: 'gone' };
      const rendered = opts.renderEscalation(finding, entry, reviewUrl(opts.baseUrl(), finding.id));
      return sendOnce({ key: `escalation-${finding.id}-${entryId.replace(/[^0-9-]/g, '')}`, kind: 'escalation', to: school.leadership, ...rendered });
    },

    async sendBundle(schoolId, at) {
      const config = opts.config();
      const school = config.schools.find((s) => s.id === schoolId);
      if (!school) return { state: 'unknown-school', school: schoolId };
      if (!opts.bundles) return { state: 'gone' };
      const ttlMs = Math.max(24 * 3600_000, config.retention.findingsDays * 24 * 3600_000);
      // A retry finds the same findings moved aside ('again') and sends exactly those.
      if ((await opts.bundles.take(schoolId, at, Date.now(), ttlMs)) === 'empty') return { state: 'gone' };
      const ids = await opts.bundles.findings(schoolId, at);
      const findings = (await Promise.all(ids.map((id) => opts.getFinding(id)))).filter((f): f is Finding => f !== null);
      if (findings.length === 0 || school.alertRecipients.length === 0) {
        await opts.bundles.done(schoolId, at);
        return findings.length === 0 ? { state: 'gone' } : { state: 'no-recipients' };
      }
      const rendered = renderBundle(findings, {
        schoolName: school.name,
        language: config.mail.language,
        timeZone: school.timezone,
        baseUrl: opts.baseUrl(),
        stormThreshold: config.alerts.stormThreshold,
      });
      // A bundle of one is that finding's own alert, recorded as such in the ledger.
      const key = findings.length === 1 ? findings[0]!.id : `bundle-${schoolId}-${at}`;
      const outcome = await sendOnce({ key, kind: findings.length === 1 ? 'alert' : 'bundle', to: school.alertRecipients, ...rendered });
      if (outcome.state === 'sent' || outcome.state === 'already-sent') await opts.bundles.done(schoolId, at);
      if (outcome.state === 'sent') log.info({ school: schoolId, findings: findings.length }, 'bundel van meldingen verstuurd');
      return outcome;
    },

    sendOnce,
    waiting: () => ledger.waiting(),
  };
}
