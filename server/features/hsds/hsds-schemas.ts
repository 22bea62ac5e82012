// The official HSDS 3.0 schemas, compiled once with Ajv (docs/standards.md §1.7) to check imported documents and rows.
// Lenient about unknown keywords and extra properties, as HSDS is: a publisher may add properties.
import { readdirSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { SCHEMA_DIR, schemaFile } from './hsds-openapi.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export interface SchemaProblem {
  /** JSON pointer within the object, e.g. "/service_at_locations/0/location/latitude"; "" for the object itself. */
  field: string;
  message: string;
}

let ajv: Ajv | null = null;

function compiled(): Ajv {
  if (ajv) return ajv;
  const instance = new Ajv({ strict: false, allErrors: true });
  addFormats(instance);
  for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json') && f !== 'openapi.json' && f !== 'datapackage.json')) {
    const schema = structuredClone(schemaFile(file)) as { properties: Record<string, unknown> };
    // NOTE: the nested API forms carry these two, which only upstream's (omitted) compiled schemas declare.
    if (file === 'organization.json') schema.properties.services = { type: 'array', items: { $ref: 'service.json' } };
    if (file === 'service_at_location.json') schema.properties.service = { $ref: 'service.json' };
    instance.addSchema(schema, file);
  }
  ajv = instance;
  return instance;
}

/** Problems of `value` against one HSDS schema file (e.g. "service.json"), at most `limit`. */
export function checkAgainst(file: string, value: unknown, limit = 20): SchemaProblem[] {
  const validate = compiled().getSchema(file) as ValidateFunction | undefined;
  if (!validate) throw new Error(`unknown HSDS schema ${file}`);
  if (validate(value)) return [];
  return (validate.errors ?? []).slice(0, limit).map((e) => {
    const missing = e.keyword === 'required' ? `/${String((e.params as { missingProperty?: string }).missingProperty)}` : '';
    return { field: `${e.instancePath}${missing}`, message: e.message ?? 'is not valid' };
  });
}

/** The field types of an HSDS table (from its schema): which CSV columns are numbers. */
export function numberColumns(file: string): Set<string> {
  const schema = schemaFile(file) as { properties: Record<string, { type?: string }> };
  return new Set(Object.entries(schema.properties).filter(([, p]) => p.type === 'number' || p.type === 'integer').map(([k]) => k));
}

/** The required fields of an HSDS table: an empty CSV cell there is an empty string, elsewhere an absent value. */
export function requiredColumns(file: string): Set<string> {
  return new Set((schemaFile(file) as { required?: string[] }).required ?? []);
}
