// The answers a registration keeps: only the questions the event asks, and every required one answered. The shape of
// each answer is checked by the schema (shared/events/registration.schema.ts); this checks them against the event.
import type { EventQuestion } from '#server/db/schema-events.ts';
import type { RegistrationAnswers } from '#shared/events/registration.schema.ts';

const REQUIRED = 'Answer this question';

/** The answers to keep, and the field errors of required questions left empty (prefixed with `path`). */
export function checkAnswers(questions: readonly EventQuestion[], answers: RegistrationAnswers, path: string): { kept: Record<string, unknown>; errors: Record<string, string> } {
  const kept: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const q of questions) {
    const value = (answers as Record<string, unknown>)[q.key];
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (!empty) kept[q.key] = value;
    else if (q.required) errors[`${path}answers.${q.key}`] = REQUIRED;
  }
  return { kept, errors };
}
