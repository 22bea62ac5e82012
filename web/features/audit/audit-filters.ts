// The filter form's values ↔ the page URL ↔ the API filter. Dates are local days in the form, instants in the API.
import { AuditFilterSchema, type AuditFilter } from '#shared/audit/audit.schema.ts';

export const FILTER_FIELDS = ['action', 'entityType', 'entityId', 'actorAccountId', 'from', 'to', 'organisationId'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type FilterForm = Record<FilterField, string>;

export function formFromParams(params: URLSearchParams): FilterForm {
  return Object.fromEntries(FILTER_FIELDS.map((f) => [f, params.get(f) ?? ''])) as FilterForm;
}

export function paramsFromForm(form: FilterForm): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) if (form[field].trim()) params.set(field, form[field].trim());
  return params;
}

/** The API filter, or the fields that are not valid. "from"/"to" are whole local days, as the person means them. */
export function toApiFilter(form: FilterForm): { filter: AuditFilter } | { errors: Partial<Record<FilterField, true>> } {
  const from = form.from.trim() ? localDayStart(form.from.trim()) : undefined;
  const to = form.to.trim() ? localDayEnd(form.to.trim()) : undefined;
  const candidate = Object.fromEntries(
    Object.entries({ ...form, from, to })
      .map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = AuditFilterSchema.safeParse(candidate);
  if (parsed.success) return { filter: parsed.data };
  const errors: Partial<Record<FilterField, true>> = {};
  for (const issue of parsed.error.issues) errors[issue.path[0] as FilterField] = true;
  return { errors };
}

function localDayStart(day: string): string | 'invalid' {
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? 'invalid' : date.toISOString();
}

function localDayEnd(day: string): string | 'invalid' {
  const date = new Date(`${day}T23:59:59.999`);
  return Number.isNaN(date.getTime()) ? 'invalid' : date.toISOString();
}
