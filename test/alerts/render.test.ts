import { describe, expect, it } from 'vitest';
import { escapeHtml, renderAlert, webUrlOf } from '../../src/alerts/render.ts';
import type { Finding } from '../../src/finding.ts';
import { sampleFinding } from '../store/sample.ts';
import { everyKindFinding, forbiddenCodes } from './evidence.ts';

/** The HTML as a reader sees it: tags (and their inline styles) gone, the five escapes read back. */
const visible = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/\s+/g, ' ');

function threatFinding(overrides: Partial<Finding['item']> = {}): Finding {
  const f = sampleFinding({ text: 'Ik weet waar je woont, ik maak je af', ...overrides });
  return {
    ...f,
    labels: ['threat'],
    scores: { offensive: 0, threat: 0.95, personal_data: 0 },
    evidence: [
      { label: 'threat', kind: 'implicit', detail: 'weet-waar-je-woont', start: 3, end: 21, weight: 0.7 },
      { label: 'threat', kind: 'pattern', detail: 'afmaken', start: 26, end: 36, weight: 0.9 },
    ],
    entities: [],
    severity: 'hoog',
    articles: ['A10', 'Consequenties 7', ...(f.item.context === 'mention' ? (['A11'] as const) : (['A6'] as const))],
    removalCandidate: f.item.context === 'reply',
  };
}

