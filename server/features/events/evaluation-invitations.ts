// The event_evaluation_invitations job: queued once an hour by the worker's maintenance. It finds checked-in people
// whose questionnaire is open (the evaluation after the event, the follow-up survey months later), records one
// invitation per registration and kind (its primary key makes a second run send nothing) and queues the e-mail with
// a fresh token of its own, all in one transaction per batch.
import { sql, type Transaction } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { queueEmail } from '#server/features/email/email.service.ts';
import { enqueueJob, type JobHandler, type JobHandlers } from '#server/features/jobs/jobs.service.ts';
import { randomToken, sha256 } from '#server/lib/crypto.ts';
import { EVALUATION_OPEN_DAYS, FOLLOW_UP_OPEN_DAYS, type EvaluationKind } from '#shared/events/evaluation-items.ts';
import { evaluationInvitationEmail } from './evaluation-email.ts';
import { windowsOf } from './evaluation-window.ts';

export const EVALUATION_INVITATIONS_JOB = 'event_evaluation_invitations';
const BATCH = 200;

/** Queues this hour's sweep once (uniqueKey per UTC hour), however many instances ask. */
export async function scheduleEvaluationInvitations(db: Db, handlers: JobHandlers, now: Date): Promise<void> {
  if (!handlers[EVALUATION_INVITATIONS_JOB]) return;
  await enqueueJob(db, { kind: EVALUATION_INVITATIONS_JOB, uniqueKey: `event-evaluation-invitations:${now.toISOString().slice(0, 13)}`, runAt: now, maxAttempts: 3 });
}

/** When the questionnaire of this kind opens, in SQL (the same rule as evaluation-window.ts). */
function opensAt(kind: EvaluationKind) {
  return kind === 'evaluation' ? sql<Date>`e.ends_at` : sql<Date>`e.ends_at + make_interval(months => e.follow_up_months)`;
}

/** Checked-in people of events whose questionnaire of this kind is open, not yet invited and not yet answered. */
async function dueInvitations(trx: Transaction<Database>, kind: EvaluationKind, now: Date) {
  const openDays = kind === 'evaluation' ? EVALUATION_OPEN_DAYS : FOLLOW_UP_OPEN_DAYS;
  return trx
    .selectFrom('registration as r')
    .innerJoin('event as e', 'e.id', 'r.eventId')
    .select(['r.id', 'r.email', 'r.language', 'r.eventId', 'e.organisationId', 'e.endsAt', 'e.followUpMonths'])
    .where('r.checkedInAt', 'is not', null)
    .where('r.status', 'not in', ['cancelled', 'rejected'])
    .where('e.status', '=', 'published')
    .$if(kind === 'follow_up', (qb) => qb.where('e.followUpMonths', 'is not', null))
    .where(opensAt(kind), '<=', now)
    .where(sql<Date>`${opensAt(kind)} + make_interval(days => ${openDays})`, '>', now)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('eventEvaluationInvitation as i').select('i.kind').whereRef('i.registrationId', '=', 'r.id').where('i.kind', '=', kind))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('eventEvaluationAnswered as a').select('a.kind').whereRef('a.registrationId', '=', 'r.id').where('a.kind', '=', kind))),
    )
    .limit(BATCH)
    .forUpdate('r')
    .skipLocked()
    .execute();
}

/** One batch of one kind in one transaction: invitation rows, e-mails and one audit entry per event. */
async function inviteBatch(db: Db, kind: EvaluationKind, now: Date, publicUrl: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const due = await dueInvitations(trx, kind, now);
    const perEvent = new Map<string, { organisationId: string; count: number }>();
    for (const r of due) {
      const token = randomToken();
      const made = await trx
        .insertInto('eventEvaluationInvitation')
        .values({ registrationId: r.id, kind, tokenHash: sha256(token), sentAt: now })
        .onConflict((oc) => oc.columns(['registrationId', 'kind']).doNothing())
        .returning('kind')
        .executeTakeFirst();
      if (!made) continue;
      const window = windowsOf(r).find((w) => w.kind === kind)!;
      await queueEmail(trx, evaluationInvitationEmail({ to: r.email, language: r.language, kind, token, closesAt: window.closesAt, publicUrl, organisationId: r.organisationId }));
      const tally = perEvent.get(r.eventId) ?? { organisationId: r.organisationId, count: 0 };
      perEvent.set(r.eventId, { ...tally, count: tally.count + 1 });
    }
    const system = { now, actor: null, ip: null };
    for (const [eventId, { organisationId, count }] of perEvent) {
      await recordAudit(system, trx, { action: 'event_evaluation.invitations_sent', entityType: 'event', entityId: eventId, organisationId, actorAccountId: null, details: { kind, count } });
    }
    return due.length;
  });
}

/** The job: sweeps each kind in batches until nobody due is left uninvited. */
export const evaluationInvitationsJob: JobHandler = async (_job, { deps, now }) => {
  for (const kind of ['evaluation', 'follow_up'] as const) {
    while ((await inviteBatch(deps.db, kind, now, deps.config.publicUrl)) === BATCH) {
      // NOTE: another batch; each commits on its own, so a crash midway keeps what was sent and resumes the rest.
    }
  }
};
