// The classifier as a whole: scores are probabilities with their floors and caps, a flag the
// model carries comes with words as evidence, decoration around a message does not change the
// verdict, and long or hostile inputs are read in bounded windows. The figures (F1, calibration)
// live in the cross-validation report of `npm run train` and the blind measurement, not here.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClassifier, DEFAULT_THRESHOLDS, LABELS, MAX_EVIDENCE } from '../../src/classify/index.ts';
import { coreRange } from '../../src/classify/cues.ts';
import { normalize } from '../../src/classify/normalize.ts';
import { ALLOWED_ONLY_CAP, LOOKALIKE_CAP } from '../../src/classify/signals.ts';

const classifier = createClassifier();
const classify = (text: string) => classifier.classify(text);

/** Every seventh corpus text: thousands of distinct texts in every register. */
function corpusSample(): string[] {
  const dir = join(import.meta.dirname, '../../corpus/texts');
  const out: string[] = [];
  let i = 0;
  for (const f of readdirSync(dir).sort()) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (line.trim() && i++ % 7 === 0) out.push((JSON.parse(line) as { text: string }).text);
    }
  }
  return out;
}

describe('scores', () => {
  it('are probabilities strictly between 0 and 1, so an alert threshold of 1 never fires', () => {
    const never = createClassifier({ thresholds: Object.fromEntries(LABELS.map((l) => [l, { alert: 1, remove: 1 }])) as typeof DEFAULT_THRESHOLDS });
    for (const text of ['kankerschool', 'ik maak je af, wacht maar tot je buiten staat', 'bel me op 06 41 82 73 65', 'Wat een mooie musical!']) {
      const v = never.classify(text);
      expect(v.labels).toEqual([]);
      for (const l of LABELS) {
        expect(v.scores[l]).toBeGreaterThan(0);
        expect(v.scores[l]).toBeLessThan(1);
      }
    }
  });

  it('flag a disease curse in any form unless it is quoted to reject it', () => {
    for (const text of ['kankerschool', 'tering wat een rij bij de kantine', 'klerezooi dat nieuwe rooster'])
      expect(classify(text).labels).toContain('offensive');
    expect(classify('Hij noemde haar "kankerhoer". Dat is echt niet oké, ik heb het gemeld.').labels).not.toContain('offensive');
  });

  it('flag personal data that is a person’s by its nature, whatever the words around it', () => {
    // A checksum-valid BSN from the test range, a licence plate, a postcode with house number.
    for (const text of ['Is dit het goede nummer? 999 991 760', 'die auto PK-54-BZ weer', 'Ophalen bij 4254 XC 5, achterom.']) {
      const v = classify(text);
      expect(v.labels, text).toContain('personal_data');
      expect(v.entities.length, text).toBeGreaterThan(0);
    }
  });

  it('never flag a text whose only contact details are the school’s own', () => {
    const text = 'Bel me gerust op 06 - 41 82 73 65 of mail naar J.deVries@School.example.nl';
    expect(classify(text).labels).toContain('personal_data');
    const allowed = createClassifier({ allowed: ['0641827365', 'j.devries@school.example.nl'] }).classify(text);
    expect(allowed.labels).not.toContain('personal_data');
    expect(allowed.entities).toEqual([]);
    expect(allowed.scores.personal_data).toBeLessThanOrEqual(ALLOWED_ONLY_CAP);
  });

  it('count the school’s own mailbox as its own, also when its shape alone says little', () => {
    const text = 'Beste mevrouw Smit, u kunt de verklaring mailen naar verzuim@deklimop.example.nl, dan kijkt de mentor ernaar.';
    const allowed = createClassifier({ allowed: ['verzuim@deklimop.example.nl'] }).classify(text);
    expect(allowed.labels).not.toContain('personal_data');
    expect(allowed.scores.personal_data).toBeLessThanOrEqual(ALLOWED_ONLY_CAP);
  });

  it.each([
    'Op het formulier staat 123456789 als voorbeeld van een BSN, moet ik daar het echte nummer invullen?',
    'Het BSN 804714166 wordt niet geaccepteerd op de website, klopt dat wel?',
    'Let op: een nepmail vraagt om geld over te maken naar NL12ABNA0123456788, dat is niet onze rekening!',
  ])('do not take a number that fails its checksum for personal data: %j', (text) => {
    const v = classify(text);
    expect(v.entities).toEqual([]);
    expect(v.scores.personal_data).toBeLessThanOrEqual(LOOKALIKE_CAP);
  });

  it('do not take an organisation’s published number for personal data', () => {
    const v = classify('De bibliotheek in het dorp is in de vakantie open. Vragen? Bel 0183-642310 of mail info@bieb-dorp.example.nl');
    expect(v.labels).not.toContain('personal_data');
    expect(v.entities).toEqual([]);
  });
});

