// HSDS tables → the directory's rows. What HSDS splits into objects we keep as lists on the service (languages as
// ISO 639-1 codes, service areas as ISO 3166-2 counties, categories as our taxonomy terms, weekly schedules); what we
// cannot keep is counted as ignored, never silently dropped. Problems name the file, line and field.
import { isRegionCode, REGIONS } from '#shared/directory/regions.ts';
import { categoryOfTermId } from '#shared/directory/taxonomy.ts';
import { INT4_MAX } from '#shared/lib/input.ts';
import type { Problem, Row, Sourced, Tables } from './hsds-import-read.ts';
import type { ImportLocation, ImportOrganization, ImportService, ImportSet } from './hsds-import.types.ts';

export type { ImportLanguage, ImportLink, ImportLocation, ImportOrganization, ImportService, ImportSet } from './hsds-import.types.ts';

/** Longest text we keep in one field. */
const MAX_TEXT = 10_000;

class Collector {
  problems: Problem[] = [];
  ignored = new Map<string, number>();
  problem(s: Sourced, field: string, message: string): void {
    this.problems.push({ file: s.file, line: s.line, field: s.at ? `${s.at}/${field}` : field, message });
  }
  ignore(what: string): void {
    this.ignored.set(what, (this.ignored.get(what) ?? 0) + 1);
  }
}

/** Every string checked: PostgreSQL refuses NUL and broken UTF-16, and very long values are mistakes. */
function checkStrings(s: Sourced, c: Collector): boolean {
  for (const [key, value] of Object.entries(s.row)) {
    if (typeof value !== 'string') continue;
    if (value.includes('\u0000') || !value.isWellFormed()) c.problem(s, key, 'Contains characters that cannot be stored.');
    else if (value.length > MAX_TEXT) c.problem(s, key, `Longer than ${MAX_TEXT} characters.`);
    else continue;
    return false;
  }
  return true;
}

/** A text value as given (HSDS text is kept byte for byte), null when blank. */
const str = (row: Row, key: string): string | null => (typeof row[key] === 'string' && (row[key] as string).trim() !== '' ? (row[key] as string) : null);
/** A code or identifier: trimmed. */
const code = (row: Row, key: string): string | null => str(row, key)?.trim() ?? null;
/** A number, also from a CSV cell of one of our profile's columns (HSDS's own number columns arrive typed). */
const num = (row: Row, key: string): number | null => {
  const v = row[key];
  if (typeof v === 'number') return v;
  return typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : null;
};
const bool = (row: Row, key: string): boolean | null => (typeof row[key] === 'boolean' ? (row[key] as boolean) : row[key] === 'true' ? true : row[key] === 'false' ? false : null);

const REGION_BY_NAME = new Map(Object.values(REGIONS).flatMap((names) => Object.entries(names).map(([code, name]) => [name.toLowerCase(), code] as const)));
/** An ISO 3166-2 county from a code or an official name; null when it is neither. */
function regionOf(...values: (string | null)[]): string | null {
  for (const raw of values) {
    const v = raw?.trim();
    if (!v) continue;
    if (isRegionCode(v.toUpperCase())) return v.toUpperCase();
    const byName = REGION_BY_NAME.get(v.toLowerCase());
    if (byName) return byName;
  }
  return null;
}

function integerIn(s: Sourced, c: Collector, key: string, min: number, max: number): number | null {
  const value = num(s.row, key);
  if (value === null) return null;
  if (!Number.isInteger(value) || value < min || value > max) {
    c.problem(s, key, `Must be a whole number from ${min} to ${max}.`);
    return null;
  }
  return value;
}

function organizationOf(s: Sourced, c: Collector): ImportOrganization {
  const r = s.row;
  return { id: String(r.id), name: String(r.name).trim(), alternateName: str(r, 'alternate_name'), description: str(r, 'description'), email: str(r, 'email'), website: str(r, 'website'), phone: null, country: null };
  void c;
}

