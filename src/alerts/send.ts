// Sends alert e-mails: over SMTP when an SMTP URL is given, otherwise as `.eml` files in the
// outbox folder (nodemailer's stream transport), so a first run shows exactly what would go
// out. `sendAlertOnce` wraps a send in the Redis alert ledger (store/scripts.ts) so that each
// finding is e-mailed once, even when jobs are retried or workers race.

import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTransport } from 'nodemailer';
import type { Logger } from 'pino';
import type { Finding } from '../store/findings.ts';
import type { AlertLedger } from '../store/scripts.ts';
import { renderAlert } from './render.ts';
import type { RenderOptions } from './render.ts';

export interface MailerOptions {
  /** smtp:// or smtps:// URL (from SMTP_URL); without it mail goes to `outboxDir`. */
  smtpUrl?: string;
  outboxDir: string;
  from: string;
  log: Logger;
  /** The school's name, language, time zone and review link for a finding (read at send time). */
  renderOptions?: (finding: Finding) => RenderOptions;
}

export interface SendResult {
  messageId: string;
  /** The .eml file, when written to the outbox. */
  path?: string;
}

export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  send(finding: Finding, recipients: readonly string[]): Promise<SendResult>;
  close(): void;
}

// Shorter than nodemailer's defaults (2 and 10 minutes) and, added up, shorter than the
// alert lease, so a hanging server fails the send before another worker may take over.
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
/** How long a sender holds the alert lease: longer than a send can take (see SMTP_TIMEOUTS). */
export const ALERT_LEASE_MS = 5 * 60_000;

/** The same Message-ID for every attempt at one finding's alert, so clients can fold repeats. */
export function messageIdFor(findingId: string, from: string): string {
  const domain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'uitkijk.invalid';
  return `<alert.${findingId}@${domain}>`;
}

function outboxName(findingId: string): string {
  // Finding ids are base64url already; anything else must not escape the folder.
  const safe = /^[A-Za-z0-9_-]{1,100}$/.test(findingId) ? findingId : encodeURIComponent(findingId).slice(0, 100);
  return `alert-${safe}.eml`;
}

export function createMailer(options: MailerOptions): Mailer {
  const log = options.log.child({ module: 'mail' });
  const smtp = options.smtpUrl ? createTransport({ url: options.smtpUrl, ...SMTP_TIMEOUTS }) : null;
  const stream = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  // A bare address gets a name, so that the team recognises the sender in its inbox.
  const from = options.from.includes('<') ? options.from : { name: 'uitkijk', address: options.from };

  function message(finding: Finding, recipients: readonly string[]) {
    const rendered = renderAlert(finding, options.renderOptions?.(finding));
    return {
      from,
      to: [...recipients],
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: messageIdFor(finding.id, options.from),
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Uitkijk-Finding': finding.id },
    };
  }

  return {
    kind: smtp ? 'smtp' : 'outbox',

    async send(finding, recipients) {
      if (smtp) {
        const info = await smtp.sendMail(message(finding, recipients));
        log.info(
          { finding: finding.id, accepted: info.accepted.length, rejected: info.rejected.length },
          'melding per SMTP verstuurd',
        );
        return { messageId: info.messageId };
      }
      const info = await stream.sendMail(message(finding, recipients));
      await mkdir(options.outboxDir, { recursive: true });
      const path = join(options.outboxDir, outboxName(finding.id));
      // Written beside and renamed, so the outbox never shows half a message; a resend of the
      // same finding replaces its file rather than adding a second one.
      const partial = `${path}.${process.pid}.${randomUUID()}.part`;
      await writeFile(partial, info.message as Buffer);
      await rename(partial, path);
      log.info({ finding: finding.id, path }, 'melding in de outbox gezet');
      return { messageId: info.messageId, path };
    },

    close() {
      smtp?.close();
      stream.close();
    },
  };
}

export interface SendOnceOptions {
  /** Identifies this process in the lease (a random suffix makes each call distinct). */
  workerId?: string;
  leaseMs?: number;
  /** How often to look again while another worker holds the lease. */
  pollMs?: number;
}

const PROCESS_ID = `${hostname()}:${process.pid}`;

/**
 * Sends this finding's alert unless it was sent already; true when this call sent it.
 * While another worker holds the lease this waits: it ends either with that worker's send
 * recorded (false) or with the lease released or expired, and then claims it itself.
 * A failed send releases the lease and rethrows, so the job's retry sends it.
 */
export async function sendAlertOnce(
  ledger: AlertLedger,
  mailer: Mailer,
  finding: Finding,
  recipients: readonly string[],
  options: SendOnceOptions = {},
): Promise<boolean> {
  const token = `${options.workerId ?? PROCESS_ID}/${randomUUID()}`;
  const leaseMs = options.leaseMs ?? ALERT_LEASE_MS;
  const pollMs = options.pollMs ?? 500;
  for (;;) {
    const claim = await ledger.claimAlert(finding.id, token, leaseMs);
    if (claim.state === 'sent') return false;
    if (claim.state === 'busy') {
      // The lease has a TTL, so this loop ends by the time it runs out at the latest.
      await sleep(Math.max(5, Math.min(claim.retryInMs, pollMs)));
      continue;
    }
    try {
      await mailer.send(finding, recipients);
    } catch (err) {
      await ledger.releaseAlert(finding.id, token).catch(() => undefined);
      throw err;
    }
    // If this fails (Redis gone) the lease stays until it expires and a retry then resends:
    // the at-least-once window described in store/scripts.ts.
    await ledger.markAlertSent(finding.id, token);
    return true;
  }
}
