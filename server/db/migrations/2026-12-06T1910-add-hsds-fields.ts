// HSDS core fields the directory tables lacked, so that an imported HSDS document exports again with its core fields:
// a service's alternate name and eligibility description, a location's description. All optional, all plain text.
// And two indexes for the HSDS API: the published services' ids (counted and paged on every list request), and the
// postal code as its postcode filter compares it (spaces removed, upper case).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('directory_service').addColumn('alternate_name', 'text').execute();
  await db.schema.alterTable('directory_service').addColumn('eligibility_description', 'text').execute();
  await db.schema.alterTable('directory_location').addColumn('description', 'text').execute();
  await sql`create index directory_service_approved_idx on directory_service (id) where review_status = 'approved'`.execute(db);
  await sql`create index directory_location_postcode_idx on directory_location (upper(regexp_replace(coalesce(postal_code, ''), '\\s', '', 'g')))`.execute(db);
}
