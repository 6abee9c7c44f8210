// Renders the alert e-mail for one finding, for a school's communications team: what was posted
// where, by whom and when, what to do now, why it was flagged (alerts/reasons.ts) and which
// protocol article it concerns — with personal data masked (alerts/mask.ts) and the words the
// evidence points at highlighted. An HTML part (a table layout with inline styles only, since
// mail clients drop style sheets; no scripts, no remote images; everything escaped) and a
// plain-text part carry the same content. The subject never holds the text or personal data.

import { LABEL_NAMES } from '../classify/names.ts';
import type { Label } from '../classify/types.ts';
import type { Article, Severity } from '../policy.ts';
import type { Finding } from '../finding.ts';
import { maskText } from './mask.ts';
import { platformName, reasonLines } from './reasons.ts';

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
  severity: Record<Severity, string>;
  context: { reply: string; mention: string };
  article: Record<Article, string>;
  subject: (labels: string, school: string, platform: string, severity: string) => string;
  /** Put before the labels of a threat, so it stands out in a full inbox. */
  urgent: string;
  intro: (school: string) => string;
  unreadableLabel: string;
  unreadableIntro: string;
  truncated: string;
  fields: {
    school: string;
    platform: string;
    context: string;
    link: string;
    replyTo: string;
    author: string;
    posted: string;
    labels: string;
    severity: string;
    text: string;
    why: string;
    articles: string;
    todo: string;
    review: string;
  };
  steps: {
    threat: string;
    removal: string;
    notRemoval: string;
    mention: string;
    unreadable: string;
  };
  openItem: string;
  nothingRemoved: string;
  masked: string;
  markedWord: string;
  highlighted: string;
  noReasons: string;
  footer: string;
}

const NL: Strings = {
  label: LABEL_NAMES.nl,
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
  urgent: 'Dringend: ',
  intro: (school) => `uitkijk heeft een bericht gevonden dat mogelijk in strijd is met het protocol sociale media van ${school}.`,
  unreadableLabel: 'kon niet beoordelen — kijk zelf',
  unreadableIntro: 'uitkijk kon dit bericht niet beoordelen. Het is niet weggelaten maar aan u voorgelegd: kijk zelf of het in strijd is met het protocol.',
  truncated: '(ingekort: de rest staat op het platform, zie de link)',
  fields: {
    school: 'School',
    platform: 'Platform',
    context: 'Soort',
    link: 'Link',
    replyTo: 'Reactie op',
    author: 'Account',
    posted: 'Geplaatst',
    labels: 'Gevonden',
    severity: 'Ernst',
    text: 'Tekst',
    why: 'Waarom',
    articles: 'Protocol',
    todo: 'Wat nu',
    review: 'Beoordelen',
  },
  steps: {
    threat: 'Neem direct contact op met de schoolleiding en overweeg melding of aangifte bij de politie (Consequenties 7).',
    removal:
      'Dit is een kandidaat voor verwijdering (A6): beslis in de digest of op de beoordelingspagina. Is verwijderen goedgekeurd, verwijder het bericht dan zelf op het platform.',
    notRemoval: 'Dit is geen kandidaat voor verwijdering. Lees het bericht en beslis zelf of er iets moet gebeuren.',
    mention:
      'Dit bericht staat niet onder een bericht van de school, dus de school kan het niet verwijderen. Meld het bij het platform en ga in gesprek met de betrokkenen (A11).',
    unreadable: 'Open het bericht via de link en beoordeel het zelf.',
  },
  openItem: 'Bekijk het bericht',
  nothingRemoved: 'uitkijk verwijdert, verbergt of beantwoordt zelf niets.',
  masked: 'Persoonsgegevens in de tekst zijn gemaskeerd (•).',
  markedWord: 'Gemarkeerd',
  highlighted: 'de woorden waarop uitkijk aansloeg.',
  noReasons: 'uitkijk kon geen reden noemen.',
  footer: 'Dit bericht is automatisch verstuurd door uitkijk. De beoordeling is een hulpmiddel, geen oordeel: kijk altijd zelf.',
};

