// Per-organisation API tokens for systems that read and update referrals over FHIR (/fhir), kept by org admins.
//   GET  /api/api-tokens                                → ApiTokenList                 org_admin of the organisation
//   POST /api/api-tokens            ApiTokenCreate      → ApiTokenCreated (201)        the secret is in this answer only
//   POST /api/api-tokens/:id/revoke                     → ApiToken                     immediate; revoking twice is a no-op
import { z } from 'zod';
import { Day, line } from '../lib/input.ts';
import { DateTime } from '../lib/datetime.ts';
import { API_SCOPES, ApiScopeSchema } from '../referrals/referral-vocabulary.ts';

export const API_TOKEN_NAME_MAX = 100;
/** A token lives at most this many days: long-lived secrets in other systems' configuration get forgotten. */
export const API_TOKEN_MAX_DAYS = 365;
export const API_TOKEN_DEFAULT_DAYS = 90;

export const API_TOKEN_STATES = ['active', 'expired', 'revoked'] as const;

export const ApiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scopes: z.array(ApiScopeSchema),
  state: z.enum(API_TOKEN_STATES),
  expiresAt: DateTime,
  createdAt: DateTime,
  createdByName: z.string().nullable(),
  lastUsedAt: DateTime.nullable(),
  revokedAt: DateTime.nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const ApiTokenListSchema = z.object({ tokens: z.array(ApiTokenSchema) });
export type ApiTokenList = z.infer<typeof ApiTokenListSchema>;

export const ApiTokenCreateSchema = z
  .object({
    name: line(API_TOKEN_NAME_MAX).min(2, 'Give the token a name of at least 2 characters'),
    scopes: z
      .array(ApiScopeSchema)
      .min(1, 'Choose at least one permission')
      .max(API_SCOPES.length)
      .refine((list) => new Set(list).size === list.length, 'Choose each permission once'),
    /** The last day the token works (UTC); at most API_TOKEN_MAX_DAYS from today. */
    expiresOn: Day,
  })
  .strict();
export type ApiTokenCreate = z.infer<typeof ApiTokenCreateSchema>;

export const ApiTokenCreatedSchema = z.object({
  token: ApiTokenSchema,
  /** Shown once: only its SHA-256 is stored. */
  secret: z.string(),
});
export type ApiTokenCreated = z.infer<typeof ApiTokenCreatedSchema>;

export const ApiTokenParamsSchema = z.object({ id: z.uuid() }).strict();

/** Every token starts with this, so that secret scanners and people recognise one. */
export const API_TOKEN_PREFIX = 'pht_';