function serviceOf(s: Sourced, c: Collector): ImportService | null {
  const r = s.row;
  const organizationId = code(r, 'organization_id');
  if (!organizationId) {
    c.problem(s, 'organization_id', 'A service needs the organization that provides it.');
    return null;
  }
  const assuredDate = code(r, 'assured_date');
  if (assuredDate && !/^\d{4}-\d{2}-\d{2}$/.test(assuredDate)) c.problem(s, 'assured_date', 'Use a date as YYYY-MM-DD.');
  return {
    id: String(r.id),
    organizationId,
    name: String(r.name).trim(),
    alternateName: str(r, 'alternate_name'),
    description: str(r, 'description'),
    status: String(r.status),
    email: str(r, 'email'),
    url: str(r, 'url'),
    phone: null,
    feesDescription: str(r, 'fees_description'),
    eligibilityDescription: str(r, 'eligibility_description'),
    minimumAge: integerIn(s, c, 'minimum_age', 0, 150),
    maximumAge: integerIn(s, c, 'maximum_age', 0, 150),
    assuredDate,
    assurerEmail: str(r, 'assurer_email'),
    categories: [],
    languages: [],
    serviceAreas: [],
    requiredDocuments: [],
    schedules: [],
    acceptingReferrals: bool(r, 'accepting_referrals'),
    availablePlaces: integerIn(s, c, 'available_places', 0, INT4_MAX),
    isFree: bool(r, 'free_of_charge'),
  };
}

function locationOf(s: Sourced): ImportLocation {
  const r = s.row;
  return {
    id: String(r.id),
    organizationId: code(r, 'organization_id'),
    name: str(r, 'name'),
    description: str(r, 'description'),
    locationType: String(r.location_type),
    isConfidential: bool(r, 'is_confidential') ?? false,
    address1: null,
    city: null,
    region: null,
    postalCode: null,
    country: null,
    latitude: num(r, 'latitude'),
    longitude: num(r, 'longitude'),
  };
}

/** The first physical address (else the first) of each location fills its address columns. */
function applyAddresses(rows: Sourced[], set: ImportSet, c: Collector): void {
  const sorted = [...rows].sort((a, b) => Number(b.row.address_type === 'physical') - Number(a.row.address_type === 'physical'));
  const done = new Set<string>();
  for (const s of sorted) {
    const location = set.locations.get(String(s.row.location_id));
    if (!location) {
      c.problem(s, 'location_id', 'No location with this id in the import.');
      continue;
    }
    if (done.has(location.id)) {
      if (!done.has(String(s.row.id))) c.ignore('address (a location keeps one)');
      continue;
    }
    done.add(location.id).add(String(s.row.id));
    const country = code(s.row, 'country')?.toUpperCase() ?? null;
    Object.assign(location, {
      address1: [str(s.row, 'address_1'), str(s.row, 'address_2')].filter(Boolean).join(', ') || null,
      city: str(s.row, 'city'),
      region: regionOf(str(s.row, 'state_province'), str(s.row, 'region')),
      postalCode: code(s.row, 'postal_code'),
      country: country && /^[A-Z]{2}$/.test(country) ? country : null,
    });
  }
}

const HHMM = (v: string | null) => (v && /^([01][0-9]|2[0-3]):[0-5][0-9]/.test(v) ? v.slice(0, 5) : null);

/**
 * The document codes the directory keeps (NOTE: the same list as REQUIRED_DOCUMENTS of the directory desk's
 * contract, shared/directory/directory-service.schema.ts; use that once both are on main). HSDS's document is free
 * text: a code is taken as it is, or recognised from English words; anything else is counted as ignored.
 */
const DOCUMENTS: [code: string, words: RegExp][] = [
  ['identity-document', /identity|identification|passport|id card/i],
  ['residence-permit', /residence|residency permit|visa/i],
  ['health-insurance', /insurance/i],
  ['referral-letter', /referral/i],
  ['medical-records', /medical record|medical history|health record/i],
];
function documentCode(text: string): string | null {
  const code = DOCUMENTS.find(([c]) => c === text.trim().toLowerCase())?.[0];
  return code ?? DOCUMENTS.find(([, words]) => words.test(text))?.[0] ?? null;
}

