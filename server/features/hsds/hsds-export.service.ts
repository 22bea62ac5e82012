// Exporting the published directory as HSDS 3.0: JSON (an array of fully nested organisations with their services)
// or the CSV datapackage (a zip: datapackage.json and one CSV per HSDS table). Both are built from the same answers as
// the read API, so they hold approved listings only and obey the confidential rule. Signed-in coordinators and platform
// admins only: the public can stream the same data from /hsds with format=ndjson, but building a zip is heavier work.
import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import { actorOf, type Ctx } from '#server/context.ts';
import { AppError } from '#server/errors.ts';
import { recordAudit } from '#server/features/audit/audit.service.ts';
import { defuseCell } from '#server/lib/spreadsheet-safe.ts';
import { HSDS_PROFILE_PATCHES } from '#shared/hsds/hsds-profile.ts';
import { emptyTables, flattenDocument, type Table, type Tables } from './hsds-import-read.ts';
import { canImportDirectory } from './hsds.policy.ts';
import { schemaFile } from './hsds-openapi.ts';
import { ALL_TERMS, taxonomy, type HsdsObject, type Language } from './hsds-serialize.ts';
import { streamOrganizations } from './hsds.service.ts';

interface Resource {
  name: string;
  path: string;
  schema: { fields: { name: string; type: string }[] };
}

/** Tables we write, by their datapackage resource name. */
const WRITTEN: Table[] = ['organization', 'service', 'location', 'service_at_location', 'address', 'phone', 'schedule', 'language', 'service_area', 'required_document', 'attribute', 'taxonomy', 'taxonomy_term'];
const EXTENDED: Partial<Record<Table, string>> = { service: 'service.json', location: 'location.json' };

async function audited(ctx: Ctx, format: string, organizations: number): Promise<void> {
  await ctx.db.transaction().execute((trx) => recordAudit(ctx, trx, { action: 'hsds.exported', entityType: 'directory', details: { format, organizations } }));
}

async function allOrganizations(ctx: Ctx, lang: Language): Promise<HsdsObject[]> {
  if (!canImportDirectory(actorOf(ctx))) throw new AppError('forbidden', 'Only coordinators and platform admins can export the directory.');
  const all: HsdsObject[] = [];
  for await (const batch of streamOrganizations(ctx.db, { full_service: true }, lang)) all.push(...batch);
  return all;
}

/** The published directory as one HSDS JSON document. */
export async function exportJson(ctx: Ctx, lang: Language): Promise<HsdsObject[]> {
  const organizations = await allOrganizations(ctx, lang);
  await audited(ctx, 'json', organizations.length);
  return organizations;
}

/** The datapackage descriptor: upstream's, with our tables only and our profile's extra columns declared. */
function datapackage(): { descriptor: Record<string, unknown>; resources: Resource[] } {
  const upstream = schemaFile('datapackage.json') as Record<string, unknown> & { resources: Resource[] };
  const resources = upstream.resources
    .filter((r) => (WRITTEN as string[]).includes(r.name))
    .map((r) => {
      const patch = EXTENDED[r.name as Table] && HSDS_PROFILE_PATCHES[EXTENDED[r.name as Table]!];
      if (!patch) return r;
      const extra = Object.entries(patch.properties).map(([name, p]) => ({ name, type: p.type === 'boolean' ? 'boolean' : p.type === 'integer' ? 'integer' : 'string', description: p.description }));
      return { ...r, schema: { ...r.schema, fields: [...r.schema.fields, ...extra] } };
    });
  return { descriptor: { ...upstream, name: 'pro_health_directory', title: 'Pro Health service directory (HSDS 3.0)', resources }, resources };
}

function unique(rows: Tables[Table]): Record<string, unknown>[] {
  const seen = new Map<string, Record<string, unknown>>();
  for (const { row } of rows) seen.set(String(row.id), row);
  return [...seen.values()];
}

/** The published directory as the HSDS CSV datapackage, zipped. */
export async function exportZip(ctx: Ctx, lang: Language): Promise<Uint8Array> {
  const organizations = await allOrganizations(ctx, lang);
  const tables = emptyTables();
  for (const o of organizations) flattenDocument(o, 'organization', tables);
  const { descriptor, resources } = datapackage();
  const files: Record<string, Uint8Array> = { 'datapackage.json': strToU8(JSON.stringify(descriptor, null, 2)) };
  for (const r of resources) {
    const table = r.name as Table;
    const rows = table === 'taxonomy' ? [taxonomy()] : table === 'taxonomy_term' ? ALL_TERMS.map(({ taxonomy_detail: _d, ...t }) => t) : unique(tables[table]);
    const columns = r.schema.fields.map((f) => f.name);
    files[r.path] = strToU8(stringify(rows.map((row) => columns.map((c) => cell(row[c]))), { header: true, columns }));
  }
  await audited(ctx, 'zip', organizations.length);
  return zipSync(files, { level: 6 });
}

// NOTE: phone numbers (+40 …) and any text an organisation typed are defused against formula injection; the import
// revives them (reviveCell), so the datapackage still round-trips.
const cell = (value: unknown) => (value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : typeof value === 'number' || typeof value === 'boolean' ? String(value) : defuseCell(String(value)));
