// The choices of the audit filter's pickers: actions by name, grouped by kind with "every … action" first, and people.
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTION_GROUPS, AUDIT_ACTIONS, actionGroup, actionKey } from '#shared/audit/audit-actions.ts';
import type { AuditPerson } from './audit.api.ts';
import { actionName } from './audit-names.ts';

export function ActionOptions({ current }: { current: string }) {
  const { t, i18n } = useTranslation('audit');
  const collator = new Intl.Collator(i18n.language);
  const byName = (codes: readonly string[]) =>
    codes.map((code) => ({ code, name: actionName(t, code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
  const others = AUDIT_ACTIONS.filter((a) => !AUDIT_ACTION_GROUPS.includes(actionGroup(a)));
  const groups = [...AUDIT_ACTION_GROUPS].sort((a, b) => collator.compare(t(`actionGroupLabels.${actionKey(a)}`), t(`actionGroupLabels.${actionKey(b)}`)));
  const known = current === '' || (AUDIT_ACTIONS as readonly string[]).includes(current) || AUDIT_ACTION_GROUPS.includes(current);
  return (
    <>
      <option value="">{t('filters.action.all')}</option>
      {/* NOTE: a filter from an old link or a typed URL stays visible, so the form never drops it silently. */}
      {!known && <option value={current}>{current}</option>}
      {groups.map((group) => (
        <optgroup key={group} label={t(`actionGroupLabels.${actionKey(group)}`)}>
          <option value={group}>{t(`actionGroups.${actionKey(group)}`)}</option>
          {byName(AUDIT_ACTIONS.filter((a) => actionGroup(a) === group)).map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </optgroup>
      ))}
      <optgroup label={t('filters.action.other')}>
        {byName(others).map((a) => (
          <option key={a.code} value={a.code}>
            {a.name}
          </option>
        ))}
      </optgroup>
    </>
  );
}

export function PersonOptions({ people, current }: { people: AuditPerson[]; current: string }) {
  const { t, i18n } = useTranslation('audit');
  const collator = new Intl.Collator(i18n.language);
  const named = people.map((p) => ({ accountId: p.accountId, name: p.name ?? t('table.unknownAccount') })).sort((a, b) => collator.compare(a.name, b.name));
  const listed = current === '' || named.some((p) => p.accountId === current);
  return (
    <>
      <option value="">{t('filters.person.anyone')}</option>
      {!listed && <option value={current}>{t('filters.person.unknown')}</option>}
      {named.map((p) => (
        <option key={p.accountId} value={p.accountId}>
          {p.name}
        </option>
      ))}
    </>
  );
}
