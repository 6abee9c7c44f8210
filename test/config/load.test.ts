import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../src/classify/types.ts';
import { ConfigError } from '../../src/config/errors.ts';
import { configWarnings, DEMO_CONFIG_PATH, loadConfig, parseConfig, reloadConfig, resolveConfigPath } from '../../src/config/load.ts';
import type { Config, ScheduledSource } from '../../src/config/schema.ts';
import { UitkijkError } from '../../src/errors.ts';
import { createLogger } from '../../src/log.ts';

const FILE = 'config/uitkijk.yaml';

const BASE = `schools:
  - id: de-linge
    name: Vivente College De Linge
    keywords: [De Linge]
    alertRecipients: [communicatie@delinge.example.nl]
sources:
  - id: linge-rss
    kind: rss
    school: de-linge
    url: https://delinge.example.nl/comments/feed/
    context: reply
    schedule:
      every: 5m
  - id: linge-bsky
    kind: bluesky
    school: de-linge
    handle: '@delinge.example.nl'
    schedule:
      cron: '*/10 * * * *'
mail:
  from: uitkijk@delinge.example.nl
`;

/** The 1-based line of the first line containing `marker`. */
function lineOf(yaml: string, marker: string): number {
  const index = yaml.split('\n').findIndex((l) => l.includes(marker));
  if (index < 0) throw new Error(`marker ${marker} not in yaml`);
  return index + 1;
}

function configError(yaml: string): ConfigError {
  try {
    parseConfig(yaml, FILE, 'en');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).code).toBe('CONFIG_INVALID');
    return err as ConfigError;
  }
  throw new Error('expected the config to be refused');
}

/** Asserts one issue at `path` on `line` and returns it. */
function issueAt(err: ConfigError, path: string, line: number) {
  const issue = err.issues.find((i) => i.path === path);
  expect(issue, `no issue at ${path}; got ${JSON.stringify(err.issues)}`).toBeDefined();
  expect(issue?.line).toBe(line);
  expect(err.message).toContain(`${FILE}:${line} ${path}: `);
  return issue!;
}

describe('parseConfig: valid files', () => {
  it('applies the defaults', () => {
    const config = parseConfig(BASE, FILE);
    const school = config.schools[0]!;
    expect(school.timezone).toBe('Europe/Amsterdam');
    expect(school.handles).toEqual([]);
    expect(school.allowedContacts).toEqual([]);
    expect(config.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(config.retention).toEqual({ findingsDays: 90, seenDays: 30, auditDays: 365 });
    expect(config.mail).toEqual({ from: 'uitkijk@delinge.example.nl', language: 'nl' });
    expect(config.review).toEqual({ linkDays: 7, sessionHours: 12 });
    const bsky = config.sources[1]!;
    expect(bsky.kind).toBe('bluesky');
    if (bsky.kind !== 'bluesky') throw new Error('unreachable');
    expect(bsky.service).toBe('https://bsky.social');
    expect(bsky.postsToScan).toBe(20);
    expect(bsky.handle).toBe('delinge.example.nl');
    expect(bsky.schedule).toEqual({ cron: '*/10 * * * *' });
    expect((config.sources[0] as ScheduledSource).schedule).toEqual({ every: '5m' });
  });

  it('fills a partly given threshold from the defaults of that label', () => {
    const config = parseConfig(BASE + 'thresholds:\n  threat: { alert: 0.3 }\n', FILE);
    expect(config.thresholds.threat).toEqual({ alert: 0.3, remove: DEFAULT_THRESHOLDS.threat.remove });
    expect(config.thresholds.offensive).toEqual(DEFAULT_THRESHOLDS.offensive);
    // The config's thresholds are what the classifier takes.
    const t: Thresholds = config.thresholds;
    expect(t.personal_data).toEqual(DEFAULT_THRESHOLDS.personal_data);
  });

  it('returns a deeply frozen config', () => {
    const config = parseConfig(BASE, FILE);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.schools[0]!.keywords)).toBe(true);
    expect(Object.isFrozen(config.thresholds.offensive)).toBe(true);
    expect(() => (config.schools as unknown[]).push({})).toThrow(TypeError);
  });

  it('does not share default objects between loads', () => {
    const a = parseConfig(BASE, FILE);
    const b = parseConfig(BASE + 'thresholds:\n  offensive: { alert: 0.1 }\n', FILE);
    expect(a.thresholds.offensive.alert).toBe(DEFAULT_THRESHOLDS.offensive.alert);
    expect(b.thresholds.offensive.alert).toBe(0.1);
  });

  it.each(['config/demo.yaml', 'config/example.yaml'])('%s is valid', (path) => {
    const config = loadConfig(path);
    expect(config.schools.length).toBeGreaterThan(0);
    expect(config.sources.length).toBeGreaterThan(0);
  });

  it('the demo config has the school and the two demo sources', () => {
    const config = loadConfig('config/demo.yaml');
    expect(config.schools.map((s) => s.name)).toEqual(['Vivente College De Linge']);
    expect(config.sources.map((s) => [s.id, s.kind, (s as ScheduledSource).schedule])).toEqual([
      ['demo-bluesky', 'bluesky', { every: '10s' }],
      ['demo-rss', 'rss', { every: '10s' }],
    ]);
    const rss = config.sources[1]!;
    expect(rss.kind === 'rss' && rss.context).toBe('mention');
    const bsky = config.sources[0]!;
    expect(bsky.kind === 'bluesky' && bsky.handle).toBe('vivente-delinge.demo.test');
    const contacts = config.schools.flatMap((s) => [...s.alertRecipients, config.mail.from]);
    for (const address of contacts) expect(address).toMatch(/\.example\.nl$/);
  });
});

