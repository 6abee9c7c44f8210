// The embedded default: with no REDIS_URL, uitkijk runs a private redis-server on a Unix
// socket in its data folder (append-only file there too), watches it, and stops it again on
// exit. One process owns a data folder at a time (a lock file with its pid). A server left
// running by a process that was killed is stopped cleanly and replaced by one of our own, so
// it is never reused unwatched nor left behind. A server that dies while we run is restarted
// from its append-only file a few times; after that the owner is told (`onGiveUp`) so that it
// can stop with a clear message instead of running on without a store.

import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { UitkijkError } from '../errors.ts';
import type { Lang } from '../i18n.ts';

export interface EmbeddedRedis {
  /**
   * What to hand to `new Redis(url)` where REDIS_URL would go: ioredis reads a string that
   * starts with '/' as a socket path (it does not understand unix:// URLs).
   */
  url: string;
  socketPath: string;
  /** The server's pid now (it changes when the server is restarted). */
  pid(): number | undefined;
  /** How often the server was restarted after dying. */
  restarts(): number;
  stop(): Promise<void>;
}

export interface EmbeddedRedisOptions {
  dataDir: string;
  log: Logger;
  lang?: Lang;
  /** The redis-server binary; found on PATH by default. */
  command?: string;
  /** How long to wait for the first PONG. */
  startTimeoutMs?: number;
  /** How many restarts within `restartWindowMs` before giving up (default 3 in a minute). */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** Called once when the server keeps dying and is given up on. */
  onGiveUp?: (err: UitkijkError) => void;
}

export function redisMissingMessage(lang: Lang = 'nl'): string {
  return lang === 'nl'
    ? [
        'redis-server staat niet op het PATH. uitkijk heeft Redis nodig; zonder REDIS_URL start het een eigen redis-server.',
        'Installeer het met een van:',
        '  Debian/Ubuntu: sudo apt-get install redis-server',
        '  macOS:         brew install redis',
        '  Docker:        docker compose up redis   en zet REDIS_URL=redis://localhost:6379',
      ].join('\n')
    : [
        'redis-server was not found on PATH. uitkijk needs Redis; without REDIS_URL it starts its own redis-server.',
        'Install it with one of:',
        '  Debian/Ubuntu: sudo apt-get install redis-server',
        '  macOS:         brew install redis',
        '  Docker:        docker compose up redis   and set REDIS_URL=redis://localhost:6379',
      ].join('\n');
}

// sun_path holds 108 bytes on Linux and 104 on macOS, including the final NUL.
const MAX_SOCKET_PATH = 100;

export function socketPathFor(dataDir: string): string {
  const inDataDir = join(resolve(dataDir), 'redis.sock');
  if (Buffer.byteLength(inDataDir) <= MAX_SOCKET_PATH) return inDataDir;
  // Stable per data folder, so a redis-server left behind by a crash is found again.
  const hash = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return join(tmpdir(), `uitkijk-redis-${hash}.sock`);
}

/** One inline command over the socket; the first reply line, or null. */
function command(socketPath: string, line: string, timeoutMs = 1_000): Promise<string | null> {
  return new Promise((done) => {
    const socket = connect(socketPath);
    let answer = '';
    const finish = (reply: string | null) => {
      clearTimeout(timer);
      socket.destroy();
      done(reply);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    socket.on('connect', () => socket.write(`${line}\r\n`));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      // A bulk reply ($n) is complete once n bytes follow its header line.
      const m = /^\$(\d+)\r\n/.exec(answer);
      if (m ? answer.length >= m[0].length + Number(m[1]) : answer.includes('\r\n')) finish(answer);
    });
    socket.on('close', () => finish(answer || null));
    socket.on('error', () => finish(null));
  });
}