describe('evidence', () => {
  it('comes with every flag, with offsets into the text, and names the words when the model carried it', () => {
    let modelCarried = 0;
    for (const text of corpusSample().slice(0, 1500)) {
      const v = classify(text);
      for (const l of v.labels) {
        const ev = v.evidence.filter((e) => e.label === l && e.weight > 0);
        expect(ev.length, `${l}: ${text}`).toBeGreaterThan(0);
        for (const e of ev) {
          expect(e.start).toBeGreaterThanOrEqual(0);
          expect(e.end).toBeLessThanOrEqual(text.length);
          expect(e.end).toBeGreaterThan(e.start);
          if (e.kind === 'model') {
            modelCarried++;
            // The model's evidence is a word of the text, given by its offsets.
            expect(text.slice(e.start, e.end).length).toBeGreaterThan(0);
          }
        }
      }
    }
    expect(modelCarried).toBeGreaterThan(0);
  });
});

describe('entities', () => {
  it('name the people of a text the model judges to hold personal data when no recogniser placed it', () => {
    const v = classify('Daan uit groep 7 moet weer naar de kinderpsycholoog, zijn moeder vertelde het');
    expect(v.labels).toContain('personal_data');
    expect(v.entities.map((e) => [e.type, e.value])).toEqual([['name_with_sensitive', 'Daan']]);
  });
  it('name nobody in a text without personal data', () => {
    const v = classify('Bedankt juf Anja voor het mooie afscheid!');
    expect(v.labels).not.toContain('personal_data');
    expect(v.entities).toEqual([]);
  });
});

describe('decoration around the message', () => {
  it('does not change the verdict: leading handles, trailing hashtags, links and emoji', () => {
    const decorations = [
      (t: string) => `@school.bsky.social ${t}`,
      (t: string) => `${t} #schoolnieuws https://bsky.app/profile/x 👍`,
      (t: string) => `@jan.bsky.social @piet ${t} 🙂`,
    ];
    const changed: string[] = [];
    for (const text of corpusSample()) {
      const base = classify(text).labels.join(',');
      for (const d of decorations) {
        const got = classify(d(text)).labels.join(',');
        if (got !== base) changed.push(`${base} → ${got}: ${d(text)}`);
      }
    }
    expect(changed).toEqual([]);
  });

  /** The tokens of the message itself, as `coreRange` marks them. */
  const core = (text: string) => {
    const doc = normalize(text);
    const r = coreRange(doc);
    return doc.tokens.slice(r.from, r.to).map((t) => t.t);
  };

  it('keeps a trailing handle that the text points at: it is what is said', () => {
    expect(core('@jan.bsky.social ik maak je af @piet 😂')).toEqual(['ik', 'maak', 'je', 'af']);
    expect(core('Lotte uit groep 7 is pas 11, haar snap is @lotte.2014')).toContain('@lotte.2014');
    expect(core('snap van lisa: @lisa.2010')).toContain('@lisa.2010');
    // A text that is nothing but decoration is read as it is.
    expect(core('@jan 😂')).toEqual(['@jan', 'lach']);
  });

  it('reads a hashtag that is an insult or a curse as part of the message', () => {
    expect(core('#kutschool vandaag weer 3 tussenuren')[0]).toBe('kutschool');
    expect(core('vandaag weer een toets #kankerschool')).toContain('kankerschool');
    // A tag that is no insult stays decoration.
    expect(core('#schoolreis vandaag naar de Efteling #genieten')).toEqual(['vandaag', 'naar', 'de', 'efteling']);
    for (const text of ['#kutschool vandaag weer 3 tussenuren en om 5 uur uit', 'vandaag weer 3 tussenuren #kutschool']) {
      expect(classify(text).labels).toContain('offensive');
    }
  });
});