describe('parseConfig: errors name the key path and the line', () => {
  it('a bad duration', () => {
    const yaml = BASE.replace('every: 5m', 'every: 5 min');
    const issue = issueAt(configError(yaml), 'sources[0].schedule.every', lineOf(yaml, 'every: 5 min'));
    expect(issue.message).toMatch(/'5 min' is not a duration; use e\.g\. 5m/);
  });

  it('both every and cron', () => {
    const yaml = BASE.replace('      every: 5m', "      every: 5m\n      cron: '0 * * * *'");
    issueAt(configError(yaml), 'sources[0].schedule', lineOf(yaml, 'schedule:'));
  });

  it('neither every nor cron', () => {
    const yaml = BASE.replace("    schedule:\n      cron: '*/10 * * * *'", '    schedule: {}');
    const issue = issueAt(configError(yaml), 'sources[1].schedule', lineOf(yaml, 'schedule: {}'));
    expect(issue.message).toMatch(/every.*cron/);
  });

  it('a bad cron pattern', () => {
    const yaml = BASE.replace("cron: '*/10 * * * *'", "cron: '*/10 * * *'");
    issueAt(configError(yaml), 'sources[1].schedule.cron', lineOf(yaml, "cron: '*/10 * * *'"));
  });

  it('a source referring to an unknown school', () => {
    const yaml = BASE.replace('    school: de-linge\n    handle', '    school: de-lingee\n    handle');
    const issue = issueAt(configError(yaml), 'sources[1].school', lineOf(yaml, 'school: de-lingee'));
    expect(issue.message).toContain("'de-lingee' is not a school");
    expect(issue.message).toContain('de-linge');
  });

  it('reports an unknown school together with other problems', () => {
    const yaml = BASE.replace('    school: de-linge\n    handle', '    school: nope\n    handle').replace('every: 5m', 'every: 5');
    const err = configError(yaml);
    expect(err.issues.map((i) => i.path).sort()).toEqual(['sources[0].schedule.every', 'sources[1].school']);
  });

  it('duplicate source ids', () => {
    const yaml = BASE.replace('id: linge-bsky', 'id: linge-rss');
    const issue = issueAt(configError(yaml), 'sources[1].id', lineOf(yaml, 'kind: bluesky') - 1);
    expect(issue.message).toContain('twice');
  });

  it('duplicate school ids', () => {
    const second = `  - id: de-linge
    name: Tweede
    keywords: [x]
    alertRecipients: [a@delinge.example.nl]
sources:`;
    const yaml = BASE.replace('sources:', second);
    issueAt(configError(yaml), 'schools[1].id', lineOf(yaml, 'name: Tweede') - 1);
  });

  it('an unknown key, at the top and inside a source', () => {
    const yaml = BASE.replace('    context: reply', '    context: reply\n    contxt: reply') + 'extra: 1\n';
    const err = configError(yaml);
    issueAt(err, 'sources[0].contxt', lineOf(yaml, 'contxt:'));
    const top = issueAt(err, 'extra', lineOf(yaml, 'extra: 1'));
    expect(top.message).toContain("unknown key 'extra'");
  });

  it('a key of the other source kind is unknown', () => {
    const yaml = BASE.replace('    context: reply', '    context: reply\n    postsToScan: 5');
    issueAt(configError(yaml), 'sources[0].postsToScan', lineOf(yaml, 'postsToScan'));
  });

  it.each([
    ['password', 'BLUESKY_APP_PASSWORD_LINGE_BSKY'],
    ['appPassword', 'BLUESKY_APP_PASSWORD_LINGE_BSKY'],
    ['token', 'BLUESKY_APP_PASSWORD_LINGE_BSKY'],
  ])('a secret (%s) in a source', (key, env) => {
    const yaml = BASE.replace("    handle: '@delinge", `    ${key}: hunter2-geheim\n    handle: '@delinge`);
    const err = configError(yaml);
    const issue = issueAt(err, `sources[1].${key}`, lineOf(yaml, `${key}: hunter2`));
    expect(issue.message).toContain(env);
    // Reported as a secret, not also as an unknown key, and the value is never echoed.
    expect(err.issues).toHaveLength(1);
    expect(err.message).not.toContain('hunter2');
  });

  it.each([
    ['facebook', '    pageId: "1234567890"', 'FACEBOOK_PAGE_TOKEN_LINGE_SOCIAL'],
    ['instagram', '    userId: "17841400000000000"', 'INSTAGRAM_TOKEN_LINGE_SOCIAL'],
    ['youtube', '    channelId: UCabcdefghijklmnopqrstuv', 'YOUTUBE_API_KEY_LINGE_SOCIAL'],
  ])('a token in a %s source names the variable of that kind', (kind, field, env) => {
    const yaml = BASE.replace(
      'mail:',
      `  - id: linge-social\n    kind: ${kind}\n    school: de-linge\n${field}\n    accessToken: geheim-123\n    schedule: { every: 15m }\nmail:`,
    );
    const err = configError(yaml);
    const issue = issueAt(err, 'sources[2].accessToken', lineOf(yaml, 'accessToken:'));
    expect(issue.message).toContain(env);
    expect(err.message).not.toContain('geheim-123');
  });

  it.each([
    ['youtube', '    channelId: kanaal-van-de-linge', 'sources[2].channelId', /not a YouTube channel id; it starts with UC/],
    ['facebook', '    pageId: "123"\n    apiVersion: "23"', 'sources[2].apiVersion', /not a Graph API version; write for example v23.0/],
    ['instagram', '    userId: "1"\n    login: tiktok', 'sources[2].login', /instagram|facebook/],
  ])('a bad %s field names the key and the line', (kind, fields, path, message) => {
    const yaml = BASE.replace('mail:', `  - id: linge-social\n    kind: ${kind}\n    school: de-linge\n${fields}\n    schedule: { every: 15m }\nmail:`);
    const key = path.split('.').at(-1)!;
    const issue = issueAt(configError(yaml), path, lineOf(yaml, `    ${key}:`));
    expect(issue.message).toMatch(message);
  });

  it.each([
    ['mail:\n  from: uitkijk@delinge.example.nl', 'mail:\n  from: uitkijk@delinge.example.nl\n  smtpPassword: x', 'mail.smtpPassword', 'SMTP_URL'],
    ['mail:', 'secret: abc\nmail:', 'secret', 'UITKIJK_SECRET'],
  ])('a secret elsewhere names its variable', (from, to, path, env) => {
    const yaml = BASE.replace(from, to);
    const issue = issueAt(configError(yaml), path, lineOf(yaml, path.split('.').at(-1)! + ':'));
    expect(issue.message).toContain(env);
  });

  it.each([
    ['    keywords: [De Linge]', '    keywords: [De Linge]]'],
    ['    name: Vivente College De Linge', '    name: Vivente: College'],
    ['    context: reply', '    context: reply\n\tfoo: 1'],
  ])('a YAML syntax error: %s', (from, to) => {
    const yaml = BASE.replace(from, to);
    const err = configError(yaml);
    const line = lineOf(yaml, to.split('\n').at(-1)!);
    expect(err.issues).toEqual([{ path: '', line, message: expect.stringMatching(/^is not valid YAML: /) as string }]);
    expect(err.message).toMatch(new RegExp(`^${FILE}:${line} is not valid YAML: \\S`));
  });

  it('a source without a kind', () => {
    const yaml = BASE.replace('    kind: rss\n', '');
    const issue = issueAt(configError(yaml), 'sources[0].kind', lineOf(yaml, 'id: linge-rss'));
    expect(issue.message).toContain('rss or kind: bluesky');
  });

  it('a duplicate key is a YAML error with its line', () => {
    const yaml = BASE.replace('    context: reply', '    context: reply\n    context: mention');
    const err = configError(yaml);
    expect(err.issues[0]!.line).toBe(lineOf(yaml, 'context: mention'));
  });

  it('a missing required key names its section', () => {
    const yaml = BASE.replace('    url: https://delinge.example.nl/comments/feed/\n', '');
    const issue = issueAt(configError(yaml), 'sources[0].url', lineOf(yaml, 'id: linge-rss'));
    expect(issue.message).toContain('missing');
  });

  it('thresholds out of range or alert above remove', () => {
    const yaml = BASE + 'thresholds:\n  offensive: { alert: 0.9, remove: 0.8 }\n  threat:\n    alert: 1.5\n';
    const err = configError(yaml);
    issueAt(err, 'thresholds.offensive', lineOf(yaml, 'offensive:'));
    issueAt(err, 'thresholds.threat.alert', lineOf(yaml, 'alert: 1.5'));
    expect(err.issues).toHaveLength(2);
  });

  it.each([
    ['kind: rss', 'kind: tiktok', 'sources[0].kind', /'tiktok' is not a source kind; use rss, bluesky, mastodon, facebook, instagram, youtube or jetstream/],
    ['context: reply', 'context: antwoord', 'sources[0].context', /reply.*mention/],
    ['url: https://delinge.example.nl/comments/feed/', 'url: ftp://delinge.example.nl/feed', 'sources[0].url', /not a web address/],
    ['alertRecipients: [communicatie@delinge.example.nl]', 'alertRecipients: [communicatie]', 'schools[0].alertRecipients[0]', /not an e-mail address/],
    ['alertRecipients: [communicatie@delinge.example.nl]', 'alertRecipients: []', 'schools[0].alertRecipients', /at least one/],
    ['keywords: [De Linge]', 'keywords: De Linge', 'schools[0].keywords', /a list/],
    ['id: linge-rss', 'id: linge rss', 'sources[0].id', /not a valid id/],
    ['name: Vivente College De Linge', 'name: Vivente\n    timezone: Europe/Tiel', 'schools[0].timezone', /not a time zone/],
  ])('%s → %s', (from, to, path, message) => {
    const yaml = BASE.replace(from, to);
    const marker = to.split('\n').at(-1)!.trim();
    expect(issueAt(configError(yaml), path, lineOf(yaml, marker)).message).toMatch(message);
  });

  it('an empty file or a file that is not a mapping', () => {
    expect(configError('').message).toContain('empty');
    expect(configError('- a\n- b\n').issues[0]).toMatchObject({ path: '', line: 1 });
  });
});

