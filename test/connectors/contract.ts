// The contract every connector must keep, as a reusable suite (STYLE habit 13): well-formed
// items with stable, unique ids; a cursor that does not hand out the same items as new twice,
// also after a restart (a new connector instance with the stored cursor); 429 with
// Retry-After delays this source by what the platform asked; a server error is a plain
// CONNECTOR_UNAVAILABLE; a malformed item is skipped by id and the rest kept; a body past the
// size cap stops the fetch; and no writes. Platform faults are injected through the HTTP client
// the connector is given, so the same checks run against any server, the reference servers too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, ConnectorEnv, FetchResult, Source, SourceOf } from '../../connectors/types.ts';
import { RateLimitedError, UitkijkError } from '../../src/errors.ts';

export interface ContractSetup<K extends Source['kind']> {
  /** A new connector instance, as after a restart of the process. */
  connector(): Connector<K>;
  source: SourceOf<K>;
  env: ConnectorEnv;
  /** Every request the platform server saw, in order. */
  requests(): { method: string; path: string }[];
  /** Publish one new item on the platform, if the fixture can. */
  addItem?(): Promise<void>;
  /** Publish one item the connector cannot read, and return the id it must be skipped under. */
  addMalformedItem(): Promise<string>;
  /** Requests that are allowed although they are not reads (e.g. logging in). */
  allowedWrites?: RegExp;
  teardown(): Promise<void>;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/** A fetch that answers the next data request itself (auth requests pass through). */
function faulty(base: typeof globalThis.fetch) {
  let next: ((url: string) => Response) | null = null;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (next && !/createSession|refreshSession/.test(url)) {
      const answer = next;
      next = null;
      return answer(url);
    }
    return base(input, init);
  };
  return { fetch, once: (r: (url: string) => Response) => (next = r) };
}

