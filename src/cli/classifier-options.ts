// Builds classifier options from `--config FILE` and `--allow VALUE` for classify and evaluate.
import type { ClassifierOptions } from '../classify/index.ts';
import { loadConfig } from '../config/load.ts';
import type { Lang } from '../i18n.ts';

export function classifierOptions(values: { config?: string; allow?: string[] }, lang: Lang = 'nl'): ClassifierOptions {
  const allowed = [...(values.allow ?? [])];
  if (!values.config) return { allowed };
  const config = loadConfig(values.config, lang);
  for (const school of config.schools) allowed.push(...school.allowedContacts);
  return { thresholds: config.thresholds, allowed };
}
