// The general part of a case as the forms hold it (strings and ticks), and its conversion to and from the contract.
// Pure functions, so the new-case page and the overview's edit form agree on every rule: an "answered" list needs at
// least one tick (an empty list would read as "no", which nobody said), and "not recorded" leaves the field out.
import { needsChildPath, VICTIM_CONTEXT_LISTS, type CaseAgeBand, type VictimContextList } from '#shared/cases/case-vocabulary.ts';
import type { CaseDetail, ChildProtection, SafeContact, VictimContext } from '#shared/cases/case.schema.ts';
import type { FieldErrors } from '#web/components/ui/form.tsx';

/** A multi-select HTCDS list: "unset" is not recorded yet (left out), the three others are kept as such. */
export type AnswerChoice = 'unset' | 'given' | 'not_asked' | 'declined';
export interface ListDraft {
  answer: AnswerChoice;
  values: string[];
}
export type ContextListKey = VictimContextList | 'relationshipToTrafficker';
export const CONTEXT_LISTS: ContextListKey[] = [...(Object.keys(VICTIM_CONTEXT_LISTS) as VictimContextList[]), 'relationshipToTrafficker'];

export interface EventDraft {
  type: 'Recruitment' | 'Transit' | 'Exploitation';
  country: string;
  year: string;
}

export interface GeneralDraft {
  ageBand: CaseAgeBand;
  gender: string;
  citizenship: string;
  languages: string;
  traffickingStatus: string;
  statusDecidedBy: string;
  lists: Record<ContextListKey, ListDraft>;
  ageWhenTrafficked: { answer: AnswerChoice; years: string };
  historicEvents: EventDraft[];
  safeContact: { channels: string[]; times: string; codeWord: string; never: string[]; note: string };
  childProtection: { referredOn: string; outcome: string; outcomeOn: string };
}

const unsetLists = () => Object.fromEntries(CONTEXT_LISTS.map((k) => [k, { answer: 'unset', values: [] }])) as unknown as Record<ContextListKey, ListDraft>;

export const emptyDraft = (): GeneralDraft => ({
  ageBand: 'unknown',
  gender: '',
  citizenship: '',
  languages: '',
  traffickingStatus: '',
  statusDecidedBy: '',
  lists: unsetLists(),
  ageWhenTrafficked: { answer: 'unset', years: '' },
  historicEvents: [],
  safeContact: { channels: [], times: '', codeWord: '', never: [], note: '' },
  childProtection: { referredOn: '', outcome: '', outcomeOn: '' },
});

/** The form's starting point for an existing case. */
export function draftOf(detail: CaseDetail): GeneralDraft {
  const lists = unsetLists();
  const vc = detail.victimContext as Record<string, { answer: string; values?: string[] } | undefined>;
  for (const key of CONTEXT_LISTS) {
    const a = vc[key];
    if (a) lists[key] = { answer: a.answer as AnswerChoice, values: a.values ?? [] };
  }
  const age = detail.victimContext.ageWhenTrafficked;
  const sc = detail.safeContact;
  const cp = detail.childProtection;
  return {
    ageBand: detail.ageBand,
    gender: detail.gender ?? '',
    citizenship: detail.citizenship.join(', '),
    languages: detail.languages.join(', '),
    traffickingStatus: detail.traffickingStatus ?? '',
    statusDecidedBy: detail.statusDecidedBy ?? '',
    lists,
    ageWhenTrafficked: age ? { answer: age.answer, years: age.answer === 'given' ? String(age.years) : '' } : { answer: 'unset', years: '' },
    historicEvents: (detail.victimContext.historicEvents ?? []).map((e) => ({ type: e.type, country: e.country ?? '', year: e.year === null ? '' : String(e.year) })),
    safeContact: { channels: sc?.channels ?? [], times: sc?.times ?? '', codeWord: sc?.codeWord ?? '', never: sc?.never ?? [], note: sc?.note ?? '' },
    childProtection: { referredOn: cp?.referredOn ?? '', outcome: cp?.outcome ?? '', outcomeOn: cp?.outcomeOn ?? '' },
  };
}

const codes = (value: string, upper: boolean) =>
  value
    .split(/[\s,;]+/)
    .map((c) => (upper ? c.toUpperCase() : c.toLowerCase()))
    .filter(Boolean);

