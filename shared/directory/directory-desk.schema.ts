// The directory desk: an organisation keeps its own listing (organisation, places, services), says whether it takes
// referrals now, marks listings verified; coordinators of other organisations and platform admins review new services.
//   GET  /api/directory/desk                                  → DirectoryDesk            org_admin | coordinator | case_manager | platform admin
//   POST /api/directory/desk/organizations       OrgCreate    → DeskOrganization (201)   own organisation, or off-platform
//   PUT  /api/directory/desk/organizations/:id   OrgUpdate    → DeskOrganization         409 + current on a stale version
//   POST /api/directory/desk/organizations/:id/locations      → DeskLocation (201)
//   PUT  /api/directory/desk/locations/:id        LocationUpdate → DeskLocation
//   POST /api/directory/desk/organizations/:id/services       → DeskService (201)        starts pending
//   PUT  /api/directory/desk/services/:id         ServiceUpdate → DeskService            a rejected one goes back to pending
//   POST /api/directory/desk/services/:id/capacity Capacity   → DeskService              accepting now, places
//   POST /api/directory/desk/services/:id/verify  Version     → DeskService              assured_date = today
//   GET  /api/directory/review                                → DirectoryReviewList       pending services the actor may decide
//   POST /api/directory/review/:id                ReviewDecision → DeskService           never one's own organisation's
import { z } from 'zod';
import { Version, int4, line, text } from '../lib/input.ts';
import { ServiceCategorySchema } from './taxonomy.ts';
import { COUNTRIES, REGION_CODES } from './regions.ts';
import { PublicLocationSchema, RequiredDocumentSchema, SexSchema, WEEKDAYS } from './directory-service.schema.ts';

export const REVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;

/** Languages offered in the desk form and the search filter (ISO 639-1); names come from Intl.DisplayNames. */
export const DIRECTORY_LANGUAGES = ['ro', 'en', 'nb', 'hu', 'uk', 'ru', 'bg', 'sr', 'pl', 'lt', 'es', 'fr', 'it', 'de', 'ar', 'fa', 'so', 'ti', 'tr', 'vi', 'zh', 'th'] as const;

const CountrySchema = z.enum(COUNTRIES as [string, ...string[]]);
const RegionSchema = z.enum(REGION_CODES as [string, ...string[]]);
/** A field that may be left empty: '' and null both mean "not given" (stored as null). */
const optionalLine = (max: number, check?: { test: (v: string) => boolean; message: string }) =>
  line(max)
    .refine((v) => v === '' || !check || check.test(v), check?.message)
    .transform((v) => (v === '' ? null : v))
    .nullable();
/** One text per interface language; an empty one is left out. */
const PerLanguage = (max: number) => z.object({ en: text(max), ro: text(max), nb: text(max) }).partial().strict();

