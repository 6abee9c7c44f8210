// `uitkijk start` (everything in one process), `uitkijk worker --queues …` and `uitkijk web`.
// Without REDIS_URL a private redis-server is started in the data folder; with the demo
// config, local fixture servers stand in for Bluesky and the RSS feed.
//
// A start that cannot succeed ends within seconds with one plain line and exit code 1, and
// leaves nothing running: every part started so far is stopped again. A running process stops
// on SIGTERM or SIGINT within 10 s whatever state it is in (jobs still running then resume
// after the restart), and when its embedded Redis keeps dying.

import { accessSync, constants, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createContext } from '../context.ts';
import { configWarnings, loadConfig, reloadConfig, resolveConfigPath, DEMO_CONFIG_PATH } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import { UitkijkError } from '../errors.ts';
import type { Lang } from '../i18n.ts';
import { createLogger } from '../log.ts';
import type { Logger } from '../log.ts';
import { startEmbeddedRedis } from '../redis/embedded.ts';
import { firstContact } from '../redis/connect.ts';
import { QUEUE_NAMES } from '../pipeline/queues.ts';
import type { QueueName } from '../pipeline/queues.ts';
import { parseOptions } from './args.ts';
import { startRuntime } from './runtime.ts';
import type { Command } from './command.ts';
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
  lang?: Lang;
  /** Called when the process can no longer work (its embedded Redis keeps dying). */
  onFatal?: (err: UitkijkError) => void;
  /** How long Redis may take to answer at start-up. */
  redisTimeoutMs?: number;
}

function usableDataDir(dir: string, lang: Lang): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK | constants.R_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new UitkijkError(
      'DATA_DIR_UNUSABLE',
      lang === 'nl'
        ? `De datamap ${dir} kan niet gebruikt worden (${code}); kies een map waarin dit proces mag schrijven met --data-dir of UITKIJK_DATA_DIR.`
        : `The data folder ${dir} cannot be used (${code}); choose a folder this process may write to with --data-dir or UITKIJK_DATA_DIR.`,
      { cause: err },
    );
  }
}

