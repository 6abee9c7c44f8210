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
import { configSchema, type Config } from './schema.ts';
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

export function loadConfig(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new UitkijkError(
        'CONFIG_NOT_FOUND',
        `config file ${path} not found; pass --config FILE, or copy config/example.yaml to ${DEFAULT_CONFIG_PATH} and adapt it`,
        { cause: err },
      );
    }
    throw new UitkijkError('CONFIG_NOT_FOUND', `config file ${path} cannot be read (${code ?? String(err)})`, { cause: err });
  }
  return parseConfig(text, path);
}

export function parseConfig(yamlText: string, fileName: string): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;

  if (doc.errors.length > 0) {
    // Only the first: after a syntax error the parser loses its place, and what it reports
    // further down follows from the first one more often than not.
    const first = doc.errors[0]!;
    const line = lineAt(first.pos[0]);
    throw new ConfigError(fileName, [{ path: '', line, message: `is not valid YAML: ${plainYamlMessage(first.message)}` }]);
  }

  let data: unknown;
  try {
    data = doc.toJS();
  } catch (err) {
    // yaml refuses alias bombs (too many *references) here rather than while parsing.
    throw new ConfigError(fileName, [{ path: '', message: `cannot be read as YAML: ${(err as Error).message}` }]);
  }
  if (data === null || data === undefined) {
    throw new ConfigError(fileName, [{ path: '', message: 'is empty; start from config/example.yaml' }]);
  }

  const secretIssues = findSecrets(doc, data, lineAt);
  const result = configSchema.safeParse(data, { reportInput: true, error: plainWords });
  const issues: ConfigIssue[] = [...secretIssues];
  if (!result.success) {
    const secretPaths = new Set(secretIssues.map((i) => i.path));
    for (const issue of result.error.issues) {
      for (const converted of convertIssue(issue, doc, lineAt)) {
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
 * Loads the file again for a running process (SIGHUP). An invalid file is refused with one
 * error line per problem and the config in force stays; the new config is returned otherwise.
 */
export function reloadConfig(path: string, current: Config, log: Logger): Config {
  try {
    const next = loadConfig(path);
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

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list (lines starting with -)',
  object: 'a section of keys',
};

function describe(input: unknown): string {
  if (input === null) return 'nothing';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a section of keys';
  return quote(input);
}

/** Zod's generic issues, in plain words. Messages set in the schema take precedence. */
const plainWords: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing; add it';
      return `should be ${TYPE_WORDS[issue.expected] ?? issue.expected}, not ${describe(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `${quote(issue.input)} is too small; use at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `has too many entries; at most ${issue.maximum}`;
      if (issue.origin === 'string') return `is too long; at most ${issue.maximum} characters`;
      return `${quote(issue.input)} is too large; use at most ${issue.maximum}`;
    case 'invalid_value':
      return `${quote(issue.input)} is not allowed; use ${issue.values.map((v) => String(v)).join(' or ')}`;
    case 'invalid_format':
      return `${quote(issue.input)} is not a valid ${issue.format}`;
    case 'unrecognized_keys':
      return 'unknown key; remove it or check its spelling';
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

function convertIssue(issue: z.core.$ZodIssue, doc: Document, lineAt: (offset: number) => number): ConfigIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      return { path: formatPath(path), line: lineOf(doc, path, lineAt), message: `unknown key '${key}'; remove it or check its spelling` };
    });
  }
  if (issue.path.length === 0 && issue.code === 'invalid_type') {
    return [{ path: '', line: 1, message: 'should be a section of keys (schools, sources, mail, …); start from config/example.yaml' }];
  }
  return [{ path: formatPath(issue.path), line: lineOf(doc, issue.path, lineAt), message: issue.message }];
}

/** Secret-looking keys anywhere in the file. Only key names are read; values are never echoed. */
function findSecrets(doc: Document, data: unknown, lineAt: (offset: number) => number): ConfigIssue[] {
  const sources = (data as { sources?: unknown }).sources;
  const sourceIds = Array.isArray(sources) ? sources.map((s) => (s as { id?: unknown } | null)?.id) : [];
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
            message: `secrets do not belong in the config file; remove this key and set the environment variable ${envInsteadOf(key, path, sourceIds)} instead`,
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
