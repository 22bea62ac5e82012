// Library editing API: a section text per language, its workflow steps and its history. Signed in; the services
// check the editor / reviewer role in the publication's organisation (platform admins pass too).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import {
  DiffQuerySchema,
  MarkdownPreviewResultSchema,
  MarkdownPreviewSchema,
  RestoreRevisionSchema,
  ReturnToDraftSchema,
  RevisionDiffSchema,
  RevisionListSchema,
  RevisionParamsSchema,
  RevisionSchema,
  SectionEditSchema,
  SectionSaveSchema,
  SectionTextParamsSchema,
  WorkflowStepSchema,
} from '#shared/library/library-edit.schema.ts';
import { diffRevisions, getRevision, listSectionRevisions, previewMarkdown } from './revision.service.ts';
import { getSectionEdit, restoreRevision, saveSectionText } from './section-edit.service.ts';
import { publishSectionText, returnSectionText, submitSectionText, withdrawSectionText } from './workflow.service.ts';

const TEXT = '/api/library/sections/:sectionId/texts/:lang';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: access.signedIn() };
  const tags = ['library-editing'];
  const params = SectionTextParamsSchema;
  const reply = { 200: SectionEditSchema };

  app.get(TEXT, { config, schema: { tags, params, response: reply } }, async (request) =>
    getSectionEdit(ctxOf(request, deps), request.params.sectionId, request.params.lang),
  );
  app.put(TEXT, { config, schema: { tags, params, body: SectionSaveSchema, response: reply } }, async (request) =>
    saveSectionText(ctxOf(request, deps), request.params.sectionId, request.params.lang, request.body),
  );
  app.post(`${TEXT}/submit`, { config, schema: { tags, params, body: WorkflowStepSchema, response: reply } }, async (request) =>
    submitSectionText(ctxOf(request, deps), request.params.sectionId, request.params.lang, request.body),
  );
  app.post(`${TEXT}/publish`, { config, schema: { tags, params, body: WorkflowStepSchema, response: reply } }, async (request) =>
    publishSectionText(ctxOf(request, deps), request.params.sectionId, request.params.lang, request.body),
  );
  app.post(`${TEXT}/return`, { config, schema: { tags, params, body: ReturnToDraftSchema, response: reply } }, async (request) =>
    returnSectionText(ctxOf(request, deps), request.params.sectionId, request.params.lang, request.body),
  );
  app.post(`${TEXT}/withdraw`, { config, schema: { tags, params, body: WorkflowStepSchema, response: reply } }, async (request) =>
    withdrawSectionText(ctxOf(request, deps), request.params.sectionId, request.params.lang, request.body),
  );
  app.post(`${TEXT}/restore`, { config, schema: { tags, params, body: RestoreRevisionSchema, response: reply } }, async (request) =>
    restoreRevision(ctxOf(request, deps), request.params.sectionId, request.params.lang, request.body),
  );
  app.get(`${TEXT}/revisions`, { config, schema: { tags, params, response: { 200: RevisionListSchema } } }, async (request) =>
    listSectionRevisions(ctxOf(request, deps), request.params.sectionId, request.params.lang),
  );
  // NOTE: registered before /revisions/:id so that "diff" is never read as an id.
  app.get('/api/library/revisions/diff', { config, schema: { tags, querystring: DiffQuerySchema, response: { 200: RevisionDiffSchema } } }, async (request) =>
    diffRevisions(ctxOf(request, deps), request.query),
  );
  app.get('/api/library/revisions/:id', { config, schema: { tags, params: RevisionParamsSchema, response: { 200: RevisionSchema } } }, async (request) =>
    getRevision(ctxOf(request, deps), request.params.id),
  );
  app.post('/api/library/preview', { config, schema: { tags, body: MarkdownPreviewSchema, response: { 200: MarkdownPreviewResultSchema } } }, async (request) =>
    previewMarkdown(ctxOf(request, deps), request.body.bodyMd),
  );
}
