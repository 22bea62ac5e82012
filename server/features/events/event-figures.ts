// Figures of events for reporting (issue 11, "exposed as queries the reporting module can call"): participants by
// country, institution type, profession and sex; unique professionals trained; attendance rate; satisfaction;
// participant-days. Plain SQL functions over a filter; no disclosure control here (the caller applies it, see
// event-figures-report.service.ts), no rules, no actor.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';
import { SATISFACTION_ITEM, SATISFIED_FROM } from '#shared/events/evaluation-items.ts';
import { MEDICAL_PROFESSIONS, type EventType } from '#shared/events/event-vocabulary.ts';

export interface EventFilter {
  /** Events this organisation organises (as lead or co-organiser). */
  organisationId?: string;
  /** Events starting at or after `from` and before `to`. */
  from?: Date;
  to?: Date;
  eventIds?: readonly string[];
  types?: readonly EventType[];
}

/** Registration questions reported as dimensions (keys of registration.answers). */
export const PARTICIPANT_DIMENSIONS = ['country', 'institution_type', 'profession', 'sex'] as const;
export type ParticipantDimension = (typeof PARTICIPANT_DIMENSIONS)[number];

/** 'checked_in': people who attended; 'confirmed': people holding a confirmed place (attended or not). */
export type ParticipantBasis = 'checked_in' | 'confirmed';

export interface Count {
  key: string;
  count: number;
}

/** The events a filter selects: published ones only (drafts and cancelled events took place for nobody). */
function eventsOf(db: Db, f: EventFilter) {
  return db
    .selectFrom('event as e')
    .where('e.status', '=', 'published')
    .$if(f.organisationId !== undefined, (q) =>
      q.where(({ exists, selectFrom }) => exists(selectFrom('eventOrganiser as o').select('o.eventId').whereRef('o.eventId', '=', 'e.id').where('o.organisationId', '=', f.organisationId!))),
    )
    .$if(f.from !== undefined, (q) => q.where('e.startsAt', '>=', f.from!))
    .$if(f.to !== undefined, (q) => q.where('e.startsAt', '<', f.to!))
    .$if(f.eventIds !== undefined, (q) => (f.eventIds!.length === 0 ? q.where(sql<boolean>`false`) : q.where('e.id', 'in', f.eventIds!)))
    .$if(f.types !== undefined, (q) => (f.types!.length === 0 ? q.where(sql<boolean>`false`) : q.where('e.type', 'in', f.types!)));
}

function onBasis(basis: ParticipantBasis) {
  return (eb: ExpressionBuilder<Database & { r: Database['registration'] }, 'r'>) =>
    basis === 'checked_in' ? eb('r.checkedInAt', 'is not', null) : eb.or([eb('r.status', '=', 'confirmed'), eb('r.checkedInAt', 'is not', null)]);
}

function registrationsOf(db: Db, f: EventFilter, basis: ParticipantBasis) {
  return eventsOf(db, f).innerJoin('registration as r', 'r.eventId', 'e.id').where(onBasis(basis));
}

