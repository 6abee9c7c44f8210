// Every message the config check can give, in Dutch and in English (`--lang`). Written for the
// administrator who must fix the file: what is wrong and what to write instead.

import type { Lang } from '../i18n.ts';

const q = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));

export interface ConfigMessages {
  empty: string;
  notEmail(v: unknown): string;
  notUrl(v: unknown): string;
  notId(v: unknown): string;
  cron(v: unknown, why: string): string;
  cronNever(v: unknown): string;
  notTimezone(v: unknown): string;
  durationTooLong(v: unknown): string;
  notDuration(v: unknown): string;
  scheduleNeedsOne: string;
  scheduleHasBoth: string;
  needsKeyword: string;
  needsRecipient: string;
  notContext(v: unknown): string;
  kindMissing: string;
  notKind(v: unknown): string;
  notGraphVersion(v: unknown): string;
  notChannelId(v: unknown): string;
  scoreRange: string;
  alertAboveRemove(alert: unknown, remove: unknown): string;
  needsSchool: string;
  usedTwice(v: unknown): string;
  unknownSchool(v: unknown, known: string[]): string;
  notFound(path: string, suggestion: string): string;
  unreadable(path: string, why: string): string;
  binary: string;
  utf16: string;
  notUtf8: string;
  tooDeep(limit: number): string;
  notYaml(why: string): string;
  yamlRefused(why: string): string;
  fileEmpty: string;
  missing: string;
  shouldBe(expected: string, got: string): string;
  atLeastEntries(n: number): string;
  tooSmall(v: unknown, min: unknown): string;
  tooManyEntries(n: number): string;
  tooLong(n: number): string;
  tooLarge(v: unknown, max: unknown): string;
  notAllowed(v: unknown, values: string[]): string;
  notValidFormat(v: unknown, format: string): string;
  unknownKey(key?: string): string;
  topLevel: string;
  secret(env: string): string;
  types: Record<string, string>;
  list: string;
  section: string;
  nothing: string;
}

