// Builds the fuzzer's requests: for one route and caller, a valid-looking request changed in one hostile way
// (a field, the whole body, extra or prototype keys, duplicated or malformed query parameters, path parameters).
import type { RouteOptions } from 'fastify';
import {
  HOSTILE_BODIES,
  HOSTILE_STRINGS,
  hostileValue,
  jsonSchemaOf,
  pick,
  plausible,
  type JsonSchema,
  type Random,
} from './hostile-values.ts';

export interface FuzzRoute {
  method: string;
  url: string;
  params: JsonSchema | null;
  query: JsonSchema | null;
  body: JsonSchema | null;
}

export interface FuzzRequest {
  method: string;
  url: string;
  payload: string | undefined;
  headers: Record<string, string>;
  /** What was changed, for the failure report. */
  mutation: string;
}

/** Every registered route and method, with the JSON Schema of its inputs. */
export function fuzzRoutes(routes: readonly RouteOptions[]): FuzzRoute[] {
  return routes.flatMap((route) =>
    [route.method]
      .flat()
      .filter((method) => method !== 'HEAD' && method !== 'OPTIONS')
      .map((method) => ({
        method,
        url: route.url,
        params: jsonSchemaOf(route.schema?.params),
        query: jsonSchemaOf(route.schema?.querystring),
        body: jsonSchemaOf(route.schema?.body),
      })),
  );
}

type Part = 'params' | 'query' | 'body';
type Values = Record<string, unknown>;

/** The order mutations come in for each route: mostly one field at a time, the others in between. */
const MUTATIONS = ['field', 'field', 'body', 'field', 'extra_keys', 'field', 'duplicate_query', 'field', 'raw_query', 'field', 'params', 'field', 'valid', 'field', 'content_type'] as const;

/** How far the fuzzer has got with one route: which mutation and which (field, value) pair come next. */
export interface RouteProgress {
  round: number;
  fieldRound: number;
}

export function buildRequest(route: FuzzRoute, random: Random, ids: readonly string[], progress: RouteProgress): FuzzRequest {
  const values: Record<Part, Values> = {
    params: asObject(route.params ? plausible(route.params, random, ids) : {}),
    query: asObject(route.query ? plausible(route.query, random, ids) : {}),
    // NOTE: a JSON Patch body (PATCH /fhir/Task/:id) is an array: kept as one, so its operations get mutated too.
    body: route.body ? asBody(plausible(route.body, random, ids)) : {},
  };
  const mutation = MUTATIONS[progress.round++ % MUTATIONS.length]!;
  let rawBody: string | undefined = route.body || route.method !== 'GET' ? JSON.stringify(values.body) : undefined;
  let rawQuery = '';
  let contentType = 'application/json';
  let label: string = mutation;
  if (mutation === 'field' || mutation === 'params') {
    label = mutation === 'params' ? mutateField(values, 'params', route, random, progress.fieldRound) : mutateAnyField(values, route, random, progress.fieldRound++);
    rawBody = route.body || route.method !== 'GET' ? JSON.stringify(values.body) : undefined;
  } else if (mutation === 'body') {
    const body = pick(random, HOSTILE_BODIES);
    rawBody = body.raw;
    label = `body: ${body.label}`;
  } else if (mutation === 'extra_keys') {
    rawBody = JSON.stringify({ ...values.body, isPlatformAdmin: true, organisationId: pick(random, ids), [pick(random, HOSTILE_STRINGS).slice(0, 40)]: 1 });
    rawBody = `${rawBody.slice(0, -1)}${rawBody.length > 2 ? ',' : ''}"__proto__":{"roles":["org_admin"]}}`;
    values.query = { ...values.query, extra: 'x', constructor: 'y' };
  } else if (mutation === 'duplicate_query') {
    const key = pick(random, Object.keys(values.query).concat('q'));
    rawQuery = `${encodeKey(key)}=a&${encodeKey(key)}=b&${encodeKey(key)}[]=c`;
  } else if (mutation === 'raw_query') {
    rawQuery = pick(random, ['%zz', '%00=%00', 'a[b][c]=d', '=x', '&&&', '%ff%fe=%c0%af', 'q='.concat('%41'.repeat(3000)), Array.from({ length: 2000 }, (_, i) => `k${i}=v`).join('&')]);
  } else if (mutation === 'content_type') {
    contentType = pick(random, ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/json\u0000']);
  }
  const query = [encodeQuery(values.query), rawQuery].filter(Boolean).join('&');
  const url = fillPath(route.url, values.params, random) + (query ? `?${query}` : '');
  const headers: Record<string, string> = rawBody !== undefined ? { 'content-type': contentType.replace('\u0000', '') } : {};
  return { method: route.method, url, payload: rawBody, headers, mutation: label };
}

function asBody(value: unknown): Values {
  return Array.isArray(value) ? (value as unknown as Values) : asObject(value);
}

function asObject(value: unknown): Values {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Values) : {};
}

