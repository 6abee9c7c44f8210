// Waiting for a condition instead of sleeping a fixed time (STYLE habit 16).
import type { Queues } from '../../src/pipeline/queues.ts';

/** Wait until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | false | null | undefined> | T | false | null | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Wait until the queues hold no waiting or active jobs, nor delayed classify or alert jobs.
 * Delayed fetch jobs are the schedulers' next runs, so they do not count.
 */
export async function drain(queues: Queues, timeoutMs = 30_000): Promise<void> {
  await waitFor(
    'queues to drain',
    async () => {
      for (const q of [queues.fetch, queues.classify, queues.alert]) {
        const states = q === queues.fetch ? (['waiting', 'active', 'prioritized'] as const) : (['waiting', 'active', 'delayed', 'prioritized'] as const);
        const c = await q.getJobCounts(...states);
        if (Object.values(c).some((n) => n > 0)) return false;
      }
      return true;
    },
    timeoutMs,
  );
}
