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

export interface AlertService {
  /** Sends the alert of this finding unless it was sent. Throws when the mail server fails. */
  send(findingId: string): Promise<AlertOutcome>;
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
  /** How long a sender holds the lease: longer than a send can take (mailer's SMTP time-outs). */
  leaseMs?: number;
}

/** Longer than the SMTP time-outs added up (alerts/mailer.ts), so a live sender keeps its lease. */
export const ALERT_LEASE_MS = 5 * 60_000;

const PROCESS_ID = `${hostname()}:${process.pid}`;

/** A school's link to the review page for one finding. */
export function reviewUrl(config: Config, findingId: string): string {
  return `${config.review.baseUrl.replace(/\/$/, '')}/review/${encodeURIComponent(findingId)}`;
}

export function createAlertService(opts: AlertServiceOptions): AlertService {
  const log = opts.log.child({ module: 'alerts' });
  const leaseMs = opts.leaseMs ?? ALERT_LEASE_MS;
  const { ledger, mailer, metrics } = opts;

  return {
    async send(findingId) {
      const finding = await opts.getFinding(findingId);
      if (!finding) return { state: 'gone' };
      const config = opts.config();
      const school = config.schools.find((s) => s.id === finding.item.school);
      if (!school) return { state: 'unknown-school', school: finding.item.school };
      if (school.alertRecipients.length === 0) return { state: 'no-recipients' };

      const token = `${PROCESS_ID}/${randomUUID()}`;
      const claim = await ledger.claimAlert(finding.id, token, leaseMs);
      if (claim.state === 'sent') return { state: 'already-sent' };
      if (claim.state === 'busy') return { state: 'busy', retryInMs: claim.retryInMs };

      // In outbox mode the file is the proof: a worker that died after writing it but before
      // recording the send has sent it, and writing it again would be the duplicate.
      if (await mailer.delivered(finding.id)) {
        await ledger.markAlertSent(finding.id, token);
        log.info({ finding: finding.id }, 'melding stond al in de outbox; als verstuurd genoteerd');
        return { state: 'already-sent' };
      }
      if (claim.again) {
        // The previous attempt ended without a verdict: its e-mail may have gone out already.
        metrics.alertResends.inc();
        log.warn({ finding: finding.id }, 'vorige verzendpoging eindigde zonder uitslag (proces gestopt); melding gaat opnieuw, mogelijk dubbel');
      }
      const rendered = renderAlert(finding, {
        schoolName: school.name,
        language: config.mail.language,
        timeZone: school.timezone,
        reviewUrl: reviewUrl(config, finding.id),
      });
      const from = config.mail.from;
      try {
        await mailer.send({
          key: finding.id,
          from: { name: 'uitkijk', address: from },
          to: [...school.alertRecipients],
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          messageId: messageIdFor('alert', finding.id, from),
        });
      } catch (err) {
        // Drop the lease so the retry may claim at once. A send given up on at shutdown may
        // have reached the server: its attempt record stays and the retry counts as a resend.
        const unknown = (err as { code?: string }).code === 'EABORT';
        await ledger.releaseAlert(finding.id, token, unknown).catch(() => undefined);
        const waiting = await ledger.markWaiting(finding.id).catch(() => undefined);
        log.warn(
          { finding: finding.id, waiting, code: (err as { code?: string }).code, reason: (err as Error).message },
          'melding kon niet verstuurd worden; wacht op de mailserver',
        );
        throw err;
      }
      // Straight after the server's acceptance, nothing in between: the window for a duplicate.
      await ledger.markAlertSent(finding.id, token);
      metrics.alertsSent.inc();
      return { state: 'sent' };
    },
    waiting: () => ledger.waiting(),
  };
}
