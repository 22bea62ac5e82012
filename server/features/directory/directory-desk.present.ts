// How the desk shows its rows: services with their re-verification flag, places with their address only for the
// organisation that lives there.
import type { Actor } from '#server/http/access.ts';
import type { DeskLocation, DeskOrganization, DeskService } from '#shared/directory/directory-desk.schema.ts';
import type { LocationRow, OrganizationRow, ServiceRow } from './directory-desk.queries.ts';
import { isVerificationDue } from './directory.policy.ts';

export function presentService(r: ServiceRow, cutoff: string): DeskService {
  return {
    id: r.id,
    directoryOrganizationId: r.directoryOrganizationId,
    name: r.name,
    summaries: r.summaries,
    status: r.status as DeskService['status'],
    reviewStatus: r.reviewStatus as DeskService['reviewStatus'],
    reviewNote: r.reviewNote,
    categories: r.categories as DeskService['categories'],
    languages: r.languages,
    serviceAreas: r.serviceAreas,
    minimumAge: r.minimumAge,
    maximumAge: r.maximumAge,
    sexes: r.sexes as DeskService['sexes'],
    requiredDocuments: r.requiredDocuments as DeskService['requiredDocuments'],
    isFree: r.isFree,
    feesDescription: r.feesDescription,
    schedules: r.schedules,
    phone: r.phone,
    email: r.email,
    url: r.url,
    locationIds: r.locationIds,
    acceptingReferrals: r.acceptingReferrals,
    availablePlaces: r.availablePlaces,
    capacityUpdatedAt: r.capacityUpdatedAt?.toISOString() ?? null,
    assuredDate: r.assuredDate,
    verificationDue: r.reviewStatus === 'approved' && isVerificationDue(r.assuredDate, cutoff),
    isDemo: r.isDemo,
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

/**
 * NOTE: a confidential place's address is shown only to its own organisation; listings kept for organisations outside
 * the platform hold no address for such places at all (the desk refuses one), so every keeper sees the same.
 */
export function presentLocation(r: LocationRow, actor: Actor): DeskLocation {
  const hide = r.isConfidential && (r.organisationId === null || r.organisationId !== actor.organisationId);
  return {
    id: r.id,
    name: r.name,
    locationType: r.locationType as DeskLocation['locationType'],
    isConfidential: r.isConfidential,
    address1: hide ? null : r.address1,
    city: r.city,
    region: r.region,
    postalCode: hide ? null : r.postalCode,
    country: r.country,
    latitude: hide ? null : r.latitude,
    longitude: hide ? null : r.longitude,
    version: r.version,
  };
}

export function presentOrganization(o: OrganizationRow, locations: DeskLocation[], services: DeskService[]): DeskOrganization {
  return { ...o, locations, services };
}
