import { describe, expect, it } from 'vitest';
import { createKeys, queuePrefix } from '../../src/store/keys.ts';

// The slot Redis Cluster computes: only the part inside the first {…} counts.
function hashTag(key: string): string {
  const open = key.indexOf('{');
  const close = key.indexOf('}', open + 1);
  return open >= 0 && close > open + 1 ? key.slice(open + 1, close) : key;
}

describe('keys', () => {
  it('puts every key and the queue prefix of a deployment under one hash tag', () => {
    const keys = createKeys('vivente');
    const all = [
      keys.seen('bsky:school'),
      keys.cursor('rss-1'),
      keys.finding('abc'),
      keys.findingsByStatus('open'),
      keys.alertClaim('abc'),
      keys.alertSent('abc'),
      keys.audit('de-linge'),
      keys.digestLast('de-linge', 'm@x.example.nl'),
      `${queuePrefix('vivente')}:alert:wait`,
    ];
    for (const key of all) {
      expect(key.startsWith('uitkijk:{vivente}:')).toBe(true);
      expect(hashTag(key)).toBe('vivente');
    }
    expect(new Set(all).size).toBe(all.length);
  });

  it('keeps deployments apart', () => {
    expect(createKeys('a').seen('s')).not.toBe(createKeys('b').seen('s'));
  });

  it('refuses a deployment name that would break the hash tag', () => {
    for (const bad of ['a}b', '{x', '', 'met spatie']) {
      expect(() => queuePrefix(bad)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    }
  });
});
