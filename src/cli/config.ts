// `uitkijk config check FILE` (exit 1 with one plain line per problem) and `uitkijk config schema`.
import { loadConfig } from '../config/load.ts';
import { configJsonSchemaText } from '../config/json-schema.ts';
import { UitkijkError } from '../errors.ts';
import type { Command } from './main.ts';

const USAGE = 'Gebruik: uitkijk config check BESTAND   |   uitkijk config schema\n';

export const command: Command = {
  summary: 'controleer een configuratiebestand (check) of druk het JSON-schema af (schema)',
  async run(args) {
    const [sub, file, ...rest] = args;
    if (sub === 'schema' && !file) {
      process.stdout.write(configJsonSchemaText());
      return 0;
    }
    if (sub !== 'check' || !file || rest.length) {
      process.stderr.write(USAGE);
      return 2;
    }
    try {
      const config = loadConfig(file);
      process.stdout.write(`${file}: in orde (${config.schools.length} school/scholen, ${config.sources.length} bron(nen))\n`);
      return 0;
    } catch (err) {
      if (!(err instanceof UitkijkError)) throw err;
      process.stderr.write(err.message + '\n');
      return 1;
    }
  },
};
