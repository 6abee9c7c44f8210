// Reads the YAML config file, keeps line numbers, validates it with the zod schema and hands
// out a frozen, typed Config. Everything after this module sees only the validated result.

import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { UitkijkError } from '../errors.ts';
import { ConfigError, formatIssue, formatPath, type ConfigIssue } from './errors.ts';
import { configSchemaFor, type Config } from './schema.ts';
import { CONFIG_MESSAGES } from './messages.ts';
import type { ConfigMessages } from './messages.ts';
import { checkCron } from './cron.ts';
import type { Lang } from '../i18n.ts';
import { envInsteadOf, isSecretKey } from './secrets.ts';

export const DEFAULT_CONFIG_PATH = 'config/uitkijk.yaml';
/** The demo config shipped with uitkijk, found wherever uitkijk is run from. */
export const DEMO_CONFIG_PATH = fileURLToPath(new URL('../../config/demo.yaml', import.meta.url));

/** `--config FILE` if given, else config/uitkijk.yaml if it exists, else the demo config. */
export function resolveConfigPath(arg?: string, opts: { cwd?: string } = {}): string {
  if (arg !== undefined && arg !== '') return arg;
  const cwd = opts.cwd ?? process.cwd();
  const own = join(cwd, DEFAULT_CONFIG_PATH);
  if (existsSync(own)) return opts.cwd === undefined ? DEFAULT_CONFIG_PATH : own;
  // Relative when run from the checkout, so messages read config/demo.yaml:12.
  const demo = relative(cwd, DEMO_CONFIG_PATH);
  return opts.cwd === undefined && !demo.startsWith('..') && !isAbsolute(demo) ? demo : DEMO_CONFIG_PATH;
}

export function loadConfig(path: string, lang: Lang = 'nl'): Config {
  const m = CONFIG_MESSAGES[lang];
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new UitkijkError('CONFIG_NOT_FOUND', m.notFound(path, DEFAULT_CONFIG_PATH), { cause: err });
    }
    throw new UitkijkError('CONFIG_NOT_FOUND', m.unreadable(path, code ?? String(err)), { cause: err });
  }
  return parseConfig(decodeConfigText(bytes, path, m), path, lang);
}

/** The file as text, or a plain reason why it is not UTF-8 text (binary, UTF-16, broken bytes). */
function decodeConfigText(bytes: Buffer, fileName: string, m: ConfigMessages): string {
  const refuse = (message: string) => new ConfigError(fileName, [{ path: '', message }]);
  const b0 = bytes[0];
  const b1 = bytes[1];
  const utf16Bom = (b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff);
  // UTF-16 without a BOM: text of ASCII letters has a NUL in every other byte.
  const head = bytes.subarray(0, 512);
  let nulEven = 0;
  let nulOdd = 0;
  head.forEach((b, i) => {
    if (b !== 0) return;
    if (i % 2) nulOdd++;
    else nulEven++;
  });
  if (utf16Bom || (head.length >= 8 && Math.max(nulEven, nulOdd) > head.length / 4 && Math.min(nulEven, nulOdd) === 0)) throw refuse(m.utf16);
  if (bytes.includes(0)) throw refuse(m.binary);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw refuse(m.notUtf8);
  }
  // Control characters other than tab, newline and carriage return mean it is not a text file.
  if (/[\u0001-\u0008\u000e-\u001f]/.test(text)) throw refuse(m.binary);
  return text;
}

/** A config needs a few levels; a file nested far deeper is a mistake or an attack on the parser. */
const MAX_DEPTH = 32;

function tooDeep(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return true;
  if (value === null || typeof value !== 'object') return false;
  for (const child of Object.values(value)) if (tooDeep(child, depth + 1)) return true;
  return false;
}

export function parseConfig(yamlText: string, fileName: string, lang: Lang = 'nl'): Config {
  const m = CONFIG_MESSAGES[lang];
  const lineCounter = new LineCounter();
  // Flow collections ([[[[…) nest without a line of their own: refuse absurd depth before the
  // parser's recursion meets the stack limit.
  let depth = 0;
  let maxDepth = 0;
  for (const ch of yamlText) {
    if (ch === '[' || ch === '{') maxDepth = Math.max(maxDepth, ++depth);
    else if ((ch === ']' || ch === '}') && depth > 0) depth--;
  }
  if (maxDepth > MAX_DEPTH * 4) throw new ConfigError(fileName, [{ path: '', message: m.tooDeep(MAX_DEPTH) }]);
  let doc: Document;
  try {
    doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    if (err instanceof RangeError) throw new ConfigError(fileName, [{ path: '', message: m.tooDeep(MAX_DEPTH) }]);
    throw err;
  }
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;

  if (doc.errors.length > 0) {
    // Only the first: after a syntax error the parser loses its place, and what it reports
    // further down follows from the first one more often than not.
    const first = doc.errors[0]!;
    const line = lineAt(first.pos[0]);
    throw new ConfigError(fileName, [{ path: '', line, message: m.notYaml(plainYamlMessage(first.message)) }]);
  }

  let data: unknown;
  try {
    data = doc.toJS();
  } catch (err) {
    // yaml refuses alias bombs (too many *references) here rather than while parsing.
    if (err instanceof RangeError) throw new ConfigError(fileName, [{ path: '', message: m.tooDeep(MAX_DEPTH) }]);
    throw new ConfigError(fileName, [{ path: '', message: m.yamlRefused((err as Error).message) }]);
  }
  if (data === null || data === undefined) {
    throw new ConfigError(fileName, [{ path: '', message: m.fileEmpty }]);
  }
  if (tooDeep(data)) throw new ConfigError(fileName, [{ path: '', message: m.tooDeep(MAX_DEPTH) }]);

  const secretIssues = findSecrets(doc, data, lineAt, m);
  const result = configSchemaFor(lang).safeParse(data, { reportInput: true, error: plainWords(m) });
  const issues: ConfigIssue[] = [...secretIssues];
  if (!result.success) {
    const secretPaths = new Set(secretIssues.map((i) => i.path));
    for (const issue of result.error.issues) {
      for (const converted of convertIssue(issue, doc, lineAt, m)) {
        // A secret key is also an unknown key; the secret message is the one that helps.
        if (!secretPaths.has(converted.path)) issues.push(converted);
      }
    }
  }
  if (issues.length > 0) {
    issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new ConfigError(fileName, issues);
  }
  return deepFreeze(result.data as Config);
}

