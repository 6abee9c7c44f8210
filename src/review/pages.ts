// The review page's HTML, server-rendered and in Dutch: it works without JavaScript and with the
// keyboard alone (real links, buttons and labelled form fields, a skip link, visible focus), and
// its colours keep WCAG AA contrast. Every value is escaped by `html`. Personal data is masked
// in every text shown; only the finding's own page can show it unmasked, behind "toon".

import { LABEL_NAMES } from '../classify/names.ts';
import type { Finding, FindingStatus } from '../finding.ts';
import { FINDING_STATUSES } from '../finding.ts';
import type { Article, Severity } from '../policy.ts';
import type { AuditEntry } from '../store/audit.ts';
import { maskText } from '../alerts/mask.ts';
import { html, raw } from '../present/html.ts';
import type { Html } from '../present/html.ts';
import { ageOf, markedText } from '../present/parts.ts';
import { TRANSITIONS } from './decisions.ts';
import type { Action } from './decisions.ts';

export const STATUS_NAMES: Record<FindingStatus, string> = {
  open: 'open',
  approved: 'verwijderen goedgekeurd',
  dismissed: 'afgewezen',
  escalated: 'doorgezet naar de schoolleiding',
  gone: 'al verwijderd op het platform',
};

const ACTION_NAMES: Record<Action | 'gone', string> = {
  approve: 'verwijderen goedkeuren',
  dismiss: 'afwijzen',
  escalate: 'doorzetten naar de schoolleiding',
  reopen: 'heropenen',
  gone: 'al verwijderd op het platform (gezien door uitkijk)',
};

const ACTION_BUTTONS: Record<Action, string> = {
  approve: 'Verwijderen goedkeuren',
  dismiss: 'Afwijzen',
  escalate: 'Doorzetten naar de schoolleiding',
  reopen: 'Heropenen',
};

const SEVERITY_NAMES: Record<Severity, string> = { hoog: 'hoog', middel: 'middel', laag: 'laag' };

const ARTICLE_NAMES: Record<Article, string> = {
  A2: 'A2 — persoonsgegevens van anderen delen mag niet',
  A6: 'A6 — de school mag reacties op haar eigen berichten verwijderen',
  A10: 'A10 — fatsoensnormen: niet beledigen, pesten, stalken of bedreigen',
  A11: 'A11 — melden bij de schoolleiding; in gesprek gaan met de betrokkenen',
  'Consequenties 7': 'Consequenties 7 — mogelijk strafbaar: overweeg melding of aangifte bij de politie',
};

const STYLE = `
body{font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff;margin:0}
header,main{max-width:64rem;margin:0 auto;padding:0.75rem 1rem}
header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;border-bottom:1px solid #767676}
a{color:#0b57d0}
a:focus,button:focus,input:focus,select:focus,summary:focus{outline:3px solid #1a1a1a;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:0.5rem;background:#fff;padding:0.25rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #767676;padding:0.4rem;text-align:left;vertical-align:top}
button{font:inherit;background:#0b57d0;color:#fff;border:0;padding:0.4rem 0.8rem;border-radius:4px;cursor:pointer}
button.secondary{background:#fff;color:#0b57d0;border:1px solid #0b57d0}
input[type=text],select{font:inherit;padding:0.3rem;border:1px solid #767676;border-radius:4px}
mark{background:#ffe08a;color:#1a1a1a}
blockquote{white-space:pre-wrap;border-left:4px solid #767676;margin:0.5rem 0;padding:0.25rem 0.75rem}
.note{border:1px solid #8a5a00;background:#fff7e0;padding:0.5rem 0.75rem}
.done{border:1px solid #1e6b2e;background:#edf7ee;padding:0.5rem 0.75rem}
.error{border:1px solid #a00;background:#fdecec;padding:0.5rem 0.75rem}
form.inline{display:inline}
fieldset{border:1px solid #767676;margin:0.75rem 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:0.25rem 1rem}dt{font-weight:bold}dd{margin:0}
`;

export interface PageUser {
  email: string;
  csrf: string;
}

