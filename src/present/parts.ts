// Presentation pieces shared by the e-mails (alerts, bundles, digest, the review page's own)
// and the review page: the evidence marked in a text, an age in Dutch words, and the e-mail's
// table layout with inline styles. Values are escaped by `html` (./html.ts).

import type { Evidence } from '../classify/types.ts';
import { html } from './html.ts';
import type { Html } from './html.ts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export const CELL = 'padding:4px 8px;vertical-align:top;text-align:left';

const FOOTER = {
  nl: 'Dit bericht is automatisch verstuurd door uitkijk. uitkijk verwijdert zelf niets.',
  en: 'This message was sent automatically by uitkijk. uitkijk itself removes nothing.',
};

/** A simple e-mail page: a table of paragraphs, inline styles only. */
export function mailPage(title: string, inner: Html, lang: 'nl' | 'en' = 'nl'): string {
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <title>${title}</title>
      </head>
      <body style="margin:0;padding:0;font-family:Arial,sans-serif;line-height:1.4;color:#1a1a1a">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:640px">
          ${inner}
          <tr>
            <td style="${CELL};color:#555;font-size:12px">${FOOTER[lang]}</td>
          </tr>
        </table>
      </body>
    </html> `.value;
}

export const button = (url: string, label: string): Html =>
  html`<a href="${url}" style="display:inline-block;background:#0b57d0;color:#ffffff;padding:8px 14px;border-radius:4px;text-decoration:none">${label}</a>`;

/** How long ago, in Dutch words: "3 uur geleden". */
export function ageOf(iso: string, now: number): string {
  const ms = now - Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 1) return 'zojuist';
  if (min < 60) return `${min} min geleden`;
  const hours = Math.round(min / 60);
  if (hours < 48) return `${hours} uur geleden`;
  return `${Math.round(hours / 24)} dagen geleden`;
}

/** The (masked) text with the evidence spans marked; overlapping spans become one mark. */
export function markedText(text: string, evidence: readonly Pick<Evidence, 'start' | 'end' | 'weight'>[]): Html {
  const spans = evidence
    .filter((e) => e.weight > 0)
    .map((e) => ({ start: Math.max(0, Math.min(e.start, text.length)), end: Math.max(0, Math.min(e.end, text.length)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const parts: Html[] = [];
  let at = 0;
  for (const s of merged) {
    parts.push(html`${text.slice(at, s.start)}<mark>${text.slice(s.start, s.end)}</mark>`);
    at = s.end;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}
