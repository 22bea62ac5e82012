// The answer deadline: a referral waiting for the receiver's first answer gets a reminder to the receiver a quarter
// of its answer time before the deadline, and escalates at the deadline to both organisations' coordinators. Both run
// as jobs keyed per referral (queued once), and each writes only if the referral still waits (runs once in effect).
import type { Kysely } from 'kysely';
import type { Database } from '#server/db/schema.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { enqueueJob, type JobHandler } from '#server/features/jobs/jobs.service.ts';
import { AWAITING_ANSWER } from '#shared/referrals/task-status.ts';
import { emailPeople, peopleToTell } from './referral-notify.service.ts';
import { insertReferralEvent } from './referral-status.queries.ts';

export const REFERRAL_REMINDER_JOB = 'referral_reminder';
export const REFERRAL_ESCALATION_JOB = 'referral_escalation';

/** Queues the reminder and the escalation of a referral just sent. */
export async function scheduleDeadline(db: Kysely<Database>, referralId: string, sentAt: Date, dueAt: Date): Promise<void> {
  const lead = (dueAt.getTime() - sentAt.getTime()) / 4;
  const payload = { referralId };
  await enqueueJob(db, { kind: REFERRAL_REMINDER_JOB, payload, runAt: new Date(dueAt.getTime() - lead), uniqueKey: `referral-reminder:${referralId}` });
  await enqueueJob(db, { kind: REFERRAL_ESCALATION_JOB, payload, runAt: dueAt, uniqueKey: `referral-escalation:${referralId}` });
}

type Mark = 'remindedAt' | 'escalatedAt';

/** Sets the mark if the referral still waits for its first answer and has not been marked; the row if it did. */
async function markStillWaiting(trx: Kysely<Database>, referralId: string, mark: Mark, now: Date) {
  let query = trx
    .updateTable('referral')
    .set({ [mark]: now })
    .where('id', '=', referralId)
    .where('status', 'in', [...AWAITING_ANSWER])
    .where(mark, 'is', null);
  if (mark === 'escalatedAt') query = query.where('dueAt', '<=', now);
  return query.returning(['id', 'receiverOrganisationId', 'senderOrganisationId']).executeTakeFirst();
}

function deadlineJob(mark: Mark): JobHandler {
  const kind = mark === 'remindedAt' ? 'reminder' : 'escalation';
  return async (job, { deps, now }) => {
    const referralId = String(job.payload.referralId ?? '');
    await deps.db.transaction().execute(async (trx) => {
      const r = await markStillWaiting(trx, referralId, mark, now);
      if (!r) return;
      await insertReferralEvent(trx, { referralId, at: now, side: 'system', kind });
      await recordAudit({ now, actor: null, ip: null }, trx, {
        action: mark === 'remindedAt' ? 'referral.reminded' : 'referral.escalated',
        entityType: 'referral',
        entityId: referralId,
        organisationId: r.receiverOrganisationId,
        actorAccountId: null,
      });
      await emailPeople(trx, await peopleToTell(trx, referralId, mark === 'remindedAt' ? 'receiver' : 'coordinators'), deps.config.publicUrl);
    });
  };
}

/** The referral_reminder job: tells the receiver's coordinators and case managers before the deadline. */
export const referralReminderJob = deadlineJob('remindedAt');
/** The referral_escalation job: at the deadline, tells both organisations' coordinators. */
export const referralEscalationJob = deadlineJob('escalatedAt');
