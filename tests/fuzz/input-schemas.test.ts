// Every route's input schema is built from the shared input types (shared/lib/input.ts): checked here field by field,
// so a route that takes a plain z.string() or an unbounded number fails this test before a fuzzer has to find it.
import type { RouteOptions } from 'fastify';
import type { z } from 'zod';
import { afterAll, describe, expect, test } from 'vitest';
import { INT4_MAX } from '#shared/lib/input.ts';
import { createTestApp } from '#tests/test-app.ts';
import { jsonSchemaOf, plausible, seededRandom, type JsonSchema } from './hostile-values.ts';

const t = await createTestApp();
afterAll(() => t.close());

interface Input {
  route: string;
  part: string;
  zod: z.ZodType;
  json: JsonSchema;
}

const inputs: Input[] = t.app.routeList.flatMap((route: RouteOptions) =>
  (['body', 'querystring', 'params'] as const).flatMap((part) => {
    const zod = route.schema?.[part] as z.ZodType | undefined;
    const json = jsonSchemaOf(zod);
    return zod && json ? [{ route: `${String(route.method)} ${route.url}`, part, zod, json }] : [];
  }),
);

function leaves(schema: JsonSchema, path: string[] = []): { path: string[]; schema: JsonSchema }[] {
  if (schema.properties) return Object.entries(schema.properties).flatMap(([k, v]) => leaves(v, [...path, k]));
  const branches = (schema.anyOf ?? schema.oneOf ?? []).filter((s) => s.type !== 'null');
  if (branches.length > 0) return branches.flatMap((branch) => leaves(branch, path));
  return [{ path, schema }];
}

/** Integers that are not int4 columns: the audit trail's sequence number is a bigint. */
const BIGINT_FIELDS = new Set(['GET /api/audit querystring.before', 'HEAD /api/audit querystring.before']);

function withValue(base: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let current = copy;
  // NOTE: a nullable object the guesser left null gets an empty one, so the leaf under it is still tried.
  for (const key of path.slice(0, -1)) current = (current[key] ??= {}) as Record<string, unknown>;
  current[path[path.length - 1]!] = value;
  return copy;
}

let checkedStrings = 0;

describe('route inputs use the shared input types', () => {
  test('the route list has inputs to check', () => expect(inputs.length).toBeGreaterThan(30));

  for (const input of inputs) {
    test(`${input.route} ${input.part}`, () => {
      const base = plausible(input.json, seededRandom(1), []);
      const all = leaves(input.json).filter((l) => l.path.length > 0);
      for (const leaf of all.filter((l) => l.schema.type === 'integer' || l.schema.type === 'number')) {
        const max = BIGINT_FIELDS.has(`${input.route} ${input.part}.${leaf.path.join('.')}`) ? Number.MAX_SAFE_INTEGER : INT4_MAX;
        expect(leaf.schema.maximum, `${input.route} ${input.part}.${leaf.path.join('.')} has no int4 bound`).toBeLessThanOrEqual(max);
      }
      // NOTE: a base the schema refuses (a pattern the guesser cannot meet) proves nothing below.
      if (!input.zod.safeParse(base).success) return;
      for (const leaf of all) {
        const where = `${input.route} ${input.part}.${leaf.path.join('.')}`;
        const type = leaf.schema.type;
        if (type === 'string' && !leaf.schema.enum && leaf.schema.const === undefined) {
          checkedStrings++;
          expect(input.zod.safeParse(withValue(base, leaf.path, 'a\u0000b')).success, `${where} takes a NUL`).toBe(false);
          expect(input.zod.safeParse(withValue(base, leaf.path, 'a\ud800b')).success, `${where} takes a lone surrogate`).toBe(false);
          expect(leaf.schema.maxLength ?? leaf.schema.pattern ?? leaf.schema.format, `${where} has no length bound`).toBeDefined();
        }
        if (leaf.schema.format === 'date' || leaf.schema.format === 'date-time') {
          for (const far of ['0000-01-01', '9999-12-31', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) {
            expect(input.zod.safeParse(withValue(base, leaf.path, far)).success, `${where} takes ${far}`).toBe(false);
          }
        }
      }
    });
  }

  // NOTE: last in the file: by now every route above has counted the string fields it could check.
  test('checked the string fields of the routes', () => expect(checkedStrings).toBeGreaterThan(25));
});
