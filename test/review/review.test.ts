// The review page over HTTP, against a running uitkijk (real Redis, real SMTP server, the real
// web server): signing in with a signed link, who may see what, every decision recorded in the
// audit log, CSRF, escalation e-mails to school leadership, bulk actions and the CSV export.
// The browser tests (review-browser.test.ts) do the same through Chromium's eyes.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, csrfOf, httpClient, LEADERSHIP, MODERATOR, OTHER_MODERATOR, reviewYaml, startReview } from '../support/review.ts';
import type { ReviewHarness } from '../support/review.ts';
import { waitFor } from '../support/wait.ts';

let h: ReviewHarness;
beforeAll(async () => {
  h = await startReview();
}, 60_000);
afterAll(async () => h?.close());

const INSULT = 'Wat een kankerschool is dit, die meester Bakker is een vieze sukkel';
const THREAT = 'Als ik die mentor morgen bij het hek zie sla ik hem echt helemaal in elkaar';

async function signIn(email: string, next = '/review') {
  const client = httpClient(h.url);
  const res = await client.get(h.link(email, next));
  expect(res.status).toBe(200);
  return { client, res };
}

describe('signing in', () => {
  it('exchanges a signed link for a session cookie, and the page it lands on carries no token', async () => {
    const finding = await h.addFinding(INSULT);
    const { client, res } = await signIn(MODERATOR, `/review/f/${finding.id}`);
    const cookie = res.res.headers.getSetCookie().find((c) => c.startsWith('uitkijk_sessie='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/i); // http://127.0.0.1: Secure only behind https
    const refresh = /http-equiv="refresh" content="0;url=([^"]+)"/.exec(res.body)?.[1];
    expect(refresh).toBe(`/review/f/${finding.id}`);
    const page = await client.get(refresh!);
    expect(page.status).toBe(200);
    expect(page.body).toContain('De Linde');
    expect(page.body).toContain(`Aangemeld als ${MODERATOR}`);
  });

  it('marks the session cookie Secure, and asks browsers to keep to https, when the base URL is https', async () => {
    const secure = await startReview(reviewYaml('review:\n  baseUrl: https://uitkijk.vivente.example.nl\n'));
    try {
      const link = secure.link(MODERATOR);
      expect(link.startsWith('https://uitkijk.vivente.example.nl/review/login?t=')).toBe(true);
      // Served here over plain http, as behind a TLS-terminating proxy.
      const res = await fetch(link.replace('https://uitkijk.vivente.example.nl', secure.url), { redirect: 'manual' });
      expect(res.headers.getSetCookie().find((c) => c.startsWith('uitkijk_sessie='))).toMatch(/; Secure/i);
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('content-security-policy')).toMatch(/upgrade-insecure-requests/);
    } finally {
      await secure.close();
    }
  });

  it('refuses a tampered link with a plain Dutch page and no session', async () => {
    const link = h.link(MODERATOR);
    const tampered = link.replace(/t=([A-Za-z0-9_-]+)/, (_, p: string) => `t=${p.slice(0, -2)}${p.endsWith('A') ? 'B' : 'A'}x`);
    const client = httpClient(h.url);
    const res = await client.get(tampered);
    expect(res.status).toBe(403);
    expect(res.body).toContain('Deze link klopt niet');
    expect(client.jar.has('uitkijk_sessie')).toBe(false);
    expect((await client.get('/review')).status).toBe(401);
  });

  it('refuses an expired link and offers a new one', async () => {
    const old = h.link(MODERATOR, '/review', Date.now() - 8 * 24 * 3600_000);
    const res = await httpClient(h.url).get(old);
    expect(res.status).toBe(403);
    expect(res.body).toContain('Deze link is verlopen');
    expect(res.body).toContain('Stuur mij een inloglink');
  });

  it('refuses a link for an address that is not a moderator or administrator', async () => {
    const res = await httpClient(h.url).get(h.link('iemand@elders.example.nl'));
    expect(res.status).toBe(403);
    expect(res.body).toContain('Geen toegang');
  });

  it('sends a fresh link to a known address only, with the same answer for every address', async () => {
    const client = httpClient(h.url);
    const before = h.smtp.received.length;
    const page = await client.get('/review');
    expect(page.status).toBe(401);
    const unknown = await client.post('/review/inloglink', { _csrf: csrfOf(page.body), email: 'onbekend@elders.example.nl', next: '/review' });
    const known = await client.post('/review/inloglink', { _csrf: csrfOf(page.body), email: MODERATOR.toUpperCase(), next: '/review' });
    expect(unknown.status).toBe(200);
    expect(known.body).toBe(unknown.body);
    const mail = await waitFor('the sign-in e-mail', () => h.smtp.received.slice(before).find((m) => m.to.includes(MODERATOR)));
    expect(h.smtp.received.slice(before).some((m) => m.to.includes('onbekend@elders.example.nl'))).toBe(false);
    const parsed = await simpleParser(mail.raw);
    const link = /(http:\/\/\S+\/review\/login\?t=\S+)/.exec(parsed.text ?? '')?.[1];
    expect(link).toBeDefined();
    expect((await httpClient(h.url).get(link!)).status).toBe(200);
  });
});

