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
    // filterUnseen: one ZMSCORE; markSeen: one MULTI of ZADD, trim, PEXPIRE.
    expect(commands.filter((c) => c !== 'get')).toEqual(['zmscore', 'zadd', 'zremrangebyscore', 'pexpire', 'zmscore']);
  });

  it('forgets ids after the retention period', async () => {
    const keys = createKeys('seen-expiry');
    let clock = Date.parse('2026-11-01T00:00:00Z');
    const seen = createSeenStore(db.client, { keys, retentionDays: 2, now: () => clock });
    await seen.markSeen('s', ['old']);
    clock += 1 * DAY;
    await seen.markSeen('s', ['newer']);
    expect(await seen.filterUnseen('s', ['old', 'newer'])).toEqual([]);
    clock += 1.5 * DAY; // 'old' is 2.5 days old now, 'newer' 1.5
    expect(await seen.filterUnseen('s', ['old', 'newer'])).toEqual(['old']);
    // Marking trims members past retention from the set itself.
    await seen.markSeen('s', ['newest']);
    expect(await db.client.zrange(keys.seen('s'), 0, -1)).toEqual(['newer', 'newest']);
    // And the set as a whole expires when the source goes quiet.
    const ttl = await db.client.pttl(keys.seen('s'));
    expect(ttl).toBeGreaterThan(2 * DAY - 60_000);
    expect(ttl).toBeLessThanOrEqual(2 * DAY);
  });
});

describe('cursor', () => {
  it('stores, replaces and forgets a cursor per source', async () => {
    const cursors = createCursorStore(db.client, { keys: createKeys('cursor') });
    expect(await cursors.getCursor('a')).toBeNull();
    await cursors.setCursor('a', 'c1');
    await cursors.setCursor('b', 'x');
    await cursors.setCursor('a', 'c2');
    expect(await cursors.getCursor('a')).toBe('c2');
    expect(await cursors.getCursor('b')).toBe('x');
    await cursors.setCursor('a', null);
    expect(await cursors.getCursor('a')).toBeNull();
  });
});
