// The review page as a moderator uses it: Debian's Chromium (playwright-core, no downloaded
// browser) against a running uitkijk. From the digest e-mail to a recorded decision in two
// clicks, every action, a bulk action, the refusals, keyboard use, no JavaScript needed, and
// axe-core on the list and on a finding. Screenshots of both go to .tmp/screenshots/.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEADERSHIP, MODERATOR, OTHER_MODERATOR, startReview } from '../support/review.ts';
import type { ReviewHarness } from '../support/review.ts';
import { waitFor } from '../support/wait.ts';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(import.meta.dirname, '../../.tmp/screenshots');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let h: ReviewHarness;
let browser: Browser;

beforeAll(async () => {
  h = await startReview(undefined, { queues: ['alert', 'digest'] });
  // As root (CI) Chromium refuses its sandbox; the page under test is our own.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  mkdirSync(SHOTS, { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const INSULT = 'Wat een kankerschool, meester Pieters is een vieze sukkel';
const THREAT = 'Als ik die mentor morgen na de les zie, sla ik hem helemaal in elkaar';

/** A browser without JavaScript: everything must work with links, forms and buttons alone. */
async function noScript(): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled: false, locale: 'nl-NL' });
}

async function signedInPage(email: string, next = '/review'): Promise<Page> {
  const page = await (await noScript()).newPage();
  await page.goto(h.link(email, next));
  await page.waitForURL((u) => u.pathname === next);
  return page;
}

async function digestLinks(): Promise<{ list: string; byFinding: Map<string, string> }> {
  const before = h.smtp.received.length;
  await h.ctx.queues.digest.add('digest', { school: 'linde' }, { jobId: `browser-${Date.now()}` });
  const mail = await waitFor('the digest e-mail', () => h.smtp.received.slice(before).find((m) => m.to.includes(MODERATOR)));
  const text = (await simpleParser(mail.raw)).text ?? '';
  const byFinding = new Map<string, string>();
  for (const m of text.matchAll(/Beslissen: (\S+next=%2Freview%2Ff%2F([A-Za-z0-9_-]+))/g)) byFinding.set(m[2]!, m[1]!);
  return { list: /Alle meldingen: (\S+)/.exec(text)![1]!, byFinding };
}

async function axe(url: string, shot: string): Promise<{ id: string; impact: string | null; nodes: number }[]> {
  // axe runs as a script in the page, so this one context has JavaScript and skips the page's CSP.
  const ctx = await browser.newContext({ bypassCSP: true, locale: 'nl-NL' });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
  await page.addScriptTag({ content: AXE });
  // A string, evaluated in the page: the tests are compiled without the DOM's types.
  const result = (await page.evaluate("axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })")) as {
    violations: { id: string; impact: string | null; nodes: unknown[] }[];
  };
  await page.screenshot({ path: join(SHOTS, shot), fullPage: true });
  await ctx.close();
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
}