describe('loadConfig and resolveConfigPath', () => {
  const dir = mkdtempSync(join(tmpdir(), 'uitkijk-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a missing file is CONFIG_NOT_FOUND', () => {
    const path = join(dir, 'nope.yaml');
    expect(() => loadConfig(path)).toThrow(UitkijkError);
    try {
      loadConfig(path);
    } catch (err) {
      expect((err as UitkijkError).code).toBe('CONFIG_NOT_FOUND');
      expect((err as Error).message).toContain(path);
    }
  });

  it('names the file it read in messages', () => {
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, BASE.replace('every: 5m', 'every: 5 min'));
    expect(() => loadConfig(path, 'en')).toThrow(`${path}:${lineOf(BASE, 'every: 5m')} sources[0].schedule.every:`);
  });

  it('prefers --config, then config/uitkijk.yaml, then the demo config', () => {
    expect(resolveConfigPath('x.yaml', { cwd: dir })).toBe('x.yaml');
    expect(resolveConfigPath(undefined, { cwd: dir })).toBe(DEMO_CONFIG_PATH);
    expect(readFileSync(DEMO_CONFIG_PATH, 'utf8')).toContain('demo-bluesky');
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'config', 'uitkijk.yaml'), BASE);
    expect(resolveConfigPath(undefined, { cwd: dir })).toBe(join(dir, 'config', 'uitkijk.yaml'));
  });
});

