// The directory search's filters as they sit in the address bar (not personal data: what kind of help is looked for),
// and as the API takes them. Unknown or malformed values are dropped rather than sent to be refused.
import { SERVICE_CATEGORIES } from '#shared/directory/taxonomy.ts';
import { COUNTRIES, REGION_CODES } from '#shared/directory/regions.ts';
import { DIRECTORY_LANGUAGES } from '#shared/directory/directory-desk.schema.ts';

export interface Filters {
  q: string;
  category: string;
  /** "RO" / "NO" for a whole country, or a county code. */
  place: string;
  language: string;
  free: boolean;
  accepting: boolean;
  age: string;
  page: number;
}

const oneOf = (value: string | null, allowed: readonly string[]) => (value && allowed.includes(value) ? value : '');

export function filtersOf(params: URLSearchParams): Filters {
  const age = params.get('age') ?? '';
  const page = Number(params.get('page') ?? '1');
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    category: oneOf(params.get('category'), SERVICE_CATEGORIES),
    place: oneOf(params.get('region'), REGION_CODES) || oneOf(params.get('country'), COUNTRIES),
    language: oneOf(params.get('language'), DIRECTORY_LANGUAGES),
    free: params.get('free') === 'true',
    accepting: params.get('accepting') === 'true',
    age: /^\d{1,3}$/.test(age) && Number(age) <= 120 ? age : '',
    page: Number.isInteger(page) && page >= 1 && page <= 500 ? page : 1,
  };
}

/** The address-bar form (also the API's query, with the interface language added). */
export function paramsOf(f: Filters): URLSearchParams {
  const params = new URLSearchParams();
  if (/[\p{L}\p{N}]/u.test(f.q)) params.set('q', f.q.trim().split(/\s+/).slice(0, 12).join(' '));
  if (f.category) params.set('category', f.category);
  if (f.place) params.set(f.place.includes('-') ? 'region' : 'country', f.place);
  if (f.language) params.set('language', f.language);
  if (f.free) params.set('free', 'true');
  if (f.accepting) params.set('accepting', 'true');
  if (/^\d{1,3}$/.test(f.age) && Number(f.age) <= 120) params.set('age', f.age);
  if (f.page > 1) params.set('page', String(f.page));
  return params;
}
