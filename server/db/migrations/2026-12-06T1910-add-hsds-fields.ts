// HSDS core fields the directory tables lacked, so that an imported HSDS document exports again with its core fields:
// a service's alternate name and eligibility description, a location's description. All optional, all plain text.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('directory_service').addColumn('alternate_name', 'text').execute();
  await db.schema.alterTable('directory_service').addColumn('eligibility_description', 'text').execute();
  await db.schema.alterTable('directory_location').addColumn('description', 'text').execute();
}
