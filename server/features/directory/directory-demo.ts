// Seeds the demo directory (Romania and Norway) inside the demo seed's transaction: a listing for each demo
// organisation and fictional ones outside the platform, all marked as demo, then their search words.
import type { Ctx } from '#server/context.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import type { DemoOrganisationKey } from '#server/features/demo/demo-data.ts';
import type { Schedule } from '#shared/directory/directory-service.schema.ts';
import { refreshSearchVectors } from './directory-search-text.ts';
import type { Trx } from './directory-desk.queries.ts';
import { DEMO_LISTINGS, type DemoListing, type DemoService } from './directory-demo-listings.ts';
import { DEMO_OFF_PLATFORM } from './directory-demo-offplatform.ts';
import { DEMO_OSLO } from './directory-demo-oslo.ts';

export const DEMO_DIRECTORY: DemoListing[] = [...DEMO_LISTINGS, ...DEMO_OFF_PLATFORM, ...DEMO_OSLO];

const HOURS: Record<NonNullable<DemoService['hours']>, Schedule[]> = {
  '24/7': [{ byday: 'MO,TU,WE,TH,FR,SA,SU', opensAt: '00:00', closesAt: '23:59' }],
  office: [{ byday: 'MO,TU,WE,TH,FR', opensAt: '09:00', closesAt: '17:00' }],
  clinic: [
    { byday: 'MO,TU,WE,TH,FR', opensAt: '08:00', closesAt: '20:00' },
    { byday: 'SA', opensAt: '09:00', closesAt: '13:00' },
  ],
};

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

function serviceValues(s: DemoService, organizationId: string, now: Date) {
  const assured = s.verified === 'stale' ? daysAgo(now, 245) : s.verified === 'recent' ? daysAgo(now, 20) : null;
  const json = (v: unknown) => JSON.stringify(v);
  return {
    directoryOrganizationId: organizationId,
    name: s.name,
    summaries: json(s.summaries),
    reviewStatus: s.pending ? 'pending' : 'approved',
    phone: s.phone,
    email: s.email ?? null,
    categories: json(s.categories),
    languages: json(s.languages),
    serviceAreas: json(s.areas),
    minimumAge: s.minAge ?? null,
    maximumAge: s.maxAge ?? null,
    sexes: json(s.sexes ?? []),
    requiredDocuments: json(s.documents ?? []),
    isFree: s.fees === undefined,
    feesDescription: s.fees ?? null,
    schedules: json(s.hours ? HOURS[s.hours] : []),
    acceptingReferrals: s.accepting,
    availablePlaces: s.places ?? null,
    capacityUpdatedAt: now,
    assuredDate: s.pending ? null : assured,
    isDemo: true,
    createdAt: now,
    updatedAt: now,
  };
}

async function seedListing(trx: Trx, listing: DemoListing, organisationId: string | null, now: Date): Promise<string[]> {
  const organization = await trx
    .insertInto('directoryOrganization')
    .values({ organisationId, name: listing.name, descriptions: JSON.stringify(listing.descriptions), phone: listing.phone, website: listing.website, country: listing.country, isDemo: true, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const places: string[] = [];
  for (const p of listing.places) {
    const { confidential, ...place } = p;
    const row = await trx
      .insertInto('directoryLocation')
      .values({ ...place, address1: place.address1 ?? null, isConfidential: confidential ?? false, country: listing.country, directoryOrganizationId: organization.id, createdAt: now, updatedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    places.push(row.id);
  }
  const services: string[] = [];
  for (const s of listing.services) {
    const row = await trx.insertInto('directoryService').values(serviceValues(s, organization.id, now)).returning('id').executeTakeFirstOrThrow();
    const at = s.at.map((i) => places[i]!);
    if (at.length > 0) await trx.insertInto('directoryServiceLocation').values(at.map((locationId) => ({ serviceId: row.id, locationId, createdAt: now, updatedAt: now }))).execute();
    services.push(row.id);
  }
  return services;
}

/** Adds the demo directory; `ids` maps the demo organisations to their rows. */
export async function seedDemoDirectory(ctx: Ctx, trx: Trx, ids: Record<DemoOrganisationKey, string>): Promise<number> {
  const services: string[] = [];
  for (const listing of DEMO_DIRECTORY) services.push(...(await seedListing(trx, listing, listing.organisation ? ids[listing.organisation] : null, ctx.now)));
  await refreshSearchVectors(trx, services);
  await recordAudit(ctx, trx, { action: 'directory.demo_seeded', entityType: 'directory_service', details: { organizations: DEMO_DIRECTORY.length, services: services.length, demo: true } });
  return services.length;
}