export type GeneralFieldsOut = Pick<CaseDetail, 'ageBand' | 'gender' | 'citizenship' | 'languages' | 'traffickingStatus' | 'statusDecidedBy' | 'victimContext' | 'safeContact' | 'childProtection'>;

/** Checks the draft the way the server will, and says which field is wrong (error keys in the `cases` namespace). */
export function validateDraft(d: GeneralDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (codes(d.citizenship, true).some((c) => !/^[A-Z]{2}$/.test(c))) errors.citizenship = 'form.error.countryCodes';
  if (codes(d.citizenship, true).length > 5) errors.citizenship = 'form.error.tooManyCountries';
  if (codes(d.languages, false).some((c) => !/^[a-z]{2}$/.test(c))) errors.languages = 'form.error.languageCodes';
  for (const key of CONTEXT_LISTS) if (d.lists[key].answer === 'given' && d.lists[key].values.length === 0) errors[`list-${key}`] = 'form.error.tickOne';
  const years = d.ageWhenTrafficked.years.trim();
  if (d.ageWhenTrafficked.answer === 'given' && (!/^\d{1,3}$/.test(years) || Number(years) > 120)) errors['age-years'] = 'form.error.years';
  d.historicEvents.forEach((e, i) => {
    if (e.country.trim() && !/^[A-Za-z]{2}$/.test(e.country.trim())) errors[`event-${i}-country`] = 'form.error.countryCode';
    if (e.year.trim() && !/^(19[5-9]\d|2[01]\d\d)$/.test(e.year.trim())) errors[`event-${i}-year`] = 'form.error.year';
  });
  return errors;
}

function victimContextOf(d: GeneralDraft): VictimContext {
  const vc: Record<string, unknown> = {};
  for (const key of CONTEXT_LISTS) {
    const a = d.lists[key];
    if (a.answer === 'given') vc[key] = { answer: 'given', values: a.values };
    else if (a.answer !== 'unset') vc[key] = { answer: a.answer };
  }
  const age = d.ageWhenTrafficked;
  if (age.answer === 'given') vc.ageWhenTrafficked = { answer: 'given', years: Number(age.years.trim()) };
  else if (age.answer !== 'unset') vc.ageWhenTrafficked = { answer: age.answer };
  if (d.historicEvents.length > 0) {
    vc.historicEvents = d.historicEvents.map((e) => ({ type: e.type, country: e.country.trim() ? e.country.trim().toUpperCase() : null, year: e.year.trim() ? Number(e.year.trim()) : null }));
  }
  return vc as VictimContext;
}

function safeContactOf(d: GeneralDraft): SafeContact | null {
  const s = d.safeContact;
  const out: SafeContact = { channels: s.channels as SafeContact['channels'], times: s.times.trim() || null, codeWord: s.codeWord.trim() || null, never: s.never as SafeContact['never'], note: s.note.trim() || null };
  const empty = out.channels.length === 0 && out.never.length === 0 && !out.times && !out.codeWord && !out.note;
  return empty ? null : out;
}

function childProtectionOf(d: GeneralDraft): ChildProtection | null {
  const c = d.childProtection;
  if (!needsChildPath(d.ageBand) || (!c.referredOn && !c.outcome && !c.outcomeOn)) return null;
  return { referredOn: c.referredOn || null, outcome: (c.outcome || null) as ChildProtection['outcome'], outcomeOn: c.outcomeOn || null };
}

/** The general fields as the server takes them (the caller adds `version` or `referralId`). */
export function fieldsOf(d: GeneralDraft): GeneralFieldsOut {
  return {
    ageBand: d.ageBand,
    gender: (d.gender || null) as GeneralFieldsOut['gender'],
    citizenship: [...new Set(codes(d.citizenship, true))],
    languages: [...new Set(codes(d.languages, false))],
    traffickingStatus: (d.traffickingStatus || null) as GeneralFieldsOut['traffickingStatus'],
    statusDecidedBy: (d.statusDecidedBy || null) as GeneralFieldsOut['statusDecidedBy'],
    victimContext: victimContextOf(d),
    safeContact: safeContactOf(d),
    childProtection: childProtectionOf(d),
  };
}
