// Access request rows and the organisations listed on the request form: Kysely only, no rules.
import { sql, type Insertable } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { AccessRequestTable } from '#server/db/schema.ts';

/** Which requests a query may touch: every one (platform admins), or one organisation's. */
export type RequestScope = { all: true } | { all: false; organisationId: string };

const REQUEST_COLUMNS = [
  'r.id',
  'r.nameSealed',
  'r.emailSealed',
  'r.profession',
  'r.professionOther',
  'r.institution',
  'r.country',
  'r.organisationId',
  'r.language',
  'r.status',
  'r.createdAt',
  'r.version',
] as const;

/** A request as the job stores it: sealed name and email, everything else as sent. */
export type NewAccessRequest = Omit<Insertable<AccessRequestTable>, 'id' | 'status' | 'createdAt' | 'handledAt' | 'handledBy' | 'version'>;

export function listListedOrganisations(db: Db) {
  return db
    .selectFrom('accessRequestListing as l')
    .innerJoin('organisation as o', 'o.id', 'l.organisationId')
    .select(['o.id', 'o.name'])
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
}

export async function isListed(db: Db, organisationId: string): Promise<boolean> {
  return !!(await db.selectFrom('accessRequestListing').select('organisationId').where('organisationId', '=', organisationId).executeTakeFirst());
}

export async function setListed(db: Db, organisationId: string, listed: boolean, now: Date): Promise<void> {
  if (listed) await db.insertInto('accessRequestListing').values({ organisationId, listedAt: now }).onConflict((oc) => oc.doNothing()).execute();
  else await db.deleteFrom('accessRequestListing').where('organisationId', '=', organisationId).execute();
}

/**
 * Whether an account uses this email. NOTE: accounts belong to the auth feature; this one read (does the address have
 * an account, is it active) is all access requests need of them.
 */
export function findAccountForEmail(db: Db, email: string) {
  return db.selectFrom('account').select(['id', 'email', 'language', 'disabledAt']).where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

/** Who is told of a new request: the organisation's active admins, or the platform admins for "I don't know". */
export function findRequestHandlers(db: Db, organisationId: string | null) {
  const active = db.selectFrom('account as a').select(['a.id', 'a.email', 'a.language']).where('a.disabledAt', 'is', null);
  if (organisationId === null) return active.where('a.isPlatformAdmin', '=', true).orderBy('a.id').execute();
  return active
    .innerJoin('membership as m', 'm.accountId', 'a.id')
    .where('m.organisationId', '=', organisationId)
    .where(sql<boolean>`'org_admin' = any(m.roles)`)
    .orderBy('a.id')
    .execute();
}

/** Inserts a pending request; undefined when the same email already has one pending for that organisation. */
export function insertAccessRequest(db: Db, values: NewAccessRequest, now: Date) {
  return db
    .insertInto('accessRequest')
    .values({ ...values, createdAt: now })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
}

function scoped(db: Db, scope: RequestScope) {
  const query = db.selectFrom('accessRequest as r').leftJoin('organisation as o', 'o.id', 'r.organisationId');
  return scope.all ? query : query.where('r.organisationId', '=', scope.organisationId);
}

export function listPendingRequests(db: Db, scope: RequestScope) {
  return scoped(db, scope)
    .select(REQUEST_COLUMNS)
    .select('o.name as organisationName')
    .where('r.status', '=', 'pending')
    .orderBy('r.createdAt')
    .orderBy('r.id')
    .execute();
}

export async function countPendingRequests(db: Db, scope: RequestScope): Promise<number> {
  const row = await scoped(db, scope).select((eb) => eb.fn.countAll<number>().as('n')).where('r.status', '=', 'pending').executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findRequest(db: Db, scope: RequestScope, id: string) {
  return scoped(db, scope).select(REQUEST_COLUMNS).select('o.name as organisationName').where('r.id', '=', id).executeTakeFirst();
}

/**
 * Marks a pending request handled in one statement: of two admins deciding at once, exactly one gets the row back.
 */
export function claimRequest(db: Db, scope: RequestScope, id: string, handled: { status: 'approved' | 'declined'; by: string; now: Date }) {
  let query = db
    .updateTable('accessRequest')
    .set((eb) => ({ status: handled.status, handledAt: handled.now, handledBy: handled.by, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'pending');
  if (!scope.all) query = query.where('organisationId', '=', scope.organisationId);
  return query.returning(['id', 'emailSealed', 'organisationId', 'language', 'profession']).executeTakeFirst();
}

/** Pending requests 30 days old and handled ones 30 days after their decision: nothing is kept longer. */
export async function purgeAccessRequests(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('accessRequest')
    .where((eb) => eb.or([eb.and([eb('status', '=', 'pending'), eb('createdAt', '<', before)]), eb('handledAt', '<', before)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function organisationExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('organisation').select('id').where('id', '=', id).executeTakeFirst());
}
