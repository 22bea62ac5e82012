// The outbox as admins see it: every email the platform queued, newest first, so a demo works without a mail server.
import type { Ctx } from '#server/context.ts';
import { actorOf } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { EmailStatus, OutboxEmail, OutboxListQuery, OutboxPage } from '#shared/email/outbox.schema.ts';
import { findOutboxEmail, listOutboxRows } from './email.queries.ts';
import { adminReadScope } from '#server/http/access.ts';
import { canReadBody } from './outbox.policy.ts';

/** One page of emails in the caller's scope. */
export async function listOutbox(ctx: Ctx, query: OutboxListQuery): Promise<OutboxPage> {
  const organisationId = scopedOrganisation(ctx, query.organisationId);
  const before = query.before ? parseCursor(query.before) : undefined;
  const rows = await listOutboxRows(ctx.db, { organisationId, before }, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ cursorAt: _cursor, ...row }) => ({ ...row, status: row.status as EmailStatus })),
    nextBefore: rows.length > query.limit && last ? `${last.cursorAt}_${last.id}` : null,
  };
}

/**
 * One email. Opening it is audited: it may hold a sign-in link. Outside the caller's scope it does not exist (404),
 * so an id from another organisation reveals nothing.
 */
export async function readOutboxEmail(ctx: Ctx, id: string, mailer: { delivers: boolean }): Promise<OutboxEmail> {
  const organisationId = scopedOrganisation(ctx, undefined);
  const email = await findOutboxEmail(ctx.db, id, organisationId);
  if (!email) throw new AppError('not_found', 'This email does not exist.');
  await ctx.db.transaction().execute((trx) =>
    recordAudit(ctx, trx, {
      action: 'email.viewed',
      entityType: 'outbox_email',
      entityId: email.id,
      organisationId: email.organisationId,
    }),
  );
  return { ...email, status: email.status as EmailStatus, bodyText: canReadBody(mailer.delivers) ? email.bodyText : null };
}

function scopedOrganisation(ctx: Ctx, requested: string | undefined): string | null {
  const scope = adminReadScope(actorOf(ctx), requested);
  if (!scope) throw new AppError('forbidden', "You can read only your own organisation's emails.");
  return scope.all ? null : scope.organisationId;
}

function parseCursor(cursor: string): { at: string; id: string } {
  const split = cursor.lastIndexOf('_');
  return { at: cursor.slice(0, split), id: cursor.slice(split + 1) };
}
