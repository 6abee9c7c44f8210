import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED } from '../src/log.ts';

function memory() {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return {
    destination,
    output: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

const TEXT = 'Meneer Bakker woont op de Berkenlaan 6, bel 06-12345678';
const AUTHOR = 'Jantje Pietersen';
const HANDLE = 'jantje-p.bsky.social';
const SECRET = 'hunter2-zeer-geheim';

describe('createLogger', () => {
  it('writes JSON lines with ids and counts', () => {
    const mem = memory();
    const log = createLogger({ destination: mem.destination });
    log.info({ source: 'linge-rss', items: 3 }, 'fetched');
    const [line] = mem.lines();
    expect(line).toMatchObject({ level: 30, source: 'linge-rss', items: 3, msg: 'fetched', service: 'uitkijk' });
    expect(typeof line!.time).toBe('string');
  });

  it('never writes a comment text, an author or a secret', () => {
    const mem = memory();
    const log = createLogger({ destination: mem.destination, level: 'debug' });
    const item = {
      id: 'bsky:at://did:plc:abc/app.bsky.feed.post/3k',
      source: 'linge-bsky',
      text: TEXT,
      author: { handle: HANDLE, displayName: AUTHOR },
    };
    log.info({ item }, 'classified');
    log.info({ items: [item, { ...item, id: 'second' }] }, 'batch');
    log.warn({ text: TEXT, author: AUTHOR, displayName: AUTHOR }, 'top level');
    log.error({ job: { data: { item } } }, 'three levels down');
    log.info({ source: { id: 'linge-bsky', password: SECRET, token: SECRET, accessJwt: SECRET } }, 'login');
    log.info({ smtpUrl: `smtps://u:${SECRET}@smtp.example.nl`, secret: SECRET, req: { headers: { authorization: `Bearer ${SECRET}` } } }, 'settings');
    log.child({ module: 'fetch' }).info({ item }, 'child logger');

    const out = mem.output();
    for (const forbidden of [TEXT, 'Berkenlaan', AUTHOR, HANDLE, SECRET]) expect(out).not.toContain(forbidden);
    // The line itself is kept, ids and all, with the sensitive values replaced.
    const lines = mem.lines();
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatchObject({ item: { id: item.id, source: 'linge-bsky', text: REDACTED, author: REDACTED } });
    expect(lines[1]).toMatchObject({
      items: [
        { id: item.id, text: REDACTED },
        { id: 'second', text: REDACTED },
      ],
    });
    expect(lines[4]).toMatchObject({ source: { id: 'linge-bsky', password: REDACTED } });
    expect(lines[6]).toMatchObject({ module: 'fetch', item: { id: item.id, text: REDACTED } });
  });

  it('respects the level', () => {
    const mem = memory();
    const log = createLogger({ destination: mem.destination, level: 'warn' });
    log.info('hidden');
    log.warn('shown');
    expect(mem.lines().map((l) => l.msg)).toEqual(['shown']);
  });
});

describe('redaction reaches every depth', () => {
  it('scrubs items nested deep in a job, without touching what the caller holds', () => {
    const mem = memory();
    const log = createLogger({ destination: mem.destination });
    const job = { id: 'j1', data: { batch: { items: [{ id: 'i1', text: TEXT, author: { displayName: AUTHOR } }] } } };
    log.info({ job }, 'deep');
    expect(mem.output()).not.toContain(TEXT);
    expect(mem.output()).not.toContain(AUTHOR);
    expect(mem.lines()[0]).toMatchObject({ job: { id: 'j1', data: { batch: { items: [{ id: 'i1', text: REDACTED }] } } } });
    expect(job.data.batch.items[0]!.text).toBe(TEXT);
  });

  it('redacts child logger bindings', () => {
    const mem = memory();
    createLogger({ destination: mem.destination })
      .child({ module: 'classify', item: { id: 'i2', text: TEXT } })
      .info('bound');
    expect(mem.output()).not.toContain(TEXT);
    expect(mem.lines()[0]).toMatchObject({ module: 'classify', item: { id: 'i2', text: REDACTED } });
  });

  it('logs errors with their message and stack, and survives cycles', () => {
    const mem = memory();
    const cyclic: Record<string, unknown> = { id: 'c' };
    cyclic.self = cyclic;
    createLogger({ destination: mem.destination }).error({ err: new Error('fetch failed: 503'), cyclic }, 'failed');
    const [line] = mem.lines();
    expect(line).toMatchObject({ err: { type: 'Error', message: 'fetch failed: 503' }, cyclic: { id: 'c', self: '[Circular]' } });
    expect(String((line!.err as { stack: string }).stack)).toContain('log.test.ts');
  });
});
