// The rows of a case's consent ledger and of what relies on a consent: referrals, team members of the organisation a
// share names, assistance records citing it. Every query is scoped to the case in SQL.
import { sql, type Transaction } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';
import { TERMINAL_STATUSES } from '#shared/referrals/task-status.ts';

type Reader = Db | Transaction<Database>;

/** A case keeps few consent records; the ledger shows them all, within a bound. */
export const LEDGER_LIMIT = 500;

function withNames(db: Reader) {
  return db
    .selectFrom('consent as c')
    .leftJoin('organisation as ro', 'ro.id', 'c.receiverOrganisationId')
    .leftJoin('directoryOrganization as rd', 'rd.id', 'c.receiverDirectoryOrganizationId')
    .leftJoin('account as rb', 'rb.id', 'c.recordedBy')
    .leftJoin('account as wb', 'wb.id', 'c.withdrawnBy')
    .select([
      'c.id',
      'c.seq',
      'c.scopes',
      'c.receiverOrganisationId',
      'c.receiverDirectoryOrganizationId',
      'c.decision',
      'c.coversIdentity',
      'c.guidance',
      'c.language',
      'c.withInterpreter',
      'c.interpreterLanguage',
      'c.recordedAt',
      'c.expiresAt',
      'c.withdrawnAt',
      'c.supersedesId',
      'c.note',
      'rb.displayName as recordedByName',
      'wb.displayName as withdrawnByName',
    ])
    .select((eb) => eb.fn.coalesce('ro.name', 'rd.name').as('receiverName'));
}

/** The case's records, newest first. */
export function listCaseConsents(db: Reader, caseId: string) {
  return withNames(db).where('c.caseId', '=', caseId).orderBy('c.seq', 'desc').limit(LEDGER_LIMIT).execute();
}
export type CaseConsentRow = Awaited<ReturnType<typeof listCaseConsents>>[number];

export function findCaseConsent(db: Reader, caseId: string, consentId: string) {
  return withNames(db).where('c.caseId', '=', caseId).where('c.id', '=', consentId).executeTakeFirst();
}

/** Locks the case row against other recorders (not against readers or rows that reference it). */
export async function lockCaseForLedger(trx: Transaction<Database>, caseId: string): Promise<void> {
  await trx.selectFrom('caseFile').select('id').where('id', '=', caseId).forNoKeyUpdate().executeTakeFirstOrThrow();
}

/** Referrals relying on the consent, through the referral or any of its package versions. */
export function referralsOnConsent(db: Reader, consentId: string) {
  return db
    .selectFrom('referral as r')
    .select(['r.id', 'r.reference', 'r.status'])
    .select(sql<boolean>`r.status not in (${sql.join([...TERMINAL_STATUSES])})`.as('open'))
    .where((eb) =>
      eb.or([
        eb('r.consentId', '=', consentId),
        eb.exists(eb.selectFrom('referralPackage as p').select(sql`1`.as('one')).whereRef('p.referralId', '=', 'r.id').where('p.consentId', '=', consentId)),
      ]),
    )
    .orderBy('r.createdAt', 'desc')
    .limit(LEDGER_LIMIT)
    .execute();
}

/** Team members working for the organisation (never the owner), with names for the withdrawal's answer. */
export function membersOfOrganisation(db: Reader, caseId: string, organisationId: string) {
  return db
    .selectFrom('caseMember as m')
    .innerJoin('account as a', 'a.id', 'm.accountId')
    .innerJoin('organisation as o', 'o.id', 'm.organisationId')
    .select(['m.accountId', 'a.displayName', 'o.name as organisationName'])
    .where('m.caseId', '=', caseId)
    .where('m.organisationId', '=', organisationId)
    .where('m.isOwner', '=', false)
    .execute();
}

export async function removeMembersOfOrganisation(trx: Transaction<Database>, caseId: string, organisationId: string): Promise<string[]> {
  const rows = await trx.deleteFrom('caseMember').where('caseId', '=', caseId).where('organisationId', '=', organisationId).where('isOwner', '=', false).returning('accountId').execute();
  return rows.map((r) => r.accountId);
}

/** Assistance records of the case that cite the consent, counted per type. */
export async function assistanceOnConsent(db: Reader, caseId: string, consentId: string) {
  const rows = await db
    .selectFrom('caseAssistance')
    .select(['type', (eb) => eb.fn.countAll<string>().as('count')])
    .where('caseId', '=', caseId)
    .where('consentId', '=', consentId)
    .groupBy('type')
    .orderBy('type')
    .execute();
  return rows.map((r) => ({ type: r.type, count: Number(r.count) }));
}

/** Referrals sent from the case (newest first). */
export function outgoingReferrals(db: Reader, caseId: string) {
  return db
    .selectFrom('referral as r')
    .innerJoin('directoryService as s', 's.id', 'r.serviceId')
    .innerJoin('directoryOrganization as d', 'd.id', 's.directoryOrganizationId')
    .leftJoin('organisation as ro', 'ro.id', 'r.receiverOrganisationId')
    .select(['r.id', 'r.reference', 'r.status', 'r.consentId', 'r.createdAt'])
    .select((eb) => eb.fn.coalesce('ro.name', 'd.name').as('receiverName'))
    .where('r.sourceCaseId', '=', caseId)
    .orderBy('r.createdAt', 'desc')
    .limit(100)
    .execute();
}
