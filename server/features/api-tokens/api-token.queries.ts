// API tokens in SQL: the organisation's list, create, revoke, and the lookup by hash that authenticates a call.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';

export interface ApiTokenRow {
  id: string;
  name: string;
  scopes: string[];
  expiresAt: Date;
  createdAt: Date;
  createdByName: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

function selectTokens(db: Db) {
  return db
    .selectFrom('apiToken')
    .leftJoin('account', 'account.id', 'apiToken.createdBy')
    .select(['apiToken.id', 'apiToken.name', 'apiToken.scopes', 'apiToken.expiresAt', 'apiToken.createdAt', 'account.displayName as createdByName', 'apiToken.lastUsedAt', 'apiToken.revokedAt']);
}

export async function listOrganisationTokens(db: Db, organisationId: string): Promise<ApiTokenRow[]> {
  return selectTokens(db).where('apiToken.organisationId', '=', organisationId).orderBy('apiToken.createdAt', 'desc').orderBy('apiToken.id').execute();
}

export async function findOrganisationToken(db: Db, organisationId: string, id: string): Promise<ApiTokenRow | undefined> {
  return selectTokens(db).where('apiToken.organisationId', '=', organisationId).where('apiToken.id', '=', id).executeTakeFirst();
}

export interface NewToken {
  organisationId: string;
  name: string;
  tokenHash: string;
  scopes: string[];
  expiresAt: Date;
  createdBy: string;
}

export async function insertToken(db: Db, token: NewToken): Promise<string> {
  const row = await db
    .insertInto('apiToken')
    .values({ ...token, scopes: JSON.stringify(token.scopes) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Revokes a live token of the organisation; false when there is none (unknown, another organisation's, or already revoked). */
export async function revokeToken(db: Db, organisationId: string, id: string, by: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('apiToken')
    .set({ revokedAt: now, revokedBy: by })
    .where('organisationId', '=', organisationId)
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface TokenByHash {
  id: string;
  organisationId: string;
  scopes: string[];
  expiresAt: Date;
  revokedAt: Date | null;
}

/** The token with this hash, live or not (the caller decides, and records a dead one's use). */
export async function findTokenByHash(db: Db, tokenHash: string): Promise<TokenByHash | undefined> {
  return db.selectFrom('apiToken').select(['id', 'organisationId', 'scopes', 'expiresAt', 'revokedAt']).where('tokenHash', '=', tokenHash).executeTakeFirst();
}

/** Records a use; at most one write a minute per token, so a busy client does not rewrite the row on every call. */
export async function touchToken(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('apiToken')
    .set({ lastUsedAt: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<', sql<Date>`${now}::timestamptz - interval '1 minute'`)]))
    .execute();
}
