// Reading and writing a referral's state: the locked row, the status update, the history entry.
import type { Db } from '#server/db/db.ts';

/** The referral row, locked for the rest of the transaction, so two answers at once are serialised. */
export function lockReferral(db: Db, id: string) {
  return db
    .selectFrom('referral')
    .select([
      'id',
      'reference',
      'senderOrganisationId',
      'receiverOrganisationId',
      'serviceId',
      'consentId',
      'packageVersion',
      'status',
      'statusReason',
      'outcome',
      'urgency',
      'sentAt',
      'dueAt',
      'answeredAt',
      'updatedAt',
      'version',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}
export type LockedReferral = NonNullable<Awaited<ReturnType<typeof lockReferral>>>;

export interface StatusUpdate {
  status: string;
  statusReason: string | null;
  outcome: string | null;
  sentAt?: Date;
  dueAt?: Date | null;
  answeredAt?: Date;
  senderSeenAt?: Date;
  at: Date;
}

export async function updateReferralStatus(db: Db, id: string, u: StatusUpdate): Promise<void> {
  const { at, ...values } = u;
  await db
    .updateTable('referral')
    .set((eb) => ({ ...values, updatedAt: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export interface NewReferralEvent {
  referralId: string;
  at: Date;
  side: 'sender' | 'receiver' | 'system';
  kind: 'status' | 'package' | 'reminder' | 'escalation' | 'consent-withdrawn';
  actorAccountId?: string | null;
  apiTokenId?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  outcome?: string | null;
}

export async function insertReferralEvent(db: Db, e: NewReferralEvent): Promise<string> {
  const row = await db
    .insertInto('referralEvent')
    .values({
      referralId: e.referralId,
      at: e.at,
      side: e.side,
      kind: e.kind,
      actorAccountId: e.actorAccountId ?? null,
      apiTokenId: e.apiTokenId ?? null,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      reason: e.reason ?? null,
      outcome: e.outcome ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The answer times of an organisation; the defaults when it never set its own. */
export async function findReferralSetting(db: Db, organisationId: string) {
  const row = await db.selectFrom('referralSetting').select(['routineHours', 'urgentHours', 'version']).where('organisationId', '=', organisationId).executeTakeFirst();
  return row ?? { routineHours: 48, urgentHours: 4, version: 0 };
}

/** The package version a referral is at: what was (or will be) shared. */
export function findCurrentPackage(db: Db, referralId: string) {
  return db
    .selectFrom('referralPackage as p')
    .innerJoin('referral as r', (j) => j.onRef('r.id', '=', 'p.referralId').onRef('r.packageVersion', '=', 'p.version'))
    .select(['p.subjectCode', 'p.consentId', 'p.version'])
    .where('p.referralId', '=', referralId)
    .executeTakeFirst();
}
