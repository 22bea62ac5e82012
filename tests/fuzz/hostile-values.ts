// Values for the route fuzzer: a plausible value for each field of a route's input schema (read from its JSON Schema)
// and the hostile values to put in its place, all drawn from one seeded generator so that a run can be replayed.
import { z } from 'zod';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export function seededUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '8';
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The part of JSON Schema that zod's toJSONSchema writes and the fuzzer reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
}

/** The JSON Schema of a zod schema as the client must send it (input side of codecs and defaults). */
export function jsonSchemaOf(schema: unknown): JsonSchema | null {
  if (!schema || typeof schema !== 'object' || !('_zod' in schema)) return null;
  return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const PATTERN_GUESSES = ['5', 'a', 'abc', 'manual', 'a-b', 'sign_in', 'RO', 'ro', 'x'.repeat(43), '2026-06-01T00:00:00.000Z_00000000-0000-4000-8000-000000000000'];

/** Fields whose rules JSON Schema cannot express (refinements, transforms): a value their zod schema accepts. */
const NAMED: Record<string, string> = {
  email: 'fuzz@example.org',
  country: 'RO',
  website: 'https://example.org',
  before: '2026-06-01T10:00:00.000Z_00000000-0000-4000-8000-000000000000',
};

function namedValue(key: string, field: JsonSchema): string | undefined {
  const value = NAMED[key];
  return value !== undefined && (!field.pattern || new RegExp(field.pattern, 'u').test(value)) ? value : undefined;
}

/** A value the schema accepts, as far as the fuzzer can tell: the starting point that each mutation changes in one place. */
export function plausible(schema: JsonSchema, random: Random, ids: readonly string[]): unknown {
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return pick(random, schema.enum);
  const alternative = schema.anyOf ?? schema.oneOf;
  if (alternative) return plausible(alternative[0]!, random, ids);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, field]) => [key, namedValue(key, field) ?? plausible(field, random, ids)]));
    case 'array':
      return schema.items ? Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => plausible(schema.items!, random, ids)) : [];
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 1, 1));
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return plausibleString(schema, random, ids);
  }
}

function plausibleString(schema: JsonSchema, random: Random, ids: readonly string[]): string {
  if (schema.format === 'uuid') return ids.length > 0 && random() < 0.7 ? pick(random, ids) : seededUuid(random);
  if (schema.format === 'email') return 'fuzz@example.org';
  if (schema.format === 'date') return '2026-06-01';
  if (schema.format === 'date-time') return '2026-06-01T10:00:00.000Z';
  if (schema.pattern) {
    const re = new RegExp(schema.pattern, 'u');
    const fit = PATTERN_GUESSES.find((g) => re.test(g));
    if (fit) return fit;
  }
  const length = Math.max(schema.minLength ?? 1, Math.min(schema.maxLength ?? 12, 12));
  return 'Fuzz text '.repeat(2).slice(0, length).padEnd(length, 'x');
}

const HUGE = 'x'.repeat(300_000);

/** Hostile strings: empty, huge, control characters, NUL, lone surrogates, injection-shaped, query operators. */
export const HOSTILE_STRINGS: readonly string[] = [
  'a\u0000b',
  '0000-01-01',
  '9999-12-31T23:59:59.999Z',
  '-'.repeat(200),
  HUGE,
  '',
  ' ',
  '\u0000',
  '\u0007\u0008',
  '\u001b[31mred',
  '\u007f',
  '\u0085',
  '\ud800',
  'x\udfffy',
  '\u202eevil',
  '\ufeff',
  "' or 1=1 --",
  '"; drop table account; --',
  '%00',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '!&|():*<->'.repeat(20),
  'a & b | !c',
  'a '.repeat(150),
  '__proto__',
  '😀'.repeat(100),
  'x'.repeat(1_000),
  'x'.repeat(70_000),
  '9999-12-31',
  '-271821-04-20',
  '+275760-09-13T00:00:00.000Z',
  '2026-02-30',
  '0000-01-01T00:00:00Z',
  '2147483648',
  'NaN',
  '1e400',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-4000-8000-00000000000G',
  '9999-12-31T23:59:59Z_00000000-0000-4000-8000-000000000000',
  '0000-01-01T00:00:00Z_00000000-0000-4000-8000-000000000000',
];

/** Hostile numbers: int4 and int8 edges and beyond, negative, fractional, huge, unsafe. */
export const HOSTILE_NUMBERS: readonly number[] = [
  2_147_483_648, -1, 9.3e18, 1.5, 0, 2_147_483_647, -2_147_483_648, -2_147_483_649, 4_294_967_296, 9_007_199_254_740_991,
  // NOTE: just past Number.MAX_SAFE_INTEGER, then past int8.
  9_007_199_254_740_994, 9.3e18, -9.3e18, 1e308, -1e308, 5e-324,
];

const HOSTILE_SHAPES: readonly unknown[] = [null, true, false, [], {}, [[[[]]]], { a: 1 }, ['x'], HOSTILE_STRINGS[2]];

const NUMBER_TURNS: readonly unknown[] = [...HOSTILE_NUMBERS, ...HOSTILE_SHAPES, ...HOSTILE_STRINGS];
const STRING_TURNS: readonly unknown[] = [...HOSTILE_STRINGS, ...HOSTILE_SHAPES, ...HOSTILE_NUMBERS];

/**
 * The hostile value number `turn` for a field: first the values of its own kind (strings for a string), the most
 * telling first, then other shapes; past the end of the list, picked at random.
 */
export function hostileValue(schema: JsonSchema, random: Random, turn: number): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const turns = type === 'integer' || type === 'number' ? NUMBER_TURNS : STRING_TURNS;
  return turn < turns.length ? turns[turn] : pick(random, turns);
}

/** Whole bodies that are not the object a route expects, or carry keys that must never reach code. */
export const HOSTILE_BODIES: readonly { raw: string | undefined; label: string }[] = [
  { raw: undefined, label: 'no body' },
  { raw: '', label: 'empty body' },
  { raw: '[]', label: 'array' },
  { raw: '"str"', label: 'string' },
  { raw: '123', label: 'number' },
  { raw: 'null', label: 'null' },
  { raw: 'true', label: 'true' },
  { raw: '{}', label: 'empty object' },
  { raw: '{"__proto__": {"isPlatformAdmin": true}}', label: '__proto__ key' },
  { raw: '{"constructor": {"prototype": {"isPlatformAdmin": true}}}', label: 'constructor key' },
  { raw: '{"a":'.repeat(5_000), label: 'truncated deep nesting' },
  { raw: `${'['.repeat(10_000)}${']'.repeat(10_000)}`, label: 'deep nesting' },
  { raw: '{"a": 1, "a": 2}', label: 'duplicate keys' },
  { raw: '\u0000', label: 'NUL' },
  { raw: '{"x": "\\ud800"}', label: 'lone surrogate escape' },
];
