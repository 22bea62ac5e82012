// Help now: the reviewed registry of emergency numbers and helplines per country, owned by an organisation like a
// publication, each entry citing the official source its number was confirmed at and the day it was checked.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('help_contact')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('key', 'text', (c) => c.notNull().unique()) // stable: the seed in content/help-contacts.json matches on it
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('country', 'text', (c) => c.notNull()) // RO | NO
    .addColumn('kind', 'text', (c) => c.notNull()) // emergency | helpline
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('names', 'jsonb', (c) => c.notNull()) // { en, ro, nb }
    .addColumn('purposes', 'jsonb', (c) => c.notNull()) // { en, ro, nb }
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('languages', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`)) // ISO 639-1 codes served
    .addColumn('source_url', 'text', (c) => c.notNull())
    .addColumn('verified_on', 'date', (c) => c.notNull())
    .addColumn('chapters', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`)) // library chapter slugs
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('published')) // published | withdrawn
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('help_contact_status_country_idx').on('help_contact').columns(['status', 'country']).execute();
}
