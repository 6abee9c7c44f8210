// The config's error type and its plain-words messages. Every problem names the file, the
// line and the key path, so an administrator can go straight to it.

import { UitkijkError } from '../errors.ts';

export interface ConfigIssue {
  /** Key path in the file, e.g. `sources[2].schedule.every`; '' for the file as a whole. */
  path: string;
  line?: number;
  message: string;
}

export class ConfigError extends UitkijkError {
  readonly file: string;
  readonly issues: ConfigIssue[];
  constructor(file: string, issues: ConfigIssue[]) {
    super('CONFIG_INVALID', issues.map((issue) => formatIssue(file, issue)).join('\n'));
    this.name = 'ConfigError';
    this.file = file;
    this.issues = issues;
  }
}

/** `config/uitkijk.yaml:14 sources[2].schedule.every: '5 min' is not a duration; use e.g. 5m` */
export function formatIssue(file: string, issue: ConfigIssue): string {
  const where = issue.line === undefined ? file : `${file}:${issue.line}`;
  return issue.path === '' ? `${where} ${issue.message}` : `${where} ${issue.path}: ${issue.message}`;
}

/** `['sources', 2, 'schedule']` → `sources[2].schedule` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += (out === '' ? '' : '.') + String(segment);
  }
  return out;
}
