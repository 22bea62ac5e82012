// Service directory: HSDS 3.0-shaped organisations, locations and services. A directory organisation is kept by one
// platform organisation (which then receives referrals for its services) or, outside the platform, by coordinators.
// Lists without their own identity in HSDS (languages, areas, categories, schedules, documents) are jsonb; the HSDS
// serialiser derives their ids from the owner's id, so an export is stable.
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('directory_organization')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // the platform organisation that keeps this listing and receives its referrals; null = not on the platform
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisation.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('alternate_name', 'text')
    .addColumn('descriptions', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)) // { en?, ro?, nb? }
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('phone', 'text')
    .addColumn('country', 'char(2)', (c) => c.notNull())
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('directory_organization_organisation_idx').on('directory_organization').column('organisation_id').execute();

  await db.schema
    .createTable('directory_location')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('directory_organization_id', 'uuid', (c) => c.notNull().references('directory_organization.id').onDelete('cascade'))
    .addColumn('name', 'text')
    .addColumn('location_type', 'text', (c) => c.notNull().defaultTo('physical')) // physical | postal | virtual
    // shelters and safe houses: address and coordinates are never published or exported (standards.md §1.5)
    .addColumn('is_confidential', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('address1', 'text')
    .addColumn('city', 'text')
    .addColumn('region', 'text') // county code, ISO 3166-2 (RO-CJ, NO-03)
    .addColumn('postal_code', 'text')
    .addColumn('country', 'char(2)', (c) => c.notNull())
    .addColumn('latitude', sql`double precision`)
    .addColumn('longitude', sql`double precision`)
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('directory_location_org_idx').on('directory_location').column('directory_organization_id').execute();

  await db.schema
    .createTable('directory_service')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('directory_organization_id', 'uuid', (c) => c.notNull().references('directory_organization.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull()) // as the provider names it
    .addColumn('summaries', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)) // plain-language text { en?, ro?, nb? }
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active')) // HSDS: active | inactive | defunct | temporarily closed
    .addColumn('review_status', 'text', (c) => c.notNull().defaultTo('pending')) // pending | approved | rejected
    .addColumn('review_note', 'text')
    .addColumn('email', 'text')
    .addColumn('url', 'text')
    .addColumn('phone', 'text') // the front-gate number: the only way in to a confidential place
    .addColumn('categories', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`)) // taxonomy term codes
    .addColumn('languages', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`)) // ISO 639-1 codes spoken
    .addColumn('service_areas', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`)) // ISO 3166-2 region codes
    .addColumn('minimum_age', 'integer')
    .addColumn('maximum_age', 'integer')
    .addColumn('sexes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`)) // female | male | other; [] = anyone
    .addColumn('required_documents', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`)) // document codes; [] = none
    .addColumn('is_free', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('fees_description', 'text')
    .addColumn('schedules', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`)) // [{ byday, opensAt, closesAt }]
    .addColumn('accepting_referrals', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('available_places', 'integer')
    .addColumn('capacity_updated_at', 'timestamptz')
    .addColumn('assured_date', 'date') // HSDS: when its organisation last verified the listing
    .addColumn('assurer_email', 'text')
    .addColumn('search_vector', sql`tsvector`, (c) => c.notNull().defaultTo(sql`''::tsvector`))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now)) // HSDS last_modified
    .addColumn('updated_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('directory_service_org_idx').on('directory_service').column('directory_organization_id').execute();
  await db.schema.createIndex('directory_service_updated_idx').on('directory_service').columns(['updated_at', 'id']).execute();
  await sql`create index directory_service_search_idx on directory_service using gin (search_vector)`.execute(db);
  await sql`create index directory_service_categories_idx on directory_service using gin (categories jsonb_path_ops)`.execute(db);
  await sql`create index directory_service_areas_idx on directory_service using gin (service_areas jsonb_path_ops)`.execute(db);

  await db.schema
    .createTable('directory_service_location')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('service_id', 'uuid', (c) => c.notNull().references('directory_service.id').onDelete('cascade'))
    .addColumn('location_id', 'uuid', (c) => c.notNull().references('directory_location.id').onDelete('cascade'))
    .addColumn('description', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('directory_service_location_pair', ['service_id', 'location_id'])
    .execute();
  await db.schema.createIndex('directory_service_location_location_idx').on('directory_service_location').column('location_id').execute();
}
