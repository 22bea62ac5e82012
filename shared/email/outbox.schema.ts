// The outbox on the wire: emails the platform queued, for admins to read when no mail server delivers them.
import { z } from 'zod';
import { queryInt, TimeIdCursor } from '../lib/input.ts';
import { DateTime } from '../lib/datetime.ts';

export const OUTBOX_PAGE_MAX = 100;

/** queued: waiting for the job; sent: handed to SMTP; not_sent: no mail server, read it here; failed: gave up. */
export const EMAIL_STATUSES = ['queued', 'sent', 'not_sent', 'failed'] as const;
export const EmailStatusSchema = z.enum(EMAIL_STATUSES);
export type EmailStatus = z.infer<typeof EmailStatusSchema>;

export const OutboxListQuerySchema = z.object({
  /** Platform admins only: one organisation's emails. */
  organisationId: z.uuid().optional(),
  /** Keyset cursor from the previous page's nextBefore. */
  before: TimeIdCursor.optional(),
  limit: queryInt(1, OUTBOX_PAGE_MAX).default(50),
});
export type OutboxListQuery = z.infer<typeof OutboxListQuerySchema>;

export const OutboxSummarySchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid().nullable(),
  toAddress: z.string(),
  subject: z.string(),
  status: EmailStatusSchema,
  attempts: z.number().int(),
  createdAt: DateTime,
  sentAt: DateTime.nullable(),
});
export type OutboxSummary = z.infer<typeof OutboxSummarySchema>;

export const OutboxPageSchema = z.object({
  items: z.array(OutboxSummarySchema),
  nextBefore: z.string().nullable(),
});
export type OutboxPage = z.infer<typeof OutboxPageSchema>;

export const OutboxEmailSchema = OutboxSummarySchema.extend({
  /** Null when withheld: with a mail server configured, links in an email are for its recipient only. */
  bodyText: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type OutboxEmail = z.infer<typeof OutboxEmailSchema>;

export const OutboxIdParamsSchema = z.object({ id: z.uuid() });
