// Event evaluations (issue 11): the anonymous answers to the post-event evaluation and the follow-up survey, who has
// answered (kept apart, with no link to the answers), and which invitations were sent (one per registration and kind).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // NOTE: anonymous by construction: no registration, account or time of day here, only the day; the answered marker
  // below says who has answered, and nothing joins the two (decision 014).
  await db.schema
    .createTable('event_evaluation_response')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('event.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // evaluation | follow_up
    .addColumn('language', 'text', (c) => c.notNull()) // the language the form was answered in (comments are in it)
    .addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)) // item key → value
    .addColumn('comments', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)) // comment key → text
    .addColumn('submitted_on', 'date', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_evaluation_response_event_idx').on('event_evaluation_response').columns(['event_id', 'kind']).execute();

  // Who has answered: one row per registration and kind, so a second answer is refused by the primary key.
  await db.schema
    .createTable('event_evaluation_answered')
    .addColumn('registration_id', 'uuid', (c) => c.notNull().references('registration.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_evaluation_answered_pk', ['registration_id', 'kind'])
    .execute();

  // Invitations sent by the event_evaluation_invitations job: once per registration and kind. The e-mailed link
  // carries its own random token (only its SHA-256 is kept), good for answering and nothing else.
  await db.schema
    .createTable('event_evaluation_invitation')
    .addColumn('registration_id', 'uuid', (c) => c.notNull().references('registration.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_evaluation_invitation_pk', ['registration_id', 'kind'])
    .execute();
}
