// Organisations are the tenants of the platform (NGOs, hospitals, agency offices…). Platform admins create and
// list them; each organisation's admins keep its profile up to date.
import type { Transaction } from 'kysely';
import { actorOf, type Ctx } from '#server/context.ts';
import type { Database } from '#server/db/schema.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { OrganisationType } from '#shared/organisations/organisation-types.ts';
import type { Organisation, OrganisationCreate, OrganisationListItem, OrganisationUpdate } from '#shared/organisations/organisation.schema.ts';
import { canAdministerOwnOrganisation, canManageOrganisations } from './organisation.policy.ts';
import * as queries from './organisation.queries.ts';

type OrganisationRow = NonNullable<Awaited<ReturnType<typeof queries.findOrganisation>>>;

export function presentOrganisation(row: OrganisationRow): Organisation {
  return { ...row, type: row.type as OrganisationType };
}

/** The organisation the signed-in actor administers, or `forbidden`. */
export function administeredOrganisationId(ctx: Ctx): string {
  const actor = actorOf(ctx);
  if (!canAdministerOwnOrganisation(actor)) throw new AppError('forbidden', 'Choose an organisation you administer first.');
  return actor.organisationId;
}

function requirePlatformAdmin(ctx: Ctx): void {
  if (!canManageOrganisations(actorOf(ctx))) throw new AppError('forbidden', 'Only platform admins manage organisations.');
}

function valuesOf(input: OrganisationCreate): queries.OrganisationValues {
  return {
    name: input.name,
    type: input.type,
    country: input.country,
    city: input.city ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    website: input.website ?? null,
  };
}

/** Every organisation with its member count (platform admins). */
export async function listOrganisations(ctx: Ctx): Promise<OrganisationListItem[]> {
  requirePlatformAdmin(ctx);
  const rows = await queries.listOrganisations(ctx.db);
  return rows.map((row) => ({ ...presentOrganisation(row), memberCount: row.memberCount ?? 0 }));
}

/** Creates an organisation (platform admins). */
export async function createOrganisation(ctx: Ctx, input: OrganisationCreate): Promise<Organisation> {
  requirePlatformAdmin(ctx);
  return ctx.db.transaction().execute((trx) => insertOrganisationAudited(ctx, trx, input, {}));
}

/** The one place an organisation row is created, with its audit entry (routes, CLI, demo data). */
export async function insertOrganisationAudited(
  ctx: Ctx,
  trx: Transaction<Database>,
  input: OrganisationCreate,
  extra: { isDemo?: boolean; details?: Record<string, unknown> },
): Promise<Organisation> {
  const row = await queries.insertOrganisation(trx, { ...valuesOf(input), isDemo: extra.isDemo }, ctx.now);
  await recordAudit(ctx, trx, {
    action: 'organisation.created',
    entityType: 'organisation',
    entityId: row.id,
    organisationId: row.id,
    details: { type: row.type, country: row.country, ...extra.details },
  });
  return presentOrganisation(row);
}

/** Updates any organisation's profile (platform admins). */
export async function updateOrganisation(ctx: Ctx, id: string, input: OrganisationUpdate): Promise<Organisation> {
  requirePlatformAdmin(ctx);
  return saveProfile(ctx, id, input);
}

/** The profile of the organisation the actor administers. */
export async function getOwnOrganisation(ctx: Ctx): Promise<Organisation> {
  const row = await queries.findOrganisation(ctx.db, administeredOrganisationId(ctx));
  if (!row) throw new AppError('not_found', 'Organisation not found.');
  return presentOrganisation(row);
}

/** Updates the profile of the organisation the actor administers. */
export async function updateOwnOrganisation(ctx: Ctx, input: OrganisationUpdate): Promise<Organisation> {
  return saveProfile(ctx, administeredOrganisationId(ctx), input);
}

async function saveProfile(ctx: Ctx, id: string, input: OrganisationUpdate): Promise<Organisation> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await queries.findOrganisation(trx, id);
    if (!before) throw new AppError('not_found', 'Organisation not found.');
    const values = valuesOf(input);
    const row = await queries.updateOrganisation(trx, id, input.version, values, ctx.now);
    if (!row) throw new AppError('conflict', 'Someone else changed this organisation in the meantime.', { current: presentOrganisation(before) });
    const fields = (Object.keys(values) as (keyof typeof values)[]).filter((k) => values[k] !== before[k]);
    await recordAudit(ctx, trx, { action: 'organisation.updated', entityType: 'organisation', entityId: id, organisationId: id, details: { fields } });
    return presentOrganisation(row);
  });
}
