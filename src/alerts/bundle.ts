// The bundled alert e-mail: several findings of one school in one message — a count per label,
// the posts that drew a storm, and the worst examples (most severe, highest score first), each
// masked with its reasons and links; the rest are on the review page. Dutch by default,
// English with `mail.language: en`. HTML in table layout with inline styles, escaped; a
// plain-text part with the same content. A bundle of one is just that finding's alert.

import { LABEL_NAMES } from '../classify/names.ts';
import type { Finding } from '../finding.ts';
import { SEVERITIES } from '../policy.ts';
import type { Severity } from '../policy.ts';
import { html } from '../present/html.ts';
import { CELL, mailPage, markedText } from '../present/parts.ts';
import { maskText } from './mask.ts';
import { platformName, reasonLines } from './reasons.ts';
import { renderAlert, webUrlOf } from './render.ts';
import type { Language, RenderedAlert } from './render.ts';

export interface BundleOptions {
  schoolName: string;
  language: Language;
  timeZone: string;
  /** The review page's address (without /review). */
  baseUrl: string;
  /** How many findings on one post make a storm (config alerts.stormThreshold). */
  stormThreshold: number;
  /** How many examples to show in full. */
  examples?: number;
}

const T = {
  nl: {
    subject: (n: number, school: string, worst: string) => `[uitkijk] ${n} meldingen — ${school} (hoogste ernst: ${worst})`,
    storm: (n: number) => `Storm: ${n} meldingen onder één bericht`,
    intro: (n: number, school: string) =>
      `uitkijk vond ${n} berichten die mogelijk in strijd zijn met het protocol sociale media van ${school}. Ze staan in één e-mail; bedreigingen komen los en meteen.`,
    stormLine: (n: number) => `${n} meldingen onder hetzelfde bericht — kijk of reageren daar tijdelijk dicht moet`,
    counts: 'Per soort',
    worst: (k: number, n: number) => (k < n ? `De ${k} ernstigste (van ${n})` : 'Alle meldingen'),
    more: (m: number) => `En nog ${m}: bekijk ze op de beoordelingspagina.`,
    review: 'Beoordelingspagina',
    post: 'Bericht',
    replyTo: 'onder',
    steps:
      'Reacties onder berichten van de school zijn kandidaat voor verwijdering (A6): beslis in de digest of op de beoordelingspagina. Berichten elders kan de school niet verwijderen: meld ze bij het platform en ga in gesprek met de betrokkenen (A11). Bij een bedreiging: neem meteen contact op met de schoolleiding en overweeg de politie (Consequenties 7).',
    masked: 'Persoonsgegevens zijn gemaskeerd (•). uitkijk verwijdert zelf niets.',
    severity: { hoog: 'hoog', middel: 'middel', laag: 'laag' } as Record<Severity, string>,
    unreadable: 'kon niet beoordelen — kijk zelf',
  },
  en: {
    subject: (n: number, school: string, worst: string) => `[uitkijk] ${n} findings — ${school} (highest severity: ${worst})`,
    storm: (n: number) => `Storm: ${n} findings under one post`,
    intro: (n: number, school: string) =>
      `uitkijk found ${n} posts that may breach the social media protocol of ${school}. They are in one e-mail; threats come separately and at once.`,
    stormLine: (n: number) => `${n} findings under the same post — consider closing comments there for a while`,
    counts: 'By kind',
    worst: (k: number, n: number) => (k < n ? `The ${k} most serious (of ${n})` : 'All findings'),
    more: (m: number) => `And ${m} more: see them on the review page.`,
    review: 'Review page',
    post: 'Post',
    replyTo: 'under',
    steps:
      "Reactions under the school's own posts are removal candidates (A6): decide in the digest or on the review page. Posts elsewhere cannot be removed by the school: report them to the platform and talk with those involved (A11). For a threat: contact school leadership at once and consider the police (Consequences 7).",
    masked: 'Personal data is masked (•). uitkijk itself removes nothing.',
    severity: { hoog: 'high', middel: 'medium', laag: 'low' } as Record<Severity, string>,
    unreadable: 'could not assess — please look yourself',
  },
};

const RANK = Object.fromEntries([...SEVERITIES].reverse().map((s, i) => [s, i])) as Record<Severity, number>;
const top = (f: Finding) => Math.max(0, ...f.labels.map((l) => f.scores[l]));

/** The findings in the order a reader should see them: most severe, then highest score, then newest. */
export function worstFirst(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity] || top(b) - top(a) || b.createdAt.localeCompare(a.createdAt));
}

