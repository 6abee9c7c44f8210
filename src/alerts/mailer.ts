// Delivers e-mails: over SMTP when SMTP_URL is set, otherwise as `.eml` files in the outbox
// folder (nodemailer's stream transport), so a first run shows exactly what would go out. It
// knows nothing of findings or schools: alerts/service.ts renders the message and decides
// whether to send it. In outbox mode a message's file is the proof that it was sent: written
// beside and renamed into place, so it is either there whole or not at all.

import { randomUUID } from 'node:crypto';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type StreamTransport from 'nodemailer/lib/stream-transport';
import type { Logger } from 'pino';

export interface OutgoingMail {
  /** Names the outbox file, and goes in the X-Uitkijk-Finding header. */
  key: string;
  from: string | { name: string; address: string };
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers?: Record<string, string>;
}

export interface SendResult {
  messageId: string;
  /** The .eml file, when written to the outbox. */
  path?: string;
}

export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  /** In outbox mode: this message's file is there already (a send whose mark was lost). */
  delivered(key: string): Promise<boolean>;
  send(mail: OutgoingMail): Promise<SendResult>;
  /**
   * Gives up on every send under way (at shutdown, when they hang on a stalled server): each
   * rejects with code EABORT. Whether the server took such a message is not known.
   */
  abort(): void;
  close(): void;
}

export interface MailerOptions {
  /** smtp:// or smtps:// URL (from SMTP_URL); without it mail goes to `outboxDir`. */
  smtpUrl?: string;
  outboxDir: string;
  log: Logger;
}

// Shorter than nodemailer's defaults (2 and 10 minutes) and, added up, shorter than the
// alert lease, so a hanging server fails the send before another worker may take over.
export const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** The same Message-ID for every attempt at one message, so mail clients fold repeats. */
export function messageIdFor(kind: string, key: string, from: string): string {
  const domain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'uitkijk.invalid';
  return `<${kind}.${key}@${domain}>`;
}

export function outboxName(key: string): string {
  // Finding ids are base64url already; anything else must not escape the folder.
  const safe = /^[A-Za-z0-9_-]{1,160}$/.test(key) ? key : encodeURIComponent(key).slice(0, 160);
  // Bundles, digests, escalations and sign-in links carry their kind in the key; a bare key is an alert's.
  return /^(digest|escalation|login|bundle)-/.test(safe) ? `${safe}.eml` : `alert-${safe}.eml`;
}

export function createMailer(options: MailerOptions): Mailer {
  const log = options.log.child({ module: 'mail' });
  // nodemailer is loaded at the first message: a process that only fetches never holds it.
  let transports: Promise<{ smtp: Transporter<SMTPTransport.SentMessageInfo> | null; stream: Transporter<StreamTransport.SentMessageInfo> }> | null = null;
  const transport = () =>
    (transports ??= import('nodemailer').then(({ createTransport }) => ({
      smtp: options.smtpUrl ? createTransport({ url: options.smtpUrl, ...SMTP_TIMEOUTS }) : null,
      stream: createTransport({ streamTransport: true, buffer: true, newline: 'unix' }),
    })));
  const smtp = Boolean(options.smtpUrl);
  let aborter = new AbortController();
  const message = (mail: OutgoingMail) => ({
    signal: aborter.signal,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Uitkijk-Finding': mail.key, ...mail.headers },
  });

  return {
    kind: smtp ? 'smtp' : 'outbox',

    async delivered(key) {
      if (smtp) return false;
      try {
        await access(join(options.outboxDir, outboxName(key)));
        return true;
      } catch {
        return false;
      }
    },

    async send(mail) {
      const t = await transport();
      if (t.smtp) {
        const info = await t.smtp.sendMail(message(mail));
        log.info({ finding: mail.key, accepted: info.accepted.length, rejected: info.rejected.length }, 'melding per SMTP verstuurd');
        return { messageId: info.messageId };
      }
      const info = await t.stream.sendMail(message(mail));
      await mkdir(options.outboxDir, { recursive: true });
      const path = join(options.outboxDir, outboxName(mail.key));
      const partial = `${path}.${process.pid}.${randomUUID()}.part`;
      await writeFile(partial, info.message as Buffer);
      await rename(partial, path);
      log.info({ finding: mail.key, path }, 'melding in de outbox gezet');
      return { messageId: info.messageId, path };
    },

    abort() {
      aborter.abort(new Error('uitkijk stopt'));
      aborter = new AbortController();
    },

    close() {
      void transports?.then((t) => {
        t.smtp?.close();
        t.stream.close();
      });
    },
  };
}
