// The search thesaurus as editors keep it in the desk: groups of synonyms per language, each term finding the others.
//   GET    /api/library/thesaurus?lang=                       → SynonymGroupList         editor | reviewer | platform admin
//   POST   /api/library/thesaurus       SynonymGroupCreate    → SynonymGroup (201)       400 + fields.terms when a term is in another group
//   PUT    /api/library/thesaurus/:id   SynonymGroupUpdate    → SynonymGroup             409 + current on a stale version
//   DELETE /api/library/thesaurus/:id?version=                → 204                      409 + current on a stale version
import { z } from 'zod';
import { INT4_MAX, Version, line, queryInt } from '../lib/input.ts';
import { LibraryLanguageSchema } from '../library/library.schema.ts';

export const SYNONYM_TERM_MAX = 60;
export const SYNONYM_TERMS_MAX = 20;

// NOTE: at least two terms: a group of one finds nothing more than the word itself.
const Terms = z
  .array(line(SYNONYM_TERM_MAX).min(1, 'Write a word or a phrase'))
  .min(2, 'Write at least two terms')
  .max(SYNONYM_TERMS_MAX, `Write at most ${SYNONYM_TERMS_MAX} terms`);

export const SynonymGroupCreateSchema = z.object({ language: LibraryLanguageSchema, terms: Terms });
export type SynonymGroupCreate = z.infer<typeof SynonymGroupCreateSchema>;

export const SynonymGroupUpdateSchema = z.object({ terms: Terms, version: Version });
export type SynonymGroupUpdate = z.infer<typeof SynonymGroupUpdateSchema>;

export const SynonymGroupParamsSchema = z.object({ id: z.uuid() });
export const SynonymGroupDeleteQuerySchema = z.object({ version: queryInt(1, INT4_MAX) });
export const ThesaurusQuerySchema = z.object({ lang: LibraryLanguageSchema.default('en') });

export const SynonymGroupSchema = z.object({ id: z.uuid(), language: LibraryLanguageSchema, terms: z.array(z.string()), version: z.number() });
export type SynonymGroup = z.infer<typeof SynonymGroupSchema>;

export const SynonymGroupListSchema = z.object({ language: LibraryLanguageSchema, groups: z.array(SynonymGroupSchema) });
export type SynonymGroupList = z.infer<typeof SynonymGroupListSchema>;
