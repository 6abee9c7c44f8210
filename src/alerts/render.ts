// Renders the alert e-mail for one finding: a subject and a plain-text body that say, in
// plain Dutch (or English), what was posted where, why it was flagged, which protocol article
// it concerns and what the school can do — with personal data masked. A simple HTML part
// carries the same content, escaped. The subject never holds the text or any personal data.

import { KIND_NAMES, LABEL_NAMES } from '../classify/names.ts';
import type { Label } from '../classify/types.ts';
import type { Article, Severity } from '../policy.ts';
import type { Finding } from '../finding.ts';
import { maskText } from './mask.ts';

export type Language = 'nl' | 'en';

export interface RenderOptions {
  /** The school's display name (the id is used when absent). */
  schoolName?: string;
  language?: Language;
  /** IANA time zone for dates, e.g. the school's. */
  timeZone?: string;
  /** Where a moderator reviews the finding, when there is a review page. */
  reviewUrl?: string;
}

export interface RenderedAlert {
  subject: string;
  text: string;
  html: string;
}

interface Strings {
  label: Record<Label, string>;
  /** Evidence kinds (rule families and personal-data types) in words; unknown kinds stay as they are. */
  kind: Record<string, string>;
  weight: string;
  severity: Record<Severity, string>;
  context: { reply: string; mention: string };
  article: Record<Article, string>;
  subject: (labels: string, school: string, platform: string, severity: string) => string;
  intro: (school: string) => string;
  unreadableLabel: string;
  unreadableIntro: string;
  truncated: string;
  fields: {
    school: string;
    platform: string;
    context: string;
    link: string;
    author: string;
    posted: string;
    labels: string;
    severity: string;
    text: string;
    why: string;
    articles: string;
    removal: string;
    review: string;
  };
  removalYes: string;
  removalNo: string;
  removalMention: string;
  nothingRemoved: string;
  masked: string;
  footer: string;
}

const NL: Strings = {
  label: LABEL_NAMES.nl,
  kind: KIND_NAMES.nl,
  weight: 'gewicht',
  severity: { laag: 'laag', middel: 'middel', hoog: 'hoog' },
  context: { reply: 'reactie op een eigen bericht van de school', mention: 'vermelding van de school elders' },
  article: {
    A2: 'A2 — persoonsgegevens van leden van de schoolgemeenschap mogen niet gedeeld worden',
    A6: 'A6 — de school mag reacties op haar eigen berichten verwijderen',
    A10: 'A10 — iedereen houdt zich aan de fatsoensnormen (o.a. pesten, stalken, bedreigen)',
    A11: 'A11 — melden bij de schoolleiding of het bestuur; ga met de betrokkenen in gesprek',
    'Consequenties 7': 'Consequenties 7 — mogelijk strafbaar: de school kan melding of aangifte doen bij de politie',
  },
  subject: (labels, school, platform, severity) => `[uitkijk] ${labels} — ${school}, ${platform} (ernst: ${severity})`,
  intro: (school) => `uitkijk heeft een bericht gevonden dat mogelijk in strijd is met het protocol sociale media van ${school}.`,
  unreadableLabel: 'kon niet beoordelen — kijk zelf',
  unreadableIntro: 'uitkijk kon dit bericht niet beoordelen. Het is niet weggelaten maar aan u voorgelegd: kijk zelf of het in strijd is met het protocol.',
  truncated: '(ingekort: de rest staat op het platform, zie de link)',
  fields: {
    school: 'School',
    platform: 'Platform',
    context: 'Soort',
    link: 'Link',
    author: 'Account',
    posted: 'Geplaatst',
    labels: 'Gevonden',
    severity: 'Ernst',
    text: 'Tekst',
    why: 'Waarom',
    articles: 'Protocol',
    removal: 'Verwijderen',
    review: 'Beoordelen',
  },
  removalYes: 'Ja, kandidaat voor verwijdering (A6). Een moderator beslist; verwijder het zelf op het platform als dat besloten is.',
  removalNo: 'Nee, geen kandidaat voor verwijdering.',
  removalMention: 'Nee: dit bericht staat niet onder een bericht van de school. Meld het bij het platform en/of ga in gesprek (A11).',
  nothingRemoved: 'uitkijk verwijdert, verbergt of beantwoordt zelf niets.',
  masked: 'Persoonsgegevens in de tekst zijn gemaskeerd (•).',
  footer: 'Dit bericht is automatisch verstuurd door uitkijk. De beoordeling is een hulpmiddel, geen oordeel: kijk altijd zelf.',
};

const EN: Strings = {
  label: LABEL_NAMES.en,
  kind: KIND_NAMES.en,
  weight: 'weight',
  severity: { laag: 'low', middel: 'medium', hoog: 'high' },
  context: { reply: "reply to one of the school's own posts", mention: 'mention of the school elsewhere' },
  article: {
    A2: 'A2 — personal data of members of the school community must not be shared',
    A6: 'A6 — the school may remove reactions to its own posts',
    A10: 'A10 — everyone observes common decency (e.g. bullying, stalking, threatening)',
    A11: 'A11 — report to the school leadership or board; talk with the people involved',
    'Consequenties 7': 'Consequences 7 — possibly criminal: the school can report it to the police',
  },
  subject: (labels, school, platform, severity) => `[uitkijk] ${labels} — ${school}, ${platform} (severity: ${severity})`,
  intro: (school) => `uitkijk found a post that may breach the social media protocol of ${school}.`,
  unreadableLabel: 'could not assess — please look yourself',
  unreadableIntro: 'uitkijk could not assess this post. It was not dropped but is put to you: please judge yourself whether it breaches the protocol.',
  truncated: '(shortened: the rest is on the platform, see the link)',
  fields: {
    school: 'School',
    platform: 'Platform',
    context: 'Kind',
    link: 'Link',
    author: 'Account',
    posted: 'Posted',
    labels: 'Found',
    severity: 'Severity',
    text: 'Text',
    why: 'Why',
    articles: 'Protocol',
    removal: 'Removal',
    review: 'Review',
  },
  removalYes: 'Yes, a removal candidate (A6). A moderator decides; remove it yourself on the platform once that is decided.',
  removalNo: 'No, not a removal candidate.',
  removalMention: "No: this post is not under one of the school's posts. Report it to the platform and/or talk with those involved (A11).",
  nothingRemoved: 'uitkijk itself removes, hides or answers nothing.',
  masked: 'Personal data in the text is masked (•).',
  footer: 'This message was sent automatically by uitkijk. Its assessment is an aid, not a verdict: always look for yourself.',
};