/** One PING over the socket; true on PONG. */
export async function ping(socketPath: string, timeoutMs = 1_000): Promise<boolean> {
  return (await command(socketPath, 'PING', timeoutMs))?.startsWith('+PONG') ?? false;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * The data folder's lock: a file with the owner's pid. A lock whose pid is gone is stale and
 * taken over. Returns the release function.
 */
function lockDataDir(dataDir: string, lang: Lang): () => void {
  const path = join(dataDir, 'uitkijk.lock');
  const token = `${process.pid} ${randomUUID()}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, token, { flag: 'wx', mode: 0o600 });
      return () => {
        try {
          if (readFileSync(path, 'utf8') === token) rmSync(path, { force: true });
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(path, 'utf8').split(' ')[0]);
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new UitkijkError(
          'REDIS_IN_USE',
          lang === 'nl'
            ? `De datamap ${dataDir} is in gebruik door een ander uitkijk-proces (pid ${pid}). Stop dat eerst, of kies een andere map met --data-dir of UITKIJK_DATA_DIR.`
            : `The data folder ${dataDir} is in use by another uitkijk process (pid ${pid}). Stop that first, or choose another folder with --data-dir or UITKIJK_DATA_DIR.`,
        );
      }
      rmSync(path, { force: true }); // stale: its owner is gone
    }
  }
  throw new UitkijkError('REDIS_IN_USE', `cannot lock ${dataDir}`);
}

/** Stops a redis-server nobody owns any more: SHUTDOWN (it writes its AOF), else SIGKILL. */
async function stopOrphan(socketPath: string, log: Logger): Promise<void> {
  const info = await command(socketPath, 'INFO server');
  const pid = Number(/process_id:(\d+)/.exec(info ?? '')?.[1]);
  await command(socketPath, 'SHUTDOWN', 5_000);
  const deadline = Date.now() + 10_000;
  while (await ping(socketPath, 300)) {
    if (Date.now() > deadline) {
      if (pid > 0) process.kill(pid, 'SIGKILL');
      break;
    }
    await sleep(100);
  }
  log.warn({ pid: pid || undefined, socketPath }, 'achtergebleven redis-server van een eerder proces gestopt; een eigen server neemt het over');
}

type Exit = { code: number | null; signal: NodeJS.Signals | null; error?: NodeJS.ErrnoException };

export async function startEmbeddedRedis(opts: EmbeddedRedisOptions): Promise<EmbeddedRedis> {
  const log = opts.log.child({ module: 'redis' });
  const lang = opts.lang ?? 'nl';
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const socketPath = socketPathFor(dataDir);
  const unlock = lockDataDir(dataDir, lang);

  try {
    // The lock was free, so a server answering here belongs to a process that was killed.
    if (await ping(socketPath, 500)) await stopOrphan(socketPath, log);
  } catch (err) {
    unlock();
    throw err;
  }

  const args = [
    '--port',
    '0', // no TCP: only this machine's processes, through the socket
    '--unixsocket',
    socketPath,
    '--unixsocketperm',
    '700',
    '--dir',
    dataDir,
    '--appendonly',
    'yes',
    '--daemonize',
    'no',
    '--logfile',
    '', // to stdout, which we collect
  ];
  const maxRestarts = opts.maxRestarts ?? 3;
  const windowMs = opts.restartWindowMs ?? 60_000;
  let child: ChildProcess | undefined;
  let stopping = false;
  let gaveUp = false;
  let restarts = 0;
  const deaths: number[] = [];
  // If the parent exits without stop(), the server must not outlive it.
  const killOnExit = () => child?.kill('SIGTERM');
  process.once('exit', killOnExit);

  const launch = async (): Promise<{ exited: Promise<Exit> }> => {
    const c = spawn(opts.command ?? 'redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    const output: string[] = [];
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        output.push(line);
        if (output.length > 20) output.shift();
        log.debug({ redis: line }, 'redis-server');
      }
    };
    c.stdout?.on('data', collect);
    c.stderr?.on('data', collect);
    const exited = new Promise<Exit>((done) => {
      c.once('error', (error: NodeJS.ErrnoException) => done({ code: null, signal: null, error }));
      c.once('exit', (code, signal) => done({ code, signal }));
    });
    try {
      await waitUntilReady(c, socketPath, exited, opts.startTimeoutMs ?? 15_000, output, lang);
    } catch (err) {
      if (c.exitCode === null && c.signalCode === null) {
        c.kill('SIGKILL');
        await exited;
      }
      throw err;
    }
    void exited.then((e) => onExit(c, e));
    return { exited };
  };

  let current: Promise<Exit> | undefined;
  const onExit = (c: ChildProcess, e: Exit) => {
    if (stopping || c !== child) return;
    const now = Date.now();
    deaths.push(now);
    while (deaths.length && deaths[0]! < now - windowMs) deaths.shift();
    if (deaths.length > maxRestarts) {
      gaveUp = true;
      const err = new UitkijkError(
        'REDIS_LOST',
        lang === 'nl'
          ? `De eigen redis-server is ${deaths.length} keer binnen ${Math.round(windowMs / 1000)} s gestopt (laatst: ${e.signal ?? `exitcode ${e.code}`}); uitkijk stopt. Kijk in ${dataDir} of de schijf vol is, of start met REDIS_URL naar een eigen Redis.`
          : `The embedded redis-server stopped ${deaths.length} times within ${Math.round(windowMs / 1000)} s (last: ${e.signal ?? `exit code ${e.code}`}); uitkijk stops. Check whether the disk of ${dataDir} is full, or start with REDIS_URL pointing at a Redis of your own.`,
      );
      log.error({ code: err.code, restarts, signal: e.signal, exitCode: e.code }, 'eigen redis-server blijft stoppen; opgegeven');
      opts.onGiveUp?.(err);
      return;
    }
    log.error({ signal: e.signal, exitCode: e.code, pid: c.pid }, 'eigen redis-server onverwacht gestopt; opnieuw starten vanuit het append-only-bestand');
    restarts++;
    launch().then(
      ({ exited }) => {
        current = exited;
        log.info({ pid: child?.pid, restarts }, 'eigen redis-server weer gestart');
      },
      (err: Error) => onExit(child!, { code: null, signal: null, error: err as NodeJS.ErrnoException }),
    );
  };

  try {
    current = (await launch()).exited;
  } catch (err) {
    process.removeListener('exit', killOnExit);
    unlock();
    throw err;
  }
  log.info({ socketPath, dataDir, pid: child?.pid }, 'embedded redis-server started');

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      stopping = true;
      process.removeListener('exit', killOnExit);
      const c = child;
      if (c && c.exitCode === null && c.signalCode === null && !gaveUp) {
        // SIGTERM makes redis flush the append-only file and exit cleanly.
        c.kill('SIGTERM');
        const timer = setTimeout(() => c.kill('SIGKILL'), 8_000);
        await current;
        clearTimeout(timer);
        log.info({ socketPath }, 'embedded redis-server stopped');
      } else if (c && c.exitCode === null && c.signalCode === null) {
        c.kill('SIGKILL');
      }
      unlock();
    })();
    return stopped;
  };
  return { url: socketPath, socketPath, pid: () => child?.pid, restarts: () => restarts, stop };
}

async function waitUntilReady(child: ChildProcess, socketPath: string, exited: Promise<Exit>, timeoutMs: number, output: string[], lang: Lang): Promise<void> {
  let gone: Exit | undefined;
  void exited.then((e) => (gone = e));
  const deadline = Date.now() + timeoutMs;
  let delay = 10;
  for (;;) {
    if (gone) {
      if (gone.error?.code === 'ENOENT') throw new UitkijkError('REDIS_MISSING', redisMissingMessage(lang), { cause: gone.error });
      const why = gone.error?.message ?? (lang === 'nl' ? `exitcode ${gone.code ?? gone.signal}` : `exit code ${gone.code ?? gone.signal}`);
      throw new UitkijkError(
        'REDIS_START_FAILED',
        lang === 'nl'
          ? `redis-server stopte tijdens het starten (${why}). Zijn laatste regels:\n${output.join('\n')}`
          : `redis-server stopped while starting (${why}). Its last lines:\n${output.join('\n')}`,
        { cause: gone.error },
      );
    }
    if (child.pid !== undefined && (await ping(socketPath, 500))) return;
    if (Date.now() > deadline) {
      const s = Math.round(timeoutMs / 1000);
      throw new UitkijkError(
        'REDIS_START_FAILED',
        lang === 'nl'
          ? `redis-server antwoordde niet binnen ${s} s op ${socketPath}. Zijn laatste regels:\n${output.join('\n')}`
          : `redis-server did not answer on ${socketPath} within ${s}s. Its last lines:\n${output.join('\n')}`,
      );
    }
    // Poll the socket: redis writes it only once it accepts connections.
    await sleep(delay);
    delay = Math.min(delay * 2, 200);
  }
}
