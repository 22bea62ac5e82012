// Referral rows for the two inboxes and the detail page, and the package versions. Every read is scoped in SQL to
// the sender or the receiver organisation; a receiver never sees a draft.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';
import { AWAITING_ANSWER } from '#shared/referrals/task-status.ts';

export interface NewReferral {
  reference: string;
  senderOrganisationId: string;
  senderAccountId: string;
  serviceId: string;
  receiverOrganisationId: string | null;
  consentId: string;
  urgency: string;
  at: Date;
  /** The sender's case it is made from, if any. */
  sourceCaseId?: string | null;
}

export async function insertReferral(db: Db, r: NewReferral): Promise<string> {
  const { at, ...values } = r;
  const row = await db.insertInto('referral').values({ ...values, createdAt: at, updatedAt: at, senderSeenAt: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The minimum dataset of one package version; safeContact and note are sealed when stored, open when shown. */
export interface PackageFields {
  subjectCode: string;
  ageBand: string;
  sex: string | null;
  languages: string[];
  needs: string[];
  urgency: string;
  safeContact: string | null;
  note: string | null;
}

/** Where a referral stands and when it moved: the fields every view of one carries. */
export interface ReferralStateFields {
  statusReason: string | null;
  outcome: string | null;
  urgency: string;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
  dueAt: Date | null;
  version: number;
}

export interface NewPackage extends PackageFields {
  referralId: string;
  version: number;
  consentId: string;
  identity: string | null;
  createdBy: string;
  createdAt: Date;
}

export async function insertPackage(db: Db, p: NewPackage): Promise<void> {
  await db
    .insertInto('referralPackage')
    .values({ ...p, languages: JSON.stringify(p.languages), needs: JSON.stringify(p.needs) })
    .execute();
}

/** Moves the referral to its new package version (and the consent it relies on now). */
export async function bumpPackageVersion(db: Db, id: string, o: { version: number; consentId: string; urgency: string; at: Date }): Promise<void> {
  await db
    .updateTable('referral')
    .set((eb) => ({ packageVersion: o.version, consentId: o.consentId, urgency: o.urgency, updatedAt: o.at, senderSeenAt: o.at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

const overdue = (now: Date) => sql<boolean>`(r.status in (${sql.join([...AWAITING_ANSWER])}) and r.due_at is not null and r.due_at < ${now})`;

function base(db: Db, now: Date) {
  return db
    .selectFrom('referral as r')
    .innerJoin('directoryService as s', 's.id', 'r.serviceId')
    .innerJoin('directoryOrganization as d', 'd.id', 's.directoryOrganizationId')
    .innerJoin('organisation as so', 'so.id', 'r.senderOrganisationId')
    .leftJoin('organisation as ro', 'ro.id', 'r.receiverOrganisationId')
    .leftJoin('consent as c', 'c.id', 'r.consentId')
    .select([
      'r.id',
      'r.reference',
      'r.status',
      'r.statusReason',
      'r.outcome',
      'r.urgency',
      'r.senderOrganisationId',
      'r.receiverOrganisationId',
      'r.serviceId',
      'r.consentId',
      'r.sentAt',
      'r.dueAt',
      'r.answeredAt',
      'r.escalatedAt',
      'r.packageVersion',
      'r.caseId',
      'r.sourceCaseId',
      'r.updatedAt',
      'r.version',
      's.name as serviceName',
      'so.name as senderName',
      'c.decision as consentDecision',
      'c.expiresAt as consentExpiresAt',
      'c.withdrawnAt as consentWithdrawnAt',
    ])
    .select((eb) => [eb.fn.coalesce('ro.name', 'd.name').as('receiverName'), overdue(now).as('overdue')]);
}

/** One referral, if the organisation is its sender, or its receiver once sent. */
export function findReferralFor(db: Db, id: string, organisationId: string, now: Date) {
  return base(db, now)
    .where('r.id', '=', id)
    .where((eb) => eb.or([eb('r.senderOrganisationId', '=', organisationId), eb.and([eb('r.receiverOrganisationId', '=', organisationId), eb('r.status', '!=', 'draft')])]))
    .executeTakeFirst();
}
export type ReferralRow = NonNullable<Awaited<ReturnType<typeof findReferralFor>>>;

export const LIST_LIMIT = 50;

export interface ListFilter {
  organisationId: string;
  box: 'incoming' | 'outgoing';
  status?: string;
  urgency?: string;
  open?: boolean;
  now: Date;
}

const OPEN = ['draft', 'requested', 'received', 'accepted', 'in-progress', 'on-hold'];

function boxQuery(db: Db, o: ListFilter) {
  let query = db.selectFrom('referral as r').select('r.id');
  query = o.box === 'incoming' ? query.where('r.receiverOrganisationId', '=', o.organisationId).where('r.status', '!=', 'draft') : query.where('r.senderOrganisationId', '=', o.organisationId);
  if (o.status) query = query.where('r.status', '=', o.status);
  if (o.urgency) query = query.where('r.urgency', '=', o.urgency);
  if (o.open) query = query.where('r.status', 'in', OPEN);
  return query;
}

/**
 * The incoming or outgoing referrals of an organisation: those waiting for an answer first, by deadline (so overdue
 * ones lead), then the others by latest change. NOTE: the page's ids come first from two index range scans
 * (organisation, status, due_at) and (organisation, updated_at), each stopped at the page size; only those rows are
 * then joined to their names, instead of joining and sorting every referral of the organisation.
 */
export async function listReferrals(db: Db, o: ListFilter) {
  const waiting = await boxQuery(db, o)
    .where('r.status', 'in', [...AWAITING_ANSWER])
    .orderBy('r.dueAt', (ob) => ob.asc().nullsLast())
    .orderBy('r.id')
    .limit(LIST_LIMIT + 1)
    .execute();
  const rest =
    waiting.length > LIST_LIMIT
      ? []
      : await boxQuery(db, o)
          .where('r.status', 'not in', [...AWAITING_ANSWER])
          .orderBy('r.updatedAt', 'desc')
          .orderBy('r.id')
          .limit(LIST_LIMIT + 1 - waiting.length)
          .execute();
  const ids = [...waiting, ...rest].map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await base(db, o.now).where('r.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

export function findPackage(db: Db, referralId: string, version: number) {
  return db
    .selectFrom('referralPackage')
    .select(['version', 'subjectCode', 'ageBand', 'sex', 'languages', 'needs', 'urgency', 'safeContact', 'note', 'identity', 'createdAt'])
    .where('referralId', '=', referralId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function listEvents(db: Db, referralId: string) {
  return db
    .selectFrom('referralEvent')
    .select(['at', 'side', 'kind', 'fromStatus', 'toStatus', 'reason', 'outcome'])
    .where('referralId', '=', referralId)
    .orderBy('at')
    // NOTE: creating and sending share one instant; the creation comes first.
    .orderBy(sql`case when kind = 'package' and to_status = 'draft' then 0 else 1 end`)
    .orderBy('id')
    .execute();
}

/** The sender has looked at the referral now: what changed before is no longer news. */
export async function markSenderSeen(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('referral').set({ senderSeenAt: at }).where('id', '=', id).execute();
}

export async function referenceTaken(db: Db, reference: string): Promise<boolean> {
  return !!(await db.selectFrom('referral').select('id').where('reference', '=', reference).executeTakeFirst());
}