describe('review page in Chromium', () => {
  it('goes from the digest e-mail to a recorded decision in two clicks, without JavaScript', async () => {
    const finding = await h.addFinding(THREAT);
    expect(finding.removalCandidate).toBe(true);
    const { byFinding } = await digestLinks();
    const page = await (await noScript()).newPage();
    await page.goto(byFinding.get(finding.id)!); // click 1: the link in the digest
    await page.waitForURL(`**/review/f/${finding.id}`);
    expect(page.url()).not.toContain('t=');
    await page.getByRole('button', { name: 'Verwijderen goedkeuren' }).click(); // click 2
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Verwijderen goedgekeurd en vastgelegd');
    await expect.poll(() => page.getByText('verwijder het bericht nu zelf').count()).toBe(1);
    expect((await h.ctx.findings.getFinding(finding.id))!.status).toBe('approved');
    expect(await h.ctx.audit.forFinding('linde', finding.id)).toMatchObject([{ actor: MODERATOR, action: 'approve' }]);
  });

  it('dismisses as a false alarm, reopens and escalates, each recorded and shown in the audit table', async () => {
    const finding = await h.addFinding(INSULT);
    const page = await signedInPage(MODERATOR, `/review/f/${finding.id}`);
    await page.getByLabel('onterecht gemarkeerd').check();
    await page.getByRole('button', { name: 'Afwijzen' }).click();
    await page.getByRole('status').waitFor();
    expect((await h.ctx.findings.getFinding(finding.id))!.status).toBe('dismissed');
    await page.getByRole('button', { name: 'Heropenen' }).click();
    await expect.poll(async () => (await h.ctx.findings.getFinding(finding.id))!.status).toBe('open');
    const before = h.smtp.received.length;
    await page.locator('form:has(input[value="escalate"])').getByLabel('Reden (niet verplicht)').fill('ouders van de leraar bellen');
    await page.getByRole('button', { name: 'Doorzetten naar de schoolleiding' }).click();
    await expect.poll(async () => (await h.ctx.findings.getFinding(finding.id))!.status).toBe('escalated');
    await waitFor('the e-mail to school leadership', () => h.smtp.received.slice(before).find((m) => m.to.includes(LEADERSHIP)));
    const rows = await page.locator('table tbody tr').all();
    const cells = await Promise.all(rows.map(async (r) => (await r.locator('td').allTextContents()).slice(1)));
    expect(cells).toEqual([
      [MODERATOR, 'afwijzen (onterecht gemarkeerd)', ''],
      [MODERATOR, 'heropenen', ''],
      [MODERATOR, 'doorzetten naar de schoolleiding', 'ouders van de leraar bellen'],
    ]);
  });

  it('applies a bulk action to the chosen findings only', async () => {
    const a = await h.addFinding(INSULT + ' (een)');
    const b = await h.addFinding(INSULT + ' (twee)');
    const c = await h.addFinding(INSULT + ' (drie)');
    const page = await signedInPage(MODERATOR);
    await page.getByLabel(`Kies melding ${a.id}`).check();
    await page.getByLabel(`Kies melding ${b.id}`).check();
    await page.getByLabel('afwijzen').check();
    await page.getByRole('button', { name: 'Uitvoeren' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^2 meldingen: afgewezen/);
    expect((await h.ctx.findings.getFinding(a.id))!.status).toBe('dismissed');
    expect((await h.ctx.findings.getFinding(b.id))!.status).toBe('dismissed');
    expect((await h.ctx.findings.getFinding(c.id))!.status).toBe('open');
  });

  it('can be used with the keyboard alone', async () => {
    const finding = await h.addFinding(INSULT + ' (toetsenbord)');
    const page = await signedInPage(MODERATOR, `/review/f/${finding.id}`);
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate('document.activeElement && document.activeElement.textContent')) === 'Verwijderen goedkeuren';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await h.ctx.findings.getFinding(finding.id))!.status).toBe('approved');
  });

  it('refuses a tampered link, an expired link and a moderator of another school', async () => {
    const finding = await h.addFinding(INSULT + ' (andere school)');
    const page = await (await noScript()).newPage();
    const link = h.link(MODERATOR, `/review/f/${finding.id}`);
    const res = await page.goto(link.replace(/\.([A-Za-z0-9_-]{5})/, '.AAAAA'));
    expect(res!.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Deze link klopt niet');
    const expired = await page.goto(h.link(MODERATOR, '/review', Date.now() - 30 * 24 * 3600_000));
    expect(expired!.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Deze link is verlopen');
    expect((await page.goto(`${h.url}/review`))!.status()).toBe(401);

    const other = await signedInPage(OTHER_MODERATOR);
    const refused = await other.goto(`${h.url}/review/f/${finding.id}`);
    expect(refused!.status()).toBe(403);
    expect(await other.content()).not.toContain('sukkel');
  });

  it('refuses a POST without a CSRF token', async () => {
    const finding = await h.addFinding(INSULT + ' (csrf)');
    const page = await signedInPage(MODERATOR, `/review/f/${finding.id}`);
    // Same cookies as the page, but no token: what a forged form on another site would send.
    const res = await page.request.post(`${h.url}/review/f/${finding.id}`, { form: { action: 'approve' } });
    expect(res.status()).toBe(403);
    expect((await h.ctx.findings.getFinding(finding.id))!.status).toBe('open');
  });

  it('has no serious or critical accessibility violations on the list and on a finding (axe-core)', async () => {
    const finding = await h.addFinding(`${INSULT}. Bel hem op 06-12345678`, { media: { kinds: ['image'], count: 1 } });
    const list = await axe(h.link(MODERATOR, '/review'), 'review-list.png');
    const detail = await axe(h.link(MODERATOR, `/review/f/${finding.id}`), 'review-finding.png');
    const serious = [...list, ...detail].filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
  });
});
