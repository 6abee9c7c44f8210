// A private three-master Redis Cluster on 127.0.0.1 for the tests and the bench: Debian's
// redis-server in cluster mode, one temp dir per node, no persistence, joined with
// `redis-cli --cluster create` and ready once every node says `cluster_state:ok`.
// `stop()` kills every node and removes every dir, also those of a start that failed halfway
// (a failed start stops what it started before it throws).

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export interface ClusterNode {
  host: string;
  port: number;
  /** The node's cluster bus port (node-to-node traffic). */
  busPort: number;
  dir: string;
}

export interface RedisCluster {
  /** `redis+cluster://127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3`: what REDIS_URL gets. */
  url: string;
  nodes: ClusterNode[];
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const MASTERS = 3;

/** `count` distinct free ports, held open together so that none is handed out twice. */
async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, HOST, () => resolve());
      });
    }
    return servers.map((s) => {
      const address = s.address();
      return typeof address === 'object' && address ? address.port : 0;
    });
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

/** Poll `check` every 25 ms until it returns true; fail with `what` after `timeoutMs`. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() - start > timeoutMs) throw new Error(`redis cluster: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Runs a command to its end; rejects with its output when it fails or outlasts `timeoutMs`. */
function run(cmd: string, args: string[], timeoutMs: number, started: Set<ChildProcess>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs, killSignal: 'SIGKILL' });
    started.add(child);
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('error', (err) => {
      started.delete(child);
      reject(err);
    });
    child.once('exit', (code, signal) => {
      started.delete(child);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} ended with ${signal ?? `code ${code}`}:\n${out}`));
    });
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  // A node that does not stop on SIGTERM within 5 s is killed outright.
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export async function startRedisCluster(opts: { timeoutMs?: number } = {}): Promise<RedisCluster> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const dirs: string[] = [];
  const children = new Set<ChildProcess>();
  const clients: Redis[] = [];
  const nodes: ClusterNode[] = [];
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      for (const c of clients) c.disconnect();
      await Promise.all([...children].map(kill));
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    })());

  try {
    // Client ports and bus ports (cluster-port), all distinct and free.
    const ports = await freePorts(2 * MASTERS);
    for (let i = 0; i < MASTERS; i++) {
      const dir = await mkdtemp(join(tmpdir(), 'uitkijk-cluster-'));
      dirs.push(dir);
      const node: ClusterNode = { host: HOST, port: ports[i]!, busPort: ports[MASTERS + i]!, dir };
      nodes.push(node);
      const child = spawn(
        'redis-server',
        [
          '--port',
          String(node.port),
          '--bind',
          HOST,
          '--dir',
          dir,
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          'nodes.conf',
          '--cluster-node-timeout',
          '5000',
          '--cluster-port',
          String(node.busPort),
          '--appendonly',
          'no',
          '--save',
          '',
        ],
        { stdio: 'ignore' },
      );
      children.add(child);
      child.once('exit', () => children.delete(child));
    }
    for (const node of nodes) {
      const client = new Redis({ host: node.host, port: node.port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => 50 });
      client.on('error', () => undefined);
      clients.push(client);
    }
    await until(
      'every node to answer PING',
      async () => {
        if (children.size < MASTERS) throw new Error('a redis-server exited at start-up');
        const replies = await Promise.all(clients.map(async (c) => (c.status === 'wait' ? c.connect().then(() => c.ping()) : c.ping())));
        return replies.every((r) => r === 'PONG');
      },
      timeoutMs,
    );
    await run(
      'redis-cli',
      ['--cluster', 'create', ...nodes.map((n) => `${n.host}:${n.port}`), '--cluster-replicas', '0', '--cluster-yes'],
      timeoutMs,
      children,
    );
    await until(
      'cluster_state:ok on every node',
      async () => {
        const infos = await Promise.all(clients.map((c) => c.cluster('INFO')));
        return infos.every(
          (info) =>
            /^cluster_state:ok\r?$/m.test(info) &&
            /^cluster_slots_ok:16384\r?$/m.test(info) &&
            new RegExp(`^cluster_known_nodes:${MASTERS}\\r?$`, 'm').test(info),
        );
      },
      timeoutMs,
    );
  } catch (err) {
    await stop();
    throw err;
  }
  for (const c of clients) c.disconnect();
  clients.length = 0;
  return {
    url: `redis+cluster://${nodes.map((n) => `${n.host}:${n.port}`).join(',')}`,
    nodes,
    stop,
  };
}
