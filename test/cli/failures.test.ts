// `uitkijk start` when things go wrong, as an operator meets it: a start that cannot succeed
// ends within seconds with one plain line and exit code 1, leaving nothing running (faults 7
// and 9); SIGTERM stops a process within 10 s even with a job hanging on a stalled mail server,
// and that job is done after the restart (fault 8); losing Redis is reported once, /healthz says
// 503 at once, the embedded server is restarted from its append-only file, an external one is
// waited for, every log line stays JSON, and a Redis that keeps dying ends the process (fault 4).
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { createContext } from '../../src/context.ts';
import { ping, socketPathFor } from '../../src/redis/embedded.ts';
import { startRedis } from '../store/redis-server.ts';
import { sampleFinding } from '../store/sample.ts';
import { startSmtp } from '../support/smtp.ts';
import { waitFor } from '../support/wait.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const node = join(root, 'node_modules/node/bin/node');
let dir: string;

const CONFIG = (extra = '') => `
schools:
  - id: demo-school
    name: De Linde
    keywords: [De Linde]
    alertRecipients: [communicatie@linde.example.nl]
sources: []
mail:
  from: uitkijk@linde.example.nl
${extra}`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'uitkijk-failures-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Launched {
  child: ChildProcessWithoutNullStreams;
  out: () => string;
  err: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

function launch(args: string[], env: Record<string, string | undefined> = {}): Launched {
  const e = { ...process.env, ...env };
  if (!('REDIS_URL' in env)) delete e.REDIS_URL;
  if (!('SMTP_URL' in env)) delete e.SMTP_URL;
  const child = spawn(node, ['bin/uitkijk.js', ...args], { cwd: root, env: e, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once('exit', (code) => resolve({ code, at: Date.now() })));
  return { child, out: () => out, err: () => err, exited };
}

async function configFile(name: string, extra = ''): Promise<string> {
  const path = join(dir, name);
  let text = CONFIG(extra);
  // A source whose schedule the scheduler (BullMQ's cron parser) refuses.
  if (name === 'bad-cron.yaml')
    text = text.replace(
      'sources: []',
      "sources:\n  - { id: blog, kind: rss, school: demo-school, url: 'https://x.example.nl/f', context: reply, schedule: { cron: '0 0 15W * *' } }",
    );
  await writeFile(path, text);
  return path;
}

const logLines = (out: string) => out.split('\n').filter((l) => l.trim() !== '');
const webUrl = (out: string) => /"url":"(http:\/\/[^"]+)"[^\n]*webserver luistert/.exec(out)?.[1];

async function healthz(url: string): Promise<number> {
  // Must answer quickly whatever the state: a hang is the fault being tested.
  const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(3_000) });
  return res.status;
}

describe('a start that cannot succeed', () => {
  let blocker: Server;
  let port: number;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    port = (blocker.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => blocker.close(() => r())));

  it('a taken web port: one Dutch line naming --port and PORT, exit 1, and its own redis-server stopped again', async () => {
    const dataDir = join(dir, 'port-taken');
    const started = Date.now();
    const run = launch(['start', '--config', await configFile('port.yaml'), '--port', String(port), '--data-dir', dataDir]);
    const { code, at } = await run.exited;
    expect(code).toBe(1);
    expect(at - started).toBeLessThan(20_000);
    const lines = run.err().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`Poort ${port} .*is al in gebruik.*--port of PORT`));
    expect(run.err()).not.toMatch(/EADDRINUSE|ENOENT|at .*\.ts:/);
    // Nothing left running: the embedded server's socket does not answer, its lock is gone.
    expect(await ping(socketPathFor(dataDir))).toBe(false);
    expect(existsSync(join(dataDir, 'uitkijk.lock'))).toBe(false);
  }, 30_000);

  it('an unreachable REDIS_URL, an unusable data folder, an invalid config and an impossible schedule', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const cases: { args: string[]; env?: Record<string, string>; message: RegExp }[] = [
      {
        args: ['--config', await configFile('ok.yaml'), '--port', '0'],
        env: { REDIS_URL: `redis://127.0.0.1:${closed}` },
        message: /Redis op 127\.0\.0\.1:\d+ antwoordt niet binnen 10 s.*controleer REDIS_URL/,
      },
      {
        args: ['--config', await configFile('ok2.yaml'), '--port', '0', '--data-dir', await configFile('a-file-not-a-folder')],
        message: /datamap .* kan niet gebruikt worden.*--data-dir of UITKIJK_DATA_DIR/,
      },
      { args: ['--config', join(dir, 'missing.yaml'), '--port', '0'], message: /configuratiebestand .*missing\.yaml niet gevonden/ },
      {
        args: ['--config', await configFile('cron.yaml', 'fetch:\n  timeout: 5 min'), '--port', '0'],
        message: /fetch\.timeout: '5 min' is geen tijdsduur/,
      },
      { args: ['--config', await configFile('port.yaml'), '--port', 'acht'], message: /--port \(of PORT\) moet een poortnummer/ },
      {
        args: ['--config', await configFile('bad-cron.yaml', ''), '--port', '0'],
        message: /sources\[0\]\.schedule\.cron: '0 0 15W \* \*' is geen cron-patroon dat de planner kan uitvoeren/,
      },
    ];
    for (const c of cases) {
      const started = Date.now();
      const run = launch(['start', ...c.args, ...(c.args.includes('--data-dir') ? [] : ['--data-dir', join(dir, `d-${started}`)])], c.env);
      const { code, at } = await run.exited;
      expect(code, run.err()).toBe(1);
      expect(at - started).toBeLessThan(25_000);
      expect(run.err().trim().split('\n'), run.err()).toHaveLength(1);
      expect(run.err()).toMatch(c.message);
    }
  }, 120_000);
});

