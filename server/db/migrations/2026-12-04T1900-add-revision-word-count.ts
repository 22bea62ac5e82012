// Knowledge library: the word count of a revision, counted once when it is written instead of on every table of
// contents (the count over a whole publication cost about 15 ms of PGlite's single thread per language, per request).
// NOTE: the same pattern as WORD_PATTERN in server/features/library/text.queries.ts, frozen here as migrations are.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('section_revision').addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update section_revision set word_count = coalesce(regexp_count(body_md, '[^[:space:]]*[[:alnum:]][^[:space:]]*'), 0)`.execute(db);
}
