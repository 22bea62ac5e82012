// The consent ledger's rows: recording, reading within the recording organisation, withdrawing.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';

const COLUMNS = [
  'c.id',
  'c.organisationId',
  'c.subjectCode',
  'c.receiverOrganisationId',
  'c.receiverDirectoryOrganizationId',
  'c.purposes',
  'c.decision',
  'c.coversIdentity',
  'c.language',
  'c.withInterpreter',
  'c.recordedBy',
  'c.recordedAt',
  'c.expiresAt',
  'c.withdrawnAt',
  'c.withdrawnBy',
  'c.version',
] as const;

function withNames(db: Db) {
  return db
    .selectFrom('consent as c')
    .leftJoin('organisation as ro', 'ro.id', 'c.receiverOrganisationId')
    .leftJoin('directoryOrganization as rd', 'rd.id', 'c.receiverDirectoryOrganizationId')
    .leftJoin('account as rb', 'rb.id', 'c.recordedBy')
    .select(COLUMNS)
    .select((eb) => [eb.fn.coalesce('ro.name', 'rd.name').as('receiverName'), 'rb.displayName as recordedByName']);
}

/** One consent of the recording organisation; undefined for any other organisation's. */
export function findConsent(db: Db, id: string, organisationId: string) {
  // NOTE: a consent of a case is read and withdrawn through the case (its team, its rules), never here.
  return withNames(db).where('c.id', '=', id).where('c.organisationId', '=', organisationId).where('c.caseId', 'is', null).executeTakeFirst();
}
export type ConsentRow = NonNullable<Awaited<ReturnType<typeof findConsent>>>;

/**
 * The consent a referral relies on, whoever recorded it (rules compare the organisation). With `lock` the row is
 * read FOR SHARE inside the caller's transaction: a withdrawal (an UPDATE of the row) then waits until what relies
 * on the consent has committed, and a withdrawal already under way is seen once it commits.
 */
export function findConsentFacts(db: Db, id: string, o: { lock?: boolean } = {}) {
  const query = db
    .selectFrom('consent')
    .select(['organisationId', 'subjectCode', 'receiverOrganisationId', 'receiverDirectoryOrganizationId', 'decision', 'expiresAt', 'withdrawnAt', 'coversIdentity', 'recordedAt', 'language', 'withInterpreter', 'caseId'])
    .where('id', '=', id);
  return (o.lock ? query.forShare() : query).executeTakeFirst();
}

export function listConsents(db: Db, organisationId: string, subjectCode?: string) {
  let query = withNames(db).where('c.organisationId', '=', organisationId).where('c.caseId', 'is', null);
  if (subjectCode) query = query.where('c.subjectCode', '=', subjectCode);
  return query.orderBy('c.recordedAt', 'desc').limit(200).execute();
}

export interface NewConsent {
  organisationId: string;
  subjectCode: string;
  receiverOrganisationId: string | null;
  receiverDirectoryOrganizationId: string | null;
  purposes: string[];
  decision: string;
  coversIdentity: boolean;
  language: string;
  withInterpreter: boolean;
  recordedBy: string;
  recordedAt: Date;
  expiresAt: Date;
}

export async function insertConsent(db: Db, c: NewConsent): Promise<string> {
  const row = await db
    .insertInto('consent')
    .values({ ...c, purposes: JSON.stringify(c.purposes) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks the consent withdrawn; false when it was already withdrawn (or is another organisation's). */
export async function markConsentWithdrawn(db: Db, o: { id: string; organisationId: string; by: string; at: Date }): Promise<boolean> {
  const rows = await db
    .updateTable('consent')
    .set((eb) => ({ withdrawnAt: o.at, withdrawnBy: o.by, version: eb('version', '+', 1) }))
    .where('id', '=', o.id)
    .where('organisationId', '=', o.organisationId)
    .where('withdrawnAt', 'is', null)
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** Open referrals relying on a consent (through the referral or any of its package versions), locked. */
export function lockOpenReferralsOnConsent(db: Db, consentId: string, openStatuses: readonly string[]) {
  return db
    .selectFrom('referral as r')
    .select(['r.id', 'r.status', 'r.receiverOrganisationId', 'r.senderOrganisationId'])
    .where((eb) =>
      eb.or([
        eb('r.consentId', '=', consentId),
        eb.exists(eb.selectFrom('referralPackage as p').select(sql`1`.as('one')).whereRef('p.referralId', '=', 'r.id').where('p.consentId', '=', consentId)),
      ]),
    )
    .where('r.status', 'in', [...openStatuses])
    .forUpdate()
    .execute();
}