export function layout(title: string, body: Html, user?: PageUser): Html {
  return html`<!doctype html>
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} — uitkijk</title>
        <style>
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        <a class="skip" href="#inhoud">Naar de inhoud</a>
        <header>
          <strong><a href="/review">uitkijk — meldingen beoordelen</a></strong>
          ${
            user
              ? html`<form class="inline" method="post" action="/review/afmelden">
                  <input type="hidden" name="_csrf" value="${user.csrf}" /><span>Aangemeld als ${user.email}</span>
                  <button class="secondary" type="submit">Afmelden</button>
                </form>`
              : ''
          }
        </header>
        <main id="inhoud">${body}</main>
      </body>
    </html> `;
}

export interface MessagePageOptions {
  title: string;
  paragraphs: string[];
  /** Offer the form that sends a fresh sign-in link. */
  offerLink?: boolean;
  csrf?: string;
  kind?: 'error' | 'done' | 'note';
}

export function messagePage(o: MessagePageOptions): Html {
  return layout(
    o.title,
    html`<h1>${o.title}</h1>
      <div class="${o.kind ?? 'note'}">${o.paragraphs.map((p) => html`<p>${p}</p>`)}</div>
      ${o.offerLink && o.csrf ? linkRequestForm(o.csrf) : ''}`,
  );
}

export function linkRequestForm(csrf: string, next = '/review'): Html {
  return html`<h2>Nieuwe inloglink</h2>
    <p>Bent u moderator of beheerder? Vul uw e-mailadres in; u krijgt dan een nieuwe link om in te loggen.</p>
    <form method="post" action="/review/inloglink">
      <input type="hidden" name="_csrf" value="${csrf}" /><input type="hidden" name="next" value="${next}" />
      <p><label for="email">E-mailadres</label><br /><input type="text" id="email" name="email" autocomplete="email" inputmode="email" size="40" /></p>
      <p><button type="submit">Stuur mij een inloglink</button></p>
    </form>`;
}

function formatTime(iso: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
}

const webLink = (url: string | undefined, text?: string): Html | string =>
  url && /^https?:\/\//i.test(url) ? html`<a href="${url}">${text ?? url}</a>` : (url ?? '');

export interface ListView {
  user: PageUser;
  findings: Finding[];
  status: FindingStatus;
  school: string;
  sort: 'nieuw' | 'ernst';
  schools: { id: string; name: string }[];
  counts: Record<FindingStatus, number>;
  platformName: (f: Finding) => string;
  now: number;
  /** A message after a bulk action. */
  notice?: string;
}