/** Starts the parts of uitkijk asked for and returns a handle to reload or stop them. */
export async function startApp(o: StartOptions): Promise<RunningApp> {
  const { log, env } = o;
  const lang = o.lang ?? 'nl';
  const configPath = resolveConfigPath(o.configArg);
  let config = loadConfig(configPath, lang);
  for (const w of configWarnings(config, configPath, lang)) log.warn({ config: configPath, warning: w }, 'configuratie: planning draait nooit');
  const isDemo = resolve(configPath) === resolve(DEMO_CONFIG_PATH);
  usableDataDir(o.dataDir, lang);

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((err: Error) => log.error({ reason: err.message }, 'stoppen mislukt'));
    stops.length = 0;
  };
  try {
    let redisUrl = env.REDIS_URL;
    if (!redisUrl) {
      const embedded = await startEmbeddedRedis({ dataDir: o.dataDir, log, lang, onGiveUp: (err) => o.onFatal?.(err) });
      stops.push(() => embedded.stop());
      redisUrl = embedded.url;
      log.info({ socket: embedded.socketPath }, 'eigen redis-server gestart (geen REDIS_URL)');
    }
    const runEnv = { ...env };
    if (isDemo) {
      let demoModule: typeof import('../../demo/index.ts');
      try {
        demoModule = await import('../../demo/index.ts');
      } catch (err) {
        throw new UitkijkError(
          'CONFIG_NOT_FOUND',
          lang === 'nl'
            ? 'Er is geen configuratie (config/uitkijk.yaml) en de demo hoort niet bij deze installatie; geef --config BESTAND.'
            : 'There is no config (config/uitkijk.yaml) and this installation has no demo; pass --config FILE.',
          { cause: err },
        );
      }
      const demo = await demoModule.startDemo(config, runEnv);
      stops.push(() => demo.close());
      config = demo.config;
      log.info({ bluesky: demo.blueskyUrl, feed: demo.feedUrl }, 'demo: lokale testbronnen gestart');
    }
    if (env.REDIS_URL && !env.UITKIJK_SECRET) {
      log.warn(
        'UITKIJK_SECRET is niet gezet: de links naar de beoordelingspagina worden getekend met een geheim uit deze datamap; andere processen met dezelfde Redis kennen dat niet. Zet UITKIJK_SECRET overal gelijk.',
      );
    }
    const ctx = createContext({ config, log, redisUrl, dataDir: o.dataDir, env: runEnv, webBaseUrl: o.port ? `http://localhost:${o.port}` : undefined });
    stops.push(() => ctx.close());
    await firstContact(ctx.redis, ctx.redisTarget.where, o.redisTimeoutMs ?? 10_000);
    const runtime = await startRuntime({
      ctx,
      lang,
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
        const next = reloadConfig(configPath, ctx.config(), log, lang);
        if (next !== ctx.config()) await runtime.applyConfig(next);
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

const USAGE = {
  nl: `Gebruik: uitkijk start  [opties]   alles in één proces
       uitkijk worker [opties]   alleen workers (--queues)
       uitkijk web    [opties]   alleen de webserver

Opties:
  --config FILE      het configuratiebestand (standaard config/uitkijk.yaml, anders de demo)
  --data-dir MAP     datamap: eigen Redis en outbox (standaard ./data, of UITKIJK_DATA_DIR)
  --port N           poort van de webserver (standaard 8080, of PORT)
  --host ADRES       adres van de webserver (standaard 127.0.0.1, of HOST)
  --queues LIJST     alleen deze wachtrijen, bijvoorbeeld fetch,classify (worker)

Omgeving: REDIS_URL (anders een eigen redis-server), SMTP_URL (anders e-mails in de outbox),
BLUESKY_APP_PASSWORD_<BRON>, UITKIJK_METRICS_TOKEN, LOG_LEVEL.
Stoppen: Ctrl-C of SIGTERM; herladen van de configuratie: SIGHUP.`,
  en: `Usage: uitkijk start  [options]   everything in one process
       uitkijk worker [options]   workers only (--queues)
       uitkijk web    [options]   the web server only

Options:
  --config FILE      the config file (default config/uitkijk.yaml, else the demo)
  --data-dir DIR     data folder: embedded Redis and outbox (default ./data, or UITKIJK_DATA_DIR)
  --port N           web server port (default 8080, or PORT)
  --host ADDRESS     web server address (default 127.0.0.1, or HOST)
  --queues LIST      only these queues, e.g. fetch,classify (worker)

Environment: REDIS_URL (else an embedded redis-server), SMTP_URL (else e-mails to the outbox),
BLUESKY_APP_PASSWORD_<SOURCE>, UITKIJK_METRICS_TOKEN, LOG_LEVEL.
Stop: Ctrl-C or SIGTERM; reload the config: SIGHUP.`,
};

/** SIGTERM / SIGINT stop within this long, whatever the process is doing. */
const STOP_DEADLINE_MS = 10_000;

function command(part: Part): Command {
  return {
    usage: USAGE,
    async run(args, { lang }) {
      const { values } = parseOptions(
        args,
        { config: { type: 'string' }, 'data-dir': { type: 'string' }, queues: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
        lang,
      );
      const log = createLogger({ level: process.env.LOG_LEVEL ?? 'info' });
      // Every log line stays JSON, also for what nobody caught.
      process.on('unhandledRejection', (reason) => log.error({ reason: reason instanceof Error ? reason.message : String(reason) }, 'onafgehandelde fout'));
      const fail = (message: string) => {
        process.stderr.write(message + '\n');
        log.flush?.();
        return 1;
      };
      const queues = values.queues?.split(',').map((q) => q.trim());
      for (const q of queues ?? []) {
        if (!(QUEUE_NAMES as readonly string[]).includes(q)) {
          return fail(
            lang === 'nl' ? `onbekende wachtrij '${q}'; kies uit ${QUEUE_NAMES.join(', ')}` : `unknown queue '${q}'; choose from ${QUEUE_NAMES.join(', ')}`,
          );
        }
      }
      const portText = values.port ?? process.env.PORT ?? '8080';
      const port = Number(portText);
      if (!/^\d+$/.test(portText) || port > 65535) {
        return fail(
          lang === 'nl'
            ? `--port (of PORT) moet een poortnummer van 0 tot 65535 zijn, niet '${portText}'`
            : `--port (or PORT) must be a port number from 0 to 65535, not '${portText}'`,
        );
      }

      let app: RunningApp | undefined;
      let stopping: Promise<void> | undefined;
      let exitCode = 0;
      let done!: () => void;
      const finished = new Promise<void>((r) => (done = r));
      const stop = (why: string, code: number) => {
        exitCode = Math.max(exitCode, code);
        if (stopping) return;
        log.info({ reason: why }, 'stoppen: lopende taken krijgen even de tijd');
        // Whatever hangs (a job, Redis gone), the process ends within the deadline.
        setTimeout(() => {
          log.error({ deadlineMs: STOP_DEADLINE_MS }, 'stoppen duurde te lang; proces wordt beëindigd');
          process.exit(exitCode || 1);
        }, STOP_DEADLINE_MS).unref();
        stopping = (app?.stop() ?? Promise.resolve()).catch(() => undefined).then(done);
      };
      let fatal: UitkijkError | undefined;
      const onFatal = (err: UitkijkError) => {
        fatal = err;
        process.stderr.write(err.message + '\n');
        stop(err.code, 1);
      };
      const onSignal = (signal: string) => () => {
        if (stopping) {
          // A second Ctrl-C: stop now.
          log.warn({ signal }, 'tweede signaal: direct stoppen');
          process.exit(exitCode || 130);
        }
        stop(signal, 0);
      };
      process.on('SIGTERM', onSignal('SIGTERM'));
      process.on('SIGINT', onSignal('SIGINT'));

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
          lang,
          onFatal,
        });
      } catch (err) {
        // Exit soon even if a library left a timer or socket behind.
        setTimeout(() => process.exit(1), 2_000).unref();
        if (err instanceof UitkijkError) return fail(err.message);
        throw err;
      }
      if (stopping) {
        // A signal or a fatal error came while starting: stop what did start.
        await app.stop();
        return fatal ? 1 : exitCode;
      }
      process.on('SIGHUP', () => {
        log.info('SIGHUP: configuratie opnieuw laden');
        app?.reload().catch((err: Error) => log.error({ reason: err.message }, 'herladen mislukt'));
      });
      await finished;
      log.info('gestopt');
      // Everything is closed; a handle a library left open must not keep the process alive.
      setTimeout(() => process.exit(fatal ? 1 : exitCode), 1_000).unref();
      return fatal ? 1 : exitCode;
    },
  };
}

export const startCommand = command('start');
export const workerCommand = command('worker');
export const webCommand = command('web');
