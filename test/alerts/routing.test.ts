// How alerts reach the communications team, against a running uitkijk (real Redis, real SMTP
// server, the alert workers): a threat at once and on its own, never waiting for a bundle;
// everything else in one bundle per school, spaced by alerts.bundleEvery; a storm of 200
// findings on one post as a handful of e-mails, never 200; a failed bundle sent once, whole.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/finding.ts';
import { reviewYaml, startReview } from '../support/review.ts';
import type { ReviewHarness } from '../support/review.ts';
import { waitFor } from '../support/wait.ts';

let h: ReviewHarness;
const COMMS = 'communicatie@linde.example.nl';
const EVERY_MS = 4_000;

beforeAll(async () => {
  h = await startReview(reviewYaml(`alerts:\n  bundleWait: 1s\n  bundleEvery: ${EVERY_MS / 1000}s\n  stormThreshold: 5\n  stormWindow: 10m\n`));
}, 60_000);
afterAll(async () => h?.close());

async function mailsTo(from: number) {
  return Promise.all(
    h.smtp.received
      .slice(from)
      .filter((m) => m.to.includes(COMMS))
      .map(async (m) => ({ at: Date.now(), parsed: await simpleParser(m.raw) })),
  );
}

async function settle() {
  await waitFor('the alert queue to be empty', async () => {
    const c = await h.ctx.queues.alert.getJobCounts('waiting', 'active', 'delayed');
    return (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) === 0;
  });
}

const onPost = (post: string) => ({ inReplyTo: post });
/** Whether some e-mail to the team since `from` mentions this finding (its review link). */
const mentions = async (from: number, id: string) => (await mailsTo(from)).some((m) => (m.parsed.text ?? '').includes(`/review/f/${id}`));

describe('alert routing', () => {
  it('sends a threat at once on its own while the other findings wait for one bundle', async () => {
    await settle();
    const before = h.smtp.received.length;
    const post = 'https://blog.linde.example.nl/nieuws/sportdag';
    const insults = [
      await h.addFinding('Wat een kankerschool is dit, echt waardeloos', onPost(post)),
      await h.addFinding('Die meester is een vieze sukkel en een loser', onPost(post)),
    ];
    await h.ctx.routeAlerts(insults);
    const threat = await h.addFinding('Als ik die mentor morgen bij het hek zie, sla ik hem helemaal in elkaar', onPost(post));
    expect(threat.labels).toContain('threat');
    await h.ctx.routeAlerts([threat]);

    const first = await waitFor('the threat alert', () => h.smtp.received.slice(before).find((m) => m.to.includes(COMMS)));
    const firstParsed = await simpleParser(first.raw);
    expect(firstParsed.headers.get('x-uitkijk-finding')).toBe(threat.id); // the threat came first, alone
    const bundle = await waitFor('the bundle', async () => (await mailsTo(before)).find((m) => /2 meldingen/.test(m.parsed.subject ?? '')));
    for (const f of insults) expect(bundle.parsed.text).toContain(`/review/f/${f.id}`);
    expect(bundle.parsed.text).not.toContain(`/review/f/${threat.id}`);
    await settle();
    expect(h.smtp.received.length - before).toBe(2);
  });

  it('keeps bundles apart by bundleEvery', async () => {
    await settle();
    const before = h.smtp.received.length;
    const a = await h.addFinding('Wat een kankerschool, de kantine is ook smerig');
    await h.ctx.routeAlerts([a]);
    await waitFor('the first bundle', () => mentions(before, a.id));
    const firstAt = Date.now();
    const b = await h.addFinding('Die gymleraar is een kankerlijer');
    await h.ctx.routeAlerts([b]);
    await waitFor('the second bundle', () => mentions(before, b.id), 20_000);
    expect(Date.now() - firstAt).toBeGreaterThanOrEqual(EVERY_MS - 500);
  });

  it('turns a storm of 200 findings on one post into one e-mail with the count and the worst examples', async () => {
    await settle();
    const before = h.smtp.received.length;
    const post = 'at://did:plc:delinde/app.bsky.feed.post/storm';
    const findings: Finding[] = [];
    for (let i = 0; i < 200; i++) {
      findings.push(
        await h.addFinding(`wat een kankerschool, reactie nummer ${i} hier`, {
          ...onPost(post),
          id: `at://did:plc:leerling${i}/app.bsky.feed.post/${i}`,
          platform: 'bluesky',
        }),
      );
    }
    expect(findings.every((f) => f.labels.includes('offensive'))).toBe(true);
    await h.ctx.routeAlerts(findings); // one classify batch holds up to 200 items
    await settle();
    const mails = await mailsTo(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.parsed.subject).toMatch(/^\[uitkijk\] 200 meldingen — De Linde .*Storm: 200 meldingen onder één bericht$/);
    expect(mails[0]!.parsed.text).toMatch(/De 5 ernstigste \(van 200\)/);
    expect(mails[0]!.parsed.text).toContain('En nog 195: bekijk ze op de beoordelingspagina.');
  });

  it('in a storm, sends the first threats on their own and the later ones in the storm bundle, soon', async () => {
    await settle();
    const before = h.smtp.received.length;
    const post = 'at://did:plc:delinde/app.bsky.feed.post/storm-2';
    const findings: Finding[] = [];
    for (let i = 0; i < 60; i++) {
      const text = i % 10 === 0 ? `ik sla die leraar helemaal in elkaar als ik hem zie (${i})` : `wat een kankerschool, echt nummer ${i}`;
      findings.push(await h.addFinding(text, { ...onPost(post), id: `at://did:plc:ouder${i}/app.bsky.feed.post/${i}`, platform: 'bluesky' }));
    }
    const threats = findings.filter((f) => f.labels.includes('threat'));
    expect(threats.length).toBe(6);
    await h.ctx.routeAlerts(findings);
    await settle();
    const mails = await mailsTo(before);
    // The first threat came before the post was a storm (5 findings): on its own. The rest,
    // the other five threats too, in one bundle that did not wait for bundleEvery.
    const single = mails.filter((m) => m.parsed.headers.get('x-uitkijk-finding') === threats[0]!.id);
    expect(single).toHaveLength(1);
    expect(mails).toHaveLength(2);
    const bundle = mails.find((m) => m !== single[0])!;
    expect(bundle.parsed.subject).toMatch(/^\[uitkijk\] 59 meldingen .*\(hoogste ernst: hoog\)/);
    for (const t of threats.slice(1)) expect(bundle.parsed.text).toContain(`/review/f/${t.id}`);
  });

  it('sends a bundle whose first attempt failed once, with the same findings', async () => {
    await settle();
    const before = h.smtp.received.length;
    h.smtp.rejectNext(1);
    const a = await h.addFinding('Wat een kankerschool, alweer');
    const b = await h.addFinding('Die conciërge is een vieze sukkel');
    await h.ctx.routeAlerts([a, b]);
    await waitFor('the bundle after a retry', () => mentions(before, a.id), 30_000);
    await settle();
    const bundles = await mailsTo(before);
    expect(bundles).toHaveLength(1);
    expect(bundles[0]!.parsed.text).toContain(`/review/f/${b.id}`);
  });
});
