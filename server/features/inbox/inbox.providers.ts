// The lines of the home page's inbox, one provider per kind of waiting work; a module adds its line here.
import type { Db } from '#server/db/db.ts';
import type { Actor } from '#server/http/access.ts';
import { ownTextsReturned, readerReportsToAnswer, textsWaitingForReview } from '#server/features/library/waiting-work.service.ts';
import { accessRequestsWaiting } from '#server/features/access-requests/access-request-admin.service.ts';
import { helpContactsDue } from '#server/features/help/help.service.ts';
import { directoryListingsDue } from '#server/features/directory/directory-desk.service.ts';
import { directoryListingsToReview } from '#server/features/directory/directory-review.service.ts';
import { invitationsPending } from '#server/features/organisations/invitation.service.ts';
import { referralsOverdue, referralsWaiting, referralsWithNews } from '#server/features/referrals/referral-inbox.service.ts';
import { approvalsWaiting } from '#server/features/cases/case-approval.service.ts';
import { myWorkCount } from '#server/features/cases/my-work.service.ts';
import { registrationsAwaitingApproval } from '#server/features/events/participants-inbox.ts';
import type { InboxItem, InboxKind } from '#shared/inbox/inbox.schema.ts';

/** What a provider gets: the database, the fully signed-in actor, the request's time. */
export interface InboxCtx {
  db: Db;
  actor: Actor;
  now: Date;
}

/** One line of the inbox for this actor, or null when nothing of its kind waits for them. */
export type InboxProvider = (ctx: InboxCtx) => Promise<InboxItem | null>;

/**
 * A provider from a count of waiting work done at `href`. The count must be scoped to the actor in SQL (their
 * organisation, their role) and be 0 for an actor who cannot act on it; a count of 0 leaves the line out.
 */
export function counted(kind: InboxKind, href: string, count: (ctx: InboxCtx) => Promise<number>): InboxProvider {
  return async (ctx) => {
    const n = await count(ctx);
    return n > 0 ? { kind, count: n, href } : null;
  };
}

/** Every line, in the order the home page shows them. */
export const INBOX_PROVIDERS: readonly InboxProvider[] = [
  counted('referrals_overdue', '/referrals', ({ db, actor, now }) => referralsOverdue(db, actor, now)),
  counted('referrals_waiting', '/referrals', ({ db, actor }) => referralsWaiting(db, actor)),
  counted('referrals_news', '/referrals?box=outgoing', ({ db, actor }) => referralsWithNews(db, actor)),
  counted('texts_to_review', '/desk', ({ db, actor }) => textsWaitingForReview(db, actor)),
  counted('texts_returned', '/desk', ({ db, actor }) => ownTextsReturned(db, actor)),
  counted('reports_to_answer', '/desk/reports', ({ db, actor }) => readerReportsToAnswer(db, actor)),
  counted('invitations_pending', '/admin/members', ({ db, actor, now }) => invitationsPending(db, actor, now)),
  counted('access_requests', '/admin/access-requests', ({ db, actor }) => accessRequestsWaiting(db, actor)),
  counted('help_contacts', '/desk/help-contacts', ({ db, actor, now }) => helpContactsDue(db, actor, now)),
  counted('directory_listings_due', '/desk/directory', ({ db, actor, now }) => directoryListingsDue(db, actor, now)),
  counted('directory_listings_to_review', '/desk/directory/review', ({ db, actor }) => directoryListingsToReview(db, actor)),
  counted('case_approvals', '/cases/approvals', ({ db, actor }) => approvalsWaiting(db, actor)),
  counted('case_work_today', '/#my-work', ({ db, actor, now }) => myWorkCount(db, actor, now)),
  counted('event_registrations_pending', '/events/organise', ({ db, actor }) => registrationsAwaitingApproval(db, actor)),
];
