// What a Bluesky post looks like to uitkijk, without @atproto/api: its web address and the media
// its embed carries. Shared by the account connector (bluesky.ts) and the stream consumer
// (jetstream.ts), which then need not load the Bluesky client library.

import { mediaSummary } from './common.ts';
import type { MediaKind } from './types.ts';

/** The bsky.app address of a post, from its author's handle and its at:// uri. */
export function postUrl(handle: string, uri: string): string {
  const rkey = uri.split('/').pop() ?? '';
  return `https://bsky.app/profile/${handle}/post/${rkey}`;
}

/** Media kinds and count from an embed, as a record ($type app.bsky.embed.*) or a view (…#view). */
export function mediaOf(embed: unknown): { kinds: MediaKind[]; count: number } {
  const media = mediaSummary();
  const visit = (e: unknown) => {
    if (!e || typeof e !== 'object') return;
    const t = String((e as { $type?: unknown }).$type ?? '').replace(/#view$/, '');
    if (t === 'app.bsky.embed.images') media.add('image', ((e as { images?: unknown[] }).images ?? []).length || 1);
    else if (t === 'app.bsky.embed.video') media.add('video');
    else if (t === 'app.bsky.embed.external') media.add('link');
    else if (t === 'app.bsky.embed.record') media.add('quote');
    else if (t === 'app.bsky.embed.recordWithMedia') {
      media.add('quote');
      visit((e as { media?: unknown }).media);
    } else if (t) media.add('other');
  };
  visit(embed);
  return media.done();
}
