// The words a directory service is found by, kept in directory_service.search_vector. Every writer (the editing
// desk, the HSDS import, the demo seed) calls refreshSearchVectors after changing services, so all index the same
// words: the name, the plain-language summaries in every language, the organisation's name and the category names.
// NOTE: folding is done with translate() rather than the unaccent extension, which PGlite does not ship; searchers
// type "sanatate" for "sănătate" and "hjelp" for "hjelp", so both sides are folded the same way.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '#server/db/db.ts';
import { CATEGORY_LABELS } from '#shared/directory/taxonomy.ts';

/** code → its names in every language, one string. */
const CATEGORY_WORDS = JSON.stringify(Object.fromEntries(Object.entries(CATEGORY_LABELS).map(([code, l]) => [code, `${l.en} ${l.ro} ${l.nb}`])));

const ACCENTED = 'ăâîșşțţáàäéèëíïóòöőúùüűçñåøæ';
const PLAIN = 'aaissttaaaeeeiioooouuuucnaoa';

/** Folds accents and case of a SQL text expression. */
export function foldSql(text: RawBuilder<unknown> | string): RawBuilder<string> {
  const expr = typeof text === 'string' ? sql`${text}` : text;
  return sql<string>`translate(lower(${expr}), ${ACCENTED}, ${PLAIN})`;
}

/** Folds a search term in JS exactly as foldSql does in SQL. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  for (const ch of lower) {
    const i = ACCENTED.indexOf(ch);
    out += i >= 0 ? PLAIN[i] : ch;
  }
  return out;
}

/**
 * A prefix tsquery over the folded words of `term` (every word must match), or null when nothing searchable is left.
 * Words are reduced to letters and digits so no tsquery syntax can be injected.
 */
export function prefixQuery(term: string): string | null {
  const words = foldText(term)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `${w}:*`).join(' & ');
}

/** Recomputes search_vector for the given services (all when `ids` is undefined), inside the caller's transaction. */
export async function refreshSearchVectors(db: Db, ids?: readonly string[]): Promise<void> {
  if (ids && ids.length === 0) return;
  const only = ids ? sql`and s.id = any(${sql.val([...ids])}::uuid[])` : sql``;
  await sql`
    update directory_service s set search_vector = to_tsvector('simple', ${foldSql(sql`
      s.name || ' ' || o.name || ' ' || coalesce(o.alternate_name, '') || ' ' ||
      coalesce((select string_agg(value, ' ') from jsonb_each_text(s.summaries)), '') || ' ' ||
      coalesce((select string_agg(${CATEGORY_WORDS}::jsonb ->> c, ' ') from jsonb_array_elements_text(s.categories) c), '')`)})
    from directory_organization o
    where o.id = s.directory_organization_id ${only}
  `.execute(db);
}
