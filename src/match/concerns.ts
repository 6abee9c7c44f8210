// Whether a Bluesky post concerns a configured school, for a source that sees every post on the
// network (Jetstream): it replies to one of the school's posts (reply root or parent in the DID of
// one of its accounts) — context `reply`, a removal candidate under A6 —, or it quotes one of
// its posts, mentions its account (a mention facet with its DID) or names it by one of its
// keywords — context `mention`. The school's own posts concern nobody. One index for every
// school, built once per config load (`buildPostIndex`).

import { buildSchoolMatcher } from './schools.ts';
import type { Keyword, SchoolMatcher } from './schools.ts';

export interface SchoolAccounts {
  id: string;
  /** The DIDs of the school's own accounts (its handles, resolved). */
  dids: readonly string[];
  keywords: readonly Keyword[];
}

export type PostContext = 'reply' | 'mention';
export type Via = 'reply' | 'quote' | 'facet' | 'keyword';

export interface Concern {
  school: string;
  context: PostContext;
  via: Via;
}

export interface PostIndex {
  /** The schools a post (its author's DID and its record) concerns; empty for most posts. */
  concerns(authorDid: string, record: unknown): Concern[];
  readonly schools: number;
  readonly keywords: number;
}

const didOf = (uri: unknown): string | null => {
  if (typeof uri !== 'string' || !uri.startsWith('at://')) return null;
  const end = uri.indexOf('/', 5);
  return end < 0 ? uri.slice(5) : uri.slice(5, end);
};

const obj = (v: unknown): Record<string, unknown> | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** The URI a post quotes, if any: a record embed, or a record with media. */
function quotedUri(embed: unknown): unknown {
  const e = obj(embed);
  if (!e) return null;
  if (e.$type === 'app.bsky.embed.record') return obj(e.record)?.uri;
  if (e.$type === 'app.bsky.embed.recordWithMedia') return obj(obj(e.record)?.record)?.uri;
  return null;
}

export function buildPostIndex(schools: readonly SchoolAccounts[]): PostIndex {
  const byDid = new Map<string, string[]>();
  for (const s of schools) for (const did of s.dids) byDid.set(did, [...(byDid.get(did) ?? []), s.id]);
  const matcher: SchoolMatcher = buildSchoolMatcher(schools);

  return {
    schools: schools.length,
    keywords: matcher.size,
    concerns(authorDid, record) {
      const r = obj(record);
      if (!r) return [];
      const own = new Set(byDid.get(authorDid) ?? []);
      const out = new Map<string, Concern>();
      const note = (dids: Iterable<string | null>, context: PostContext, via: Via) => {
        for (const did of dids) {
          for (const school of (did && byDid.get(did)) || []) {
            const prev = out.get(school);
            if (!own.has(school) && (!prev || (prev.context === 'mention' && context === 'reply'))) out.set(school, { school, context, via });
          }
        }
      };
      const reply = obj(r.reply);
      if (reply) note([didOf(obj(reply.root)?.uri), didOf(obj(reply.parent)?.uri)], 'reply', 'reply');
      note([didOf(quotedUri(r.embed))], 'mention', 'quote');
      if (Array.isArray(r.facets)) {
        const mentioned: string[] = [];
        for (const f of r.facets) {
          for (const feature of (obj(f)?.features as unknown[] | undefined) ?? []) {
            const ft = obj(feature);
            if (ft?.$type === 'app.bsky.richtext.facet#mention' && typeof ft.did === 'string') mentioned.push(ft.did);
          }
        }
        note(mentioned, 'mention', 'facet');
      }
      if (typeof r.text === 'string' && r.text.length > 0) {
        for (const hit of matcher.match(r.text)) {
          if (!own.has(hit.school) && !out.has(hit.school)) out.set(hit.school, { school: hit.school, context: 'mention', via: 'keyword' });
        }
      }
      return [...out.values()];
    },
  };
}
