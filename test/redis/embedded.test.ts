import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { UitkijkError } from '../../src/errors.ts';
import { createLogger } from '../../src/log.ts';
import { ping, socketPathFor, startEmbeddedRedis } from '../../src/redis/embedded.ts';

const silent = createLogger({ destination: new Writable({ write: (_c, _e, cb) => cb() }) });
const root = mkdtempSync(join(tmpdir(), 'uitkijk-redis-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function withClient<T>(url: string, fn: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    return await fn(redis);
  } finally {
    redis.disconnect();
  }
}

describe('startEmbeddedRedis', () => {
  it('starts redis-server on a socket in the data folder, answers PING, stops', async () => {
    const dataDir = join(root, 'data');
    const exitListeners = process.listenerCount('exit');
    const redis = await startEmbeddedRedis({ dataDir, log: silent });
    // Until stop(), the server is tied to this process's exit.
    expect(process.listenerCount('exit')).toBe(exitListeners + 1);
    try {
      expect(redis.socketPath).toBe(join(dataDir, 'redis.sock'));
      expect(existsSync(redis.socketPath)).toBe(true);
      await withClient(redis.url, async (client) => {
        expect(await client.ping()).toBe('PONG');
        expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
        expect(await client.config('GET', 'port')).toEqual(['port', '0']);
        expect(await client.config('GET', 'dir')).toEqual(['dir', dataDir]);
      });
    } finally {
      await redis.stop();
    }
    expect(await ping(redis.socketPath)).toBe(false);
    expect(existsSync(redis.socketPath)).toBe(false);
    expect(process.listenerCount('exit')).toBe(exitListeners);
    // stop() twice is harmless.
    await redis.stop();
  });

  it('keeps data across a restart (append-only file in the data folder)', async () => {
    const dataDir = join(root, 'persist');
    const first = await startEmbeddedRedis({ dataDir, log: silent });
    await withClient(first.url, (c) => c.set('uitkijk:test', 'bewaard'));
    await first.stop();
    expect(readdirSync(dataDir).some((f) => f.startsWith('appendonly'))).toBe(true);

    const second = await startEmbeddedRedis({ dataDir, log: silent });
    try {
      expect(await withClient(second.url, (c) => c.get('uitkijk:test'))).toBe('bewaard');
    } finally {
      await second.stop();
    }
  });

  it('refuses a data folder that another live process owns, and leaves that one running', async () => {
    const dataDir = join(root, 'shared');
    const owner = await startEmbeddedRedis({ dataDir, log: silent });
    try {
      const err = await startEmbeddedRedis({ dataDir, log: silent }).catch((e: unknown) => e);
      expect((err as UitkijkError).code).toBe('REDIS_IN_USE');
      expect((err as Error).message).toContain(`pid ${process.pid}`);
      expect((err as Error).message).toMatch(/--data-dir/);
      expect(await ping(owner.socketPath)).toBe(true);
    } finally {
      await owner.stop();
    }
  });

  it('stops a redis-server left behind by a killed process and runs its own on the same data', async () => {
    const dataDir = join(root, 'orphan');
    mkdirSync(dataDir, { recursive: true });
    const socketPath = socketPathFor(dataDir);
    // What a SIGKILLed uitkijk leaves: its redis-server, still running, and its lock file.
    const orphan = spawn('redis-server', ['--port', '0', '--unixsocket', socketPath, '--dir', dataDir, '--appendonly', 'yes'], {
      stdio: 'ignore',
      detached: true,
    });
    orphan.unref();
    const gone = new Promise((r) => orphan.once('exit', r));
    writeFileSync(join(dataDir, 'uitkijk.lock'), '999999 dead-owner');
    while (!(await ping(socketPath, 200))) await new Promise((r) => setTimeout(r, 20));
    await withClient(socketPath, (c) => c.set('uitkijk:orphan', 'bewaard'));

    const redis = await startEmbeddedRedis({ dataDir, log: silent });
    try {
      await gone; // the orphan was shut down (cleanly: its data is there)
      expect(redis.pid()).not.toBe(orphan.pid);
      expect(await withClient(redis.url, (c) => c.get('uitkijk:orphan'))).toBe('bewaard');
    } finally {
      await redis.stop();
    }
    // Nothing is left running on the folder, and the lock is gone.
    expect(await ping(socketPath)).toBe(false);
    expect(existsSync(join(dataDir, 'uitkijk.lock'))).toBe(false);
  });

  it('restarts a server that dies from its append-only file, and gives up after a few deaths', async () => {
    const dataDir = join(root, 'dies');
    let gaveUp: UitkijkError | undefined;
    const redis = await startEmbeddedRedis({ dataDir, log: silent, maxRestarts: 2, restartWindowMs: 60_000, onGiveUp: (e) => (gaveUp = e) });
    try {
      await withClient(redis.url, (c) => c.set('uitkijk:dies', 'bewaard'));
      for (let death = 1; death <= 2; death++) {
        const pid = redis.pid()!;
        process.kill(pid, 'SIGKILL');
        await waitUntil(async () => redis.restarts() === death && redis.pid() !== pid && (await ping(redis.socketPath)));
        expect(await withClient(redis.url, (c) => c.get('uitkijk:dies'))).toBe('bewaard');
      }
      expect(gaveUp).toBeUndefined();
      process.kill(redis.pid()!, 'SIGKILL');
      await waitUntil(async () => gaveUp !== undefined);
      expect(gaveUp!.code).toBe('REDIS_LOST');
      expect(gaveUp!.message).toMatch(/3 keer binnen 60 s gestopt/);
    } finally {
      await redis.stop();
    }
    expect(await ping(redis.socketPath)).toBe(false);
  });

  it('falls back to a short socket path when the data folder path is long', async () => {
    const dataDir = join(root, 'a-rather-long-folder-name-'.repeat(4));
    expect(Buffer.byteLength(join(dataDir, 'redis.sock'))).toBeGreaterThan(100);
    expect(socketPathFor(dataDir)).toBe(socketPathFor(dataDir));
    const redis = await startEmbeddedRedis({ dataDir, log: silent });
    try {
      expect(Buffer.byteLength(redis.socketPath)).toBeLessThanOrEqual(100);
      expect(redis.socketPath.startsWith(tmpdir())).toBe(true);
      expect(await withClient(redis.url, (c) => c.ping())).toBe('PONG');
    } finally {
      await redis.stop();
    }
  });

  it('says how to get redis-server when it is not on PATH', async () => {
    const emptyBin = join(root, 'empty-bin');
    mkdirSync(emptyBin, { recursive: true });
    const savedPath = process.env.PATH;
    process.env.PATH = emptyBin;
    let error: unknown;
    try {
      await startEmbeddedRedis({ dataDir: join(root, 'missing'), log: silent });
    } catch (err) {
      error = err;
    } finally {
      process.env.PATH = savedPath;
    }
    expect(error).toBeInstanceOf(UitkijkError);
    expect((error as UitkijkError).code).toBe('REDIS_MISSING');
    const message = (error as Error).message;
    expect(message).toContain('sudo apt-get install redis-server');
    expect(message).toMatch(/staat niet op het PATH/);
    expect(message).toContain('brew install redis');
    expect(message).toContain('docker compose up redis');
    expect(message).toContain('REDIS_URL');
  });

  it('reports a server that exits while starting, with its output', async () => {
    const script = join(root, 'broken-redis-server');
    writeFileSync(script, '#!/bin/sh\necho "Fatal error, can\'t open config file"\nexit 1\n');
    chmodSync(script, 0o755);
    const err = await startEmbeddedRedis({ dataDir: join(root, 'broken'), log: silent, command: script }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UitkijkError);
    expect((err as UitkijkError).code).toBe('REDIS_START_FAILED');
    expect((err as Error).message).toContain("can't open config file");
  });
});