const EN: Strings = {
  label: LABEL_NAMES.en,
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
  urgent: 'Urgent: ',
  intro: (school) => `uitkijk found a post that may breach the social media protocol of ${school}.`,
  unreadableLabel: 'could not assess — please look yourself',
  unreadableIntro: 'uitkijk could not assess this post. It was not dropped but is put to you: please judge yourself whether it breaches the protocol.',
  truncated: '(shortened: the rest is on the platform, see the link)',
  fields: {
    school: 'School',
    platform: 'Platform',
    context: 'Kind',
    link: 'Link',
    replyTo: 'In reply to',
    author: 'Account',
    posted: 'Posted',
    labels: 'Found',
    severity: 'Severity',
    text: 'Text',
    why: 'Why',
    articles: 'Protocol',
    todo: 'What now',
    review: 'Review',
  },
  steps: {
    threat: 'Contact the school leadership at once and consider reporting it to the police (Consequences 7).',
    removal:
      'This is a removal candidate (A6): decide in the digest or on the review page. Once removal is approved, remove the post yourself on the platform.',
    notRemoval: 'This is not a removal candidate. Read the post and decide yourself whether anything needs doing.',
    mention:
      "This post is not under one of the school's posts, so the school cannot remove it. Report it to the platform and talk with the people involved (A11).",
    unreadable: 'Open the post through the link and judge it yourself.',
  },
  openItem: 'View the post',
  nothingRemoved: 'uitkijk itself removes, hides or answers nothing.',
  masked: 'Personal data in the text is masked (•).',
  markedWord: 'Highlighted',
  highlighted: 'the words uitkijk picked up on.',
  noReasons: 'uitkijk could not name a reason.',
  footer: 'This message was sent automatically by uitkijk. Its assessment is an aid, not a verdict: always look for yourself.',
};

const STRINGS: Record<Language, Strings> = { nl: NL, en: EN };

/** An e-mail shows at most this much of a text; the link leads to the whole post. */
const LIMIT = 4000;

/** Markers around highlighted words in the plain-text part. */
const MARK_OPEN = '»';
const MARK_CLOSE = '«';

