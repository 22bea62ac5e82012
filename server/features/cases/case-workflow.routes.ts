// The case workflow over HTTP: status and closure, approvals, break-glass, the coordinator's register, the settings.
// Routes admit roles; what each caller may do on one case is decided again by case.policy.ts (refusals answer 404).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { CASE_DATA_ROLES } from '#shared/auth/roles.ts';
import { CaseIdParamsSchema } from '#shared/cases/case.schema.ts';
import {
  ApprovalDecisionSchema,
  ApprovalListSchema,
  ApprovalParamsSchema,
  BreakGlassOpenSchema,
  BreakGlassViewSchema,
  CaseRegisterQuerySchema,
  CaseRegisterSchema,
  CaseSettingsSchema,
  CaseSettingsUpdateSchema,
  CaseStatusChangeSchema,
  CaseWorkflowSchema,
} from '#shared/cases/case-workflow.schema.ts';
import { decideApproval, listPendingApprovals } from './case-approval.service.ts';
import { endBreakGlass, openBreakGlass, readRegister } from './break-glass.service.ts';
import { getCaseSettings, updateCaseSettings } from './case-setting.service.ts';
import { changeStatus, getWorkflow } from './case-status.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const team = { access: access.roles(...CASE_DATA_ROLES) };
  // NOTE: the register, break-glass and deciding approvals are a coordinator's work; withdrawing is the requester's.
  const coordinator = { access: access.roles('coordinator') };
  const settings = { access: access.roles('org_admin', 'coordinator') };
  const tags = ['cases'];
  const params = CaseIdParamsSchema;
  const workflow = { response: { 200: CaseWorkflowSchema } };

  app.get('/api/cases/:id/workflow', { config: team, schema: { tags, params, ...workflow } }, async (request) => getWorkflow(ctxOf(request, deps), request.params.id));
  app.post('/api/cases/:id/status', { config: team, schema: { tags, params, body: CaseStatusChangeSchema, ...workflow } }, async (request) =>
    changeStatus(ctxOf(request, deps), request.params.id, request.body),
  );

  app.post('/api/cases/:id/break-glass', { config: coordinator, schema: { tags, params, body: BreakGlassOpenSchema, response: { 201: BreakGlassViewSchema } } }, async (request, reply) =>
    reply.status(201).send(await openBreakGlass(ctxOf(request, deps), request.params.id, request.body)),
  );
  app.post('/api/cases/:id/break-glass/end', { config: coordinator, schema: { tags, params } }, async (request, reply) => {
    await endBreakGlass(ctxOf(request, deps), request.params.id);
    return reply.status(204).send();
  });
  app.get('/api/cases/register', { config: coordinator, schema: { tags, querystring: CaseRegisterQuerySchema, response: { 200: CaseRegisterSchema } } }, async (request) =>
    readRegister(ctxOf(request, deps), request.query.code),
  );

  app.get('/api/cases/approvals', { config: coordinator, schema: { tags, response: { 200: ApprovalListSchema } } }, async (request) => listPendingApprovals(ctxOf(request, deps)));
  const decisions = [
    ['approve', 'approved', coordinator],
    ['reject', 'rejected', coordinator],
    ['withdraw', 'withdrawn', team],
  ] as const;
  for (const [verb, decision, config] of decisions) {
    app.post(`/api/cases/approvals/:approvalId/${verb}`, { config, schema: { tags, params: ApprovalParamsSchema, body: ApprovalDecisionSchema } }, async (request, reply) => {
      await decideApproval(ctxOf(request, deps), request.params.approvalId, decision, request.body ?? {});
      return reply.status(204).send();
    });
  }

  app.get('/api/case-settings', { config: settings, schema: { tags, response: { 200: CaseSettingsSchema } } }, async (request) => getCaseSettings(ctxOf(request, deps)));
  app.put('/api/case-settings', { config: settings, schema: { tags, body: CaseSettingsUpdateSchema, response: { 200: CaseSettingsSchema } } }, async (request) =>
    updateCaseSettings(ctxOf(request, deps), request.body),
  );
}
