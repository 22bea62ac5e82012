// The FHIR facade's reads for API clients: one Task, ServiceRequest, Consent or whole-referral Bundle, and the Task
// search. Each call is audited in the transaction that reads (one entry, the token named); a record the token's
// organisation may not see is a 404, audited as such.
import type { Ctx } from '#server/context.ts';
import type { Transaction } from 'kysely';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { ApiClient } from '#server/http/access.ts';
import type { FhirTaskSearch } from '#shared/fhir/fhir-api.schema.ts';
import { FHIR_PAGE_DEFAULT } from '#shared/fhir/fhir-api.schema.ts';
import { findVisibleConsent } from './consent-view.queries.ts';
import { findVisibleTask, searchVisibleTasks, type TaskRow } from './fhir.queries.ts';
import { fhirBaseOf, fullUrl } from './fhir-systems.ts';
import type { Bundle, Resource } from './fhir-types.ts';
import { referralBundleOf } from './mapping/bundle.mapping.ts';
import { consentOf } from './mapping/consent.mapping.ts';
import { serviceRequestOf } from './mapping/service-request.mapping.ts';
import { taskOf } from './mapping/task.mapping.ts';
import { loadReferralView, taskViewOf } from './referral-view.service.ts';

type Trx = Transaction<Database>;
type Kind = 'Task' | 'ServiceRequest' | 'Consent' | 'Bundle';

async function auditUse(ctx: Ctx, trx: Trx, client: ApiClient, found: boolean, resource: Kind, id: string): Promise<void> {
  const entry = { entityType: resource === 'Consent' ? 'consent' : 'referral', entityId: id, organisationId: client.organisationId, actorAccountId: null, details: { apiTokenId: client.tokenId, resource } };
  if (found) await recordAudit(ctx, trx, { action: 'fhir.read', ...entry });
  else await recordAudit(ctx, trx, { action: 'fhir.not_found', ...entry });
}

const notFound = (resource: Kind, id: string) => new AppError('not_found', `${resource}/${id} is not known to this server.`);

/** Reads one referral's resource, audited; `build` maps the visible row (within the same transaction). */
async function readReferral(ctx: Ctx, client: ApiClient, id: string, kind: Kind, build: (trx: Trx, row: TaskRow) => Promise<Resource>): Promise<Resource> {
  const resource = await ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleTask(trx, client.organisationId, id);
    await auditUse(ctx, trx, client, row !== undefined, kind, id);
    return row ? build(trx, row) : null;
  });
  if (!resource) throw notFound(kind === 'Bundle' ? 'Task' : kind, id);
  return resource;
}

export async function readTask(ctx: Ctx, client: ApiClient, id: string): Promise<Resource> {
  return readReferral(ctx, client, id, 'Task', async (_trx, row) => taskOf(fhirBaseOf(ctx.config.publicUrl), taskViewOf(row)));
}

export async function readServiceRequest(ctx: Ctx, client: ApiClient, id: string): Promise<Resource> {
  return readReferral(ctx, client, id, 'ServiceRequest', async (trx, row) => serviceRequestOf(fhirBaseOf(ctx.config.publicUrl), await loadReferralView(trx, ctx.config.encryptionKeys, row, client.organisationId)));
}

/** The whole referral as a Bundle of type collection (Task, ServiceRequest, Consent, Patient, Organizations, HealthcareService). */
export async function readReferralBundle(ctx: Ctx, client: ApiClient, id: string): Promise<Resource> {
  return readReferral(ctx, client, id, 'Bundle', async (trx, row) => referralBundleOf(fhirBaseOf(ctx.config.publicUrl), await loadReferralView(trx, ctx.config.encryptionKeys, row, client.organisationId), ctx.now));
}

export async function readConsent(ctx: Ctx, client: ApiClient, id: string): Promise<Resource> {
  const consent = await ctx.db.transaction().execute(async (trx) => {
    const found = await findVisibleConsent(trx, client.organisationId, id);
    await auditUse(ctx, trx, client, found !== undefined, 'Consent', id);
    return found;
  });
  if (!consent) throw notFound('Consent', id);
  return consentOf(fhirBaseOf(ctx.config.publicUrl), consent, ctx.now);
}

const OPS = { gt: '>', ge: '>=', lt: '<', le: '<=' } as const;

function cursorOf(value: string): { at: Date; id: string } {
  const cut = value.lastIndexOf('_');
  return { at: new Date(value.slice(0, cut)), id: value.slice(cut + 1) };
}

/**
 * Tasks visible to the client's organisation, oldest change first, at most _count; a `next` link carries a cursor
 * (the last task's lastModified and id), so a poller never skips a task changed in the same millisecond.
 */
export async function searchTasks(ctx: Ctx, client: ApiClient, query: FhirTaskSearch, rawQuery: string): Promise<Bundle> {
  const count = query._count ?? FHIR_PAGE_DEFAULT;
  const rows = await ctx.db.transaction().execute(async (trx) => {
    const found = await searchVisibleTasks(trx, client.organisationId, {
      owner: query.owner,
      requester: query.requester,
      statuses: query.status,
      lastUpdated: query._lastUpdated ? { op: OPS[query._lastUpdated.prefix], at: new Date(query._lastUpdated.at) } : undefined,
      after: query._cursor ? cursorOf(query._cursor) : undefined,
      count,
    });
    const ids = found.slice(0, count).map((r) => r.id);
    await recordAudit(ctx, trx, { action: 'fhir.searched', entityType: 'referral', organisationId: client.organisationId, actorAccountId: null, details: { apiTokenId: client.tokenId, resource: 'Task', ids } });
    return found;
  });
  const base = fhirBaseOf(ctx.config.publicUrl);
  const page = rows.slice(0, count);
  const self = new URLSearchParams(rawQuery);
  const link = [{ relation: 'self', url: `${base.url}/Task${self.size > 0 ? `?${self}` : ''}` }];
  const last = page[page.length - 1];
  if (rows.length > count && last) {
    const next = new URLSearchParams(rawQuery);
    next.set('_cursor', `${last.updatedAt.toISOString()}_${last.id}`);
    link.push({ relation: 'next', url: `${base.url}/Task?${next}` });
  }
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    timestamp: ctx.now.toISOString(),
    link,
    entry: page.map((row) => ({ fullUrl: fullUrl(base, 'Task', row.id), resource: taskOf(base, taskViewOf(row)), search: { mode: 'match' as const } })),
  };
}
