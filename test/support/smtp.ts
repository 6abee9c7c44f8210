// A real SMTP server (the smtp-server package) on 127.0.0.1 that keeps what it receives,
// for tests that follow an alert all the way to a mailbox.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export interface SmtpCapture {
  url: string;
  received: ReceivedMail[];
  /** Answer the next N messages with a temporary failure (451). */
  rejectNext(n: number): void;
  /**
   * Let the next `n` messages through, then leave MAIL FROM unanswered until `release()`: the
   * client waits with nothing delivered, as with a stalled mail server. A client that dies
   * meanwhile has delivered nothing.
   */
  holdAfter(n: number): void;
  release(): void;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<SmtpCapture> {
  const received: ReceivedMail[] = [];
  let reject = 0;
  let pass = Infinity;
  let held: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (pass <= 0) {
        held.push(() => callback());
        return;
      }
      pass--;
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (reject > 0) {
          reject--;
          callback(Object.assign(new Error('Tijdelijk niet beschikbaar'), { responseCode: 451 }));
          return;
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    rejectNext(n) {
      reject = n;
    },
    holdAfter(n) {
      pass = n;
    },
    release() {
      pass = Infinity;
      const waiting = held;
      held = [];
      for (const go of waiting) go();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
