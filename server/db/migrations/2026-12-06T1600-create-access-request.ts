// Requests for an account from professionals without one, and the organisations that list themselves for them.
// NOTE: name and email are sealed with the keyring (the requester is not a user yet and may never become one); the
// SHA-256 of the lowercased email finds duplicates without decrypting.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('access_request')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name_sealed', 'text', (c) => c.notNull())
    .addColumn('email_sealed', 'text', (c) => c.notNull())
    .addColumn('email_hash', 'text', (c) => c.notNull())
    .addColumn('profession', 'text', (c) => c.notNull())
    .addColumn('profession_other', 'text')
    .addColumn('institution', 'text', (c) => c.notNull())
    .addColumn('country', 'char(2)', (c) => c.notNull())
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisation.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'approved', 'declined')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('handled_at', 'timestamptz')
    .addColumn('handled_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // NOTE: one pending request per email and organisation ("I don't know" counts as one organisation), enforced by the
  // database so that two parallel submissions cannot both insert.
  await sql`create unique index access_request_pending_once on access_request
    (email_hash, coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid)) where status = 'pending'`.execute(db);
  await db.schema.createIndex('access_request_organisation_idx').on('access_request').columns(['organisation_id', 'created_at']).execute();
  await db.schema
    .createTable('access_request_listing')
    .addColumn('organisation_id', 'uuid', (c) => c.primaryKey().references('organisation.id').onDelete('cascade'))
    .addColumn('listed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}
