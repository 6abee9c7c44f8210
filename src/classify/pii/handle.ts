// Someone else's social-media account: a handle ("@noa.xo", or a bare "elif_ozdmr" right after
// "haar insta is") next to a platform word (insta, snap, tiktok, account …) and a third person —
// a pronoun (zijn, haar, hem), kin or a classmate (zusje, klasgenoot, leerling), a class ("uit
// 2c", "groep 8") or a given name. Most such accounts belong to pupils: the account is a
// sensitive fact about its owner, as a diagnosis is. When the sentence names the owner ("Lara
// uit 1b, haar insta is …"), the name is the entity (name_with_sensitive); when it does not
// ("die jongen uit groep 8: @…"), the handle is, since it alone leads to the child. Left alone:
// the writer's own account ("volg mij op insta"), the school's or an organisation's own ("volg
// ons", "@obsdelinde"), a Bluesky or Mastodon address (@school.bsky.social, @x@mastodon.nl) and
// an e-mail address.

import { isGivenName, isLowerCaseName, notName } from './sensitive.ts';
import type { Candidate } from './context.ts';

const PLATFORM =
  /\b(?:insta(?:gram)?|ig|snap(?:chat)?|tik ?tok|tt|account(?:je)?|profiel|youtube(?:kanaal)?|kanaal|twitch|discord|bereal|onlyfans|fb|facebook|x-account)\b/i;
/** A handle after '@': letters, digits, dots and underscores (no '@' or domain after it). */
const AT_HANDLE = /(?<![\w.@])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])/g;
/** A bare handle right after the platform word: it must hold a dot, an underscore or digits. */
const BARE_AFTER_PLATFORM =
  /\b(?:insta(?:gram)?|ig|snap(?:chat)?|tik ?tok|tt|account(?:je)?)\b(?:\s*(?:is|=|:|heet|naam is|->|→)\s*|\s+)['"‘“]?((?=[a-z0-9_.]*(?:[._][a-z0-9]|\d|_))[a-z][a-z0-9_.]{1,28}[a-z0-9_])(?![\w@])/gi;
/** Ends like a domain: a Bluesky handle, a website, a fediverse server. */
const DOMAIN_END = /\.(?:social|nl|be|com|org|net|app|eu|io|tv|info|school|bsky)$|\bbsky\b/i;
/** An organisation's own account. */
const ORGANISATION = /school|college|lyceum|vivente|gemeente|bieb|bibliothe|politie|ouderraad|kindcentrum|obs|cbs|kbs|ikc|official_?nl|omroep|krant|nieuws/i;
const THIRD_PERSON =
  /\b(?:zijn|haar|z'n|zn|d'r|hem|hij|ze|zij|zoon|dochter|broer(?:tje)?|zus(?:je)?|nicht(?:je)?|neef(?:je)?|vriend(?:in|innetje|je)?|klasgeno(?:ot|te)|leerling(?:e)?|kind|meisje|jongen|gast|die (?:gast|jongen|meid|meisje)|uit (?:groep \d|klas \w+|\d\s?[a-z]{1,4}\b|de brugklas)|van (?:groep \d|klas \w+|\d\s?[a-z]{1,4}\b)|groep \d|brugklas)\b/i;
const OWN_OR_OURS = /\b(?:volg (?:ons|mij|me)|mijn (?:insta|snap|tiktok|account)|m[ij]?n (?:insta|snap|tiktok)|add (?:me|mij)|voeg (?:me|mij) toe|ik ben)\b/i;
const SENTENCE_END = /[!?\n]|\.(?=\s|$)/g;

function sentenceAround(text: string, start: number, end: number): [number, number] {
  let a = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m !== null; m = SENTENCE_END.exec(text)) {
    if (m.index >= start) {
      if (m.index >= end) return [a, m.index];
      continue;
    }
    a = m.index + 1;
  }
  return [a, text.length];
}

/** A given name (and a surname after it; or a given name in lower case) in [a, b) outside the handle: the account's owner. */
const GIVEN_NAME =
  /(?<![\p{L}@.])\p{Lu}\p{Ll}+(?: (?:(?:van|de|der|den|el|ter|ten|van de|van der|van den) )?\p{Lu}\p{Ll}+)?|(?<![\p{L}@._])\p{Ll}+(?![\p{L}@._\d])/gu;
