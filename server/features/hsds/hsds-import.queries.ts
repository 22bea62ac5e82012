// Writes of an HSDS import: organisations, locations, services and their links, upserted by id in a few statements
// per table, inside the caller's transaction.
import type { Db } from '#server/db/db.ts';

/**
 * The column address_1 as Kysely's CamelCasePlugin needs it: the plugin reads `address_1` as `address1` but writes
 * `address1` unchanged (no underscore before digits), so a write names the column in its snake form.
 */
export function address1(value: string | null): { address1: string | null } {
  return { address_1: value } as unknown as { address1: string | null };
}

export type { Db };
