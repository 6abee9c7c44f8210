// Cron patterns are judged by the parser BullMQ's schedulers use, so `config check` accepts
// exactly what will run, and says so when a valid pattern never comes round.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { checkCron } from '../../src/config/cron.ts';

const require = createRequire(import.meta.url);

describe('checkCron', () => {
  it('uses the cron-parser version bullmq itself depends on', () => {
    const bullmq = JSON.parse(readFileSync(require.resolve('bullmq/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const ours = JSON.parse(readFileSync(require.resolve('cron-parser/package.json'), 'utf8')) as { version: string };
    expect(ours.version).toBe(bullmq.dependencies['cron-parser']);
  });

  it.each(['*/10 * * * *', '0 8 * * 1-5', '0 7-18 * * MON-FRI', '0 0 1 JAN *', '30 0 8 * * 1-5', '0 0 L * ?', '5,35 */2 * * 0,6', '0 0 29 2 *'])(
    'accepts %s',
    (pattern) => expect(checkCron(pattern, 'Europe/Amsterdam')).toEqual({ ok: true, firesWithinYears: true }),
  );

  it.each([
    ['* * * *', /4 fields/],
    ['60 * * * *', /60/],
    ['0 24 * * *', /24/],
    ['0 8 * 13 *', /13/],
    ['0 0 15W * *', /15W/],
    ['0 0 31 2 *', /day of month/],
    ['not a cron', /3 fields/],
  ])('refuses %s', (pattern, reason) => {
    const check = checkCron(pattern);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it('tells a valid pattern that never fires apart', () => {
    expect(checkCron('0 0 31 2,4 *')).toEqual({ ok: true, firesWithinYears: false });
  });
});
