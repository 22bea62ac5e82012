// Reads an HSDS upload into tables of rows, each row remembering its file and line: HSDS JSON (fully nested services
// or organisations, one or an array) checked against the official schemas and flattened, or the HSDS tabular form
// (a zip of CSV files, as in the official datapackage) with every row checked against its object's schema.
import { parse } from 'csv-parse/sync';
import { reviveCell } from '#server/lib/spreadsheet-safe.ts';
import { Unzip, UnzipInflate } from 'fflate';
import { AppError } from '#server/errors.ts';
import { checkAgainst, numberColumns, requiredColumns } from './hsds-schemas.ts';

export interface Problem {
  file: string;
  /** CSV: the line in the file (the header is line 1); JSON: the document's position in the upload (1 = first). */
  line: number;
  field: string;
  message: string;
}

export type Row = Record<string, unknown>;
export interface Sourced {
  row: Row;
  file: string;
  line: number;
  /** JSON pointer of this row within its document ('' for a CSV row). */
  at: string;
}

export const TABLES = ['organization', 'service', 'location', 'service_at_location', 'address', 'phone', 'schedule', 'language', 'service_area', 'required_document', 'attribute', 'taxonomy_term', 'taxonomy'] as const;
export type Table = (typeof TABLES)[number];
export type Tables = Record<Table, Sourced[]>;

/** CSV file name → table. Upstream's datapackage names the links file service_at_location.csv; the plural is accepted. */
export const CSV_FILES: Record<string, Table> = {
  'organizations.csv': 'organization',
  'services.csv': 'service',
  'locations.csv': 'location',
  'service_at_location.csv': 'service_at_location',
  'service_at_locations.csv': 'service_at_location',
  'addresses.csv': 'address',
  'phones.csv': 'phone',
  'schedules.csv': 'schedule',
  'languages.csv': 'language',
  'service_areas.csv': 'service_area',
  'required_documents.csv': 'required_document',
  'attributes.csv': 'attribute',
  'taxonomy_terms.csv': 'taxonomy_term',
  'taxonomies.csv': 'taxonomy',
};

/** The most a zip may unpack to: a small upload must not inflate into gigabytes. */
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;
/**
 * The zip is fed to the inflater this many compressed bytes at a time, the event loop getting its turn in between:
 * DEFLATE expands at most ~1032:1, so one slice unpacks to ~16 MB at worst and the running count of bytes actually
 * unpacked is checked after each.
 */
const ZIP_SLICE_BYTES = 16 * 1024;

export const emptyTables = (): Tables => Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as Tables;

export interface ReadResult {
  tables: Tables;
  problems: Problem[];
  /** Files or parts of the upload we do not keep (HSDS objects the directory has no place for). */
  skipped: string[];
}

// ---- JSON ----

/** Children of a nested HSDS object: property → table and the foreign key the parent gives them. */
const NESTED: Record<string, { table: Table; parentKey: string }[]> = {
  organization: [
    { table: 'phone', parentKey: 'organization_id' },
    { table: 'location', parentKey: 'organization_id' },
    { table: 'service', parentKey: 'organization_id' },
  ],
  service: [
    { table: 'phone', parentKey: 'service_id' },
    { table: 'schedule', parentKey: 'service_id' },
    { table: 'service_area', parentKey: 'service_id' },
    { table: 'language', parentKey: 'service_id' },
    { table: 'required_document', parentKey: 'service_id' },
    { table: 'attribute', parentKey: 'link_id' },
    { table: 'service_at_location', parentKey: 'service_id' },
  ],
  location: [{ table: 'address', parentKey: 'location_id' }],
};
const PROPERTY: Record<Table, string> = {
  organization: 'organization', service: 'services', location: 'locations', service_at_location: 'service_at_locations', address: 'addresses', phone: 'phones',
  schedule: 'schedules', language: 'languages', service_area: 'service_areas', required_document: 'required_documents', attribute: 'attributes', taxonomy_term: 'taxonomy_term', taxonomy: 'taxonomy_detail',
};

function flatten(object: Row, table: Table, source: { file: string; line: number }, at: string, tables: Tables, skipped: Set<string>): void {
  const row: Row = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) || (typeof value === 'object' && key !== 'taxonomy_term' && key !== 'location' && key !== 'organization')) {
      const child = NESTED[table]?.find((n) => PROPERTY[n.table] === key);
      if (!child) {
        if (Array.isArray(value) ? value.length > 0 : true) skipped.add(`${table}.${key}`);
        continue;
      }
      (value as Row[]).forEach((item, i) => flatten({ [child.parentKey]: object.id, ...item }, child.table, source, `${at}/${key}/${i}`, tables, skipped));
      continue;
    }
    if (key === 'organization' && table === 'service' && value && typeof value === 'object') flatten(value as Row, 'organization', source, `${at}/organization`, tables, skipped);
    else if (key === 'location' && table === 'service_at_location' && value && typeof value === 'object') flatten(value as Row, 'location', source, `${at}/location`, tables, skipped);
    else if (key === 'taxonomy_term' && table === 'attribute' && value && typeof value === 'object') flatten(value as Row, 'taxonomy_term', source, `${at}/taxonomy_term`, tables, skipped);
    else row[key] = value;
  }
  // NOTE: a nested one-to-one object stands for its foreign key when the key itself is left out.
  for (const key of ['organization', 'location', 'taxonomy_term']) {
    const nested = object[key] as Row | undefined;
    if (nested && typeof nested === 'object' && nested.id && row[`${key}_id`] === undefined) row[`${key}_id`] = nested.id;
  }
  tables[table].push({ row, ...source, at });
}

