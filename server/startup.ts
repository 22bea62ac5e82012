// What runs beside the HTTP server: demo data on first start, and the background job worker.
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '#server/context.ts';
import { prepareDemo } from '#server/features/demo/demo.service.ts';
import { operatorCtx } from '#server/features/organisations/operator.service.ts';
import { ACCESS_REQUEST_JOB, accessRequestJob } from '#server/features/access-requests/access-request.service.ts';
import { PASSWORD_RESET_JOB, passwordResetJob } from '#server/features/auth/password-reset.service.ts';
import { SEND_EMAIL_JOB, sendEmailJob } from '#server/features/email/email.service.ts';
import { CASE_RETENTION_JOB, caseRetentionJob } from '#server/features/cases/case-retention.service.ts';
import type { JobHandlers } from '#server/features/jobs/jobs.service.ts';
import { startJobWorker } from '#server/features/jobs/jobs.worker.ts';
import { PURGE_JOB, purgeExpired } from '#server/features/jobs/purge.service.ts';
import { REFERRAL_ESCALATION_JOB, REFERRAL_REMINDER_JOB, referralEscalationJob, referralReminderJob } from '#server/features/referrals/referral-deadline.service.ts';
import { REFERRAL_NOTICE_JOB, referralNoticeJob } from '#server/features/referrals/referral-notify.service.ts';
import { CASE_TASK_REMINDERS_JOB, caseTaskRemindersJob } from '#server/features/cases/case-task-reminder.ts';
import { EVALUATION_INVITATIONS_JOB, evaluationInvitationsJob } from '#server/features/events/evaluation-invitations.ts';
import { OFFER_EXPIRY_JOB, offerExpiryJob } from '#server/features/events/offer-expiry.service.ts';
import { EVENT_REMINDERS_JOB, eventRemindersJob } from '#server/features/events/registration-reminder.ts';

export interface Background {
  stop(): Promise<void>;
}

/** Seeds demo data into an empty database (never in production) and returns the text listing demo sign-ins. */
export async function announceDemo(deps: Deps): Promise<string | null> {
  if (!deps.config.demoData) return null;
  return prepareDemo(operatorCtx(deps));
}

/** Job handlers by kind: a feature with background work adds its handler here. */
export const JOB_HANDLERS: JobHandlers = {
  [SEND_EMAIL_JOB]: sendEmailJob,
  [PURGE_JOB]: purgeExpired,
  [CASE_RETENTION_JOB]: caseRetentionJob,
  [PASSWORD_RESET_JOB]: passwordResetJob,
  [ACCESS_REQUEST_JOB]: accessRequestJob,
  [REFERRAL_NOTICE_JOB]: referralNoticeJob,
  [REFERRAL_REMINDER_JOB]: referralReminderJob,
  [REFERRAL_ESCALATION_JOB]: referralEscalationJob,
  [CASE_TASK_REMINDERS_JOB]: caseTaskRemindersJob,
  [EVALUATION_INVITATIONS_JOB]: evaluationInvitationsJob,
  [OFFER_EXPIRY_JOB]: offerExpiryJob,
  [EVENT_REMINDERS_JOB]: eventRemindersJob,
};

/** Starts the job worker unless JOBS=false (e.g. an instance that should only serve HTTP). */
export function startBackground(deps: Deps, log: FastifyBaseLogger): Background {
  if (!deps.config.jobs) return { stop: async () => undefined };
  const worker = startJobWorker(deps, log, JOB_HANDLERS);
  return { stop: () => worker.stop() };
}
