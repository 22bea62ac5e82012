// Data protection of case files over HTTP: attachments, the access-request export (JSON, PDF), the team's assistance
// spreadsheet, the legal hold and erasure. Every route passes the case policy per call (refusals answer 404).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { PoolBusyError, isInputFailure, longTasks } from '#server/lib/worker-pool.ts';
import { access } from '#server/http/access.ts';
import { CASE_DATA_ROLES } from '#shared/auth/roles.ts';
import {
  ATTACHMENT_MAX_BYTES,
  AttachmentCategoryQuerySchema,
  AttachmentListQuerySchema,
  AttachmentListSchema,
  AttachmentParamsSchema,
  AttachmentUploadSchema,
  AttachmentViewSchema,
  ErasureRequestSchema,
  ErasureResultSchema,
  ExportQuerySchema,
  LegalHoldChangeSchema,
  LegalHoldViewSchema,
} from '#shared/cases/case-protection.schema.ts';
import { CaseIdParamsSchema } from '#shared/cases/case.schema.ts';
import { listAttachments, readAttachment, uploadAttachment } from './case-attachment.service.ts';
import { assistanceCsv, assistanceXlsx } from './case-assistance-csv.ts';
import type { renderCaseExport } from './case-export-pdf.ts';
import { exportCase } from './case-export.service.ts';
import { changeLegalHold, eraseCase } from './case-retention.service.ts';

/** Base64 of the largest attachment plus the JSON around it; larger bodies are refused (413) before they are parsed. */
const ATTACHMENT_BODY_LIMIT = Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 64 * 1024;

const EXPORT_PDF = new URL('./case-export-pdf.ts', import.meta.url);

/** PDF layout is CPU work that grows with the case: it runs on the long-task thread, never on the event loop. */
async function renderInWorker(...args: Parameters<typeof renderCaseExport>): Promise<Buffer> {
  try {
    return Buffer.from(await longTasks.call<typeof renderCaseExport>(EXPORT_PDF, 'renderCaseExport', args));
  } catch (error) {
    if (error instanceof PoolBusyError || isInputFailure(error)) throw new AppError('unavailable', 'The PDF cannot be made right now. Try again later.');
    throw error;
  }
}

/** A download: the case code is the whole file name (it says nothing about the person), never cached, never sniffed. */
function download(reply: FastifyReply, type: string, fileName: string) {
  return reply.type(type).header('content-disposition', `attachment; filename="${fileName}"`).header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store');
}

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: access.roles(...CASE_DATA_ROLES) };
  const tags = ['cases'];
  const params = CaseIdParamsSchema;

  app.post(
    '/api/cases/:id/attachments',
    { config, bodyLimit: ATTACHMENT_BODY_LIMIT, schema: { tags, params, querystring: AttachmentCategoryQuerySchema, body: AttachmentUploadSchema, response: { 201: AttachmentViewSchema } } },
    async (request, reply) => reply.status(201).send(await uploadAttachment(ctxOf(request, deps), request.params.id, request.query.category, request.body)),
  );
  app.get('/api/cases/:id/attachments', { config, schema: { tags, params, querystring: AttachmentListQuerySchema, response: { 200: AttachmentListSchema } } }, async (request) =>
    listAttachments(ctxOf(request, deps), request.params.id, request.query.category),
  );
  app.get('/api/cases/:id/attachments/:attachmentId', { config, schema: { tags, params: AttachmentParamsSchema, response: { 200: z.any() } } }, async (request, reply) => {
    const file = await readAttachment(ctxOf(request, deps), request.params.id, request.params.attachmentId);
    // NOTE: the stored name is personal data (it may be "passport-ana.pdf"): the download is named by its id.
    const extension = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' }[file.mediaType];
    return download(reply, file.mediaType, `${request.params.attachmentId}.${extension}`).send(file.bytes);
  });

  app.get('/api/cases/:id/export.json', { config, schema: { tags, params, response: { 200: z.any() } } }, async (request, reply) => {
    const data = await exportCase(ctxOf(request, deps), request.params.id, 'json');
    return download(reply, 'application/json; charset=utf-8', `${data.case.code}.json`).send(JSON.stringify(data, null, 2));
  });
  app.get('/api/cases/:id/export.pdf', { config, schema: { tags, params, querystring: ExportQuerySchema, response: { 200: z.any() } } }, async (request, reply) => {
    const data = await exportCase(ctxOf(request, deps), request.params.id, 'pdf');
    const pdf = await renderInWorker(data, request.query.lang ?? 'en');
    return download(reply, 'application/pdf', `${data.case.code}.pdf`).send(pdf);
  });
  app.get('/api/cases/:id/assistance.csv', { config, schema: { tags, params, produces: ['text/csv'], response: { 200: z.string() } } }, async (request, reply) => {
    const { code, csv } = await assistanceCsv(ctxOf(request, deps), request.params.id);
    return download(reply, 'text/csv; charset=utf-8', `${code}-assistance.csv`).send(csv);
  });
  app.get('/api/cases/:id/assistance.xlsx', { config, schema: { tags, params, response: { 200: z.any() } } }, async (request, reply) => {
    const { code, xlsx } = await assistanceXlsx(ctxOf(request, deps), request.params.id);
    return download(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${code}-assistance.xlsx`).send(xlsx);
  });

  app.post('/api/cases/:id/legal-hold', { config, schema: { tags, params, body: LegalHoldChangeSchema, response: { 200: LegalHoldViewSchema } } }, async (request) =>
    changeLegalHold(ctxOf(request, deps), request.params.id, request.body),
  );
  app.post('/api/cases/:id/erase', { config, schema: { tags, params, body: ErasureRequestSchema, response: { 200: ErasureResultSchema } } }, async (request) =>
    eraseCase(ctxOf(request, deps), request.params.id, request.body),
  );
}
