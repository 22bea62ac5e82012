// /cases/:id[/:section] — one case: its code and status, the safe-contact reminder, and the parts the reader's grant
// allows (case-sections.ts). The server decides every part again; a part outside the grant is not even offered.
import { lazy, Suspense, useMemo, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useParams } from 'react-router';
import type { CaseDetail } from '#shared/cases/case.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { apiError } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { CaseWorkflowNotices } from './break-glass-notice.tsx';
import { CASE_SECTIONS, sectionsFor, type CaseSectionProps } from './case-sections.ts';
import { useCase } from './cases.api.ts';
import { SafeContactPanel } from './safe-contact-panel.tsx';

export function CasePage() {
  const { t } = useTranslation('cases');
  const { id = '', section = 'overview' } = useParams();
  const found = useCase(id);
  return (
    <Page title={found.data ? t('page.title', { code: found.data.code }) : t('page.titleLoading')}>
      <p>
        <Link to="/cases">{t('page.back')}</Link>
      </p>
      {found.isPending && <Loading />}
      {found.isError && (
        <Banner tone="error" role="alert">
          {apiError(found.error)?.status === 404 ? t('page.notFound') : t('page.loadError')}
        </Banner>
      )}
      {found.data && <CaseBody detail={found.data} section={section} />}
    </Page>
  );
}

const loaded = new Map<string, ComponentType<CaseSectionProps>>();
function sectionComponent(id: string): ComponentType<CaseSectionProps> {
  const known = loaded.get(id);
  if (known) return known;
  const entry = CASE_SECTIONS.find((s) => s.id === id)!;
  const made = lazy(async () => ({ default: await entry.load() }));
  loaded.set(id, made);
  return made;
}

function CaseBody({ detail, section }: { detail: CaseDetail; section: string }) {
  const { t } = useTranslation('cases');
  const sections = sectionsFor(detail);
  const current = sections.find((s) => s.id === section);
  const Section = useMemo(() => (current ? sectionComponent(current.id) : null), [current]);
  return (
    <div className="case-page">
      <p className="case-status-line">
        {t('page.status')} <strong>{t(`status.${detail.status}`)}</strong>
        {detail.grant.via === 'break_glass' && <span className="tag tag-warning">{t('page.breakGlass')}</span>}
      </p>
      {detail.legalHold && <Banner tone="warning">{t('page.legalHold')}</Banner>}
      <CaseWorkflowNotices detail={detail} />
      <SafeContactPanel detail={detail} />
      <nav aria-label={t('page.sections')} className="case-sections">
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <NavLink to={s.id === 'overview' ? `/cases/${detail.id}` : `/cases/${detail.id}/${s.id}`} end aria-current={s.id === current?.id ? 'page' : undefined}>
                {t(s.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {Section ? (
        <Suspense fallback={<Loading />}>
          <Section detail={detail} />
        </Suspense>
      ) : (
        <Banner tone="error" role="alert">
          {t('page.notFound')}
        </Banner>
      )}
    </div>
  );
}
