// Events (issue 11): trainings, roundtables, conferences, webinars and study visits; their texts per language, agenda,
// organising organisations, registrations (single or as a group) and each registration's history. Waiting-list
// offers, check-in scans and evaluations come in their own migrations.
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('event')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id')) // the lead organiser
    .addColumn('type', 'text', (c) => c.notNull()) // training | roundtable | conference | webinar | study_visit
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft')) // draft | published | cancelled
    .addColumn('source_language', 'text', (c) => c.notNull()) // the language the texts are written in first
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Bucharest')) // IANA zone the times are shown in
    .addColumn('attendance_mode', 'text', (c) => c.notNull().defaultTo('in_person')) // in_person | online | hybrid
    .addColumn('venue_name', 'text')
    .addColumn('venue_address', 'text')
    .addColumn('venue_city', 'text')
    .addColumn('country', 'text') // ISO 3166-1 alpha-2 of the venue
    .addColumn('online_url', 'text') // shown only to people with a confirmed registration
    .addColumn('capacity', 'integer', (c) => c.notNull())
    // places held: confirmed + awaiting approval + open waiting-list offers; changed only by one guarded UPDATE
    // (seats_held < capacity), so parallel registrations can never overbook
    .addColumn('seats_held', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('registration_opens_at', 'timestamptz')
    .addColumn('registration_closes_at', 'timestamptz')
    .addColumn('requires_approval', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('waitlist_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('offer_hours', 'integer', (c) => c.notNull().defaultTo(48)) // how long a waiting-list offer is valid
    .addColumn('max_group_size', 'integer', (c) => c.notNull().defaultTo(10))
    // the registration questions asked: [{ key, required }] (keys in shared/events/event-vocabulary.ts)
    .addColumn('questions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('certificate_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('follow_up_months', 'integer') // a follow-up survey this many months after the end; null = none
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0)) // iCalendar SEQUENCE: raised on every change sent out
    .addColumn('created_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('event_seats_within_capacity', sql`seats_held >= 0 and seats_held <= capacity`)
    .addCheckConstraint('event_ends_after_start', sql`ends_at >= starts_at`)
    .execute();
  await db.schema.createIndex('event_listing_idx').on('event').columns(['status', 'starts_at']).execute();
  await db.schema.createIndex('event_organisation_idx').on('event').columns(['organisation_id', 'starts_at']).execute();

  // One row per language, as the library does: a translation records the source text's version it was made from,
  // so it is "out of date" when the source text has moved on.
  await db.schema
    .createTable('event_text')
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo('')) // Markdown
    .addColumn('source_version', 'integer') // translations: the source text's version translated from
    .addColumn('updated_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('event_text_pk', ['event_id', 'language'])
    .execute();

  // Co-organisers: their trainers, coordinators and admins manage the event as the lead's do.
  await db.schema
    .createTable('event_organiser')
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addPrimaryKeyConstraint('event_organiser_pk', ['event_id', 'organisation_id'])
    .execute();
  await db.schema.createIndex('event_organiser_organisation_idx').on('event_organiser').column('organisation_id').execute();

  // The agenda: sessions with titles per language and their speakers (public people: name and affiliation).
  await db.schema
    .createTable('event_session')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('titles', 'jsonb', (c) => c.notNull()) // { ro, en, nb }
    .addColumn('descriptions', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('room', 'text')
    .addColumn('speakers', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`)) // [{ name, affiliation }]
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('event_session_event_idx').on('event_session').columns(['event_id', 'starts_at']).execute();

  // One person books places for several colleagues: the booker is told, each colleague gets their own registration.
  await db.schema
    .createTable('registration_group')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('booker_name', 'text', (c) => c.notNull())
    .addColumn('booker_email', 'text', (c) => c.notNull())
    .addColumn('booker_account_id', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  // A professional's registration. Names and e-mails of professionals (never of survivors) are kept readable so the
  // organiser can run the list; the e-mail is unique per event (registering twice answers with the first one).
  await db.schema
    .createTable('registration')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('account_id', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('group_id', 'uuid', (c) => c.references('registration_group.id').onDelete('set null'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull()) // stored lower-cased
    .addColumn('language', 'text', (c) => c.notNull()) // the language of every e-mail and of the certificate
    .addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)) // question key → answer
    // pending_approval | confirmed | waitlisted | offered | cancelled | rejected
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0)) // waiting list: higher first, then waitlisted_at
    .addColumn('waitlisted_at', 'timestamptz')
    // the secret of the person's own link (view, cancel, QR code, certificate): only its SHA-256 is kept
    .addColumn('manage_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('checked_in_at', 'timestamptz')
    .addColumn('checked_in_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('check_in_method', 'text') // scan | manual | offline_scan
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`create unique index registration_event_email_idx on registration (event_id, email)`.execute(db);
  await db.schema.createIndex('registration_event_status_idx').on('registration').columns(['event_id', 'status']).execute();
  await sql`create index registration_waitlist_idx on registration (event_id, priority desc, waitlisted_at) where status = 'waitlisted'`.execute(db);
  await db.schema.createIndex('registration_account_idx').on('registration').column('account_id').execute();

  // Every change to a registration, in order: registered, waitlisted, offered, offer expired, accepted, priority
  // changed, approved, rejected, cancelled, left the list, checked in. Organisers read it on the participant page.
  await db.schema
    .createTable('registration_history')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('registration_id', 'uuid', (c) => c.notNull().references('registration.id').onDelete('cascade'))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('actor_account_id', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('registration_history_registration_idx').on('registration_history').columns(['registration_id', 'id']).execute();
}