describe("the alert e-mail's link", () => {
  it('opens the finding on the running page for a signed-in moderator, and offers a sign-in link to others', async () => {
    const finding = await h.addFinding(INSULT + ' (uit een melding)');
    const before = h.smtp.received.length;
    expect(await h.ctx.alerts.send(finding.id)).toEqual({ state: 'sent' });
    const mail = await waitFor('the alert', () => h.smtp.received.slice(before).find((m) => m.to.includes('communicatie@linde.example.nl')));
    const parsed = await simpleParser(mail.raw);
    const link = new RegExp(`(${h.url}/review/f/${finding.id})`).exec(parsed.text ?? '')?.[1];
    expect(link).toBeDefined();
    expect(String(parsed.html)).toContain(`href="${link}"`);
    const anonymous = await httpClient(h.url).get(link!);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toContain('Stuur mij een inloglink');
    expect(anonymous.body).toContain(`value="/review/f/${finding.id}"`); // the new link leads back here
    const { client } = await signIn(MODERATOR);
    const page = await client.get(link!);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Verwijderen goedkeuren');
  });
});

describe('who sees what', () => {
  it("lists only the moderator's own school; an administrator sees both", async () => {
    const linde = await h.addFinding(INSULT + ' (linde)');
    const klimop = await h.addFinding(INSULT + ' (klimop)', { school: 'klimop', id: 'rss:klimop-1', url: 'https://klimop.example.nl/#c1' });
    const mod = (await signIn(MODERATOR)).client;
    const list = (await mod.get('/review')).body;
    expect(list).toContain(`/review/f/${linde.id}`);
    expect(list).not.toContain(`/review/f/${klimop.id}`);
    const admin = (await signIn(ADMIN)).client;
    const all = (await admin.get('/review')).body;
    expect(all).toContain(`/review/f/${linde.id}`);
    expect(all).toContain(`/review/f/${klimop.id}`);
  });

  it('refuses a moderator of another school both the page and the decision', async () => {
    const finding = await h.addFinding(INSULT + ' (niet voor jou)');
    const other = (await signIn(OTHER_MODERATOR)).client;
    const page = await other.get(`/review/f/${finding.id}`);
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('sukkel');
    const list = await other.get('/review');
    const res = await other.post(`/review/f/${finding.id}`, { _csrf: csrfOf(list.body), action: 'approve' });
    expect(res.status).toBe(403);
    expect((await h.ctx.findings.getFinding(finding.id))!.status).toBe('open');
  });
});

