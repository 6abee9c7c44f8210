import { describe, expect, it } from 'vitest';
import { createKeys } from '../../src/store/keys.ts';
import { createAlertLedger } from '../../src/store/scripts.ts';
import { useRedis } from './redis-server.ts';

const DAY = 24 * 3600 * 1000;
const db = useRedis();

describe('alert ledger', () => {
  it('lets exactly one of many racing workers claim', async () => {
    const ledger = createAlertLedger(db.client, { keys: createKeys('ledger-race'), retentionMs: 30 * DAY });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => ledger.claimAlert('f1', `worker-${i}`, 60_000)),
    );
    expect(results.filter((r) => r.state === 'claimed')).toHaveLength(1);
    for (const r of results.filter((r) => r.state !== 'claimed')) {
      expect(r.state).toBe('busy');
      if (r.state === 'busy') expect(r.retryInMs).toBeGreaterThan(0);
    }
  });

  it('never lets anyone claim after a confirmed send, and keeps that for the retention', async () => {
    const keys = createKeys('ledger-sent');
    const ledger = createAlertLedger(db.client, { keys, retentionMs: 30 * DAY });
    expect(await ledger.claimAlert('f1', 'w1', 60_000)).toEqual({ state: 'claimed' });
    expect(await ledger.markAlertSent('f1', 'w1')).toBe(true);
    expect(await ledger.isAlertSent('f1')).toBe(true);
    expect(await db.client.exists(keys.alertClaim('f1'))).toBe(0);
    expect(await ledger.claimAlert('f1', 'w2', 60_000)).toEqual({ state: 'sent' });
    expect(await ledger.markAlertSent('f1', 'w2')).toBe(false);
    const ttl = await db.client.pttl(keys.alertSent('f1'));
    expect(ttl).toBeGreaterThan(30 * DAY - 60_000);
    expect(ttl).toBeLessThanOrEqual(30 * DAY);
  });

  it('frees the claim after a failed send (release) or a crash (lease expiry)', async () => {
    const keys = createKeys('ledger-retry');
    const ledger = createAlertLedger(db.client, { keys, retentionMs: DAY });
    expect((await ledger.claimAlert('f1', 'w1', 60_000)).state).toBe('claimed');
    // Someone else's token cannot release it.
    await ledger.releaseAlert('f1', 'w2');
    expect((await ledger.claimAlert('f1', 'w2', 60_000)).state).toBe('busy');
    await ledger.releaseAlert('f1', 'w1');
    expect((await ledger.claimAlert('f1', 'w2', 60_000)).state).toBe('claimed');

    // A crashed worker's short lease runs out by itself.
    expect((await ledger.claimAlert('f2', 'crashed', 30)).state).toBe('claimed');
    while ((await db.client.exists(keys.alertClaim('f2'))) === 1) await new Promise((r) => setTimeout(r, 5));
    expect((await ledger.claimAlert('f2', 'retry', 60_000)).state).toBe('claimed');
    expect(await ledger.isAlertSent('f2')).toBe(false);
  });
});
