// Telling the other side that something happened on a referral: queued in the change's transaction as a job (ids
// only), which writes one neutral email per person to tell, in their language.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';
import { queueEmail } from '#server/features/email/email.service.ts';
import { enqueueJob, type JobHandler } from '#server/features/jobs/jobs.service.ts';
import { CASE_DATA_ROLES } from '#shared/auth/roles.ts';
import { newItemEmail } from './referral-email.ts';

export const REFERRAL_NOTICE_JOB = 'referral_notice';
export type Audience = 'sender' | 'receiver';

/** Queues the notice of one history entry (uniqueKey: once, even if queued twice). */
export async function queueReferralNotice(db: Kysely<Database>, n: { referralId: string; audience: Audience; eventId: string; at: Date }): Promise<void> {
  await enqueueJob(db, { kind: REFERRAL_NOTICE_JOB, payload: { referralId: n.referralId, audience: n.audience }, runAt: n.at, uniqueKey: `referral-notice:${n.eventId}` });
}

/** Active accounts of an organisation holding one of `roles`. */
export function membersWithRoles(db: Db, organisationId: string, roles: readonly string[]) {
  return db
    .selectFrom('account as a')
    .innerJoin('membership as m', 'm.accountId', 'a.id')
    .select(['a.id', 'a.email', 'a.language'])
    .where('a.disabledAt', 'is', null)
    .where('m.organisationId', '=', organisationId)
    .where(sql<boolean>`m.roles && ${sql.val([...roles])}::text[]`)
    .orderBy('a.id')
    .execute();
}

async function senderPeople(db: Db, r: { senderOrganisationId: string; senderAccountId: string | null }) {
  const all = await membersWithRoles(db, r.senderOrganisationId, CASE_DATA_ROLES);
  const sender = all.filter((a) => a.id === r.senderAccountId);
  // NOTE: when the person who sent it has left, the organisation's coordinators hear of it instead.
  return sender.length > 0 ? sender : membersWithRoles(db, r.senderOrganisationId, ['coordinator']);
}

export async function peopleToTell(db: Db, referralId: string, audience: Audience | 'coordinators') {
  const r = await db.selectFrom('referral').select(['senderOrganisationId', 'senderAccountId', 'receiverOrganisationId']).where('id', '=', referralId).executeTakeFirst();
  if (!r) return [];
  if (audience === 'sender') return (await senderPeople(db, r)).map((p) => ({ ...p, organisationId: r.senderOrganisationId }));
  if (!r.receiverOrganisationId) return [];
  const receiver = (await membersWithRoles(db, r.receiverOrganisationId, audience === 'coordinators' ? ['coordinator'] : ['coordinator', 'case_manager'])).map((p) => ({ ...p, organisationId: r.receiverOrganisationId }));
  if (audience === 'receiver') return receiver;
  const senders = (await membersWithRoles(db, r.senderOrganisationId, ['coordinator'])).map((p) => ({ ...p, organisationId: r.senderOrganisationId }));
  return [...senders, ...receiver];
}

/** Writes the neutral emails for a list of people (inside the caller's transaction). */
export async function emailPeople(db: Kysely<Database>, people: { email: string; language: string | null; organisationId: string | null }[], publicUrl: string): Promise<void> {
  for (const p of people) await queueEmail(db, newItemEmail({ to: p.email, language: p.language, publicUrl, organisationId: p.organisationId }));
}

/** The referral_notice job. */
export const referralNoticeJob: JobHandler = async (job, { deps }) => {
  const referralId = String(job.payload.referralId ?? '');
  const audience = job.payload.audience === 'sender' ? 'sender' : 'receiver';
  await deps.db.transaction().execute(async (trx) => emailPeople(trx, await peopleToTell(trx, referralId, audience), deps.config.publicUrl));
};
