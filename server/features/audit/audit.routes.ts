// Audit trail API: list with filters (not audited), CSV export (audited), chain verification (platform admins).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { AuditFilterSchema, AuditListQuerySchema, AuditPageSchema, AuditVerifySchema } from '#shared/audit/audit.schema.ts';
import { exportAuditCsv, listAudit, verifyAudit } from './audit-read.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const admins = access.roles('org_admin');

  app.get(
    '/api/audit',
    { config: { access: admins }, schema: { tags: ['audit'], querystring: AuditListQuerySchema, response: { 200: AuditPageSchema } } },
    async (request) => listAudit(ctxOf(request, deps), request.query),
  );

  app.get(
    '/api/audit/export.csv',
    {
      config: { access: admins },
      schema: { tags: ['audit'], querystring: AuditFilterSchema, produces: ['text/csv'], response: { 200: z.string().describe('CSV, one entry per line') } },
    },
    async (request, reply) => {
      const csv = await exportAuditCsv(ctxOf(request, deps), request.query);
      const day = deps.now().toISOString().slice(0, 10);
      void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="audit-${day}.csv"`);
      return reply.send(csv);
    },
  );

  app.get(
    '/api/audit/verify',
    { config: { access: access.platformAdmin() }, schema: { tags: ['audit'], response: { 200: AuditVerifySchema } } },
    async (request) => verifyAudit(ctxOf(request, deps)),
  );
}
