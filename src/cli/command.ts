// What every `uitkijk <command>` module exports: its help text and how to run it. The table of
// commands lives in main.ts; command modules import only this file, never main.ts.
import type { Lang, Text } from '../i18n.ts';

export interface CommandIo {
  /** The language of messages, from --lang or UITKIJK_LANG (default Dutch). */
  lang: Lang;
}

export interface Command {
  /** The help text of `uitkijk <command> --help`: usage line, options, an example. */
  usage: Text;
  run(args: string[], io: CommandIo): Promise<number>;
}
