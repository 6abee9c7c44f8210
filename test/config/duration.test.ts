import { describe, expect, it } from 'vitest';
import { durationMs, isDuration, parseDuration } from '../../src/config/duration.ts';

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
