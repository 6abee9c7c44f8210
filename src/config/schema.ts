// The config schema: the single source of the config's types (z.infer), its defaults, its
// validation messages and the published JSON schema. Reading the file lives in load.ts.

import { z } from 'zod';
import { DEFAULT_THRESHOLDS, LABELS, type Label } from '../classify/types.ts';
import { checkCron } from './cron.ts';
import { CONFIG_MESSAGES } from './messages.ts';
import type { ConfigMessages } from './messages.ts';
import type { Lang } from '../i18n.ts';
import { parseDuration } from './duration.ts';

/** The schema with its messages in one language; built once per language (`configSchemaFor`). */
function buildSchemas(m: ConfigMessages) {
  /**
   * A message about a value that is there but wrong. A missing key or a wrong type (a list
   * where a text belongs) is left to the loader's generic wording, which says exactly that.
   */
  const about = (message: (input: unknown) => string) => (iss: { code?: string; input?: unknown }) =>
    iss.code === 'invalid_type' ? undefined : message(iss.input);

  const text = z.string().trim().min(1, { error: m.empty });
  const email = z.email({ error: about(m.notEmail) });
  const httpUrl = z.url({
    protocol: /^https?$/,
    error: about(m.notUrl),
  });
  const id = z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, {
      error: about(m.notId),
    })
    .max(64);

  const cron = z.string().superRefine((value, ctx) => {
    const check = checkCron(value);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: m.cron(value, check.reason), input: value });
  });

  const timezone = z.string().refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { error: about(m.notTimezone) },
  );

  const DURATION_PATTERN = '^[1-9][0-9]*[smhd]$';
  const duration = z.string().superRefine((value, ctx) => {
    if (parseDuration(value) !== null) return;
    const message = new RegExp(DURATION_PATTERN).test(value.trim()) ? m.durationTooLong(value) : m.notDuration(value);
    ctx.addIssue({ code: 'custom', message, input: value });
  });

  const scheduleSchema = z
    .strictObject({
      every: duration.optional().meta({ description: "Fetch at this interval: '30s', '5m', '1h', '2d'.", pattern: DURATION_PATTERN }),
      cron: cron.optional().meta({ description: "Fetch on a cron pattern (minute hour day month weekday), e.g. '*/10 * * * *'." }),
    })
    .superRefine((s, ctx) => {
      if ((s.every === undefined) === (s.cron === undefined)) {
        ctx.addIssue({
          code: 'custom',
          message: s.every === undefined ? m.scheduleNeedsOne : m.scheduleHasBoth,
          input: s,
        });
      }
    })
    // For editors: the JSON schema cannot see the superRefine above, so say it once more.
    .meta({ description: "When to fetch: exactly one of 'every' or 'cron'.", oneOf: [{ required: ['every'] }, { required: ['cron'] }] });

  const digestFields = {
    cron: cron.meta({ description: "When moderators get the digest, in the school's time zone: e.g. '30 7 * * 1-5' (weekdays 07:30)." }),
    sendWhenEmpty: z.boolean().meta({ description: 'Also send a digest when there are no open removal candidates.' }),
    skipUnchanged: z.boolean().meta({
      description: 'Send no digest when its open candidates are exactly those of the previous digest (for frequent schedules).',
    }),
  };
  const digestOverride = z.strictObject({
    cron: digestFields.cron.optional(),
    sendWhenEmpty: digestFields.sendWhenEmpty.optional(),
    skipUnchanged: digestFields.skipUnchanged.optional(),
  });

  const schoolSchema = z
    .strictObject({
      id: id.meta({ description: 'Short unique id; sources refer to it.' }),
      name: text.meta({ description: 'The name used in e-mails, e.g. Vivente College De Linge.' }),
      keywords: z
        .array(
          z.union([
            text,
            z.strictObject({
              phrase: text.meta({ description: 'The name, e.g. Linge.' }),
              context: z.array(text).min(1).meta({ description: 'It counts only when one of these is in the text too, e.g. the town.' }),
            }),
          ]),
        )
        .min(1, { error: m.needsKeyword })
        .meta({
          description:
            'Words and names that mean "this school" in a post: whole words and phrases, case and accents do not matter. A name that is also an ordinary word can ask for context words: { phrase: Linge, context: [Tiel] }.',
        }),
      handles: z.array(text).default([]).meta({ description: "The school's own accounts, e.g. vivente-delinge.bsky.social." }),
      allowedContacts: z.array(text).default([]).meta({
        description: "The school's own published phone numbers, e-mail and postal addresses: never flagged as personal data.",
      }),
      alertRecipients: z.array(email).min(1, { error: m.needsRecipient }).meta({
        description: 'Who receives alert e-mails (the communications team).',
      }),
      moderators: z.array(email).default([]).meta({
        description: 'Who decides on removal candidates: receives the digest and may use the review page for this school.',
      }),
      leadership: z.array(email).default([]).meta({
        description: 'School leadership: receives the findings a moderator escalates (A11).',
      }),
      digest: digestOverride.optional().meta({ description: "This school's own digest settings; the top-level 'digest' otherwise." }),
      timezone: timezone.default('Europe/Amsterdam'),
    })
    .meta({ description: 'A school whose social media uitkijk watches.' });

  const sourceBase = {
    id: id.meta({ description: 'Short unique id, used in logs and in environment variable names.' }),
    school: id.meta({ description: 'The id of the school this source belongs to.' }),
    schedule: scheduleSchema,
  };

  const rssSourceSchema = z
    .strictObject({
      ...sourceBase,
      kind: z.literal('rss'),
      url: httpUrl.meta({ description: 'The RSS or Atom feed address.' }),
      context: z
        .enum(['reply', 'mention'], {
          error: about(m.notContext),
        })
        .meta({
          description: "reply: comments on the school's own posts (removal candidates, A6); mention: posts elsewhere.",
        }),
    })
    .meta({ description: 'An RSS or Atom feed: blog comments, news, Google Alerts.' });

  const blueskySourceSchema = z
    .strictObject({
      ...sourceBase,
      kind: z.literal('bluesky'),
      handle: text
        .transform((h) => h.replace(/^@/, '').toLowerCase())
        .meta({ description: "The school's Bluesky handle. Its app password comes from BLUESKY_APP_PASSWORD_<SOURCE ID>." }),
      service: httpUrl.default('https://bsky.social').meta({ description: "The account's PDS or entryway." }),
      postsToScan: z.int().min(1).max(100).default(20).meta({
        description: "How many of the school's recent posts to read replies from.",
      }),
    })
    .meta({ description: "The school's own Bluesky account: replies, mentions and quotes." });

  const mastodonSourceSchema = z
    .strictObject({
      ...sourceBase,
      kind: z.literal('mastodon'),
      instance: httpUrl.meta({
        description:
          "The school's Mastodon server, e.g. https://mastodon.nl. Its access token (scope read:notifications) comes from MASTODON_TOKEN_<SOURCE ID>.",
      }),
    })
    .meta({ description: "The school's own Mastodon account: replies to its posts and mentions of it." });

  const graphVersion = z
    .string()
    .regex(/^v\d+\.\d+$/, { error: about(m.notGraphVersion) })
    .default('v23.0')
    .meta({ description: "The Graph API version every request is pinned to, e.g. 'v23.0'." });
  const recentWindow = duration.default('14d').meta({ description: 'Only posts younger than this are read for new comments.', pattern: DURATION_PATTERN });

  const facebookSourceSchema = z
    .strictObject({
      ...sourceBase,
      kind: z.literal('facebook'),
      pageId: text.meta({
        description:
          "The school's Facebook Page id. Its Page access token (pages_read_engagement, pages_read_user_content) comes from FACEBOOK_PAGE_TOKEN_<SOURCE ID>.",
      }),
      apiVersion: graphVersion,
      graphUrl: httpUrl.default('https://graph.facebook.com').meta({ description: "Meta's Graph API address." }),
      window: recentWindow,
    })
    .meta({ description: "Comments on the school's own Facebook Page posts." });

  const instagramSourceSchema = z
    .strictObject({
      ...sourceBase,
      kind: z.literal('instagram'),
      userId: text.meta({
        description: "The school's Instagram professional account id. Its token comes from INSTAGRAM_TOKEN_<SOURCE ID>.",
      }),
      login: z
        .enum(['instagram', 'facebook'])
        .default('instagram')
        .meta({ description: 'How the token was made: Instagram login (graph.instagram.com) or Facebook login (graph.facebook.com).' }),
      apiVersion: graphVersion,
      graphUrl: httpUrl.optional().meta({ description: 'Overrides the API address that follows from login.' }),
      window: recentWindow,
    })
    .meta({ description: "Comments on the school's own Instagram posts." });

  const youtubeSourceSchema = z
    .strictObject({
      ...sourceBase,
      kind: z.literal('youtube'),
      channelId: z
        .string()
        .regex(/^UC[A-Za-z0-9_-]{22}$/, { error: about(m.notChannelId) })
        .meta({ description: "The school's YouTube channel id (UC…). Its API key comes from YOUTUBE_API_KEY_<SOURCE ID>." }),
      apiUrl: httpUrl.default('https://www.googleapis.com').meta({ description: "Google's API address." }),
      dailyQuota: z.int().min(1).default(10_000).meta({ description: "The key's quota in units a day (YouTube gives 10,000)." }),
      quotaReserve: z.int().min(0).default(100).meta({ description: 'Stop this many units before the quota is gone.' }),
    })
    .meta({ description: "Comments under the school's own YouTube videos." });

  const wsUrl = z.url({ protocol: /^wss?$/, error: about(m.notUrl) });
  const jetstreamSourceSchema = z
    .strictObject({
      id: id.meta({ description: 'Short unique id, used in logs and metrics.' }),
      kind: z.literal('jetstream'),
      url: wsUrl
        .default('wss://jetstream1.us-east.bsky.network/subscribe')
        .meta({ description: "Jetstream's subscribe address (protocol v1); its siblings are jetstream2.us-east, jetstream1.us-west, …" }),
      appview: httpUrl
        .default('https://public.api.bsky.app')
        .meta({ description: 'The Bluesky AppView a matched post is read from before it becomes an item (the stream is unsigned).' }),
      cursorMargin: duration
        .default('5s')
        .meta({ description: 'After a restart or a dropped connection, resume this much before the stored cursor.', pattern: DURATION_PATTERN }),
    })
    .meta({
      description:
        "Every new Bluesky post, live, for every school at once: replies to a school's posts, quotes, mentions of its accounts and posts that name it by a keyword. One consumer per deployment.",
    });

  const sourceSchema = z.discriminatedUnion(
    'kind',
    [rssSourceSchema, blueskySourceSchema, mastodonSourceSchema, facebookSourceSchema, instagramSourceSchema, youtubeSourceSchema, jetstreamSourceSchema],
    {
      error: (iss) => {
        if (iss.code !== 'invalid_union') return undefined;
        const kind = (iss.input as { kind?: unknown } | null | undefined)?.kind;
        return kind === undefined ? m.kindMissing : m.notKind(kind);
      },
    },
  );

  const score = z.number().min(0, { error: m.scoreRange }).max(1, { error: m.scoreRange });

  const isScore = (n: unknown) => typeof n === 'number' && n >= 0 && n <= 1;

  function thresholdSchema(label: Label) {
    const d = DEFAULT_THRESHOLDS[label];
    return (
      z
        .strictObject({
          alert: score.default(d.alert).meta({ description: 'Score from which the communications team is alerted.' }),
          remove: score.default(d.remove).meta({ description: 'Score from which a reply becomes a removal candidate (A6).' }),
        })
        // Only compares two valid scores; a score out of range is reported on its own.
        .refine((t) => !(isScore(t.alert) && isScore(t.remove)) || t.alert <= t.remove, {
          error: (iss) => {
            const t = iss.input as { alert: number; remove: number };
            return m.alertAboveRemove(t.alert, t.remove);
          },
        })
        .prefault({})
    );
  }

  const thresholdsSchema = z
    .strictObject(
      Object.fromEntries(LABELS.map((l) => [l, thresholdSchema(l)])) as {
        [L in Label]: ReturnType<typeof thresholdSchema>;
      },
    )
    .prefault({})
    .meta({ description: 'Per label: the scores (0 to 1) from which to alert and to propose removal.' });

  const configSchema = z
    .strictObject({
      schools: z.array(schoolSchema).min(1, { error: m.needsSchool }),
      sources: z.array(sourceSchema),
      thresholds: thresholdsSchema,
      alerts: z
        .strictObject({
          bundle: z.boolean().default(true).meta({
            description: 'false: every finding gets its own e-mail at once (no bundles, no storm protection).',
          }),
          bundleEvery: duration.default('15m').meta({
            description: "Findings that are not threats go out bundled per school, at most one e-mail this often, e.g. '15m'.",
            pattern: DURATION_PATTERN,
          }),
          bundleWait: duration
            .default('1m')
            .meta({ description: 'How long a bundle gathers after its first finding before it goes out.', pattern: DURATION_PATTERN }),
          stormThreshold: z.int().min(1).max(10_000).default(10).meta({
            description: 'From this many findings on one post within stormWindow, also threats go into one bundle (sent soon) instead of one e-mail each.',
          }),
          stormWindow: duration
            .default('10m')
            .meta({ description: 'The window in which findings on one post are counted for a storm.', pattern: DURATION_PATTERN }),
        })
        .prefault({})
        .meta({ description: 'How alert e-mails to the communications team are sent: threats at once, the rest bundled.' }),
      administrators: z.array(email).default([]).meta({
        description: 'May use the review page for every school (and receive no digest unless also a moderator).',
      }),
      digest: z
        .strictObject({
          cron: digestFields.cron.default('30 7 * * 1-5'),
          sendWhenEmpty: digestFields.sendWhenEmpty.default(false),
          skipUnchanged: digestFields.skipUnchanged.default(false),
        })
        .prefault({})
        .meta({ description: "The moderators' digest of open removal candidates, per school." }),
      retention: z
        .strictObject({
          findingsDays: z.int().min(1).max(3650).default(90).meta({ description: 'Days a finding is kept after its decision.' }),
          seenDays: z.int().min(1).max(3650).default(30).meta({ description: 'Days the ids of seen items are kept.' }),
          auditDays: z.int().min(1).max(3650).default(365).meta({ description: 'Days an entry of the audit log of decisions is kept.' }),
        })
        .prefault({}),
      fetch: z
        .strictObject({
          maxSizeMB: z.number().min(0.1).max(100).default(5).meta({ description: 'Largest response body a source may send, decompressed, in MB.' }),
          maxItems: z
            .int()
            .min(1)
            .max(100_000)
            .default(1000)
            .meta({ description: 'At most this many items per fetch; older ones beyond it are skipped and logged.' }),
          maxRedirects: z.int().min(0).max(20).default(5).meta({ description: 'How many redirects a source may send before the fetch fails.' }),
          timeout: duration.default('20s').meta({ description: "Deadline for one request, e.g. '20s'.", pattern: DURATION_PATTERN }),
        })
        .prefault({})
        .meta({ description: 'Limits every source is read with.' }),
      mail: z.strictObject({
        from: email.meta({ description: 'Sender address of alerts and digests. The SMTP server comes from SMTP_URL.' }),
        language: z.enum(['nl', 'en']).default('nl'),
      }),
      review: z
        .strictObject({
          baseUrl: httpUrl.optional().meta({
            description: 'Public address of the review page, used in e-mail links (default: http://localhost:<web port>).',
          }),
          linkDays: z.number().min(0.01).max(90).default(7).meta({ description: 'Days a signed link from an e-mail stays valid.' }),
          sessionHours: z.number().min(0.1).max(720).default(12).meta({ description: 'Hours a moderator stays signed in on the review page.' }),
        })
        .prefault({}),
    })
    // Runs even when other keys have problems, so one check reports everything at once; the
    // value may then be partly invalid, hence the defensive reading.
    .superRefine(
      (config, ctx) => {
        const ids = (list: unknown) => (Array.isArray(list) ? list.map((x) => (x as { id?: unknown } | null)?.id) : []);
        const duplicates = (values: unknown[], at: 'schools' | 'sources') => {
          const seen = new Set<unknown>();
          values.forEach((value, i) => {
            if (typeof value !== 'string') return;
            if (seen.has(value)) {
              ctx.addIssue({ code: 'custom', path: [at, i, 'id'], input: value, message: m.usedTwice(value) });
            }
            seen.add(value);
          });
        };
        const schoolIds = ids(config?.schools);
        duplicates(schoolIds, 'schools');
        duplicates(ids(config?.sources), 'sources');
        const known = schoolIds.filter((x): x is string => typeof x === 'string');
        const sources: unknown = config?.sources;
        if (!Array.isArray(sources)) return;
        sources.forEach((source: unknown, i) => {
          const school = (source as { school?: unknown } | null)?.school;
          if (typeof school === 'string' && !known.includes(school)) {
            ctx.addIssue({
              code: 'custom',
              path: ['sources', i, 'school'],
              input: school,
              message: m.unknownSchool(school, known),
            });
          }
        });
      },
      { when: () => true },
    )
    .meta({ title: 'uitkijk configuration', description: 'Schools, sources, thresholds and mail settings for uitkijk.' });

  return {
    scheduleSchema,
    schoolSchema,
    rssSourceSchema,
    blueskySourceSchema,
    mastodonSourceSchema,
    facebookSourceSchema,
    instagramSourceSchema,
    youtubeSourceSchema,
    jetstreamSourceSchema,
    sourceSchema,
    thresholdsSchema,
    configSchema,
  };
}