const STRINGS: Record<Language, Strings> = { nl: NL, en: EN };

/** The five characters that matter in HTML text and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function formatDate(iso: string, language: Language, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(date);
}

/** One line per piece of evidence behind a flagged label: what matched, and where. */
function whyLines(finding: Finding, maskedText: string, s: Strings, language: Language): string[] {
  const flagged = new Set(finding.labels);
  return finding.evidence
    .filter((e) => flagged.has(e.label) && e.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 10)
    .map((e) => {
      const fragment = maskedText.slice(e.start, e.end).replace(/\s+/g, ' ').trim();
      const weight = e.weight.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
      const quoted = fragment ? ` „${fragment.length > 80 ? `${fragment.slice(0, 79)}…` : fragment}”` : '';
      return `${s.label[e.label]}: ${s.kind[e.kind] ?? e.kind}${e.detail ? ` ${e.detail}` : ''}${quoted} (${s.weight} ${weight})`;
    });
}

export function renderAlert(finding: Finding, options: RenderOptions = {}): RenderedAlert {
  const language = options.language ?? 'nl';
  const s = STRINGS[language];
  const { item } = finding;
  const school = options.schoolName ?? item.school;
  const labels = finding.unreadable ? [s.unreadableLabel] : finding.labels.map((l) => s.label[l]);
  // An e-mail shows at most a few thousand characters; the link leads to the whole post.
  const LIMIT = 4000;
  const fullMasked = maskText(item.text, finding.entities);
  const maskedText = fullMasked.length > LIMIT ? `${fullMasked.slice(0, LIMIT)}… ${s.truncated}` : fullMasked;
  const removal = item.context === 'mention' ? s.removalMention : finding.removalCandidate ? s.removalYes : s.removalNo;
  const why = whyLines(finding, maskedText, s, language);
  const articles = finding.articles.map((a) => s.article[a]);

  const rows: [string, string][] = [
    [s.fields.school, school],
    [s.fields.platform, item.platform],
    [s.fields.context, s.context[item.context]],
    [s.fields.link, item.url],
    [s.fields.author, item.author.handle],
    [s.fields.posted, formatDate(item.createdAt, language, options.timeZone ?? 'Europe/Amsterdam')],
    [s.fields.labels, labels.join(', ')],
    [s.fields.severity, s.severity[finding.severity]],
  ];

  const subject = s.subject(labels.join(', '), school, item.platform, s.severity[finding.severity]);

  const intro = finding.unreadable ? s.unreadableIntro : s.intro(school);
  const text = [
    intro,
    '',
    ...rows.map(([k, v]) => `${k}: ${v}`),
    '',
    `${s.fields.text}:`,
    ...maskedText.split('\n').map((line) => `> ${line}`),
    ...(finding.entities.length ? [s.masked] : []),
    '',
    `${s.fields.why}:`,
    ...why.map((line) => `- ${line}`),
    '',
    `${s.fields.articles}:`,
    ...articles.map((line) => `- ${line}`),
    '',
    `${s.fields.removal}: ${removal}`,
    s.nothingRemoved,
    ...(options.reviewUrl ? ['', `${s.fields.review}: ${options.reviewUrl}`] : []),
    '',
    '-- ',
    s.footer,
    '',
  ].join('\n');

  const e = escapeHtml;
  const rowHtml = rows
    .map(([k, v]) =>
      // Only web links become clickable: a feed could carry a javascript: or data: URL.
      k === s.fields.link && /^https?:\/\//i.test(v)
        ? `<tr><th align="left">${e(k)}</th><td><a href="${e(v)}">${e(v)}</a></td></tr>`
        : `<tr><th align="left">${e(k)}</th><td>${e(v)}</td></tr>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.4">
<p>${e(intro)}</p>
<table cellpadding="4">
${rowHtml}
</table>
<h3>${e(s.fields.text)}</h3>
<blockquote style="white-space: pre-wrap; border-left: 3px solid #999; padding-left: 8px">${e(maskedText)}</blockquote>
${finding.entities.length ? `<p><small>${e(s.masked)}</small></p>` : ''}
<h3>${e(s.fields.why)}</h3>
<ul>${why.map((line) => `<li>${e(line)}</li>`).join('')}</ul>
<h3>${e(s.fields.articles)}</h3>
<ul>${articles.map((line) => `<li>${e(line)}</li>`).join('')}</ul>
<p><strong>${e(s.fields.removal)}:</strong> ${e(removal)}<br>${e(s.nothingRemoved)}</p>
${options.reviewUrl ? `<p><a href="${e(options.reviewUrl)}">${e(s.fields.review)}</a></p>` : ''}
<p><small>${e(s.footer)}</small></p>
</body></html>
`;
  return { subject, text, html };
}
