// Audit entries in plain language: an action's name, and each detail as a label and a value in words. Ids, and
// details without a known label, go to the entry's "Technical details" instead.
import type { TFunction } from 'i18next';
import { actionKey, isAuditAction } from '#shared/audit/audit-actions.ts';

/** The translated name of an action code or group, or null for a code this version does not know. */
export function actionName(t: TFunction, code: string): string | null {
  if (isAuditAction(code)) return t(`audit:actionNames.${actionKey(code)}`);
  const group = t(`audit:actionGroups.${actionKey(code)}`, { defaultValue: '' });
  return group || null;
}

/** NOTE: ids name records, not facts a reader can use; "accountId", "revisionId", … stay technical. */
export const isIdKey = (key: string) => /(^id|Id|Ids)$/.test(key);

const LABELLED = new Set([
  'reason', 'language', 'minutes', 'failures', 'sessionsRevoked', 'roles', 'previousRoles', 'number', 'method', 'signInStep',
  'via', 'demo', 'isPlatformAdmin', 'type', 'country', 'fields', 'kind', 'resolution', 'outcome', 'contentType', 'bytes',
  'skipped', 'publications', 'chapters', 'sections', 'created', 'updated', 'unchanged', 'sessions', 'passwordResets',
  'invitations', 'rateLimits', 'jobs', 'action', 'entityType', 'from', 'to', 'rows', 'truncated', 'terms', 'termsBefore', 'groups',
  'languages',
]);
/** Detail values that are codes with a translation under detailValues.<key>.<code>. */
const CODED = new Set(['reason', 'method', 'signInStep', 'via', 'resolution', 'outcome']);

export interface DetailLine {
  key: string;
  label: string;
  value: string;
}

/** The details a reader can understand, and the rest (ids, unknown keys) for the technical disclosure. */
export function splitDetails(t: TFunction, language: string, details: Record<string, unknown>): { plain: DetailLine[]; technical: [string, unknown][] } {
  const plain: DetailLine[] = [];
  const technical: [string, unknown][] = [];
  for (const [key, value] of Object.entries(details)) {
    if (key === 'filters' && isRecord(value)) {
      const inner = splitDetails(t, language, value);
      const words = inner.plain.map((d) => `${d.label}: ${d.value}`);
      plain.push({ key, label: t('audit:detailLabels.filters'), value: words.length > 0 ? words.join('; ') : t('audit:detailValues.none') });
      technical.push(...inner.technical.map(([k, v]): [string, unknown] => [`${key}.${k}`, v]));
      continue;
    }
    const words = LABELLED.has(key) && !isIdKey(key) ? detailValue(t, language, key, value) : null;
    if (words === null) technical.push([key, value]);
    else plain.push({ key, label: t(`audit:detailLabels.${key}`), value: words });
  }
  return { plain, technical };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function detailValue(t: TFunction, language: string, key: string, value: unknown): string | null {
  if (typeof value === 'boolean') return t(value ? 'audit:detailValues.yes' : 'audit:detailValues.no');
  if (typeof value === 'number') return numberValue(language, key, value);
  if (Array.isArray(value)) {
    if (value.length === 0) return t('audit:detailValues.none');
    if (!value.every((v): v is string => typeof v === 'string')) return null;
    const words =
      key === 'roles' || key === 'previousRoles'
        ? value.map((r) => t(`organisations:roles.${r}`, { defaultValue: r }))
        : key === 'languages'
          ? value.map((code) => displayName(language, 'language', code))
          : value;
    return new Intl.ListFormat(language, { type: 'conjunction' }).format(words);
  }
  if (typeof value !== 'string') return null;
  return stringValue(t, language, key, value);
}

function numberValue(language: string, key: string, value: number): string {
  if (key === 'minutes') return new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(value);
  if (key === 'bytes' && value >= 1024) return new Intl.NumberFormat(language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(value / 1024);
  if (key === 'bytes') return new Intl.NumberFormat(language, { style: 'unit', unit: 'byte' }).format(value);
  return new Intl.NumberFormat(language).format(value);
}

function stringValue(t: TFunction, language: string, key: string, value: string): string | null {
  if (CODED.has(key)) return t(`audit:detailValues.${key}.${value}`, { defaultValue: value });
  if (key === 'language') return displayName(language, 'language', value);
  if (key === 'country') return displayName(language, 'region', value);
  if (key === 'type') return t(`organisations:types.${value}`, { defaultValue: value });
  if (key === 'kind') return t(`library:report.kinds.${value}`, { defaultValue: value });
  if (key === 'action') return actionName(t, value) ?? value;
  if (key === 'from' || key === 'to') return dateValue(language, value);
  return value;
}

function displayName(language: string, type: 'language' | 'region', code: string): string {
  try {
    return new Intl.DisplayNames(language, { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

function dateValue(language: string, value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(language, dayOnly ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
