// A private redis-server for the store and alert tests (until test/support/redis.ts exists):
// a free port, no persistence, a temp dir; ready when it answers PING.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A throwaway redis-server; `port` to start one again where an earlier one stopped. */
export async function startRedis(opts: { port?: number } = {}): Promise<{ url: string; port: number; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'uitkijk-redis-'));
  const port = opts.port ?? (await freePort());
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => 50 });
  probe.on('error', () => undefined);
  for (let i = 0; ; i++) {
    try {
      await probe.connect().catch(() => undefined);
      if ((await probe.ping()) === 'PONG') break;
    } catch (err) {
      if (i > 200 || child.exitCode !== null) throw err;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  probe.disconnect();
  return {
    url,
    port,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A private redis-server for the whole test file and a client on it: started before the
 * file's tests, stopped after them. Call at the top level; use `.client` inside tests.
 */
export function useRedis(): { readonly client: Redis } {
  let server: Awaited<ReturnType<typeof startRedis>> | undefined;
  let client: Redis | undefined;
  beforeAll(async () => {
    server = await startRedis();
    client = new Redis(server.url);
  });
  afterAll(async () => {
    client?.disconnect();
    await server?.stop();
  });
  return {
    get client(): Redis {
      if (!client) throw new Error('useRedis: the client exists only inside tests');
      return client;
    },
  };
}
