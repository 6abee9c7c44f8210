// The review page's own e-mails: a fresh sign-in link, and the message to school leadership
// when a moderator escalates a finding (A11). Dutch, HTML with a plain-text part, table layout
// with inline styles, no scripts or remote images, every value escaped, personal data masked.

import { LABEL_NAMES } from '../classify/names.ts';
import type { Finding } from '../finding.ts';
import type { AuditEntry } from '../store/audit.ts';
import { maskText } from '../alerts/mask.ts';
import { html } from '../present/html.ts';
import { button, CELL, mailPage } from '../present/parts.ts';
import type { RenderedMail } from '../present/parts.ts';

export function renderLoginLink(url: string, validDays: number): RenderedMail {
  const days = validDays === 1 ? '1 dag' : `${validDays.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} dagen`;
  const subject = '[uitkijk] Uw link naar de beoordelingspagina';
  const text = [
    'U vroeg een nieuwe link aan voor de beoordelingspagina van uitkijk.',
    '',
    `Open de pagina: ${url}`,
    '',
    `De link is ${days} geldig en alleen voor u bestemd: stuur hem niet door.`,
    'Heeft u niets aangevraagd? Dan kunt u deze e-mail negeren.',
    '',
  ].join('\n');
  const body = mailPage(
    subject,
    html`<tr>
        <td style="${CELL}">U vroeg een nieuwe link aan voor de beoordelingspagina van uitkijk.</td>
      </tr>
      <tr>
        <td style="${CELL}">${button(url, 'Open de beoordelingspagina')}</td>
      </tr>
      <tr>
        <td style="${CELL}">
          De link is ${days} geldig en alleen voor u bestemd: stuur hem niet door. Heeft u niets aangevraagd? Dan kunt u deze e-mail negeren.
        </td>
      </tr>`,
  );
  return { subject, text, html: body };
}

export interface EscalationView {
  schoolName: string;
  platformName: string;
  reasons: string[];
  link: string;
}

export function renderEscalation(finding: Finding, entry: AuditEntry, v: EscalationView): RenderedMail {
  const labels = finding.labels.map((l) => LABEL_NAMES.nl[l]).join(', ') || 'kon niet beoordelen';
  const subject = `[uitkijk] Doorgezet naar de schoolleiding: ${labels} — ${v.schoolName}, ${v.platformName}`;
  const masked = maskText(finding.item.text, finding.entities);
  const shown = masked.length > 2000 ? `${masked.slice(0, 2000)}…` : masked;
  const url = /^https?:\/\//i.test(finding.item.url) ? finding.item.url : '';
  const text = [
    `Moderator ${entry.actor} heeft een melding over ${v.schoolName} doorgezet naar de schoolleiding (protocol A11).`,
    ...(entry.reason ? [`Reden: ${entry.reason}`] : []),
    '',
    `Gevonden: ${labels}`,
    `Platform: ${v.platformName}`,
    ...(url ? [`Bericht: ${url}`] : []),
    '',
    'Tekst (persoonsgegevens gemaskeerd):',
    ...shown.split('\n').map((l) => `> ${l}`),
    '',
    'Waarom:',
    ...v.reasons.map((r) => `- ${r}`),
    '',
    finding.labels.includes('threat')
      ? 'Een bedreiging kan strafbaar zijn: overweeg melding of aangifte bij de politie (Consequenties 7).'
      : 'Ga zo nodig in gesprek met de betrokkenen (A11).',
    '',
    `Bekijk de melding en het auditlog: ${v.link}`,
    '',
  ].join('\n');
  const body = mailPage(
    subject,
    html`<tr>
        <td style="${CELL}">
          Moderator <strong>${entry.actor}</strong> heeft een melding over ${v.schoolName} doorgezet naar de schoolleiding (protocol A11).
        </td>
      </tr>
      ${
        entry.reason
          ? html`<tr>
              <td style="${CELL}">Reden: ${entry.reason}</td>
            </tr>`
          : ''
      }
      <tr>
        <td style="${CELL}">
          <strong>Gevonden:</strong> ${labels}<br /><strong>Platform:</strong>
          ${v.platformName}${url ? html`<br /><strong>Bericht:</strong> <a href="${url}">${url}</a>` : ''}
        </td>
      </tr>
      <tr>
        <td style="${CELL}">
          <div style="white-space:pre-wrap;border-left:3px solid #767676;padding-left:8px">${shown}</div>
          <small>Persoonsgegevens zijn gemaskeerd (•).</small>
        </td>
      </tr>
      <tr>
        <td style="${CELL}">
          <strong>Waarom</strong>
          <ul>
            ${v.reasons.map((r) => html`<li>${r}</li>`)}
          </ul>
        </td>
      </tr>
      <tr>
        <td style="${CELL}">
          ${
            finding.labels.includes('threat')
              ? 'Een bedreiging kan strafbaar zijn: overweeg melding of aangifte bij de politie (Consequenties 7).'
              : 'Ga zo nodig in gesprek met de betrokkenen (A11).'
          }
        </td>
      </tr>
      <tr>
        <td style="${CELL}">${button(v.link, 'Bekijk de melding')}</td>
      </tr>`,
  );
  return { subject, text, html: body };
}
