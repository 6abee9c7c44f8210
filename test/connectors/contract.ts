// The contract every connector must keep, as a reusable suite: well-formed items with stable,
// unique ids; a cursor that does not hand out the same items as new twice; and no writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, ConnectorEnv, FetchResult, SourceConfig } from '../../connectors/types.ts';

export interface ContractSetup {
  connector: Connector;
  source: SourceConfig;
  env: ConnectorEnv;
  /** Every request the platform server saw, in order. */
  requests(): { method: string; path: string }[];
  /** Publish one new item on the platform, if the fixture can. */
  addItem?(): Promise<void>;
  /** Requests that are allowed although they are not reads (e.g. logging in). */
  allowedWrites?: RegExp;
  teardown(): Promise<void>;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

export function runConnectorContract(name: string, setup: () => Promise<ContractSetup>): void {
  describe(`connector contract: ${name}`, () => {
    let s: ContractSetup;
    let first: FetchResult;
    beforeAll(async () => {
      s = await setup();
      first = await s.connector.fetch(s.source, null, s.env);
    }, 120_000);
    afterAll(async () => {
      if (!s) return; // setup failed: its error is the one to read
      await s.connector.close?.();
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
      const again = await s.connector.fetch(s.source, null, s.env);
      expect(again.items.map((i) => i.id).sort()).toEqual([...ids].sort());
    });

    it('with the returned cursor hands out nothing it already handed out, and finds what is new', async () => {
      const next = await s.connector.fetch(s.source, first.cursor, s.env);
      const seen = new Set(first.items.map((i) => i.id));
      // Replies to the school's posts may be read again (threads have no cursor); the pipeline's
      // seen-set drops them. What the cursor covers must not come back.
      if (!s.addItem) {
        expect(next.items.filter((i) => !seen.has(i.id))).toEqual([]);
        return;
      }
      await s.addItem();
      const after = await s.connector.fetch(s.source, next.cursor ?? first.cursor, s.env);
      expect(after.items.filter((i) => !seen.has(i.id)).length).toBeGreaterThan(0);
    });

    it('never writes to the platform', () => {
      const writes = s.requests().filter((r) => !(r.method === 'GET' || r.method === 'HEAD') && !(s.allowedWrites?.test(r.path) ?? false));
      expect(writes).toEqual([]);
      expect(s.requests().length).toBeGreaterThan(0);
    });
  });
}
