// Spelling correction of query words: the most similar word of the language's vocabulary (search_word), looked up once
// per word and kept in memory (search-memo.ts).
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';
import { remembered } from './search-memo.ts';

/** Each word replaced by the most similar word of the vocabulary (trigram similarity ≥ 0.3; a correct word is its own). */
export async function correctedWords(db: Db, language: string, words: string[]): Promise<string[]> {
  const keys = words.map((w) => JSON.stringify(['spelling', language, w]));
  return remembered(db, keys, (missing) => closestWords(db, language, missing.map((i) => words[i]!)));
}

async function closestWords(db: Db, language: string, words: string[]): Promise<string[]> {
  // NOTE: similarity() cannot use the trigram index (the `%` operator that could is avoided, see docs/decisions/003)
  // and costs ~2.5 µs a word on PGlite; comparing only words with the same first letter (a range of the primary key)
  // cuts the scan about twentyfold. Typos in the first letter are therefore not corrected.
  // NOTE: words of one to three letters ("do", "cu", "på") are mostly stop words missing from the vocabulary; they
  // were "corrected" into other words ("don", "cui"), so they are kept as typed.
  const closest = sql<string>`case when char_length(t.w) < 4 then t.w else coalesce((select sw.word from search_word sw
      where sw.language = ${language}
        and sw.word >= left(t.w, 1) and sw.word < chr(ascii(t.w) + 1) and left(sw.word, 1) = left(t.w, 1)
        and similarity(sw.word, t.w) >= 0.3
      order by similarity(sw.word, t.w) desc, sw.word limit 1), t.w) end`;
  const { rows } = await sql<{ fixed: string }>`select ${closest} as fixed
    from unnest(${words}::text[]) with ordinality as t(w, n) order by t.n`.execute(db);
  return rows.map((r) => r.fixed);
}
