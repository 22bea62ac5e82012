// The domain thesaurus of library search: groups of synonyms per language that editors keep in the desk (table
// search_synonym_group, seeded from content/search/thesaurus.json), applied at query time, so "minor" also finds
// "child" and "tolk" also finds "oversetter". Read from the database once per database and kept in memory.
import { z } from 'zod';
import type { Db } from '#server/db/db.ts';
import { LIBRARY_LANGUAGES } from '#shared/lib/languages.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { forgetTermQueries } from './search-terms.ts';
import { listAllGroups } from './thesaurus.queries.ts';

const Groups = z.array(z.array(z.string().min(1).max(80)).min(2));
export const ThesaurusFileSchema = z.object({ en: Groups, ro: Groups, nb: Groups });
export type ThesaurusFile = z.infer<typeof ThesaurusFileSchema>;

/** Per language: a folded single word → the other entries of its groups (words or phrases), as written. */
export type Thesaurus = Record<LibraryLanguage, Map<string, string[]>>;

/** Lower case without diacritics (ș/ş and ț/ţ alike), for comparing what was typed with thesaurus entries. */
export function foldWord(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

export function buildThesaurus(file: unknown): Thesaurus {
  const parsed = ThesaurusFileSchema.parse(file);
  const result = {} as Thesaurus;
  for (const lang of LIBRARY_LANGUAGES) {
    const map = new Map<string, string[]>();
    for (const group of parsed[lang]) {
      const entries = group.map((e) => e.toLowerCase().trim());
      for (const entry of entries) {
        if (/\s/.test(entry)) continue; // NOTE: a phrase is added to the expansion of single words, never looked up.
        const others = entries.filter((e) => e !== entry);
        map.set(foldWord(entry), [...new Set([...(map.get(foldWord(entry)) ?? []), ...others])]);
      }
    }
    result[lang] = map;
  }
  return result;
}

/**
 * NOTE: another process changing the groups of the same PostgreSQL database is seen within TTL_MS; changes through
 * this process's desk are seen at once (forgetThesaurus).
 */
const TTL_MS = 60_000;
const loaded = new WeakMap<Db, { generation: number; until: number; thesaurus: Promise<Thesaurus> }>();
let generation = 0;

/** Called after every change of the synonym groups (desk, content import). */
export function forgetThesaurus(): void {
  generation++;
  forgetTermQueries();
}

async function load(db: Db): Promise<Thesaurus> {
  const file: ThesaurusFile = { en: [], ro: [], nb: [] };
  for (const group of await listAllGroups(db)) {
    if (group.terms.length >= 2 && group.language in file) file[group.language as LibraryLanguage].push(group.terms);
  }
  return buildThesaurus(file);
}

/** The thesaurus of the database, from memory when read since the last change (a few KB). */
export function thesaurusOf(db: Db): Promise<Thesaurus> {
  const now = performance.now();
  const kept = loaded.get(db);
  if (kept && kept.generation === generation && kept.until > now) return kept.thesaurus;
  const thesaurus = load(db);
  loaded.set(db, { generation, until: now + TTL_MS, thesaurus });
  thesaurus.catch(() => loaded.delete(db)); // NOTE: a failed read is not kept: the next search tries again.
  return thesaurus;
}

/**
 * The synonyms of one typed word in a language (without the word itself); empty when it is in no group. NOTE: a
 * phrase holding the word or one of the single-word synonyms ("human trafficking" beside "trafficking") finds nothing
 * more and made every search of the word slower (phrases are checked against positions), so it is left out.
 */
export function synonymsOf(thesaurus: Thesaurus, language: string, word: string): string[] {
  const all = thesaurus[language as LibraryLanguage]?.get(foldWord(word)) ?? [];
  const single = new Set([foldWord(word), ...all.filter((s) => !/\s/.test(s)).map(foldWord)]);
  return all.filter((s) => !/\s/.test(s) || !s.split(/\s+/).some((w) => single.has(foldWord(w))));
}
