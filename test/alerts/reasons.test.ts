// The reasons behind a finding in plain words (src/alerts/reasons.ts): every kind and detail
// the classifier gives becomes words staff read, never a rule id or a weight; the strongest
// come first, identical ones are merged, fragments are quoted from the masked text; and the
// platform is named as people know it.
import { describe, expect, it } from 'vitest';
import { maskText } from '../../src/alerts/mask.ts';
import { MAX_REASONS, platformName, reasonLines, SENSITIVE_FAMILY_WORDS } from '../../src/alerts/reasons.ts';
import { SENSITIVE_FAMILIES } from '../../src/classify/pii/sensitive.ts';
import type { Evidence } from '../../src/classify/types.ts';
import { sampleFinding, sampleItem } from '../store/sample.ts';
import { allEvidence, everyKindFinding, findingWith, forbiddenCodes } from './evidence.ts';

const ev = (e: Partial<Evidence> & Pick<Evidence, 'label' | 'kind' | 'detail'>): Evidence => ({ start: 0, end: 5, weight: 0.8, ...e });
const TEXT = 'woord en nog wat tekst';

describe('reasonLines: every kind of evidence in words', () => {
  const all = allEvidence();
  const codes = forbiddenCodes(all);

  it.each(['nl', 'en'] as const)('gives each piece of evidence a line without any code or weight (%s)', (language) => {
    for (const e of all) {
      const lines = reasonLines(findingWith([e]), TEXT, language);
      const where = `${e.label}/${e.kind}/${e.detail}`;
      expect(lines, where).toHaveLength(1);
      expect(lines[0]!.length, where).toBeGreaterThan(3);
      for (const code of codes) expect(lines[0], `${where} shows "${code}"`).not.toContain(code);
    }
  });

  it('says what each family of sensitive fact is about, in both languages', () => {
    for (const family of SENSITIVE_FAMILIES) {
      expect(SENSITIVE_FAMILY_WORDS[family]?.nl, family).toMatch(/\p{L}{3}/u);
      expect(SENSITIVE_FAMILY_WORDS[family]?.en, family).toMatch(/\p{L}{3}/u);
    }
    const nl = reasonLines(findingWith([ev({ label: 'personal_data', kind: 'name_with_sensitive', detail: 'sensitive.missing.first_name' })]), TEXT, 'nl')[0];
    expect(nl).toContain('vermist kind');
  });

  it('knows the codes the brief names and says them in Dutch', () => {
    const nl = (e: Evidence, text = TEXT) => reasonLines(findingWith([e], text), text, 'nl')[0];
    expect(nl(ev({ label: 'offensive', kind: 'lexicon', detail: 'curse-compound~compound', end: 12 }), 'kankerschool!')).toBe('scheldwoord: ‘kankerschool’');
    expect(nl(ev({ label: 'personal_data', kind: 'phone', detail: 'phone.nl_landline' }))).toBe('telefoonnummer');
    expect(nl(ev({ label: 'personal_data', kind: 'address', detail: 'address.street' }))).toBe('adres');
    expect(nl(ev({ label: 'threat', kind: 'pattern', detail: 'in-elkaar', end: 16 }), 'sla je in elkaar')).toBe('dreigen met geweld: ‘sla je in elkaar’');
    expect(nl(ev({ label: 'threat', kind: 'implicit', detail: 'weet-waar-je-woont', start: 3, end: 21 }), 'ik weet waar je woont')).toBe(
      'verhulde dreiging: ‘weet waar je woont’',
    );
    expect(nl(ev({ label: 'offensive', kind: 'model', detail: '' }))).toBe('woorden die zwaar wogen: ‘woord’');
    expect(nl(ev({ label: 'personal_data', kind: 'name_with_sensitive', detail: 'sensitive.health.first_name' }))).toBe(
      'naam met gevoelige informatie: gezondheid',
    );
    expect(nl(ev({ label: 'threat', kind: 'pattern', detail: 'afmaken (play, jest)' }))).toBe(
      'dreigen met doden: ‘woord’ — mogelijk minder ernstig: het lijkt over sport of een spel te gaan, het lijkt een grap',
    );
  });

  it('falls back to a plain word for the kind, then for the label, never to the code', () => {
    const one = (e: Evidence, language: 'nl' | 'en' = 'nl') => reasonLines(findingWith([e]), TEXT, language)[0];
    expect(one(ev({ label: 'personal_data', kind: 'phone', detail: 'phone.iets_nieuws' }))).toBe('telefoonnummer');
    expect(one(ev({ label: 'personal_data', kind: 'iban', detail: 'nieuw' }), 'en')).toBe('bank account number (IBAN)');
    expect(one(ev({ label: 'threat', kind: 'stalking', detail: 'nieuwe-regel' }))).toBe('achtervolgen of in de gaten houden (stalken): ‘woord’');
    expect(one(ev({ label: 'threat', kind: 'nieuw-soort', detail: 'nieuwe-regel' }))).toBe('dreigende taal: ‘woord’');
    expect(one(ev({ label: 'offensive', kind: 'lexicon', detail: 'zzz~compound' }))).toBe('beledigende taal: ‘woord’');
    expect(one(ev({ label: 'personal_data', kind: 'nieuw_type', detail: 'x.y' }))).toBe('persoonsgegevens');
  });
});

