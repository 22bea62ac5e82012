// The case list's index, covering: the list picks its page of ids by walking an organisation's cases newest change
// first and keeping those the reader may open (case-access.ts visibleToActor). With the status, the owner and the
// code carried in the index, that walk never touches the table (an index-only scan, measured in bench/cases.ts:
// from about 1,850 buffers to about 280 a page at 100,000 cases); only the page's 50 rows are then read.
// It replaces case_file_list_idx, which had the same key columns.
// The duplicate check (case-identity.service.ts duplicatesOf, on every identity read) asks for digests within an
// organisation without naming their kind; the (organisation_id, kind, digest) index then scanned the organisation's
// whole blind index (about 12,000 buffers, 60 ms at 90,000 identities). With (organisation_id, digest): 13 buffers.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index case_file_visible_list_idx on case_file (organisation_id, updated_at, id) include (status, owner_account_id, code)`.execute(db);
  await sql`drop index case_file_list_idx`.execute(db);
  await sql`create index case_identity_index_digest_idx on case_identity_index (organisation_id, digest)`.execute(db);
}
