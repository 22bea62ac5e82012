// Referrals between organisations: the consent ledger they rely on, the referral (a FHIR Task's state), its
// versioned package (the minimum dataset the receiver sees), its history, each organisation's answer times, and
// per-organisation API tokens for systems that read and update referrals over FHIR.
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consent')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id')) // who recorded it
    .addColumn('subject_code', 'text', (c) => c.notNull()) // the person's pseudonymous code, never a name
    // the one receiver it names: a platform organisation, or a directory organisation outside the platform
    .addColumn('receiver_organisation_id', 'uuid', (c) => c.references('organisation.id'))
    .addColumn('receiver_directory_organization_id', 'uuid', (c) => c.references('directory_organization.id'))
    .addColumn('purposes', 'jsonb', (c) => c.notNull()) // purpose codes
    .addColumn('decision', 'text', (c) => c.notNull()) // given | refused
    .addColumn('covers_identity', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('language', 'text', (c) => c.notNull()) // the language it was explained in (ISO 639-1)
    .addColumn('with_interpreter', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('recorded_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawn_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('consent_one_receiver', sql`(receiver_organisation_id is null) <> (receiver_directory_organization_id is null)`)
    .execute();
  await db.schema.createIndex('consent_organisation_idx').on('consent').columns(['organisation_id', 'recorded_at']).execute();

  await db.schema
    .createTable('referral')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('reference', 'text', (c) => c.notNull().unique()) // short, human, says nothing about the person
    .addColumn('sender_organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('sender_account_id', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('service_id', 'uuid', (c) => c.notNull().references('directory_service.id'))
    // null when the service is outside the platform: the sender then keeps its status
    .addColumn('receiver_organisation_id', 'uuid', (c) => c.references('organisation.id'))
    .addColumn('consent_id', 'uuid', (c) => c.references('consent.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft')) // FHIR task-status code
    .addColumn('status_reason', 'text')
    .addColumn('outcome', 'text') // got_help | not_contacted | not_eligible | no_capacity | declined | referred_elsewhere
    .addColumn('urgency', 'text', (c) => c.notNull().defaultTo('routine')) // routine | urgent
    .addColumn('package_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('due_at', 'timestamptz') // the receiver answers by then
    .addColumn('reminded_at', 'timestamptz')
    .addColumn('escalated_at', 'timestamptz')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('case_id', 'uuid') // the receiver's case it opened (issue 10 adds the table and the key)
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('referral_sender_idx').on('referral').columns(['sender_organisation_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('referral_receiver_idx').on('referral').columns(['receiver_organisation_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('referral_updated_idx').on('referral').columns(['receiver_organisation_id', 'updated_at']).execute();
  await db.schema.createIndex('referral_consent_idx').on('referral').column('consent_id').execute();

  await db.schema
    .createTable('referral_package')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('referral_id', 'uuid', (c) => c.notNull().references('referral.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('consent_id', 'uuid', (c) => c.references('consent.id'))
    .addColumn('subject_code', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull()) // under-18 bands and adult bands, never a birth date
    .addColumn('sex', 'text') // female | male | other | unknown
    .addColumn('languages', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('needs', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`)) // taxonomy term codes
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('safe_contact', 'text') // encrypted (keyring): how and when the person may be reached
    .addColumn('note', 'text') // encrypted
    .addColumn('identity', 'text') // encrypted JSON, only where the consent covers identity
    .addColumn('created_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('referral_package_version', ['referral_id', 'version'])
    .execute();

  await db.schema
    .createTable('referral_event')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('referral_id', 'uuid', (c) => c.notNull().references('referral.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('side', 'text', (c) => c.notNull()) // sender | receiver | system
    .addColumn('kind', 'text', (c) => c.notNull()) // status | package | reminder | escalation | consent-withdrawn
    .addColumn('actor_account_id', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('api_token_id', 'uuid')
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('reason', 'text')
    .addColumn('outcome', 'text')
    .execute();
  await db.schema.createIndex('referral_event_referral_idx').on('referral_event').columns(['referral_id', 'at']).execute();

  await db.schema
    .createTable('referral_setting')
    .addColumn('organisation_id', 'uuid', (c) => c.primaryKey().references('organisation.id'))
    .addColumn('routine_hours', 'integer', (c) => c.notNull().defaultTo(48))
    .addColumn('urgent_hours', 'integer', (c) => c.notNull().defaultTo(4))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique()) // SHA-256 of the token; the token is shown once
    .addColumn('scopes', 'jsonb', (c) => c.notNull()) // referrals:read | referrals:write
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('api_token_organisation_idx').on('api_token').column('organisation_id').execute();
}
