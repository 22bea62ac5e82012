// Knowledge library: an image becomes public when a published text of its own publication first uses it; until then
// only the publication's editors and reviewers can load it (drafts must not leak through a guessed or shared link).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('library_image').addColumn('published_at', 'timestamptz').execute();
  // NOTE: images already used by a published text of their publication stay public, as they were.
  await sql`update library_image i set published_at = now()
    where exists (
      select 1 from section_text t
      join section_revision r on r.id = t.published_revision_id
      join section s on s.id = r.section_id
      join chapter c on c.id = s.chapter_id
      where c.publication_id = i.publication_id and strpos(r.body_md, '/api/library/images/' || i.id::text) > 0
    )`.execute(db);
}
