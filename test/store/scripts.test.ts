import { describe, expect, it } from 'vitest';
import { createKeys } from '../../src/store/keys.ts';
import { createAlertLedger, createLease } from '../../src/store/scripts.ts';
import { useRedis } from './redis-server.ts';

const DAY = 24 * 3600 * 1000;
const db = useRedis();
const ledgerFor = (name: string, retention = 30 * DAY) => {
  const keys = createKeys(name);
  return { keys, ledger: createAlertLedger(db.client, { keys, retentionMs: () => retention }) };
};

describe('alert ledger', () => {
  it('lets exactly one of many racing workers claim', async () => {
    const { ledger } = ledgerFor('ledger-race');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => ledger.claimAlert('f1', `worker-${i}`, 60_000)));
    expect(results.filter((r) => r.state === 'claimed')).toHaveLength(1);
    for (const r of results.filter((r) => r.state !== 'claimed')) {
      expect(r.state).toBe('busy');
      if (r.state === 'busy') expect(r.retryInMs).toBeGreaterThan(0);
    }
  });

  it('never lets anyone claim after a confirmed send, and keeps that for the retention', async () => {
    const { keys, ledger } = ledgerFor('ledger-sent');
    expect(await ledger.claimAlert('f1', 'w1', 60_000)).toEqual({ state: 'claimed', again: false });
    expect(await ledger.markAlertSent('f1', 'w1')).toBe(true);
    expect(await ledger.isAlertSent('f1')).toBe(true);
    expect(await db.client.exists(keys.alertClaim('f1'))).toBe(0);
    expect(await db.client.exists(keys.alertAttempt('f1'))).toBe(0);
    expect(await ledger.claimAlert('f1', 'w2', 60_000)).toEqual({ state: 'sent' });
    expect(await ledger.markAlertSent('f1', 'w2')).toBe(false);
    const ttl = await db.client.pttl(keys.alertSent('f1'));
    expect(ttl).toBeGreaterThan(30 * DAY - 60_000);
    expect(ttl).toBeLessThanOrEqual(30 * DAY);
  });

  it('frees the claim after a failed send (release) or a crash (lease expiry)', async () => {
    const { keys, ledger } = ledgerFor('ledger-retry', DAY);
    expect((await ledger.claimAlert('f1', 'w1', 60_000)).state).toBe('claimed');
    // Someone else's token cannot release it.
    await ledger.releaseAlert('f1', 'w2');
    expect((await ledger.claimAlert('f1', 'w2', 60_000)).state).toBe('busy');
    await ledger.releaseAlert('f1', 'w1');
    // A released (failed, nothing delivered) attempt is not a possible duplicate.
    expect(await ledger.claimAlert('f1', 'w2', 60_000)).toEqual({ state: 'claimed', again: false });

    // A crashed worker's short lease runs out by itself; its attempt stays and is reported.
    expect((await ledger.claimAlert('f2', 'crashed', 30)).state).toBe('claimed');
    while ((await db.client.exists(keys.alertClaim('f2'))) === 1) await new Promise((r) => setTimeout(r, 5));
    expect(await ledger.claimAlert('f2', 'retry', 60_000)).toEqual({ state: 'claimed', again: true });
    expect(await ledger.isAlertSent('f2')).toBe(false);
    expect(await db.client.pttl(keys.alertAttempt('f2'))).toBeGreaterThan(DAY - 60_000);
  });

  it('keeps alerts waiting for the mail server, with the time of the first failure, until sent', async () => {
    const { keys, ledger } = ledgerFor('ledger-waiting', DAY);
    expect(await ledger.waiting()).toEqual({ count: 0, oldestSince: null });
    const t0 = Date.now();
    expect(await ledger.markWaiting('a')).toBe(1);
    expect(await ledger.markWaiting('b')).toBe(2);
    expect(await ledger.markWaiting('a')).toBe(2); // a second failure keeps the first time
    const w = await ledger.waiting();
    expect(w.count).toBe(2);
    expect(w.oldestSince).toBeGreaterThanOrEqual(t0 - 1000);
    expect(await db.client.pttl(keys.alertsWaiting())).toBeGreaterThan(DAY - 60_000);
    await ledger.claimAlert('a', 'w', 60_000);
    await ledger.markAlertSent('a', 'w');
    expect((await ledger.waiting()).count).toBe(1);
  });
});

describe('lease', () => {
  it('has one holder at a time, released only by its holder, and expires', async () => {
    const lease = createLease(db.client, (name) => `lease-test:${name}`);
    const a = await lease.take('bron', 60_000);
    expect(a).toBeTruthy();
    expect(await lease.take('bron', 60_000)).toBeNull();
    await lease.release('bron', 'not-the-token');
    expect(await lease.take('bron', 60_000)).toBeNull();
    await lease.release('bron', a!);
    const b = await lease.take('bron', 30);
    expect(b).toBeTruthy();
    while ((await db.client.exists('lease-test:bron')) === 1) await new Promise((r) => setTimeout(r, 5));
    expect(await lease.take('bron', 60_000)).toBeTruthy();
  });
});