/** The five characters that matter in HTML text and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Only web links become clickable: a feed could carry a javascript: or data: URL. */
function isWebUrl(value: string | undefined): value is string {
  return typeof value === 'string' && /^https?:\/\/[^\s"'<>]+$/i.test(value);
}

/**
 * A link a browser opens for a post: an at:// URI of a Bluesky post becomes its bsky.app page;
 * a web URL stays; anything else has none.
 */
export function webUrlOf(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  const at = /^at:\/\/([A-Za-z0-9:._%-]+)\/app\.bsky\.feed\.post\/([A-Za-z0-9._~:-]{1,512})$/.exec(uri);
  if (at) return `https://bsky.app/profile/${at[1]}/post/${at[2]}`;
  return isWebUrl(uri) ? uri : undefined;
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

/** The stretches of the shown text that the evidence behind the flags points at, merged. */
function highlights(finding: Finding, length: number): [number, number][] {
  const flagged = new Set(finding.labels);
  const spans = finding.evidence
    .filter((e) => flagged.has(e.label) && e.weight > 0)
    .map((e) => [Math.max(0, e.start), Math.min(length, e.end)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** The text cut into plain and highlighted pieces, in order. */
function pieces(text: string, spans: readonly [number, number][]): { text: string; marked: boolean }[] {
  const out: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [s, e] of spans) {
    if (s > at) out.push({ text: text.slice(at, s), marked: false });
    out.push({ text: text.slice(s, e), marked: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  return out;
}

/** What the school should do now, most pressing first. */
function steps(finding: Finding, s: Strings): string[] {
  const out: string[] = [];
  if (finding.labels.includes('threat')) out.push(s.steps.threat);
  if (finding.unreadable) out.push(s.steps.unreadable);
  if (finding.item.context === 'mention') out.push(s.steps.mention);
  else if (finding.removalCandidate) out.push(s.steps.removal);
  else if (!finding.unreadable) out.push(s.steps.notRemoval);
  return out;
}

const SEVERITY_COLOUR: Record<Severity, string> = { hoog: '#a4161a', middel: '#9a4d00', laag: '#1f4e79' };

// Inline styles, since many mail clients drop <style> and every external sheet.
const FONT = 'font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;';
const HEAD_STYLE = 'padding:12px 20px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.4;font-weight:bold;color:#ffffff;';
const MARK_STYLE = 'background-color:#ffe27a;color:#1a1a1a;padding:0 2px;font-weight:bold;';
const TH_STYLE = 'text-align:left;vertical-align:top;padding:4px 12px 4px 0;color:#555555;font-weight:normal;white-space:nowrap;';
const TD_STYLE = 'vertical-align:top;padding:4px 0;';
const H_STYLE = 'margin:20px 0 6px;font-size:16px;';
const LINK_STYLE = 'color:#0b57d0;';

export function renderAlert(finding: Finding, options: RenderOptions = {}): RenderedAlert {
  const language = options.language ?? 'nl';
  const s = STRINGS[language];
  const { item } = finding;
  const school = options.schoolName ?? item.school;
  const platform = platformName(item, language);
  const labels = finding.unreadable ? [s.unreadableLabel] : finding.labels.map((l) => s.label[l]);
  const severity = s.severity[finding.severity];

  const fullMasked = maskText(item.text, finding.entities);
  const truncated = fullMasked.length > LIMIT;
  const shown = truncated ? fullMasked.slice(0, LIMIT) : fullMasked;
  const marked = pieces(shown, highlights(finding, shown.length));
  // Reasons quote the whole masked text: evidence offsets point into it, not into the cut.
  const why = finding.unreadable ? [] : reasonLines(finding, fullMasked, language);
  const todo = steps(finding, s);
  const articles = finding.articles.map((a) => s.article[a]);
  const replyTo = item.inReplyTo ? (webUrlOf(item.inReplyTo) ?? item.inReplyTo) : undefined;
  const author = item.platform === 'bluesky' && !item.author.handle.startsWith('@') ? `@${item.author.handle}` : item.author.handle;
  const review = options.reviewUrl;
  const anyMasked = fullMasked !== item.text;

  const rows: { key: string; value: string; link?: boolean }[] = [
    { key: s.fields.school, value: school },
    { key: s.fields.platform, value: platform },
    { key: s.fields.context, value: s.context[item.context] },
    { key: s.fields.author, value: author },
    { key: s.fields.posted, value: formatDate(item.createdAt, language, options.timeZone ?? 'Europe/Amsterdam') },
    { key: s.fields.labels, value: labels.join(', ') },
    { key: s.fields.severity, value: severity },
    { key: s.fields.link, value: item.url, link: true },
    ...(replyTo ? [{ key: s.fields.replyTo, value: replyTo, link: true }] : []),
  ];

  const urgent = finding.labels.includes('threat') ? s.urgent : '';
  // One line whatever a feed title or school name holds: a header must not break.
  const subject = s.subject(`${urgent}${labels.join(', ')}`, school, platform, severity).replace(/\s+/g, ' ');
  const intro = finding.unreadable ? s.unreadableIntro : s.intro(school);

  const quotedText = marked.map((p) => (p.marked ? `${MARK_OPEN}${p.text}${MARK_CLOSE}` : p.text)).join('');
  const text = [
    intro,
    '',
    `${s.fields.todo}:`,
    ...todo.map((line) => `- ${line}`),
    ...(review ? [`${s.fields.review}: ${review}`] : []),
    '',
    ...rows.map(({ key, value }) => `${key}: ${value}`),
    '',
    `${s.fields.text}:`,
    ...quotedText.split('\n').map((line) => `> ${line}`),
    ...(truncated ? [s.truncated] : []),
    ...(anyMasked ? [s.masked] : []),
    ...(marked.some((p) => p.marked) ? [`${MARK_OPEN}${s.markedWord}${MARK_CLOSE}: ${s.highlighted}`] : []),
    '',
    `${s.fields.why}:`,
    ...(why.length ? why.map((line) => `- ${line}`) : [`- ${finding.unreadable ? s.unreadableLabel : s.noReasons}`]),
    '',
    `${s.fields.articles}:`,
    ...articles.map((line) => `- ${line}`),
    '',
    s.nothingRemoved,
    '',
    '-- ',
    s.footer,
    '',
  ].join('\n');

  const e = escapeHtml;
  const link = (url: string, label = url) => (isWebUrl(url) ? `<a href="${e(url)}" style="${LINK_STYLE}">${e(label)}</a>` : e(url));
  const rowHtml = rows
    .map(
      ({ key, value, link: isLink }) =>
        `<tr><th scope="row" style="${TH_STYLE}">${e(key)}</th><td style="${TD_STYLE}">${isLink ? link(value) : e(value)}</td></tr>`,
    )
    .join('\n');
  const textHtml = marked.map((p) => (p.marked ? `<mark style="${MARK_STYLE}">${e(p.text)}</mark>` : e(p.text))).join('');
  const list = (lines: string[]) => `<ul style="margin:0;padding-left:20px;">${lines.map((line) => `<li style="margin:2px 0;">${e(line)}</li>`).join('')}</ul>`;
  const colour = SEVERITY_COLOUR[finding.severity];
  const button = review
    ? isWebUrl(review)
      ? `<p style="margin:12px 0 0;"><a href="${e(review)}" style="display:inline-block;background-color:#0b57d0;color:#ffffff;text-decoration:none;font-weight:bold;padding:8px 16px;border-radius:4px;">${e(s.fields.review)}</a></p>`
      : `<p style="margin:12px 0 0;">${e(s.fields.review)}: ${e(review)}</p>`
    : '';
  const itemLink = isWebUrl(item.url) ? `<p style="margin:8px 0 0;">${link(item.url, s.openItem)}</p>` : '';

  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(subject)}</title></head>
<body style="margin:0;padding:0;background-color:#f2f2f2;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f2f2f2;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:640px;background-color:#ffffff;border:1px solid #d9d9d9;${FONT}">
<tr><td style="${HEAD_STYLE}background-color:${colour};">${e(`${urgent}${labels.join(', ')} — ${s.fields.severity.toLowerCase()}: ${severity}`)}</td></tr>
<tr><td style="padding:16px 20px 0;"><p style="margin:0;">${e(intro)}</p></td></tr>
<tr><td style="padding:12px 20px 0;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f5f8ff;border-left:4px solid ${colour};">
<tr><td style="padding:10px 14px;"><h2 style="margin:0 0 6px;font-size:16px;">${e(s.fields.todo)}</h2>${list(todo)}${button}</td></tr>
</table>
</td></tr>
<tr><td style="padding:12px 20px 0;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="${FONT}">
${rowHtml}
</table>
</td></tr>
<tr><td style="padding:0 20px;">
<h2 style="${H_STYLE}">${e(s.fields.text)}</h2>
<blockquote style="margin:0;padding:8px 12px;border-left:3px solid #999999;background-color:#fafafa;white-space:pre-wrap;word-wrap:break-word;">${textHtml}${truncated ? ` <em>${e(s.truncated)}</em>` : ''}</blockquote>
${anyMasked ? `<p style="margin:6px 0 0;font-size:13px;color:#555555;">${e(s.masked)}</p>` : ''}
${marked.some((p) => p.marked) ? `<p style="margin:4px 0 0;font-size:13px;color:#555555;"><mark style="${MARK_STYLE}">${e(s.markedWord)}</mark>: ${e(s.highlighted)}</p>` : ''}
${itemLink}
<h2 style="${H_STYLE}">${e(s.fields.why)}</h2>
${list(why.length ? why : [finding.unreadable ? s.unreadableLabel : s.noReasons])}
<h2 style="${H_STYLE}">${e(s.fields.articles)}</h2>
${list(articles)}
<p style="margin:16px 0 0;">${e(s.nothingRemoved)}</p>
</td></tr>
<tr><td style="padding:16px 20px;"><p style="margin:0;font-size:13px;color:#555555;">${e(s.footer)}</p></td></tr>
</table>
</td></tr>
</table>
</body></html>
`;
  return { subject, text, html };
}
