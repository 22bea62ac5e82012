// The general part of a case, read-only: the person in codes named in the reader's language, the trafficking
// status, the HTCDS victim context (answered, not asked, declined, or not recorded) and the child path. Used by the
// overview and by the "someone else saved" notice, which shows the current values beside the reader's own input.
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '#shared/cases/case.schema.ts';
import { CONTEXT_LISTS } from './case-form-model.ts';

export function useNames() {
  const { i18n } = useTranslation();
  const countries = new Intl.DisplayNames([i18n.language], { type: 'region' });
  const languages = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const safe = (names: Intl.DisplayNames, code: string) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
  return { country: (c: string) => safe(countries, c), language: (c: string) => safe(languages, c) };
}

type Facts = Pick<CaseDetail, 'ageBand' | 'gender' | 'citizenship' | 'languages' | 'traffickingStatus' | 'statusDecidedBy' | 'victimContext' | 'childPath' | 'childProtection'>;

export function PersonFacts({ facts, children }: { facts: Facts; children?: ReactNode }) {
  const { t } = useTranslation('cases');
  const names = useNames();
  const none = t('overview.notRecorded');
  return (
    <dl className="facts">
      <dt>{t('overview.ageBand')}</dt>
      <dd>{t(`ageBand.${facts.ageBand}`)}</dd>
      <dt>{t('overview.gender')}</dt>
      <dd>{facts.gender ? t(`gender.${facts.gender}`) : none}</dd>
      <dt>{t('overview.citizenship')}</dt>
      <dd>{facts.citizenship.length > 0 ? facts.citizenship.map(names.country).join(', ') : none}</dd>
      <dt>{t('overview.languages')}</dt>
      <dd>{facts.languages.length > 0 ? facts.languages.map(names.language).join(', ') : none}</dd>
      <dt>{t('overview.traffickingStatus')}</dt>
      <dd>{facts.traffickingStatus ? t(`traffickingStatus.${facts.traffickingStatus}`) : none}</dd>
      <dt>{t('overview.decidedBy')}</dt>
      <dd>{facts.statusDecidedBy ? t(`decider.${facts.statusDecidedBy}`) : none}</dd>
      {children}
    </dl>
  );
}

export function ContextFacts({ facts }: { facts: Facts }) {
  const { t } = useTranslation('cases');
  const names = useNames();
  const vc = facts.victimContext as Record<string, { answer: string; values?: string[] } | undefined>;
  const answerText = (key: string) => {
    const a = vc[key];
    if (!a) return t('answer.unset');
    if (a.answer !== 'given') return t(`answer.${a.answer}`);
    return (a.values ?? []).map((v) => t(`code.${key}.${v}`)).join(', ');
  };
  const age = facts.victimContext.ageWhenTrafficked;
  const events = facts.victimContext.historicEvents ?? [];
  return (
    <dl className="facts">
      {CONTEXT_LISTS.map((key) => (
        <Fragment key={key}>
          <dt>{t(`context.${key}`)}</dt>
          <dd>{answerText(key)}</dd>
        </Fragment>
      ))}
      <dt>{t('context.ageWhenTrafficked')}</dt>
      <dd>{!age ? t('answer.unset') : age.answer === 'given' ? t('context.years', { count: age.years }) : t(`answer.${age.answer}`)}</dd>
      <dt>{t('context.historicEvents')}</dt>
      <dd>
        {events.length === 0 ? (
          t('answer.unset')
        ) : (
          <ul className="plain-list">
            {events.map((e, i) => (
              <li key={i}>{[t(`code.historicEvent.${e.type}`), e.country ? names.country(e.country) : null, e.year].filter(Boolean).join(', ')}</li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}

export function ChildProtectionFacts({ facts }: { facts: Facts }) {
  const { t, i18n } = useTranslation('cases');
  if (!facts.childPath) return null;
  const cp = facts.childProtection;
  const day = (d: string | null | undefined) => (d ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`)) : t('overview.notRecorded'));
  return (
    <>
      <h3>{t('childProtection.title')}</h3>
      {!cp?.outcome && <p className="hint">{t('childProtection.prompt')}</p>}
      <dl className="facts">
        <dt>{t('childProtection.referredOn')}</dt>
        <dd>{day(cp?.referredOn)}</dd>
        <dt>{t('childProtection.outcome')}</dt>
        <dd>{cp?.outcome ? t(`childOutcome.${cp.outcome}`) : t('overview.notRecorded')}</dd>
        <dt>{t('childProtection.outcomeOn')}</dt>
        <dd>{day(cp?.outcomeOn)}</dd>
      </dl>
    </>
  );
}
