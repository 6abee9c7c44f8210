// A classify + alert worker in its own process, for the test that kills one with SIGKILL.
// Arguments: config file, Redis URL, deployment, data dir. SMTP_URL from the environment.
// Short locks and alert leases, so the test does not wait minutes for the restart to take over.
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { createConnectorRegistry } from '../../connectors/registry.ts';
import { startRuntime } from '../../src/cli/runtime.ts';
import { parseConfig } from '../../src/config/load.ts';
import { createContext } from '../../src/context.ts';

const [configPath, redisUrl, deployment, dataDir] = process.argv.slice(2) as [string, string, string, string];
const ctx = createContext({
  config: parseConfig(readFileSync(configPath, 'utf8'), configPath),
  log: pino({ level: 'warn' }),
  redisUrl,
  dataDir,
  deployment,
  env: { SMTP_URL: process.env.SMTP_URL },
  alertLeaseMs: 2000,
});
await startRuntime({
  ctx,
  connectors: createConnectorRegistry(),
  queues: ['classify', 'alert'],
  schedulers: false,
  web: false,
  workerOptions: { lockDuration: 1500, stalledInterval: 500, maxStalledCount: 10 },
});
process.stdout.write('ready\n');
