// Masks personal data in alert e-mails: the communications team needs to see that a phone
// number or address was posted, not to receive a copy of it. Each letter or digit that is
// masked becomes '•' one for one, so offsets into the text (evidence) stay valid; separators
// stay so the shape remains recognisable (06-12345678 → 06-••••••78).

import type { Entity, PiiType } from '../classify/types.ts';

export const MASK = '•';

/** How many letters/digits stay visible at the start and end of a value, per type. */
const KEEP: Record<Exclude<PiiType, 'email'>, { head: number; tail: number }> = {
  // A network prefix and the last two digits tell staff which number it was without giving it.
  phone: { head: 2, tail: 2 },
  // Country code shows the bank's country; the last two digits tell accounts apart.
  iban: { head: 2, tail: 2 },
  // National identity number, birth date and plate: nothing of them is needed to act.
  bsn: { head: 0, tail: 0 },
  date_of_birth: { head: 0, tail: 0 },
  licence_plate: { head: 0, tail: 0 },
  address: { head: 1, tail: 0 },
  postcode: { head: 1, tail: 0 },
  name_with_sensitive: { head: 1, tail: 0 },
};

const MASKABLE = /[\p{L}\p{N}]/u;

function maskKeeping(value: string, head: number, tail: number): string {
  const total = [...value].filter((ch) => MASKABLE.test(ch)).length;
  let seen = 0;
  let out = '';
  for (const unit of value) {
    if (!MASKABLE.test(unit)) {
      out += unit;
      continue;
    }
    seen += 1;
    const visible = seen <= head || seen > total - tail;
    // A visible character is copied; a masked one becomes one '•' per UTF-16 unit, keeping length.
    out += visible && total > head + tail ? unit : MASK.repeat(unit.length);
  }
  return out;
}

/** The masked form of one value of the given type. */
export function maskValue(value: string, type: PiiType): string {
  if (type === 'email') {
    const at = value.lastIndexOf('@');
    // The domain says little about the person (and often that it is a school address).
    if (at > 0) return maskKeeping(value.slice(0, at), 1, 0) + value.slice(at);
    return maskKeeping(value, 0, 0);
  }
  const keep = KEEP[type];
  return maskKeeping(value, keep.head, keep.tail);
}

/**
 * The text with every entity's span masked. Overlapping spans are masked as one, entirely,
 * since no single type's rule fits them. Out-of-range offsets are clipped, never trusted.
 */
export function maskText(text: string, entities: readonly Pick<Entity, 'type' | 'start' | 'end'>[]): string {
  const spans = entities
    .map((e) => ({ type: e.type, start: Math.max(0, Math.min(e.start, text.length)), end: Math.max(0, Math.min(e.end, text.length)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { type: PiiType | null; start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.type = null;
    } else merged.push({ ...span });
  }
  let out = '';
  let at = 0;
  for (const span of merged) {
    out += text.slice(at, span.start);
    const value = text.slice(span.start, span.end);
    out += span.type ? maskValue(value, span.type) : maskKeeping(value, 0, 0);
    at = span.end;
  }
  return out + text.slice(at);
}
