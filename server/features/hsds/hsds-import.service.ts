// Importing an HSDS upload into the directory: read (JSON or CSV datapackage), check against the official schemas and
// our rules, then write everything in one transaction, or nothing. Who imports decides the listings' state: a
// platform admin's import is approved; a coordinator's waits for another coordinator's approval (pending). Listings
// of organisations on the platform are theirs to keep: only a platform admin may overwrite them by import.
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { refreshSearchVectors } from '#server/features/directory/directory-search-text.ts';
import type { HsdsImportReport, HsdsImportRequest } from '#shared/hsds/hsds-import.schema.ts';
import { assemble, type ImportSet } from './hsds-import-assemble.ts';
import { readJson, readZip, type Problem, type ReadResult } from './hsds-import-read.ts';
import { existingOrganizations, existingOwners, replaceLinks, upsertLocations, upsertOrganizations, upsertServices } from './hsds-import.queries.ts';
import type { Db } from '#server/db/db.ts';
import { canImportDirectory } from './hsds.policy.ts';

/** Problems listed in a report, most: past that the count says how many more there were. */
const REPORT_PROBLEMS_MAX = 200;


async function read(input: HsdsImportRequest): Promise<ReadResult> {
  if (input.format === 'json') return readJson(input.content, input.fileName);
  if (!/^[A-Za-z0-9+/=\s]*$/.test(input.content)) return { ...readJson('[]', input.fileName), problems: [{ file: input.fileName, line: 1, field: '', message: 'Send the zip encoded as base64.' }] };
  return readZip(Buffer.from(input.content, 'base64'), input.fileName);
}

interface Plan {
  set: ImportSet;
  problems: Problem[];
  countries: Map<string, string>;
}

/** Checks against what the database holds: owners exist, platform organisations' listings are left alone. */
async function checkAgainstDirectory(db: Db, importer: Importer, set: ImportSet, fallbackCountry: string): Promise<Plan> {
  const problems: Problem[] = [];
  const where = { file: '(import)', line: 0 };
  const orgIds = [...new Set([...set.organizations.keys(), ...[...set.services.values()].map((s) => s.organizationId), ...[...set.locations.values()].flatMap((l) => (l.organizationId ? [l.organizationId] : []))])];
  const existing = await existingOrganizations(db, orgIds);
  const known = (id: string | null) => !!id && (set.organizations.has(id) || existing.has(id));
  for (const s of set.services.values()) if (!known(s.organizationId)) problems.push({ ...where, field: `service ${s.id}/organization_id`, message: 'No organization with this id in the import or the directory.' });
  const linkOf = new Map([...set.links.values()].map((k) => [k.locationId, k]));
  for (const l of set.locations.values()) {
    if (known(l.organizationId)) continue;
    const link = linkOf.get(l.id);
    if (link) l.organizationId = set.services.get(link.serviceId)!.organizationId;
    else problems.push({ ...where, field: `location ${l.id}/organization_id`, message: 'No organization with this id in the import or the directory.' });
  }
  if (!importer.trusted) {
    const [services, locations] = await Promise.all([existingOwners(db, 'directoryService', [...set.services.keys()]), existingOwners(db, 'directoryLocation', [...set.locations.keys()])]);
    const ownersOfExisting = await existingOrganizations(db, [...new Set([...services.values(), ...locations.values()])]);
    const kept = (orgId: string | undefined) => !!orgId && !!(existing.get(orgId) ?? ownersOfExisting.get(orgId))?.organisationId;
    for (const id of set.organizations.keys()) if (kept(id)) problems.push({ ...where, field: `organization ${id}`, message: 'This organization keeps its own listings on the platform; only a platform admin may import over them.' });
    for (const [id, owner] of services) if (kept(owner)) problems.push({ ...where, field: `service ${id}`, message: 'This service is kept by an organization on the platform; only a platform admin may import over it.' });
    for (const [id, owner] of locations) if (kept(owner)) problems.push({ ...where, field: `location ${id}`, message: 'This location is kept by an organization on the platform; only a platform admin may import over it.' });
    // NOTE: nor may a new service or place be added to such an organization: it would receive referrals it never offered.
    for (const s of set.services.values()) if (!services.has(s.id) && kept(s.organizationId)) problems.push({ ...where, field: `service ${s.id}/organization_id`, message: 'This organization keeps its own listings on the platform; only a platform admin may add to them.' });
    for (const l of set.locations.values()) if (!locations.has(l.id) && kept(l.organizationId ?? undefined)) problems.push({ ...where, field: `location ${l.id}/organization_id`, message: 'This organization keeps its own listings on the platform; only a platform admin may add to them.' });
  }
  const countries = new Map<string, string>();
  const countryOf = new Map([...set.locations.values()].filter((l) => l.country).map((l) => [l.organizationId, l.country!]));
  for (const o of set.organizations.values()) {
    const fromLocation = countryOf.get(o.id);
    countries.set(o.id, existing.get(o.id)?.country ?? fromLocation ?? fallbackCountry);
  }
  for (const [id, e] of existing) if (!countries.has(id)) countries.set(id, e.country);
  return { set, problems, countries };
}

