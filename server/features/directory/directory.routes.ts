// The service directory: public search, a service's page and the county list; the desk where organisations keep their
// listings; the review of new listings by another organisation (four eyes).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { DirectorySearchQuerySchema, DirectorySearchResultSchema } from '#shared/directory/directory-search.schema.ts';
import { DirectoryDetailQuerySchema, DirectoryIdParamsSchema, DirectoryRegionCountsSchema, DirectoryServiceDetailSchema } from '#shared/directory/directory-service.schema.ts';
import {
  CapacitySchema,
  DeskLocationSchema,
  DeskOrganizationSchema,
  DeskServiceSchema,
  DeskVersionSchema,
  DirectoryDeskSchema,
  DirectoryReviewListSchema,
  LocationFieldsSchema,
  LocationUpdateSchema,
  OrganizationCreateSchema,
  OrganizationUpdateSchema,
  ReviewDecisionSchema,
  ServiceFieldsSchema,
  ServiceUpdateSchema,
} from '#shared/directory/directory-desk.schema.ts';
import { directoryRegionCounts, getDirectoryService, searchDirectory } from './directory-public.service.ts';
import { createLocation, createOrganization, getDesk, updateLocation, updateOrganization } from './directory-desk.service.ts';
import { createService, setCapacity, updateService, verifyService } from './directory-services.service.ts';
import { decideReview, listReview } from './directory-review.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['directory'];
  const open = { access: access.public() };
  // NOTE: the routes let in everyone who may hold a listing; the service scopes each record to its organisation.
  const desk = { access: access.roles('org_admin', 'coordinator', 'case_manager') };
  // NOTE: coordinators and platform admins review; no role rule says both (platform admins pass a rule only through
  // org_admin), so the route takes anyone signed in and the service refuses everyone else with 403.
  const review = { access: access.signedIn() };
  const params = DirectoryIdParamsSchema;

  app.get('/api/directory/services', { config: open, schema: { tags, querystring: DirectorySearchQuerySchema, response: { 200: DirectorySearchResultSchema } } }, async (request) =>
    searchDirectory(ctxOf(request, deps), request.query),
  );
  app.get('/api/directory/services/:id', { config: open, schema: { tags, params, querystring: DirectoryDetailQuerySchema, response: { 200: DirectoryServiceDetailSchema } } }, async (request) =>
    getDirectoryService(ctxOf(request, deps), request.params.id, request.query.lang),
  );
  app.get('/api/directory/regions', { config: open, schema: { tags, response: { 200: DirectoryRegionCountsSchema } } }, async (request) => directoryRegionCounts(ctxOf(request, deps)));

  app.get('/api/directory/desk', { config: desk, schema: { tags, response: { 200: DirectoryDeskSchema } } }, async (request) => getDesk(ctxOf(request, deps)));
  app.post('/api/directory/desk/organizations', { config: desk, schema: { tags, body: OrganizationCreateSchema, response: { 201: DeskOrganizationSchema } } }, async (request, reply) =>
    reply.status(201).send(await createOrganization(ctxOf(request, deps), request.body)),
  );
  app.put('/api/directory/desk/organizations/:id', { config: desk, schema: { tags, params, body: OrganizationUpdateSchema, response: { 200: DeskOrganizationSchema } } }, async (request) =>
    updateOrganization(ctxOf(request, deps), request.params.id, request.body),
  );
  app.post('/api/directory/desk/organizations/:id/locations', { config: desk, schema: { tags, params, body: LocationFieldsSchema, response: { 201: DeskLocationSchema } } }, async (request, reply) =>
    reply.status(201).send(await createLocation(ctxOf(request, deps), request.params.id, request.body)),
  );
  app.put('/api/directory/desk/locations/:id', { config: desk, schema: { tags, params, body: LocationUpdateSchema, response: { 200: DeskLocationSchema } } }, async (request) =>
    updateLocation(ctxOf(request, deps), request.params.id, request.body),
  );
  app.post('/api/directory/desk/organizations/:id/services', { config: desk, schema: { tags, params, body: ServiceFieldsSchema, response: { 201: DeskServiceSchema } } }, async (request, reply) =>
    reply.status(201).send(await createService(ctxOf(request, deps), request.params.id, request.body)),
  );
  app.put('/api/directory/desk/services/:id', { config: desk, schema: { tags, params, body: ServiceUpdateSchema, response: { 200: DeskServiceSchema } } }, async (request) =>
    updateService(ctxOf(request, deps), request.params.id, request.body),
  );
  app.post('/api/directory/desk/services/:id/capacity', { config: desk, schema: { tags, params, body: CapacitySchema, response: { 200: DeskServiceSchema } } }, async (request) =>
    setCapacity(ctxOf(request, deps), request.params.id, request.body),
  );
  app.post('/api/directory/desk/services/:id/verify', { config: desk, schema: { tags, params, body: DeskVersionSchema, response: { 200: DeskServiceSchema } } }, async (request) =>
    verifyService(ctxOf(request, deps), request.params.id, request.body.version),
  );

  app.get('/api/directory/review', { config: review, schema: { tags, response: { 200: DirectoryReviewListSchema } } }, async (request) => listReview(ctxOf(request, deps)));
  app.post('/api/directory/review/:id', { config: review, schema: { tags, params, body: ReviewDecisionSchema, response: { 200: DeskServiceSchema } } }, async (request) =>
    decideReview(ctxOf(request, deps), request.params.id, request.body),
  );
}
