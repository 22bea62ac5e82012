// Knowledge library: publications → chapters → sections; per-language texts with immutable revisions,
// a review workflow, full-text search rows, reader reports, anonymous usage counts, images and cached PDFs.
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;
const uuidPk = (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);
  // NOTE: unaccent() is only STABLE; search text is folded with this IMMUTABLE wrapper so it can be indexed.
  await sql`create function ph_unaccent(text) returns text language sql immutable parallel safe strict
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$`.execute(db);
  await createStructure(db);
  await createTexts(db);
  await createSearch(db);
  await createReaderSide(db);
}

async function createStructure(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('publication')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('source_language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('titles', 'jsonb', (c) => c.notNull()) // { en, ro, nb }
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('chapter')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('publication_id', 'uuid', (c) => c.notNull().references('publication.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo('public')) // public | professionals
    .addColumn('titles', 'jsonb', (c) => c.notNull()) // published chapter title per language
    .addColumn('summaries', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('chapter_publication_slug_key', ['publication_id', 'slug'])
    .execute();
  await db.schema
    .createTable('section')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('chapter_id', 'uuid', (c) => c.notNull().references('chapter.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('section_chapter_slug_key', ['chapter_id', 'slug'])
    .execute();
}

async function createTexts(db: Kysely<any>): Promise<void> {
  // Every save is an immutable revision; a translation records the source-language revision it was made from.
  await db.schema
    .createTable('section_revision')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('section_id', 'uuid', (c) => c.notNull().references('section.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('author_account_id', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('source_revision_id', 'uuid', (c) => c.references('section_revision.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('section_revision_number_key', ['section_id', 'language', 'number'])
    .execute();
  // The workflow state of one section in one language: draft → in_review → published.
  await db.schema
    .createTable('section_text')
    .addColumn('section_id', 'uuid', (c) => c.notNull().references('section.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // draft | in_review | published
    .addColumn('current_revision_id', 'uuid', (c) => c.notNull().references('section_revision.id'))
    .addColumn('published_revision_id', 'uuid', (c) => c.references('section_revision.id'))
    .addColumn('submitted_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('published_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('published_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('section_text_pkey', ['section_id', 'language'])
    .execute();
}

async function createSearch(db: Kysely<any>): Promise<void> {
  // One row per published section text: weighted tsvector (title A, headings B, body C) and folded plain text.
  await db.schema
    .createTable('section_search')
    .addColumn('section_id', 'uuid', (c) => c.notNull().references('section.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('revision_id', 'uuid', (c) => c.notNull().references('section_revision.id'))
    .addColumn('publication_id', 'uuid', (c) => c.notNull().references('publication.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('plain_text', 'text', (c) => c.notNull())
    .addColumn('document', sql`tsvector`, (c) => c.notNull())
    .addPrimaryKeyConstraint('section_search_pkey', ['section_id', 'language'])
    .execute();
  await sql`create index section_search_document_idx on section_search using gin (document)`.execute(db);
  await sql`create index section_search_title_trgm_idx on section_search using gin (ph_unaccent(lower(title)) gin_trgm_ops)`.execute(db);
  // Distinct words per language, for typo tolerance when full-text search finds little.
  await db.schema
    .createTable('search_word')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('word', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_word_pkey', ['language', 'word'])
    .execute();
  await sql`create index search_word_trgm_idx on search_word using gin (word gin_trgm_ops)`.execute(db);
}

async function createReaderSide(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('library_report')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('section_id', 'uuid', (c) => c.notNull().references('section.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // wrong | outdated | unclear | missing
    .addColumn('comment', 'text')
    .addColumn('reporter_account_id', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open')) // open | closed
    .addColumn('resolution', 'text') // revised | declined
    .addColumn('resolution_note', 'text')
    .addColumn('resolved_revision_id', 'uuid', (c) => c.references('section_revision.id'))
    .addColumn('closed_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('library_report_status_idx').on('library_report').columns(['status', 'created_at']).execute();
  // Anonymous daily counters: no account, no address, only the reader organisation's country when signed in.
  await db.schema
    .createTable('library_usage')
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('publication_id', 'uuid', (c) => c.notNull().references('publication.id').onDelete('cascade'))
    .addColumn('chapter_slug', 'text', (c) => c.notNull()) // '' for the whole publication (PDF downloads)
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // view | download
    .addColumn('country', 'text', (c) => c.notNull().defaultTo('')) // '' = anonymous reader
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('library_usage_pkey', ['day', 'publication_id', 'chapter_slug', 'language', 'kind', 'country'])
    .execute();
  await db.schema
    .createTable('library_image')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('publication_id', 'uuid', (c) => c.notNull().references('publication.id').onDelete('cascade'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('alt_texts', 'jsonb', (c) => c.notNull()) // { en, ro, nb }: alt text is required
    .addColumn('uploaded_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createTable('publication_pdf')
    .addColumn('publication_id', 'uuid', (c) => c.notNull().references('publication.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull()) // hash of the published revision ids it was made from
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('publication_pdf_pkey', ['publication_id', 'language'])
    .execute();
}
