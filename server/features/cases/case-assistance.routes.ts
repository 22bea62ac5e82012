// Assistance, comments, support plans, risk assessments, follow-up tasks of a case, and "my work today" over HTTP.
// The route policy admits the roles that can hold case data; case.policy.ts decides each call per category (404).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { CASE_DATA_ROLES } from '#shared/auth/roles.ts';
import {
  AssistanceCreateSchema,
  AssistanceListSchema,
  AssistanceParamsSchema,
  AssistanceRecordSchema,
  AssistanceUpdateSchema,
  CaseCommentSchema,
  CommentCreateSchema,
  CommentListSchema,
} from '#shared/cases/assistance.schema.ts';
import { CaseIdParamsSchema } from '#shared/cases/case.schema.ts';
import {
  CaseTaskSchema,
  MyWorkSchema,
  PlanCreateSchema,
  PlanListSchema,
  PlanParamsSchema,
  PlanReviewCreateSchema,
  PlanReviewSchema,
  PlanStatusChangeSchema,
  PlanUpdateSchema,
  RiskAssessmentSchema,
  RiskCreateSchema,
  RiskListSchema,
  SupportPlanSchema,
  TaskCreateSchema,
  TaskDoneSchema,
  TaskListSchema,
  TaskParamsSchema,
} from '#shared/cases/follow-up.schema.ts';
import { z } from 'zod';
import { getAssistance, listAssistance, recordAssistance, updateAssistance } from './case-assistance.service.ts';
import { addComment, listComments } from './case-comment.service.ts';
import { changePlanStatus, createPlan, listPlans, listReviews, reviewPlan, updatePlan } from './case-plan.service.ts';
import { assessRisk, listRiskAssessments } from './case-risk.service.ts';
import { createTask, listTasks, markTaskDone } from './case-task.service.ts';
import { myWork } from './my-work.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: access.roles(...CASE_DATA_ROLES) };
  const tags = ['cases'];
  const params = CaseIdParamsSchema;
  const base = '/api/cases/:id';

  app.get(`${base}/assistance`, { config, schema: { tags, params, response: { 200: AssistanceListSchema } } }, async (r) => listAssistance(ctxOf(r, deps), r.params.id));
  app.post(`${base}/assistance`, { config, schema: { tags, params, body: AssistanceCreateSchema, response: { 201: AssistanceRecordSchema } } }, async (r, reply) =>
    reply.status(201).send(await recordAssistance(ctxOf(r, deps), r.params.id, r.body)),
  );
  app.get(`${base}/assistance/:assistanceId`, { config, schema: { tags, params: AssistanceParamsSchema, response: { 200: AssistanceRecordSchema } } }, async (r) =>
    getAssistance(ctxOf(r, deps), r.params.id, r.params.assistanceId),
  );
  app.put(`${base}/assistance/:assistanceId`, { config, schema: { tags, params: AssistanceParamsSchema, body: AssistanceUpdateSchema, response: { 200: AssistanceRecordSchema } } }, async (r) =>
    updateAssistance(ctxOf(r, deps), r.params.id, r.params.assistanceId, r.body),
  );

  app.get(`${base}/comments`, { config, schema: { tags, params, response: { 200: CommentListSchema } } }, async (r) => listComments(ctxOf(r, deps), r.params.id));
  app.post(`${base}/comments`, { config, schema: { tags, params, body: CommentCreateSchema, response: { 201: CaseCommentSchema } } }, async (r, reply) =>
    reply.status(201).send(await addComment(ctxOf(r, deps), r.params.id, r.body)),
  );

  app.get(`${base}/plans`, { config, schema: { tags, params, response: { 200: PlanListSchema } } }, async (r) => listPlans(ctxOf(r, deps), r.params.id));
  app.post(`${base}/plans`, { config, schema: { tags, params, body: PlanCreateSchema, response: { 201: SupportPlanSchema } } }, async (r, reply) =>
    reply.status(201).send(await createPlan(ctxOf(r, deps), r.params.id, r.body)),
  );
  app.put(`${base}/plans/:planId`, { config, schema: { tags, params: PlanParamsSchema, body: PlanUpdateSchema, response: { 200: SupportPlanSchema } } }, async (r) =>
    updatePlan(ctxOf(r, deps), r.params.id, r.params.planId, r.body),
  );
  app.post(`${base}/plans/:planId/status`, { config, schema: { tags, params: PlanParamsSchema, body: PlanStatusChangeSchema, response: { 200: SupportPlanSchema } } }, async (r) =>
    changePlanStatus(ctxOf(r, deps), r.params.id, r.params.planId, r.body),
  );
  app.get(`${base}/plans/:planId/reviews`, { config, schema: { tags, params: PlanParamsSchema, response: { 200: z.array(PlanReviewSchema) } } }, async (r) =>
    listReviews(ctxOf(r, deps), r.params.id, r.params.planId),
  );
  app.post(`${base}/plans/:planId/reviews`, { config, schema: { tags, params: PlanParamsSchema, body: PlanReviewCreateSchema, response: { 201: PlanReviewSchema } } }, async (r, reply) =>
    reply.status(201).send(await reviewPlan(ctxOf(r, deps), r.params.id, r.params.planId, r.body)),
  );

  app.get(`${base}/risk-assessments`, { config, schema: { tags, params, response: { 200: RiskListSchema } } }, async (r) => listRiskAssessments(ctxOf(r, deps), r.params.id));
  app.post(`${base}/risk-assessments`, { config, schema: { tags, params, body: RiskCreateSchema, response: { 201: RiskAssessmentSchema } } }, async (r, reply) =>
    reply.status(201).send(await assessRisk(ctxOf(r, deps), r.params.id, r.body)),
  );

  app.get(`${base}/tasks`, { config, schema: { tags, params, response: { 200: TaskListSchema } } }, async (r) => listTasks(ctxOf(r, deps), r.params.id));
  app.post(`${base}/tasks`, { config, schema: { tags, params, body: TaskCreateSchema, response: { 201: CaseTaskSchema } } }, async (r, reply) =>
    reply.status(201).send(await createTask(ctxOf(r, deps), r.params.id, r.body)),
  );
  app.post(`${base}/tasks/:taskId/done`, { config, schema: { tags, params: TaskParamsSchema, body: TaskDoneSchema, response: { 200: CaseTaskSchema } } }, async (r) =>
    markTaskDone(ctxOf(r, deps), r.params.id, r.params.taskId, r.body.version),
  );

  app.get('/api/cases/my-work', { config, schema: { tags, response: { 200: MyWorkSchema } } }, async (r) => myWork(ctxOf(r, deps)));
}
