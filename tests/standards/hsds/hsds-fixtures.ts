// A small directory for the HSDS tests: organisations with approved, pending and rejected services, public and
// confidential locations (with addresses and coordinates in the rows, which the API must never show for the latter).
import { randomUUID } from 'node:crypto';
import type { Db } from '#server/db/db.ts';
import { refreshSearchVectors } from '#server/features/directory/directory-search-text.ts';

export interface ServiceSeed {
  name: string;
  review?: 'approved' | 'pending' | 'rejected';
  categories?: string[];
  areas?: string[];
  languages?: string[];
  summaries?: Record<string, string>;
  updatedAt?: Date;
  phone?: string;
}

export interface LocationSeed {
  confidential?: boolean;
  postalCode?: string;
  lat?: number;
  lon?: number;
  region?: string;
  city?: string;
}

export async function seedOrganization(db: Db, name = `Org ${randomUUID().slice(0, 6)}`, country = 'RO') {
  return db
    .insertInto('directoryOrganization')
    .values({ name, country, descriptions: JSON.stringify({ en: `${name} helps.`, ro: `${name} ajută.` }), email: 'contact@example.org', website: 'https://example.org', phone: '+40 21 000 0000' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function seedService(db: Db, organizationId: string, seed: ServiceSeed): Promise<string> {
  const { id } = await db
    .insertInto('directoryService')
    .values({
      directoryOrganizationId: organizationId,
      name: seed.name,
      summaries: JSON.stringify(seed.summaries ?? { en: `${seed.name} in English`, ro: `${seed.name} în română`, nb: `${seed.name} på norsk` }),
      reviewStatus: seed.review ?? 'approved',
      categories: JSON.stringify(seed.categories ?? ['medical']),
      languages: JSON.stringify(seed.languages ?? ['ro', 'en']),
      serviceAreas: JSON.stringify(seed.areas ?? ['RO-CJ']),
      sexes: '[]',
      requiredDocuments: JSON.stringify(['identity-document']),
      schedules: JSON.stringify([{ byday: 'MO,TU,WE,TH,FR', opensAt: '08:00', closesAt: '16:00' }]),
      phone: seed.phone ?? '+40 264 000 000',
      email: 'service@example.org',
      url: 'https://example.org/service',
      acceptingReferrals: true,
      availablePlaces: 3,
      assuredDate: '2026-10-01',
      updatedAt: seed.updatedAt ?? new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await refreshSearchVectors(db, [id]);
  return id;
}

export async function seedLocation(db: Db, organizationId: string, serviceIds: string[], seed: LocationSeed = {}) {
  const location = await db
    .insertInto('directoryLocation')
    .values({
      directoryOrganizationId: organizationId,
      name: seed.confidential ? 'Safe house' : 'Clinic',
      isConfidential: seed.confidential ?? false,
      address1: seed.confidential ? 'Strada Secretă 7' : 'Strada Spitalului 1',
      city: seed.city ?? 'Cluj-Napoca',
      region: seed.region ?? 'RO-CJ',
      postalCode: seed.postalCode ?? '400001',
      country: 'RO',
      latitude: seed.lat ?? 46.77,
      longitude: seed.lon ?? 23.59,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const links: string[] = [];
  for (const serviceId of serviceIds) {
    const link = await db.insertInto('directoryServiceLocation').values({ serviceId, locationId: location.id, description: 'Here' }).returning('id').executeTakeFirstOrThrow();
    links.push(link.id);
  }
  return { id: location.id, links };
}
