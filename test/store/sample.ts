// Invented items and findings for the store and alert tests (all names and numbers made up).

import type { Item } from '../../src/item.ts';
import { decide } from '../../src/policy.ts';
import { DEFAULT_THRESHOLDS } from '../../src/classify/types.ts';
import type { Verdict } from '../../src/classify/types.ts';
import { newFinding } from '../../src/finding.ts';
import type { Finding } from '../../src/finding.ts';

export function sampleItem(overrides: Partial<Item> = {}): Item {
  return {
    id: 'at://did:plc:abc/app.bsky.feed.post/3k1',
    source: 'bsky-school',
    platform: 'bluesky',
    context: 'reply',
    url: 'https://bsky.app/profile/someone.test/post/3k1',
    author: { handle: 'someone.test', displayName: 'Iemand' },
    text: 'Bel Sanne maar op 06-12345678, die debiel',
    createdAt: '2026-11-24T10:15:00.000Z',
    inReplyTo: 'at://did:plc:school/app.bsky.feed.post/1',
    media: { kinds: [], count: 0 },
    school: 'demo-school',
    ...overrides,
  };
}

export function sampleVerdict(text: string): Verdict {
  const phone = text.indexOf('06-12345678');
  const insult = text.indexOf('debiel');
  return {
    scores: { offensive: insult >= 0 ? 0.8 : 0, threat: 0, personal_data: phone >= 0 ? 0.85 : 0 },
    evidence: [
      ...(insult >= 0 ? [{ label: 'offensive' as const, kind: 'lexicon', detail: 'debiel', start: insult, end: insult + 6, weight: 0.8 }] : []),
      ...(phone >= 0 ? [{ label: 'personal_data' as const, kind: 'phone', detail: 'nl-mobile', start: phone, end: phone + 11, weight: 0.85 }] : []),
    ],
    entities: phone >= 0 ? [{ type: 'phone', start: phone, end: phone + 11, value: '06-12345678', score: 0.85 }] : [],
  };
}

export function sampleFinding(itemOverrides: Partial<Item> = {}): Finding {
  const item = sampleItem(itemOverrides);
  const verdict = sampleVerdict(item.text);
  const decision = decide(verdict, item, DEFAULT_THRESHOLDS);
  return newFinding(item, verdict, decision, '2026-11-24T10:16:00.000Z');
}
