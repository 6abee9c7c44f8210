// The moderators' digest against a running uitkijk (real Redis, real SMTP server, the digest
// and alert workers, the blog's comment feed on a local server): open removal candidates are
// looked up again first and those gone from the feed are marked so; each moderator gets one
// e-mail per run, with signed links that lead straight to a decision; a school with nothing
// open gets nothing; the schedulers follow the config.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { digestSchedules, syncDigestSchedulers } from '../../src/digest/schedule.ts';
import { csrfOf, httpClient, MODERATOR, OTHER_MODERATOR, reviewYaml, startReview } from '../support/review.ts';
import type { ReviewHarness } from '../support/review.ts';
import { startFeedServer, wordpressCommentFeed } from '../support/feed-server.ts';
import type { FeedEntry, FeedServer } from '../support/feed-server.ts';
import { waitFor } from '../support/wait.ts';

let h: ReviewHarness;
let feed: FeedServer;

const HOUR = 3600_000;
const comment = (n: number, text: string, hoursAgo: number): FeedEntry => ({
  guid: `https://blog.linde.example.nl/?comment=${n}`,
  title: `Reactie ${n}`,
  link: `https://blog.linde.example.nl/nieuws#comment-${n}`,
  author: `Lezer ${n}`,
  html: `<p>${text}</p>`,
  date: new Date(Date.now() - hoursAgo * HOUR),
});

const OLD = comment(1, 'Mooi verslag van de sportdag, dank jullie wel.', 30);
const THREAT = comment(2, 'Als die gymleraar morgen weer bij het hek staat steek ik zijn banden lek en daarna is hij zelf aan de beurt', 5);
const INSULT = comment(3, 'Wat een kankerschool, die conciërge is echt een vieze sukkel', 3);

function feedOf(entries: FeedEntry[]) {
  return wordpressCommentFeed('Reacties op Nieuws van De Linde', 'https://blog.linde.example.nl', entries);
}

beforeAll(async () => {
  feed = await startFeedServer({ '/comments/feed': feedOf([INSULT, THREAT, OLD]) });
  const sources = `  - id: blog
    kind: rss
    school: linde
    url: ${feed.url}/comments/feed
    context: reply
    schedule: { every: 1h }`;
  h = await startReview(reviewYaml().replace('sources: []', `sources:\n${sources}`), { queues: ['alert', 'digest'] });
}, 60_000);
afterAll(async () => {
  await h?.close();
  await feed?.close();
});

const asFinding = (e: FeedEntry, over = {}) =>
  h.addFinding(e.html.replace(/<[^>]+>/g, ''), { id: `rss:${e.guid}`, source: 'blog', url: e.link, createdAt: e.date.toISOString(), ...over });

async function runDigest(jobId: string, school = 'linde') {
  await h.ctx.queues.digest.add('digest', { school }, { jobId });
  await waitFor('the digest run to finish', async () => {
    const c = await h.ctx.queues.digest.getJobCounts('waiting', 'active', 'delayed', 'failed');
    if (c.failed) throw new Error('digest job failed');
    return (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) === 0;
  });
}

