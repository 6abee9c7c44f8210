import { describe, expect, it } from 'vitest';
import { escapeHtml, renderAlert } from '../../src/alerts/render.ts';
import { sampleFinding } from '../store/sample.ts';

describe('renderAlert (Dutch)', () => {
  const finding = sampleFinding();
  const mail = renderAlert(finding, { schoolName: 'Het Voorbeeld College', reviewUrl: 'https://uitkijk.example/r/1' });

  it('names labels, school and platform in the subject, and no personal data', () => {
    expect(mail.subject).toContain('beledigend, persoonsgegevens');
    expect(mail.subject).toContain('Het Voorbeeld College');
    expect(mail.subject).toContain('bluesky');
    expect(mail.subject).not.toContain('06');
  });

  it('shows the text with personal data masked, and why, where and what to do', () => {
    expect(mail.text).toContain('> Bel Sanne maar op 06-••••••78, die debiel');
    expect(mail.text).not.toContain('12345678');
    expect(mail.text).toContain('Soort: reactie op een eigen bericht van de school');
    expect(mail.text).toContain(`Link: ${finding.item.url}`);
    expect(mail.text).toContain('Gevonden: beledigend, persoonsgegevens');
    expect(mail.text).toContain('- persoonsgegevens: telefoonnummer nl-mobile „06-••••••78” (gewicht 0,85)');
    expect(mail.text).toContain('- beledigend: woordenlijst debiel „debiel”');
    expect(mail.text).toContain('- A2 — ');
    expect(mail.text).toContain('- A6 — ');
    expect(mail.text).toContain('- A10 — ');
    expect(mail.text).toContain('Verwijderen: Ja, kandidaat voor verwijdering (A6)');
    expect(mail.text).toContain('uitkijk verwijdert, verbergt of beantwoordt zelf niets.');
    expect(mail.text).toContain('Beoordelen: https://uitkijk.example/r/1');
    expect(mail.text).toContain('24 november 2026 om 11:15');
    expect(mail.html).toContain('06-••••••78');
    expect(mail.html).not.toContain('12345678');
  });

  it('tells the team a mention cannot be removed by the school', () => {
    const mention = sampleFinding({ context: 'mention', text: 'Die school is debiel' });
    const m = renderAlert(mention);
    expect(m.text).toContain('Soort: vermelding van de school elders');
    expect(m.text).toContain('Verwijderen: Nee: dit bericht staat niet onder een bericht van de school');
    expect(m.text).toContain('- A11 — ');
    expect(m.text).not.toContain('- A6 — ');
    expect(m.subject).toContain('demo-school');
  });
});

describe('renderAlert (English)', () => {
  it('speaks English when asked', () => {
    const m = renderAlert(sampleFinding(), { language: 'en', schoolName: 'Example College' });
    expect(m.subject).toContain('offensive, personal data');
    expect(m.subject).toContain('severity: medium');
    expect(m.text).toContain('Kind: reply to one of the school');
    expect(m.text).toContain('Removal: Yes, a removal candidate (A6)');
    expect(m.text).toContain('uitkijk itself removes, hides or answers nothing.');
    expect(m.text).toContain('06-••••••78');
  });
});

describe('HTML part', () => {
  it('escapes the text and links only web URLs', () => {
    const hostile = sampleFinding({ text: '<script>alert("x")</script> & debiel', url: 'javascript:alert(1)' });
    const { html } = renderAlert(hostile);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; debiel');
    expect(html).not.toContain('href="javascript:');
    expect(escapeHtml(`a<b>"c"'d'&`)).toBe('a&#60;b&#62;&#34;c&#34;&#39;d&#39;&#38;');
  });
});