describe('reloadConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'uitkijk-reload-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function memoryLogger() {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk, _enc, cb) {
        lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        cb();
      },
    });
    return { log: createLogger({ destination, level: 'info' }), lines };
  }

  it('returns the new config when the file is valid', () => {
    const path = join(dir, 'ok.yaml');
    const current: Config = parseConfig(BASE, FILE);
    writeFileSync(path, BASE.replace('every: 5m', 'every: 1m'));
    const { log, lines } = memoryLogger();
    const next = reloadConfig(path, current, log);
    expect(next).not.toBe(current);
    expect((next.sources[0] as ScheduledSource).schedule).toEqual({ every: '1m' });
    expect(lines.some((l) => l.level === 30)).toBe(true);
  });

  it('keeps the current config and logs an error on an invalid file', () => {
    const path = join(dir, 'bad.yaml');
    const current: Config = parseConfig(BASE, FILE);
    writeFileSync(path, BASE.replace('every: 5m', 'every: 5 min'));
    const { log, lines } = memoryLogger();
    expect(reloadConfig(path, current, log)).toBe(current);
    const error = lines.find((l) => l.level === 50);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', config: path });
    expect(JSON.stringify(error)).toContain('sources[0].schedule.every');
  });

  it('keeps the current config when the file is gone', () => {
    const current: Config = parseConfig(BASE, FILE);
    const { log, lines } = memoryLogger();
    expect(reloadConfig(join(dir, 'gone.yaml'), current, log)).toBe(current);
    expect(lines.find((l) => l.level === 50)).toMatchObject({ code: 'CONFIG_NOT_FOUND' });
  });
});

