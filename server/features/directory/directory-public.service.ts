// The public directory: search with filters combined with AND, one service's page, the county list. Approved listings
// only; a confidential place shows its service area and front-gate phone, never an address (standards.md §1.5).
import type { Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { DIRECTORY_PAGE_SIZE, DIRECTORY_REVERIFY_MONTHS, type DirectorySearchQuery } from '#shared/directory/directory-search.schema.ts';
import type { DirectoryRegionCounts, DirectoryServiceDetail, Schedule } from '#shared/directory/directory-service.schema.ts';
import type { DirectoryServiceCard, DirectorySearchResult } from '#shared/directory/directory-search.schema.ts';
import type { ServiceCategory } from '#shared/directory/taxonomy.ts';
import { isRegionCode } from '#shared/directory/regions.ts';
import { prefixQuery } from './directory-search-text.ts';
import { countByRegion, findApprovedService, publicLocations, searchServices, type CardRow } from './directory-public.queries.ts';
import { isVerificationDue, reverifyCutoff } from './directory.policy.ts';

/** The text in `lang`, else English, else any; with the language it is in. */
export function inLanguage(texts: Record<string, string>, lang: string | undefined): { text: string | null; language: string | null } {
  for (const l of [lang ?? 'en', 'en', ...Object.keys(texts)]) {
    const text = texts[l]?.trim();
    if (text) return { text, language: l };
  }
  return { text: null, language: null };
}

function card(row: CardRow, lang: string | undefined, cutoff: string): DirectoryServiceCard {
  const summary = inLanguage(row.summaries, lang);
  return {
    id: row.id,
    name: row.name,
    organizationName: row.organizationName,
    summary: summary.text,
    summaryLanguage: summary.language,
    categories: row.categories as ServiceCategory[],
    serviceAreas: row.serviceAreas,
    languages: row.languages,
    isFree: row.isFree,
    minimumAge: row.minimumAge,
    maximumAge: row.maximumAge,
    status: row.status,
    acceptingReferrals: row.acceptingReferrals,
    availablePlaces: row.availablePlaces,
    onPlatform: row.onPlatform,
    confidential: row.confidential,
    city: row.confidential ? null : row.city,
    phone: row.phone,
    assuredDate: row.assuredDate,
    verificationDue: isVerificationDue(row.assuredDate, cutoff),
    isDemo: row.isDemo,
  };
}

const cutoffOf = (ctx: Ctx) => reverifyCutoff(ctx.now, DIRECTORY_REVERIFY_MONTHS);

/** One page of approved services matching every filter given. */
export async function searchDirectory(ctx: Ctx, query: DirectorySearchQuery): Promise<DirectorySearchResult> {
  const page = query.page ?? 1;
  const filter = { ...query, tsquery: query.q ? prefixQuery(query.q) : null };
  const { total, rows } = await searchServices(ctx.db, filter, { limit: DIRECTORY_PAGE_SIZE, offset: (page - 1) * DIRECTORY_PAGE_SIZE });
  const cutoff = cutoffOf(ctx);
  return { total, page, pageSize: DIRECTORY_PAGE_SIZE, services: rows.map((r) => card(r, query.lang, cutoff)) };
}

/** An approved service's page; 404 for anything else (pending, rejected, unknown). */
export async function getDirectoryService(ctx: Ctx, id: string, lang: string | undefined): Promise<DirectoryServiceDetail> {
  const row = await findApprovedService(ctx.db, id);
  if (!row) throw new AppError('not_found', 'No such service.');
  const locations = row.confidential ? [] : await publicLocations(ctx.db, id);
  return {
    ...card(row, lang, cutoffOf(ctx)),
    organization: {
      name: row.organizationName,
      alternateName: row.organizationAlternateName,
      description: inLanguage(row.organizationDescriptions, lang).text,
      website: row.organizationWebsite,
      phone: row.organizationPhone,
      country: row.organizationCountry,
    },
    email: row.email,
    url: row.url,
    sexes: row.sexes as DirectoryServiceDetail['sexes'],
    requiredDocuments: row.requiredDocuments as DirectoryServiceDetail['requiredDocuments'],
    feesDescription: row.feesDescription,
    schedules: row.schedules as Schedule[],
    capacityUpdatedAt: row.capacityUpdatedAt?.toISOString() ?? null,
    lastModified: row.updatedAt.toISOString(),
    locations,
  };
}

/** Approved services per county, for the county list. */
export async function directoryRegionCounts(ctx: Ctx): Promise<DirectoryRegionCounts> {
  const rows = await countByRegion(ctx.db);
  return { regions: rows.filter((r) => isRegionCode(r.code)).map((r) => ({ ...r, country: r.code.slice(0, 2) })) };
}
