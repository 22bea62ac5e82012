// A referral's state is a FHIR R4 Task status. Who may set which, and from where, follows the HL7 Gravity closed-loop
// pattern (standards.md §2.3): the sender drafts, sends, cancels and voids; the receiver answers and does the work.
// The server, the FHIR endpoint and the interface all ask this one table.
import { z } from 'zod';

export const TASK_STATUSES = [
  'draft',
  'requested',
  'received',
  'accepted',
  'rejected',
  'in-progress',
  'on-hold',
  'completed',
  'failed',
  'cancelled',
  'entered-in-error',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TaskStatusSchema = z.enum(TASK_STATUSES);

export type Side = 'sender' | 'receiver';

export const TERMINAL_STATUSES: readonly TaskStatus[] = ['rejected', 'completed', 'failed', 'cancelled', 'entered-in-error'];
/** Still waiting for the receiver's first answer: what the answer deadline watches. */
export const AWAITING_ANSWER: readonly TaskStatus[] = ['requested', 'received'];
/** A reason (statusReason.text) is required when moving into these. */
export const NEEDS_REASON: readonly TaskStatus[] = ['rejected', 'cancelled', 'on-hold', 'failed'];

const OPEN: TaskStatus[] = ['draft', 'requested', 'received', 'accepted', 'in-progress', 'on-hold'];

/** to-status → side → from-statuses allowed. */
const TRANSITIONS: Record<TaskStatus, Partial<Record<Side, readonly TaskStatus[]>>> = {
  draft: {},
  requested: { sender: ['draft'] },
  received: { receiver: ['requested'] },
  accepted: { receiver: ['requested', 'received'] },
  rejected: { receiver: ['requested', 'received'] },
  'in-progress': { receiver: ['accepted', 'on-hold'] },
  'on-hold': { receiver: ['accepted', 'in-progress'] },
  completed: { receiver: ['accepted', 'in-progress'] },
  failed: { receiver: ['accepted', 'in-progress', 'on-hold'] },
  cancelled: { sender: OPEN, receiver: OPEN.filter((s) => s !== 'draft') },
  'entered-in-error': { sender: [...OPEN, 'rejected', 'completed', 'failed', 'cancelled'] },
};

export function isTerminal(status: TaskStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export type TransitionCheck = { ok: true } | { ok: false; problem: 'wrong-side' | 'not-from-here' | 'reason-required' };

/** May `side` move a referral from `from` to `to`? A side that never sets `to` gets 'wrong-side'. */
export function checkTransition(from: TaskStatus, to: TaskStatus, side: Side, reason?: string | null): TransitionCheck {
  const allowed = TRANSITIONS[to][side];
  if (!allowed) return { ok: false, problem: 'wrong-side' };
  if (!allowed.includes(from)) return { ok: false, problem: 'not-from-here' };
  if (NEEDS_REASON.includes(to) && !reason?.trim()) return { ok: false, problem: 'reason-required' };
  return { ok: true };
}

/** The statuses `side` may move to from `from` (for buttons and for the FHIR CapabilityStatement's story). */
export function nextStatuses(from: TaskStatus, side: Side): TaskStatus[] {
  return TASK_STATUSES.filter((to) => TRANSITIONS[to][side]?.includes(from));
}

/** ServiceRequest.status follows the task (standards.md §2.3). */
export function serviceRequestStatus(status: TaskStatus): 'draft' | 'active' | 'completed' | 'revoked' | 'entered-in-error' {
  if (status === 'draft') return 'draft';
  if (status === 'completed') return 'completed';
  if (status === 'entered-in-error') return 'entered-in-error';
  if (status === 'cancelled' || status === 'rejected' || status === 'failed') return 'revoked';
  return 'active';
}
