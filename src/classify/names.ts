// Labels and evidence kinds in words, in Dutch and English. Labels read the same everywhere.
// The kinds are for the command line (`uitkijk classify`), whose readers tune rules and see
// rule ids beside them; unknown kinds stay as they are there. What school staff read — alert
// e-mails, the digest, the review page — words every reason in src/alerts/reasons.ts instead,
// never showing a kind or rule id.
import type { Label } from './types.ts';

export type NameLanguage = 'nl' | 'en';

export const LABEL_NAMES: Record<NameLanguage, Record<Label, string>> = {
  nl: { offensive: 'beledigend', threat: 'bedreiging', personal_data: 'persoonsgegevens' },
  en: { offensive: 'offensive', threat: 'threat', personal_data: 'personal data' },
};

export const KIND_NAMES: Record<NameLanguage, Record<string, string>> = {
  nl: {
    lexicon: 'woordenlijst',
    pattern: 'patroon',
    model: 'model (woorden die zwaar wogen)',
    context: 'context',
    wish: 'wens',
    implicit: 'verhulde dreiging',
    stalking: 'stalken',
    sextortion: 'afpersing',
    weapon: 'wapen',
    emoji: 'emoji',
    phone: 'telefoonnummer',
    email: 'e-mailadres',
    iban: 'IBAN',
    bsn: 'BSN',
    address: 'adres',
    postcode: 'postcode',
    date_of_birth: 'geboortedatum',
    licence_plate: 'kenteken',
    name_with_sensitive: 'naam met gevoelige informatie',
  },
  en: {
    lexicon: 'word list',
    pattern: 'pattern',
    model: 'model (words that weighed most)',
    context: 'context',
    wish: 'wish',
    implicit: 'implicit threat',
    stalking: 'stalking',
    sextortion: 'sextortion',
    weapon: 'weapon',
    emoji: 'emoji',
    phone: 'phone number',
    email: 'e-mail address',
    iban: 'IBAN',
    bsn: 'BSN (citizen service number)',
    address: 'address',
    postcode: 'postcode',
    date_of_birth: 'date of birth',
    licence_plate: 'licence plate',
    name_with_sensitive: 'name with sensitive information',
  },
};

export function kindName(kind: string, lang: NameLanguage): string {
  return KIND_NAMES[lang][kind] ?? kind;
}
