// The referrals an API client's organisation may see over FHIR, in SQL: its own as sender (drafts too), and those
// sent to it as receiver (never a draft). Everything else is invisible, so it reads as "not found".
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { ReferralStateFields } from '#server/features/referrals/referral.queries.ts';
import { findConsentView } from './consent-view.queries.ts';

export interface TaskRow extends ReferralStateFields {
  id: string;
  reference: string;
  status: string;
  packageVersion: number;
  consentId: string | null;
  serviceId: string;
  senderId: string;
  senderName: string;
  receiverId: string;
  receiverName: string;
  subjectCode: string;
}

type Seen = 'either' | 'receiver' | 'sender';

/**
 * Referrals visible to `organisationId`: as sender (drafts too), or as receiver once sent. `seen` narrows it to one
 * side when the search asks for that side anyway (a receiver polling its own tasks), so the side's index is used.
 */
function visibleTasks(db: Db, organisationId: string, seen: Seen = 'either') {
  return db
    .selectFrom('referral')
    .innerJoin('directoryService', 'directoryService.id', 'referral.serviceId')
    .innerJoin('directoryOrganization', 'directoryOrganization.id', 'directoryService.directoryOrganizationId')
    .innerJoin('organisation as senderOrg', 'senderOrg.id', 'referral.senderOrganisationId')
    .leftJoin('organisation as receiverOrg', 'receiverOrg.id', 'referral.receiverOrganisationId')
    .innerJoin('referralPackage', (join) => join.onRef('referralPackage.referralId', '=', 'referral.id').onRef('referralPackage.version', '=', 'referral.packageVersion'))
    .where((eb) => {
      const asSender = eb('referral.senderOrganisationId', '=', organisationId);
      const asReceiver = eb.and([eb('referral.receiverOrganisationId', '=', organisationId), eb('referral.status', '<>', 'draft')]);
      return seen === 'receiver' ? asReceiver : seen === 'sender' ? asSender : eb.or([asSender, asReceiver]);
    })
    .select([
      'referral.id',
      'referral.reference',
      'referral.status',
      'referral.statusReason',
      'referral.outcome',
      'referral.urgency',
      'referral.createdAt',
      'referral.updatedAt',
      'referral.sentAt',
      'referral.dueAt',
      'referral.version',
      'referral.packageVersion',
      'referral.consentId',
      'referral.serviceId',
      'senderOrg.id as senderId',
      'senderOrg.name as senderName',
      'referralPackage.subjectCode',
      sql<string>`coalesce(referral.receiver_organisation_id, directory_organization.id)`.as('receiverId'),
      sql<string>`coalesce(receiver_org.name, directory_organization.name)`.as('receiverName'),
    ]);
}

export async function findVisibleTask(db: Db, organisationId: string, id: string): Promise<TaskRow | undefined> {
  return visibleTasks(db, organisationId).where('referral.id', '=', id).executeTakeFirst();
}

export interface TaskFilter {
  owner?: string;
  requester?: string;
  statuses?: string[];
  lastUpdated?: { op: '>' | '>=' | '<' | '<='; at: Date };
  after?: { at: Date; id: string };
  count: number;
}

/** A page of visible tasks, oldest change first (what a polling client wants), one more than asked to see if more follow. */
export async function searchVisibleTasks(db: Db, organisationId: string, filter: TaskFilter): Promise<TaskRow[]> {
  const seen: Seen = filter.owner === organisationId ? 'receiver' : filter.requester === organisationId ? 'sender' : 'either';
  let query = visibleTasks(db, organisationId, seen);
  if (filter.owner && seen !== 'receiver') query = query.where(sql<boolean>`coalesce(referral.receiver_organisation_id, directory_organization.id) = ${filter.owner}`);
  if (filter.requester && seen !== 'sender') query = query.where('referral.senderOrganisationId', '=', filter.requester);
  if (filter.statuses && filter.statuses.length > 0) query = query.where('referral.status', 'in', filter.statuses);
  if (filter.lastUpdated) query = query.where('referral.updatedAt', filter.lastUpdated.op, filter.lastUpdated.at);
  const after = filter.after;
  if (after) query = query.where((eb) => eb.or([eb('referral.updatedAt', '>', after.at), eb.and([eb('referral.updatedAt', '=', after.at), eb('referral.id', '>', after.id)])]));
  return query.orderBy('referral.updatedAt').orderBy('referral.id').limit(filter.count + 1).execute();
}

/** The rest of a referral for the whole-Bundle export: its package, consent, service and both organisations. */
export async function findReferralParts(db: Db, task: TaskRow) {
  const pkg = await db
    .selectFrom('referralPackage')
    .select(['version', 'consentId', 'subjectCode', 'ageBand', 'sex', 'languages', 'needs', 'urgency', 'safeContact', 'note', 'createdAt'])
    .where('referralId', '=', task.id)
    .where('version', '=', task.packageVersion)
    .executeTakeFirst();
  const consent = (pkg?.consentId ?? task.consentId) ? await findConsentView(db, (pkg?.consentId ?? task.consentId)!) : undefined;
  const service = await db
    .selectFrom('directoryService')
    .innerJoin('directoryOrganization', 'directoryOrganization.id', 'directoryService.directoryOrganizationId')
    .select([
      'directoryService.id',
      'directoryService.name',
      'directoryService.status',
      'directoryService.categories',
      'directoryService.languages',
      'directoryService.serviceAreas',
      'directoryService.phone',
      'directoryService.email',
      'directoryService.url',
      'directoryService.acceptingReferrals',
      'directoryService.updatedAt',
      'directoryOrganization.id as directoryOrganizationId',
      'directoryOrganization.name as directoryName',
      'directoryOrganization.country as directoryCountry',
      'directoryOrganization.phone as directoryPhone',
      'directoryOrganization.email as directoryEmail',
      'directoryOrganization.website as directoryWebsite',
    ])
    .where('directoryService.id', '=', task.serviceId)
    .executeTakeFirstOrThrow();
  const organisations = await db
    .selectFrom('organisation')
    .select(['id', 'name', 'type', 'country', 'phone', 'email', 'website'])
    .where('id', 'in', [task.senderId, task.receiverId])
    .execute();
  return { pkg, consent, service, organisations };
}