/** Participations (a person at two events counts twice) by one registration answer; no answer counts as 'unknown'. */
export async function participantsBy(db: Db, f: EventFilter, dimension: ParticipantDimension, basis: ParticipantBasis = 'checked_in'): Promise<Count[]> {
  // NOTE: a literal, not a parameter, so the grouped expression matches the selected one; `dimension` is one of four codes.
  const key = sql<string>`coalesce(nullif(r.answers->>${sql.lit(dimension)}, ''), 'unknown')`;
  const rows = await registrationsOf(db, f, basis)
    .select([key.as('key'), (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(key)
    .orderBy('count', 'desc')
    .orderBy('key')
    .execute();
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

export async function participantsTotal(db: Db, f: EventFilter, basis: ParticipantBasis = 'checked_in'): Promise<number> {
  const row = await registrationsOf(db, f, basis).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Distinct people (by lower-cased e-mail) checked in at trainings, and those of them in a medical profession. */
export async function uniqueProfessionalsTrained(db: Db, f: EventFilter): Promise<{ all: number; medical: number }> {
  const trainings: EventFilter = { ...f, types: (f.types ?? ['training']).filter((t) => t === 'training') };
  const row = await registrationsOf(db, trainings, 'checked_in')
    .select([
      sql<number>`count(distinct lower(r.email))`.as('all'),
      sql<number>`count(distinct lower(r.email)) filter (where r.answers->>'profession' in (${sql.join([...MEDICAL_PROFESSIONS])}))`.as('medical'),
    ])
    .executeTakeFirstOrThrow();
  return { all: Number(row.all), medical: Number(row.medical) };
}

/** Checked in / confirmed, over events that have ended by `now` (an event still to come has nobody checked in yet). */
export async function attendanceRate(db: Db, f: EventFilter, now: Date): Promise<{ confirmed: number; checkedIn: number; rate: number | null }> {
  const row = await registrationsOf(db, f, 'confirmed')
    .where('e.endsAt', '<=', now)
    .select([(eb) => eb.fn.countAll<number>().as('confirmed'), sql<number>`count(*) filter (where r.checked_in_at is not null)`.as('checkedIn')])
    .executeTakeFirstOrThrow();
  const confirmed = Number(row.confirmed);
  const checkedIn = Number(row.checkedIn);
  return { confirmed, checkedIn, rate: confirmed > 0 ? checkedIn / confirmed : null };
}

/** Overall satisfaction (1–5) from the evaluations: the mean, the share answering 4 or 5, and how many answered. */
export async function satisfaction(db: Db, f: EventFilter): Promise<{ n: number; mean: number | null; satisfiedShare: number | null }> {
  const value = sql<number>`(v.answers->>${SATISFACTION_ITEM})::int`;
  const row = await eventsOf(db, f)
    .innerJoin('eventEvaluationResponse as v', 'v.eventId', 'e.id')
    .where('v.kind', '=', 'evaluation')
    .where(sql<boolean>`jsonb_typeof(v.answers->${SATISFACTION_ITEM}) = 'number'`)
    .select([sql<number>`count(*)`.as('n'), sql<number | null>`avg(${value})`.as('mean'), sql<number>`count(*) filter (where ${value} >= ${SATISFIED_FROM})`.as('satisfied')])
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return { n, mean: n > 0 ? Number(row.mean) : null, satisfiedShare: n > 0 ? Number(row.satisfied) / n : null };
}

/** Attendance days: each checked-in person times the calendar days the event spans in its own time zone. */
export async function participantDays(db: Db, f: EventFilter): Promise<number> {
  const days = sql<number>`((e.ends_at at time zone e.time_zone)::date - (e.starts_at at time zone e.time_zone)::date + 1)`;
  const row = await registrationsOf(db, f, 'checked_in').select(sql<number>`coalesce(sum(${days}), 0)`.as('days')).executeTakeFirstOrThrow();
  return Number(row.days);
}

/** One line per event: confirmed and checked-in registrations, evaluation responses and mean satisfaction. */
export async function eventLines(db: Db, f: EventFilter) {
  const rows = await eventsOf(db, f)
    .select([
      'e.id',
      'e.type',
      'e.startsAt',
      'e.sourceLanguage',
      sql<number>`(select count(*) from registration r where r.event_id = e.id and (r.status = 'confirmed' or r.checked_in_at is not null))`.as('confirmed'),
      sql<number>`(select count(*) from registration r where r.event_id = e.id and r.checked_in_at is not null)`.as('checkedIn'),
      sql<number>`(select count(*) from event_evaluation_response v where v.event_id = e.id and v.kind = 'evaluation')`.as('responses'),
      sql<number | null>`(select avg((v.answers->>${SATISFACTION_ITEM})::int) from event_evaluation_response v where v.event_id = e.id and v.kind = 'evaluation' and jsonb_typeof(v.answers->${SATISFACTION_ITEM}) = 'number')`.as('satisfactionMean'),
    ])
    .orderBy('e.startsAt')
    .execute();
  return rows.map((r) => ({ ...r, confirmed: Number(r.confirmed), checkedIn: Number(r.checkedIn), responses: Number(r.responses), satisfactionMean: r.satisfactionMean === null ? null : Number(r.satisfactionMean) }));
}
