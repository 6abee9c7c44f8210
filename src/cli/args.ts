// A small, strict option parser: unknown options are errors with a plain message.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { UitkijkError } from '../errors.ts';

export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UitkijkError('INPUT_INVALID', `Ongeldige optie: ${(err as Error).message}`);
  }
}