const built = new Map<Lang, ReturnType<typeof buildSchemas>>();
export function schemasFor(lang: Lang): ReturnType<typeof buildSchemas> {
  let s = built.get(lang);
  if (!s) built.set(lang, (s = buildSchemas(CONFIG_MESSAGES[lang])));
  return s;
}
export const configSchemaFor = (lang: Lang) => schemasFor(lang).configSchema;

/** The English schema: the source of the config's types and of the published JSON schema. */
export const {
  scheduleSchema,
  schoolSchema,
  rssSourceSchema,
  blueskySourceSchema,
  mastodonSourceSchema,
  facebookSourceSchema,
  instagramSourceSchema,
  youtubeSourceSchema,
  jetstreamSourceSchema,
  sourceSchema,
  thresholdsSchema,
  configSchema,
} = schemasFor('en');

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type School = Config['schools'][number];
export type Source = Config['sources'][number];
export type RssSource = Extract<Source, { kind: 'rss' }>;
export type BlueskySource = Extract<Source, { kind: 'bluesky' }>;
export type JetstreamSource = Extract<Source, { kind: 'jetstream' }>;
export type MastodonSource = Extract<Source, { kind: 'mastodon' }>;
export type FacebookSource = Extract<Source, { kind: 'facebook' }>;
export type InstagramSource = Extract<Source, { kind: 'instagram' }>;
export type YoutubeSource = Extract<Source, { kind: 'youtube' }>;
/** The sources read on a schedule by a connector's fetch (a stream source has no schedule). */
export type ScheduledSource = Exclude<Source, JetstreamSource>;
export type Schedule = ScheduledSource['schedule'];
