// Import and export of the directory as HSDS 3.0 (JSON or the CSV datapackage): platform admins and coordinators,
// checked in the service (signed in here, like the other desks).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { HSDS_IMPORT_BODY_LIMIT, HsdsExportQuerySchema, HsdsImportReportSchema, HsdsImportRequestSchema } from '#shared/hsds/hsds-import.schema.ts';
import { exportJson, exportZip } from './hsds-export.service.ts';
import { importHsds } from './hsds-import.service.ts';

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: access.signedIn() };
  const tags = ['directory'];
  const day = () => deps.now().toISOString().slice(0, 10);

  app.post('/api/directory/import', { config, bodyLimit: HSDS_IMPORT_BODY_LIMIT, schema: { tags, body: HsdsImportRequestSchema, response: { 200: HsdsImportReportSchema } } }, async (request) =>
    importHsds(ctxOf(request, deps), request.body),
  );
  app.get('/api/directory/export.json', { config, schema: { tags, querystring: HsdsExportQuerySchema } }, async (request, reply) => {
    const body = await exportJson(ctxOf(request, deps), request.query.lang ?? 'en');
    return reply.header('content-disposition', `attachment; filename="hsds-directory-${day()}.json"`).type('application/json; charset=utf-8').send(JSON.stringify(body));
  });
  app.get('/api/directory/export.zip', { config, schema: { tags, querystring: HsdsExportQuerySchema } }, async (request, reply) => {
    const zip = await exportZip(ctxOf(request, deps), request.query.lang ?? 'en');
    return reply.header('content-disposition', `attachment; filename="hsds-directory-${day()}.zip"`).type('application/zip').send(Buffer.from(zip));
  });
}
