// `uitkijk config check FILE` (exit 1 with one plain line per problem, warnings for schedules
// that never run) and `uitkijk config schema` (the JSON schema for editors).
import { configWarnings, loadConfig } from '../config/load.ts';
import { configJsonSchemaText } from '../config/json-schema.ts';
import { UitkijkError } from '../errors.ts';
import type { Command } from './command.ts';

const USAGE = {
  nl: `Gebruik: uitkijk config check BESTAND
       uitkijk config schema > config/uitkijk.schema.json

check    controleert het bestand: per probleem één regel met regelnummer en sleutel (exit 1),
         waarschuwt voor planningen die nooit draaien
schema   drukt het JSON-schema af, voor automatisch aanvullen in een editor

Voorbeeld:
  uitkijk config check config/uitkijk.yaml`,
  en: `Usage: uitkijk config check FILE
       uitkijk config schema > config/uitkijk.schema.json

check    checks the file: one line per problem with line number and key (exit 1),
         warns about schedules that never run
schema   prints the JSON schema, for autocompletion in an editor

Example:
  uitkijk config check config/uitkijk.yaml`,
};

export const command: Command = {
  usage: USAGE,
  async run(args, { lang }) {
    const [sub, file, ...rest] = args;
    if (sub === 'schema' && !file) {
      process.stdout.write(configJsonSchemaText());
      return 0;
    }
    if (sub !== 'check' || !file || rest.length) {
      process.stderr.write(USAGE[lang] + '\n');
      return 2;
    }
    try {
      const config = loadConfig(file, lang);
      for (const w of configWarnings(config, file, lang)) process.stderr.write((lang === 'nl' ? 'waarschuwing: ' : 'warning: ') + w + '\n');
      const n = `${config.schools.length} ${lang === 'nl' ? (config.schools.length === 1 ? 'school' : 'scholen') : config.schools.length === 1 ? 'school' : 'schools'}, ${config.sources.length} ${lang === 'nl' ? (config.sources.length === 1 ? 'bron' : 'bronnen') : config.sources.length === 1 ? 'source' : 'sources'}`;
      process.stdout.write(lang === 'nl' ? `${file}: in orde (${n})\n` : `${file}: OK (${n})\n`);
      return 0;
    } catch (err) {
      if (!(err instanceof UitkijkError)) throw err;
      process.stderr.write(err.message + '\n');
      return 1;
    }
  },
};
