// The help contacts a publication PDF prints at its end: published ones, in the PDF's language, the country of that
// language first; and a fingerprint so a cached PDF is made again when a contact changes.
import { createHash } from 'node:crypto';
import type { Db } from '#server/db/db.ts';
import type { HelpCountry } from '#shared/help/help-contact.schema.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { listPublishedContacts } from './help.queries.ts';

export interface PrintedHelpContact {
  country: HelpCountry;
  kind: 'emergency' | 'helpline';
  name: string;
  purpose: string;
  number: string;
  hours: string;
  languages: string[];
  sourceUrl: string;
  verifiedOn: string;
}

/** Which country's contacts come first for a reader of each language (English: as the platform lists them). */
export const COUNTRY_ORDER: Record<LibraryLanguage, HelpCountry[]> = { ro: ['RO', 'NO'], nb: ['NO', 'RO'], en: ['RO', 'NO'] };

export async function helpContactsForPdf(db: Db, lang: LibraryLanguage): Promise<{ contacts: PrintedHelpContact[]; fingerprint: string }> {
  const rows = await listPublishedContacts(db, {});
  const order = COUNTRY_ORDER[lang];
  const sorted = [...rows].sort((a, b) => order.indexOf(a.country as HelpCountry) - order.indexOf(b.country as HelpCountry));
  const contacts = sorted.map((r) => ({
    country: r.country as HelpCountry,
    kind: r.kind as PrintedHelpContact['kind'],
    name: r.names[lang] || r.names.en || r.key,
    purpose: r.purposes[lang] || r.purposes.en || '',
    number: r.number,
    hours: r.hours,
    languages: r.languages,
    sourceUrl: r.sourceUrl,
    verifiedOn: r.verifiedOn,
  }));
  const fingerprint = createHash('sha256').update(JSON.stringify(sorted.map((r) => [r.id, r.version]))).digest('hex');
  return { contacts, fingerprint };
}
