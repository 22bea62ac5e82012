// The audit trail on the wire: list filters, one entry, a page of entries, and the chain check.
import { z } from 'zod';
import { Day, line, queryInt, Timestamp } from '../lib/input.ts';
import { DateTime } from '../lib/datetime.ts';

export const AUDIT_PAGE_MAX = 100;

/** A day (YYYY-MM-DD, UTC) or a full timestamp. */
const DayOrTime = z.union([Day, Timestamp]);

/** Filters shared by the list and the CSV export. Action matches exactly or as a prefix ("invitation" → "invitation.*"). */
export const AuditFilterSchema = z.object({
  organisationId: z.uuid().optional(),
  action: z
    .string()
    .regex(/^[a-z0-9_.]{1,80}$/, 'letters, digits, "_" and "." only')
    .optional(),
  entityType: line(80).min(1).optional(),
  entityId: line(200).min(1).optional(),
  actorAccountId: z.uuid().optional(),
  from: DayOrTime.optional(),
  to: DayOrTime.optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AuditListQuerySchema = AuditFilterSchema.extend({
  /** Keyset cursor: only entries with a smaller seq (older). */
  before: queryInt(1, Number.MAX_SAFE_INTEGER).optional(),
  limit: queryInt(1, AUDIT_PAGE_MAX).default(50),
});
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: DateTime,
  actorAccountId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  organisationName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  /** Pass as `before` to load older entries; null when there are none. */
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const CHAIN_BREAKS = ['hash_mismatch', 'prev_hash_mismatch', 'seq_gap', 'head_mismatch'] as const;
export type ChainBreak = (typeof CHAIN_BREAKS)[number];

export const AuditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.enum(CHAIN_BREAKS) }).optional(),
});
export type AuditVerify = z.infer<typeof AuditVerifySchema>;
