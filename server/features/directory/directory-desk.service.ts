// The directory desk: an organisation keeps its own listing (created on first use), coordinators and platform admins
// keep listings of organisations outside the platform. Every write is audited; organisation names feed the search words.
import type { Db } from '#server/db/db.ts';
import type { Actor } from '#server/http/access.ts';
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { DIRECTORY_REVERIFY_MONTHS } from '#shared/directory/directory-search.schema.ts';
import type { DeskLocation, DeskOrganization, DirectoryDesk, LocationFields, LocationUpdate, OrganizationCreate, OrganizationUpdate } from '#shared/directory/directory-desk.schema.ts';
import { refreshSearchVectors } from './directory-search-text.ts';
import { presentLocation, presentOrganization, presentService } from './directory-desk.present.ts';
import {
  countDueServices,
  findLocation,
  findOrganization,
  listOrganizations,
  locationsOf,
  servicesOf,
  updateVersioned,
  type Keeper,
  type OrganizationRow,
  type Trx,
} from './directory-desk.queries.ts';
import { canEditListing, canEditOwn, canKeepOffPlatform, canSeeListing, reverifyCutoff } from './directory.policy.ts';

export const deskCutoff = (ctx: { now: Date }) => reverifyCutoff(ctx.now, DIRECTORY_REVERIFY_MONTHS);

async function organizationsOf(ctx: Ctx, keeper: Keeper): Promise<DeskOrganization[]> {
  const actor = actorOf(ctx);
  const organizations = await listOrganizations(ctx.db, keeper);
  const ids = organizations.map((o) => o.id);
  const [locations, services] = await Promise.all([locationsOf(ctx.db, ids), servicesOf(ctx.db, ids)]);
  const cutoff = deskCutoff(ctx);
  return organizations.map((o) =>
    presentOrganization(
      o,
      locations.filter((l) => l.directoryOrganizationId === o.id).map((l) => presentLocation(l, actor)),
      services.filter((s) => s.directoryOrganizationId === o.id).map((s) => presentService(s, cutoff)),
    ),
  );
}

/** What the actor keeps: their organisation's listing (null until created) and, for keepers, the off-platform ones. */
export async function getDesk(ctx: Ctx): Promise<DirectoryDesk> {
  const actor = actorOf(ctx);
  const ownId = actor.organisationId;
  const canSeeOwn = ownId !== null && canSeeListing(actor, { organisationId: ownId });
  const own = canSeeOwn ? ((await organizationsOf(ctx, { organisationId: ownId }))[0] ?? null) : null;
  const offPlatform = canKeepOffPlatform(actor) ? await organizationsOf(ctx, { offPlatform: true }) : null;
  if (!canSeeOwn && offPlatform === null) throw new AppError('forbidden', 'Only organisation admins, coordinators and case managers keep directory listings.');
  return { own, canKeepOwn: canSeeOwn, canEdit: canEditOwn(actor), offPlatform, dueCount: canSeeOwn ? await countDueServices(ctx.db, { organisationId: ownId }, deskCutoff(ctx)) : 0 };
}

async function presentOne(ctx: Ctx, id: string): Promise<DeskOrganization> {
  const row = (await findOrganization(ctx.db, id))!;
  const keeper: Keeper = row.organisationId ? { organisationId: row.organisationId } : { offPlatform: true };
  return (await organizationsOf(ctx, keeper)).find((o) => o.id === id)!;
}

/** An organisation the actor may change, else 404 (another organisation's listing is not theirs to know about). */
export async function editableOrganization(ctx: Ctx, id: string): Promise<OrganizationRow> {
  const row = await findOrganization(ctx.db, id);
  if (!row || !canEditListing(actorOf(ctx), row)) throw new AppError('not_found', 'No such directory organisation.');
  return row;
}

const organizationColumns = (input: OrganizationCreate | OrganizationUpdate) => ({
  name: input.name,
  alternateName: input.alternateName,
  descriptions: Object.fromEntries(Object.entries(input.descriptions).filter(([, v]) => v?.trim())),
  email: input.email,
  website: input.website,
  phone: input.phone,
  country: input.country,
});