describe('parseConfig: hostile YAML', () => {
  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill('*' + String.fromCharCode(96 + i))
          .join(', ')}]`,
      );
    const err = configError(lines.join('\n') + '\n');
    expect(err.issues[0]!.message).toMatch(/YAML/);
  });
});

describe('config messages in Dutch (the default) and English', () => {
  it('says the same thing in both languages, with the same file, line and key', () => {
    const yaml = BASE.replace('every: 5m', 'every: 5 min');
    const line = lineOf(BASE, 'every: 5m');
    const nl = (() => {
      try {
        parseConfig(yaml, FILE);
      } catch (err) {
        return err as ConfigError;
      }
      throw new Error('expected a refusal');
    })();
    expect(nl.message).toBe(`${FILE}:${line} sources[0].schedule.every: '5 min' is geen tijdsduur; schrijf bijvoorbeeld 5m (eenheden: s, m, h, d)`);
    expect(configError(yaml).message).toBe(`${FILE}:${line} sources[0].schedule.every: '5 min' is not a duration; use e.g. 5m (units: s, m, h, d)`);
    const unknown = BASE + 'extra: 1\n';
    expect(() => parseConfig(unknown, FILE)).toThrow(/onbekende sleutel 'extra'/);
    expect(() => parseConfig(BASE.replace('every: 5m', "every: 5m\n      cron: '* * * * *'"), FILE)).toThrow(/zowel 'every' als 'cron'/);
  });
});

describe('loadConfig: files that are not YAML text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'uitkijk-config-bytes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const refusal = (name: string, bytes: Buffer, lang: 'nl' | 'en' = 'en') => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    try {
      loadConfig(path, lang);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as Error).message;
    }
    throw new Error('expected a refusal');
  };

  it('a binary file, a UTF-16 file (with or without BOM) and broken UTF-8 each get a plain reason', () => {
    expect(refusal('photo.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))).toMatch(
      /not a text file/,
    );
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BASE, 'utf16le')]);
    expect(refusal('utf16.yaml', utf16)).toMatch(/saved as UTF-16; save it as UTF-8/);
    expect(refusal('utf16-nobom.yaml', Buffer.from(BASE, 'utf16le'))).toMatch(/UTF-16/);
    expect(refusal('utf16.yaml', utf16, 'nl')).toMatch(/opgeslagen als UTF-16; sla het op als UTF-8/);
    expect(refusal('latin1.yaml', Buffer.concat([Buffer.from(BASE), Buffer.from([0xe9, 0x0a])]))).toMatch(/not valid UTF-8/);
  });

  it('an absurdly nested file is refused with a message, not a stack overflow', () => {
    expect(refusal('deep.yaml', Buffer.from('a: ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n'))).toMatch(/nested too deeply/);
    const blocks = Array.from({ length: 60 }, (_, i) => '  '.repeat(i) + `k${i}:`).join('\n') + ' 1\n';
    expect(refusal('deep-blocks.yaml', Buffer.from(blocks))).toMatch(/nested too deeply/);
  });

  it('a UTF-8 BOM is fine', () => {
    const path = join(dir, 'bom.yaml');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BASE)]));
    expect(loadConfig(path).schools).toHaveLength(1);
  });
});

describe('configWarnings', () => {
  it('warns about a schedule that parses but never fires, naming the key', () => {
    const config = parseConfig(BASE.replace("cron: '*/10 * * * *'", "cron: '0 0 31 2,4 *'"), FILE);
    const warnings = configWarnings(config, FILE, 'en');
    expect(warnings).toEqual([`${FILE} sources[1].schedule.cron: '0 0 31 2,4 *' never comes round in the next five years, so this schedule does not run`]);
    expect(configWarnings(parseConfig(BASE, FILE), FILE)).toEqual([]);
  });

  it('refuses a pattern BullMQ cannot run, with its line', () => {
    const err = configError(BASE.replace("cron: '*/10 * * * *'", "cron: '0 0 15W * *'"));
    expect(err.message).toMatch(/sources\[1\]\.schedule\.cron: '0 0 15W \* \*' is not a cron pattern the scheduler can run/);
    expect(configError(BASE.replace("cron: '*/10 * * * *'", "cron: '0 0 31 2 *'")).message).toMatch(/Invalid explicit day of month/);
  });
});

describe('moderators, leadership and the digest', () => {
  const withReview = (moderators: string, digest: string) =>
    BASE.replace(
      '    alertRecipients: [communicatie@delinge.example.nl]',
      `    alertRecipients: [communicatie@delinge.example.nl]\n    moderators: ${moderators}\n    leadership: [directie@delinge.example.nl]`,
    ) + digest;

  it('reads them, with defaults for what is left out', () => {
    const config = parseConfig(withReview('[m@delinge.example.nl]', "digest:\n  cron: '0 8 * * 1-5'\nadministrators: [beheer@vivente.example.nl]\n"), 'x.yaml');
    expect(config.schools[0]!.moderators).toEqual(['m@delinge.example.nl']);
    expect(config.schools[0]!.leadership).toEqual(['directie@delinge.example.nl']);
    expect(config.digest).toEqual({ cron: '0 8 * * 1-5', sendWhenEmpty: false, skipUnchanged: false });
    expect(config.administrators).toEqual(['beheer@vivente.example.nl']);
    expect(config.review).toMatchObject({ linkDays: 7, sessionHours: 12 });
    expect(config.review.baseUrl).toBeUndefined();
  });

  it('names the key and the line of a moderator that is not an address, and of a digest schedule that cannot run', () => {
    const yaml = withReview('[m@delinge.example.nl, niet-een-adres]', "digest:\n  cron: '0 25 * * *'\n");
    const err = configError(yaml);
    expect(issueAt(err, 'schools[0].moderators[1]', lineOf(yaml, 'moderators')).message).toMatch(/not an e-mail address/);
    expect(issueAt(err, 'digest.cron', lineOf(yaml, "cron: '0 25")).message).toMatch(/cron/);
  });
});
