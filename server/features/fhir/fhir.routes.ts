// The FHIR R4 facade at /fhir for other systems (API tokens, not sessions): metadata, reads, Task search, the whole
// referral as a Bundle, and the Task status update. Answers and errors are application/fhir+json.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access, type ApiClient } from '#server/http/access.ts';
import { FhirIdParamsSchema, FhirTaskPatchSchema, FhirTaskSearchSchema } from '#shared/fhir/fhir-api.schema.ts';
import { capabilityStatementOf } from './capability.ts';
import { FHIR_JSON, installFhirScope } from './fhir-outcome.ts';
import { fhirBaseOf } from './fhir-systems.ts';
import { patchTask } from './fhir-patch.service.ts';
import { readConsent, readReferralBundle, readServiceRequest, readTask, searchTasks } from './fhir.service.ts';

/** The API client the access check let through (routes with access.apiToken always have one). */
function clientOf(request: FastifyRequest): ApiClient {
  if (!request.apiClient) throw new Error('FHIR route reached without an API client');
  return request.apiClient;
}

export function register(fastify: FastifyInstance, deps: Deps) {
  return fastify.register(
    async (scope) => {
      installFhirScope(scope);
      const app = scope.withTypeProvider<ZodTypeProvider>();
      const reading = { access: access.apiToken('referrals:read') };
      const tags = ['fhir'];
      const byId = { tags, params: FhirIdParamsSchema };
      app.addHook('onSend', async (_request, reply, payload) => {
        if (!reply.hasHeader('content-type') || String(reply.getHeader('content-type')).startsWith('application/json')) reply.type(FHIR_JSON);
        return payload;
      });

      app.get('/metadata', { config: { access: access.public() }, schema: { tags } }, async () => capabilityStatementOf(fhirBaseOf(deps.config.publicUrl)));
      app.get('/Task', { config: reading, schema: { tags, querystring: FhirTaskSearchSchema } }, async (request) =>
        searchTasks(ctxOf(request, deps), clientOf(request), request.query, request.url.split('?')[1] ?? ''),
      );
      app.get('/Task/:id', { config: reading, schema: byId }, async (request) => readTask(ctxOf(request, deps), clientOf(request), request.params.id));
      app.get('/Task/:id/$bundle', { config: reading, schema: byId }, async (request) => readReferralBundle(ctxOf(request, deps), clientOf(request), request.params.id));
      app.get('/ServiceRequest/:id', { config: reading, schema: byId }, async (request) => readServiceRequest(ctxOf(request, deps), clientOf(request), request.params.id));
      app.patch('/Task/:id', { config: { access: access.apiToken('referrals:write') }, schema: { ...byId, body: FhirTaskPatchSchema } }, async (request) =>
        patchTask(ctxOf(request, deps), clientOf(request), request.params.id, request.body),
      );
      app.get('/Consent/:id', { config: reading, schema: byId }, async (request) => readConsent(ctxOf(request, deps), clientOf(request), request.params.id));
    },
    { prefix: '/fhir' },
  );
}