/**
 * Goes through the route's fields in turn (all parts together), and for each through its hostile values in turn, the
 * most telling ones first: `fieldRound` n mutates field n mod fields with that field's value number n div fields.
 */
function mutateAnyField(values: Record<Part, Values>, route: FuzzRoute, random: Random, fieldRound: number): string {
  const fields = (['params', 'query', 'body'] as Part[]).flatMap((part) => (route[part] ? leafPaths(values[part], []).map((path) => ({ part, path })) : []));
  if (fields.length === 0) return mutateField(values, 'query', route, random, fieldRound);
  const field = fields[fieldRound % fields.length]!;
  return replaceLeaf(values, field.part, field.path, route, random, Math.floor(fieldRound / fields.length));
}

/** Replaces one leaf (at any depth) of one part with a hostile value; returns what it did. */
function mutateField(values: Record<Part, Values>, part: Part, route: FuzzRoute, random: Random, turn: number): string {
  const paths = leafPaths(values[part], []);
  if (!route[part] || paths.length === 0) {
    values[part] = { [pick(random, ['q', 'id', 'version', 'x'])]: hostileValue({ type: 'string' }, random, turn) };
    return `${part}: unexpected key`;
  }
  return replaceLeaf(values, part, pick(random, paths), route, random, turn);
}

function replaceLeaf(values: Record<Part, Values>, part: Part, path: string[], route: FuzzRoute, random: Random, turn: number): string {
  const value = hostileValue(schemaAt(route[part]!, path) ?? {}, random, turn);
  setAt(values[part], path, value);
  return `${part}.${path.join('.')} = ${describe(value)}`;
}

function leafPaths(value: unknown, prefix: string[]): string[][] {
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Values);
    if (entries.length === 0) return [prefix];
    return entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  }
  return prefix.length > 0 ? [prefix] : [];
}

function schemaAt(schema: JsonSchema, path: string[]): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (const key of path) {
    if (!current) return undefined;
    current = current.properties?.[key] ?? current.items ?? current.anyOf?.[0]?.properties?.[key];
  }
  return current;
}

function setAt(target: Values, path: string[], value: unknown): void {
  let current: Values = target;
  for (const key of path.slice(0, -1)) current = current[key] as Values;
  current[path[path.length - 1]!] = value;
}

export function describe(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 60)}… (${text.length} chars)` : text;
}

/** Percent-encodes the UTF-8 bytes of a string (a lone surrogate becomes U+FFFD, as a browser would send it). */
function encodeKey(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`)).join('');
}

function encodeQuery(query: Values): string {
  return Object.entries(query)
    .flatMap(([k, v]) => (Array.isArray(v) ? v.map((item) => [k, item] as const) : [[k, v] as const]))
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeKey(k)}=${encodeKey(typeof v === 'object' ? JSON.stringify(v) : String(v))}`)
    .join('&');
}

function fillPath(url: string, params: Values, random: Random): string {
  return url
    .replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeKey(String(params[name] ?? pick(random, HOSTILE_STRINGS)) || 'x'))
    .replace(/\*/g, () => pick(random, ['index.html', '..%2f..%2fetc%2fpasswd', '%00', 'a'.repeat(2000), 'assets/none.js', '%c0%ae%c0%ae/']));
}
