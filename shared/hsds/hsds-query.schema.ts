// The query parameters of the HSDS 3.0 read API at /hsds (Open Referral's api_reference): one schema per endpoint,
// every parameter optional, unknown ones refused, so a bad value is a 400 naming the parameter. The answers are HSDS
// JSON, whose contract is the official JSON Schema (shared/hsds/schema), checked by tests/standards/hsds.
import { z } from 'zod';
import { Day, line, queryInt, searchText, Timestamp } from '../lib/input.ts';
import { LANGUAGES } from '../lib/languages.ts';

/** Items per page: the default, the most for a normal page, and the most with `minimal` (ids and dates only). */
export const HSDS_PER_PAGE_DEFAULT = 50;
export const HSDS_PER_PAGE_MAX = 100;
export const HSDS_MINIMAL_PER_PAGE_MAX = 10_000;
/** Metres: the widest proximity a caller may ask for (the length of Norway is about 1,750 km). */
export const HSDS_PROXIMITY_MAX = 2_000_000;

const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const Id = z.uuid('Use an id (UUID)');

const paging = {
  page: queryInt(1, 1_000_000).optional(),
  per_page: queryInt(1, HSDS_MINIMAL_PER_PAGE_MAX).optional(),
  format: z.enum(['json', 'ndjson']).optional(),
  search: searchText(200).optional(),
  /** Which language's descriptions to give (else Accept-Language, else English). */
  lang: z.enum(LANGUAGES).optional(),
};

const serviceFilters = {
  taxonomy_term_id: Id.optional(),
  taxonomy_id: Id.optional(),
  organization_id: Id.optional(),
  modified_after: z.union([Timestamp, Day]).optional(),
  full: Flag.optional(),
  postcode: line(20).min(1, 'Give a postcode').optional(),
  proximity: queryInt(1, HSDS_PROXIMITY_MAX).optional(),
};

type Paged = { per_page?: number; minimal?: boolean };

/** per_page above 100 only with minimal=true; proximity only with a postcode (it is measured from its centroid). */
function checkCombination(q: Paged & { postcode?: string; proximity?: number }, ctx: z.RefinementCtx): void {
  if (q.per_page !== undefined && q.per_page > HSDS_PER_PAGE_MAX && !q.minimal) {
    ctx.addIssue({ code: 'custom', path: ['per_page'], message: `Ask for at most ${HSDS_PER_PAGE_MAX} per page (${HSDS_MINIMAL_PER_PAGE_MAX} with minimal=true)` });
  }
  if (q.proximity !== undefined && q.postcode === undefined) {
    ctx.addIssue({ code: 'custom', path: ['proximity'], message: 'Give a postcode to measure the proximity from' });
  }
}

export const HsdsServicesQuerySchema = z
  .object({ ...paging, ...serviceFilters, minimal: Flag.optional() })
  .strict()
  .superRefine(checkCombination);
export type HsdsServicesQuery = z.infer<typeof HsdsServicesQuerySchema>;

export const HsdsServiceAtLocationsQuerySchema = z.object({ ...paging, ...serviceFilters }).strict().superRefine(checkCombination);
export type HsdsServiceAtLocationsQuery = z.infer<typeof HsdsServiceAtLocationsQuerySchema>;

export const HsdsOrganizationsQuerySchema = z
  .object({ ...paging, full: Flag.optional(), full_service: Flag.optional() })
  .strict()
  .superRefine(checkCombination);
export type HsdsOrganizationsQuery = z.infer<typeof HsdsOrganizationsQuerySchema>;

export const HsdsTaxonomiesQuerySchema = z.object(paging).strict().superRefine(checkCombination);
export type HsdsTaxonomiesQuery = z.infer<typeof HsdsTaxonomiesQuerySchema>;

export const HsdsTaxonomyTermsQuerySchema = z
  .object({ ...paging, taxonomy_id: Id.optional(), top_only: Flag.optional(), parent_id: Id.optional() })
  .strict()
  .superRefine(checkCombination);
export type HsdsTaxonomyTermsQuery = z.infer<typeof HsdsTaxonomyTermsQuerySchema>;

export const HsdsOneQuerySchema = z.object({ lang: z.enum(LANGUAGES).optional() }).strict();
export const HsdsOrganizationQuerySchema = z.object({ lang: z.enum(LANGUAGES).optional(), full_service: Flag.optional() }).strict();
export const HsdsIdParamsSchema = z.object({ id: Id }).strict();

/** Any HSDS object: its full shape is the official JSON Schema; here only what every one of them has. */
export const HsdsObjectSchema = z.looseObject({ id: z.string() });

/** HSDS Page (openapi.json components.schemas.Page) with its contents. */
export const HsdsPageSchema = z.object({
  total_items: z.number(),
  total_pages: z.number(),
  page_number: z.number(),
  size: z.number(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(HsdsObjectSchema),
});
export type HsdsPage = z.infer<typeof HsdsPageSchema>;

export const HsdsBaseSchema = z.object({ version: z.string(), profile: z.string(), openapi_url: z.string() });
