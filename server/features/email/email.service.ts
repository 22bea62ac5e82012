// Outgoing email: every message is written to the outbox in the caller's transaction, then sent by a job.
// NOTE: subjects and bodies are neutral (no names, no subject matter): a mailbox may be read by someone else.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { writeTogether, type Write } from '#server/db/write-together.ts';
import type { Database, EmailAttachment } from '#server/db/schema.ts';
import { describeError, jobInsert, type JobHandler } from '#server/features/jobs/jobs.service.ts';
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

/** Queues an email in the caller's transaction (the outbox row and its send job, in one statement); its id. */
export async function queueEmail(db: Kysely<Database>, email: NewEmail): Promise<string> {
  const { id, writes } = emailWrites(db, email);
  await writeTogether(db, writes);
  return id;
}

/** The writes that queue an email, for a caller that sends them with its own writes in one statement. */
export function emailWrites(db: Kysely<Database>, email: NewEmail): { id: string; writes: Write[] } {
  // NOTE: the id is made here, not by the database, so the send job can name it in the same statement.
  const id = randomUUID();
  const outbox = db.insertInto('outboxEmail').values({
    id,
    toAddress: email.to,
    subject: email.subject,
    bodyText: email.text,
    organisationId: email.organisationId ?? null,
    attachments: email.attachments?.length ? JSON.stringify(email.attachments) : null,
  });
  return { id, writes: [outbox, jobInsert(db, { kind: SEND_EMAIL_JOB, payload: { emailId: id }, uniqueKey: `email:${id}` })] };
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