export function runConnectorContract<K extends Source['kind']>(name: string, setup: () => Promise<ContractSetup<K>>): void {
  describe(`connector contract: ${name}`, () => {
    let s: ContractSetup<K>;
    let connector: Connector<K>;
    let first: FetchResult;
    const fetchOf = (c: Connector<K>, cursor: string | null, env: ConnectorEnv = s.env) => c.fetch(s.source, cursor, env);
    beforeAll(async () => {
      s = await setup();
      connector = s.connector();
      first = await fetchOf(connector, null);
    }, 120_000);
    afterAll(async () => {
      if (!s) return; // setup failed: its error is the one to read
      await connector.close?.();
      await s.teardown();
    });

    it('returns well-formed items', () => {
      expect(first.items.length).toBeGreaterThan(0);
      for (const item of first.items) {
        expect(typeof item.id).toBe('string');
        expect(item.id.length).toBeGreaterThan(0);
        expect(item.source).toBe(s.source.id);
        expect(item.school).toBe(s.source.school);
        expect(['reply', 'mention']).toContain(item.context);
        expect(item.url).toMatch(/^https?:\/\//);
        expect(typeof item.author.handle).toBe('string');
        expect(typeof item.text).toBe('string');
        expect(item.text.length).toBeGreaterThan(0);
        expect(item.createdAt).toMatch(ISO);
        expect(Number.isNaN(Date.parse(item.createdAt))).toBe(false);
        expect(Array.isArray(item.media.kinds)).toBe(true);
        expect(item.media.count).toBeGreaterThanOrEqual(item.media.kinds.length > 0 ? 1 : 0);
      }
    });

    it('gives unique ids that are stable across fetches', async () => {
      const ids = first.items.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      const again = await fetchOf(connector, null);
      expect(again.items.map((i) => i.id).sort()).toEqual([...ids].sort());
    });

    it('with the returned cursor hands out nothing it already handed out, and finds what is new', async () => {
      const next = await fetchOf(connector, first.cursor);
      const seen = new Set(first.items.map((i) => i.id));
      // Replies to the school's posts may be read again (threads have no cursor); the pipeline's
      // seen-set drops them. What the cursor covers must not come back as something new.
      expect(next.items.filter((i) => !seen.has(i.id))).toEqual([]);
      if (!s.addItem) return;
      await s.addItem();
      const after = await fetchOf(connector, next.cursor ?? first.cursor);
      expect(after.items.filter((i) => !seen.has(i.id)).length).toBeGreaterThan(0);
    });

    it('resumes after a restart: a new instance with the stored cursor finds only what is new', async () => {
      const before = await fetchOf(connector, first.cursor);
      const known = new Set([...first.items, ...before.items].map((i) => i.id));
      const restarted = s.connector();
      try {
        const resumed = await fetchOf(restarted, before.cursor ?? first.cursor);
        expect(resumed.items.filter((i) => !known.has(i.id))).toEqual([]);
        if (!s.addItem) return;
        await s.addItem();
        const later = await fetchOf(restarted, resumed.cursor ?? before.cursor ?? first.cursor);
        expect(later.items.filter((i) => !known.has(i.id)).length).toBeGreaterThan(0);
      } finally {
        await restarted.close?.();
      }
    });

    it('turns 429 with Retry-After into a RateLimitedError that delays this source by that much', async () => {
      const f = faulty(s.env.fetch ?? globalThis.fetch);
      f.once(
        () =>
          new Response(JSON.stringify({ error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }), {
            status: 429,
            headers: { 'retry-after': '42', 'content-type': 'application/json' },
          }),
      );
      const err = await fetchOf(connector, null, { ...s.env, fetch: f.fetch }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RateLimitedError);
      expect((err as RateLimitedError).retryAfterMs).toBeGreaterThanOrEqual(41_000);
      expect((err as RateLimitedError).retryAfterMs).toBeLessThanOrEqual(42_000);
    });

    it('turns a server error (5xx) into CONNECTOR_UNAVAILABLE naming the source', async () => {
      const f = faulty(s.env.fetch ?? globalThis.fetch);
      f.once(
        () =>
          new Response(JSON.stringify({ error: 'InternalServerError', message: 'Internal Server Error' }), {
            status: 502,
            headers: { 'content-type': 'application/json' },
          }),
      );
      const err = await fetchOf(connector, null, { ...s.env, fetch: f.fetch }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UitkijkError);
      expect((err as UitkijkError).code).toBe('CONNECTOR_UNAVAILABLE');
      expect((err as Error).message).toContain(s.source.id);
    });

    it('stops at the size cap: a body past it is not read into memory', async () => {
      const f = faulty(s.env.fetch ?? globalThis.fetch);
      const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
      let sent = 0;
      f.once(
        () =>
          new Response(
            new ReadableStream({
              pull(controller) {
                sent += chunk.byteLength;
                controller.enqueue(chunk);
                if (sent > 50 * 1024 * 1024) controller.close();
              },
            }),
            { status: 200, headers: { 'content-type': 'application/json' } },
          ),
      );
      const env = { ...s.env, fetch: f.fetch, limits: { ...s.env.limits, maxBytes: 256 * 1024 } };
      const err = await fetchOf(connector, null, env).catch((e: unknown) => e);
      expect((err as UitkijkError).code).toBe('CONNECTOR_TOO_LARGE');
      expect(sent).toBeLessThan(2 * 1024 * 1024);
    });

    it('skips a malformed item by its id and keeps the others', async () => {
      const badId = await s.addMalformedItem();
      const r = await fetchOf(connector, null);
      expect(r.skipped.find((k) => k.id === badId)?.reason).toBeTruthy();
      expect(r.items.some((i) => i.id === badId)).toBe(false);
      for (const item of first.items) expect(r.items.map((i) => i.id)).toContain(item.id);
    });

    it('never writes to the platform', () => {
      const writes = s.requests().filter((r) => !(r.method === 'GET' || r.method === 'HEAD') && !(s.allowedWrites?.test(r.path) ?? false));
      expect(writes).toEqual([]);
      expect(s.requests().length).toBeGreaterThan(0);
    });
  });
}
