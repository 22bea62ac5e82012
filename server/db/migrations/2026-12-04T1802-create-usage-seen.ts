// Knowledge library: which reader was counted for which chapter lately, so one client counts at most one view (or
// download) per chapter and language in a window. The key is an HMAC of address and chapter: no address in clear.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('library_usage_seen')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('library_usage_seen_expires_idx').on('library_usage_seen').column('expires_at').execute();
}
