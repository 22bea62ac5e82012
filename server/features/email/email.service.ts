// Outgoing email: every message is written to the outbox in the caller's transaction, then sent by a job.
// NOTE: subjects and bodies are neutral (no names, no subject matter): a mailbox may be read by someone else.
import type { Kysely } from 'kysely';
import type { Database, EmailAttachment } from '#server/db/schema.ts';
import { describeError, enqueueJob, type JobHandler } from '#server/features/jobs/jobs.service.ts';
import { findEmailToSend, recordSendAttempt } from './email.queries.ts';

export interface NewEmail {
  to: string;
  subject: string;
  text: string;
  organisationId?: string | null;
  /** Files sent with the email (an iCalendar invitation); small, kept in the outbox row. */
  attachments?: EmailAttachment[];
}

export const SEND_EMAIL_JOB = 'send_email';

export async function queueEmail(db: Kysely<Database>, email: NewEmail): Promise<string> {
  const { id } = await db
    .insertInto('outboxEmail')
    .values({
      toAddress: email.to,
      subject: email.subject,
      bodyText: email.text,
      organisationId: email.organisationId ?? null,
      attachments: email.attachments?.length ? JSON.stringify(email.attachments) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueueJob(db, { kind: SEND_EMAIL_JOB, payload: { emailId: id }, uniqueKey: `email:${id}` });
  return id;
}

/**
 * The send_email job: hands the email to SMTP when a mail server is configured; otherwise marks it not_sent, and
 * admins read it in the outbox. A failed send is retried by the worker; the last failure marks the email failed.
 */
export const sendEmailJob: JobHandler = async (job, { deps, now, isLastAttempt }) => {
  const email = await findEmailToSend(deps.db, String(job.payload.emailId ?? ''));
  if (!email || email.status === 'sent') return;
  if (!deps.mailer.delivers) {
    await recordSendAttempt(deps.db, email.id, { status: 'not_sent', attempted: false });
    return;
  }
  try {
    await deps.mailer.send({ to: email.toAddress, subject: email.subject, text: email.bodyText, attachments: email.attachments ?? undefined });
  } catch (error) {
    const lastError = describeError(error);
    await recordSendAttempt(deps.db, email.id, { status: isLastAttempt ? 'failed' : 'queued', attempted: true, lastError });
    throw error;
  }
  await recordSendAttempt(deps.db, email.id, { status: 'sent', attempted: true, sentAt: now, lastError: null });
};
