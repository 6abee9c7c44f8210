// The JSON schema published as config/uitkijk.schema.json, generated from the zod schema so
// that editors autocomplete exactly what the loader accepts. Input side: keys with defaults
// are optional. Cross-field checks (unique ids, school references) are the loader's alone.

import { z } from 'zod';
import { configSchema } from './schema.ts';

export const SCHEMA_FILE = 'config/uitkijk.schema.json';

export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' });
}

/** The file's exact text: two-space indentation and a final newline. */
export function configJsonSchemaText(): string {
  return JSON.stringify(configJsonSchema(), null, 2) + '\n';
}