export function renderBundle(findings: readonly Finding[], o: BundleOptions): RenderedAlert {
  const base = o.baseUrl.replace(/\/$/, '');
  if (findings.length === 1) {
    return renderAlert(findings[0]!, {
      schoolName: o.schoolName,
      language: o.language,
      timeZone: o.timeZone,
      reviewUrl: `${base}/review/f/${findings[0]!.id}`,
    });
  }
  const t = T[o.language];
  const sorted = worstFirst(findings);
  const n = sorted.length;
  const k = Math.min(n, o.examples ?? 5);
  const labelName = (f: Finding) => (f.unreadable ? t.unreadable : f.labels.map((l) => LABEL_NAMES[o.language][l]).join(', '));
  const counts = new Map<string, number>();
  for (const f of sorted) {
    for (const name of f.unreadable ? [t.unreadable] : f.labels.map((l) => LABEL_NAMES[o.language][l])) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  // A storm: many findings under one post (or one post drawing many reactions).
  const byPost = new Map<string, Finding[]>();
  for (const f of sorted) {
    const post = f.item.inReplyTo ?? f.item.url;
    byPost.set(post, [...(byPost.get(post) ?? []), f]);
  }
  const storms = [...byPost].filter(([, list]) => list.length >= o.stormThreshold).map(([post, list]) => ({ link: webUrlOf(post), count: list.length }));
  const subject = storms.length
    ? `${t.subject(n, o.schoolName, t.severity[sorted[0]!.severity])} — ${t.storm(storms[0]!.count)}`
    : t.subject(n, o.schoolName, t.severity[sorted[0]!.severity]);
  const examples = sorted.slice(0, k).map((f) => {
    const masked = maskText(f.item.text, f.entities);
    const shown = masked.length > 400 ? masked.slice(0, 400) : masked;
    return {
      f,
      masked,
      shown,
      cut: masked.length > 400,
      reasons: f.unreadable ? [] : reasonLines(f, masked, o.language).slice(0, 3),
      link: webUrlOf(f.item.url),
    };
  });

  const text = [
    t.intro(n, o.schoolName),
    '',
    ...storms.map((s) => `! ${t.stormLine(s.count)}${s.link ? `: ${s.link}` : ''}`),
    ...(storms.length ? [''] : []),
    `${t.counts}: ${[...counts].map(([name, c]) => `${name} ${c}`).join(', ')}`,
    '',
    `== ${t.worst(k, n)} ==`,
    '',
    ...examples.flatMap((e) => [
      `* ${labelName(e.f)} (${t.severity[e.f.severity]}) — ${platformName(e.f.item, o.language)}, ${e.f.item.author.handle}`,
      ...e.shown.split('\n').map((l) => `  > ${l}`),
      ...(e.cut ? ['  > …'] : []),
      ...e.reasons.map((r) => `  - ${r}`),
      ...(e.link ? [`  ${t.post}: ${e.link}`] : []),
      `  ${t.review}: ${base}/review/f/${e.f.id}`,
      '',
    ]),
    ...(n > k ? [t.more(n - k), ''] : []),
    t.steps,
    '',
    `${t.review}: ${base}/review`,
    t.masked,
    '',
  ].join('\n');

  const body = mailPage(
    subject,
    html`<tr>
        <td style="${CELL}">${t.intro(n, o.schoolName)}</td>
      </tr>
      ${storms.map(
        (s) =>
          html`<tr>
            <td style="${CELL};background:#fff7e0;border:1px solid #8a5a00">
              <strong>${t.stormLine(s.count)}</strong>${s.link ? html`: <a href="${s.link}">${s.link}</a>` : ''}
            </td>
          </tr>`,
      )}
      <tr>
        <td style="${CELL}"><strong>${t.counts}:</strong> ${[...counts].map(([name, c]) => `${name} ${c}`).join(', ')}</td>
      </tr>
      <tr>
        <td style="${CELL}"><h2 style="font-size:18px;margin:12px 0 4px">${t.worst(k, n)}</h2></td>
      </tr>
      ${examples.map(
        (e) =>
          html`<tr>
            <td style="${CELL};border-top:1px solid #cccccc">
              <strong>${labelName(e.f)}</strong> (${t.severity[e.f.severity]}) — ${platformName(e.f.item, o.language)}, ${e.f.item.author.handle}
              <div style="white-space:pre-wrap;border-left:3px solid #767676;padding-left:8px;margin:4px 0">
                ${markedText(e.shown, e.f.evidence)}${e.cut ? '…' : ''}
              </div>
              ${
                e.reasons.length
                  ? html`<ul style="margin:4px 0">
                      ${e.reasons.map((r) => html`<li>${r}</li>`)}
                    </ul>`
                  : ''
              }
              ${e.link ? html`<a href="${e.link}">${t.post}</a> · ` : ''}<a href="${base}/review/f/${e.f.id}">${t.review}</a>
            </td>
          </tr>`,
      )}
      ${
        n > k
          ? html`<tr>
              <td style="${CELL}">${t.more(n - k)}</td>
            </tr>`
          : ''
      }
      <tr>
        <td style="${CELL}">${t.steps}</td>
      </tr>
      <tr>
        <td style="${CELL}"><a href="${base}/review">${t.review}</a></td>
      </tr>
      <tr>
        <td style="${CELL};color:#555">${t.masked}</td>
      </tr>`,
    o.language,
  );
  return { subject, text, html: body };
}
