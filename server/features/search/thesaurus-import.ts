// Imports the seed of the search thesaurus (content/search/thesaurus.json) with the library content: a language's
// groups only while the database has none for it, so what editors changed in the desk is never overwritten.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { LIBRARY_LANGUAGES } from '#shared/lib/languages.ts';
import { ThesaurusFileSchema } from './search-thesaurus.ts';
import { countGroups, insertGroup } from './thesaurus.queries.ts';

export const THESAURUS_SEED_FILE = path.join('search', 'thesaurus.json');

/** Adds the seed's groups of each language that has none yet; the number of groups added (0 without a seed file). */
export async function importThesaurus(ctx: Ctx, trx: Transaction<Database>, dir: string): Promise<number> {
  const raw = await readFile(path.join(dir, THESAURUS_SEED_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (raw === null) return 0;
  const seed = ThesaurusFileSchema.safeParse(JSON.parse(raw));
  if (!seed.success) throw new Error(`${THESAURUS_SEED_FILE}: ${seed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const languages: string[] = [];
  let total = 0;
  for (const language of LIBRARY_LANGUAGES) {
    if ((await countGroups(trx, language)) > 0) continue;
    for (const group of seed.data[language]) {
      const terms = [...new Set(group.map((term) => term.toLowerCase().trim()))];
      await insertGroup(trx, { language, terms, updatedBy: null, at: ctx.now });
    }
    if (seed.data[language].length > 0) languages.push(language);
    total += seed.data[language].length;
  }
  if (total > 0) await recordAudit(ctx, trx, { action: 'thesaurus.imported', entityType: 'search_synonym_group', details: { groups: total, languages } });
  return total;
}
