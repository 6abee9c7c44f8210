import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { sourceSchedules } from '../../src/config/schedule.ts';

describe('sourceSchedules', () => {
  it('gives milliseconds for every and the school time zone for cron', () => {
    const config = parseConfig(
      `schools:
  - id: a
    name: A
    keywords: [a]
    alertRecipients: [a@a.example.nl]
    timezone: Europe/Brussels
sources:
  - { id: one, kind: rss, school: a, url: 'https://a.example.nl/feed', context: reply, schedule: { every: 90s } }
  - { id: two, kind: bluesky, school: a, handle: a.example.nl, schedule: { cron: '0 * * * *' } }
mail: { from: u@a.example.nl }
`,
      'test.yaml',
    );
    expect(sourceSchedules(config)).toEqual([
      { id: 'one', everyMs: 90_000 },
      { id: 'two', cron: '0 * * * *', tz: 'Europe/Brussels' },
    ]);
  });
});