/**
 * What is valid but almost certainly not meant: schedules that never come round. `config check`
 * prints these and a running process logs them; they do not stop the file from loading.
 */
export function configWarnings(config: Config, fileName: string, lang: Lang = 'nl', now = new Date()): string[] {
  const m = CONFIG_MESSAGES[lang];
  const out: string[] = [];
  const tz = new Map(config.schools.map((s) => [s.id, s.timezone]));
  config.sources.forEach((s, i) => {
    if (s.kind === 'jetstream') return;
    const cron = s.schedule.cron;
    if (cron === undefined) return;
    const check = checkCron(cron, tz.get(s.school), now);
    if (check.ok && !check.firesWithinYears) out.push(formatIssue(fileName, { path: `sources[${i}].schedule.cron`, message: m.cronNever(cron) }));
  });
  return [...new Set(out)];
}

/**
 * Loads the file again for a running process (SIGHUP). An invalid file is refused with one
 * error line per problem and the config in force stays; the new config is returned otherwise.
 */
export function reloadConfig(path: string, current: Config, log: Logger, lang: Lang = 'nl'): Config {
  try {
    const next = loadConfig(path, lang);
    log.info({ config: path, schools: next.schools.length, sources: next.sources.length }, 'config reloaded');
    return next;
  } catch (err) {
    if (!(err instanceof UitkijkError)) throw err;
    const issues = err instanceof ConfigError ? err.issues.map((i) => formatIssue(path, i)) : [err.message];
    log.error({ config: path, code: err.code, issues }, 'config reload refused; the previous config stays in force');
    return current;
  }
}

// --- messages -------------------------------------------------------------------------

function plainYamlMessage(message: string): string {
  // yaml's messages sometimes end with a position we already report as the line.
  return message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
}

const quote = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));

function describe(input: unknown, m: ConfigMessages): string {
  if (input === null) return m.nothing;
  if (Array.isArray(input)) return m.list;
  if (typeof input === 'object') return m.section;
  return quote(input);
}

/** Zod's generic issues, in plain words. Messages set in the schema take precedence. */
const plainWords =
  (m: ConfigMessages): z.core.$ZodErrorMap =>
  (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined) return m.missing;
        return m.shouldBe(m.types[issue.expected] ?? issue.expected, describe(issue.input, m));
      case 'too_small':
        if (issue.origin === 'array') return m.atLeastEntries(Number(issue.minimum));
        if (issue.origin === 'string') return m.empty;
        return m.tooSmall(issue.input, issue.minimum);
      case 'too_big':
        if (issue.origin === 'array') return m.tooManyEntries(Number(issue.maximum));
        if (issue.origin === 'string') return m.tooLong(Number(issue.maximum));
        return m.tooLarge(issue.input, issue.maximum);
      case 'invalid_value':
        return m.notAllowed(
          issue.input,
          issue.values.map((v) => String(v)),
        );
      case 'invalid_format':
        return m.notValidFormat(issue.input, issue.format);
      case 'unrecognized_keys':
        return m.unknownKey();
      default:
        return undefined;
    }
  };

// --- locating issues in the file ------------------------------------------------------

type Segment = string | number;

/** The line of the key (or list item) at `path`, or of its nearest ancestor in the file. */
function lineOf(doc: Document, path: readonly PropertyKey[], lineAt: (offset: number) => number): number | undefined {
  let node: unknown = doc.contents;
  let line = rangeLine(node, lineAt);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      line = rangeLine(pair.key, lineAt) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item === undefined) break;
      line = rangeLine(item, lineAt) ?? line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

function rangeLine(node: unknown, lineAt: (offset: number) => number): number | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range ? lineAt(range[0]) : undefined;
}

function convertIssue(issue: z.core.$ZodIssue, doc: Document, lineAt: (offset: number) => number, m: ConfigMessages): ConfigIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      return { path: formatPath(path), line: lineOf(doc, path, lineAt), message: m.unknownKey(key) };
    });
  }
  if (issue.path.length === 0 && issue.code === 'invalid_type') {
    return [{ path: '', line: 1, message: m.topLevel }];
  }
  return [{ path: formatPath(issue.path), line: lineOf(doc, issue.path, lineAt), message: issue.message }];
}

/** Secret-looking keys anywhere in the file. Only key names are read; values are never echoed. */
function findSecrets(doc: Document, data: unknown, lineAt: (offset: number) => number, m: ConfigMessages): ConfigIssue[] {
  const sources = (data as { sources?: unknown }).sources;
  const sourceIds = Array.isArray(sources) ? sources.map((s) => s as { id?: unknown; kind?: unknown } | null) : [];
  const issues: ConfigIssue[] = [];
  const walk = (node: unknown, path: Segment[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const here = [...path, key];
        if (isSecretKey(key)) {
          issues.push({
            path: formatPath(here),
            line: rangeLine(pair.key, lineAt),
            message: m.secret(envInsteadOf(key, path, sourceIds)),
          });
        } else {
          walk(pair.value, here);
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(doc.contents, []);
  return issues;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
