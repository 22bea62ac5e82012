// Service directory desk: who submitted a service and who reviewed it (four eyes: never the same person), and a version
// on locations so two people editing one place cannot overwrite each other.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('directory_service')
    .addColumn('created_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('reviewed_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('reviewed_at', 'timestamptz')
    .execute();
  await db.schema.alterTable('directory_location').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema
    .createIndex('directory_service_review_idx')
    .on('directory_service')
    .columns(['review_status', 'created_at'])
    .where(sql.ref('review_status'), '=', 'pending')
    .execute();
}
