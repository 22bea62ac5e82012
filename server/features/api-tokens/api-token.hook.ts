// HTTP side of API tokens: on routes that take one (access.apiToken), reads Authorization: Bearer into
// request.apiClient and counts the call against the token's rate limit. Other routes never look at the header.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '#server/context.ts';
import { consumeAttempt } from '#server/features/auth/rate-limit.service.ts';
import { authenticateApiToken } from './api-token.service.ts';

/** Calls per token per minute: far above any polling client, low enough to stop a runaway loop. */
export const API_TOKEN_CALLS_PER_MINUTE = 600;

export function installApiTokenAuth(app: FastifyInstance, deps: Deps): void {
  app.addHook('onRequest', async (request) => {
    if (request.is404 || request.routeOptions.config.access?.kind !== 'apiToken') return;
    const now = deps.now();
    request.apiClient = await authenticateApiToken(deps.db, request.headers.authorization, now);
    if (request.apiClient) {
      await consumeAttempt(deps.db, now, [{ key: `api_token:${request.apiClient.tokenId}`, max: API_TOKEN_CALLS_PER_MINUTE, windowMs: 60_000 }]);
    }
  });
}