const nl: ConfigMessages = {
  empty: 'mag niet leeg zijn',
  notEmail: (v) => `${q(v)} is geen e-mailadres`,
  notUrl: (v) => `${q(v)} is geen webadres; schrijf bijvoorbeeld https://example.nl/feed`,
  notId: (v) => `${q(v)} is geen geldige id; gebruik letters, cijfers, '-' en '_', bijvoorbeeld vivente-rss`,
  cron: (v, why) =>
    `${q(v)} is geen cron-patroon dat de planner kan uitvoeren (${why}); schrijf vijf velden (minuut uur dag maand weekdag), bijvoorbeeld '*/10 * * * *'`,
  cronNever: (v) => `${q(v)} komt de komende vijf jaar nooit aan de beurt; deze planning draait dus niet`,
  notTimezone: (v) => `${q(v)} is geen tijdzone; schrijf bijvoorbeeld Europe/Amsterdam`,
  durationTooLong: (v) => `${q(v)} is te lang voor 'every'; gebruik hoogstens 24d, of een cron-patroon`,
  notDuration: (v) => `${q(v)} is geen tijdsduur; schrijf bijvoorbeeld 5m (eenheden: s, m, h, d)`,
  scheduleNeedsOne: "heeft 'every' (bijvoorbeeld every: 5m) of 'cron' (bijvoorbeeld cron: '*/10 * * * *') nodig",
  scheduleHasBoth: "heeft zowel 'every' als 'cron'; houd er één over",
  needsKeyword: 'heeft minstens één trefwoord nodig dat "deze school" betekent',
  needsRecipient: 'heeft minstens één e-mailadres nodig',
  notContext: (v) => `${q(v)} is geen context; gebruik reply (reacties op berichten van de school zelf) of mention`,
  kindMissing: 'ontbreekt; voeg bijvoorbeeld kind: rss of kind: bluesky toe',
  notKind: (v) => `${q(v)} is geen soort bron; gebruik rss, bluesky, mastodon, facebook, instagram, youtube of jetstream`,
  notGraphVersion: (v) => `${q(v)} is geen Graph API-versie; schrijf bijvoorbeeld v23.0`,
  notChannelId: (v) =>
    `${q(v)} is geen YouTube-kanaal-id; die begint met UC en heeft 24 tekens (YouTube Studio → Instellingen → Kanaal → Geavanceerde instellingen)`,
  scoreRange: 'moet tussen 0 en 1 liggen',
  alertAboveRemove: (a, r) => `alert (${String(a)}) mag niet hoger zijn dan remove (${String(r)})`,
  needsSchool: 'heeft minstens één school nodig',
  usedTwice: (v) => `${q(v)} komt twee keer voor; ids moeten uniek zijn`,
  unknownSchool: (v, known) =>
    known.length
      ? `${q(v)} is geen school uit dit bestand; gebruik een van ${known.join(', ')}`
      : `${q(v)} is geen school uit dit bestand; voeg hem toe onder schools`,
  notFound: (path, suggestion) =>
    `configuratiebestand ${path} niet gevonden; geef --config BESTAND, of kopieer config/example.yaml naar ${suggestion} en pas het aan`,
  unreadable: (path, why) => `configuratiebestand ${path} kan niet gelezen worden (${why})`,
  binary: 'is geen tekstbestand (het bevat binaire gegevens); een configuratie is YAML-tekst in UTF-8',
  utf16: 'is opgeslagen als UTF-16; sla het op als UTF-8 (in Kladblok: Opslaan als → Codering UTF-8)',
  notUtf8: 'is geen geldige UTF-8-tekst; sla het op als UTF-8',
  tooDeep: (n) => `is te diep genest (meer dan ${n} niveaus); een configuratie heeft er hoogstens een paar`,
  notYaml: (why) => `is geen geldige YAML: ${why}`,
  yamlRefused: (why) => `kan niet als YAML gelezen worden: ${why}`,
  fileEmpty: 'is leeg; begin met config/example.yaml',
  missing: 'ontbreekt; voeg het toe',
  shouldBe: (e, g) => `moet ${e} zijn, niet ${g}`,
  atLeastEntries: (n) => `heeft minstens ${n} ${n === 1 ? 'item' : 'items'} nodig`,
  tooSmall: (v, min) => `${q(v)} is te klein; gebruik minstens ${String(min)}`,
  tooManyEntries: (n) => `heeft te veel items; hoogstens ${n}`,
  tooLong: (n) => `is te lang; hoogstens ${n} tekens`,
  tooLarge: (v, max) => `${q(v)} is te groot; gebruik hoogstens ${String(max)}`,
  notAllowed: (v, values) => `${q(v)} mag niet; gebruik ${values.join(' of ')}`,
  notValidFormat: (v, f) => `${q(v)} is geen geldige ${f}`,
  unknownKey: (key) =>
    key ? `onbekende sleutel '${key}'; haal hem weg of controleer de spelling` : 'onbekende sleutel; haal hem weg of controleer de spelling',
  topLevel: 'moet een blok sleutels zijn (schools, sources, mail, …); begin met config/example.yaml',
  secret: (env) => `geheimen horen niet in het configuratiebestand; haal deze sleutel weg en zet de omgevingsvariabele ${env}`,
  types: {
    string: 'een tekst',
    number: 'een getal',
    int: 'een heel getal',
    boolean: 'true of false',
    array: 'een lijst (regels die met - beginnen)',
    object: 'een blok sleutels',
  },
  list: 'een lijst',
  section: 'een blok sleutels',
  nothing: 'niets',
};