describe('long and hostile inputs', () => {
  // About a megabyte each: read in windows, so every one is done in one pass.
  const MB = 1 << 20;
  const repeat = (s: string) => s.repeat(Math.ceil(MB / s.length));

  it.each([
    ['one emoji repeated', repeat('🔪')],
    ['a threat repeated', repeat('ik sla je ')],
    ['one letter, one word', repeat('a')],
    ['digits without end', repeat('0612345678')],
    ['postcodes and numbers', repeat('4254 XC 5, ')],
    ['handles and hashtags', repeat('@a #b ')],
    ['spaced letters', repeat('k a n k e r ')],
  ])('%s', { timeout: 120_000 }, (_name, text) => {
    const v = classify(text);
    for (const l of LABELS) expect(Number.isFinite(v.scores[l])).toBe(true);
    // Evidence is bounded too: windows overlap, but a span is reported once, and only the strongest.
    const keys = v.evidence.map((e) => `${e.label}|${e.kind}|${e.detail}|${e.start}|${e.end}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const l of LABELS) expect(v.evidence.filter((e) => e.label === l && e.kind !== 'model').length).toBeLessThanOrEqual(2 * MAX_EVIDENCE);
  });

  it('judges a long text by its worst part', () => {
    const calm = 'Vandaag hadden we een fijne dag op school met de hele klas. '.repeat(200);
    expect(classify(calm).labels).toEqual([]);
    expect(classify(calm + 'Ik weet waar je woont en morgen sta ik bij je deur, dan ben je er geweest. ' + calm).labels).toContain('threat');
  });
});

describe('whose number it is', () => {
  it("takes an account number in a text that names no organisation for whoever asks for the money, and a club's for the club's", () => {
    expect(classifier.classify('Maak vandaag 200 euro over op NL91ABNA0417164300 of iedereen ziet die foto').labels).toContain('personal_data');
    const club =
      'Contributie voor het nieuwe seizoen van v.v. De Meeuwen graag voor 1 mei op NL91ABNA0417164300. Vragen? penningmeester@vvdemeeuwen.example.nl';
    expect(classifier.classify(club).labels).not.toContain('personal_data');
  });
  it('takes a mobile number with its prefix in brackets for a private person', () => {
    expect(classifier.classify('Heeft iemand nog een jas maat 128 over? (06) 41 27 90 33 graag appen').labels).toContain('personal_data');
  });
});

describe('each person once', () => {
  it('reports a person named twice with a sensitive fact once, at the first mention', () => {
    const text = 'Thijmen Verbruggen uit 6b is geschorst omdat hij vuurwerk afstak. Thijmen mag pas maandag terugkomen, zijn vader is woedend.';
    const out = classifier.classify(text);
    expect(out.labels).toContain('personal_data');
    const names = out.entities.filter((e) => e.type === 'name_with_sensitive');
    expect(names.map((e) => e.value)).toEqual(['Thijmen Verbruggen']);
    expect(names[0]!.start).toBe(0);
  });
  it('reports a given name and the full name the text gives later as one person, by the full name', () => {
    const text = 'Onze Noor (12) zit al weken thuis met een burn-out. Noor Verbeek uit 1B.';
    const names = classifier.classify(text).entities.filter((e) => e.type === 'name_with_sensitive');
    expect(names.map((e) => e.value)).toEqual(['Noor Verbeek']);
  });
  it('takes "Lina\'s" and "Daans" for Lina and Daan', () => {
    const text = 'Daan zit bij mijn zoon in de klas. Daans vader zit in de gevangenis, dat weet iedereen.';
    const names = classifier.classify(text).entities.filter((e) => e.type === 'name_with_sensitive');
    expect(names.map((e) => e.value)).toEqual(['Daan']);
  });
  it('places a person whose fact comes with a later mention at the first one', () => {
    const text = 'Ons kind heet vanaf nu Sam. Sam is transgender en wil zo genoemd worden.';
    const out = classifier.classify(text);
    expect(out.labels).toContain('personal_data');
    const names = out.entities.filter((e) => e.type === 'name_with_sensitive');
    expect(names.map((e) => [e.value, e.start])).toEqual([['Sam', text.indexOf('Sam')]]);
  });
  it("does not place a person at a chat speaker's label that names them", () => {
    const text = 'Mama Jort: Heeft iemand de rapporten al? Jort heeft eindelijk een voldoende, hij had eerst een 3,8 en moest naar de bijles.';
    const names = classifier.classify(text).entities.filter((e) => e.type === 'name_with_sensitive');
    expect(names.map((e) => [e.value, e.start])).toEqual([['Jort', text.lastIndexOf('Jort')]]);
  });
});
