// Event evaluation on the wire: the person's form (reached with their registration's token, or an invitation's),
// the answers they send, the organiser's results and the events report for reporting (figures with small cells hidden).
import { z } from 'zod';
import { LanguageSchema } from '../auth/me.schema.ts';
import { DateTime } from '../lib/datetime.ts';
import { Day, int4, secret, text } from '../lib/input.ts';
import { COMMENT_MAX, EVALUATION_COMMENTS, EVALUATION_ITEMS, EVALUATION_KINDS, FOLLOW_UP_COMMENTS, FOLLOW_UP_ITEMS, PRACTICE_VALUES, type EvaluationItem } from './evaluation-items.ts';

export const EvaluationKindSchema = z.enum(EVALUATION_KINDS);

/** The secret of the person's link, from the URL fragment: sent in the body, never in a URL. */
export const EvaluationTokenSchema = z.object({ token: secret(200).min(20, 'Not a valid link') });

/** Opening the form: the token, and the language to show the event's title in. */
export const EvaluationFormRequestSchema = z.object({ token: EvaluationTokenSchema.shape.token, language: LanguageSchema.optional() });

const valueOf = (item: EvaluationItem) =>
  item.scale === 'agreement' ? z.union([int4(1, 5), z.literal('na')]) : item.scale === 'satisfaction' ? int4(1, 5) : z.enum(PRACTICE_VALUES);

/** Every item optional (a person may skip one), unknown items refused. */
function answersOf(items: readonly EvaluationItem[]) {
  return z.strictObject(Object.fromEntries(items.map((item) => [item.key, valueOf(item).optional()])));
}

function commentsOf(keys: readonly string[]) {
  return z.strictObject(Object.fromEntries(keys.map((key) => [key, text(COMMENT_MAX).optional()])));
}

export const EvaluationSubmitSchema = z.discriminatedUnion('kind', [
  z.object({ token: EvaluationTokenSchema.shape.token, kind: z.literal('evaluation'), language: LanguageSchema, answers: answersOf(EVALUATION_ITEMS), comments: commentsOf(EVALUATION_COMMENTS) }),
  z.object({ token: EvaluationTokenSchema.shape.token, kind: z.literal('follow_up'), language: LanguageSchema, answers: answersOf(FOLLOW_UP_ITEMS), comments: commentsOf(FOLLOW_UP_COMMENTS) }),
]);
export type EvaluationSubmit = z.infer<typeof EvaluationSubmitSchema>;

export const SURVEY_STATES = ['open', 'answered', 'not_open_yet', 'closed', 'not_eligible'] as const;

export const EvaluationFormSchema = z.object({
  eventId: z.uuid(),
  title: z.string(),
  titleLanguage: z.string(),
  startsAt: DateTime,
  endsAt: DateTime,
  surveys: z.array(z.object({ kind: EvaluationKindSchema, state: z.enum(SURVEY_STATES), opensAt: DateTime, closesAt: DateTime })),
});
export type EvaluationForm = z.infer<typeof EvaluationFormSchema>;

export const EvaluationSubmittedSchema = z.object({ kind: EvaluationKindSchema });

export const EvaluationResultsParamsSchema = z.object({ id: z.uuid() });
export const ResultsQuerySchema = z.object({ language: LanguageSchema.optional() });

const ItemResultSchema = z.object({
  key: z.string(),
  scale: z.enum(['agreement', 'satisfaction', 'practice']),
  /** Answers on the scale (not applicable and skipped left out). */
  n: z.number().int(),
  mean: z.number().nullable(),
  /** One count per value of the scale, in the scale's order; values as text ("1" … "5", "na", "yes"). */
  counts: z.array(z.object({ value: z.string(), count: z.number().int() })),
});
export type ItemResult = z.infer<typeof ItemResultSchema>;

export const SectionResultSchema = z.object({
  kind: EvaluationKindSchema,
  opensAt: DateTime,
  closesAt: DateTime,
  /** Checked-in registrations: the people who may answer. */
  eligible: z.number().int(),
  responses: z.number().int(),
  responseRate: z.number().nullable(),
  /** False below MIN_RESPONSES_SHOWN responses: items and comments are then withheld. */
  shown: z.boolean(),
  items: z.array(ItemResultSchema),
  comments: z.array(z.object({ key: z.string(), texts: z.array(z.object({ text: z.string(), language: z.string() })) })),
});
export type SectionResult = z.infer<typeof SectionResultSchema>;

export const EvaluationResultsSchema = z.object({
  eventId: z.uuid(),
  title: z.string(),
  /** The language the title is in (the one asked for, else the event's own). */
  titleLanguage: z.string(),
  sections: z.array(SectionResultSchema),
});
export type EvaluationResults = z.infer<typeof EvaluationResultsSchema>;

// The events report (GET /api/reports/events): figures over the events the actor's organisation organises.

export const EventReportQuerySchema = z.object({ from: Day, to: Day, language: LanguageSchema.optional() });
export type EventReportQuery = z.infer<typeof EventReportQuerySchema>;

/** A count, or null when it is below the disclosure threshold (shown as "< 3") or hidden so it cannot be worked out. */
const CellSchema = z.object({ key: z.string(), count: z.number().int().nullable() });
export type ReportCell = z.infer<typeof CellSchema>;

export const EventReportSchema = z.object({
  from: Day,
  to: Day,
  events: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      type: z.string(),
      startsAt: DateTime,
      confirmed: z.number().int(),
      checkedIn: z.number().int(),
      responses: z.number().int(),
      satisfactionMean: z.number().nullable(),
    }),
  ),
  participants: z.object({
    total: z.number().int(),
    byCountry: z.array(CellSchema),
    byInstitutionType: z.array(CellSchema),
    byProfession: z.array(CellSchema),
    bySex: z.array(CellSchema),
  }),
  uniqueProfessionals: z.object({ all: z.number().int(), medical: z.number().int() }),
  attendance: z.object({ confirmed: z.number().int(), checkedIn: z.number().int(), rate: z.number().nullable() }),
  satisfaction: z.object({ n: z.number().int(), mean: z.number().nullable(), satisfiedShare: z.number().nullable() }),
  participantDays: z.number().int(),
  knowledgeChange: z
    .object({ learners: z.number().int(), meanPre: z.number(), meanPost: z.number(), meanGain: z.number(), meanNormalisedGain: z.number().nullable() })
    .nullable(),
});
export type EventReport = z.infer<typeof EventReportSchema>;