describe('renderAlert (Dutch)', () => {
  const finding = sampleFinding();
  const mail = renderAlert(finding, { schoolName: 'Het Voorbeeld College', reviewUrl: 'https://uitkijk.example/r/1' });

  it('names severity, labels, school and platform in the subject, and no personal data', () => {
    expect(mail.subject).toBe('[uitkijk] beledigend, persoonsgegevens — Het Voorbeeld College, Bluesky (ernst: middel)');
    expect(mail.subject).not.toMatch(/06|Sanne|debiel/);
  });

  it('shows the text masked, the evidence highlighted, and why in plain words', () => {
    expect(mail.text).toContain('> Bel S•••• maar op »06-••••••78«, die »debiel«');
    expect(mail.text).toContain('Persoonsgegevens in de tekst zijn gemaskeerd (•).');
    expect(mail.text).toContain('»Gemarkeerd«: de woorden waarop uitkijk aansloeg.');
    expect(mail.text).toContain('Waarom:\n- telefoonnummer\n- discriminerend scheldwoord: ‘debiel’\n');
    expect(mail.text).not.toMatch(/12345678|Sanne|nl-mobile|lexicon|gewicht|0,8/);
    expect(mail.html).toContain('Bel S•••• maar op <mark style="');
    expect(mail.html).toContain('>06-••••••78</mark>, die <mark style="');
    expect(mail.html).not.toMatch(/12345678|Sanne|nl-mobile|lexicon|gewicht/);
  });

  it('says where, by whom and when, with links to the item and the post it replies to', () => {
    expect(mail.text).toContain('Platform: Bluesky');
    expect(mail.text).toContain('Soort: reactie op een eigen bericht van de school');
    expect(mail.text).toContain('Account: @someone.test');
    expect(mail.text).toContain('Geplaatst: 24 november 2026 om 11:15');
    expect(mail.text).toContain(`Link: ${finding.item.url}`);
    // The school's post as a page a browser opens, not its at:// URI.
    expect(mail.text).toContain('Reactie op: https://bsky.app/profile/did:plc:school/post/1');
    expect(mail.html).toContain('<a href="https://bsky.app/profile/did:plc:school/post/1"');
    expect(mail.html).toContain(`<a href="${finding.item.url}"`);
  });

  it('tells a removal candidate to be decided in the digest or on the review page (A6), with the review link', () => {
    expect(mail.text).toContain('Wat nu:\n- Dit is een kandidaat voor verwijdering (A6): beslis in de digest of op de beoordelingspagina.');
    expect(mail.text).toContain('Beoordelen: https://uitkijk.example/r/1');
    expect(mail.html).toMatch(/<a href="https:\/\/uitkijk\.example\/r\/1"[^>]*>Beoordelen<\/a>/);
    expect(mail.text).toContain('- A2 — ');
    expect(mail.text).toContain('- A6 — ');
    expect(mail.text).toContain('- A10 — ');
    expect(mail.text).toContain('uitkijk verwijdert, verbergt of beantwoordt zelf niets.');
  });

  it('tells the team a mention cannot be removed by the school: report it and talk (A11)', () => {
    const mention = sampleFinding({ context: 'mention', text: 'Die school is debiel', inReplyTo: undefined });
    const m = renderAlert(mention);
    expect(m.text).toContain('Soort: vermelding van de school elders');
    expect(m.text).toContain('- Dit bericht staat niet onder een bericht van de school, dus de school kan het niet verwijderen.');
    expect(m.text).toContain('Meld het bij het platform en ga in gesprek met de betrokkenen (A11).');
    expect(m.text).toContain('- A11 — ');
    expect(m.text).not.toContain('- A6 — ');
    expect(m.text).not.toContain('beoordelingspagina');
    expect(m.text).not.toContain('Reactie op:');
    expect(m.subject).toContain('demo-school');
  });

  it('puts a threat first: urgent subject, school leadership at once, consider the police', () => {
    const m = renderAlert(threatFinding(), { schoolName: 'De Linde' });
    expect(m.subject).toBe('[uitkijk] Dringend: bedreiging — De Linde, Bluesky (ernst: hoog)');
    expect(m.text).toContain('Wat nu:\n- Neem direct contact op met de schoolleiding en overweeg melding of aangifte bij de politie (Consequenties 7).');
    expect(m.text).toContain('- verhulde dreiging: ‘weet waar je woont’');
    expect(m.text).toContain('- dreigen met doden: ‘maak je af’');
    expect(m.text).toContain('- Consequenties 7 — ');
    // A threat under the school's own post may also be removed.
    expect(m.text).toContain('kandidaat voor verwijdering (A6)');
    expect(m.html).toContain('#a4161a');
  });

  it('names an RSS item by its feed title, and a nameless feed as a feed', () => {
    const rss = sampleFinding({ platform: 'rss', sourceName: 'Reacties op: Open dag', inReplyTo: undefined, url: 'https://blog.example.nl/open-dag#c-1' });
    const m = renderAlert(rss, { schoolName: 'De Linde' });
    expect(m.subject).toContain('— De Linde, Reacties op: Open dag (ernst: middel)');
    expect(m.text).toContain('Platform: Reacties op: Open dag');
    expect(m.text).toContain('Account: someone.test');
    expect(renderAlert(sampleFinding({ platform: 'rss' })).subject).toContain(', RSS-feed (ernst');
  });

  it('asks the team to look for itself when uitkijk could not judge an item', () => {
    const f: Finding = { ...sampleFinding(), labels: [], evidence: [], entities: [], removalCandidate: false, unreadable: { reason: 'fout' } };
    const m = renderAlert(f);
    expect(m.subject).toContain('kon niet beoordelen — kijk zelf');
    expect(m.text).toContain('uitkijk kon dit bericht niet beoordelen');
    expect(m.text).toContain('- Open het bericht via de link en beoordeel het zelf.');
    expect(m.text).not.toContain('»');
  });

  it('cuts a very long text, and highlights only what is shown', () => {
    const long = `${'bla '.repeat(1200)}debiel`;
    const f = sampleFinding({ text: long });
    const m = renderAlert(f);
    expect(m.text).toContain('(ingekort: de rest staat op het platform, zie de link)');
    expect(m.text.length).toBeLessThan(long.length + 3000);
    expect(m.text).not.toContain('»debiel«');
    // The reason still quotes the word, from the whole text.
    expect(m.text).toContain('- discriminerend scheldwoord: ‘debiel’');
  });
});

