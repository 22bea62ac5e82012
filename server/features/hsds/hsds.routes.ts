// The HSDS 3.0 read API at /hsds: public (the directory is public), approved listings only. Lists answer HSDS Pages,
// or with format=ndjson stream every result, one object per line. Also our copy of the OpenAPI document and schemas.
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '#server/context.ts';
import { access } from '#server/http/access.ts';
import { HSDS_VERSION } from '#shared/hsds/hsds-profile.ts';
import {
  HsdsBaseSchema,
  HsdsIdParamsSchema,
  HsdsObjectSchema,
  HsdsOneQuerySchema,
  HsdsOrganizationQuerySchema,
  HsdsOrganizationsQuerySchema,
  HsdsPageSchema,
  HsdsServiceAtLocationsQuerySchema,
  HsdsServicesQuerySchema,
  HsdsTaxonomiesQuerySchema,
  HsdsTaxonomyTermsQuerySchema,
} from '#shared/hsds/hsds-query.schema.ts';
import { COMPILED_FILES, hsdsOpenApi, hsdsProfile, SCHEMA_FILES, schemaFile } from './hsds-openapi.ts';
import { chooseLanguage } from './hsds-language.ts';
import type { HsdsObject, Language } from './hsds-serialize.ts';
import * as hsds from './hsds.service.ts';

const tags = ['hsds'];
/**
 * Public data, read by other services' web pages too: any origin may read it. NOTE: safe with `*`: browsers then
 * send no cookies, and nothing here depends on who asks.
 */
const config = { access: access.public() };
const openToAll = {
  config,
  onSend: async (_request: unknown, reply: FastifyReply) => {
    void reply.header('access-control-allow-origin', '*');
  },
};
const Paged = HsdsPageSchema;

/** Sends batches as newline-delimited JSON, never holding more than one batch. */
function sendNdjson(reply: FastifyReply, batches: AsyncGenerator<HsdsObject[]>): FastifyReply {
  const lines = Readable.from(
    (async function* () {
      for await (const batch of batches) yield batch.map((item) => `${JSON.stringify(item)}\n`).join('');
    })(),
  );
  return reply.type('application/x-ndjson; charset=utf-8').send(lines);
}

export function register(fastify: FastifyInstance, deps: Deps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const lang = (request: { query: { lang?: Language | undefined }; headers: Record<string, unknown> }, reply: FastifyReply): Language => {
    const chosen = chooseLanguage(request.query.lang, request.headers['accept-language'] as string | undefined);
    void reply.header('content-language', chosen).header('vary', 'Accept-Language');
    return chosen;
  };
  const one = <Q extends z.ZodType>(querystring: Q) => ({ tags, params: HsdsIdParamsSchema, querystring, response: { 200: HsdsObjectSchema } });
  const db = deps.db;

  app.get('/hsds', { ...openToAll, schema: { tags, response: { 200: HsdsBaseSchema } } }, async () => ({
    version: HSDS_VERSION,
    profile: `${deps.config.publicUrl}/hsds/profile.json`,
    openapi_url: `${deps.config.publicUrl}/hsds/openapi.json`,
  }));
  app.get('/hsds/openapi.json', { ...openToAll, schema: { hide: true } }, async () => hsdsOpenApi(deps.config.publicUrl));
  app.get('/hsds/profile.json', { ...openToAll, schema: { hide: true } }, async () => hsdsProfile());
  app.get('/hsds/schema/:file', { ...openToAll, schema: { hide: true, params: z.object({ file: z.enum(SCHEMA_FILES) }).strict() } }, async (request) => schemaFile(request.params.file));
  app.get('/hsds/schema/compiled/:file', { ...openToAll, schema: { hide: true, params: z.object({ file: z.enum(COMPILED_FILES) }).strict() } }, async (request) =>
    schemaFile(`compiled/${request.params.file}`),
  );

  app.get('/hsds/services', { ...openToAll, schema: { tags, querystring: HsdsServicesQuerySchema, response: { 200: Paged } } }, async (request, reply) => {
    const language = lang(request, reply);
    if (request.query.format === 'ndjson') return sendNdjson(reply, hsds.streamServices(db, request.query, language));
    return hsds.listServices(db, request.query, language);
  });
  app.get('/hsds/services/:id', { ...openToAll, schema: one(HsdsOneQuerySchema) }, async (request, reply) => hsds.getService(db, request.params.id, lang(request, reply)));

  app.get('/hsds/organizations', { ...openToAll, schema: { tags, querystring: HsdsOrganizationsQuerySchema, response: { 200: Paged } } }, async (request, reply) => {
    const language = lang(request, reply);
    if (request.query.format === 'ndjson') return sendNdjson(reply, hsds.streamOrganizations(db, request.query, language));
    return hsds.listOrganizations(db, request.query, language);
  });
  app.get('/hsds/organizations/:id', { ...openToAll, schema: one(HsdsOrganizationQuerySchema) }, async (request, reply) =>
    hsds.getOrganization(db, request.params.id, (request.query as { full_service?: boolean }).full_service ?? false, lang(request, reply)),
  );

  app.get('/hsds/service_at_locations', { ...openToAll, schema: { tags, querystring: HsdsServiceAtLocationsQuerySchema, response: { 200: Paged } } }, async (request, reply) => {
    const language = lang(request, reply);
    if (request.query.format === 'ndjson') return sendNdjson(reply, hsds.streamServiceAtLocations(db, request.query, language));
    return hsds.listServiceAtLocations(db, request.query, language);
  });
  app.get('/hsds/service_at_locations/:id', { ...openToAll, schema: one(HsdsOneQuerySchema) }, async (request, reply) => hsds.getServiceAtLocation(db, request.params.id, lang(request, reply)));

  app.get('/hsds/taxonomies', { ...openToAll, schema: { tags, querystring: HsdsTaxonomiesQuerySchema, response: { 200: Paged } } }, async (request, reply) => {
    lang(request, reply);
    if (request.query.format === 'ndjson') return sendNdjson(reply, once(hsds.taxonomies(request.query)));
    return hsds.listTaxonomies(request.query);
  });
  app.get('/hsds/taxonomies/:id', { ...openToAll, schema: one(HsdsOneQuerySchema) }, async (request) => hsds.getTaxonomy(request.params.id));

  app.get('/hsds/taxonomy_terms', { ...openToAll, schema: { tags, querystring: HsdsTaxonomyTermsQuerySchema, response: { 200: Paged } } }, async (request, reply) => {
    lang(request, reply);
    if (request.query.format === 'ndjson') return sendNdjson(reply, once(hsds.taxonomyTerms(request.query)));
    return hsds.listTaxonomyTerms(request.query);
  });
  app.get('/hsds/taxonomy_terms/:id', { ...openToAll, schema: one(HsdsOneQuerySchema) }, async (request) => hsds.getTaxonomyTerm(request.params.id));
}

async function* once(items: HsdsObject[]): AsyncGenerator<HsdsObject[]> {
  yield items;
}
