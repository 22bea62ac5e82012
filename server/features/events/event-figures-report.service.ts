// The events report: the figures of event-figures.ts over the events the actor's organisation organises in a period,
// for its coordinators, admins and donor viewers, with small cells withheld (event-figures-disclosure.ts).
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import type { EventReport, EventReportQuery } from '#shared/events/evaluation.schema.ts';
import { MIN_RESPONSES_SHOWN } from '#shared/events/evaluation-items.ts';
import { withholdSmallCells } from './event-figures-disclosure.ts';
import { knowledgeChange } from './event-figures-learning.ts';
import * as figures from './event-figures.ts';
import { round2 } from './evaluation-tally.ts';

const DAY_MS = 24 * 3600 * 1000;

function periodOf(query: EventReportQuery): { from: Date; to: Date } {
  const from = new Date(`${query.from}T00:00:00Z`);
  const to = new Date(new Date(`${query.to}T00:00:00Z`).getTime() + DAY_MS);
  if (to <= from) throw new AppError('invalid', 'The last day cannot come before the first day.', { fields: { to: 'The last day cannot come before the first day.' } });
  return { from, to };
}

async function participants(ctx: Ctx, filter: figures.EventFilter): Promise<EventReport['participants']> {
  const by = async (dimension: figures.ParticipantDimension) => withholdSmallCells(await figures.participantsBy(ctx.db, filter, dimension));
  return {
    total: await figures.participantsTotal(ctx.db, filter),
    byCountry: await by('country'),
    byInstitutionType: await by('institution_type'),
    byProfession: await by('profession'),
    bySex: await by('sex'),
  };
}

async function eventLines(ctx: Ctx, filter: figures.EventFilter, language: string): Promise<EventReport['events']> {
  const lines = await figures.eventLines(ctx.db, filter);
  if (lines.length === 0) return [];
  const texts = await ctx.db.selectFrom('eventText').select(['eventId', 'language', 'title']).where('eventId', 'in', lines.map((l) => l.id)).execute();
  const titleOf = (id: string, source: string) =>
    (texts.find((t) => t.eventId === id && t.language === language) ?? texts.find((t) => t.eventId === id && t.language === source))?.title ?? '';
  return lines.map((l) => ({
    id: l.id,
    title: titleOf(l.id, l.sourceLanguage),
    type: l.type,
    startsAt: l.startsAt,
    confirmed: l.confirmed,
    checkedIn: l.checkedIn,
    responses: l.responses,
    // NOTE: a mean of one or two answers is those people's answers; withheld as on the results page.
    satisfactionMean: l.responses >= MIN_RESPONSES_SHOWN && l.satisfactionMean !== null ? round2(l.satisfactionMean) : null,
  }));
}

/** The events report of the actor's organisation for a period (events starting in it). */
export async function eventReport(ctx: Ctx, query: EventReportQuery): Promise<EventReport> {
  const actor = actorOf(ctx);
  if (!actor.organisationId) throw new AppError('forbidden', 'Choose an organisation first.');
  const { from, to } = periodOf(query);
  const filter: figures.EventFilter = { organisationId: actor.organisationId, from, to };
  const attendance = await figures.attendanceRate(ctx.db, filter, ctx.now);
  const satisfaction = await figures.satisfaction(ctx.db, filter);
  const shownSatisfaction = satisfaction.n >= MIN_RESPONSES_SHOWN;
  return {
    from: query.from,
    to: query.to,
    events: await eventLines(ctx, filter, query.language ?? actor.language ?? 'en'),
    participants: await participants(ctx, filter),
    uniqueProfessionals: await figures.uniqueProfessionalsTrained(ctx.db, filter),
    attendance: { ...attendance, rate: attendance.rate === null ? null : round2(attendance.rate) },
    satisfaction: {
      n: satisfaction.n,
      mean: shownSatisfaction && satisfaction.mean !== null ? round2(satisfaction.mean) : null,
      satisfiedShare: shownSatisfaction && satisfaction.satisfiedShare !== null ? round2(satisfaction.satisfiedShare) : null,
    },
    participantDays: await figures.participantDays(ctx.db, filter),
    knowledgeChange: await knowledgeChange(ctx.db, { organisationId: actor.organisationId, from, to }),
  };
}
