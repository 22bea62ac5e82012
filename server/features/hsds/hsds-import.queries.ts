// Writes of an HSDS import: organisations, locations, services and their links, upserted by id in chunks of many
// rows per statement, inside the caller's transaction.
import { sql } from 'kysely';
import type { Db } from '#server/db/db.ts';
import type { ImportLanguage, ImportLink, ImportLocation, ImportOrganization, ImportService } from './hsds-import-assemble.ts';

const CHUNK = 500;
function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Which of these organisations exist, and which platform organisation (if any) keeps each. */
export async function existingOrganizations(db: Db, ids: string[]): Promise<Map<string, { organisationId: string | null; country: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('directoryOrganization').select(['id', 'organisationId', 'country']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { organisationId: r.organisationId, country: r.country }]));
}

/** Existing services and locations among these ids, with the directory organisation each belongs to. */
export async function existingOwners(db: Db, table: 'directoryService' | 'directoryLocation', ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = new Map<string, string>();
  for (const part of chunks(ids)) {
    const rows = await db.selectFrom(table).select(['id', 'directoryOrganizationId']).where('id', 'in', part).execute();
    for (const r of rows) found.set(r.id, r.directoryOrganizationId);
  }
  return found;
}

const text = (labels: Record<string, string | null>) => JSON.stringify(Object.fromEntries(Object.entries(labels).filter(([, v]) => v)));

export async function upsertOrganizations(db: Db, rows: (ImportOrganization & { country: string })[], lang: ImportLanguage, at: Date): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('directoryOrganization')
      .values(part.map((o) => ({ id: o.id, name: o.name, alternateName: o.alternateName, descriptions: text({ [lang]: o.description }), email: o.email, website: o.website, phone: o.phone, country: o.country, updatedAt: at })))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          name: sql`excluded.name`,
          alternateName: sql`excluded.alternate_name`,
          // NOTE: a description in one language replaces that language only; the other translations stay.
          descriptions: sql`directory_organization.descriptions || excluded.descriptions`,
          email: sql`excluded.email`,
          website: sql`excluded.website`,
          phone: sql`coalesce(excluded.phone, directory_organization.phone)`,
          updatedAt: sql`excluded.updated_at`,
          version: sql`directory_organization.version + 1`,
        }),
      )
      .execute();
  }
}

export async function upsertLocations(db: Db, rows: (ImportLocation & { organizationId: string; country: string })[], at: Date): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('directoryLocation')
      .values(
        part.map((l) => ({
          id: l.id,
          directoryOrganizationId: l.organizationId,
          name: l.name,
          description: l.description,
          locationType: l.locationType,
          isConfidential: l.isConfidential,
          address1: l.address1,
          city: l.city,
          region: l.region,
          postalCode: l.postalCode,
          country: l.country,
          latitude: l.latitude,
          longitude: l.longitude,
          updatedAt: at,
        })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          directoryOrganizationId: sql`excluded.directory_organization_id`,
          name: sql`excluded.name`,
          description: sql`excluded.description`,
          locationType: sql`excluded.location_type`,
          // NOTE: an import can make a place confidential but never public again: that takes a person at the desk.
          isConfidential: sql`directory_location.is_confidential or excluded.is_confidential`,
          address1: sql`excluded.address1`,
          city: sql`excluded.city`,
          region: sql`excluded.region`,
          postalCode: sql`excluded.postal_code`,
          country: sql`excluded.country`,
          latitude: sql`excluded.latitude`,
          longitude: sql`excluded.longitude`,
          updatedAt: sql`excluded.updated_at`,
        }),
      )
      .execute();
  }
}

export interface ServiceWrite {
  reviewStatus: 'approved' | 'pending';
  updatedBy: string | null;
  lang: ImportLanguage;
  at: Date;
}

/** One imported service as a row (new services take the imported capacity, or none). */
function serviceValues(s: ImportService, w: ServiceWrite) {
  return {
    id: s.id,
    directoryOrganizationId: s.organizationId,
    name: s.name,
    alternateName: s.alternateName,
    summaries: text({ [w.lang]: s.description }),
    status: s.status,
    reviewStatus: w.reviewStatus,
    email: s.email,
    url: s.url,
    phone: s.phone,
    categories: JSON.stringify(s.categories),
    languages: JSON.stringify(s.languages),
    serviceAreas: JSON.stringify(s.serviceAreas),
    sexes: '[]',
    requiredDocuments: JSON.stringify(s.requiredDocuments),
    schedules: JSON.stringify(s.schedules),
    minimumAge: s.minimumAge,
    maximumAge: s.maximumAge,
    isFree: s.isFree ?? true,
    feesDescription: s.feesDescription,
    eligibilityDescription: s.eligibilityDescription,
    acceptingReferrals: s.acceptingReferrals ?? false,
    availablePlaces: s.availablePlaces,
    capacityUpdatedAt: s.acceptingReferrals !== null || s.availablePlaces !== null ? w.at : null,
    assuredDate: s.assuredDate,
    assurerEmail: s.assurerEmail,
    updatedAt: w.at,
    updatedBy: w.updatedBy,
  };
}

/** Services upserted; capacity (accepting referrals, places) is set on new services only: their organisation keeps it. */
export async function upsertServices(db: Db, rows: ImportService[], w: ServiceWrite): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('directoryService')
      .values(part.map((s) => serviceValues(s, w)))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          directoryOrganizationId: sql`excluded.directory_organization_id`,
          name: sql`excluded.name`,
          alternateName: sql`excluded.alternate_name`,
          summaries: sql`directory_service.summaries || excluded.summaries`,
          status: sql`excluded.status`,
          reviewStatus: sql`excluded.review_status`,
          email: sql`excluded.email`,
          url: sql`excluded.url`,
          phone: sql`excluded.phone`,
          categories: sql`excluded.categories`,
          languages: sql`excluded.languages`,
          serviceAreas: sql`excluded.service_areas`,
          requiredDocuments: sql`excluded.required_documents`,
          schedules: sql`excluded.schedules`,
          minimumAge: sql`excluded.minimum_age`,
          maximumAge: sql`excluded.maximum_age`,
          feesDescription: sql`excluded.fees_description`,
          eligibilityDescription: sql`excluded.eligibility_description`,
          assuredDate: sql`excluded.assured_date`,
          assurerEmail: sql`excluded.assurer_email`,
          updatedAt: sql`excluded.updated_at`,
          updatedBy: sql`excluded.updated_by`,
          version: sql`directory_service.version + 1`,
        }),
      )
      .execute();
  }
}

/** The import says where each of its services is: links it does not name are removed, the others upserted. */
export async function replaceLinks(db: Db, serviceIds: string[], links: ImportLink[], at: Date): Promise<void> {
  const keep = links.map((l) => l.id);
  for (const part of chunks(serviceIds)) {
    let del = db.deleteFrom('directoryServiceLocation').where('serviceId', 'in', part);
    if (keep.length > 0) del = del.where('id', 'not in', keep);
    await del.execute();
  }
  for (const part of chunks(links)) {
    await db
      .insertInto('directoryServiceLocation')
      .values(part.map((l) => ({ id: l.id, serviceId: l.serviceId, locationId: l.locationId, description: l.description, updatedAt: at })))
      .onConflict((oc) => oc.column('id').doUpdateSet({ serviceId: sql`excluded.service_id`, locationId: sql`excluded.location_id`, description: sql`excluded.description`, updatedAt: sql`excluded.updated_at` }))
      .execute();
  }
}
