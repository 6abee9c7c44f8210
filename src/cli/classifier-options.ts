// Builds classifier options from `--config FILE` and `--allow VALUE` for classify and evaluate.
import type { ClassifierOptions } from '../classify/index.ts';
import { loadConfig } from '../config/load.ts';

export function classifierOptions(values: { config?: string; allow?: string[] }): ClassifierOptions {
  const allowed = [...(values.allow ?? [])];
  if (!values.config) return { allowed };
  const config = loadConfig(values.config);
  for (const school of config.schools) allowed.push(...school.allowedContacts);
  return { thresholds: config.thresholds, allowed };
}
