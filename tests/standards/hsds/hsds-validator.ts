// Validates HSDS answers with Ajv 8 + ajv-formats as docs/standards.md §1.7 says: every modular schema registered by
// its bare file name, organization.services[] and service_at_location.service declared, lists as Page + list items.
// Strict mode also sets additionalProperties: false everywhere, after applying Pro Health's profile patches (the
// properties HSDS lets a profile add), so a misspelled or invented field fails.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { HSDS_PROFILE_PATCHES } from '#shared/hsds/hsds-profile.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const SCHEMA_DIR = path.resolve('shared/hsds/schema');
export const EXAMPLES_DIR = path.resolve('tests/standards/hsds/examples');

type Schema = Record<string, any>;
const read = (file: string): Schema => JSON.parse(readFileSync(file, 'utf8'));

function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (!node || typeof node !== 'object') return node;
  const copy: Schema = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, closed(v)]));
  if (copy.properties && typeof copy.properties === 'object') copy.additionalProperties = false;
  return copy;
}

function patched(file: string, schema: Schema): Schema {
  const patch = HSDS_PROFILE_PATCHES[file];
  return patch ? { ...schema, properties: { ...schema.properties, ...patch.properties } } : schema;
}

export interface HsdsValidator {
  one(file: string, body: unknown): string[];
  /** `full`: fully nested items (full=true), validated against the modular schema instead of the list-item one. */
  list(kind: 'service' | 'organization' | 'service_at_location' | 'taxonomy' | 'taxonomy_term', body: unknown, full?: boolean): string[];
}

function buildValidator(strict: boolean): HsdsValidator {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json') && f !== 'openapi.json');
  for (const file of files) {
    let schema = read(path.join(SCHEMA_DIR, file));
    if (file === 'organization.json') schema.properties.services = { type: 'array', items: { $ref: 'service.json' } };
    if (file === 'service_at_location.json') schema.properties.service = { $ref: 'service.json' };
    if (strict) schema = closed(patched(file, schema)) as Schema;
    ajv.addSchema(schema, file);
  }
  const page = read(path.join(SCHEMA_DIR, 'openapi.json')).components.schemas.Page;
  const listItem = (kind: string, full: boolean): Schema => {
    if (full || kind === 'taxonomy' || kind === 'taxonomy_term') return { $ref: `${kind}.json` };
    const item = read(path.join(SCHEMA_DIR, 'compiled', `${kind}_list.json`));
    if (kind === 'service') return strict ? (closed(patched('service.json', item)) as Schema) : item;
    if (kind === 'service_at_location' && strict) {
      item.properties.location = patched('location.json', item.properties.location);
      item.properties.service = patched('service.json', item.properties.service);
      return closed(item) as Schema;
    }
    return strict ? (closed(item) as Schema) : item;
  };
  const lists = new Map<string, ValidateFunction>();
  const errors = (validate: ValidateFunction, body: unknown) => (validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`));
  return {
    one(file, body) {
      return errors(ajv.getSchema(file)!, body);
    },
    list(kind, body, full = false) {
      const key = `${kind}/${full}`;
      if (!lists.has(key)) {
        const pageSchema = { ...page, required: Object.keys(page.properties) };
        lists.set(key, ajv.compile({ allOf: [pageSchema], type: 'object', required: ['contents'], properties: { contents: { type: 'array', items: listItem(kind, full) } } }));
      }
      return errors(lists.get(key)!, body);
    },
  };
}

let cached: { lenient: HsdsValidator; strict: HsdsValidator } | null = null;

/** Both validators, compiled once per test file. */
export function hsdsValidators(): { lenient: HsdsValidator; strict: HsdsValidator } {
  cached ??= { lenient: buildValidator(false), strict: buildValidator(true) };
  return cached;
}

/** Errors from both modes (prefixed), empty when the body is valid in both. */
export function validateOne(file: string, body: unknown): string[] {
  const { lenient, strict } = hsdsValidators();
  return [...lenient.one(file, body).map((e) => `lenient ${e}`), ...strict.one(file, body).map((e) => `strict ${e}`)];
}

export function validateList(kind: Parameters<HsdsValidator['list']>[0], body: unknown, full = false): string[] {
  const { lenient, strict } = hsdsValidators();
  return [...lenient.list(kind, body, full).map((e) => `lenient ${e}`), ...strict.list(kind, body, full).map((e) => `strict ${e}`)];
}

export const example = (name: string): Schema => read(path.join(EXAMPLES_DIR, name));
