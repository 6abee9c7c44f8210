// `uitkijk start` (everything in one process), `uitkijk worker --queues …` and `uitkijk web`.
// Without REDIS_URL a private redis-server is started in the data folder; with the demo
// config, local fixture servers stand in for Bluesky and the RSS feed.

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createContext } from '../context.ts';
import { loadConfig, reloadConfig, resolveConfigPath, DEMO_CONFIG_PATH } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import { createLogger } from '../log.ts';
import type { Logger } from '../log.ts';
import { startEmbeddedRedis } from '../redis/embedded.ts';
import { QUEUE_NAMES } from '../pipeline/queues.ts';
import type { QueueName } from '../pipeline/queues.ts';
import { UitkijkError } from '../errors.ts';
import { parseOptions } from './args.ts';
import { startRuntime } from './runtime.ts';
import { startDemo } from './demo.ts';
import type { Command } from './main.ts';
import { createConnectorRegistry } from '../../connectors/registry.ts';

type Part = 'start' | 'worker' | 'web';

export interface RunningApp {
  config(): Config;
  webUrl: string | null;
  outboxDir: string;
  reload(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  part: Part;
  configArg?: string;
  dataDir: string;
  queues?: QueueName[];
  port: number;
  host: string;
  env: Record<string, string | undefined>;
  log: Logger;
}

/** Starts the parts of uitkijk asked for and returns a handle to reload or stop them. */
export async function startApp(o: StartOptions): Promise<RunningApp> {
  const { log, env } = o;
  const configPath = resolveConfigPath(o.configArg);
  let config = loadConfig(configPath);
  const isDemo = resolve(configPath) === resolve(DEMO_CONFIG_PATH);
  mkdirSync(o.dataDir, { recursive: true });

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((err: Error) => log.error({ reason: err.message }, 'stoppen mislukt'));
  };
  try {
    let redisUrl = env.REDIS_URL;
    if (!redisUrl) {
      const embedded = await startEmbeddedRedis({ dataDir: o.dataDir, log });
      stops.push(() => embedded.stop());
      redisUrl = embedded.url;
      log.info({ socket: embedded.socketPath }, 'eigen redis-server gestart (geen REDIS_URL)');
    }
    const runEnv = { ...env };
    if (isDemo) {
      const demo = await startDemo(config, runEnv);
      stops.push(() => demo.close());
      config = demo.config;
      log.info({ bluesky: demo.blueskyUrl, feed: demo.feedUrl }, 'demo: lokale testbronnen gestart');
    }
    const ctx = createContext({ config, log, redisUrl, dataDir: o.dataDir, env: runEnv });
    stops.push(() => ctx.close());
    const runtime = await startRuntime({
      ctx,
      connectors: createConnectorRegistry(),
      queues: o.part === 'web' ? [] : (o.queues ?? [...QUEUE_NAMES]),
      schedulers: o.part !== 'web',
      web: o.part === 'worker' ? false : { host: o.host, port: o.port },
    });
    stops.push(() => runtime.close());
    if (o.part !== 'web') {
      log.info(
        { outbox: ctx.mailer.kind === 'outbox' ? ctx.outboxDir : undefined, smtp: ctx.mailer.kind === 'smtp' },
        ctx.mailer.kind === 'outbox' ? `meldingen worden als .eml geschreven naar ${ctx.outboxDir}` : 'meldingen gaan via SMTP',
      );
    }
    return {
      config: () => ctx.config(),
      webUrl: runtime.webUrl,
      outboxDir: ctx.outboxDir,
      async reload() {
        if (isDemo) {
          log.info('demo: de demo-configuratie wordt niet opnieuw geladen');
          return;
        }
        const next = reloadConfig(configPath, ctx.config(), log);
        if (next !== ctx.config()) await runtime.applyConfig(next);
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

function command(part: Part, summary: string): Command {
  return {
    summary,
    async run(args) {
      const { values } = parseOptions(args, {
        config: { type: 'string' },
        'data-dir': { type: 'string' },
        queues: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
      });
      const log = createLogger({ level: process.env.LOG_LEVEL ?? 'info' });
      const queues = values.queues?.split(',').map((q) => q.trim());
      for (const q of queues ?? []) {
        if (!(QUEUE_NAMES as readonly string[]).includes(q)) {
          throw new UitkijkError('INPUT_INVALID', `onbekende wachtrij '${q}'; kies uit ${QUEUE_NAMES.join(', ')}`);
        }
      }
      const port = Number(values.port ?? process.env.PORT ?? 8080);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UitkijkError('INPUT_INVALID', `--port moet een poortnummer zijn, niet '${values.port}'`);
      let app: RunningApp;
      try {
        app = await startApp({
          part,
          configArg: values.config,
          dataDir: resolve(values['data-dir'] ?? process.env.UITKIJK_DATA_DIR ?? 'data'),
          queues: queues as QueueName[] | undefined,
          port,
          host: values.host ?? process.env.HOST ?? '127.0.0.1',
          env: process.env,
          log,
        });
      } catch (err) {
        if (err instanceof UitkijkError) {
          process.stderr.write(err.message + '\n');
          log.flush?.();
          return 1;
        }
        throw err;
      }
      process.on('SIGHUP', () => {
        log.info('SIGHUP: configuratie opnieuw laden');
        app.reload().catch((err: Error) => log.error({ reason: err.message }, 'herladen mislukt'));
      });
      await new Promise<void>((resolveStop) => {
        const stop = (signal: string) => {
          log.info({ signal }, 'stoppen: lopende taken maken hun werk af');
          app.stop().then(resolveStop, resolveStop);
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
      log.info('gestopt');
      return 0;
    },
  };
}

export const startCommand = command('start', 'start alles in één proces: planning, workers en webserver');
export const workerCommand = command('worker', 'start alleen workers (--queues fetch,classify,alert)');
export const webCommand = command('web', 'start alleen de webserver (/healthz, /metrics)');