describe('deciding', () => {
  it('approves with a reason, records it, and tells the moderator to remove it on the platform', async () => {
    const finding = await h.addFinding(INSULT + ' (goedkeuren)');
    const { client } = await signIn(MODERATOR);
    const page = await client.get(`/review/f/${finding.id}`);
    const res = await client.post(`/review/f/${finding.id}`, { _csrf: csrfOf(page.body), action: 'approve', reason: 'schelden naar een leraar' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Verwijderen is goedgekeurd');
    expect(res.body).toContain(`href="${finding.item.url}"`);
    expect((await h.ctx.findings.getFinding(finding.id))!.status).toBe('approved');
    const log = await h.ctx.audit.forFinding('linde', finding.id);
    expect(log).toMatchObject([{ actor: MODERATOR, action: 'approve', from: 'open', to: 'approved', reason: 'schelden naar een leraar' }]);
    expect(res.body).toContain('schelden naar een leraar'); // shown in the audit table
  });

  it('refuses a POST without a CSRF token and changes nothing', async () => {
    const finding = await h.addFinding(INSULT + ' (csrf)');
    const { client } = await signIn(MODERATOR);
    const res = await client.post(`/review/f/${finding.id}`, { action: 'approve' });
    expect(res.status).toBe(403);
    expect(res.body).toContain('Formulier verlopen');
    const forged = await client.post(`/review/f/${finding.id}`, { action: 'approve', _csrf: 'vervalst' });
    expect(forged.status).toBe(403);
    expect((await h.ctx.findings.getFinding(finding.id))!.status).toBe('open');
    expect(await h.ctx.audit.forFinding('linde', finding.id)).toEqual([]);
  });

  it('dismisses as a false alarm, then reopens; both are in the log', async () => {
    const finding = await h.addFinding(INSULT + ' (afwijzen)');
    const { client } = await signIn(MODERATOR);
    const page = await client.get(`/review/f/${finding.id}`);
    const dismissed = await client.post(`/review/f/${finding.id}`, { _csrf: csrfOf(page.body), action: 'dismiss', wrong: '1' });
    expect((await h.ctx.findings.getFinding(finding.id))!.status).toBe('dismissed');
    await client.post(`/review/f/${finding.id}`, { _csrf: csrfOf(dismissed.body), action: 'reopen' });
    expect((await h.ctx.findings.getFinding(finding.id))!.status).toBe('open');
    const log = await h.ctx.audit.forFinding('linde', finding.id);
    expect(log.map((e) => [e.action, e.wrong ?? false])).toEqual([
      ['dismiss', true],
      ['reopen', false],
    ]);
  });

  it('escalates to school leadership: one e-mail to the leadership address, masked, with the reason', async () => {
    const finding = await h.addFinding(`${THREAT}. Zijn nummer is 06-43218765`);
    expect(finding.labels).toContain('threat');
    const { client } = await signIn(MODERATOR);
    const page = await client.get(`/review/f/${finding.id}`);
    const before = h.smtp.received.length;
    await client.post(`/review/f/${finding.id}`, { _csrf: csrfOf(page.body), action: 'escalate', reason: 'ouders bellen' });
    expect((await h.ctx.findings.getFinding(finding.id))!.status).toBe('escalated');
    const mail = await waitFor('the escalation e-mail', () => h.smtp.received.slice(before).find((m) => m.to.includes(LEADERSHIP)));
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toMatch(/Doorgezet naar de schoolleiding: .*bedreiging.* — De Linde/);
    expect(parsed.text).toContain(MODERATOR);
    expect(parsed.text).toContain('ouders bellen');
    expect(parsed.text).toContain('politie');
    expect(`${parsed.text}${String(parsed.html)}`).not.toContain('43218765');
    expect(parsed.text).toContain(`/review/f/${finding.id}`);
    // Once: the job is done, and no second e-mail follows.
    await waitFor('the alert queue to settle', async () => (await h.ctx.queues.alert.getJobCounts('waiting', 'active', 'delayed')).waiting === 0);
    expect(h.smtp.received.slice(before).filter((m) => m.to.includes(LEADERSHIP))).toHaveLength(1);
  });

  it('of two moderators deciding at once, the second is told and overwrites nothing', async () => {
    const finding = await h.addFinding(INSULT + ' (tegelijk)');
    const a = await signIn(MODERATOR);
    const b = await signIn(ADMIN);
    const pageA = await a.client.get(`/review/f/${finding.id}`);
    const pageB = await b.client.get(`/review/f/${finding.id}`);
    await a.client.post(`/review/f/${finding.id}`, { _csrf: csrfOf(pageA.body), action: 'approve' });
    const late = await b.client.post(`/review/f/${finding.id}`, { _csrf: csrfOf(pageB.body), action: 'dismiss' });
    expect(late.status).toBe(409);
    expect(late.body).toContain('verwijderen goedgekeurd');
    expect((await h.ctx.findings.getFinding(finding.id))!.status).toBe('approved');
    expect((await h.ctx.audit.forFinding('linde', finding.id)).map((e) => e.action)).toEqual(['approve']);
  });

  it('applies a bulk action to each chosen finding, each with its own log entry', async () => {
    const f1 = await h.addFinding(INSULT + ' (bulk 1)');
    const f2 = await h.addFinding(INSULT + ' (bulk 2)');
    const f3 = await h.addFinding(INSULT + ' (bulk 3, niet gekozen)');
    const { client } = await signIn(MODERATOR);
    const list = await client.get('/review');
    const res = await client.post('/review/selectie', {
      _csrf: csrfOf(list.body),
      id: [f1.id, f2.id],
      action: 'dismiss',
      reason: 'geen probleem',
      status: 'open',
    });
    expect(res.status).toBe(200);
    expect(res.body).toContain('2 meldingen');
    for (const f of [f1, f2]) {
      expect((await h.ctx.findings.getFinding(f.id))!.status).toBe('dismissed');
      expect(await h.ctx.audit.forFinding('linde', f.id)).toMatchObject([{ action: 'dismiss', reason: 'geen probleem' }]);
    }
    expect((await h.ctx.findings.getFinding(f3.id))!.status).toBe('open');
  });
});

describe('what the page shows', () => {
  it('escapes hostile text, masks personal data and shows it unmasked only behind "toon"', async () => {
    const finding = await h.addFinding('<script>alert(1)</script> jij kankerlijer, bel hem op 06-12348765 <img src=x onerror=alert(2)>');
    const { client } = await signIn(MODERATOR);
    const page = (await client.get(`/review/f/${finding.id}`)).body;
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;script&gt;');
    const [beforeDetails, details] = page.split('<details>');
    expect(beforeDetails).not.toContain('12348765');
    expect(details).toContain('06-12348765');
    expect((await client.get('/review')).body).not.toContain('12348765');
  });

  it('notes that a photo or video must be checked by a person', async () => {
    const finding = await h.addFinding(INSULT + ' (foto)', { media: { kinds: ['image'], count: 1 } });
    const { client } = await signIn(MODERATOR);
    expect((await client.get(`/review/f/${finding.id}`)).body).toContain('herkenbare leerlingen of medewerkers');
  });

  it('sends security headers on every page', async () => {
    const res = await fetch(`${h.url}/review`);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it("exports the school's audit log as CSV, with formulas defused", async () => {
    const finding = await h.addFinding(INSULT + ' (export)');
    const { client } = await signIn(MODERATOR);
    const page = await client.get(`/review/f/${finding.id}`);
    await client.post(`/review/f/${finding.id}`, { _csrf: csrfOf(page.body), action: 'dismiss', reason: '=HYPERLINK("http://x")' });
    const csv = await client.get('/review/export?school=linde');
    expect(csv.status).toBe(200);
    expect(csv.res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.res.headers.get('content-disposition')).toMatch(/attachment; filename="auditlog-linde-/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('tijdstip,school,melding,door,actie,van,naar,reden,onterecht');
    const row = lines.find((l) => l.includes(finding.id))!;
    expect(row).toContain(`${MODERATOR},dismiss,open,dismissed`);
    expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
    // Another school's log is not offered to this moderator.
    expect((await client.get('/review/export?school=klimop')).body).not.toContain('tijdstip,school');
  });
});