/** An HSDS object (as the API gives it) spread into table rows. */
export function flattenDocument(doc: Row, kind: Table, tables: Tables): void {
  flatten(doc, kind, { file: '', line: 0 }, '', tables, new Set());
}

/** A JSON upload: one HSDS service or organisation, or an array of them (a service is known by its `status`). */
export function readJson(text: string, file: string): ReadResult {
  const tables = emptyTables();
  const skipped = new Set<string>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const position = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? NaN);
    const line = Number.isFinite(position) ? text.slice(0, position).split('\n').length : 1;
    return { tables, problems: [{ file, line, field: '', message: 'This is not valid JSON.' }], skipped: [] };
  }
  const documents = Array.isArray(parsed) ? parsed : [parsed];
  const problems: Problem[] = [];
  documents.forEach((doc, index) => {
    const line = index + 1;
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
      problems.push({ file, line, field: '', message: 'Each document must be an HSDS service or organization object.' });
      return;
    }
    const kind = 'status' in doc ? 'service' : 'organization';
    const found = checkAgainst(`${kind}.json`, doc);
    if (found.length > 0) problems.push(...found.map((p) => ({ file, line, ...p })));
    else flatten(doc as Row, kind, { file, line }, '', tables, skipped);
  });
  return { tables, problems, skipped: [...skipped].sort() };
}

// ---- CSV datapackage ----

/** A CSV row as an HSDS object: empty cells left out, number columns as numbers (a non-number stays text and fails). */
function typed(record: Record<string, string>, numbers: Set<string>, required: Set<string>): Row {
  const row: Row = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === '' && required.has(key) && !numbers.has(key)) row[key] = '';
    if (value === '' || value === undefined) continue;
    const text = reviveCell(value);
    row[key] = numbers.has(key) && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
  }
  return row;
}

function readCsvFile(name: string, table: Table, text: string, tables: Tables, problems: Problem[]): void {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, info: true, skip_empty_lines: true, bom: true, relax_column_count: false }) as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    problems.push({ file: name, line, field: '', message: 'This line is not valid CSV (quotes or number of columns).' });
    return;
  }
  const numbers = numberColumns(`${table}.json`);
  const required = requiredColumns(`${table}.json`);
  for (const { record, info } of records) {
    const row = typed(record, numbers, required);
    const found = checkAgainst(`${table}.json`, row, 5);
    problems.push(...found.map((p) => ({ file: name, line: info.lines, field: p.field.replace(/^\//, ''), message: p.message })));
    if (found.length === 0) tables[table].push({ row, file: name, line: info.lines, at: '' });
  }
}

/** True when the bytes end with a zip's end-of-central-directory record (within the longest comment a zip can have). */
function looksLikeZip(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return true;
  }
  return false;
}

/**
 * A zip of HSDS CSV files (datapackage.json beside them is optional); files in folders are read by their name. Only the
 * CSV files we know are unpacked (anything else is never inflated), and the bytes they actually unpack to are counted
 * as they come (the sizes in the headers can lie): past MAX_UNZIPPED_BYTES the upload is refused (413).
 */
export async function readZip(bytes: Uint8Array, file: string): Promise<ReadResult> {
  const tables = emptyTables();
  const problems: Problem[] = [];
  const skipped: string[] = [];
  const notZip = (): ReadResult => ({ tables, problems: [{ file, line: 1, field: '', message: 'This is not a zip file we can read.' }], skipped: [] });
  if (!looksLikeZip(bytes)) return notZip();
  const entries: { name: string; chunks: Uint8Array[] }[] = [];
  let total = 0;
  let tooBig = false;
  let unreadable = false;
  const unzip = new Unzip((entry) => {
    if (entry.name.endsWith('/')) return;
    const name = entry.name.split('/').pop()!.toLowerCase();
    // NOTE: an entry never started is never inflated: datapackage.json and anything else outside the tables cost nothing.
    if (!name.endsWith('.csv')) return;
    if (!CSV_FILES[name]) {
      skipped.push(name);
      return;
    }
    const chunks: Uint8Array[] = [];
    entries.push({ name, chunks });
    entry.ondata = (error, data) => {
      if (error) {
        unreadable = true;
        return;
      }
      if (tooBig) return;
      total += data.length;
      if (total > MAX_UNZIPPED_BYTES) tooBig = true;
      else chunks.push(data);
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !tooBig && !unreadable; at += ZIP_SLICE_BYTES) {
      unzip.push(bytes.subarray(at, at + ZIP_SLICE_BYTES), at + ZIP_SLICE_BYTES >= bytes.length);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } catch {
    unreadable = true;
  }
  if (tooBig) throw new AppError('payload_too_large', `The archive unpacks to more than ${MAX_UNZIPPED_BYTES / (1024 * 1024)} MB; import it in smaller parts.`);
  if (unreadable) return notZip();
  for (const { name, chunks } of entries) {
    readCsvFile(name, CSV_FILES[name]!, new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks)), tables, problems);
  }
  if (Object.values(tables).every((rows) => rows.length === 0) && problems.length === 0) {
    problems.push({ file, line: 1, field: '', message: 'The zip holds no HSDS CSV files (organizations.csv, services.csv, …).' });
  }
  return { tables, problems, skipped: skipped.sort() };
}