export function listPage(v: ListView): Html {
  const schoolName = (id: string) => v.schools.find((s) => s.id === id)?.name ?? id;
  const query = (status: FindingStatus) => `/review?status=${status}&school=${encodeURIComponent(v.school)}&sort=${v.sort}`;
  const actions = (Object.keys(TRANSITIONS) as Action[]).filter((a) => TRANSITIONS[a].from.includes(v.status));
  const body = html`<h1>Meldingen: ${STATUS_NAMES[v.status]}</h1>
    ${v.notice ? html`<p class="done" role="status">${v.notice}</p>` : ''}
    <nav aria-label="Status">
      <ul>
        ${FINDING_STATUSES.map((s) => html`<li>${s === v.status ? html`<strong aria-current="page">${STATUS_NAMES[s]} (${v.counts[s]})</strong>` : html`<a href="${query(s)}">${STATUS_NAMES[s]} (${v.counts[s]})</a>`}</li>`)}
      </ul>
    </nav>
    <form method="get" action="/review">
      <input type="hidden" name="status" value="${v.status}" />
      <label for="school">School</label>
      <select id="school" name="school">
        <option value="">alle scholen</option>
        ${v.schools.map((s) => html`<option value="${s.id}" ${s.id === v.school ? html` selected` : ''}>${s.name}</option>`)}
      </select>
      <label for="sort">Volgorde</label>
      <select id="sort" name="sort">
        <option value="nieuw" ${v.sort === 'nieuw' ? html` selected` : ''}>nieuwste eerst</option>
        <option value="ernst" ${v.sort === 'ernst' ? html` selected` : ''}>ernstigste eerst</option>
      </select>
      <button type="submit" class="secondary">Toon</button>
    </form>
    ${
      v.findings.length === 0
        ? html`<p>Geen meldingen met de status ‘${STATUS_NAMES[v.status]}’.</p>`
        : html`<form method="post" action="/review/selectie">
            <input type="hidden" name="_csrf" value="${v.user.csrf}" />
            <input type="hidden" name="status" value="${v.status}" />
            <table>
              <caption class="skip">
                Meldingen met de status ${STATUS_NAMES[v.status]}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Kies</th>
                  <th scope="col">Ernst</th>
                  <th scope="col">Gevonden</th>
                  <th scope="col">Tekst</th>
                  <th scope="col">School en platform</th>
                  <th scope="col">Gevonden op</th>
                </tr>
              </thead>
              <tbody>
                ${v.findings.map((f) => {
                  const masked = maskText(f.item.text, f.entities).replace(/\s+/g, ' ');
                  const short = masked.length > 140 ? `${masked.slice(0, 139)}…` : masked;
                  return html`<tr>
                    <td>
                      <input type="checkbox" name="id" value="${f.id}" id="kies-${f.id}" /><label class="skip" for="kies-${f.id}">Kies melding ${f.id}</label>
                    </td>
                    <td>${SEVERITY_NAMES[f.severity]}</td>
                    <td>${labelsOf(f)}${f.removalCandidate ? html`<br /><small>kandidaat voor verwijdering (A6)</small>` : ''}</td>
                    <td><a href="/review/f/${f.id}">${short || '(geen tekst)'}</a></td>
                    <td>${schoolName(f.item.school)}<br /><small>${v.platformName(f)}</small></td>
                    <td>${ageOf(f.createdAt, v.now)}</td>
                  </tr>`;
                })}
              </tbody>
            </table>
            ${
              actions.length
                ? html`<fieldset>
                    <legend>Met de gekozen meldingen</legend>
                    ${actions.map((a, i) => html`<input type="radio" name="action" value="${a}" id="bulk-${a}" ${i === 0 ? html` checked` : ''} /> <label for="bulk-${a}">${ACTION_NAMES[a]}</label><br />`)}
                    <label for="bulk-reason">Reden (niet verplicht)</label><br /><input
                      type="text"
                      id="bulk-reason"
                      name="reason"
                      size="50"
                      maxlength="500"
                    /><br />
                    <button type="submit">Uitvoeren</button>
                  </fieldset>`
                : ''
            }
          </form>`
    }
    <p><a href="/review/export">Auditlog downloaden (CSV)</a></p>`;
  return layout(`Meldingen: ${STATUS_NAMES[v.status]}`, body, v.user);
}

function labelsOf(f: Finding): string {
  if (f.unreadable) return 'kon niet beoordelen — kijk zelf';
  return f.labels.map((l) => LABEL_NAMES.nl[l]).join(', ');
}

export interface DetailView {
  user: PageUser;
  finding: Finding;
  schoolName: string;
  timeZone: string;
  platformName: string;
  reasons: string[];
  audit: AuditEntry[];
  /** Whether escalation is possible (the school has a leadership address). */
  canEscalate: boolean;
  now: number;
  notice?: { kind: 'done' | 'error'; text: string };
}

