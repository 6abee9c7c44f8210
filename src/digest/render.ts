// The moderators' digest e-mail: the open removal candidates of one school, grouped by severity,
// each with its masked text (evidence marked), labels, reasons, the link to the post, its age
// and a signed link straight to its page on the review page — one click there, one to decide.
// HTML with table layout and inline styles, no scripts or remote images; a plain-text part.

import { LABEL_NAMES } from '../classify/names.ts';
import type { Finding } from '../finding.ts';
import type { Severity } from '../policy.ts';
import { SEVERITIES } from '../policy.ts';
import { maskText } from '../alerts/mask.ts';
import { html } from '../present/html.ts';
import { ageOf, button, CELL, mailPage, markedText } from '../present/parts.ts';
import type { RenderedMail } from '../present/parts.ts';

export interface DigestEntry {
  finding: Finding;
  reasons: string[];
  platformName: string;
  /** Signed link to this finding's page for this moderator. */
  link: string;
}

export interface DigestView {
  schoolName: string;
  entries: DigestEntry[];
  /** Candidates found gone from the platform while this digest was made. */
  goneCount: number;
  /** Signed link to the list. */
  listLink: string;
  linkDays: number;
  now: number;
}

const ORDER: Severity[] = [...SEVERITIES].reverse();

const labelsOf = (f: Finding) => f.labels.map((l) => LABEL_NAMES.nl[l]).join(', ');
const short = (text: string) => (text.length > 300 ? `${text.slice(0, 299)}…` : text);

export function renderDigest(v: DigestView): RenderedMail {
  const n = v.entries.length;
  const high = v.entries.filter((e) => e.finding.severity === 'hoog').length;
  const subject =
    n === 0
      ? `[uitkijk] Digest ${v.schoolName}: geen open kandidaten voor verwijdering`
      : `[uitkijk] Digest ${v.schoolName}: ${n} open ${n === 1 ? 'kandidaat' : 'kandidaten'} voor verwijdering${high ? ` (${high} met ernst hoog)` : ''}`;
  const groups = ORDER.map((severity) => ({ severity, entries: v.entries.filter((e) => e.finding.severity === severity) })).filter((g) => g.entries.length);
  const days = `${v.linkDays.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} ${v.linkDays === 1 ? 'dag' : 'dagen'}`;
  const intro =
    n === 0
      ? `Er staan geen reacties op berichten van ${v.schoolName} open voor een beslissing.`
      : `Deze reacties op berichten van ${v.schoolName} wachten op uw beslissing: verwijderen goedkeuren, afwijzen of doorzetten naar de schoolleiding (protocol A6). uitkijk verwijdert zelf niets.`;
  const goneLine =
    v.goneCount > 0
      ? `${v.goneCount} ${v.goneCount === 1 ? 'melding is' : 'meldingen zijn'} al verwijderd op het platform en staan niet meer in deze lijst (niets te doen).`
      : '';

  const text = [
    intro,
    ...(goneLine ? ['', goneLine] : []),
    '',
    ...groups.flatMap((g) => [
      `== Ernst ${g.severity} (${g.entries.length}) ==`,
      '',
      ...g.entries.flatMap((e) => {
        const masked = maskText(e.finding.item.text, e.finding.entities).replace(/\s+/g, ' ');
        return [
          `* ${labelsOf(e.finding)} — ${e.platformName}, ${ageOf(e.finding.item.createdAt, v.now)}`,
          `  > ${short(masked)}`,
          ...e.reasons.slice(0, 3).map((r) => `  - ${r}`),
          ...(/^https?:\/\//i.test(e.finding.item.url) ? [`  Bericht: ${e.finding.item.url}`] : []),
          `  Beslissen: ${e.link}`,
          '',
        ];
      }),
    ]),
    `Alle meldingen: ${v.listLink}`,
    `De links zijn ${days} geldig en alleen voor u bestemd: stuur deze e-mail niet door.`,
    '',
  ].join('\n');

  const body = mailPage(
    subject,
    html`<tr>
        <td style="${CELL}">${intro}</td>
      </tr>
      ${
        goneLine
          ? html`<tr>
              <td style="${CELL};color:#555">${goneLine}</td>
            </tr>`
          : ''
      }
      ${groups.map(
        (g) =>
          html`<tr>
              <td style="${CELL}"><h2 style="font-size:18px;margin:12px 0 4px">Ernst ${g.severity} (${g.entries.length})</h2></td>
            </tr>
            ${g.entries.map((e) => {
              const masked = maskText(e.finding.item.text, e.finding.entities);
              const shown = masked.length > 300 ? masked.slice(0, 299) : masked;
              return html`<tr>
                <td style="${CELL};border-top:1px solid #cccccc">
                  <strong>${labelsOf(e.finding)}</strong> — ${e.platformName}, ${ageOf(e.finding.item.createdAt, v.now)}
                  <div style="white-space:pre-wrap;border-left:3px solid #767676;padding-left:8px;margin:4px 0">
                    ${markedText(shown, e.finding.evidence)}${masked.length > 300 ? '…' : ''}
                  </div>
                  ${
                    e.reasons.length
                      ? html`<ul style="margin:4px 0">
                          ${e.reasons.slice(0, 3).map((r) => html`<li>${r}</li>`)}
                        </ul>`
                      : ''
                  }
                  ${/^https?:\/\//i.test(e.finding.item.url) ? html`<a href="${e.finding.item.url}">Bekijk het bericht</a> · ` : ''}${html`<a href="${e.link}">Beslissen</a>`}
                </td>
              </tr>`;
            })}`,
      )}
      <tr>
        <td style="${CELL}">${button(v.listLink, 'Open de beoordelingspagina')}</td>
      </tr>
      <tr>
        <td style="${CELL};color:#555">De links zijn ${days} geldig en alleen voor u bestemd: stuur deze e-mail niet door.</td>
      </tr>`,
  );
  return { subject, text, html: body };
}
