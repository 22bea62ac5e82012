// Certificates (issue 11): attendance and course certificates, each an Open Badges 3.0 credential signed with the
// platform's issuer key (eddsa-rdfc-2022), revocable through one Bitstring Status List; and the issuer keys, whose
// secret halves are sealed with the data keyring.
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('issuer_key')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('key_id', 'text', (c) => c.notNull().unique()) // the fragment of the verification method: key-1, key-2 …
    .addColumn('public_key_multibase', 'text', (c) => c.notNull())
    .addColumn('secret_sealed', 'text', (c) => c.notNull()) // secretKeyMultibase, encrypted with the keyring
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();
  // NOTE: one key signs at a time; older keys stay published so the credentials they signed still verify.
  await sql`create unique index issuer_key_one_active_idx on issuer_key (active) where active`.execute(db);

  // Positions in the status list are handed out by a sequence: atomic without holding a lock while signing.
  await sql`create sequence certificate_status_index_seq minvalue 0 start 0`.execute(db);

  await db.schema
    .createTable('certificate')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('attendance', 'course')`))
    .addColumn('event_id', 'uuid', (c) => c.references('event.id'))
    .addColumn('registration_id', 'uuid', (c) => c.unique().references('registration.id'))
    // the learning tables come from their own migration: plain ids here, checked by the learning contract
    .addColumn('course_id', 'uuid')
    .addColumn('enrolment_id', 'uuid', (c) => c.unique())
    .addColumn('account_id', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('verification_code', 'text', (c) => c.notNull().unique()) // PH-XXXX-XXXX
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('valid_until', 'timestamptz')
    .addColumn('status_list_index', 'integer', (c) => c.notNull().unique())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_reason', 'text')
    .addColumn('revoked_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('credential', 'jsonb', (c) => c.notNull()) // the signed credential, exactly as issued
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('certificate_subject', sql`(kind = 'attendance' and registration_id is not null and event_id is not null) or (kind = 'course' and enrolment_id is not null and course_id is not null)`)
    .execute();
  await db.schema.createIndex('certificate_event_idx').on('certificate').columns(['event_id', 'issued_at']).execute();
  await db.schema.createIndex('certificate_account_idx').on('certificate').columns(['account_id', 'issued_at']).execute();
  await sql`create index certificate_revoked_idx on certificate (revoked_at) where revoked_at is not null`.execute(db);
}
