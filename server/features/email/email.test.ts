import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '#tests/test-app.ts';
import { createOrganisation } from '#tests/factories.ts';
import { runDueJobs } from '#server/features/jobs/jobs.worker.ts';
import { queueEmail, SEND_EMAIL_JOB, sendEmailJob } from './email.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const handlers = { [SEND_EMAIL_JOB]: sendEmailJob };
const T0 = new Date('2031-05-01T08:00:00Z');

async function queue(to: string): Promise<string> {
  const org = await createOrganisation(t.deps.db);
  return queueEmail(t.deps.db, { to, subject: 'You have a new message', text: 'Sign in to read it: https://ph.example/inbox', organisationId: org.id });
}

async function emailRow(id: string) {
  return t.deps.db.selectFrom('outboxEmail').select(['status', 'attempts', 'lastError', 'sentAt']).where('id', '=', id).executeTakeFirstOrThrow();
}

describe('send_email job', () => {
  it('marks the email not_sent when no mail server is configured (admins read it in the outbox)', async () => {
    t.setNow(T0);
    t.setDelivers(false);
    const id = await queue('first@example.test');
    expect(await runDueJobs(t.deps, handlers)).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(await emailRow(id)).toEqual({ status: 'not_sent', attempts: 0, lastError: null, sentAt: null });
    expect(t.sent).toEqual([]);
  });

  it('hands the email to SMTP when delivery is on, and records when it was sent', async () => {
    t.setNow(T0);
    t.setDelivers(true);
    try {
      const id = await queue('second@example.test');
      expect(await runDueJobs(t.deps, handlers)).toEqual({ done: 1, retried: 0, failed: 0 });
      expect(await emailRow(id)).toEqual({ status: 'sent', attempts: 1, lastError: null, sentAt: T0 });
      expect(t.sent).toEqual([{ to: 'second@example.test', subject: 'You have a new message', text: 'Sign in to read it: https://ph.example/inbox' }]);
    } finally {
      t.setDelivers(false);
    }
  });

  it('retries a failed send with backoff, never stores the address, and marks the email failed at the last attempt', async () => {
    t.setNow(T0);
    const failing = {
      ...t.deps,
      mailer: {
        delivers: true,
        send: async () => {
          throw new Error('550 5.1.1 <third@example.test>: Recipient address rejected');
        },
      },
    };
    const id = await queue('third@example.test');
    await t.deps.db.updateTable('job').set({ maxAttempts: 2 }).where('uniqueKey', '=', `email:${id}`).execute();
    expect(await runDueJobs(failing, handlers)).toEqual({ done: 0, retried: 1, failed: 0 });
    expect(await emailRow(id)).toEqual({ status: 'queued', attempts: 1, lastError: '550 5.1.1 <[address]>: Recipient address rejected', sentAt: null });
    const job = await t.deps.db.selectFrom('job').select(['status', 'runAt', 'lastError']).where('uniqueKey', '=', `email:${id}`).executeTakeFirstOrThrow();
    expect(job).toEqual({ status: 'pending', runAt: new Date(T0.getTime() + 30_000), lastError: '550 5.1.1 <[address]>: Recipient address rejected' });
    t.setNow(new Date(T0.getTime() + 30_000));
    expect(await runDueJobs(failing, handlers)).toEqual({ done: 0, retried: 0, failed: 1 });
    expect(await emailRow(id)).toMatchObject({ status: 'failed', attempts: 2 });
  });
});
