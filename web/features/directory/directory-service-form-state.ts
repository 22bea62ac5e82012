// The service form's values as typed (strings and lists) and their conversion to the API's shape, checked with the
// shared schema so the form reports the same fields the server would.
import { ServiceFieldsSchema, type DeskService, type ServiceFields } from '#shared/directory/directory-desk.schema.ts';
import type { z } from 'zod';

export interface ScheduleRow {
  days: string[];
  opensAt: string;
  closesAt: string;
}

export interface ServiceForm {
  name: string;
  summaries: Record<string, string>;
  status: string;
  categories: string[];
  languages: string[];
  serviceAreas: string[];
  minimumAge: string;
  maximumAge: string;
  sexes: string[];
  requiredDocuments: string[];
  isFree: boolean;
  feesDescription: string;
  schedules: ScheduleRow[];
  phone: string;
  email: string;
  url: string;
  locationIds: string[];
}

export function serviceFormOf(s: DeskService | null): ServiceForm {
  return {
    name: s?.name ?? '',
    summaries: { en: s?.summaries.en ?? '', ro: s?.summaries.ro ?? '', nb: s?.summaries.nb ?? '' },
    status: s?.status ?? 'active',
    categories: s?.categories ?? [],
    languages: s?.languages ?? [],
    serviceAreas: s?.serviceAreas ?? [],
    minimumAge: s?.minimumAge?.toString() ?? '',
    maximumAge: s?.maximumAge?.toString() ?? '',
    sexes: s?.sexes ?? [],
    requiredDocuments: s?.requiredDocuments ?? [],
    isFree: s?.isFree ?? true,
    feesDescription: s?.feesDescription ?? '',
    schedules: (s?.schedules ?? []).map((r) => ({ days: r.byday.split(','), opensAt: r.opensAt, closesAt: r.closesAt })),
    phone: s?.phone ?? '',
    email: s?.email ?? '',
    url: s?.url ?? '',
    locationIds: s?.locationIds ?? [],
  };
}

const age = (s: string) => (s.trim() === '' ? null : Number(s));

export function serviceBody(form: ServiceForm): { ok: true; body: ServiceFields } | { ok: false; error: z.ZodError } {
  const candidate = {
    ...form,
    minimumAge: age(form.minimumAge),
    maximumAge: age(form.maximumAge),
    feesDescription: form.isFree ? '' : form.feesDescription,
    schedules: form.schedules.map((r) => ({ byday: r.days, opensAt: r.opensAt, closesAt: r.closesAt })),
  };
  const parsed = ServiceFieldsSchema.safeParse(candidate);
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, error: parsed.error };
}
