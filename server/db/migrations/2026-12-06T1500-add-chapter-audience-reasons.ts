// Knowledge library: why a chapter is for professionals only, per language (issue 8: keep professionals-only only
// what would help an exploiter, with the reason recorded per chapter). Empty for public chapters.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('chapter').addColumn('audience_reasons', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)).execute();
}
