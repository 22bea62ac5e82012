// The signed-in person's inbox on the home page: what waits for them, how much of it, and where it is done.
import { z } from 'zod';

/**
 * Kinds of waiting work, in the order the home page shows them. A module adding an inbox line adds its kind here,
 * its provider to INBOX_PROVIDERS (server/features/inbox/inbox.providers.ts) and `home.inbox.<kind>` strings.
 */
export const INBOX_KINDS = [
  'referrals_overdue',
  'referrals_waiting',
  'referrals_news',
  'texts_to_review',
  'texts_returned',
  'reports_to_answer',
  'invitations_pending',
  'access_requests',
  'help_contacts',
  'directory_listings_due',
  'directory_listings_to_review',
  'case_approvals',
  'case_work_today',
  'event_registrations_pending',
] as const;
export const InboxKindSchema = z.enum(INBOX_KINDS);
export type InboxKind = z.infer<typeof InboxKindSchema>;

export const InboxItemSchema = z.object({
  kind: InboxKindSchema,
  /** Always above zero: a kind with nothing waiting is left out. */
  count: z.number().int().positive(),
  /** The app path where this work is done. */
  href: z.string().startsWith('/'),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const InboxSchema = z.object({ items: z.array(InboxItemSchema) });
export type Inbox = z.infer<typeof InboxSchema>;
