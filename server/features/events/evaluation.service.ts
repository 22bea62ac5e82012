// Event evaluation, the person's side: a checked-in participant opens the form from their registration page or an
// e-mailed invitation (the token travels in the body) and answers each questionnaire once. The answers are stored
// without the registration: a separate marker records who has answered, so results stay anonymous (decision 014).
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { sha256 } from '#server/lib/crypto.ts';
import type { EvaluationKind } from '#shared/events/evaluation-items.ts';
import type { EvaluationForm, EvaluationSubmit } from '#shared/events/evaluation.schema.ts';
import { isOpen, windowsOf, type Window } from './evaluation-window.ts';
import * as queries from './evaluation.queries.ts';

type SurveyState = EvaluationForm['surveys'][number]['state'];

/** Who may answer at all: a registration that was checked in, at an event that took place. */
function mayAnswer(r: queries.TokenRegistration): boolean {
  return r.checkedInAt !== null && r.status !== 'cancelled' && r.status !== 'rejected' && r.eventStatus === 'published';
}

function stateOf(r: queries.TokenRegistration, window: Window, answered: string[], now: Date): SurveyState {
  if (!mayAnswer(r)) return 'not_eligible';
  if (answered.includes(window.kind)) return 'answered';
  if (now < window.opensAt) return 'not_open_yet';
  return isOpen(window, now) ? 'open' : 'closed';
}

/** The registration behind the link; with `kind`, only when the link may answer that questionnaire. */
async function registrationOf(ctx: Ctx, token: string, kind?: EvaluationKind): Promise<queries.TokenRegistration> {
  const registration = await queries.findRegistrationByToken(ctx.db, sha256(token));
  // NOTE: the same answer for a forged token, one of a deleted registration, and an invitation to the other
  // questionnaire: nothing to learn by guessing or by swapping links.
  const crossed = kind !== undefined && registration?.invitationKind != null && registration.invitationKind !== kind;
  if (!registration || crossed) throw new AppError('not_found', 'This link is not valid.');
  return registration;
}

/** The questionnaires this link reaches: an invitation's own, or all of them for the registration's link. */
function windowsFor(r: queries.TokenRegistration): Window[] {
  return windowsOf(r).filter((w) => r.invitationKind == null || w.kind === r.invitationKind);
}

/** What the person behind a link may answer now, with the event's title in their language. */
export async function evaluationForm(ctx: Ctx, token: string, language: string): Promise<EvaluationForm> {
  const r = await registrationOf(ctx, token);
  const answered = await queries.answeredKinds(ctx.db, r.id);
  const title = await queries.eventTitle(ctx.db, r.eventId, language);
  return {
    eventId: r.eventId,
    title: title?.title ?? '',
    titleLanguage: title?.language ?? r.sourceLanguage,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    surveys: windowsFor(r).map((w) => ({ kind: w.kind, state: stateOf(r, w, answered, ctx.now), opensAt: w.opensAt, closesAt: w.closesAt })),
  };
}

/** Keeps only what was answered: skipped items and empty comments leave no trace. */
function trimmed(input: EvaluationSubmit) {
  const answers = Object.fromEntries(Object.entries(input.answers).filter(([, v]) => v !== undefined));
  const comments = Object.fromEntries(Object.entries(input.comments).flatMap(([k, v]) => (v?.trim() ? [[k, v.trim()]] : [])));
  return { answers, comments };
}

/** Stores one anonymous answer set; a second one for the same registration and questionnaire is refused (409). */
export async function submitEvaluation(ctx: Ctx, input: EvaluationSubmit): Promise<{ kind: EvaluationSubmit['kind'] }> {
  const r = await registrationOf(ctx, input.token, input.kind);
  if (!mayAnswer(r)) throw new AppError('forbidden', 'Only people who attended the event can answer its questionnaires.');
  const window = windowsOf(r).find((w) => w.kind === input.kind);
  if (!window) throw new AppError('conflict', 'This event has no follow-up questionnaire.');
  if (ctx.now < window.opensAt) throw new AppError('conflict', 'This questionnaire opens when the event has ended.');
  if (!isOpen(window, ctx.now)) throw new AppError('conflict', 'This questionnaire has closed.');
  const { answers, comments } = trimmed(input);
  if (Object.keys(answers).length === 0 && Object.keys(comments).length === 0) {
    throw new AppError('invalid', 'Answer at least one question.', { fields: { answers: 'Answer at least one question.' } });
  }
  await ctx.db.transaction().execute(async (trx) => {
    // NOTE: the marker first: of parallel submits only one inserts it, the others wait on its key and then find it.
    if (!(await queries.markAnswered(trx, r.id, input.kind))) throw new AppError('conflict', 'You have already answered this questionnaire.');
    await queries.insertResponse(trx, { eventId: r.eventId, kind: input.kind, language: input.language, answers, comments, day: ctx.now.toISOString().slice(0, 10) });
    // NOTE: no actor, address or registration in the entry: with them, its time would tie a person to the answers.
    const anonymous = { now: ctx.now, actor: null, ip: null };
    await recordAudit(anonymous, trx, { action: 'event_evaluation.submitted', entityType: 'event', entityId: r.eventId, organisationId: r.organisationId, details: { kind: input.kind } });
  });
  return { kind: input.kind };
}