async function write(ctx: Ctx, plan: Plan, input: HsdsImportRequest, importer: Importer): Promise<void> {
  const { set } = plan;
  await ctx.db.transaction().execute(async (trx) => {
    const orgs = [...set.organizations.values()].map((o) => ({ ...o, country: plan.countries.get(o.id)! }));
    await upsertOrganizations(trx, orgs, input.language, ctx.now);
    const locations = [...set.locations.values()].map((l) => ({ ...l, organizationId: l.organizationId!, country: l.country ?? plan.countries.get(l.organizationId!) ?? 'RO' }));
    await upsertLocations(trx, locations, ctx.now);
    const services = [...set.services.values()];
    await upsertServices(trx, services, { reviewStatus: importer.trusted ? 'approved' : 'pending', updatedBy: importer.accountId, lang: input.language, at: ctx.now });
    await replaceLinks(trx, services.map((s) => s.id), [...set.links.values()], ctx.now);
    await refreshSearchVectors(trx, services.map((s) => s.id));
    await recordAudit(ctx, trx, {
      action: 'hsds.imported',
      entityType: 'directory',
      details: { format: input.format, organizations: orgs.length, services: services.length, locations: locations.length, approved: importer.trusted, ...(importer.accountId ? {} : { via: 'cli' }) },
    });
  });
}

/**
 * Who imports: a platform admin or the operator at the command line is trusted (listings approved, may replace
 * listings kept by platform organisations); a coordinator is not (listings wait for approval).
 */
interface Importer {
  trusted: boolean;
  accountId: string | null;
}

/** Reads, checks and (unless it is a dry run or anything is wrong) writes an HSDS upload; the report says which. */
export async function importHsds(ctx: Ctx, input: HsdsImportRequest): Promise<HsdsImportReport> {
  const actor = actorOf(ctx);
  if (!canImportDirectory(actor)) throw new AppError('forbidden', 'Only coordinators and platform admins can import the directory.');
  return runImport(ctx, input, { trusted: actor.isPlatformAdmin, accountId: actor.accountId });
}

/** The same from the command line (`npm run cli -- import-hsds`): the operator's imports are approved. */
export function importHsdsByOperator(ctx: Ctx, input: HsdsImportRequest): Promise<HsdsImportReport> {
  return runImport(ctx, input, { trusted: true, accountId: null });
}

async function runImport(ctx: Ctx, input: HsdsImportRequest, importer: Importer): Promise<HsdsImportReport> {
  const upload = await read(input);
  const assembled = assemble(upload.tables);
  // NOTE: a row the schemas refused is missing from the tables, so rows referring to it would be reported too; the
  // report lists the refused rows alone until they are corrected.
  let problems = upload.problems.length > 0 ? upload.problems : assembled.problems;
  let plan: Plan | null = null;
  if (problems.length === 0) {
    plan = await checkAgainstDirectory(ctx.db, importer, assembled.set, input.country);
    problems = plan.problems;
  }
  const counts = { organizations: assembled.set.organizations.size, services: assembled.set.services.size, locations: assembled.set.locations.size, serviceAtLocations: assembled.set.links.size };
  const imported = problems.length === 0 && !input.dryRun;
  if (imported) await write(ctx, plan!, input, importer);
  return {
    imported,
    reviewStatus: importer.trusted ? 'approved' : 'pending',
    counts,
    problemCount: problems.length,
    problems: problems.slice(0, REPORT_PROBLEMS_MAX),
    ignored: upload.problems.length > 0 ? [] : Object.entries(assembled.ignored).map(([what, count]) => ({ what, count })),
    skipped: upload.skipped,
  };
}
