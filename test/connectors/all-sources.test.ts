// One config with a source of every kind that polls a platform — an RSS feed, Mastodon, a
// Facebook Page, Instagram and YouTube — runs end to end against the local servers: each source
// is fetched, its threatening comment becomes a finding and reaches the communications team by
// e-mail with its platform named, and the kind comments raise nothing. (Bluesky runs the same way
// against Bluesky's own reference servers in bluesky.test.ts, and the stream source in
// jetstream.test.ts.)
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { withPipeline } from '../support/end-to-end.ts';
import { startFeedServer, wordpressCommentFeed } from '../support/feed-server.ts';
import { startFakeGraph } from '../support/fake-graph.ts';
import { startFakeMastodon } from '../support/fake-mastodon.ts';
import { startFakeYoutube } from '../support/fake-youtube.ts';
import { drain, waitFor } from '../support/wait.ts';

const TEAM = 'communicatie@linde.example.nl';

describe('a config with one source of each kind', () => {
  it('fetch → finding → e-mail for every source, once each', async () => {
    const [graph, mastodon, youtube, feeds] = await Promise.all([startFakeGraph(), startFakeMastodon(), startFakeYoutube(), startFeedServer()]);
    try {
      const post = graph.addPost();
      graph.addComment(post, 'Die nieuwe conciërge krijgt vanavond klappen als hij weer zo doet');
      graph.addComment(post, 'Wat een mooi schoolplein hebben jullie gemaakt!');
      const media = graph.addMedia();
      graph.addIgComment(media, 'ik weet waar die juf woont en ik kom haar vanavond opzoeken, ze gaat boeten');
      graph.addIgComment(media, 'Leuke foto van de sportdag 😍');
      mastodon.addMention('als ik die mentor morgen zie sla ik hem helemaal in elkaar', { replyToSchool: true });
      mastodon.addMention('bedankt voor de open dag!');
      const video = youtube.addVideo();
      youtube.addThread(video, 'wacht maar tot na de les, dan steek ik die leraar neer');
      youtube.addThread(video, 'mooie video van de musical');
      feeds.set(
        '/reacties/feed/',
        wordpressCommentFeed('Reacties op: Open dag', 'https://linde.example.nl', [
          {
            guid: 'https://linde.example.nl/?c=1',
            title: 'Reactie',
            link: 'https://linde.example.nl/open-dag/#comment-1',
            author: 'anoniem',
            html: '<p>Ik maak die directeur morgen af als hij mijn zoon nog één keer schorst</p>',
            date: new Date(),
          },
          {
            guid: 'https://linde.example.nl/?c=2',
            title: 'Reactie',
            link: 'https://linde.example.nl/open-dag/#comment-2',
            author: 'ouder',
            html: '<p>Fijne open dag gehad, dank jullie wel.</p>',
            date: new Date(),
          },
        ]),
      );
      const yaml = `
schools:
  - id: linde
    name: De Linde
    keywords: [De Linde]
    alertRecipients: [${TEAM}]
sources:
  - { id: linde-rss, kind: rss, school: linde, url: '${feeds.url}/reacties/feed/', context: reply, schedule: { every: 1h } }
  - { id: linde-mastodon, kind: mastodon, school: linde, instance: '${mastodon.url}', schedule: { every: 1h } }
  - { id: linde-facebook, kind: facebook, school: linde, pageId: '${graph.pageId}', graphUrl: '${graph.url}', schedule: { every: 1h } }
  - { id: linde-instagram, kind: instagram, school: linde, userId: '${graph.igUserId}', graphUrl: '${graph.url}', schedule: { every: 1h } }
  - { id: linde-youtube, kind: youtube, school: linde, channelId: ${youtube.channelId}, apiUrl: '${youtube.url}', schedule: { every: 1h } }
mail:
  from: uitkijk@linde.example.nl
`;
      const env = {
        MASTODON_TOKEN_LINDE_MASTODON: mastodon.token,
        FACEBOOK_PAGE_TOKEN_LINDE_FACEBOOK: graph.pageToken,
        INSTAGRAM_TOKEN_LINDE_INSTAGRAM: graph.igToken,
        YOUTUBE_API_KEY_LINDE_YOUTUBE: youtube.apiKey,
      };
      await withPipeline({ yaml, env, deployment: 'all-sources' }, async ({ ctx, smtp, fetch }) => {
        for (const s of ctx.config().sources) await fetch(s.id);
        // The feed is named by its own title, the others by their platform.
        const platforms = ['Reacties op: Open dag', 'Mastodon', 'Facebook', 'Instagram', 'YouTube'];
        const subjects = async () => {
          const out: string[] = [];
          for (const m of smtp.received.filter((x) => x.to.includes(TEAM))) out.push((await simpleParser(m.raw)).subject ?? '');
          return out;
        };
        await waitFor(
          'an alert from every platform',
          async () => {
            const got = await subjects();
            return platforms.every((p) => got.some((s) => s.includes(p))) ? got : undefined;
          },
          60_000,
        );
        await drain(ctx.queues);
        const got = await subjects();
        // One threat per source, each once; the kind comments raised nothing.
        expect(got).toHaveLength(5);
        for (const p of platforms) expect(got.filter((s) => s.includes(p))).toHaveLength(1);
        for (const s of got) expect(s).toMatch(/bedreiging/);
        // Each names the article and links to the comment itself.
        for (const m of smtp.received) {
          const text = (await simpleParser(m.raw)).text ?? '';
          expect(text).toContain('A6');
          expect(text).toMatch(/https?:\/\/\S+/);
        }
        // Every request any platform server saw was a read.
        for (const r of [...graph.requests, ...mastodon.requests, ...youtube.requests]) expect(r.method).toBe('GET');
      });
    } finally {
      await Promise.all([graph.close(), mastodon.close(), youtube.close(), feeds.close()]);
    }
  }, 120_000);
});
