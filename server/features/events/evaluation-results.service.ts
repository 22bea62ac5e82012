// Event evaluation, the organiser's side: response rate, the distribution of every item, means and comments for
// each questionnaire, and the same as a CSV download. Only the event's organisers see them (404 for anyone else, as
// for every organiser route); below MIN_RESPONSES_SHOWN answers only the counts are shown.
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { csvRecord, type Cell } from '#server/lib/spreadsheet-safe.ts';
import { MIN_RESPONSES_SHOWN } from '#shared/events/evaluation-items.ts';
import type { EvaluationResults, SectionResult } from '#shared/events/evaluation.schema.ts';
import { mayManageEvent } from './event.policy.ts';
import { listComments, round2, tallyItems } from './evaluation-tally.ts';
import { windowsOf, type Window } from './evaluation-window.ts';
import * as queries from './evaluation.queries.ts';

async function managedEvent(ctx: Ctx, eventId: string) {
  const event = await queries.findEventForOrganiser(ctx.db, eventId);
  if (!event || !mayManageEvent(ctx.actor, event.organiserIds)) throw new AppError('not_found', 'Event not found.');
  return event;
}

async function sectionOf(ctx: Ctx, eventId: string, window: Window, eligible: number): Promise<SectionResult> {
  const rows = await queries.responsesOf(ctx.db, eventId, window.kind);
  const shown = rows.length >= MIN_RESPONSES_SHOWN;
  return {
    kind: window.kind,
    opensAt: window.opensAt,
    closesAt: window.closesAt,
    eligible,
    responses: rows.length,
    responseRate: eligible > 0 ? round2(rows.length / eligible) : null,
    shown,
    items: shown ? tallyItems(window.kind, rows) : [],
    comments: shown ? listComments(window.kind, rows) : [],
  };
}

/** The results of an event's evaluation (and follow-up survey, when it has one), for its organisers. */
export async function evaluationResults(ctx: Ctx, eventId: string, language?: string): Promise<EvaluationResults> {
  const event = await managedEvent(ctx, eventId);
  const eligible = await queries.countCheckedIn(ctx.db, eventId);
  const sections: SectionResult[] = [];
  for (const window of windowsOf(event)) sections.push(await sectionOf(ctx, eventId, window, eligible));
  const title = await queries.eventTitle(ctx.db, eventId, language ?? actorOf(ctx).language ?? event.sourceLanguage);
  return { eventId, title: title?.title ?? '', titleLanguage: title?.language ?? event.sourceLanguage, sections };
}

/** The results as CSV (one line per item value, then the comments), audited as an organiser's export. */
export async function evaluationResultsCsv(ctx: Ctx, eventId: string): Promise<string> {
  const results = await evaluationResults(ctx, eventId, 'en');
  const lines: Cell[][] = [['questionnaire', 'item', 'value', 'count', 'n', 'mean', 'language', 'comment']];
  for (const section of results.sections) {
    // NOTE: n of the "responses" line is the number of people who could answer (checked in).
    lines.push([section.kind, 'responses', '', section.responses, section.eligible]);
    for (const item of section.items) for (const c of item.counts) lines.push([section.kind, item.key, c.value, c.count, item.n, item.mean]);
    for (const comment of section.comments) for (const t of comment.texts) lines.push([section.kind, comment.key, '', null, null, null, t.language, t.text]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    await recordAudit(ctx, trx, { action: 'event_evaluation.exported', entityType: 'event', entityId: eventId, details: { format: 'csv' } });
  });
  return lines.map(csvRecord).join('');
}
