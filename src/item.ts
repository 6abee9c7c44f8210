// The Item: one normalised comment or post that travels the whole pipeline (DESIGN.md).
// It lives in src so the store and policy can use it; connectors re-export it.

export type ItemContext = 'reply' | 'mention';
export type MediaKind = 'image' | 'video' | 'link' | 'quote' | 'other';

/** One normalised comment or post, the same shape from every platform. */
export interface Item {
  /** Platform-scoped, stable id (e.g. the at:// URI, or the feed item's guid). */
  id: string;
  source: string;
  platform: string;
  /**
   * What the source calls itself, for people reading an alert: an RSS feed's own title
   * ("Reacties op: Open dag"). Absent where the platform's name says enough (Bluesky).
   */
  sourceName?: string;
  context: ItemContext;
  url: string;
  author: { handle: string; displayName?: string };
  text: string;
  /** ISO 8601. */
  createdAt: string;
  /** The school's post this is a reaction to, when known. */
  inReplyTo?: string;
  media: { kinds: MediaKind[]; count: number };
  school: string;
}
