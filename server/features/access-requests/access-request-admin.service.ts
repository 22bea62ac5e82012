// Deciding access requests: admins list the pending ones, approve one (which sends the ordinary invitation) or decline
// it (a neutral email), and choose whether their organisation is offered on the request form.
import { actorOf, type Ctx } from '#server/context.ts';
import type { Db } from '#server/db/db.ts';
import { AppError } from '#server/errors.ts';
import type { Actor } from '#server/http/access.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { queueEmail } from '#server/features/email/email.service.ts';
import { inviteIntoOrganisation } from '#server/features/organisations/invitation.service.ts';
import { administeredOrganisationId } from '#server/features/organisations/organisation.service.ts';
import { decrypt } from '#server/lib/crypto.ts';
import type { Language } from '#shared/auth/me.schema.ts';
import type {
  AccessRequest,
  AccessRequestApprove,
  AccessRequestHandled,
  AccessRequestList,
  Profession,
} from '#shared/access-requests/access-request.schema.ts';
import { declinedEmail } from './access-request-email.ts';
import { accessRequestScope, canPlaceRequest } from './access-request.policy.ts';
import * as queries from './access-request.queries.ts';

type RequestRow = Awaited<ReturnType<typeof queries.listPendingRequests>>[number];

function scopeOf(actor: Actor): queries.RequestScope {
  const scope = accessRequestScope(actor);
  if (!scope) throw new AppError('forbidden', 'Choose an organisation you administer first.');
  return scope;
}

function present(ctx: Ctx, row: RequestRow): AccessRequest {
  const keys = ctx.config.encryptionKeys;
  return {
    id: row.id,
    name: decrypt(keys, row.nameSealed),
    email: decrypt(keys, row.emailSealed),
    profession: row.profession as Profession,
    professionOther: row.professionOther,
    institution: row.institution,
    country: row.country.trim(),
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    language: row.language as Language,
    createdAt: row.createdAt,
    version: row.version,
  };
}

/** Pending requests the actor may decide, oldest first, and whether the actor's organisation is listed on the form. */
export async function listAccessRequests(ctx: Ctx): Promise<AccessRequestList> {
  const actor = actorOf(ctx);
  const rows = await queries.listPendingRequests(ctx.db, scopeOf(actor));
  const listed = actor.organisationId ? await queries.isListed(ctx.db, actor.organisationId) : null;
  return { requests: rows.map((row) => present(ctx, row)), listed };
}

/** How many pending requests this actor may decide (the signed-in home's inbox); 0 for everyone else. */
export async function accessRequestsWaiting(db: Db, actor: Actor): Promise<number> {
  const scope = accessRequestScope(actor);
  return scope ? queries.countPendingRequests(db, scope) : 0;
}

/** Approves a pending request: the ordinary invitation goes to the requester, in the same transaction. */
export async function approveAccessRequest(ctx: Ctx, id: string, input: AccessRequestApprove): Promise<AccessRequestHandled> {
  const actor = actorOf(ctx);
  const scope = scopeOf(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const claimed = await queries.claimRequest(trx, scope, id, { status: 'approved', by: actor.accountId, now: ctx.now });
    if (!claimed) throw await notPending(trx, scope, id);
    const organisationId = await placementOf(trx, actor, claimed.organisationId, input.organisationId);
    const email = decrypt(ctx.config.encryptionKeys, claimed.emailSealed);
    const invitation = await inviteIntoOrganisation(ctx, trx, organisationId, { email, roles: input.roles });
    await recordAudit(ctx, trx, {
      action: 'access_request.approved',
      entityType: 'access_request',
      entityId: id,
      organisationId,
      details: { invitationId: invitation.id, roles: input.roles },
    });
    return { status: 'approved', invitationId: invitation.id };
  });
}

/** Declines a pending request: the requester gets a neutral email, with no reason and no names. */
export async function declineAccessRequest(ctx: Ctx, id: string): Promise<AccessRequestHandled> {
  const actor = actorOf(ctx);
  const scope = scopeOf(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const claimed = await queries.claimRequest(trx, scope, id, { status: 'declined', by: actor.accountId, now: ctx.now });
    if (!claimed) throw await notPending(trx, scope, id);
    const to = decrypt(ctx.config.encryptionKeys, claimed.emailSealed);
    await queueEmail(trx, declinedEmail({ to, language: claimed.language, organisationId: claimed.organisationId }));
    await recordAudit(ctx, trx, { action: 'access_request.declined', entityType: 'access_request', entityId: id, organisationId: claimed.organisationId });
    return { status: 'declined', invitationId: null };
  });
}

/** Offers (or stops offering) the actor's organisation on the public request form. */
export async function setAccessRequestListing(ctx: Ctx, listed: boolean): Promise<{ listed: boolean }> {
  const organisationId = administeredOrganisationId(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await queries.setListed(trx, organisationId, listed, ctx.now);
    await recordAudit(ctx, trx, { action: 'access_request.listing_changed', entityType: 'organisation', entityId: organisationId, organisationId, details: { listed } });
  });
  return { listed };
}

/** Lists an organisation on the request form inside the caller's transaction (demo data). */
export async function listOrganisationForRequests(db: Db, organisationId: string, now: Date): Promise<void> {
  await queries.setListed(db, organisationId, true, now);
}

async function notPending(db: Db, scope: queries.RequestScope, id: string): Promise<AppError> {
  const row = await queries.findRequest(db, scope, id);
  // NOTE: another organisation's request is a 404, exactly like one that does not exist.
  if (!row) return new AppError('not_found', 'Request not found.');
  return new AppError('conflict', 'This request was already approved or declined.');
}

async function placementOf(db: Db, actor: Actor, requested: string | null, chosen: string | undefined): Promise<string> {
  if (!canPlaceRequest(actor)) {
    if (chosen && chosen !== requested) throw new AppError('invalid', 'Only platform admins move a request.', { fields: { organisationId: 'Only platform admins move a request.' } });
    return requested!;
  }
  const organisationId = chosen ?? requested;
  const message = 'Choose the organisation this person joins.';
  if (!organisationId || !(await queries.organisationExists(db, organisationId))) throw new AppError('invalid', message, { fields: { organisationId: message } });
  return organisationId;
}
