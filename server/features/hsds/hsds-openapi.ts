// Our copy of the HSDS 3.0 OpenAPI document and schema files, as served under /hsds: upstream's openapi.json with
// `info` filled in, every `$ref` pointed at our own copies (relative, so they resolve on any host), our parameters
// (`lang`, the bounds of per_page, postcode and proximity as we answer them) described. CC BY-SA 4.0, attributed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HSDS_PROFILE_PATCHES, HSDS_PROFILE_SUMMARY, HSDS_VERSION } from '#shared/hsds/hsds-profile.ts';
import { HSDS_MINIMAL_PER_PAGE_MAX, HSDS_PER_PAGE_DEFAULT, HSDS_PER_PAGE_MAX } from '#shared/hsds/hsds-query.schema.ts';

export const SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/hsds/schema');

/** Schema files we serve: the modular ones and the compiled list-item ones (upstream names). */
export const SCHEMA_FILES = [
  'accessibility', 'address', 'attribute', 'contact', 'cost_option', 'funding', 'language', 'location', 'meta_table_description', 'metadata',
  'organization', 'organization_identifier', 'phone', 'program', 'required_document', 'schedule', 'service', 'service_area', 'service_at_location',
  'taxonomy', 'taxonomy_term',
].map((n) => `${n}.json`);
export const COMPILED_FILES = ['organization_list.json', 'service_at_location_list.json', 'service_list.json'];

const cache = new Map<string, unknown>();
export function schemaFile(relative: string): unknown {
  if (!cache.has(relative)) cache.set(relative, JSON.parse(readFileSync(path.join(SCHEMA_DIR, relative), 'utf8')));
  return cache.get(relative);
}

const UPSTREAM = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';
/** Fully compiled upstream schemas we do not ship: the modular file validates the same document. */
const MODULAR_INSTEAD: Record<string, string> = { 'compiled/service.json': 'service.json', 'compiled/organization.json': 'organization.json', 'compiled/service_at_location.json': 'service_at_location.json' };

function pointRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(pointRefs);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(UPSTREAM)) {
        const file = v.slice(UPSTREAM.length);
        return [k, `schema/${MODULAR_INSTEAD[file] ?? file}`];
      }
      return [k, pointRefs(v)];
    }),
  );
}

const DESCRIPTION = [
  'The Pro Health service directory as Open Referral HSDS 3.0. Only approved listings are published.',
  '',
  `- **Language:** descriptions are kept in English, Romanian and Norwegian Bokmål; each answer gives the one asked for with \`lang\` (en, ro, nb) or \`Accept-Language\`, else English, else any there is (\`Content-Language\` says which was asked for). Taxonomy terms are in English.`,
  `- **Paging:** \`per_page\` defaults to ${HSDS_PER_PAGE_DEFAULT}, at most ${HSDS_PER_PAGE_MAX} (${HSDS_MINIMAL_PER_PAGE_MAX} with \`minimal=true\`); items are in id order. \`total_pages = ceil(total_items / per_page)\`; a page past the last is empty with \`last_page: true\`. \`format=ndjson\` streams every result, one JSON object per line, without paging.`,
  '- **Filters** combine with AND. `minimal=true` gives id, name, status and last_modified (the list schema requires name and status).',
  '- **postcode / proximity:** we keep no postcode gazetteer. `postcode` matches services with a public location of that postal code (spaces and case ignored), or whose service areas (counties) contain one of our public locations with that postcode. `proximity` (whole metres, with `postcode`) keeps results with a public location within that distance (haversine) of the centroid of our own public locations with that postcode; an unknown postcode matches nothing. Confidential locations take part in neither.',
  '- **Confidential locations** (shelters, safe houses) never carry addresses, latitude, longitude or postal code anywhere; their service areas and the service phone (front gate) remain.',
  `- **Profile:** ${HSDS_PROFILE_SUMMARY} Profile: \`/hsds/profile.json\`.`,
  '- **Errors:** a bad parameter is a 400 `{ code, message, fields: { <parameter>: <why> } }`; an unknown id a 404.',
  '',
  'Adapted from the HSDS 3.0 OpenAPI description — Human Services Data Specification: an Open Referral resource (https://openreferral.org/), CC BY-SA 4.0.',
].join('\n');

const LANG_PARAMETER = { name: 'lang', in: 'query', required: false, description: 'Language of descriptions: en, ro or nb (else Accept-Language, else English).', schema: { type: 'string', enum: ['en', 'ro', 'nb'] } };

/** The document served at /hsds/openapi.json. */
export function hsdsOpenApi(publicUrl: string): Record<string, unknown> {
  const upstream = schemaFile('openapi.json') as { paths: Record<string, Record<string, { parameters?: unknown[] }>>; components: { parameters: Record<string, Record<string, unknown>> } };
  const doc = pointRefs(structuredClone(upstream)) as typeof upstream & Record<string, unknown>;
  doc.info = {
    title: 'Pro Health service directory (HSDS 3.0)',
    version: '1.0.0',
    summary: 'Open Referral HSDS 3.0 read API over the Pro Health service directory.',
    description: DESCRIPTION,
    license: { name: 'CC BY-SA 4.0 (this description, adapted from Open Referral HSDS 3.0)', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
  };
  doc.servers = [{ url: `${publicUrl}/hsds` }];
  // NOTE: upstream points this answer at the compiled service schema although it describes a service_at_location.
  const salAnswer = doc.paths['/service_at_locations/{id}']?.get as { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> } | undefined;
  const salJson = salAnswer?.responses?.['200']?.content?.['application/json'];
  if (salJson) salJson.schema = { $ref: 'schema/service_at_location.json' };
  const p = doc.components.parameters;
  p.lang = LANG_PARAMETER;
  p.per_page = { ...p.per_page, description: `Number of results in one page: 1–${HSDS_PER_PAGE_MAX}, default ${HSDS_PER_PAGE_DEFAULT} (up to ${HSDS_MINIMAL_PER_PAGE_MAX} with minimal=true).`, schema: { type: 'integer', minimum: 1, maximum: HSDS_MINIMAL_PER_PAGE_MAX } };
  p.proximity = { ...p.proximity, description: 'Whole metres from the centroid of our own public locations with the given postcode (requires postcode).', schema: { type: 'integer', minimum: 1 } };
  p.postcode = { ...p.postcode, description: 'A postal code: services with a public location there, or covering the county of one of our public locations there (no gazetteer).' };
  p.format = { ...p.format, schema: { type: 'string', enum: ['json', 'ndjson'] } };
  for (const methods of Object.values(doc.paths)) {
    for (const op of Object.values(methods)) {
      if (op && typeof op === 'object' && !Array.isArray(op)) op.parameters = [...(op.parameters ?? []), { $ref: '#/components/parameters/lang' }];
    }
  }
  return doc;
}

/** The profile document: its summary, where the note is, and the merge patches. */
export function hsdsProfile(): Record<string, unknown> {
  return { title: 'Pro Health profile of HSDS 3.0', hsds_version: HSDS_VERSION, description: HSDS_PROFILE_SUMMARY, documentation: 'docs/hsds-profile.md in the Pro Health repository', patches: HSDS_PROFILE_PATCHES };
}
