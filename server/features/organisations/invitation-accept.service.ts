// Accepting an invitation: whoever holds the emailed link sees which organisation and roles it offers, then
// either creates an account (name + password) or, signed in with the invited address, joins with that account.
import type { Transaction } from 'kysely';
import type { Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { consumeAttempt, type Limit } from '#server/features/auth/rate-limit.service.ts';
import type { Actor } from '#server/http/access.ts';
import { sha256 } from '#server/lib/crypto.ts';
import type { Role } from '#shared/auth/roles.ts';
import type { InvitationAccept, InvitationAccepted, InvitationPreview } from '#shared/organisations/invitation.schema.ts';
import { checkNewPassword, hashNewPassword } from './account-password.ts';
import * as members from './member.queries.ts';
import * as queries from './invitation.queries.ts';

type TokenRow = NonNullable<Awaited<ReturnType<typeof queries.findInvitationByTokenHash>>>;

const NOT_VALID = 'This invitation link is not valid any more. Ask for a new invitation.';

/** Inspections and acceptances per address in 15 minutes. */
export const INSPECT_LIMIT = 50;

/** Guessing tokens is hopeless (256 bits), but each address still gets a bounded number of tries. */
function limits(ctx: Ctx): Limit[] {
  return [{ key: `invitation:ip:${ctx.ip ?? 'unknown'}`, max: INSPECT_LIMIT, windowMs: 15 * 60_000 }];
}

function isUsable(row: TokenRow | undefined, now: Date): row is TokenRow {
  return row !== undefined && !row.acceptedAt && !row.revokedAt && row.expiresAt.getTime() > now.getTime();
}

/** What an invitation offers: the organisation's name and the roles. Invalid, expired, revoked or used → not found. */
export async function inspectInvitation(ctx: Ctx, token: string): Promise<InvitationPreview> {
  await consumeAttempt(ctx.db, ctx.now, limits(ctx));
  const row = await queries.findInvitationByTokenHash(ctx.db, sha256(token));
  if (!isUsable(row, ctx.now)) throw new AppError('not_found', NOT_VALID);
  return { organisationName: row.organisationName, roles: row.roles as Role[] };
}

/** Accepts an invitation: a new account with the given name and password, or the signed-in account joins. */
export async function acceptInvitation(ctx: Ctx, input: InvitationAccept): Promise<InvitationAccepted> {
  await consumeAttempt(ctx.db, ctx.now, limits(ctx));
  const actor = ctx.actor?.fullySignedIn ? ctx.actor : null;
  if (actor) return ctx.db.transaction().execute((trx) => joinWithAccount(ctx, trx, actor, input.token));
  const fields: Record<string, string> = {};
  if (!input.displayName) fields.displayName = 'Enter your name.';
  if (!input.password) fields.password = 'Choose a password.';
  if (!input.displayName || !input.password) throw new AppError('invalid', 'Some fields are not valid.', { fields });
  const preview = await queries.findInvitationByTokenHash(ctx.db, sha256(input.token));
  if (!isUsable(preview, ctx.now)) throw new AppError('not_found', NOT_VALID);
  checkNewPassword(input.password, preview.email);
  // NOTE: hashing (argon2, tens of ms) happens before the transaction: PGlite has one connection.
  const passwordHash = await hashNewPassword(input.password);
  const account = { displayName: input.displayName, passwordHash, language: input.language ?? null };
  return ctx.db.transaction().execute((trx) => createAccountAndJoin(ctx, trx, input.token, account));
}

async function lockedUsableInvitation(ctx: Ctx, trx: Transaction<Database>, token: string): Promise<TokenRow> {
  const row = await queries.findInvitationByTokenHash(trx, sha256(token), true);
  if (!isUsable(row, ctx.now)) throw new AppError('not_found', NOT_VALID);
  return row;
}

async function joinWithAccount(ctx: Ctx, trx: Transaction<Database>, actor: Actor, token: string): Promise<InvitationAccepted> {
  const invitation = await lockedUsableInvitation(ctx, trx, token);
  if (invitation.email.toLowerCase() !== actor.email.toLowerCase()) {
    throw new AppError('forbidden', 'This invitation was sent to another email address. Sign out, then open the link again.');
  }
  if (await members.findMembership(trx, actor.accountId, invitation.organisationId)) {
    throw new AppError('conflict', 'You are already a member of this organisation.');
  }
  return finishAcceptance(ctx, trx, invitation, actor.accountId, 'joined');
}

async function createAccountAndJoin(
  ctx: Ctx,
  trx: Transaction<Database>,
  token: string,
  account: { displayName: string; passwordHash: string; language: string | null },
): Promise<InvitationAccepted> {
  const invitation = await lockedUsableInvitation(ctx, trx, token);
  if (await members.findAccountByEmail(trx, invitation.email)) {
    throw new AppError('conflict', 'An account with this email address already exists. Sign in, then open the invitation link again.');
  }
  const created = await members.insertAccount(trx, { email: invitation.email, ...account }, ctx.now);
  await recordAudit(ctx, trx, {
    action: 'account.created',
    entityType: 'account',
    entityId: created.id,
    actorAccountId: created.id,
    organisationId: invitation.organisationId,
    details: { via: 'invitation', invitationId: invitation.id },
  });
  return finishAcceptance(ctx, trx, invitation, created.id, 'created');
}

async function finishAcceptance(
  ctx: Ctx,
  trx: Transaction<Database>,
  invitation: TokenRow,
  accountId: string,
  outcome: InvitationAccepted['outcome'],
): Promise<InvitationAccepted> {
  const { organisationId } = invitation;
  const membership = await members.insertMembership(trx, { accountId, organisationId, roles: invitation.roles }, ctx.now);
  await queries.markInvitationAccepted(trx, invitation.id, ctx.now);
  await recordAudit(ctx, trx, {
    action: 'invitation.accepted',
    entityType: 'invitation',
    entityId: invitation.id,
    actorAccountId: accountId,
    organisationId,
    details: { roles: invitation.roles, membershipId: membership.id, outcome },
  });
  return { organisationId, organisationName: invitation.organisationName, outcome };
}
