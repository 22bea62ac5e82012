// Event evaluation queries: the registration behind a link, who has answered, the anonymous answers themselves, and
// the event facts the results need. Kysely only, no rules.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { EvaluationKind } from '#shared/events/evaluation-items.ts';

/**
 * The registration a link's token belongs to: the registration's own token (`invitationKind` null: every
 * questionnaire), or the token of an evaluation invitation e-mailed to it (`invitationKind`: that questionnaire only).
 * With the event facts that decide whether a form is open.
 */
export async function findRegistrationByToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('registration as r')
    .innerJoin('event as e', 'e.id', 'r.eventId')
    .leftJoin('eventEvaluationInvitation as i', (join) => join.onRef('i.registrationId', '=', 'r.id').on('i.tokenHash', '=', tokenHash))
    .select(['r.id', 'r.eventId', 'r.status', 'r.checkedInAt', 'e.startsAt', 'e.endsAt', 'e.status as eventStatus', 'e.followUpMonths', 'e.sourceLanguage', 'e.organisationId', 'i.kind as invitationKind'])
    .where((eb) => eb.or([eb('r.manageTokenHash', '=', tokenHash), eb('i.tokenHash', '=', tokenHash)]))
    .executeTakeFirst();
}

export type TokenRegistration = NonNullable<Awaited<ReturnType<typeof findRegistrationByToken>>>;

export async function answeredKinds(db: Db, registrationId: string): Promise<string[]> {
  const rows = await db.selectFrom('eventEvaluationAnswered').select('kind').where('registrationId', '=', registrationId).execute();
  return rows.map((r) => r.kind);
}

/** Marks the registration as having answered this kind; false when it already had (the primary key decides, once). */
export async function markAnswered(db: Db, registrationId: string, kind: EvaluationKind): Promise<boolean> {
  const row = await db
    .insertInto('eventEvaluationAnswered')
    .values({ registrationId, kind })
    .onConflict((oc) => oc.columns(['registrationId', 'kind']).doNothing())
    .returning('kind')
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertResponse(
  db: Db,
  r: { eventId: string; kind: EvaluationKind; language: string; answers: Record<string, unknown>; comments: Record<string, string>; day: string },
): Promise<void> {
  await db
    .insertInto('eventEvaluationResponse')
    .values({ eventId: r.eventId, kind: r.kind, language: r.language, answers: JSON.stringify(r.answers), comments: JSON.stringify(r.comments), submittedOn: r.day })
    .execute();
}

/** The event's title in the language asked for, else in the language it was written in. */
export async function eventTitle(db: Db, eventId: string, language: string) {
  return db
    .selectFrom('eventText as t')
    .innerJoin('event as e', 'e.id', 't.eventId')
    .select(['t.title', 't.language'])
    .where('t.eventId', '=', eventId)
    .where((eb) => eb.or([eb('t.language', '=', language), eb('t.language', '=', eb.ref('e.sourceLanguage'))]))
    .orderBy(sql`t.language = ${language}`, 'desc')
    .executeTakeFirst();
}

/** The event and its organising organisations (the lead and co-organisers), for the organiser check. */
export async function findEventForOrganiser(db: Db, eventId: string) {
  const event = await db.selectFrom('event').select(['id', 'endsAt', 'followUpMonths', 'status', 'sourceLanguage']).where('id', '=', eventId).executeTakeFirst();
  if (!event) return null;
  const organisers = await db.selectFrom('eventOrganiser').select('organisationId').where('eventId', '=', eventId).execute();
  return { ...event, organiserIds: organisers.map((o) => o.organisationId) };
}

/** People who may answer: registrations checked in at the event. */
export async function countCheckedIn(db: Db, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('registration')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('eventId', '=', eventId)
    .where('checkedInAt', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The anonymous answers of one kind, in a random but stable order (the random ids), never in the order they came. */
export async function responsesOf(db: Db, eventId: string, kind: EvaluationKind) {
  return db
    .selectFrom('eventEvaluationResponse')
    .select(['answers', 'comments', 'language'])
    .where('eventId', '=', eventId)
    .where('kind', '=', kind)
    .orderBy('id')
    .execute();
}

export type ResponseRow = Awaited<ReturnType<typeof responsesOf>>[number];