describe('stopping', () => {
  it('SIGTERM ends the process within 10 s while a job hangs on a stalled mail server; the job is done after the restart', async () => {
    const redis = await startRedis();
    const smtp = await startSmtp();
    const config = await configFile('stop.yaml');
    const ctx = createContext({
      config: parseConfig(CONFIG(), config),
      log: pino({ level: 'silent' }),
      redisUrl: redis.url,
      dataDir: dir,
      deployment: 'stopping',
    });
    try {
      const finding = sampleFinding({ id: 'stalled-mail' });
      await ctx.findings.saveFindings([finding]);
      smtp.holdAfter(0); // the server answers nothing after the greeting
      await ctx.queues.alert.add('alert', { findingId: finding.id }, { jobId: `alert-${finding.id}` });
      const env = { REDIS_URL: redis.url, SMTP_URL: smtp.url, UITKIJK_DEPLOYMENT: 'stopping' };
      const first = launch(['worker', '--queues', 'alert', '--config', config], env);
      await waitFor('the send to hang at the mail server', () => smtp.held() > 0, 20_000);
      const sent = Date.now();
      first.child.kill('SIGTERM');
      const { code, at } = await first.exited;
      expect(at - sent).toBeLessThan(10_000);
      expect(code).toBe(0);
      expect(smtp.received).toHaveLength(0);

      smtp.release();
      const second = launch(['worker', '--queues', 'alert', '--config', config], env);
      try {
        await waitFor('the alert after the restart', () => smtp.received.length === 1, 60_000);
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
      expect(await ctx.ledger.isAlertSent(finding.id)).toBe(true);
    } finally {
      await ctx.close();
      await smtp.close();
      await redis.stop();
    }
  }, 120_000);
});

describe('losing Redis', () => {
  it('embedded: restarted from its append-only file, /healthz 503 meanwhile, JSON logs only, and given up on with a clear exit', async () => {
    const dataDir = join(dir, 'embedded-loss');
    const run = launch(['start', '--config', await configFile('embedded.yaml'), '--port', '0', '--data-dir', dataDir]);
    try {
      const url = await waitFor('the web server', () => webUrl(run.out()), 30_000);
      expect(await healthz(url)).toBe(200);
      const pids = () =>
        logLines(run.out())
          .map((l) => JSON.parse(l) as { msg?: string; pid?: number })
          .filter((l) => l.msg === 'embedded redis-server started' || l.msg === 'eigen redis-server weer gestart')
          .map((l) => l.pid!);
      for (let death = 1; death <= 3; death++) {
        const pid = pids().at(-1)!;
        process.kill(pid, 'SIGKILL');
        if (death === 1) await waitFor('/healthz to say 503', async () => (await healthz(url)) === 503, 10_000);
        await waitFor(`the restart after death ${death}`, () => pids().length === death + 1, 20_000);
        await waitFor('/healthz to say 200 again', async () => (await healthz(url)) === 200, 20_000);
      }
      // Every line on stdout is a JSON log line; the loss was logged a few times, not a flood.
      for (const line of logLines(run.out())) expect(() => JSON.parse(line), line).not.toThrow();
      const lost = logLines(run.out()).filter((l) => l.includes('verbinding met Redis verloren'));
      expect(lost.length).toBeGreaterThanOrEqual(1);
      expect(lost.length).toBeLessThanOrEqual(3);
      // A fourth death within the minute: uitkijk stops with one line and exit code 1.
      process.kill(pids().at(-1)!, 'SIGKILL');
      const { code } = await run.exited;
      expect(code).toBe(1);
      expect(run.err()).toMatch(/De eigen redis-server is 4 keer binnen 60 s gestopt/);
      expect(await ping(socketPathFor(dataDir))).toBe(false);
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 120_000);

  it('external: waits and reconnects, /healthz 503 at once meanwhile, SIGTERM still stops it within 10 s', async () => {
    let redis = await startRedis();
    const run = launch(['web', '--config', await configFile('external.yaml'), '--port', '0'], { REDIS_URL: redis.url });
    try {
      const url = await waitFor('the web server', () => webUrl(run.out()), 30_000);
      expect(await healthz(url)).toBe(200);
      const port = redis.port;
      await redis.stop();
      await waitFor('/healthz to say 503', async () => (await healthz(url)) === 503, 10_000);
      redis = await startRedis({ port });
      await waitFor('/healthz to say 200 again', async () => (await healthz(url)) === 200, 30_000);
      await redis.stop();
      await waitFor('/healthz to say 503 again', async () => (await healthz(url)) === 503, 10_000);
      const sent = Date.now();
      run.child.kill('SIGTERM');
      const { at } = await run.exited;
      expect(at - sent).toBeLessThan(10_000);
      for (const line of logLines(run.out())) expect(() => JSON.parse(line), line).not.toThrow();
      expect(run.err()).toBe('');
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 120_000);
});
