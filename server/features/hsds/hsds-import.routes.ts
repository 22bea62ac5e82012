// Import and export of the directory as HSDS 3.0 (JSON or the CSV datapackage): platform admins and coordinators,
// checked in the service (signed in here, like the other desks). The import's right is also checked before its large
// body is read, so no other signed-in user can make the server receive and parse up to HSDS_IMPORT_BODY_LIMIT.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, type Deps } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { access, decide } from '#server/http/access.ts';
import { HSDS_IMPORT_BODY_LIMIT, HsdsExportQuerySchema, HsdsImportReportSchema, HsdsImportRequestSchema } from '#shared/hsds/hsds-import.schema.ts';
import { exportJson, exportZip } from './hsds-export.service.ts';
import { importHsds } from './hsds-import.service.ts';
import { canImportDirectory } from './hsds.policy.ts';

/**
 * onRequest (before the body is read; the session hook has set the actor by then): the same answers as the access
 * check, then the importer's right from the policy, so a caller who may not import never gets a 24 MB body parsed.
 */
async function importersOnly(request: FastifyRequest): Promise<void> {
  const verdict = decide(request.routeOptions.config.access, request.actor, request.apiClient);
  if (verdict === 'unauthorized') throw new AppError('unauthorized', 'Please sign in.');
  if (verdict === 'forbidden' || !canImportDirectory(request.actor)) throw new AppError('forbidden', 'Only coordinators and platform admins can import the directory.');
}

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const config = { access: access.signedIn() };
  const tags = ['directory'];
  const day = () => deps.now().toISOString().slice(0, 10);

  app.post('/api/directory/import', { config, onRequest: importersOnly, bodyLimit: HSDS_IMPORT_BODY_LIMIT, schema: { tags, body: HsdsImportRequestSchema, response: { 200: HsdsImportReportSchema } } }, async (request) =>
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
