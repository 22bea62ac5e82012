// The public directory beyond the search contract: the card as the directory page shows it (with the demo mark), a
// service's detail page, and the county list.
//   GET /api/directory/services/:id?lang=  → DirectoryServiceDetail   public; approved only; 404 otherwise
//   GET /api/directory/regions             → DirectoryRegionCounts    public; approved services per county
import { z } from 'zod';
import { LANGUAGES } from '../lib/languages.ts';
import { DirectoryServiceCardSchema } from './directory-search.schema.ts';

export const SEXES = ['female', 'male', 'other'] as const;
export const SexSchema = z.enum(SEXES);

/** Documents a service may ask for; [] = none needed. */
export const REQUIRED_DOCUMENTS = ['identity-document', 'residence-permit', 'health-insurance', 'referral-letter', 'medical-records'] as const;
export const RequiredDocumentSchema = z.enum(REQUIRED_DOCUMENTS);

/** Days as RFC 5545 (HSDS schedule.byday). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export const ScheduleSchema = z.object({ byday: z.string(), opensAt: z.string(), closesAt: z.string() });
export type Schedule = z.infer<typeof ScheduleSchema>;

/** A place readers may visit. Confidential places are never in this list: not their name, not their town. */
export const PublicLocationSchema = z.object({
  name: z.string().nullable(),
  address1: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});
export type PublicLocation = z.infer<typeof PublicLocationSchema>;

export const DirectoryServiceDetailSchema = DirectoryServiceCardSchema.extend({
  organization: z.object({ name: z.string(), alternateName: z.string().nullable(), description: z.string().nullable(), website: z.string().nullable(), phone: z.string().nullable(), country: z.string() }),
  email: z.string().nullable(),
  url: z.string().nullable(),
  sexes: z.array(SexSchema),
  requiredDocuments: z.array(RequiredDocumentSchema),
  feesDescription: z.string().nullable(),
  schedules: z.array(ScheduleSchema),
  /** When the receiving organisation last said whether it takes referrals (ISO timestamp). */
  capacityUpdatedAt: z.string().nullable(),
  lastModified: z.string(),
  locations: z.array(PublicLocationSchema),
});
export type DirectoryServiceDetail = z.infer<typeof DirectoryServiceDetailSchema>;

export const DirectoryDetailQuerySchema = z.object({ lang: z.enum(LANGUAGES).optional() }).strict();
export const DirectoryIdParamsSchema = z.object({ id: z.uuid() });

export const DirectoryRegionCountsSchema = z.object({ regions: z.array(z.object({ code: z.string(), country: z.string(), count: z.number() })) });
export type DirectoryRegionCounts = z.infer<typeof DirectoryRegionCountsSchema>;