/** Lists kept on the service, each from its HSDS table. */
function applyServiceLists(tables: Tables, set: ImportSet, c: Collector): void {
  const owner = (s: Sourced, key = 'service_id') => {
    const id = code(s.row, key);
    return id ? set.services.get(id) : undefined;
  };
  for (const s of tables.language) {
    const service = owner(s);
    const language = code(s.row, 'code')?.toLowerCase() ?? null;
    if (!service) c.ignore('language (not of a service)');
    else if (language && /^[a-z]{2}$/.test(language)) service.languages = [...new Set([...service.languages, language])];
    else c.ignore('language (no two-letter ISO 639-1 code)');
  }
  for (const s of tables.service_area) {
    const service = owner(s);
    const region = regionOf(code(s.row, 'extent'), code(s.row, 'name'), code(s.row, 'description'));
    if (service && region) service.serviceAreas = [...new Set([...service.serviceAreas, region])];
    else c.ignore('service_area (not a county we know: ISO 3166-2 code or official name)');
  }
  for (const s of tables.required_document) {
    const service = owner(s);
    const document = documentCode(str(s.row, 'document') ?? '');
    if (service && document) service.requiredDocuments = [...new Set([...service.requiredDocuments, document])];
    else c.ignore('required_document (not a document the directory lists)');
  }
  for (const s of tables.schedule) {
    const service = owner(s);
    const byday = code(s.row, 'byday');
    const opensAt = HHMM(code(s.row, 'opens_at'));
    const closesAt = HHMM(code(s.row, 'closes_at'));
    if (service && byday && opensAt && closesAt && /^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/.test(byday)) service.schedules.push({ byday, opensAt, closesAt });
    else c.ignore('schedule (only weekly opening hours by day are kept)');
  }
  for (const s of tables.attribute) {
    const service = owner(s, 'link_id');
    const category = categoryOfTermId(code(s.row, 'taxonomy_term_id') ?? '');
    if (service && category) service.categories = [...new Set([...service.categories, category])];
    else c.ignore('attribute (not a Pro Health service category)');
  }
  for (const s of tables.phone) {
    const number = str(s.row, 'number');
    const service = owner(s);
    const organization = set.organizations.get(code(s.row, 'organization_id') ?? '');
    if (number && service && !service.phone) service.phone = number;
    else if (number && !service && organization && !organization.phone) organization.phone = number;
    else c.ignore('phone (a service or organization keeps one)');
  }
}

/** Rows → the directory's rows, with the problems that reject the import and the counts of what was not kept. */
export function assemble(tables: Tables): { set: ImportSet; problems: Problem[]; ignored: Record<string, number> } {
  const c = new Collector();
  const set: ImportSet = { organizations: new Map(), locations: new Map(), services: new Map(), links: new Map() };
  const clean = (rows: Sourced[]) => rows.filter((s) => checkStrings(s, c));
  const named = (rows: Sourced[]) => rows.filter((s) => (String(s.row.name ?? '').trim() ? true : (c.problem(s, 'name', 'Give a name.'), false)));
  for (const s of named(clean(tables.organization))) set.organizations.set(String(s.row.id), organizationOf(s, c));
  for (const s of clean(tables.location)) set.locations.set(String(s.row.id), locationOf(s));
  for (const s of named(clean(tables.service))) {
    const service = serviceOf(s, c);
    if (service) set.services.set(service.id, service);
  }
  applyAddresses(clean(tables.address), set, c);
  const pairs = new Map<string, string>();
  for (const s of clean(tables.service_at_location)) {
    const link = { id: String(s.row.id), serviceId: code(s.row, 'service_id') ?? '', locationId: code(s.row, 'location_id') ?? '', description: str(s.row, 'description') };
    if (!set.services.has(link.serviceId)) c.problem(s, 'service_id', 'No service with this id in the import.');
    else if (!set.locations.has(link.locationId)) c.problem(s, 'location_id', 'No location with this id in the import.');
    else if ((pairs.get(`${link.serviceId}/${link.locationId}`) ?? link.id) !== link.id) c.problem(s, 'id', 'This service is already linked to this location under another id.');
    else {
      pairs.set(`${link.serviceId}/${link.locationId}`, link.id);
      set.links.set(link.id, link);
    }
  }
  applyServiceLists({ ...tables, language: clean(tables.language), service_area: clean(tables.service_area), required_document: clean(tables.required_document), schedule: clean(tables.schedule), attribute: clean(tables.attribute), phone: clean(tables.phone) }, set, c);
  for (const link of set.links.values()) {
    const location = set.locations.get(link.locationId)!;
    location.organizationId ??= set.services.get(link.serviceId)!.organizationId;
  }
  return { set, problems: c.problems, ignored: Object.fromEntries(c.ignored) };
}