describe('the digest', () => {
  it('marks candidates gone from the feed, mails the open ones to each moderator once, and its link leads to a decision', async () => {
    const threat = await asFinding(THREAT);
    const insult = await asFinding(INSULT);
    const mention = await h.addFinding('Die kankerschool De Linde weer', { context: 'mention', id: 'rss:mention-1' });
    expect(threat.removalCandidate && insult.removalCandidate).toBe(true);
    expect(mention.removalCandidate).toBe(false);
    // The blog removed the insult since: the feed still reaches back past it, so it is gone.
    feed.set('/comments/feed', feedOf([THREAT, OLD]));

    const before = h.smtp.received.length;
    await runDigest('run-1');
    expect((await h.ctx.findings.getFinding(insult.id))!.status).toBe('gone');
    expect(await h.ctx.audit.forFinding('linde', insult.id)).toMatchObject([{ actor: 'uitkijk', action: 'gone', from: 'open', to: 'gone' }]);
    expect((await h.ctx.findings.getFinding(threat.id))!.status).toBe('open');

    const mails = h.smtp.received.slice(before);
    expect(mails.map((m) => m.to)).toEqual([[MODERATOR]]); // De Klimop has nothing open: no e-mail there
    const parsed = await simpleParser(mails[0]!.raw);
    expect(parsed.subject).toBe('[uitkijk] Digest De Linde: 1 open kandidaat voor verwijdering (1 met ernst hoog)');
    expect(parsed.text).toContain('== Ernst hoog (1) ==');
    expect(parsed.text).toContain('1 melding is al verwijderd op het platform');
    expect(parsed.text).toContain(THREAT.link);
    expect(parsed.text).not.toContain('sukkel');
    expect(parsed.text).not.toContain('Die kankerschool De Linde weer');
    expect(String(parsed.html)).toContain('<mark>');
    expect(String(parsed.html)).not.toMatch(/<script|<img/i);

    // Click one: the finding's signed link; click two: approve.
    const link = new RegExp(`Beslissen: (\\S+next=%2Freview%2Ff%2F${threat.id})`).exec(parsed.text ?? '')?.[1];
    expect(link).toBeDefined();
    const client = httpClient(h.url);
    const landing = await client.get(link!);
    const target = /url=([^"]+)"/.exec(landing.body)![1]!;
    expect(target).toBe(`/review/f/${threat.id}`);
    const page = await client.get(target);
    expect(page.body).toContain('Verwijderen goedkeuren');
    await client.post(target, { _csrf: csrfOf(page.body), action: 'approve' });
    expect((await h.ctx.findings.getFinding(threat.id))!.status).toBe('approved');
    expect(await h.ctx.audit.forFinding('linde', threat.id)).toMatchObject([{ actor: MODERATOR, action: 'approve' }]);

    // The same run again (a retry): nothing is sent twice.
    await runDigest('run-1');
    expect(h.smtp.received.length).toBe(before + 1);
  });

  it('leaves open a candidate older than anything the feed still lists: not knowing is not "gone"', async () => {
    const ancient = await asFinding(comment(9, 'Wat een kankerschool, die conciërge is een vieze sukkel', 48));
    const before = h.smtp.received.length;
    await runDigest('run-2');
    expect((await h.ctx.findings.getFinding(ancient.id))!.status).toBe('open');
    const mail = await waitFor('the digest', () => h.smtp.received.slice(before).find((m) => m.to.includes(MODERATOR)));
    expect((await simpleParser(mail.raw)).text).toContain(ancient.item.url);
  });

  it('sends nothing when nothing is open, and an empty digest only when asked', async () => {
    const before = h.smtp.received.length;
    await runDigest('run-klimop-1', 'klimop');
    expect(h.smtp.received.length).toBe(before);
    h.runtime.applyConfig(parseConfig(reviewYaml('digest:\n  cron: "30 7 * * 1-5"\n  sendWhenEmpty: true\n'), 'x.yaml'));
    await runDigest('run-klimop-2', 'klimop');
    const mail = await waitFor('the empty digest', () => h.smtp.received.slice(before).find((m) => m.to.includes(OTHER_MODERATOR)));
    expect((await simpleParser(mail.raw)).subject).toBe('[uitkijk] Digest De Klimop: geen open kandidaten voor verwijdering');
  });
});

describe('digest schedules', () => {
  it("follow the config: one per school with moderators, on its cron, in the school's time zone", async () => {
    const yaml = reviewYaml("digest:\n  cron: '30 7 * * 1-5'\n").replace(
      `    moderators: [${OTHER_MODERATOR}]`,
      `    moderators: [${OTHER_MODERATOR}]\n    timezone: Europe/Brussels\n    digest: { cron: '0 8 * * 1-5' }`,
    );
    const config = parseConfig(yaml, 'x.yaml');
    expect(digestSchedules(config)).toEqual([
      { school: 'linde', cron: '30 7 * * 1-5', tz: 'Europe/Amsterdam' },
      { school: 'klimop', cron: '0 8 * * 1-5', tz: 'Europe/Brussels' },
    ]);
    await syncDigestSchedulers(h.ctx.queues.digest, config);
    const byKey = new Map((await h.ctx.queues.digest.getJobSchedulers(0, -1)).map((s) => [s.key, s]));
    expect(byKey.get('digest:klimop')).toMatchObject({ pattern: '0 8 * * 1-5', tz: 'Europe/Brussels' });
    expect(byKey.get('digest:linde')).toMatchObject({ pattern: '30 7 * * 1-5', tz: 'Europe/Amsterdam' });
    // A school without moderators has no digest.
    const without = parseConfig(yaml.replace(`    moderators: [${OTHER_MODERATOR}]\n`, ''), 'x.yaml');
    const result = await syncDigestSchedulers(h.ctx.queues.digest, without);
    expect(result.removed).toEqual(['klimop']);
    expect((await h.ctx.queues.digest.getJobSchedulers(0, -1)).map((s) => s.key)).toEqual(['digest:linde']);
  });
});
