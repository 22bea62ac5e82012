// What searches derive from the index and keep in memory (term weights, spelling corrections): per database, dropped
// whenever this process writes the index, and after TTL_MS in any case.
import type { Db } from '#server/db/db.ts';

/**
 * NOTE: another process writing the same PostgreSQL database is seen within TTL_MS. A stale entry only shifts ranking a
 * little (a weight) or offers an older correction; it never changes what matches.
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;

interface Entry {
  value: unknown;
  until: number;
}

/** Per database (the tests and the benchmark open several in one process): the entries of one index generation. */
const memos = new WeakMap<Db, { generation: number; entries: Map<string, Entry> }>();
let generation = 0;

/** Called whenever section_search or search_word rows are written or deleted. */
export function forgetSearchMemo(): void {
  generation++;
}

/** The value of each key, from memory or, for those missing, from `load` (given their positions, in order). */
export async function remembered<T>(db: Db, keys: string[], load: (missing: number[]) => Promise<T[]>): Promise<T[]> {
  let memo = memos.get(db);
  if (memo?.generation !== generation) {
    memo = { generation, entries: new Map() };
    memos.set(db, memo);
  }
  const entries = memo.entries;
  const now = performance.now();
  const missing = keys.flatMap((key, i) => ((entries.get(key)?.until ?? 0) > now ? [] : [i]));
  if (missing.length > 0) {
    const loaded = await load(missing);
    if (entries.size + missing.length > MAX_ENTRIES) entries.clear();
    missing.forEach((i, j) => entries.set(keys[i]!, { value: loaded[j], until: now + TTL_MS }));
  }
  return keys.map((key) => entries.get(key)!.value as T);
}
