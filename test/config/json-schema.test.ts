import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, configJsonSchemaText, SCHEMA_FILE } from '../../src/config/json-schema.ts';

describe('config/uitkijk.schema.json', () => {
  it('is up to date with the zod schema (regenerate with npm run schema)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(configJsonSchemaText());
  });

  it('describes the input side: keys with defaults are optional, unknown keys refused', () => {
    const schema = configJsonSchema() as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { properties?: Record<string, unknown> }>;
    };
    expect(schema.required.sort()).toEqual(['mail', 'schools', 'sources']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.thresholds!.properties!).sort()).toEqual(['offensive', 'personal_data', 'threat']);
  });
});
