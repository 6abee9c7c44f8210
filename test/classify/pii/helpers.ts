// Shared helpers for the personal-data recogniser tests.
import { createPiiRecogniser } from '../../../src/classify/pii/index.ts';
import type { PiiOptions } from '../../../src/classify/pii/index.ts';

const plain = createPiiRecogniser();

/** [type, value] of every reported entity. */
export function found(text: string, opts?: PiiOptions): Array<[string, string]> {
  const r = opts ? createPiiRecogniser(opts) : plain;
  return r(text).entities.map((e) => [e.type, e.value]);
}

/** Values of the reported entities of one type. */
export function values(text: string, type: string): string[] {
  return plain(text)
    .entities.filter((e) => e.type === type)
    .map((e) => e.value);
}
