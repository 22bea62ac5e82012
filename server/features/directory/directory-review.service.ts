// Review of new directory services (four eyes): a coordinator of a different organisation or a platform admin approves
// or rejects (saying why); nobody reviews a service they wrote. Only approved services are public.
import type { Db } from '#server/db/db.ts';
import type { Actor } from '#server/http/access.ts';
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { DeskService, DirectoryReviewList, ReviewDecision } from '#shared/directory/directory-desk.schema.ts';
import { presentService } from './directory-desk.present.ts';
import { findService, pendingServices, updateVersioned } from './directory-desk.queries.ts';
import { conflict, deskCutoff } from './directory-desk.service.ts';
import { canReview, canReviewAny } from './directory.policy.ts';

function reviewer(ctx: Ctx): Actor {
  const actor = actorOf(ctx);
  if (!canReviewAny(actor)) throw new AppError('forbidden', 'Only coordinators and platform admins review directory listings.');
  return actor;
}

/** Pending services the actor may decide: never their own organisation's, never ones they wrote. */
export async function listReview(ctx: Ctx): Promise<DirectoryReviewList> {
  const actor = reviewer(ctx);
  const cutoff = deskCutoff(ctx);
  const services = (await pendingServices(ctx.db))
    .filter((s) => canReview(actor, s))
    .map((s) => ({ ...presentService(s, cutoff), organizationName: s.organizationName, onPlatform: s.organisationId !== null, submittedAt: s.updatedAt.toISOString() }));
  return { services };
}

/** Approves (public from now on) or rejects (with a note for the organisation) a pending service. */
export async function decideReview(ctx: Ctx, id: string, input: ReviewDecision): Promise<DeskService> {
  const actor = reviewer(ctx);
  const service = await findService(ctx.db, id);
  if (!service) throw new AppError('not_found', 'No such service.');
  if (!canReview(actor, service)) throw new AppError('forbidden', 'Four eyes: a listing is approved by someone outside the organisation that wrote it, never by its author.');
  const present = async () => presentService((await findService(ctx.db, id))!, deskCutoff(ctx));
  if (service.reviewStatus !== 'pending') await conflict(present);
  const written = await ctx.db.transaction().execute(async (trx) => {
    const change = {
      reviewStatus: input.decision,
      reviewNote: input.note,
      reviewedBy: actor.accountId,
      reviewedAt: ctx.now,
      // NOTE: approving is a check of the listing: it counts as its first verification.
      ...(input.decision === 'approved' && service.assuredDate === null && { assuredDate: ctx.now.toISOString().slice(0, 10) }),
    };
    if (!(await updateVersioned(trx, 'directoryService', id, input.version, change))) return false;
    const audit = { entityType: 'directory_service', entityId: id, organisationId: service.organisationId ?? undefined, details: { offPlatform: service.organisationId === null } };
    if (input.decision === 'approved') await recordAudit(ctx, trx, { action: 'directory.service_approved', ...audit });
    else await recordAudit(ctx, trx, { action: 'directory.service_rejected', ...audit });
    return true;
  });
  if (!written) await conflict(present);
  return present();
}

/** For the inbox: services the actor may review (0 for everyone else). */
export async function directoryListingsToReview(db: Db, actor: Actor): Promise<number> {
  if (!canReviewAny(actor)) return 0;
  return (await pendingServices(db)).filter((s) => canReview(actor, s)).length;
}
