// The service categories: Pro Health's own taxonomy (HSDS applies terms through attributes; SDOH and HSDS have no
// trafficking-specific list). Ids are fixed so that exports, imports and other installations agree on them.
import { z } from 'zod';

export const TAXONOMY = {
  id: '1bf41dd5-7fb4-4005-8477-ec96c7f6af29',
  name: 'Pro Health service categories',
  description: 'Kinds of help a directory service gives to people who may have been trafficked.',
  version: '1',
} as const;

export const SERVICE_CATEGORIES = [
  'medical',
  'sexual-reproductive-health',
  'mental-health',
  'shelter',
  'legal',
  'social',
  'interpretation',
  'child-protection',
  'emergency',
  'repatriation',
] as const;

export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
export const ServiceCategorySchema = z.enum(SERVICE_CATEGORIES);

/** Term ids (HSDS taxonomy_term.id), fixed. */
export const CATEGORY_TERM_IDS: Record<ServiceCategory, string> = {
  medical: '3ff1e3c4-60cc-43d0-87d8-c091e6bb17e0',
  'sexual-reproductive-health': '02621251-7a15-49b2-84ec-3592db6c6afc',
  'mental-health': 'da1d9263-fcc3-4a70-a0fc-8f4c37b183c4',
  shelter: '235bb5a2-2890-4c07-8408-217a8562712d',
  legal: 'e6769670-fbcc-4b1b-9a92-8cdea5eb9d98',
  social: '9807308d-6d03-4786-8e45-7e1fd721741f',
  interpretation: '63e5a1ba-3b38-4a1e-a364-b104e1bf9f35',
  'child-protection': '6a9bfa89-c529-49ea-bd70-5d403c9c350e',
  emergency: '7cc3aa33-a67d-46d4-9bd4-89f021f23054',
  repatriation: '5d79f0d1-e5cf-4422-93fc-607b68ff34a2',
};

/** English names and descriptions for HSDS output; the interface shows each in its own language (directory.json). */
export const CATEGORY_TERMS: Record<ServiceCategory, { name: string; description: string }> = {
  medical: { name: 'Medical care', description: 'Examination, treatment and follow-up by doctors and nurses.' },
  'sexual-reproductive-health': { name: 'Sexual and reproductive health', description: 'Contraception, pregnancy care, testing and treatment of sexually transmitted infections.' },
  'mental-health': { name: 'Mental health', description: 'Psychological counselling, psychotherapy and psychiatric care.' },
  shelter: { name: 'Shelter', description: 'Safe accommodation, short or long term.' },
  legal: { name: 'Legal help', description: 'Advice and representation on rights, residence, compensation and criminal proceedings.' },
  social: { name: 'Social support', description: 'Case work, benefits, documents, education and work.' },
  interpretation: { name: 'Interpretation', description: 'Professional interpreters for care and counselling.' },
  'child-protection': { name: 'Child protection', description: 'Protection and care for people under 18.' },
  emergency: { name: 'Emergency', description: 'Immediate help when someone is in danger.' },
  repatriation: { name: 'Return and repatriation', description: 'Safe, voluntary return to the country of origin and reintegration.' },
};

export function categoryOfTermId(termId: string): ServiceCategory | undefined {
  return SERVICE_CATEGORIES.find((c) => CATEGORY_TERM_IDS[c] === termId);
}

/** Category names per interface language: shown in filters and results, and indexed so any of them finds a service. */
export const CATEGORY_LABELS: Record<ServiceCategory, { en: string; ro: string; nb: string }> = {
  medical: { en: 'Medical care', ro: 'Îngrijiri medicale', nb: 'Medisinsk hjelp' },
  'sexual-reproductive-health': { en: 'Sexual and reproductive health', ro: 'Sănătate sexuală și reproductivă', nb: 'Seksuell og reproduktiv helse' },
  'mental-health': { en: 'Mental health', ro: 'Sănătate mintală', nb: 'Psykisk helse' },
  shelter: { en: 'Shelter', ro: 'Adăpost', nb: 'Botilbud' },
  legal: { en: 'Legal help', ro: 'Asistență juridică', nb: 'Juridisk hjelp' },
  social: { en: 'Social support', ro: 'Asistență socială', nb: 'Sosial støtte' },
  interpretation: { en: 'Interpretation', ro: 'Interpretariat', nb: 'Tolking' },
  'child-protection': { en: 'Child protection', ro: 'Protecția copilului', nb: 'Barnevern' },
  emergency: { en: 'Emergency', ro: 'Urgență', nb: 'Akutthjelp' },
  repatriation: { en: 'Return and repatriation', ro: 'Întoarcere și repatriere', nb: 'Retur og tilbakevending' },
};
