// Access requests API: anyone asks for an account and sees the listed organisations; admins list and decide requests.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import {
  AccessRequestApproveSchema,
  AccessRequestCreateSchema,
  AccessRequestHandledSchema,
  AccessRequestIdParamsSchema,
  AccessRequestListingSchema,
  AccessRequestListSchema,
  ListedOrganisationListSchema,
} from '#shared/access-requests/access-request.schema.ts';
import { OkSchema } from '#shared/auth/sign-in.schema.ts';
import { approveAccessRequest, declineAccessRequest, listAccessRequests, setAccessRequestListing } from './access-request-admin.service.ts';
import { listListedOrganisations, submitAccessRequest } from './access-request.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const everyone = { access: access.public() };
  const admins = { access: access.roles('org_admin') };
  const tags = ['access-requests'];

  app.get('/api/access-requests/organisations', { config: everyone, schema: { tags, response: { 200: ListedOrganisationListSchema } } }, async (request) =>
    listListedOrganisations(ctxOf(request, deps)),
  );

  // NOTE: 202 whatever happens next: the answer never tells whether the address already has an account.
  app.post(
    '/api/access-requests',
    { config: everyone, schema: { tags, body: AccessRequestCreateSchema, response: { 202: OkSchema } } },
    async (request, reply) => {
      await submitAccessRequest(ctxOf(request, deps), request.body);
      return reply.status(202).send({ ok: true });
    },
  );

  app.get('/api/access-requests', { config: admins, schema: { tags, response: { 200: AccessRequestListSchema } } }, async (request) =>
    listAccessRequests(ctxOf(request, deps)),
  );

  app.post(
    '/api/access-requests/:id/approve',
    { config: admins, schema: { tags, params: AccessRequestIdParamsSchema, body: AccessRequestApproveSchema, response: { 200: AccessRequestHandledSchema } } },
    async (request) => approveAccessRequest(ctxOf(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/access-requests/:id/decline',
    { config: admins, schema: { tags, params: AccessRequestIdParamsSchema, response: { 200: AccessRequestHandledSchema } } },
    async (request) => declineAccessRequest(ctxOf(request, deps), request.params.id),
  );

  app.put(
    '/api/access-requests/listing',
    { config: admins, schema: { tags, body: AccessRequestListingSchema, response: { 200: AccessRequestListingSchema } } },
    async (request) => setAccessRequestListing(ctxOf(request, deps), request.body.listed),
  );
}
