// The public directory search: its query and its result cards. The directory page, the identification aid's
// outcome ("services near you") and the referral form's service picker all use this one contract.
//   GET /api/directory/services?q=&category=&region=&country=&language=&free=&accepting=&age=&lang=&page=
//        → DirectorySearchResult   public; approved listings only; confidential places never carry an address
//   GET /api/directory/services/:id?lang= → DirectoryServiceDetail   public, same rules
import { z } from 'zod';
import { queryInt, searchText } from '../lib/input.ts';
import { LANGUAGES } from '../lib/languages.ts';
import { ServiceCategorySchema } from './taxonomy.ts';
import { REGION_CODES, COUNTRIES } from './regions.ts';

export const DIRECTORY_PAGE_SIZE = 20;
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const DirectorySearchQuerySchema = z
  .object({
    q: searchText(200).optional(),
    category: ServiceCategorySchema.optional(),
    region: z.enum(REGION_CODES as [string, ...string[]]).optional(),
    country: z.enum(COUNTRIES as [string, ...string[]]).optional(),
    /** A language spoken at the service, ISO 639-1. */
    language: z.string().regex(/^[a-z]{2}$/, 'Use a two-letter language code').optional(),
    free: Flag.optional(),
    accepting: Flag.optional(),
    /** The person's age: services whose age range excludes it are left out. */
    age: queryInt(0, 120).optional(),
    /** The interface language: which summary to show. */
    lang: z.enum(LANGUAGES).optional(),
    page: queryInt(1, 500).optional(),
  })
  .strict();
export type DirectorySearchQuery = z.infer<typeof DirectorySearchQuerySchema>;

export const DirectoryServiceCardSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  organizationName: z.string(),
  /** In the requested language, else English, else any; null when the listing has none. */
  summary: z.string().nullable(),
  summaryLanguage: z.string().nullable(),
  categories: z.array(ServiceCategorySchema),
  serviceAreas: z.array(z.string()),
  languages: z.array(z.string()),
  isFree: z.boolean(),
  minimumAge: z.number().nullable(),
  maximumAge: z.number().nullable(),
  status: z.string(),
  acceptingReferrals: z.boolean(),
  availablePlaces: z.number().nullable(),
  /** The receiving organisation works in Pro Health: a referral goes to its inbox; otherwise it is recorded as external. */
  onPlatform: z.boolean(),
  /** A shelter or safe house: no address anywhere, only its service area and front-gate phone. */
  confidential: z.boolean(),
  /** The town of its first public location; null for confidential places. */
  city: z.string().nullable(),
  phone: z.string().nullable(),
  assuredDate: z.string().nullable(),
  /** Not verified for six months or more (or never): readers are told. */
  verificationDue: z.boolean(),
  /** Fictional demo data, shown with a "Demo" tag. */
  isDemo: z.boolean(),
});
export type DirectoryServiceCard = z.infer<typeof DirectoryServiceCardSchema>;

export const DirectorySearchResultSchema = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  services: z.array(DirectoryServiceCardSchema),
});
export type DirectorySearchResult = z.infer<typeof DirectorySearchResultSchema>;

/** Months after which a listing's last verification is out of date (HSDS assured_date). */
export const DIRECTORY_REVERIFY_MONTHS = 6;
