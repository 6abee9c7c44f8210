// Durations as administrators write them in the config: a whole number and one unit,
// '30s', '5m', '1h', '2d'. One unit only, so a value means exactly what it looks like.

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^([1-9][0-9]*)(s|m|h|d)$/;

/** Milliseconds for '30s', '5m', '1h' or '2d'; null when the text is not such a duration. */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  // Beyond this JavaScript timers and BullMQ's `every` misbehave; no schedule needs it.
  return Number.isSafeInteger(ms) && ms <= 2 ** 31 - 1 ? ms : null;
}

export function isDuration(text: string): boolean {
  return parseDuration(text) !== null;
}

/** Milliseconds for a duration already validated by the config schema. */
export function durationMs(text: string): number {
  const ms = parseDuration(text);
  if (ms === null) throw new RangeError(`not a duration: ${JSON.stringify(text)}`);
  return ms;
}
