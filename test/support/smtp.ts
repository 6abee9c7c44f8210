// A real SMTP server (the smtp-server package) on 127.0.0.1 that keeps what it receives,
// for tests that follow an alert all the way to a mailbox. It can also fail the way mail
// servers do: refuse for a while (451), stall before accepting, be down altogether (nothing
// listening on its port), or take a message and never say so (the acceptance window).
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
  /** How many senders wait at MAIL FROM now. */
  held(): number;
  release(): void;
  /**
   * Keep the next message (it counts as received) but never answer its end of DATA: the
   * server has it, the client does not know. What a crash between acceptance and the sent
   * mark looks like from the client's side.
   */
  swallowNext(): void;
  /** How many messages were kept without an answer. */
  swallowed(): number;
  /** Stop listening (the port refuses connections) until `up()`. */
  down(): Promise<void>;
  /** Listen again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<SmtpCapture> {
  const received: ReceivedMail[] = [];
  let reject = 0;
  let pass = Infinity;
  let held: (() => void)[] = [];
  let swallow = 0;
  let swallowedCount = 0;
  let port = 0;
  const make = () =>
    new SMTPServer({
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
          if (swallow > 0) {
            swallow--;
            swallowedCount++;
            return; // no answer, ever
          }
          callback();
        });
      },
    });
  let server = make();
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      // Open client connections are cut too, as when the machine is gone.
      for (const connection of (server as unknown as { connections: Set<{ close(): void }> }).connections) connection.close();
      server.close(() => resolve());
    });
  await listen();
  port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    rejectNext(n) {
      reject = n;
    },
    holdAfter(n) {
      pass = n;
    },
    held: () => held.length,
    release() {
      pass = Infinity;
      const waiting = held;
      held = [];
      for (const go of waiting) go();
    },
    swallowNext() {
      swallow++;
    },
    swallowed: () => swallowedCount,
    down: stop,
    async up() {
      server = make();
      await listen();
    },
    close: stop,
  };
}
