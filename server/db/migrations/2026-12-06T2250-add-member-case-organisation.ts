// A team member row knows the case's organisation: a member from another organisation (a consented share) is then
// found from a small partial index, so the case list shows shared cases without joining every membership to its case,
// and "is this membership still shared under a consent in force" needs no join either.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_member').addColumn('case_organisation_id', 'uuid', (c) => c.references('organisation.id')).execute();
  await sql`update case_member m set case_organisation_id = c.organisation_id from case_file c where c.id = m.case_id`.execute(db);
  await db.schema.alterTable('case_member').alterColumn('case_organisation_id', (c) => c.setNotNull()).execute();
  await sql`create index case_member_shared_idx on case_member (account_id, organisation_id, case_id) where organisation_id <> case_organisation_id`.execute(db);
}