export function detailPage(v: DetailView): Html {
  const f = v.finding;
  const masked = maskText(f.item.text, f.entities);
  const actions = (Object.keys(TRANSITIONS) as Action[]).filter((a) => TRANSITIONS[a].from.includes(f.status) && (a !== 'escalate' || v.canEscalate));
  const hasMedia = f.item.media.kinds.some((k) => k === 'image' || k === 'video');
  const statusNote =
    f.status === 'approved'
      ? html`<div class="done">
          <p>
            <strong>Verwijderen is goedgekeurd.</strong> uitkijk verwijdert zelf niets: verwijder het bericht nu zelf op
            ${v.platformName}${/^https?:\/\//i.test(f.item.url) ? html`: ${webLink(f.item.url, 'open het bericht')}` : ''}.
          </p>
        </div>`
      : f.status === 'gone'
        ? html`<div class="note"><p>Dit bericht is al verwijderd op het platform; u hoeft niets te doen.</p></div>`
        : f.status === 'escalated'
          ? html`<div class="note"><p>Doorgezet naar de schoolleiding (A11). U kunt alsnog goedkeuren of afwijzen.</p></div>`
          : '';
  const body = html`<p><a href="/review?status=${f.status}">← terug naar de lijst</a></p>
    <h1>Melding: ${labelsOf(f) || 'geen label'}</h1>
    ${v.notice ? html`<p class="${v.notice.kind}" role="status">${v.notice.text}</p>` : ''}
    <p>Status: <strong>${STATUS_NAMES[f.status]}</strong></p>
    ${statusNote}
    <dl>
      <dt>School</dt>
      <dd>${v.schoolName}</dd>
      <dt>Platform</dt>
      <dd>${v.platformName}</dd>
      <dt>Soort</dt>
      <dd>${f.item.context === 'reply' ? 'reactie op een bericht van de school' : 'vermelding van de school elders (de school kan dit niet verwijderen)'}</dd>
      <dt>Account</dt>
      <dd>${f.item.author.handle || 'onbekend'}</dd>
      <dt>Geplaatst</dt>
      <dd>${formatTime(f.item.createdAt, v.timeZone)} (${ageOf(f.item.createdAt, v.now)})</dd>
      <dt>Link</dt>
      <dd>${webLink(f.item.url)}</dd>
      ${
        f.item.inReplyTo
          ? html`<dt>Reactie op</dt>
              <dd>${webLink(postLink(f.item.inReplyTo), 'het bericht van de school')}</dd>`
          : ''
      }
      <dt>Ernst</dt>
      <dd>${SEVERITY_NAMES[f.severity]}</dd>
    </dl>
    ${hasMedia ? html`<p class="note">Dit bericht heeft een foto of video. uitkijk kan die niet bekijken: kijk zelf of er herkenbare leerlingen of medewerkers op staan (A2, A9).</p>` : ''}
    <h2>Tekst</h2>
    <blockquote>${markedText(masked, f.evidence)}</blockquote>
    ${
      f.entities.length
        ? html`<p><small>Persoonsgegevens zijn gemaskeerd (•).</small></p>
            <details>
              <summary>Toon de tekst zonder maskering</summary>
              <blockquote>${f.item.text}</blockquote>
            </details>`
        : ''
    }
    <h2>Waarom</h2>
    ${
      v.reasons.length
        ? html`<ul>
            ${v.reasons.map((r) => html`<li>${r}</li>`)}
          </ul>`
        : html`<p>Geen aanwijzingen vastgelegd.</p>`
    }
    <h2>Protocol</h2>
    <ul>
      ${f.articles.map((a) => html`<li>${ARTICLE_NAMES[a]}</li>`)}
    </ul>
    <h2>Beslissen</h2>
    ${actions.length === 0 ? html`<p>Er is hier niets te beslissen.</p>` : actions.map((a) => actionForm(f.id, a, v.user.csrf))}
    <h2>Auditlog</h2>
    ${
      v.audit.length === 0
        ? html`<p>Nog geen beslissingen.</p>`
        : html`<table>
            <thead>
              <tr>
                <th scope="col">Wanneer</th>
                <th scope="col">Wie</th>
                <th scope="col">Wat</th>
                <th scope="col">Reden</th>
              </tr>
            </thead>
            <tbody>
              ${v.audit.map(
                (e) =>
                  html`<tr>
                    <td>${formatTime(e.at, v.timeZone)}</td>
                    <td>${e.actor}</td>
                    <td>${ACTION_NAMES[e.action]}${e.wrong ? ' (onterecht gemarkeerd)' : ''}</td>
                    <td>${e.reason ?? ''}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }`;
  return layout('Melding', body, v.user);
}

function actionForm(id: string, action: Action, csrf: string): Html {
  return html`<form method="post" action="/review/f/${id}">
    <fieldset>
      <legend>${ACTION_BUTTONS[action]}</legend>
      <input type="hidden" name="_csrf" value="${csrf}" /><input type="hidden" name="action" value="${action}" />
      <label for="reden-${action}">Reden (niet verplicht)</label><br /><input type="text" id="reden-${action}" name="reason" size="50" maxlength="500" />
      ${action === 'dismiss' ? html`<br /><input type="checkbox" id="onterecht" name="wrong" value="1" /> <label for="onterecht">onterecht gemarkeerd (uitkijk had dit niet moeten melden)</label>` : ''}
      <br /><button type="submit">${ACTION_BUTTONS[action]}</button>
    </fieldset>
  </form>`;
}

/** A web link for a post id: an at:// URI becomes its bsky.app address; a web URL stays. */
export function postLink(ref: string): string | undefined {
  const m = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/?#]+)$/.exec(ref);
  if (m) return `https://bsky.app/profile/${m[1]}/post/${m[2]}`;
  return /^https?:\/\//i.test(ref) ? ref : undefined;
}
