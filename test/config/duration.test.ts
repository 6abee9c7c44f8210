import { describe, expect, it } from 'vitest';
import { durationMs, isDuration, parseDuration } from '../../src/config/duration.ts';
import { cronProblem } from '../../src/config/cron.ts';

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['2d', 172_800_000],
    ['10s', 10_000],
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
    expect(durationMs(text)).toBe(ms);
    expect(isDuration(text)).toBe(true);
  });

  it.each(['5 min', '5', 'm', '0m', '-5m', '1.5h', '5M', '1h30m', '', '30d'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeNull();
    expect(() => durationMs(text)).toThrow(RangeError);
  });
});

describe('cronProblem', () => {
  it.each(['*/10 * * * *', '0 8 * * 1-5', '0 7-18 * * MON-FRI', '0 0 1 JAN *', '30 0 8 * * 1-5', '0 0 L * ?', '5,35 */2 * * 0,6'])(
    'accepts %s',
    (pattern) => expect(cronProblem(pattern)).toBeNull(),
  );

  it.each([
    ['* * * *', /4 fields/],
    ['60 * * * *', /minute/],
    ['0 24 * * *', /hour/],
    ['0 8 * 13 *', /month/],
    ['0 8 * * 1-5-6', /day of week/],
    ['*/0 * * * *', /minute/],
    ['0 18-7 * * *', /hour/],
  ])('refuses %s', (pattern, reason) => expect(cronProblem(pattern)).toMatch(reason));
});
