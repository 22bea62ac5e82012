// Support plans and their reviews, risk assessments and follow-up tasks of a case (issue 10), and "my work today".
//   GET  /api/cases/:id/plans                         → PlanList (the plans of the categories the grant reads)
//   POST /api/cases/:id/plans                         PlanCreate → SupportPlan (201, a draft)
//   PUT  /api/cases/:id/plans/:planId                 PlanUpdate → SupportPlan (409 with the current one)
//   POST /api/cases/:id/plans/:planId/status          PlanStatusChange → SupportPlan (422 when the step is not allowed)
//   GET  /api/cases/:id/plans/:planId/reviews         → PlanReview[];  POST PlanReviewCreate → PlanReview (201)
//   GET  /api/cases/:id/risk-assessments              → RiskList (oldest first: change over time);  POST RiskCreate
//   GET  /api/cases/:id/tasks                         → TaskList;  POST TaskCreate → CaseTask (201)
//   POST /api/cases/:id/tasks/:taskId/done            TaskDone → CaseTask (409 when stale or already done)
//   GET  /api/cases/my-work                           → MyWork (the signed-in person's tasks and follow-ups due)
import { z } from 'zod';
import { DateTime } from '../lib/datetime.ts';
import { Day, line, text, Version } from '../lib/input.ts';
import { RecordCategorySchema } from './assistance.schema.ts';
import { AssistanceTypeSchema, CaseCategorySchema, PLAN_STATUSES, PLAN_TYPES, RISK_LEVELS, type CaseCategory } from './case-vocabulary.ts';

export const PlanTypeSchema = z.enum(PLAN_TYPES);
export type PlanType = (typeof PLAN_TYPES)[number];
export const PlanStatusSchema = z.enum(PLAN_STATUSES);
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The data category a support plan belongs to, by its HTCDS type. */
export function planCategoryOf(type: PlanType): CaseCategory {
  if (type === 'Health') return 'health';
  if (type === 'Legal') return 'legal';
  if (type === 'SexualExploitationRehabilitation' || type === 'LabourExploitationRehabilitation') return 'psychological';
  return 'social';
}

export const PLAN_PROGRESS = ['on_track', 'some_progress', 'no_progress', 'goals_met'] as const;
export const TASK_KINDS = ['follow_up_contact', 'review_plan', 'risk_assessment', 'document', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const RiskLevelSchema = z.enum(RISK_LEVELS);

export const PlanParamsSchema = z.object({ id: z.uuid(), planId: z.uuid() }).strict();
export const TaskParamsSchema = z.object({ id: z.uuid(), taskId: z.uuid() }).strict();

const Goal = z.object({ text: line(300).pipe(z.string().min(1, 'Describe the goal')), done: z.boolean() }).strict();

const PlanFields = {
  goals: z.array(Goal).max(20),
  objectives: text(4000).nullable(),
  actionPlan: text(4000).nullable(),
  plannedEnd: Day.nullable(),
};

export const PlanCreateSchema = z
  .object({
    type: PlanTypeSchema,
    goals: PlanFields.goals.default([]),
    objectives: PlanFields.objectives.default(null),
    actionPlan: PlanFields.actionPlan.default(null),
    plannedEnd: PlanFields.plannedEnd.default(null),
  })
  .strict();
export type PlanCreate = z.infer<typeof PlanCreateSchema>;

export const PlanUpdateSchema = z.object({ ...PlanFields, version: Version }).partial().required({ version: true }).strict();
export type PlanUpdate = z.infer<typeof PlanUpdateSchema>;

/** The steps a team member takes; approval of a pending plan is the coordinator's decision (case_approval). */
export const PlanStatusChangeSchema = z
  .object({ status: z.enum(['active', 'completed', 'discontinued']), actualEnd: Day.nullable().default(null), version: Version })
  .strict();
export type PlanStatusChange = z.infer<typeof PlanStatusChangeSchema>;

export const PlanReviewCreateSchema = z.object({ reviewedOn: Day, progress: z.enum(PLAN_PROGRESS), note: text(2000).nullable().default(null) }).strict();
export type PlanReviewCreate = z.infer<typeof PlanReviewCreateSchema>;

export const PlanReviewSchema = z.object({
  id: z.uuid(),
  reviewedOn: z.string(),
  progress: z.enum(PLAN_PROGRESS),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
});
export type PlanReview = z.infer<typeof PlanReviewSchema>;

export const SupportPlanSchema = z.object({
  id: z.uuid(),
  type: PlanTypeSchema,
  category: CaseCategorySchema,
  status: PlanStatusSchema,
  goals: z.array(z.object({ text: z.string(), done: z.boolean() })),
  objectives: z.string().nullable(),
  actionPlan: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  actualEnd: z.string().nullable(),
  approvedAt: DateTime.nullable(),
  reviews: z.array(PlanReviewSchema),
  updatedAt: DateTime,
  version: z.number(),
});
export type SupportPlan = z.infer<typeof SupportPlanSchema>;

export const PlanListSchema = z.object({ plans: z.array(SupportPlanSchema), categories: z.array(CaseCategorySchema) });
export type PlanList = z.infer<typeof PlanListSchema>;

export const RiskCreateSchema = z
  .object({ assessedOn: Day, individual: RiskLevelSchema, household: RiskLevelSchema, community: RiskLevelSchema, note: text(2000).nullable().default(null) })
  .strict();
export type RiskCreate = z.infer<typeof RiskCreateSchema>;

export const RiskAssessmentSchema = z.object({
  id: z.uuid(),
  assessedOn: z.string(),
  individual: RiskLevelSchema,
  household: RiskLevelSchema,
  community: RiskLevelSchema,
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
});
export type RiskAssessment = z.infer<typeof RiskAssessmentSchema>;
export const RiskListSchema = z.object({ assessments: z.array(RiskAssessmentSchema) });
export type RiskList = z.infer<typeof RiskListSchema>;

export const TaskCreateSchema = z
  .object({
    kind: z.enum(TASK_KINDS),
    /** The category of what the task is about; its assignee must hold it. */
    category: RecordCategorySchema.default('general'),
    dueOn: Day,
    assigneeAccountId: z.uuid(),
    note: text(1000).nullable().default(null),
  })
  .strict();
export type TaskCreate = z.infer<typeof TaskCreateSchema>;

export const TaskDoneSchema = z.object({ version: Version }).strict();

export const CaseTaskSchema = z.object({
  id: z.uuid(),
  kind: z.enum(TASK_KINDS),
  category: CaseCategorySchema,
  dueOn: z.string(),
  assigneeAccountId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  note: z.string().nullable(),
  doneAt: DateTime.nullable(),
  doneByName: z.string().nullable(),
  version: z.number(),
});
export type CaseTask = z.infer<typeof CaseTaskSchema>;
export const TaskListSchema = z.object({ tasks: z.array(CaseTaskSchema), categories: z.array(CaseCategorySchema) });
export type TaskList = z.infer<typeof TaskListSchema>;

/** One line of "my work today": codes and dates only, never a note. */
export const MyWorkItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('task'), caseId: z.uuid(), caseCode: z.string(), taskKind: z.enum(TASK_KINDS), dueOn: z.string() }),
  z.object({ kind: z.literal('follow_up'), caseId: z.uuid(), caseCode: z.string(), assistanceType: AssistanceTypeSchema, dueOn: z.string() }),
]);
export type MyWorkItem = z.infer<typeof MyWorkItemSchema>;
export const MyWorkSchema = z.object({ items: z.array(MyWorkItemSchema), today: z.string() });
export type MyWork = z.infer<typeof MyWorkSchema>;