const en: ConfigMessages = {
  empty: 'must not be empty',
  notEmail: (v) => `${q(v)} is not an e-mail address`,
  notUrl: (v) => `${q(v)} is not a web address; use e.g. https://example.nl/feed`,
  notId: (v) => `${q(v)} is not a valid id; use letters, digits, '-' and '_', e.g. vivente-rss`,
  cron: (v, why) => `${q(v)} is not a cron pattern the scheduler can run (${why}); write five fields (minute hour day month weekday), e.g. '*/10 * * * *'`,
  cronNever: (v) => `${q(v)} never comes round in the next five years, so this schedule does not run`,
  notTimezone: (v) => `${q(v)} is not a time zone; use e.g. Europe/Amsterdam`,
  durationTooLong: (v) => `${q(v)} is too long for 'every'; use at most 24d, or a cron pattern`,
  notDuration: (v) => `${q(v)} is not a duration; use e.g. 5m (units: s, m, h, d)`,
  scheduleNeedsOne: "needs either 'every' (e.g. every: 5m) or 'cron' (e.g. cron: '*/10 * * * *')",
  scheduleHasBoth: "has both 'every' and 'cron'; keep one of them",
  needsKeyword: 'needs at least one keyword that means this school',
  needsRecipient: 'needs at least one e-mail address',
  notContext: (v) => `${q(v)} is not a context; use reply (comments on the school's own posts) or mention`,
  kindMissing: 'is missing; add for example kind: rss or kind: bluesky',
  notKind: (v) => `${q(v)} is not a source kind; use rss, bluesky, mastodon, facebook, instagram, youtube or jetstream`,
  notGraphVersion: (v) => `${q(v)} is not a Graph API version; write for example v23.0`,
  notChannelId: (v) => `${q(v)} is not a YouTube channel id; it starts with UC and has 24 characters (YouTube Studio → Settings → Channel → Advanced settings)`,
  scoreRange: 'must be between 0 and 1',
  alertAboveRemove: (a, r) => `alert (${String(a)}) must not be above remove (${String(r)})`,
  needsSchool: 'needs at least one school',
  usedTwice: (v) => `${q(v)} is used twice; ids must be unique`,
  unknownSchool: (v, known) =>
    known.length ? `${q(v)} is not a school in this file; use one of ${known.join(', ')}` : `${q(v)} is not a school in this file; add it under schools`,
  notFound: (path, suggestion) => `config file ${path} not found; pass --config FILE, or copy config/example.yaml to ${suggestion} and adapt it`,
  unreadable: (path, why) => `config file ${path} cannot be read (${why})`,
  binary: 'is not a text file (it holds binary data); a config is YAML text in UTF-8',
  utf16: 'is saved as UTF-16; save it as UTF-8',
  notUtf8: 'is not valid UTF-8 text; save it as UTF-8',
  tooDeep: (n) => `is nested too deeply (more than ${n} levels); a config needs only a few`,
  notYaml: (why) => `is not valid YAML: ${why}`,
  yamlRefused: (why) => `cannot be read as YAML: ${why}`,
  fileEmpty: 'is empty; start from config/example.yaml',
  missing: 'is missing; add it',
  shouldBe: (e, g) => `should be ${e}, not ${g}`,
  atLeastEntries: (n) => `needs at least ${n} entr${n === 1 ? 'y' : 'ies'}`,
  tooSmall: (v, min) => `${q(v)} is too small; use at least ${String(min)}`,
  tooManyEntries: (n) => `has too many entries; at most ${n}`,
  tooLong: (n) => `is too long; at most ${n} characters`,
  tooLarge: (v, max) => `${q(v)} is too large; use at most ${String(max)}`,
  notAllowed: (v, values) => `${q(v)} is not allowed; use ${values.join(' or ')}`,
  notValidFormat: (v, f) => `${q(v)} is not a valid ${f}`,
  unknownKey: (key) => (key ? `unknown key '${key}'; remove it or check its spelling` : 'unknown key; remove it or check its spelling'),
  topLevel: 'should be a section of keys (schools, sources, mail, …); start from config/example.yaml',
  secret: (env) => `secrets do not belong in the config file; remove this key and set the environment variable ${env} instead`,
  types: {
    string: 'a text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list (lines starting with -)',
    object: 'a section of keys',
  },
  list: 'a list',
  section: 'a section of keys',
  nothing: 'nothing',
};

export const CONFIG_MESSAGES: Record<Lang, ConfigMessages> = { nl, en };
