// The domain thesaurus of library search (content/search/thesaurus.json): groups of synonyms per language, read once
// and applied at query time, so "minor" also finds "child" and "tolk" also finds "oversetter".
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LIBRARY_LANGUAGES } from '#shared/lib/languages.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';

const THESAURUS_FILE = new URL('../../../content/search/thesaurus.json', import.meta.url);

const Groups = z.array(z.array(z.string().min(1).max(80)).min(2));
const ThesaurusFileSchema = z.object({ en: Groups, ro: Groups, nb: Groups });

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

let loaded: Thesaurus | null = null;

/** The thesaurus of content/search/thesaurus.json, read on first use (a few KB). */
export function thesaurus(): Thesaurus {
  loaded ??= buildThesaurus(JSON.parse(readFileSync(THESAURUS_FILE, 'utf8')));
  return loaded;
}

/**
 * The synonyms of one typed word in a language (without the word itself); empty when it is in no group. NOTE: a
 * phrase holding the word or one of the single-word synonyms ("human trafficking" beside "trafficking") finds nothing
 * more and made every search of the word slower (phrases are checked against positions), so it is left out.
 */
export function synonymsOf(language: string, word: string): string[] {
  const all = thesaurus()[language as LibraryLanguage]?.get(foldWord(word)) ?? [];
  const single = new Set([foldWord(word), ...all.filter((s) => !/\s/.test(s)).map(foldWord)]);
  return all.filter((s) => !/\s/.test(s) || !s.split(/\s+/).some((w) => single.has(foldWord(w))));
}
