// API tokens: an org admin creates one (shown once, stored as SHA-256), lists them with their last use, revokes one;
// every change audited. authenticateApiToken turns a Bearer header into the calling organisation for /fhir.
import { actorOf, type Ctx } from '#server/context.ts';
import type { Db } from '#server/db/db.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { ApiClient, ApiScope } from '#server/http/access.ts';
import { randomToken, sha256 } from '#server/lib/crypto.ts';
import { API_TOKEN_PREFIX, type ApiToken, type ApiTokenCreate, type ApiTokenCreated, type ApiTokenList } from '#shared/api-tokens/api-token.schema.ts';
import { expiryOf, expiryProblem, tokenKeeperOrganisation, tokenState } from './api-token.policy.ts';
import { findOrganisationToken, findTokenByHash, insertToken, listOrganisationTokens, revokeToken, touchToken, type ApiTokenRow } from './api-token.queries.ts';

function keeperScope(ctx: Ctx): string {
  const organisationId = tokenKeeperOrganisation(actorOf(ctx));
  if (!organisationId) throw new AppError('forbidden', 'Only the organisation’s administrators can do this.');
  return organisationId;
}

function present(row: ApiTokenRow, now: Date): ApiToken {
  return { ...row, scopes: row.scopes as ApiScope[], state: tokenState(row, now) };
}

/** The organisation's tokens, newest first, with their last use. */
export async function listApiTokens(ctx: Ctx): Promise<ApiTokenList> {
  const rows = await listOrganisationTokens(ctx.db, keeperScope(ctx));
  return { tokens: rows.map((r) => present(r, ctx.now)) };
}

/** Creates a token; the answer holds the secret, which is never stored or shown again. */
export async function createApiToken(ctx: Ctx, input: ApiTokenCreate): Promise<ApiTokenCreated> {
  const organisationId = keeperScope(ctx);
  const problem = expiryProblem(input.expiresOn, ctx.now);
  if (problem) throw new AppError('invalid', 'Some fields are not valid.', { fields: { expiresOn: problem } });
  const secret = `${API_TOKEN_PREFIX}${randomToken()}`;
  const expiresAt = expiryOf(input.expiresOn);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertToken(trx, { organisationId, name: input.name, tokenHash: sha256(secret), scopes: input.scopes, expiresAt, createdBy: actorOf(ctx).accountId });
    await recordAudit(ctx, trx, { action: 'api_token.created', entityType: 'api_token', entityId: id, details: { scopes: input.scopes, expiresAt: expiresAt.toISOString() } });
    return findOrganisationToken(trx, organisationId, id);
  });
  return { token: present(row!, ctx.now), secret };
}

/** Revokes a token at once: the next call with it gets 401. Revoking a revoked token changes nothing. */
export async function revokeApiToken(ctx: Ctx, id: string): Promise<ApiToken> {
  const organisationId = keeperScope(ctx);
  const row = await ctx.db.transaction().execute(async (trx) => {
    if (await revokeToken(trx, organisationId, id, actorOf(ctx).accountId, ctx.now)) {
      await recordAudit(ctx, trx, { action: 'api_token.revoked', entityType: 'api_token', entityId: id });
    }
    return findOrganisationToken(trx, organisationId, id);
  });
  if (!row) throw new AppError('not_found', 'Not found.');
  return present(row, ctx.now);
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{10,200})$/;

export type TokenCheck = { client: ApiClient } | { refused: { tokenId: string; organisationId: string; state: 'revoked' | 'expired' } } | null;

/** Who calls with this Authorization header: a live token's organisation, a revoked or expired token, or nobody. */
export async function checkApiToken(db: Db, authorization: string | undefined, now: Date): Promise<TokenCheck> {
  const match = authorization ? BEARER.exec(authorization) : null;
  if (!match) return null;
  const token = await findTokenByHash(db, sha256(match[1]!));
  if (!token) return null;
  const state = tokenState(token, now);
  if (state !== 'active') return { refused: { tokenId: token.id, organisationId: token.organisationId, state } };
  await touchToken(db, token.id, now);
  return { client: { tokenId: token.id, organisationId: token.organisationId, scopes: token.scopes as ApiScope[] } };
}

/**
 * A revoked or expired token still in use is worth knowing (a forgotten system, or a leaked secret): audited for its
 * organisation. The caller counts it against the token's rate limit first, so it cannot flood the trail.
 */
export async function recordRefusedToken(ctx: Pick<Ctx, 'db' | 'now' | 'ip'>, refused: { tokenId: string; organisationId: string; state: string }): Promise<void> {
  await ctx.db.transaction().execute((trx) =>
    recordAudit({ now: ctx.now, actor: null, ip: ctx.ip }, trx, {
      action: 'api_token.refused',
      entityType: 'api_token',
      entityId: refused.tokenId,
      organisationId: refused.organisationId,
      actorAccountId: null,
      details: { state: refused.state },
    }),
  );
}
