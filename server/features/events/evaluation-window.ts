// When each questionnaire of an event is open: the evaluation from the event's end for EVALUATION_OPEN_DAYS, the
// follow-up survey from follow_up_months after the end for FOLLOW_UP_OPEN_DAYS. Pure, so the job and the forms agree.
import { EVALUATION_OPEN_DAYS, FOLLOW_UP_OPEN_DAYS, type EvaluationKind } from '#shared/events/evaluation-items.ts';

const DAY_MS = 24 * 3600 * 1000;

export interface Window {
  kind: EvaluationKind;
  opensAt: Date;
  closesAt: Date;
}

/** The same day and time `months` later (UTC); the 31st of a shorter month becomes its last day. */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** The windows an event has: always the evaluation, the follow-up only when the event asks for one. */
export function windowsOf(event: { endsAt: Date; followUpMonths: number | null }): Window[] {
  const evaluation = { kind: 'evaluation' as const, opensAt: event.endsAt, closesAt: new Date(event.endsAt.getTime() + EVALUATION_OPEN_DAYS * DAY_MS) };
  if (!event.followUpMonths) return [evaluation];
  const opensAt = addMonths(event.endsAt, event.followUpMonths);
  return [evaluation, { kind: 'follow_up', opensAt, closesAt: new Date(opensAt.getTime() + FOLLOW_UP_OPEN_DAYS * DAY_MS) }];
}

export function isOpen(window: Window, now: Date): boolean {
  return now >= window.opensAt && now < window.closesAt;
}