export const PHONE_RE = /^\+?[0-9][0-9 ]{3,18}[0-9]$/;
const Phone = optionalLine(24, { test: (v) => PHONE_RE.test(v), message: 'Use digits and spaces, with an optional + in front' });
const Email = optionalLine(200, { test: (v) => z.email().safeParse(v).success, message: 'Use an email address such as intake@example.org' });
// NOTE: shown as a link on public pages: https only, so no javascript: or data: address can be planted.
const WebAddress = optionalLine(300, { test: (s) => /^https:\/\/[^\s/?#]+\.[^\s/?#]+/i.test(s) && URL.canParse(s), message: 'Use an https:// address' });
const Time = line(5).regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Use a time such as 09:00');

export const OrganizationFieldsSchema = z
  .object({
    name: line(200).min(2, 'Write the name'),
    alternateName: optionalLine(200),
    descriptions: PerLanguage(2000),
    email: Email,
    website: WebAddress,
    phone: Phone,
    country: CountrySchema,
  })
  .strict();
export type OrganizationFields = z.infer<typeof OrganizationFieldsSchema>;

export const OrganizationCreateSchema = OrganizationFieldsSchema.extend({
  /** true: an organisation without a Pro Health account (a hospital, a public agency); false: the actor's own. */
  offPlatform: z.boolean(),
}).strict();
export type OrganizationCreate = z.infer<typeof OrganizationCreateSchema>;

export const OrganizationUpdateSchema = OrganizationFieldsSchema.extend({ version: Version }).strict();
export type OrganizationUpdate = z.infer<typeof OrganizationUpdateSchema>;

export const LocationFieldsSchema = z
  .object({
    name: optionalLine(200),
    locationType: z.enum(LOCATION_TYPES),
    /** A shelter or safe house: its address and coordinates are never shown to anyone outside the organisation. */
    isConfidential: z.boolean(),
    address1: optionalLine(200),
    city: optionalLine(100),
    region: RegionSchema.nullable(),
    postalCode: optionalLine(12),
    country: CountrySchema,
    latitude: z.number().min(-90).max(90).nullable(),
    longitude: z.number().min(-180).max(180).nullable(),
  })
  .strict();
export type LocationFields = z.infer<typeof LocationFieldsSchema>;
export const LocationUpdateSchema = LocationFieldsSchema.extend({ version: Version }).strict();
export type LocationUpdate = z.infer<typeof LocationUpdateSchema>;

export const ScheduleInputSchema = z
  .object({
    byday: z.array(z.enum(WEEKDAYS)).min(1, 'Choose at least one day').max(7),
    opensAt: Time,
    closesAt: Time,
  })
  .strict();

export const ServiceFieldsSchema = z
  .object({
    name: line(200).min(2, 'Write the name'),
    summaries: PerLanguage(1500),
    status: z.enum(SERVICE_STATUSES),
    categories: z.array(ServiceCategorySchema).min(1, 'Choose at least one category').max(10),
    languages: z.array(z.enum(DIRECTORY_LANGUAGES)).min(1, 'Choose at least one language').max(DIRECTORY_LANGUAGES.length),
    serviceAreas: z.array(RegionSchema).min(1, 'Choose at least one county').max(REGION_CODES.length),
    minimumAge: int4(0, 120).nullable(),
    maximumAge: int4(0, 120).nullable(),
    sexes: z.array(SexSchema).max(3),
    requiredDocuments: z.array(RequiredDocumentSchema).max(5),
    isFree: z.boolean(),
    feesDescription: optionalLine(300),
    schedules: z.array(ScheduleInputSchema).max(7),
    phone: Phone,
    email: Email,
    url: WebAddress,
    /** Places of the same organisation where the service is given. */
    locationIds: z.array(z.uuid()).max(20),
  })
  .strict();
export type ServiceFields = z.infer<typeof ServiceFieldsSchema>;
export const ServiceUpdateSchema = ServiceFieldsSchema.extend({ version: Version }).strict();
export type ServiceUpdate = z.infer<typeof ServiceUpdateSchema>;

export const CapacitySchema = z
  .object({ acceptingReferrals: z.boolean(), availablePlaces: int4(0, 100_000).nullable(), version: Version })
  .strict();
export type Capacity = z.infer<typeof CapacitySchema>;

export const DeskVersionSchema = z.object({ version: Version }).strict();

export const ReviewDecisionSchema = z
  .object({ decision: z.enum(['approved', 'rejected']), note: optionalLine(500), version: Version })
  .strict()
  .refine((d) => d.decision === 'approved' || d.note !== null, { path: ['note'], message: 'Say why, so the organisation can correct it' });
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;

// ---- answers ---------------------------------------------------------------------------------------------------------

/** A place as its own organisation keeps it: the public facts (address included: it is theirs) and the flag. */
export const DeskLocationSchema = PublicLocationSchema.extend({
  id: z.uuid(),
  locationType: z.enum(LOCATION_TYPES),
  isConfidential: z.boolean(),
  version: z.number(),
});
export type DeskLocation = z.infer<typeof DeskLocationSchema>;

export const DeskServiceSchema = z.object({
  id: z.uuid(),
  directoryOrganizationId: z.uuid(),
  name: z.string(),
  summaries: z.record(z.string(), z.string()),
  status: z.enum(SERVICE_STATUSES),
  reviewStatus: z.enum(REVIEW_STATUSES),
  reviewNote: z.string().nullable(),
  categories: z.array(ServiceCategorySchema),
  languages: z.array(z.string()),
  serviceAreas: z.array(z.string()),
  minimumAge: z.number().nullable(),
  maximumAge: z.number().nullable(),
  sexes: z.array(SexSchema),
  requiredDocuments: z.array(RequiredDocumentSchema),
  isFree: z.boolean(),
  feesDescription: z.string().nullable(),
  schedules: z.array(z.object({ byday: z.string(), opensAt: z.string(), closesAt: z.string() })),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  url: z.string().nullable(),
  locationIds: z.array(z.string()),
  acceptingReferrals: z.boolean(),
  availablePlaces: z.number().nullable(),
  capacityUpdatedAt: z.string().nullable(),
  assuredDate: z.string().nullable(),
  verificationDue: z.boolean(),
  isDemo: z.boolean(),
  updatedAt: z.string(),
  version: z.number(),
});
export type DeskService = z.infer<typeof DeskServiceSchema>;

export const DeskOrganizationSchema = z.object({
  id: z.uuid(),
  organisationId: z.string().nullable(),
  name: z.string(),
  alternateName: z.string().nullable(),
  descriptions: z.record(z.string(), z.string()),
  email: z.string().nullable(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  country: z.string(),
  isDemo: z.boolean(),
  version: z.number(),
  locations: z.array(DeskLocationSchema),
  services: z.array(DeskServiceSchema),
});
export type DeskOrganization = z.infer<typeof DeskOrganizationSchema>;

export const DirectoryDeskSchema = z.object({
  /** The actor's organisation's listing; null until created. Absent (canKeepOwn false) for a platform admin without one. */
  own: DeskOrganizationSchema.nullable(),
  canKeepOwn: z.boolean(),
  /** May change listings (org_admin, coordinator); a case manager only says whether referrals are taken now. */
  canEdit: z.boolean(),
  /** Organisations outside the platform: coordinators and platform admins keep them; null for everyone else. */
  offPlatform: z.array(DeskOrganizationSchema).nullable(),
  /** Listings the actor's organisation keeps that are due to be verified again. */
  dueCount: z.number(),
});
export type DirectoryDesk = z.infer<typeof DirectoryDeskSchema>;

export const ReviewItemSchema = DeskServiceSchema.extend({ organizationName: z.string(), onPlatform: z.boolean(), submittedAt: z.string() });
export type ReviewItem = z.infer<typeof ReviewItemSchema>;
export const DirectoryReviewListSchema = z.object({ services: z.array(ReviewItemSchema) });
export type DirectoryReviewList = z.infer<typeof DirectoryReviewListSchema>;