describe('reasonLines: order, merging, masking', () => {
  it('puts the strongest first, merges identical lines and keeps lowering context last', () => {
    const text = 'die debiel, echt een debiel, "sukkel"';
    const f = findingWith(
      [
        ev({ label: 'offensive', kind: 'lexicon', detail: 'sukkel', start: 30, end: 36, weight: 0.75 }),
        ev({ label: 'offensive', kind: 'lexicon', detail: 'debiel', start: 4, end: 10, weight: 0.8 }),
        ev({ label: 'offensive', kind: 'context', detail: 'quotation', start: 29, end: 30, weight: -0.1 }),
        ev({ label: 'offensive', kind: 'lexicon', detail: 'debiel', start: 21, end: 27, weight: 0.8 }),
      ],
      text,
    );
    expect(reasonLines(f, text, 'nl')).toEqual([
      'discriminerend scheldwoord: ‘debiel’ (2 keer)',
      'scheldwoord: ‘sukkel’',
      'telt minder zwaar: het staat tussen aanhalingstekens (citaat)',
    ]);
    expect(reasonLines(f, text, 'en')[0]).toBe('slur: ‘debiel’ (2 times)');
  });

  it(`shows at most ${MAX_REASONS} lines, the rest summed up`, () => {
    const lines = reasonLines(everyKindFinding(), TEXT, 'nl');
    expect(lines).toHaveLength(MAX_REASONS);
    expect(lines[MAX_REASONS - 1]).toMatch(/^en nog \d+ andere aanwijzingen$/);
    expect(reasonLines(everyKindFinding(), TEXT, 'en')[MAX_REASONS - 1]).toMatch(/^and \d+ more signs$/);
  });

  it('quotes from the masked text, leaves out what is masked entirely, and ignores labels that did not flag', () => {
    const text = 'Sanne de Vries, 06-12345678, sukkel';
    const f = findingWith([
      ev({ label: 'offensive', kind: 'model', detail: '', start: 0, end: 5, weight: 0.6 }),
      ev({ label: 'offensive', kind: 'model', detail: '', start: 29, end: 35, weight: 0.9 }),
      ev({ label: 'offensive', kind: 'model', detail: '', start: 16, end: 27, weight: 0.7 }),
      ev({ label: 'threat', kind: 'pattern', detail: 'vermoorden', start: 29, end: 35 }),
    ]);
    f.labels = ['offensive'];
    const masked = maskText(text, [
      { type: 'name_with_sensitive', start: 0, end: 14 },
      { type: 'bsn', start: 16, end: 27 },
    ]);
    const lines = reasonLines(f, masked, 'nl');
    expect(lines).toEqual(['woorden die zwaar wogen: ‘sukkel’, ‘S••••’']);
    expect(lines.join()).not.toContain('Sanne');
  });

  it('names the label of the model’s words when several labels flagged', () => {
    const f = findingWith([ev({ label: 'threat', kind: 'model', detail: '' }), ev({ label: 'offensive', kind: 'lexicon', detail: 'sukkel' })]);
    expect(reasonLines(f, TEXT, 'nl')).toContain('woorden die zwaar wogen voor ‘bedreiging’: ‘woord’');
  });

  it('gives no lines for an unreadable finding', () => {
    const f = { ...sampleFinding(), evidence: [], labels: [], unreadable: { reason: 'x' } };
    expect(reasonLines(f, f.item.text, 'nl')).toEqual([]);
  });
});

describe('platformName', () => {
  it('names Bluesky, a feed by its own title, and a nameless feed as a feed', () => {
    expect(platformName(sampleItem(), 'nl')).toBe('Bluesky');
    expect(platformName(sampleItem({ platform: 'rss', sourceName: 'Reacties op: Open dag De Linde' }), 'nl')).toBe('Reacties op: Open dag De Linde');
    expect(platformName(sampleItem({ platform: 'rss' }), 'nl')).toBe('RSS-feed');
    expect(platformName(sampleItem({ platform: 'rss' }), 'en')).toBe('RSS feed');
    expect(platformName(sampleItem({ platform: 'mastodon' }), 'nl')).toBe('Mastodon');
  });

  it('keeps a hostile or long feed title to one short line', () => {
    const name = platformName(sampleItem({ platform: 'rss', sourceName: `Blog\r\nBcc: x@example.org\u0000 ${'lang '.repeat(40)}` }), 'nl');
    expect(name).not.toMatch(/[\r\n\u0000]/);
    expect([...name].length).toBeLessThanOrEqual(80);
    expect(name.startsWith('Blog Bcc: x@example.org lang')).toBe(true);
  });
});
