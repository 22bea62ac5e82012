// Service directory desk: who submitted a service and who reviewed it (four eyes: never the same person), a version
// on locations so two people editing one place cannot overwrite each other, and indexes for the review queue and the
// public search's default order.
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
  // NOTE: the public search's default order (accepting referrals now, then name) over approved services, so a page
  // without words is read in index order instead of sorting every service.
  // NOTE: the organisation id rides along so a country filter pages through the index alone (no table reads).
  await sql`create index directory_service_listing_idx on directory_service (accepting_referrals desc, name, id) include (directory_organization_id) where review_status = 'approved'`.execute(db);
}
