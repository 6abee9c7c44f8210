import { describe, expect, it } from 'vitest';
import { createKeys } from '../../src/store/keys.ts';
import { createSeenStore } from '../../src/store/seen.ts';
import { createCursorStore } from '../../src/store/cursor.ts';
import { useRedis } from './redis-server.ts';

const DAY = 24 * 3600 * 1000;
const db = useRedis();

describe('seen-set', () => {
  it('filters a batch against what was seen, once per id, per source', async () => {
    const keys = createKeys('seen-basic');
    const seen = createSeenStore(db.client, { keys, retentionDays: 30 });
    expect(await seen.filterUnseen('a', ['1', '2', '2', '3'])).toEqual(['1', '2', '3']);
    await seen.markSeen('a', ['1', '2']);
    expect(await seen.filterUnseen('a', ['1', '2', '3', '4', '3'])).toEqual(['3', '4']);
    // Another source has its own set.
    expect(await seen.filterUnseen('b', ['1', '2'])).toEqual(['1', '2']);
    expect(await seen.filterUnseen('a', [])).toEqual([]);
  });

  it('costs one Redis round trip per batch call', async () => {
    const keys = createKeys('seen-trips');
    const seen = createSeenStore(db.client, { keys, retentionDays: 30 });
    const ids = Array.from({ length: 500 }, (_, i) => `item-${i}`);
    const monitor = await db.client.monitor();
    const commands: string[] = [];
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (String(args[1] ?? '').includes('seen-trips')) commands.push(String(args[0]).toLowerCase());
    });
    await seen.filterUnseen('s', ids);
    await seen.markSeen('s', ids);
    await seen.filterUnseen('s', ids);
    // A marker command after ours; once it shows up, ours have been seen by the monitor.
    await db.client.get('uitkijk:{seen-trips}:done');
    await new Promise<void>((resolve) => {
      const check = () => (commands.includes('get') ? resolve() : setImmediate(check));
      check();
    });
    monitor.disconnect();
    // Each call is one MULTI. filterUnseen: ZMSCORE seen and pending, refresh what was seen
    // (ZADD XX), PEXPIRE; markSeen: ZADD, trim, PEXPIRE, clear pending (ZREM).
    const ours = commands.filter((c) => c !== 'get');
    const filter = ['zmscore', 'zmscore', 'zadd', 'pexpire'];
    expect(ours).toEqual([...filter, 'zadd', 'zremrangebyscore', 'pexpire', 'zrem', ...filter]);
  });

  it('forgets ids after the retention period', async () => {
    const keys = createKeys('seen-expiry');
    let clock = Date.parse('2026-11-01T00:00:00Z');
    const seen = createSeenStore(db.client, { keys, retentionDays: 2, now: () => clock });
    await seen.markSeen('s', ['old']);
    clock += 1 * DAY;
    await seen.markSeen('s', ['newer']);
    expect(await seen.filterUnseen('s', ['newer'])).toEqual([]);
    clock += 1.5 * DAY; // 'old' was last listed 2.5 days ago, 'newer' 1.5
    // Marking trims members past retention from the set itself.
    await seen.markSeen('s', ['newest']);
    expect(await db.client.zrange(keys.seen('s'), 0, -1)).toEqual(['newer', 'newest']);
    expect(await seen.filterUnseen('s', ['old', 'newer'])).toEqual(['old']);
    // And the set as a whole expires when the source goes quiet.
    const ttl = await db.client.pttl(keys.seen('s'));
    expect(ttl).toBeGreaterThan(2 * DAY - 60_000);
    expect(ttl).toBeLessThanOrEqual(2 * DAY);
  });
});

describe('pending', () => {
  it('counts queued ids as not new until they are classified, and a stale pending mark as new again', async () => {
    const keys = createKeys('seen-pending');
    let clock = Date.parse('2026-11-01T00:00:00Z');
    const seen = createSeenStore(db.client, { keys, retentionDays: 30, pendingMs: 3_600_000, now: () => clock });
    await seen.markPending('s', ['a', 'b']);
    expect(await seen.filterUnseen('s', ['a', 'b', 'c'])).toEqual(['c']);
    // 'a' was classified; 'b' never was (its job was lost): after pendingMs it is queued again.
    await seen.markSeen('s', ['a']);
    expect(await db.client.zrange(keys.pending('s'), 0, -1)).toEqual(['b']);
    clock += 2 * 3_600_000;
    expect(await seen.filterUnseen('s', ['a', 'b'])).toEqual(['b']);
    expect(await db.client.pttl(keys.pending('s'))).toBeGreaterThan(0);
  });

  it('keeps an item seen for as long as its source keeps listing it', async () => {
    const keys = createKeys('seen-refresh');
    let clock = Date.parse('2026-11-01T00:00:00Z');
    const seen = createSeenStore(db.client, { keys, retentionDays: 2, now: () => clock });
    await seen.markSeen('s', ['still-listed']);
    for (let day = 0; day < 5; day++) {
      clock += DAY;
      expect(await seen.filterUnseen('s', ['still-listed'])).toEqual([]);
    }
  });
});

describe('cursor', () => {
  it('stores, replaces and forgets a cursor per source, and lets it expire after the retention', async () => {
    const cursors = createCursorStore(db.client, { keys: createKeys('cursor'), retentionMs: () => 3 * DAY });
    expect(await cursors.getCursor('a')).toBeNull();
    await cursors.setCursor('a', 'c1');
    await cursors.setCursor('b', 'x');
    await cursors.setCursor('a', 'c2');
    expect(await cursors.getCursor('a')).toBe('c2');
    expect(await cursors.getCursor('b')).toBe('x');
    const ttl = await db.client.pttl(createKeys('cursor').cursor('a'));
    expect(ttl).toBeGreaterThan(3 * DAY - 60_000);
    await cursors.setCursor('a', null);
    expect(await cursors.getCursor('a')).toBeNull();
  });
});
