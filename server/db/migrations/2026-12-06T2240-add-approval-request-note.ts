// A closure waiting for approval keeps its note sealed in a column of its own (not inside the request's JSON), so key
// rotation and the retention purge reach it like every other sealed value.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_approval').addColumn('request_note', 'text').execute(); // sealed
}