/** "Jordy van 3c", "Sem uit groep 6": whoever the word is, a class makes it a pupil's name. */
const CLASS_NEXT = /^ (?:uit|van|in) (?:groep \d|klas \w|\d\s?[a-z]{1,4}\b|de brugklas)/i;
function namesIn(text: string, a: number, b: number, handle: [number, number]): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  GIVEN_NAME.lastIndex = a;
  for (let m = GIVEN_NAME.exec(text); m !== null && m.index < b; m = GIVEN_NAME.exec(text)) {
    if (m.index >= handle[0] && m.index < handle[1]) continue;
    const first = m[0].split(' ')[0]!;
    const firstEnd = m.index + first.length;
    if (!mayOwn(first, CLASS_NEXT.test(text.slice(firstEnd, firstEnd + 20)))) {
      GIVEN_NAME.lastIndex = firstEnd;
      continue;
    }
    // A capitalised word after the given name is its surname ("Lucas Bakker"), unless it is a given name itself.
    const second = m[0].slice(first.length).trim().split(' ').pop() ?? '';
    const end = second && !isGivenName(second) && m.index + m[0].length <= b ? m.index + m[0].length : firstEnd;
    // A speaker in a pasted chat ("Senna: zijn insta is …") is not who is spoken about.
    if (text[end] === ':') continue;
    found.push({ start: m.index, end });
  }
  return found;
}
/**
 * May the first word of a name-like run be an account's owner? In lower case only a given name
 * that is no everyday word ("kijk de tiktok van sven"); capitalised, a given name or any word with
 * a class after it ("Kadir van 3b"), but no pronoun or verb ("Iedereen van 1C: volg haar …", "Wil
 * je haar feliciteren?") unless it is a given name with a class ("Ben uit 2c").
 */
function mayOwn(first: string, classNext: boolean): boolean {
  if (first === first.toLowerCase()) return isLowerCaseName(first);
  if (notName(first)) return classNext && isGivenName(first);
  return isGivenName(first) || classNext;
}
/**
 * The account's owner: named right before the handle ("Nina @nina.2c, Owen @owen_xx11", "Mats
 * uit 1c (@matsie_2012)"), else first in the handle's sentence ("Lara uit 1b, haar insta is …"),
 * or else the nearest person named before it ("Trots op onze Lina! … Volg haar op TikTok via @…").
 */
function ownerName(text: string, a: number, b: number, handle: [number, number]): { start: number; end: number } | null {
  const inSentence = namesIn(text, a, b, handle);
  const next = inSentence.filter((n) => n.end <= handle[0] && handle[0] - n.end <= NEXT_TO).at(-1);
  return next ?? inSentence[0] ?? namesIn(text, 0, a, handle).at(-1) ?? null;
}
/** At most this many characters between a name and the handle after it that is theirs. */
const NEXT_TO = 16;

export function findHandles(text: string, out: Candidate[]): void {
  if (!PLATFORM.test(text)) return;
  const seen = new Set<number>();
  const consider = (start: number, end: number, handle: string, bare: boolean) => {
    if (seen.has(start)) return;
    seen.add(start);
    if (DOMAIN_END.test(handle) || ORGANISATION.test(handle) || /^\d+$/.test(handle)) return;
    const [a, b] = sentenceAround(text, start, end);
    // The platform word close by: before the handle in its sentence, or just after it ("@x op insta").
    if (!bare && !PLATFORM.test(text.slice(Math.max(a, start - 60), start)) && !PLATFORM.test(text.slice(end, Math.min(b, end + 30)))) return;
    const owner = ownerName(text, a, b, [start, end]);
    if (!owner && !THIRD_PERSON.test(text.slice(a, start) + ' ' + text.slice(end, b))) return;
    // "volg mij op insta", "mijn snap is …" — unless a third person is the subject after all ("mijn zusje").
    const clause = text.slice(Math.max(a, start - 40), start);
    if (OWN_OR_OURS.test(clause) && !/\b(?:zoon|dochter|broer|zus|vriend|klasgeno)/i.test(clause)) return;
    const at = owner ?? { start, end };
    if (out.some((c) => c.type === 'name_with_sensitive' && c.start < at.end && at.start < c.end)) return;
    out.push({ type: 'name_with_sensitive', start: at.start, end: at.end, value: text.slice(at.start, at.end), score: 0.75, rule: 'sensitive.handle' });
  };
  AT_HANDLE.lastIndex = 0;
  for (let m = AT_HANDLE.exec(text); m !== null; m = AT_HANDLE.exec(text)) {
    // A reply's or mention's leading handle ("@moeder_van_3 …") addresses someone; it tells nothing about them.
    if (text.slice(0, m.index).trim() === '' || /^(?:\s*@[\w.]+)+\s*$/.test(text.slice(0, m.index))) continue;
    // An e-mail address or a fediverse address (@x@server): not a handle on its own.
    if (text[m.index + m[0].length] === '@') continue;
    consider(m.index, m.index + m[0].length, m[1]!, false);
  }
  BARE_AFTER_PLATFORM.lastIndex = 0;
  for (let m = BARE_AFTER_PLATFORM.exec(text); m !== null; m = BARE_AFTER_PLATFORM.exec(text)) {
    const handle = m[1]!;
    const start = m.index + m[0].length - handle.length;
    consider(start, start + handle.length, handle, true);
  }
}
