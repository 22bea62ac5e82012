// Knowledge library: the HTML of a revision, rendered once (off the event loop) and stored, so readers are served it
// as stored instead of a Markdown render per request. `html_version` names the renderer that made it.
// NOTE: existing rows stay empty here (a migration cannot run the app's renderer): the reader renders a missing or
// older HTML once, in a worker thread, and stores it (server/features/library/section-html.ts).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('section_revision').addColumn('body_html', 'text').addColumn('html_version', 'integer').execute();
}
