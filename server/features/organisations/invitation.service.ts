// Invitations: an organisation admin invites someone by email with the roles they will hold. The email carries a
// single-use link; the admin can list open invitations, revoke them, or resend them with a fresh link.
import type { Transaction } from 'kysely';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Db } from '#server/db/db.ts';
import type { Actor } from '#server/http/access.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { queueEmail } from '#server/features/email/email.service.ts';
import { randomToken, sha256 } from '#server/lib/crypto.ts';
import type { Role } from '#shared/auth/roles.ts';
import { INVITATION_TTL_DAYS, type Invitation, type InvitationCreate } from '#shared/organisations/invitation.schema.ts';
import { findMemberByEmail } from './member.queries.ts';
import { canAdministerOwnOrganisation } from './organisation.policy.ts';
import { administeredOrganisationId } from './organisation.service.ts';
import { invitationEmail } from './invitation-email.ts';
import { findOrganisation } from './organisation.queries.ts';
import * as queries from './invitation.queries.ts';

type InvitationRow = NonNullable<Awaited<ReturnType<typeof queries.findInvitation>>>;

const DAY_MS = 24 * 60 * 60 * 1000;

function presentInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    email: row.email,
    roles: row.roles as Role[],
    invitedByName: row.invitedByName,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}

/** A fresh link token; the database keeps only its hash. */
function newToken(): { token: string; tokenHash: string } {
  const token = randomToken();
  return { token, tokenHash: sha256(token) };
}

function expiryFrom(now: Date): Date {
  return new Date(now.getTime() + INVITATION_TTL_DAYS * DAY_MS);
}

/** Invitations of the actor's organisation that were neither accepted nor revoked. */
export async function listInvitations(ctx: Ctx): Promise<Invitation[]> {
  const rows = await queries.listOpenInvitations(ctx.db, administeredOrganisationId(ctx));
  return rows.map(presentInvitation);
}

/** Invitations of the organisation this admin acts for that are still waiting for an answer (0 for non-admins). */
export async function invitationsPending(db: Db, actor: Actor, now: Date): Promise<number> {
  if (!actor.fullySignedIn || !canAdministerOwnOrganisation(actor)) return 0;
  return queries.countPendingInvitations(db, actor.organisationId, now);
}

/** Invites an email address into the actor's organisation and queues the email in the same transaction. */
export async function inviteMember(ctx: Ctx, input: InvitationCreate): Promise<Invitation> {
  const organisationId = administeredOrganisationId(ctx);
  return ctx.db.transaction().execute((trx) => inviteIntoOrganisation(ctx, trx, organisationId, input));
}

/**
 * The one way an invitation is made, inside the caller's transaction: refuses members and open invitations, stores the
 * token's hash, queues the email in the actor's name and audits. The caller has decided the actor may invite there.
 */
export async function inviteIntoOrganisation(ctx: Ctx, trx: Transaction<Database>, organisationId: string, input: InvitationCreate): Promise<Invitation> {
  const actor = actorOf(ctx);
  if (await findMemberByEmail(trx, organisationId, input.email)) {
    const message = 'This address already belongs to a member.';
    throw new AppError('conflict', message, { fields: { email: message } });
  }
  if (await queries.findOpenInvitationForEmail(trx, organisationId, input.email)) {
    const message = 'This address already has an open invitation; resend it instead.';
    throw new AppError('conflict', message, { fields: { email: message } });
  }
  const { token, tokenHash } = newToken();
  const { id } = await queries.insertInvitation(
    trx,
    { organisationId, email: input.email, roles: input.roles, tokenHash, invitedBy: actor.accountId, expiresAt: expiryFrom(ctx.now) },
    ctx.now,
  );
  await queueEmail(trx, await emailFor(ctx, trx, { to: input.email, token, organisationId, roles: input.roles }));
  // NOTE: never the invited address in audit details (personal data); the invitation id leads to it.
  await recordAudit(ctx, trx, { action: 'invitation.created', entityType: 'invitation', entityId: id, organisationId, details: { roles: input.roles } });
  return presentInvitation((await queries.findInvitation(trx, organisationId, id))!);
}

/** Revokes an open invitation: its link stops working. */
export async function revokeInvitation(ctx: Ctx, id: string): Promise<void> {
  const organisationId = administeredOrganisationId(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await openInvitation(trx, organisationId, id);
    await queries.markInvitationRevoked(trx, organisationId, id, ctx.now);
    await recordAudit(ctx, trx, { action: 'invitation.revoked', entityType: 'invitation', entityId: id, organisationId });
  });
}

/** Sends an open invitation again with a new link and a new expiry; the previous link stops working. */
export async function resendInvitation(ctx: Ctx, id: string): Promise<Invitation> {
  const organisationId = administeredOrganisationId(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const invitation = await openInvitation(trx, organisationId, id);
    const { token, tokenHash } = newToken();
    await queries.replaceInvitationToken(trx, organisationId, id, tokenHash, expiryFrom(ctx.now));
    await queueEmail(trx, await emailFor(ctx, trx, { to: invitation.email, token, organisationId, roles: invitation.roles as Role[] }));
    await recordAudit(ctx, trx, { action: 'invitation.resent', entityType: 'invitation', entityId: id, organisationId });
    return presentInvitation((await queries.findInvitation(trx, organisationId, id))!);
  });
}

/** The invitation email, sent in the name of the actor (who invites or resends now). */
async function emailFor(ctx: Ctx, db: Ctx['db'], args: { to: string; token: string; organisationId: string; roles: Role[] }) {
  const actor = actorOf(ctx);
  const organisation = await findOrganisation(db, args.organisationId);
  if (!organisation) throw new AppError('not_found', 'Organisation not found.');
  return invitationEmail({
    ...args,
    publicUrl: ctx.config.publicUrl,
    language: actor.language,
    organisationName: organisation.name,
    inviterName: actor.displayName,
  });
}

async function openInvitation(db: Ctx['db'], organisationId: string, id: string): Promise<InvitationRow> {
  const invitation = await queries.findInvitation(db, organisationId, id);
  if (!invitation) throw new AppError('not_found', 'Invitation not found.');
  if (invitation.acceptedAt || invitation.revokedAt) throw new AppError('conflict', 'This invitation was already accepted or revoked.');
  return invitation;
}
