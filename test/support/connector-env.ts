// The environment a connector gets from the fetch worker, for connector tests: a logger,
// secrets from a given environment, the default HTTP limits and item cap.
import type { Logger } from 'pino';
import { DEFAULT_HTTP_LIMITS } from '../../connectors/http.ts';
import type { ConnectorEnv } from '../../connectors/types.ts';
import { createSecrets } from '../../src/config/secrets.ts';

export function connectorEnv(log: Logger, env: Record<string, string | undefined> = {}, extra: Partial<ConnectorEnv> = {}): ConnectorEnv {
  const school = { id: 'linde', handles: ['delinde.test'], keywords: ['De Linde', 'Lyceum Oost'] };
  return { log, school, secrets: createSecrets(env), limits: DEFAULT_HTTP_LIMITS, maxItems: 1000, ...extra };
}
