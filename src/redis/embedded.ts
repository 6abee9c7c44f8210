// The embedded default: with no REDIS_URL, uitkijk runs a private redis-server on a Unix
// socket in its data folder (append-only file there too) and stops it again on exit.

import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { UitkijkError } from '../errors.ts';

export interface EmbeddedRedis {
  /**
   * What to hand to `new Redis(url)` where REDIS_URL would go: ioredis reads a string that
   * starts with '/' as a socket path (it does not understand unix:// URLs).
   */
  url: string;
  socketPath: string;
  stop(): Promise<void>;
}

export interface EmbeddedRedisOptions {
  dataDir: string;
  log: Logger;
  /** The redis-server binary; found on PATH by default. */
  command?: string;
  /** How long to wait for the first PONG. */
  startTimeoutMs?: number;
}

export const REDIS_MISSING_MESSAGE = [
  'redis-server was not found on PATH. uitkijk needs Redis; without REDIS_URL it starts its own redis-server.',
  'Install it with one of:',
  '  Debian/Ubuntu: sudo apt-get install redis-server',
  '  macOS:         brew install redis',
  '  Docker:        docker compose up redis   and set REDIS_URL=redis://localhost:6379',
].join('\n');

// sun_path holds 108 bytes on Linux and 104 on macOS, including the final NUL.
const MAX_SOCKET_PATH = 100;

export function socketPathFor(dataDir: string): string {
  const inDataDir = join(resolve(dataDir), 'redis.sock');
  if (Buffer.byteLength(inDataDir) <= MAX_SOCKET_PATH) return inDataDir;
  // Stable per data folder, so a redis-server left behind by a crash is found again.
  const hash = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return join(tmpdir(), `uitkijk-redis-${hash}.sock`);
}

/** One PING over the socket; true on PONG. */
export function ping(socketPath: string, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(socketPath);
    let answer = '';
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      done(ok);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) finish(answer.startsWith('+PONG'));
    });
    socket.on('error', () => finish(false));
  });
}

export async function startEmbeddedRedis(opts: EmbeddedRedisOptions): Promise<EmbeddedRedis> {
  const log = opts.log.child({ module: 'redis' });
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const socketPath = socketPathFor(dataDir);
  const url = socketPath;

  // A redis-server of an earlier run that outlived its parent (kill -9) still owns the
  // append-only file; a second one on the same file would corrupt it, so use the first.
  if (await ping(socketPath, 500)) {
    log.warn({ socketPath }, 'a redis-server is already answering on the data folder socket; using it');
    return { url, socketPath, stop: async () => {} };
  }

  const args = [
    '--port', '0', // no TCP: only this machine's processes, through the socket
    '--unixsocket', socketPath,
    '--unixsocketperm', '700',
    '--dir', dataDir,
    '--appendonly', 'yes',
    '--daemonize', 'no',
    '--logfile', '', // to stdout, which we collect
  ];
  const child = spawn(opts.command ?? 'redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      output.push(line);
      if (output.length > 20) output.shift();
      log.debug({ redis: line }, 'redis-server');
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: NodeJS.ErrnoException }>(
    (done) => {
      child.once('error', (error: NodeJS.ErrnoException) => done({ code: null, signal: null, error }));
      child.once('exit', (code, signal) => done({ code, signal }));
    },
  );
  // If the parent exits without stop(), the server must not outlive it.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);

  try {
    await waitUntilReady(child, socketPath, exited, opts.startTimeoutMs ?? 15_000, output);
  } catch (err) {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    throw err;
  }
  log.info({ socketPath, dataDir, pid: child.pid }, 'embedded redis-server started');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGTERM makes redis flush the append-only file and exit cleanly.
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      log.info({ socketPath }, 'embedded redis-server stopped');
    })();
    return stopping;
  };
  return { url, socketPath, stop };
}

async function waitUntilReady(
  child: ChildProcess,
  socketPath: string,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: NodeJS.ErrnoException }>,
  timeoutMs: number,
  output: string[],
): Promise<void> {
  let gone: Awaited<typeof exited> | undefined;
  void exited.then((e) => (gone = e));
  const deadline = Date.now() + timeoutMs;
  let delay = 10;
  for (;;) {
    if (gone) {
      if (gone.error?.code === 'ENOENT') throw new UitkijkError('REDIS_MISSING', REDIS_MISSING_MESSAGE, { cause: gone.error });
      throw new UitkijkError(
        'REDIS_START_FAILED',
        `redis-server stopped while starting (${gone.error?.message ?? `exit code ${gone.code ?? gone.signal}`}). Its last lines:\n${output.join('\n')}`,
        { cause: gone.error },
      );
    }
    if (child.pid !== undefined && (await ping(socketPath, 500))) return;
    if (Date.now() > deadline) {
      throw new UitkijkError(
        'REDIS_START_FAILED',
        `redis-server did not answer on ${socketPath} within ${Math.round(timeoutMs / 1000)}s. Its last lines:\n${output.join('\n')}`,
      );
    }
    // Poll the socket: redis writes it only once it accepts connections.
    await new Promise<void>((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 200);
  }
}
