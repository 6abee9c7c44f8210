// One run of the whole pipeline for the connector tests: a real redis-server and SMTP server, the
// context from a config, the runtime with the real connector registry (no schedulers, no web
// server). The body queues fetches and reads the mailbox; everything is closed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createConnectorRegistry } from '../../connectors/registry.ts';
import { startRuntime } from '../../src/cli/runtime.ts';
import { parseConfig } from '../../src/config/load.ts';
import { createContext } from '../../src/context.ts';
import type { AppContext } from '../../src/context.ts';
import { startRedis } from '../store/redis-server.ts';
import { startSmtp } from './smtp.ts';
import type { SmtpCapture } from './smtp.ts';

export interface EndToEnd {
  ctx: AppContext;
  smtp: SmtpCapture;
  /** Queues one fetch of the source now. */
  fetch(source: string): Promise<void>;
}

export async function withPipeline<T>(o: { yaml: string; env?: Record<string, string>; deployment: string }, body: (run: EndToEnd) => Promise<T>): Promise<T> {
  const redis = await startRedis();
  const smtp = await startSmtp();
  const dir = mkdtempSync(join(tmpdir(), `uitkijk-${o.deployment}-`));
  const ctx = createContext({
    config: parseConfig(o.yaml, `${o.deployment}.yaml`),
    log: pino({ level: 'silent' }),
    redisUrl: redis.url,
    dataDir: dir,
    deployment: o.deployment,
    env: { SMTP_URL: smtp.url, ...o.env },
  });
  const runtime = await startRuntime({ ctx, connectors: createConnectorRegistry(), schedulers: false, web: false });
  try {
    return await body({ ctx, smtp, fetch: async (source) => void (await ctx.queues.fetch.add('fetch', { source })) });
  } finally {
    await runtime.close();
    await ctx.close();
    await smtp.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
