// One language per run: Dutch by default, English on request (`--lang en`, `UITKIJK_LANG=en`,
// or `mail.language: en` for e-mails). Texts that people read come in both, side by side.

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in both languages. */
export type Text = Record<Lang, string>;

export function isLang(v: unknown): v is Lang {
  return v === 'nl' || v === 'en';
}

/** The language asked for, else Dutch. */
export function langOf(...candidates: unknown[]): Lang {
  for (const c of candidates) if (isLang(c)) return c;
  return 'nl';
}
