// Directory services on the desk: write one (new ones wait for review, edits to an approved one stay public), say
// whether referrals are taken now and how many places are free, mark a listing verified today. All audited.
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { Capacity, DeskService, ServiceFields, ServiceUpdate } from '#shared/directory/directory-desk.schema.ts';
import { refreshSearchVectors } from './directory-search-text.ts';
import { presentService } from './directory-desk.present.ts';
import { findService, locationsOf, setServiceLocations, updateVersioned, type ServiceRow, type Trx } from './directory-desk.queries.ts';
import { changedFields, conflict, deskCutoff, editableOrganization } from './directory-desk.service.ts';
import { canEditListing, canSeeListing } from './directory.policy.ts';

const present = async (ctx: Ctx, id: string) => presentService((await findService(ctx.db, id))!, deskCutoff(ctx));

function serviceColumns(input: ServiceFields) {
  const { name, status, categories, languages, serviceAreas, minimumAge, maximumAge, sexes, requiredDocuments, isFree, feesDescription, phone, email, url } = input;
  const unique = <T>(list: T[]) => [...new Set(list)];
  return {
    name,
    summaries: Object.fromEntries(Object.entries(input.summaries).filter(([, v]) => v?.trim())),
    status,
    categories: unique(categories),
    languages: unique(languages),
    serviceAreas: unique(serviceAreas),
    minimumAge,
    maximumAge,
    sexes: unique(sexes),
    requiredDocuments: unique(requiredDocuments),
    isFree,
    feesDescription: isFree ? null : feesDescription,
    schedules: input.schedules.map((s) => ({ byday: s.byday.join(','), opensAt: s.opensAt, closesAt: s.closesAt })),
    phone,
    email,
    url,
  };
}

/** Rules the schema cannot see: the age range, the places (the organisation's own), a way in to a confidential place. */
async function checkService(ctx: Ctx, organizationId: string, input: ServiceFields): Promise<void> {
  const fields: Record<string, string> = {};
  if (input.minimumAge !== null && input.maximumAge !== null && input.minimumAge > input.maximumAge) fields.maximumAge = 'The upper age cannot be below the lower one';
  const places = await locationsOf(ctx.db, [organizationId]);
  const chosen = places.filter((p) => input.locationIds.includes(p.id));
  if (chosen.length !== new Set(input.locationIds).size) fields.locationIds = 'Choose places of this organisation';
  if (chosen.some((p) => p.isConfidential) && input.phone === null) fields.phone = 'A confidential place needs a front-gate phone number';
  if (Object.keys(fields).length > 0) throw new AppError('invalid', 'Some fields are not valid.', { fields });
}

async function afterWrite(trx: Trx, id: string, input: ServiceFields, at: Date): Promise<void> {
  await setServiceLocations(trx, id, [...new Set(input.locationIds)], at);
  await refreshSearchVectors(trx, [id]);
}

/** Adds a service to a listing; it waits for another organisation's coordinator (or a platform admin) to approve it. */
export async function createService(ctx: Ctx, organizationId: string, input: ServiceFields): Promise<DeskService> {
  const organization = await editableOrganization(ctx, organizationId);
  await checkService(ctx, organizationId, input);
  const actor = actorOf(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const values = serviceColumns(input);
    const row = await trx
      .insertInto('directoryService')
      .values({
        ...values,
        summaries: JSON.stringify(values.summaries),
        categories: JSON.stringify(values.categories),
        languages: JSON.stringify(values.languages),
        serviceAreas: JSON.stringify(values.serviceAreas),
        sexes: JSON.stringify(values.sexes),
        requiredDocuments: JSON.stringify(values.requiredDocuments),
        schedules: JSON.stringify(values.schedules),
        directoryOrganizationId: organizationId,
        reviewStatus: 'pending',
        createdBy: actor.accountId,
        updatedBy: actor.accountId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await afterWrite(trx, row.id, input, ctx.now);
    await recordAudit(ctx, trx, { action: 'directory.service_created', entityType: 'directory_service', entityId: row.id, details: { organizationId, offPlatform: organization.organisationId === null } });
    return row.id;
  });
  return present(ctx, id);
}

async function serviceFor(ctx: Ctx, id: string, may: (s: ServiceRow) => boolean): Promise<ServiceRow> {
  const service = await findService(ctx.db, id);
  if (!service || !may(service)) throw new AppError('not_found', 'No such service.');
  return service;
}

/** Changes a service. An approved one stays public (the change is audited); a rejected one goes back for review. */
export async function updateService(ctx: Ctx, id: string, input: ServiceUpdate): Promise<DeskService> {
  const actor = actorOf(ctx);
  const service = await serviceFor(ctx, id, (s) => canEditListing(actor, s));
  await checkService(ctx, service.directoryOrganizationId, input);
  const values = serviceColumns(input);
  const fields = changedFields(service, { ...values, locationIds: [...new Set(input.locationIds)] });
  const reviewStatus = service.reviewStatus === 'rejected' ? 'pending' : service.reviewStatus;
  const written = await ctx.db.transaction().execute(async (trx) => {
    const change = { ...values, reviewStatus, ...(reviewStatus !== service.reviewStatus && { reviewNote: null }), updatedBy: actor.accountId, updatedAt: ctx.now };
    if (!(await updateVersioned(trx, 'directoryService', id, input.version, change))) return false;
    await afterWrite(trx, id, input, ctx.now);
    await recordAudit(ctx, trx, { action: 'directory.service_updated', entityType: 'directory_service', entityId: id, organisationId: service.organisationId ?? undefined, details: { fields, reviewStatus } });
    return true;
  });
  if (!written) await conflict(() => present(ctx, id));
  return present(ctx, id);
}

/** "Accepting referrals now" and the free places, kept current by the receiving organisation. */
export async function setCapacity(ctx: Ctx, id: string, input: Capacity): Promise<DeskService> {
  const service = await serviceFor(ctx, id, (s) => canSeeListing(actorOf(ctx), s));
  const written = await ctx.db.transaction().execute(async (trx) => {
    const change = { acceptingReferrals: input.acceptingReferrals, availablePlaces: input.availablePlaces, capacityUpdatedAt: ctx.now, updatedAt: ctx.now };
    if (!(await updateVersioned(trx, 'directoryService', id, input.version, change))) return false;
    const details = { acceptingReferrals: input.acceptingReferrals, availablePlaces: input.availablePlaces };
    await recordAudit(ctx, trx, { action: 'directory.capacity_updated', entityType: 'directory_service', entityId: id, organisationId: service.organisationId ?? undefined, details });
    return true;
  });
  if (!written) await conflict(() => present(ctx, id));
  return present(ctx, id);
}

/** Records that the organisation checked the listing today (HSDS assured_date); no staff email is stored or shown. */
export async function verifyService(ctx: Ctx, id: string, version: number): Promise<DeskService> {
  const service = await serviceFor(ctx, id, (s) => canEditListing(actorOf(ctx), s));
  const written = await ctx.db.transaction().execute(async (trx) => {
    if (!(await updateVersioned(trx, 'directoryService', id, version, { assuredDate: ctx.now.toISOString().slice(0, 10), updatedAt: ctx.now }))) return false;
    await recordAudit(ctx, trx, { action: 'directory.service_verified', entityType: 'directory_service', entityId: id, organisationId: service.organisationId ?? undefined });
    return true;
  });
  if (!written) await conflict(() => present(ctx, id));
  return present(ctx, id);
}