describe('renderAlert (English)', () => {
  it('speaks English when asked', () => {
    const m = renderAlert(sampleFinding(), { language: 'en', schoolName: 'Example College', reviewUrl: 'https://uitkijk.example/r/1' });
    expect(m.subject).toBe('[uitkijk] offensive, personal data — Example College, Bluesky (severity: medium)');
    expect(m.text).toContain('Kind: reply to one of the school');
    expect(m.text).toContain('What now:\n- This is a removal candidate (A6): decide in the digest or on the review page.');
    expect(m.text).toContain('Review: https://uitkijk.example/r/1');
    expect(m.text).toContain('Why:\n- phone number\n- slur: ‘debiel’\n');
    expect(m.text).toContain('»Highlighted«: the words uitkijk picked up on.');
    expect(m.text).toContain('In reply to: https://bsky.app/profile/did:plc:school/post/1');
    expect(m.text).toContain('uitkijk itself removes, hides or answers nothing.');
    expect(m.text).toContain('06-••••••78');
    expect(m.html).toContain('<html lang="en">');
  });

  it('words a threat and a mention in English', () => {
    const m = renderAlert(threatFinding({ context: 'mention' }), { language: 'en' });
    expect(m.subject).toMatch(/^\[uitkijk\] Urgent: threat — /);
    expect(m.text).toContain('- Contact the school leadership at once and consider reporting it to the police (Consequences 7).');
    expect(m.text).toContain('so the school cannot remove it. Report it to the platform and talk with the people involved (A11).');
  });
});

describe('no internal codes', () => {
  it.each(['nl', 'en'] as const)('shows no rule id, kind or weight for any kind of evidence (%s)', (language) => {
    const f = everyKindFinding();
    const m = renderAlert(f, { language });
    const shown = `${m.subject}\n${m.text}\n${visible(m.html)}`;
    for (const code of forbiddenCodes(f.evidence)) expect(shown, code).not.toContain(code);
  });
});

describe('HTML part', () => {
  it('escapes the text and links only web URLs', () => {
    const hostile = sampleFinding({
      text: '<script>alert("x")</script> & debiel',
      url: 'javascript:alert(1)',
      inReplyTo: 'javascript:alert(2)',
      author: { handle: '<img src=x onerror=alert(3)>' },
    });
    const { html, text } = renderAlert(hostile, { schoolName: '<b>School</b>', reviewUrl: 'javascript:alert(4)' });
    expect(html).not.toMatch(/<script|<img|<b>|onerror=alert\(3\)>/i);
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; <mark');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('javascript:alert(1)');
    // Shown as words, never as a link, in the text part too.
    expect(text).toContain('Link: javascript:alert(1)');
    expect(escapeHtml(`a<b>"c"'d'&`)).toBe('a&#60;b&#62;&#34;c&#34;&#39;d&#39;&#38;');
  });

  it('is a table layout with inline styles only: no style sheet, script, form or remote image', () => {
    const { html } = renderAlert(everyKindFinding(), { reviewUrl: 'https://uitkijk.example/r/1' });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<table role="presentation"');
    expect(html).not.toMatch(/<style|<link|<script|<img|<form|<iframe|url\(|src=|class=/i);
    expect(html).toMatch(/<mark style="[^"]+">/);
  });
});

describe('webUrlOf', () => {
  it('turns a Bluesky post URI into its page, keeps web links, and refuses anything else', () => {
    expect(webUrlOf('at://did:plc:abc123/app.bsky.feed.post/3kabc')).toBe('https://bsky.app/profile/did:plc:abc123/post/3kabc');
    expect(webUrlOf('at://school.bsky.social/app.bsky.feed.post/3kabc')).toBe('https://bsky.app/profile/school.bsky.social/post/3kabc');
    expect(webUrlOf('https://blog.example.nl/post/1')).toBe('https://blog.example.nl/post/1');
    expect(webUrlOf('at://did:plc:abc/app.bsky.feed.like/3k')).toBeUndefined();
    expect(webUrlOf('at://did:plc:abc/app.bsky.feed.post/3k"><script>')).toBeUndefined();
    expect(webUrlOf('javascript:alert(1)')).toBeUndefined();
    expect(webUrlOf(undefined)).toBeUndefined();
  });
});
