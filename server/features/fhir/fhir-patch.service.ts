// A receiver's (or sender's) own system changes a referral's status with a JSON Patch on its Task. The change itself
// goes through the referral service's applyStatusChange (lock, side, state machine, history, audit, notice); this
// file only reads the patch and speaks FHIR back.
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { applyStatusChange } from '#server/features/referrals/referral-status.service.ts';
import type { ApiClient } from '#server/http/access.ts';
import type { FhirTaskPatch } from '#shared/fhir/fhir-api.schema.ts';
import { OutcomeSchema, type Outcome } from '#shared/referrals/referral-vocabulary.ts';
import type { TaskStatus } from '#shared/referrals/task-status.ts';
import { findVisibleTask } from './fhir.queries.ts';
import { fhirBaseOf } from './fhir-systems.ts';
import type { Resource } from './fhir-types.ts';
import { taskOf } from './mapping/task.mapping.ts';
import { taskViewOf } from './referral-view.service.ts';

interface Wanted {
  to: TaskStatus;
  reason: string | null;
  outcome: Outcome | null;
  expectStatus: TaskStatus | null;
  expectVersion: number | null;
}

/** What the patch asks for; a patch that does not set /status is refused (it is the only change allowed). */
function wantedOf(patch: FhirTaskPatch): Wanted {
  let to: TaskStatus | null = null;
  const wanted: Omit<Wanted, 'to'> = { reason: null, outcome: null, expectStatus: null, expectVersion: null };
  for (const op of patch) {
    if (op.path === '/status') {
      if (op.op === 'test') wanted.expectStatus = op.value;
      else to = op.value;
    } else if (op.path === '/meta/versionId') wanted.expectVersion = Number(op.value);
    else if (op.path === '/statusReason') wanted.reason = op.value.text;
    else if (op.path === '/statusReason/text') wanted.reason = op.value;
    else if (op.path === '/businessStatus') wanted.outcome = outcomeOf(op.value.coding[0]!.code);
    else wanted.outcome = outcomeOf(op.value[0]!.valueCodeableConcept.coding[0]!.code);
  }
  if (!to) throw new AppError('invalid', 'The patch must replace /status.', { fields: { '/status': 'Replace /status with the new task status' } });
  return { to, ...wanted };
}

function outcomeOf(code: string): Outcome {
  const parsed = OutcomeSchema.safeParse(code);
  if (!parsed.success) throw new AppError('unprocessable', `${code} is not a referral outcome.`, { fields: { 'Task.output': 'Use a code of the referral-outcome code system' } });
  return parsed.data;
}

/** The referral service's field names, as the FHIR element the client sent. */
const FHIR_FIELD: Record<string, string> = { reason: 'Task.statusReason', outcome: 'Task.output' };

function inFhirTerms(error: unknown): unknown {
  if (!(error instanceof AppError) || !error.fields) return error;
  const fields = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [FHIR_FIELD[k] ?? k, v]));
  return new AppError(error.code, error.message, { fields, current: error.current });
}

/** Applies a Task patch as the client's organisation and answers the Task as it is now. */
export async function patchTask(ctx: Ctx, client: ApiClient, id: string, patch: FhirTaskPatch): Promise<Resource> {
  const wanted = wantedOf(patch);
  if (wanted.expectStatus || wanted.expectVersion) {
    // NOTE: a precondition read before the change (FHIR has no If-Match on PATCH here); applyStatusChange then locks
    // the row and checks the transition again, so a lost race can only fail, never make a forbidden move.
    const current = await findVisibleTask(ctx.db, client.organisationId, id);
    const stale = current && ((wanted.expectStatus && current.status !== wanted.expectStatus) || (wanted.expectVersion && current.version !== wanted.expectVersion));
    if (stale) throw new AppError('conflict', 'The task changed since it was read.', { current: { status: current.status } });
  }
  try {
    await applyStatusChange(ctx.db, { referralId: id, organisationId: client.organisationId, by: { apiTokenId: client.tokenId }, to: wanted.to, reason: wanted.reason, outcome: wanted.outcome, now: ctx.now, ip: ctx.ip });
  } catch (error) {
    throw inFhirTerms(error);
  }
  const row = await findVisibleTask(ctx.db, client.organisationId, id);
  if (!row) throw new AppError('not_found', `Task/${id} is not known to this server.`);
  return taskOf(fhirBaseOf(ctx.config.publicUrl), taskViewOf(row));
}
