// Knowledge library: the note a reviewer leaves when returning a text to draft ("what should change").
// NOTE: kept on section_text, not on the immutable revision and not in the audit trail (free text may hold names).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('section_text')
    .addColumn('review_note', 'text')
    .addColumn('review_note_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('review_note_at', 'timestamptz')
    .execute();
}