/** Creates the actor's organisation's listing (once), or one for an organisation not on the platform. */
export async function createOrganization(ctx: Ctx, input: OrganizationCreate): Promise<DeskOrganization> {
  const actor = actorOf(ctx);
  if (input.offPlatform ? !canKeepOffPlatform(actor) : !canEditOwn(actor)) throw new AppError('forbidden', 'You cannot create this listing.');
  const organisationId = input.offPlatform ? null : actor.organisationId;
  const id = await ctx.db.transaction().execute(async (trx) => {
    // NOTE: the organisation row is locked so two first uses at once still create one listing.
    if (organisationId) await trx.selectFrom('organisation').select('id').where('id', '=', organisationId).forUpdate().execute();
    if (organisationId && (await listOrganizations(trx, { organisationId })).length > 0) {
      throw new AppError('conflict', 'Your organisation already has a directory listing.');
    }
    const values = organizationColumns(input);
    const row = await trx
      .insertInto('directoryOrganization')
      .values({ ...values, descriptions: JSON.stringify(values.descriptions), organisationId, createdAt: ctx.now, updatedAt: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(ctx, trx, { action: 'directory.organization_created', entityType: 'directory_organization', entityId: row.id, details: { offPlatform: input.offPlatform } });
    return row.id;
  });
  return presentOne(ctx, id);
}

const comparable = (v: unknown) => JSON.stringify(v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v);
/** The names of the fields whose value changes (for the audit: names, never values). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => comparable(after[k]) !== comparable(before[k]));
}

/** Throws the 409 of a stale version, with the current state. */
export async function conflict(current: () => Promise<unknown>): Promise<never> {
  throw new AppError('conflict', 'Someone else changed this in the meantime.', { current: await current() });
}

/** Changes an organisation's details; its services' search words follow its name. */
export async function updateOrganization(ctx: Ctx, id: string, input: OrganizationUpdate): Promise<DeskOrganization> {
  const row = await editableOrganization(ctx, id);
  const values = organizationColumns(input);
  const written = await ctx.db.transaction().execute(async (trx) => {
    if (!(await updateVersioned(trx, 'directoryOrganization', id, input.version, { ...values, updatedAt: ctx.now }))) return false;
    const services = await trx.selectFrom('directoryService').select('id').where('directoryOrganizationId', '=', id).execute();
    await refreshSearchVectors(trx, services.map((s) => s.id));
    await recordAudit(ctx, trx, { action: 'directory.organization_updated', entityType: 'directory_organization', entityId: id, details: { fields: changedFields(row, values) } });
    return true;
  });
  if (!written) await conflict(() => presentOne(ctx, id));
  return presentOne(ctx, id);
}

/** NOTE: a listing kept outside the platform has no one there to guard a shelter's address: it holds none. */
function checkLocation(organization: OrganizationRow, input: LocationFields): void {
  if (!input.isConfidential || organization.organisationId !== null) return;
  const given = (['address1', 'postalCode', 'latitude', 'longitude'] as const).filter((f) => input[f] !== null);
  if (given.length > 0) {
    throw new AppError('invalid', 'A confidential place kept outside the platform holds no address.', { fields: Object.fromEntries(given.map((f) => [f, 'Leave this empty for a confidential place'])) });
  }
}

const locationColumns = (input: LocationFields) => {
  const { name, locationType, isConfidential, address1, city, region, postalCode, country, latitude, longitude } = input;
  return { name, locationType, isConfidential, address1, city, region, postalCode, country, latitude, longitude };
};

async function presentLocationById(ctx: Ctx, db: Db | Trx, id: string): Promise<DeskLocation> {
  return presentLocation((await findLocation(db, id))!, actorOf(ctx));
}

/** Adds a place to an organisation's listing. */
export async function createLocation(ctx: Ctx, organizationId: string, input: LocationFields): Promise<DeskLocation> {
  const organization = await editableOrganization(ctx, organizationId);
  checkLocation(organization, input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('directoryLocation')
      .values({ ...locationColumns(input), directoryOrganizationId: organizationId, createdAt: ctx.now, updatedAt: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(ctx, trx, { action: 'directory.location_created', entityType: 'directory_location', entityId: row.id, details: { organizationId, confidential: input.isConfidential } });
    return row.id;
  });
  return presentLocationById(ctx, ctx.db, id);
}

/** Changes a place (its confidential flag too). */
export async function updateLocation(ctx: Ctx, id: string, input: LocationUpdate): Promise<DeskLocation> {
  const location = await findLocation(ctx.db, id);
  if (!location || !canEditListing(actorOf(ctx), location)) throw new AppError('not_found', 'No such place.');
  checkLocation((await findOrganization(ctx.db, location.directoryOrganizationId))!, input);
  const values = locationColumns(input);
  const written = await ctx.db.transaction().execute(async (trx) => {
    if (!(await updateVersioned(trx, 'directoryLocation', id, input.version, { ...values, updatedAt: ctx.now }))) return false;
    await recordAudit(ctx, trx, { action: 'directory.location_updated', entityType: 'directory_location', entityId: id, details: { fields: changedFields(location, values) } });
    return true;
  });
  if (!written) await conflict(() => presentLocationById(ctx, ctx.db, id));
  return presentLocationById(ctx, ctx.db, id);
}

/** For the inbox: approved listings of the actor's organisation not verified for six months (0 for people who cannot verify). */
export async function directoryListingsDue(db: Db, actor: Actor, now: Date): Promise<number> {
  if (!actor.organisationId || !canEditOwn(actor)) return 0;
  return countDueServices(db, { organisationId: actor.organisationId }, deskCutoff({ now }));
}
