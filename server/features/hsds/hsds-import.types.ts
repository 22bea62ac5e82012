// What an HSDS import becomes: the directory's rows (organisations, locations, services, links), before writing.
import type { HsdsServiceFields } from './hsds.queries.ts';
import type { ServiceCategory } from '#shared/directory/taxonomy.ts';

export type ImportLanguage = 'en' | 'ro' | 'nb';

export interface ImportOrganization {
  id: string;
  name: string;
  alternateName: string | null;
  description: string | null;
  email: string | null;
  website: string | null;
  phone: string | null;
  country: string | null;
}

export interface ImportLocation {
  id: string;
  organizationId: string | null;
  name: string | null;
  description: string | null;
  locationType: string;
  isConfidential: boolean;
  address1: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface ImportService extends HsdsServiceFields {
  id: string;
  organizationId: string;
  name: string;
  alternateName: string | null;
  description: string | null;
  categories: ServiceCategory[];
  languages: string[];
  serviceAreas: string[];
  requiredDocuments: string[];
  schedules: { byday: string; opensAt: string; closesAt: string }[];
  acceptingReferrals: boolean | null;
  availablePlaces: number | null;
  isFree: boolean | null;
}

export interface ImportLink {
  id: string;
  serviceId: string;
  locationId: string;
  description: string | null;
}

export interface ImportSet {
  organizations: Map<string, ImportOrganization>;
  locations: Map<string, ImportLocation>;
  services: Map<string, ImportService>;
  links: Map<string, ImportLink>;
}
