// A small, strict option parser: unknown options are errors with a plain message.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { UitkijkError } from '../errors.ts';
import type { Lang } from '../i18n.ts';

export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, lang: Lang = 'nl') {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const why = (err as Error).message;
    throw new UitkijkError('INPUT_INVALID', lang === 'nl' ? `Ongeldige optie: ${why} (zie --help)` : `Invalid option: ${why} (see --help)`);
  }
}
