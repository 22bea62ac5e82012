// Case rows: the code counter, the case and its team. Every list is scoped in SQL by visibleToActor (case-access.ts).
import { sql, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';
import type { Actor } from '#server/http/access.ts';
import { visibleToActor } from './case-access.ts';

type Reader = Db | Transaction<Database>;

/** The next case code of an organisation for a year, handed out once even under parallel openings (one upsert). */
export async function nextCaseNumber(trx: Transaction<Database>, organisationId: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('caseCodeCounter')
    .values({ organisationId, year, last: 1 })
    .onConflict((oc) => oc.columns(['organisationId', 'year']).doUpdateSet({ last: sql`case_code_counter.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

export async function codePrefixOf(db: Reader, organisationId: string): Promise<string> {
  const row = await db.selectFrom('caseSetting').select('codePrefix').where('organisationId', '=', organisationId).executeTakeFirst();
  return row?.codePrefix ?? 'PH';
}

const CASE_COLUMNS = [
  'c.id',
  'c.organisationId',
  'c.code',
  'c.status',
  'c.closureReason',
  'c.closedAt',
  'c.traffickingStatus',
  'c.statusDecidedBy',
  'c.ageBand',
  'c.gender',
  'c.citizenship',
  'c.languages',
  'c.victimContext',
  'c.childProtection',
  'c.safeContact',
  'c.ownerAccountId',
  'c.openedFromReferralId',
  'c.openedAt',
  'c.legalHold',
  'c.anonymisedAt',
  'c.updatedAt',
  'c.version',
] as const;

export async function findCase(db: Reader, caseId: string) {
  return db
    .selectFrom('caseFile as c')
    .leftJoin('account as o', 'o.id', 'c.ownerAccountId')
    .leftJoin('referral as r', 'r.id', 'c.openedFromReferralId')
    .select([...CASE_COLUMNS, 'o.displayName as ownerName', 'r.reference as referralReference'])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export async function listTeam(db: Reader, caseId: string) {
  return db
    .selectFrom('caseMember as m')
    .innerJoin('account as a', 'a.id', 'm.accountId')
    .innerJoin('organisation as o', 'o.id', 'm.organisationId')
    .leftJoin('membership as ms', (j) => j.onRef('ms.accountId', '=', 'm.accountId').onRef('ms.organisationId', '=', 'm.organisationId'))
    .select(['m.accountId', 'a.displayName', 'o.name as organisationName', 'm.isOwner', 'm.grants', 'm.version', 'ms.roles'])
    .where('m.caseId', '=', caseId)
    .orderBy('m.isOwner', 'desc')
    .orderBy('a.displayName')
    .execute();
}

export interface CaseListFilter {
  status: 'open' | 'closed' | 'all';
  mine: boolean;
  code?: string;
  before?: { at: Date; id: string };
  limit: number;
}

/** The list's filters, over an alias `c` of case_file. */
function filtered<Q extends SelectQueryBuilder<Database & { c: Database['caseFile'] }, 'c', { id: string }>>(q: Q, actor: Actor, f: CaseListFilter): Q {
  let r = q as SelectQueryBuilder<Database & { c: Database['caseFile'] }, 'c', { id: string }>;
  if (f.status === 'open') r = r.where('c.status', 'in', ['Active', 'FollowUp']);
  if (f.status === 'closed') r = r.where('c.status', 'in', ['Closed', 'ClosedReferred']);
  if (f.mine) r = r.where('c.ownerAccountId', '=', actor.accountId);
  if (f.code) r = r.where(sql<boolean>`upper(c.code) like ${`%${f.code.toUpperCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`);
  if (f.before) r = r.where((eb) => eb.or([eb('c.updatedAt', '<', f.before!.at), eb.and([eb('c.updatedAt', '=', f.before!.at), eb('c.id', '<', f.before!.id)])]));
  return r.orderBy('c.updatedAt', 'desc').orderBy('c.id', 'desc').limit(f.limit + 1) as Q;
}

/**
 * A page of the cases the actor may open, newest change first (keyset on updated_at, id). Two steps: the page's ids
 * from the covering list index alone (the team condition and the filters need no table row), then those rows. Cases
 * of other organisations the actor's team membership reaches (a consented share) come from the small partial index
 * case_member_shared_idx and are merged in: both halves are ordered and limited alike, so the merged page is exact.
 */
export async function listVisibleCases(db: Db, actor: Actor, now: Date, f: CaseListFilter) {
  const own = filtered(db.selectFrom('caseFile as c').select('c.id').where('c.organisationId', '=', actor.organisationId!).where(visibleToActor(actor, now)), actor, f);
  const sharedIds = db
    .selectFrom('caseMember as m')
    .select('m.caseId')
    .where('m.accountId', '=', actor.accountId)
    .where('m.organisationId', '=', actor.organisationId!)
    .whereRef('m.organisationId', '<>', 'm.caseOrganisationId');
  const shared = filtered(db.selectFrom('caseFile as c').select('c.id').where('c.id', 'in', sharedIds).where(visibleToActor(actor, now)), actor, f);
  // NOTE: one IN over the UNION ALL of the two limited pages: `c.id in (…) or c.id in (…)` made the planner scan the
  // whole table (bench/cases.ts: list p99 67 → 239 ms on PostgreSQL), and reading the pages apart cost two more trips.
  return db
    .selectFrom('caseFile as c')
    .leftJoin('account as o', 'o.id', 'c.ownerAccountId')
    .select(['c.id', 'c.code', 'c.status', 'c.ageBand', 'c.gender', 'c.openedAt', 'c.updatedAt', 'c.ownerAccountId', 'o.displayName as ownerName'])
    .select((eb) => eb.exists(eb.selectFrom('caseMember as m').select('m.id').whereRef('m.caseId', '=', 'c.id').where('m.accountId', '=', actor.accountId)).as('onTeam'))
    .where('c.id', 'in', sql<string>`((${own}) union all (${shared}))`)
    .orderBy('c.updatedAt', 'desc')
    .orderBy('c.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** Accounts with a membership in an organisation, by e-mail: who can be added to a team. */
export async function findMemberByEmail(db: Reader, email: string) {
  return db
    .selectFrom('account as a')
    .innerJoin('membership as ms', 'ms.accountId', 'a.id')
    .select(['a.id', 'ms.organisationId', 'ms.roles'])
    .where(sql<boolean>`lower(a.email) = ${email.toLowerCase()}`)
    .where('a.disabledAt', 'is', null)
    .execute();
}
