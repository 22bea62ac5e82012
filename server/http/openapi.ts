// OpenAPI 3.1 generated from the routes' zod schemas, at /api/openapi.json, with browsable docs at /api/docs.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { access, markScopePublic } from '#server/http/access.ts';

export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Pro Health API', version: '0.1.0', description: 'Every route states who may call it.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ph_session' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/api/openapi.json', { config: { access: access.public() }, schema: { hide: true } }, async () => app.swagger());
  await app.register(async (scope) => {
    markScopePublic(scope);
    await scope.register(swaggerUi, { routePrefix: '/api/docs' });
  });
}
