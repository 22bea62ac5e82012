// The case workflow's contracts (issue 10): status changes, closure with a coordinator's approval, the child path's
// closure blocker, break-glass, the coordinator's register and the organisation's case settings.
//   GET  /api/cases/:id/workflow                 → CaseWorkflow     general category (audited)
//   POST /api/cases/:id/status                   CaseStatusChange → CaseWorkflow (409 stale, 422 contradiction)
//   POST /api/cases/:id/break-glass              BreakGlassOpen → BreakGlassView (coordinator of the case's organisation)
//   POST /api/cases/:id/break-glass/end          → 204 (ends the actor's own opening early)
//   GET  /api/cases/register?code=               → CaseRegister     coordinators: codes, status, owner, team size
//   GET  /api/cases/approvals                    → ApprovalList     coordinators: pending approvals of the organisation
//   POST /api/cases/approvals/:approvalId/approve|reject|withdraw   ApprovalDecision → 204
//   GET/PUT /api/case-settings                   CaseSettings (org admin and coordinator of the organisation)
import { z } from 'zod';
import { DateTime } from '../lib/datetime.ts';
import { int4, line, text, Version } from '../lib/input.ts';
import { APPROVAL_KINDS, CASE_CATEGORIES, CaseStatusSchema, ClosureReasonSchema } from './case-vocabulary.ts';

export const ApprovalParamsSchema = z.object({ approvalId: z.uuid() }).strict();

/** A move of the case's status; closing names a reason code, and may carry a note (sealed). */
export const CaseStatusChangeSchema = z
  .object({
    to: CaseStatusSchema,
    reason: ClosureReasonSchema.optional(),
    note: text(2000).optional(),
    version: Version,
  })
  .strict();
export type CaseStatusChange = z.infer<typeof CaseStatusChangeSchema>;

/** What stops a case from closing now: codes the interface names per language. */
export const CLOSURE_BLOCKERS = ['child_protection_outcome_missing', 'closure_waiting_for_approval'] as const;
export const ClosureBlockerSchema = z.enum(CLOSURE_BLOCKERS);
export type ClosureBlocker = z.infer<typeof ClosureBlockerSchema>;

export const ApprovalStatusSchema = z.enum(['pending', 'approved', 'rejected', 'withdrawn']);

export const ApprovalViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(APPROVAL_KINDS),
  status: ApprovalStatusSchema,
  /** For a closure: the status asked for and the reason code. */
  to: CaseStatusSchema.nullable(),
  reason: ClosureReasonSchema.nullable(),
  planId: z.uuid().nullable(),
  requestedByName: z.string().nullable(),
  requestedAt: DateTime,
  /** The actor asked for it (and may withdraw it). */
  mine: z.boolean(),
  decidedByName: z.string().nullable(),
  decidedAt: DateTime.nullable(),
  /** The decider's note, shown to the team (sealed at rest). */
  decisionNote: z.string().nullable(),
});
export type ApprovalView = z.infer<typeof ApprovalViewSchema>;

export const BreakGlassViewSchema = z.object({
  id: z.uuid(),
  accountName: z.string(),
  /** The coordinator's written reason: about the access, not the person, so the team may read it. */
  reason: z.string(),
  openedAt: DateTime,
  expiresAt: DateTime,
  endedAt: DateTime.nullable(),
  /** Still open now. */
  open: z.boolean(),
  mine: z.boolean(),
});
export type BreakGlassView = z.infer<typeof BreakGlassViewSchema>;

export const CaseWorkflowSchema = z.object({
  caseId: z.uuid(),
  status: CaseStatusSchema,
  version: z.number(),
  closureReason: ClosureReasonSchema.nullable(),
  closureNote: z.string().nullable(),
  closedAt: DateTime.nullable(),
  /** Empty when the case may close now. */
  closureBlockers: z.array(ClosureBlockerSchema),
  closureNeedsApproval: z.boolean(),
  canChangeStatus: z.boolean(),
  /** Pending approvals first, then the latest decisions (at most ten). */
  approvals: z.array(ApprovalViewSchema),
  /** Break-glass openings on this case, newest first (at most twenty). */
  breakGlass: z.array(BreakGlassViewSchema),
});
export type CaseWorkflow = z.infer<typeof CaseWorkflowSchema>;

export const ApprovalDecisionSchema = z.object({ note: text(1000).optional() }).strict();
export type ApprovalDecision = z.infer<typeof ApprovalDecisionSchema>;

export const ApprovalListItemSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  code: z.string(),
  kind: z.enum(APPROVAL_KINDS),
  to: CaseStatusSchema.nullable(),
  reason: ClosureReasonSchema.nullable(),
  requestedByName: z.string().nullable(),
  requestedAt: DateTime,
  mine: z.boolean(),
});
export const ApprovalListSchema = z.object({ approvals: z.array(ApprovalListItemSchema) });
export type ApprovalList = z.infer<typeof ApprovalListSchema>;

export const BreakGlassOpenSchema = z
  .object({ reason: text(1000).refine((s) => s.trim().length >= 20, 'Write at least 20 characters: why you need to open this case now') })
  .strict();
export type BreakGlassOpen = z.infer<typeof BreakGlassOpenSchema>;

export const CaseRegisterQuerySchema = z.object({ code: line(40).optional() }).strict();
export const CaseRegisterSchema = z.object({
  cases: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      status: CaseStatusSchema,
      ownerName: z.string().nullable(),
      openedAt: DateTime,
      teamSize: z.number(),
      /** The coordinator's own access: on the team, an open break-glass, or none. */
      access: z.enum(['team', 'break_glass', 'none']),
    }),
  ),
  /** More cases matched than the register shows: narrow by code. */
  more: z.boolean(),
});
export type CaseRegister = z.infer<typeof CaseRegisterSchema>;

/** Months after closure each category is kept (the data-protection helper reads it); absent: the platform's rule. */
export const RetentionSchema = z
  .object(Object.fromEntries(CASE_CATEGORIES.map((c) => [c, int4(1, 600).optional()])) as Record<(typeof CASE_CATEGORIES)[number], z.ZodOptional<ReturnType<typeof int4>>>)
  .strict();
export type Retention = z.infer<typeof RetentionSchema>;

export const CaseSettingsSchema = z.object({
  codePrefix: z.string(),
  closureNeedsApproval: z.boolean(),
  planNeedsApproval: z.boolean(),
  retention: RetentionSchema,
  /** 0 until first saved (the defaults). */
  version: z.number(),
});
export type CaseSettings = z.infer<typeof CaseSettingsSchema>;

export const CaseSettingsUpdateSchema = z
  .object({
    codePrefix: z.string().regex(/^[A-Z]{2,6}$/, 'Use 2 to 6 capital letters (A–Z)'),
    closureNeedsApproval: z.boolean(),
    planNeedsApproval: z.boolean(),
    retention: RetentionSchema,
    version: int4(0),
  })
  .strict();
export type CaseSettingsUpdate = z.infer<typeof CaseSettingsUpdateSchema>;
