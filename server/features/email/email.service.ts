// Outgoing email: every message is written to the outbox in the caller's transaction, then sent by a job.
// NOTE: subjects and bodies are neutral (no names, no subject matter): a mailbox may be read by someone else.
import type { Kysely } from 'kysely';
import type { Database } from '#server/db/schema.ts';
import { enqueueJob } from '#server/features/jobs/jobs.service.ts';

export interface NewEmail {
  to: string;
  subject: string;
  text: string;
  organisationId?: string | null;
}

export const SEND_EMAIL_JOB = 'send_email';

export async function queueEmail(db: Kysely<Database>, email: NewEmail): Promise<string> {
  const { id } = await db
    .insertInto('outboxEmail')
    .values({ toAddress: email.to, subject: email.subject, bodyText: email.text, organisationId: email.organisationId ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueueJob(db, { kind: SEND_EMAIL_JOB, payload: { emailId: id }, uniqueKey: `email:${id}` });
  return id;
}
