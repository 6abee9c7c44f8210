// Alert e-mails as a school receives them: rendered (alerts/render.ts), sent by the project's
// mailer (alerts/mailer.ts) to a real SMTP server on 127.0.0.1 (smtp-server, test/support/
// smtp.ts) and read back with mailparser. Subject, masking, plain words instead of codes,
// escaping of hostile text, the plain-text part, Dutch and English.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, messageIdFor } from '../../src/alerts/mailer.ts';
import type { Mailer } from '../../src/alerts/mailer.ts';
import { renderAlert } from '../../src/alerts/render.ts';
import type { RenderOptions } from '../../src/alerts/render.ts';
import type { Entity, Evidence } from '../../src/classify/types.ts';
import type { Finding } from '../../src/finding.ts';
import { sampleFinding } from '../store/sample.ts';
import { startSmtp } from '../support/smtp.ts';
import type { SmtpCapture } from '../support/smtp.ts';
import { everyKindFinding, forbiddenCodes } from './evidence.ts';

let smtp: SmtpCapture;
let mailer: Mailer;
let dir: string;
let sent = 0;

beforeAll(async () => {
  smtp = await startSmtp();
  dir = await mkdtemp(join(tmpdir(), 'uitkijk-email-'));
  mailer = createMailer({ smtpUrl: smtp.url, outboxDir: dir, log: pino({ level: 'silent' }) });
});
afterAll(async () => {
  mailer.close();
  await smtp.close();
  await rm(dir, { recursive: true, force: true });
});

interface Received {
  parsed: ParsedMail;
  raw: string;
  text: string;
  html: string;
  /** The HTML as a reader sees it: tags gone, entities read back. */
  visible: string;
}

/** Render, send over SMTP and parse what the server received. */
async function deliver(finding: Finding, options: RenderOptions = {}): Promise<Received> {
  const rendered = renderAlert(finding, options);
  const key = `${finding.id}-${++sent}`;
  const before = smtp.received.length;
  await mailer.send({
    key,
    from: { name: 'uitkijk', address: 'uitkijk@school.example' },
    to: ['communicatie@school.example'],
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    messageId: messageIdFor('alert', key, 'uitkijk@school.example'),
  });
  // The server keeps the message before it answers, so it is there once the send resolves.
  expect(smtp.received).toHaveLength(before + 1);
  const raw = smtp.received[before]!.raw;
  const parsed = await simpleParser(raw);
  const html = typeof parsed.html === 'string' ? parsed.html : '';
  const visible = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/\s+/g, ' ');
  return { parsed, raw, text: parsed.text ?? '', html, visible };
}

/** A finding built from a text: every listed value an entity, and evidence for each. */
function findingOf(text: string, values: [string, Entity['type']][], extra: Omit<Evidence, 'start' | 'end'>[] = [], words: string[] = []): Finding {
  const at = (v: string) => {
    const start = text.indexOf(v);
    if (start < 0) throw new Error(`${v} not in the text`);
    return { start, end: start + v.length };
  };
  const entities: Entity[] = values.map(([value, type]) => ({ type, value, score: 0.9, ...at(value) }));
  const evidence: Evidence[] = [
    ...values.map(([value, type]) => ({ label: 'personal_data' as const, kind: type, detail: `${type}.x`, weight: 0.9, ...at(value) })),
    ...extra.map((e, i) => ({ ...e, ...at(words[i]!) })),
  ];
  const labels = [...new Set(evidence.map((e) => e.label))];
  return { ...sampleFinding({ text }), labels, evidence, entities, severity: 'middel', articles: ['A2', 'A6', 'A10'], removalCandidate: true };
}

const HOSTILE =
  "<script>alert('x')</script> Het nummer van meneer Jansen is 06-12345678, zijn BSN is 111222333 en zijn IBAN NL91 ABNA 0417 1643 00. Jansen woont op Kerkstraat 12. Wat een sukkel.";

function hostileFinding(): Finding {
  const f = findingOf(
    HOSTILE,
    [
      ['06-12345678', 'phone'],
      ['111222333', 'bsn'],
      ['NL91 ABNA 0417 1643 00', 'iban'],
      ['Kerkstraat 12', 'address'],
    ],
    [{ label: 'offensive', kind: 'lexicon', detail: 'sukkel~fuzzy', weight: 0.75 }],
    ['sukkel'],
  );
  return { ...f, item: { ...f.item, url: 'javascript:alert(1)', author: { handle: '<b>boef</b>' } } };
}

/** Everything a reader could see: the subject, both parts, and the raw message itself. */
const everything = (m: Received) => [m.parsed.subject ?? '', m.text, m.html, m.visible, m.raw];

