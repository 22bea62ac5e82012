// Check-in scans (issue 11): every scan an organiser's phone sends, online or synced later from its offline queue.
// The idempotency key is unique, so a retried sync returns the first answer instead of deciding again.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('check_in_scan')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('event.id').onDelete('cascade'))
    // null when the code named no registration of any event (forged, malformed, unknown short code)
    .addColumn('registration_id', 'uuid', (c) => c.references('registration.id').onDelete('set null'))
    .addColumn('idempotency_key', 'uuid', (c) => c.notNull().unique()) // made by the phone, once per scan
    .addColumn('device_id', 'text', (c) => c.notNull()) // the phone's own random id, to tell two phones apart
    .addColumn('method', 'text', (c) => c.notNull()) // scan | manual | offline_scan
    .addColumn('scanned_at', 'timestamptz', (c) => c.notNull()) // the phone's clock when scanned
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // ok | already_used | cancelled | not_confirmed | unknown | other_event | invalid_code
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('account_id', 'uuid', (c) => c.references('account.id').onDelete('set null')) // the organiser
    .execute();
  await db.schema.createIndex('check_in_scan_event_idx').on('check_in_scan').columns(['event_id', 'received_at']).execute();
  await db.schema.createIndex('check_in_scan_registration_idx').on('check_in_scan').column('registration_id').execute();
}
