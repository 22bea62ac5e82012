// Members of an organisation: its admins see who belongs to it, change their roles and remove them.
// Everything is scoped to the organisation the admin acts for; other organisations' members do not exist here.
import { type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { Role } from '#shared/auth/roles.ts';
import type { Member, MemberRolesUpdate } from '#shared/organisations/member.schema.ts';
import { removesLastAdmin } from './organisation.policy.ts';
import { lockOrganisation } from './organisation.queries.ts';
import { administeredOrganisationId } from './organisation.service.ts';
import * as queries from './member.queries.ts';

type MemberRow = NonNullable<Awaited<ReturnType<typeof queries.findMember>>>;

const LAST_ADMIN = 'An organisation needs at least one organisation admin. Give the role to someone else first.';

function presentMember(row: MemberRow): Member {
  return {
    id: row.id,
    accountId: row.accountId,
    displayName: row.displayName,
    email: row.email,
    roles: row.roles as Role[],
    twoFactorEnabled: Boolean(row.twoFactorEnabled),
    lastSignInAt: row.lastSignInAt ? new Date(row.lastSignInAt) : null,
    joinedAt: row.joinedAt,
    version: row.version,
  };
}

/** The members of the actor's organisation. */
export async function listMembers(ctx: Ctx): Promise<Member[]> {
  const rows = await queries.listMembers(ctx.db, administeredOrganisationId(ctx));
  return rows.map(presentMember);
}

/** Replaces a member's roles; refuses to leave the organisation without an organisation admin. */
export async function changeMemberRoles(ctx: Ctx, membershipId: string, input: MemberRolesUpdate): Promise<Member> {
  const organisationId = administeredOrganisationId(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    // NOTE: the organisation lock serialises role changes, so two admins cannot demote each other at once.
    await lockOrganisation(trx, organisationId);
    const member = await queries.findMember(trx, organisationId, membershipId);
    if (!member) throw new AppError('not_found', 'Member not found.');
    if (member.version !== input.version) {
      throw new AppError('conflict', 'Someone else changed this member in the meantime.', { current: presentMember(member) });
    }
    const others = await queries.countOtherAdmins(trx, organisationId, membershipId);
    if (removesLastAdmin(member.roles, input.roles, others)) throw new AppError('conflict', LAST_ADMIN, { fields: { roles: LAST_ADMIN } });
    await queries.updateMemberRoles(trx, organisationId, membershipId, input.version, input.roles, ctx.now);
    await recordAudit(ctx, trx, {
      action: 'membership.roles_changed',
      entityType: 'membership',
      entityId: membershipId,
      organisationId,
      details: { previousRoles: member.roles, roles: input.roles },
    });
    const updated = await queries.findMember(trx, organisationId, membershipId);
    return presentMember(updated!);
  });
}

/** Removes a member from the actor's organisation (the account itself stays). */
export async function removeMember(ctx: Ctx, membershipId: string): Promise<void> {
  const organisationId = administeredOrganisationId(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await lockOrganisation(trx, organisationId);
    const member = await queries.findMember(trx, organisationId, membershipId);
    if (!member) throw new AppError('not_found', 'Member not found.');
    const others = await queries.countOtherAdmins(trx, organisationId, membershipId);
    if (removesLastAdmin(member.roles, null, others)) throw new AppError('conflict', LAST_ADMIN);
    await queries.deleteMember(trx, organisationId, membershipId);
    await recordAudit(ctx, trx, {
      action: 'membership.removed',
      entityType: 'membership',
      entityId: membershipId,
      organisationId,
      details: { accountId: member.accountId, roles: member.roles },
    });
  });
}
