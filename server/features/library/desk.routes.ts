// Library editors' desk: their publications and queues, reader reports, image uploads; and the usage report.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { EditorPublicationListSchema, EditorPublicationTreeSchema, TextSummaryListSchema } from '#shared/library/library-edit.schema.ts';
import {
  EditorDashboardSchema,
  IMAGE_MAX_BYTES,
  ImageUploadedSchema,
  ImageUploadSchema,
  ReportCloseSchema,
  ReportCreatedSchema,
  ReportCreateSchema,
  ReportListQuerySchema,
  ReportListSchema,
  ReportParamsSchema,
  ReportSchema,
  UsageQuerySchema,
  UsageReportSchema,
} from '#shared/library/library-report.schema.ts';
import { PublicationParamsSchema } from '#shared/library/library.schema.ts';
import { uploadImage } from './image.service.ts';
import { getEditorDashboard, getEditorPublicationTree, getOutdatedTranslations, getReviewQueue, listEditorPublications } from './queue.service.ts';
import { closeReport, createReport, listReaderReports } from './report.service.ts';
import { getUsageReport } from './usage.service.ts';

/** Base64 of the largest image plus the JSON around it; larger bodies are refused (413) before they are parsed. */
const IMAGE_BODY_LIMIT = Math.ceil((IMAGE_MAX_BYTES * 4) / 3) + 64 * 1024;

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: access.signedIn() };
  const tags = ['library-editing'];

  app.get('/api/library/editor/dashboard', { config, schema: { tags, response: { 200: EditorDashboardSchema } } }, async (request) => getEditorDashboard(ctxOf(request, deps)));
  app.get('/api/library/editor/publications', { config, schema: { tags, response: { 200: EditorPublicationListSchema } } }, async (request) => listEditorPublications(ctxOf(request, deps)));
  app.get('/api/library/editor/publications/:slug', { config, schema: { tags, params: PublicationParamsSchema, response: { 200: EditorPublicationTreeSchema } } }, async (request) =>
    getEditorPublicationTree(ctxOf(request, deps), request.params.slug),
  );
  app.get('/api/library/review-queue', { config, schema: { tags, response: { 200: TextSummaryListSchema } } }, async (request) => getReviewQueue(ctxOf(request, deps)));
  app.get('/api/library/outdated', { config, schema: { tags, response: { 200: TextSummaryListSchema } } }, async (request) => getOutdatedTranslations(ctxOf(request, deps)));

  app.post('/api/library/reports', { config: { access: access.public() }, schema: { tags: ['library'], body: ReportCreateSchema, response: { 201: ReportCreatedSchema } } }, async (request, reply) =>
    reply.status(201).send(await createReport(ctxOf(request, deps), request.body)),
  );
  app.get('/api/library/reports', { config, schema: { tags, querystring: ReportListQuerySchema, response: { 200: ReportListSchema } } }, async (request) =>
    listReaderReports(ctxOf(request, deps), request.query.status),
  );
  app.post('/api/library/reports/:id/close', { config, schema: { tags, params: ReportParamsSchema, body: ReportCloseSchema, response: { 200: ReportSchema } } }, async (request) =>
    closeReport(ctxOf(request, deps), request.params.id, request.body),
  );

  app.post('/api/library/images', { config, bodyLimit: IMAGE_BODY_LIMIT, schema: { tags, body: ImageUploadSchema, response: { 201: ImageUploadedSchema } } }, async (request, reply) =>
    reply.status(201).send(await uploadImage(ctxOf(request, deps), request.body)),
  );

  app.get(
    '/api/library/usage',
    { config: { access: access.roles('coordinator', 'org_admin', 'donor_viewer') }, schema: { tags: ['library'], querystring: UsageQuerySchema, response: { 200: UsageReportSchema } } },
    async (request) => getUsageReport(ctxOf(request, deps), request.query),
  );
}
