// Organisations API: platform admins list, create and update organisations; organisation admins edit their own.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import {
  OrganisationCreateSchema,
  OrganisationIdParamsSchema,
  OrganisationListSchema,
  OrganisationSchema,
  OrganisationUpdateSchema,
} from '#shared/organisations/organisation.schema.ts';
import { createOrganisation, getOwnOrganisation, listOrganisations, updateOrganisation, updateOwnOrganisation } from './organisation.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const platform = { access: access.platformAdmin() };
  const admins = { access: access.roles('org_admin') };
  const tags = ['organisations'];

  app.get('/api/organisations', { config: platform, schema: { tags, response: { 200: OrganisationListSchema } } }, async (request) => ({
    organisations: await listOrganisations(ctxOf(request, deps)),
  }));

  app.post(
    '/api/organisations',
    { config: platform, schema: { tags, body: OrganisationCreateSchema, response: { 201: OrganisationSchema } } },
    async (request, reply) => reply.status(201).send(await createOrganisation(ctxOf(request, deps), request.body)),
  );

  app.put(
    '/api/organisations/:id',
    { config: platform, schema: { tags, params: OrganisationIdParamsSchema, body: OrganisationUpdateSchema, response: { 200: OrganisationSchema } } },
    async (request) => updateOrganisation(ctxOf(request, deps), request.params.id, request.body),
  );

  app.get('/api/organisation', { config: admins, schema: { tags, response: { 200: OrganisationSchema } } }, async (request) =>
    getOwnOrganisation(ctxOf(request, deps)),
  );

  app.put(
    '/api/organisation',
    { config: admins, schema: { tags, body: OrganisationUpdateSchema, response: { 200: OrganisationSchema } } },
    async (request) => updateOwnOrganisation(ctxOf(request, deps), request.body),
  );
}
