// Case files over HTTP. The route policy admits the professional roles that can hold case data (CASE_DATA_ROLES);
// what each of them may see of one case is decided by case.policy.ts, per call, and refusals answer 404.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { CASE_DATA_ROLES } from '#shared/auth/roles.ts';
import {
  CaseCreateSchema,
  CaseDetailSchema,
  CaseDuplicateCheckSchema,
  CaseDuplicatesSchema,
  CaseGeneralUpdateSchema,
  CaseIdentitySchema,
  CaseIdentityUpdateSchema,
  CaseIdParamsSchema,
  CaseListQuerySchema,
  CaseListSchema,
  CaseMemberAddSchema,
  CaseMemberParamsSchema,
  CaseMemberUpdateSchema,
  CaseOwnerChangeSchema,
} from '#shared/cases/case.schema.ts';
import { checkDuplicates, getIdentity, updateIdentity } from './case-identity.service.ts';
import { addMember, changeOwner, removeMember, updateMember } from './case-team.service.ts';
import { getCase, listCases, openCase, updateCase } from './case.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: access.roles(...CASE_DATA_ROLES) };
  const tags = ['cases'];
  const detail = { response: { 200: CaseDetailSchema } };
  const params = CaseIdParamsSchema;

  app.get('/api/cases', { config, schema: { tags, querystring: CaseListQuerySchema, response: { 200: CaseListSchema } } }, async (request) => listCases(ctxOf(request, deps), request.query));
  app.post('/api/cases', { config, schema: { tags, body: CaseCreateSchema, response: { 201: CaseDetailSchema } } }, async (request, reply) =>
    reply.status(201).send(await openCase(ctxOf(request, deps), request.body)),
  );
  app.post('/api/cases/duplicates', { config, schema: { tags, body: CaseDuplicateCheckSchema, response: { 200: CaseDuplicatesSchema } } }, async (request) =>
    checkDuplicates(ctxOf(request, deps), request.body),
  );
  app.get('/api/cases/:id', { config, schema: { tags, params, ...detail } }, async (request) => getCase(ctxOf(request, deps), request.params.id));
  app.put('/api/cases/:id', { config, schema: { tags, params, body: CaseGeneralUpdateSchema, ...detail } }, async (request) => updateCase(ctxOf(request, deps), request.params.id, request.body));

  app.post('/api/cases/:id/members', { config, schema: { tags, params, body: CaseMemberAddSchema, ...detail } }, async (request) => addMember(ctxOf(request, deps), request.params.id, request.body));
  app.put('/api/cases/:id/members/:accountId', { config, schema: { tags, params: CaseMemberParamsSchema, body: CaseMemberUpdateSchema, ...detail } }, async (request) =>
    updateMember(ctxOf(request, deps), request.params.id, request.params.accountId, request.body),
  );
  app.delete('/api/cases/:id/members/:accountId', { config, schema: { tags, params: CaseMemberParamsSchema } }, async (request, reply) => {
    await removeMember(ctxOf(request, deps), request.params.id, request.params.accountId);
    return reply.status(204).send();
  });
  app.post('/api/cases/:id/owner', { config, schema: { tags, params, body: CaseOwnerChangeSchema, ...detail } }, async (request) => changeOwner(ctxOf(request, deps), request.params.id, request.body));

  app.get('/api/cases/:id/identity', { config, schema: { tags, params, response: { 200: CaseIdentitySchema } } }, async (request) => getIdentity(ctxOf(request, deps), request.params.id));
  app.put('/api/cases/:id/identity', { config, schema: { tags, params, body: CaseIdentityUpdateSchema, response: { 200: CaseIdentitySchema } } }, async (request) =>
    updateIdentity(ctxOf(request, deps), request.params.id, request.body),
  );
}