describe('alert e-mail over SMTP (Dutch)', () => {
  it('has a subject with severity, labels, school and platform, and a plain-text part beside the HTML', async () => {
    const m = await deliver(hostileFinding(), { schoolName: 'Demo-school De Linde', reviewUrl: 'https://uitkijk.school.example/review/abc' });
    expect(m.parsed.subject).toBe('[uitkijk] persoonsgegevens, beledigend — Demo-school De Linde, Bluesky (ernst: middel)');
    expect(m.parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(m.text).toContain('uitkijk heeft een bericht gevonden');
    expect(m.html).toContain('uitkijk heeft een bericht gevonden');
    // The same content in both parts: the reasons, the step, the review link.
    for (const part of [m.text, m.visible]) {
      expect(part).toContain('telefoonnummer');
      expect(part).toContain('burgerservicenummer (BSN)');
      expect(part).toContain('bankrekeningnummer (IBAN)');
      expect(part).toContain('scheldwoord: ‘sukkel’');
      expect(part).toContain('beslis in de digest of op de beoordelingspagina');
      expect(part).toContain('Beoordelen');
    }
    expect(m.text).toContain('Beoordelen: https://uitkijk.school.example/review/abc');
    expect(m.html).toMatch(/<a href="https:\/\/uitkijk\.school\.example\/review\/abc"[^>]*>Beoordelen<\/a>/);
    expect(m.text).toContain('»sukkel«');
    expect(m.html).toMatch(/<mark style="[^"]+">sukkel<\/mark>/);
  });

  it('masks phone, BSN, IBAN, address and the name tied to them everywhere in the message', async () => {
    const m = await deliver(hostileFinding());
    for (const where of everything(m)) {
      for (const secret of ['12345678', '111222333', 'ABNA', '0417 1643', 'Jansen', 'Kerkstraat']) expect(where).not.toContain(secret);
    }
    expect(m.text).toContain(
      'Het nummer van meneer J••••• is »06-••••••78«, zijn BSN is »•••••••••« en zijn IBAN »NL•• •••• •••• •••• 00«. J••••• woont op »K',
    );
    expect(m.text).toContain('Persoonsgegevens in de tekst zijn gemaskeerd (•).');
  });

  it('escapes hostile text and never links a javascript: URL', async () => {
    const m = await deliver(hostileFinding(), { schoolName: '<i>School</i>', reviewUrl: 'javascript:alert(2)' });
    expect(m.html).not.toMatch(/<script|<i>|<b>boef/i);
    expect(m.html).toContain('&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;');
    expect(m.html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
    expect(m.visible).toContain("<script>alert('x')</script>");
    expect(m.visible).toContain('javascript:alert(1)');
    // In the plain-text part the text is shown as written: nothing there is run.
    expect(m.text).toContain("> <script>alert('x')</script> Het nummer");
    expect(m.html).not.toMatch(/<img|<style|<link|src=/i);
  });

  it('shows no internal code or weight for any kind of evidence', async () => {
    const f = everyKindFinding();
    const codes = forbiddenCodes(f.evidence);
    for (const language of ['nl', 'en'] as const) {
      const m = await deliver(f, { language });
      for (const where of [m.parsed.subject ?? '', m.text, m.visible]) for (const code of codes) expect(where, `${language}: ${code}`).not.toContain(code);
    }
  });

  it('names an RSS feed by its own title and tells the team what to do with a mention', async () => {
    const f = sampleFinding({
      platform: 'rss',
      sourceName: 'Reacties op: Open dag De Linde',
      context: 'mention',
      text: 'Die school is debiel',
      inReplyTo: undefined,
    });
    const m = await deliver(f, { schoolName: 'De Linde' });
    expect(m.parsed.subject).toBe('[uitkijk] beledigend — De Linde, Reacties op: Open dag De Linde (ernst: middel)');
    expect(m.text).toContain('de school kan het niet verwijderen. Meld het bij het platform en ga in gesprek met de betrokkenen (A11).');
    expect(m.text).not.toContain('rss');
  });

  it('marks a threat urgent and sends the team to school leadership and the police', async () => {
    const f = findingOf(
      'Ik weet waar je woont',
      [],
      [{ label: 'threat', kind: 'implicit', detail: 'weet-waar-je-woont', weight: 0.8 }],
      ['weet waar je woont'],
    );
    const m = await deliver({ ...f, severity: 'hoog', articles: ['A10', 'Consequenties 7', 'A6'] }, { schoolName: 'De Linde' });
    expect(m.parsed.subject).toBe('[uitkijk] Dringend: bedreiging — De Linde, Bluesky (ernst: hoog)');
    expect(m.text).toContain('- Neem direct contact op met de schoolleiding en overweeg melding of aangifte bij de politie (Consequenties 7).');
    expect(m.visible).toContain('verhulde dreiging: ‘weet waar je woont’');
    expect(m.text).toContain('Reactie op: https://bsky.app/profile/did:plc:school/post/1');
  });
});

describe('alert e-mail over SMTP (English)', () => {
  it('speaks English throughout, masked the same way', async () => {
    const m = await deliver(hostileFinding(), { language: 'en', schoolName: 'Example College', reviewUrl: 'https://uitkijk.school.example/review/abc' });
    expect(m.parsed.subject).toBe('[uitkijk] personal data, offensive — Example College, Bluesky (severity: medium)');
    expect(m.text).toContain('What now:\n- This is a removal candidate (A6): decide in the digest or on the review page.');
    expect(m.text).toContain('- citizen service number (BSN)');
    expect(m.text).toContain('Review: https://uitkijk.school.example/review/abc');
    expect(m.html).toContain('<html lang="en">');
    expect(m.visible).toContain('Personal data in the text is masked');
    for (const where of everything(m)) for (const secret of ['12345678', '111222333', 'ABNA', 'Jansen']) expect(where).not.toContain(secret);
    for (const dutch of ['Waarom', 'Beoordelen', 'telefoonnummer']) expect(m.text).not.toContain(dutch);
  });
});
