// HTTP side of API tokens: on routes that take one (access.apiToken), reads Authorization: Bearer into
// request.apiClient and counts the call against the token's rate limit; a revoked or expired token's call is audited.
// Other routes never look at the header.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '#server/context.ts';
import { consumeAttempt, countAttempt } from '#server/features/auth/rate-limit.service.ts';
import { checkApiToken, recordRefusedToken } from './api-token.service.ts';

/** Calls per token per minute: far above any polling client, low enough to stop a runaway loop. */
export const API_TOKEN_CALLS_PER_MINUTE = 600;

export function installApiTokenAuth(app: FastifyInstance, deps: Deps): void {
  app.addHook('onRequest', async (request) => {
    if (request.is404 || request.routeOptions.config.access?.kind !== 'apiToken') return;
    const now = deps.now();
    const check = await checkApiToken(deps.db, request.headers.authorization, now);
    if (!check) return;
    const tokenId = 'client' in check ? check.client.tokenId : check.refused.tokenId;
    const limit = [{ key: `api_token:${tokenId}`, max: API_TOKEN_CALLS_PER_MINUTE, windowMs: 60_000 }];
    if ('client' in check) {
      await consumeAttempt(deps.db, now, limit);
      request.apiClient = check.client;
    } else if (!(await countAttempt(deps.db, now, limit)).over) {
      // NOTE: still a 401 (apiClient stays null); only the record of the attempt is written.
      await recordRefusedToken({ db: deps.db, now, ip: request.ip ?? null }, check.refused);
    }
  });
}
