import { describe, expect, it } from 'vitest';
import { createKeys } from '../../src/store/keys.ts';
import { createFindingStore } from '../../src/store/findings.ts';
import { findingId } from '../../src/finding.ts';
import { useRedis } from './redis-server.ts';
import { sampleFinding, sampleItem } from './sample.ts';

const DAY = 24 * 3600 * 1000;
const db = useRedis();

describe('findingId', () => {
  it('is stable per item and differs per school and item', () => {
    const item = sampleItem();
    expect(findingId(item)).toBe(findingId({ ...item }));
    expect(findingId(item)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(findingId({ ...item, school: 'other-school' })).not.toBe(findingId(item));
    expect(findingId({ ...item, id: `${item.id}x` })).not.toBe(findingId(item));
  });
});

describe('findings', () => {
  it('saves a batch once: a second save of the same ids keeps the first and its status', async () => {
    const keys = createKeys('findings-idem');
    const store = createFindingStore(db.client, { keys, retentionDays: 30 });
    const a = sampleFinding({ id: 'item-a' });
    const b = sampleFinding({ id: 'item-b' });
    expect(await store.saveFindings([a, b])).toBe(2);
    expect(await store.getFinding(a.id)).toEqual(a);

    expect(await store.moveFinding(a.id, 'dismissed', 'open')).toEqual({ moved: true, from: 'open' });
    // A retried classify batch saves the same findings again: nothing changes.
    expect(await store.saveFindings([{ ...a, severity: 'hoog' }, b])).toBe(0);
    const again = await store.getFinding(a.id);
    expect(again?.status).toBe('dismissed');
    expect(again?.severity).toBe(a.severity);
    expect((await store.listByStatus('open', 10)).map((f) => f.id)).toEqual([b.id]);
    expect((await store.listByStatus('dismissed', 10)).map((f) => f.id)).toEqual([a.id]);
    expect(await store.getFinding('nope')).toBeNull();
  });

  it('lists by status, newest first, at most limit', async () => {
    const keys = createKeys('findings-list');
    const store = createFindingStore(db.client, { keys, retentionDays: 30 });
    const findings = [1, 2, 3, 4].map((n) => ({
      ...sampleFinding({ id: `item-${n}` }),
      createdAt: `2026-11-2${n}T12:00:00.000Z`,
    }));
    await store.saveFindings(findings);
    expect((await store.listByStatus('open', 3)).map((f) => f.item.id)).toEqual(['item-4', 'item-3', 'item-2']);
    expect(await store.listByStatus('approved', 3)).toEqual([]);
  });

  it('moves between statuses atomically, only from the expected status', async () => {
    const keys = createKeys('findings-move');
    const store = createFindingStore(db.client, { keys, retentionDays: 30 });
    const f = sampleFinding();
    await store.saveFindings([f]);
    const [first, second] = await Promise.all([store.moveFinding(f.id, 'approved', 'open'), store.moveFinding(f.id, 'escalated', 'open')]);
    expect([first, second]).toContainEqual({ moved: true, from: 'open' });
    expect([first, second]).toContainEqual(expect.objectContaining({ moved: false, reason: 'conflict' }));
    const now = await store.getFinding(f.id);
    expect(['approved', 'escalated']).toContain(now?.status);
    expect(await store.listByStatus('open', 10)).toEqual([]);
    expect((await store.listByStatus(now!.status, 10)).map((x) => x.id)).toEqual([f.id]);
    expect(await store.moveFinding('missing', 'approved')).toEqual({ moved: false, reason: 'missing' });
  });

  it('gives findings a retention TTL, which a decision resets', async () => {
    const keys = createKeys('findings-ttl');
    const store = createFindingStore(db.client, { keys, retentionDays: 30 });
    const f = sampleFinding();
    await store.saveFindings([f]);
    const ttl = await db.client.pttl(keys.finding(f.id));
    expect(ttl).toBeGreaterThan(30 * DAY - 60_000);
    expect(ttl).toBeLessThanOrEqual(30 * DAY);
    expect(await store.expireAfterDecision(f.id, 7)).toBe(true);
    const after = await db.client.pttl(keys.finding(f.id));
    expect(after).toBeGreaterThan(7 * DAY - 60_000);
    expect(after).toBeLessThanOrEqual(7 * DAY);
    expect(await store.expireAfterDecision('gone', 7)).toBe(false);
  });

  it('trims index entries past the retention when saving', async () => {
    const keys = createKeys('findings-trim');
    const old = { ...sampleFinding({ id: 'old' }), createdAt: '2026-10-01T00:00:00.000Z' };
    const fresh = { ...sampleFinding({ id: 'fresh' }), createdAt: '2026-11-24T00:00:00.000Z' };
    const then = createFindingStore(db.client, { keys, retentionDays: 30, now: () => Date.parse(old.createdAt) });
    await then.saveFindings([old]);
    const later = createFindingStore(db.client, { keys, retentionDays: 30, now: () => Date.parse(fresh.createdAt) });
    await later.saveFindings([fresh]);
    expect(await db.client.zrange(keys.findingsByStatus('open'), 0, -1)).toEqual([fresh.id]);
  });

  it('drops expired findings from listings and their index', async () => {
    const keys = createKeys('findings-expired');
    // 40 ms of retention: the finding expires in Redis by itself.
    const store = createFindingStore(db.client, { keys, retentionDays: 40 / DAY });
    const f = sampleFinding();
    await store.saveFindings([f]);
    while ((await db.client.exists(keys.finding(f.id))) === 1) await new Promise((r) => setTimeout(r, 10));
    expect(await store.getFinding(f.id)).toBeNull();
    expect(await store.listByStatus('open', 5)).toEqual([]);
    expect(await db.client.zcard(keys.findingsByStatus('open'))).toBe(0);
  });
});
