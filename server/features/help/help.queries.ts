// Kysely for the help-contact registry: the public list, the editors' list (scoped to an organisation), changes.
import { sql, type Transaction } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';

type Executor = Db | Transaction<Database>;

// NOTE: the day as text straight from SQL: drivers turn a `date` into a local-time Date, which can shift the day.
const verifiedOnText = sql<string>`to_char(help_contact.verified_on, 'YYYY-MM-DD')`.as('verifiedOn');

function selectContacts(db: Executor) {
  return db
    .selectFrom('helpContact')
    .select([
      'helpContact.id',
      'helpContact.key',
      'helpContact.organisationId',
      'helpContact.country',
      'helpContact.kind',
      'helpContact.position',
      'helpContact.names',
      'helpContact.purposes',
      'helpContact.number',
      'helpContact.hours',
      'helpContact.languages',
      'helpContact.sourceUrl',
      verifiedOnText,
      'helpContact.chapters',
      'helpContact.status',
      'helpContact.version',
    ])
    .orderBy('helpContact.country')
    .orderBy(sql`case when help_contact.kind = 'emergency' then 0 else 1 end`)
    .orderBy('helpContact.position')
    .orderBy('helpContact.key');
}
export type ContactRow = Awaited<ReturnType<ReturnType<typeof selectContacts>['executeTakeFirstOrThrow']>>;

export interface PublicFilter {
  country?: string;
  chapter?: string;
}

/** Published contacts of every organisation, optionally of one country or one library chapter. */
export function listPublishedContacts(db: Db, filter: PublicFilter): Promise<ContactRow[]> {
  let q = selectContacts(db).where('helpContact.status', '=', 'published');
  if (filter.country) q = q.where('helpContact.country', '=', filter.country);
  if (filter.chapter) q = q.where(sql<boolean>`help_contact.chapters @> ${JSON.stringify([filter.chapter])}::jsonb`);
  return q.execute();
}

/** Every contact of `organisationId` (null: of every organisation), withdrawn ones too. */
export function listOrganisationContacts(db: Executor, organisationId: string | null): Promise<ContactRow[]> {
  let q = selectContacts(db);
  if (organisationId) q = q.where('helpContact.organisationId', '=', organisationId);
  return q.execute();
}

export function findContact(db: Executor, id: string, organisationId: string | null): Promise<ContactRow | undefined> {
  let q = selectContacts(db).where('helpContact.id', '=', id);
  if (organisationId) q = q.where('helpContact.organisationId', '=', organisationId);
  return q.executeTakeFirst();
}

/** Published contacts whose last check is on or before `cutoff` (YYYY-MM-DD), of one organisation or all. */
export async function countDueContacts(db: Db, organisationId: string | null, cutoff: string): Promise<number> {
  let q = db
    .selectFrom('helpContact')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('status', '=', 'published')
    .where(sql<boolean>`help_contact.verified_on <= ${cutoff}::date`);
  if (organisationId) q = q.where('organisationId', '=', organisationId);
  return Number((await q.executeTakeFirstOrThrow()).count);
}

export interface ContactValues {
  country: string;
  kind: string;
  position: number;
  names: Record<string, string>;
  purposes: Record<string, string>;
  number: string;
  hours: string;
  languages: string[];
  sourceUrl: string;
  verifiedOn: string;
  chapters: string[];
}

function columns(v: ContactValues) {
  return { ...v, names: JSON.stringify(v.names), purposes: JSON.stringify(v.purposes), languages: JSON.stringify(v.languages), chapters: JSON.stringify(v.chapters) };
}

/** Inserts a contact; null when the key is taken (by any organisation). */
export async function insertContact(trx: Transaction<Database>, row: ContactValues & { key: string; organisationId: string; updatedBy: string | null; at: Date }): Promise<string | null> {
  const { key, organisationId, updatedBy, at, ...values } = row;
  const inserted = await trx
    .insertInto('helpContact')
    .values({ ...columns(values), key, organisationId, updatedBy, createdAt: at, updatedAt: at })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

/** Writes a change if `version` is still current; false when someone changed the row first. */
export async function updateContactRow(
  trx: Transaction<Database>,
  id: string,
  version: number,
  change: Partial<ContactValues> & { status?: string; updatedBy: string | null; at: Date },
): Promise<boolean> {
  const { updatedBy, at, names, purposes, languages, chapters, ...rest } = change;
  const result = await trx
    .updateTable('helpContact')
    .set({
      ...rest,
      ...(names && { names: JSON.stringify(names) }),
      ...(purposes && { purposes: JSON.stringify(purposes) }),
      ...(languages && { languages: JSON.stringify(languages) }),
      ...(chapters && { chapters: JSON.stringify(chapters) }),
      updatedBy,
      updatedAt: at,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function existingKeys(trx: Transaction<Database>, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await trx.selectFrom('helpContact').select('key').where('key', 'in', keys).execute();
  return new Set(rows.map((r) => r.key));
}

/** Chapter slugs of the library that exist, of those asked about. */
export async function knownChapters(db: Executor, slugs: string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await db.selectFrom('chapter').select('slug').where('slug', 'in', slugs).execute();
  return new Set(rows.map((r) => r.slug));
}
