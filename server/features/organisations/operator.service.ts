// Operator use cases: what the command line (and demo data) does without a signed-in actor. Every change is
// audited with a null actor and details saying how it was made ({ via: 'cli' }, or demo data's { via, demo: true }).
import type { FastifyBaseLogger } from 'fastify';
import type { Transaction } from 'kysely';
import pino from 'pino';
import { z } from 'zod';
import type { Config } from '#server/config.ts';
import type { Ctx } from '#server/context.ts';
import type { Db } from '#server/db/db.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { LanguageSchema } from '#shared/auth/me.schema.ts';
import { RoleSchema } from '#shared/organisations/member.schema.ts';
import type { Organisation, OrganisationCreate } from '#shared/organisations/organisation.schema.ts';
import { checkNewPassword, hashNewPassword } from './account-password.ts';
import * as members from './member.queries.ts';
import { findOrganisation, findOrganisationsByName } from './organisation.queries.ts';
import { insertOrganisationAudited } from './organisation.service.ts';

/** A use-case context without an actor or an HTTP request. */
export function operatorCtx(deps: { db: Db; config: Config; now?: () => Date; log?: FastifyBaseLogger }): Ctx {
  const log = deps.log ?? (pino({ level: 'silent' }) as unknown as FastifyBaseLogger);
  return { db: deps.db, actor: null, now: deps.now?.() ?? new Date(), log, ip: null, config: deps.config };
}

/** Creates an organisation from the command line. */
export async function createOrganisationByOperator(ctx: Ctx, input: OrganisationCreate): Promise<Organisation> {
  return ctx.db.transaction().execute((trx) => insertOrganisationAudited(ctx, trx, input, { details: { via: 'cli' } }));
}

export const OperatorUserSchema = z
  .object({
    email: z.string().trim().pipe(z.email().max(254)),
    displayName: z.string().trim().min(1).max(120),
    /** An organisation id or its exact name; optional only for a platform admin. */
    organisation: z.string().trim().min(1).optional(),
    roles: z.array(RoleSchema).transform((roles) => [...new Set(roles)]),
    isPlatformAdmin: z.boolean().default(false),
    language: LanguageSchema.nullable().default(null),
  })
  .refine((u) => u.organisation !== undefined || u.isPlatformAdmin, { path: ['organisation'], message: 'Name the organisation.' })
  .refine((u) => u.organisation === undefined || u.roles.length > 0, { path: ['roles'], message: 'Give at least one role.' });
/** Raw operator input: checked against OperatorUserSchema. */
export interface OperatorUser {
  email: string;
  displayName: string;
  organisation?: string | undefined;
  roles: string[];
  isPlatformAdmin?: boolean;
  language?: string | null;
}

/** Creates an account (with a membership when an organisation is named) from the command line. */
export async function createUserByOperator(ctx: Ctx, input: OperatorUser, password: string): Promise<{ accountId: string; membershipId: string | null }> {
  const parsed = OperatorUserSchema.safeParse(input);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || '_', i.message]));
    throw new AppError('invalid', 'Some options are not valid.', { fields });
  }
  const user = parsed.data;
  checkNewPassword(password, user.email);
  const passwordHash = await hashNewPassword(password);
  return ctx.db.transaction().execute(async (trx) => {
    const organisationId = user.organisation ? await resolveOrganisation(trx, user.organisation) : null;
    const account = { email: user.email, displayName: user.displayName, passwordHash, language: user.language, isPlatformAdmin: user.isPlatformAdmin };
    return insertAccountAudited(ctx, trx, { account, organisationId, roles: user.roles }, { via: 'cli' });
  });
}

async function resolveOrganisation(db: Db, idOrName: string): Promise<string> {
  if (z.uuid().safeParse(idOrName).success) {
    const byId = await findOrganisation(db, idOrName);
    if (byId) return byId.id;
  }
  const byName = await findOrganisationsByName(db, idOrName);
  if (byName.length === 1 && byName[0]) return byName[0].id;
  const message = byName.length > 1 ? 'Several organisations have this name; use the id.' : 'No organisation has this id or name.';
  throw new AppError('not_found', message, { fields: { organisation: message } });
}

/** The one place an account is created outside an invitation: account + optional membership, both audited. */
export async function insertAccountAudited(
  ctx: Ctx,
  trx: Transaction<Database>,
  spec: { account: members.NewAccount; organisationId: string | null; roles: string[] },
  details: Record<string, unknown>,
): Promise<{ accountId: string; membershipId: string | null }> {
  if (await members.findAccountByEmail(trx, spec.account.email)) {
    throw new AppError('conflict', 'An account with this email address already exists.', { fields: { email: 'Already in use.' } });
  }
  const account = await members.insertAccount(trx, spec.account, ctx.now);
  const accountDetails = { ...details, isPlatformAdmin: spec.account.isPlatformAdmin ?? false };
  await recordAudit(ctx, trx, { action: 'account.created', entityType: 'account', entityId: account.id, organisationId: spec.organisationId, details: accountDetails });
  if (!spec.organisationId) return { accountId: account.id, membershipId: null };
  const membership = await members.insertMembership(trx, { accountId: account.id, organisationId: spec.organisationId, roles: spec.roles }, ctx.now);
  await recordAudit(ctx, trx, {
    action: 'membership.created',
    entityType: 'membership',
    entityId: membership.id,
    organisationId: spec.organisationId,
    details: { ...details, accountId: account.id, roles: spec.roles },
  });
  return { accountId: account.id, membershipId: membership.id };
}
