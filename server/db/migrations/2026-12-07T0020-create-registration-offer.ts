// Waiting-list offers (issue 11): when a place frees up, the next person on the list gets a single-use offer that holds
// the place until it is accepted, declined or expires. And attachments on outgoing e-mails (the iCalendar invitation).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registration_offer')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('registration_id', 'uuid', (c) => c.notNull().references('registration.id').onDelete('cascade'))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('event.id').onDelete('cascade'))
    // the secret of the offer's link: only its SHA-256 is kept; accepting is one guarded UPDATE on status = 'open'
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('offered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open')) // open | accepted | declined | expired | withdrawn
    .addColumn('answered_at', 'timestamptz')
    .execute();
  // NOTE: at most one open offer per registration, so a race between the expiry sweep and a cancellation never
  // offers the same person twice.
  await sql`create unique index registration_offer_open_idx on registration_offer (registration_id) where status = 'open'`.execute(db);
  await sql`create index registration_offer_expiry_idx on registration_offer (expires_at) where status = 'open'`.execute(db);

  // [{ filename, contentType, content }]: content is base64 when encoding = 'base64', else text
  await db.schema.alterTable('outbox_email').addColumn('attachments', 'jsonb').execute();
}
