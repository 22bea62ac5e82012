// Serves the built single-page app; unknown /api paths get a JSON 404, other paths fall back to the app.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { markScopePublic } from '#server/http/access.ts';
import { isApiRequest } from '#server/http/request-path.ts';

export const WEB_DIST = path.resolve('dist/web');

export async function installWebApp(app: FastifyInstance): Promise<void> {
  const indexFile = path.join(WEB_DIST, 'index.html');
  const built = existsSync(indexFile);
  const indexHtml = built ? readFileSync(indexFile, 'utf8') : '';
  if (built) {
    await app.register(async (scope) => {
      markScopePublic(scope);
      // NOTE: preCompressed serves the .br / .gz files written beside each asset at build time (vite.config.ts).
      await scope.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false, maxAge: '1h', preCompressed: true });
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage = request.method === 'GET' && !isApiRequest(request) && (request.headers.accept ?? '').includes('text/html');
    if (built && wantsPage) {
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
    }
    return reply.status(404).send({ code: 'not_found', message: 'Not found.' });
  });
}
