// E-mail addresses. Role addresses (info@, administratie@, …) belong to organisations, not to
// a person, so they stay below the reporting threshold; a personal-looking address scores high.

import type { Candidate } from './context.ts';

const EMAIL =
  /(?<![\w.%+\-@À-ÿ])[A-Za-z0-9À-ÿ][A-Za-z0-9À-ÿ._%+\-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w@\-])/g;

const ROLE =
  /^(?:info|contact|administratie|admin|secretariaat|receptie|no-?reply|office|support|helpdesk|klantenservice|service|sales|redactie|directie|leerlingadministratie|leerlingzaken|verzuim|ziekmelding|webmaster|postmaster|communicatie|pers|media|mr|ouderraad|onderwijs|planning|facturen|financien|finance|hr|vacatures|privacy|avg|fg|abuse)$/i;

// Written to dodge scrapers: "rick.hermans [at] example [punt] nl".
const OBFUSCATED =
  /(?<![\w.])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63} ?(?:\[at\]|\(at\)|\{at\}|\[apenstaartje\]| apenstaartje ) ?[A-Za-z0-9\-]+(?: ?(?:\[punt\]|\(punt\)|\[dot\]|\(dot\)|\.| punt ) ?[A-Za-z0-9\-]+)*? ?(?:\[punt\]|\(punt\)|\[dot\]|\(dot\)|\.| punt ) ?[A-Za-z]{2,24}(?![\w])/gi;

const OBFUSCATED_HINT = /[[({]at[\])}]|apenstaartje/i;

export function findEmails(text: string, out: Candidate[]): void {
  if (text.indexOf('@') < 0) {
    const bracket = text.indexOf('[') >= 0 || text.indexOf('(') >= 0 || text.indexOf('{') >= 0;
    if (bracket ? OBFUSCATED_HINT.test(text) : text.indexOf('apenstaartje') >= 0) {
      OBFUSCATED.lastIndex = 0;
      for (let m = OBFUSCATED.exec(text); m !== null; m = OBFUSCATED.exec(text)) {
        out.push({ type: 'email', start: m.index, end: m.index + m[0].length, value: m[0], score: 0.8, rule: 'email.obfuscated' });
      }
    }
    return;
  }
  EMAIL.lastIndex = 0;
  for (let m = EMAIL.exec(text); m !== null; m = EMAIL.exec(text)) {
    const local = m[0].slice(0, m[0].indexOf('@'));
    const role = ROLE.test(local);
    out.push({
      type: 'email',
      start: m.index,
      end: m.index + m[0].length,
      value: m[0],
      score: role ? 0.4 : 0.9,
      rule: role ? 'email.role' : 'email.personal',
    });
  }
}
