// The frame of a desk page: a neutral document title, a breadcrumb trail back to the desk, and the h1 that takes
// focus on arrival; plus small pieces every desk page uses (state badge, dates, load errors).
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TextState } from '#shared/library/library-edit.schema.ts';
import { ApiRequestError } from '#web/lib/api.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { Tag } from '#web/components/ui/tag.tsx';

export interface Crumb {
  to: string;
  label: string;
}

interface DeskPageProps {
  heading: string;
  /** Kept neutral: never a chapter or section title (they would reach the tab title and the browser history). */
  documentTitle: string;
  crumbs?: Crumb[];
  /** The language of the heading when it is content in another language than the page's. */
  headingLang?: string | undefined;
  children: ReactNode;
}

export function DeskPage({ heading, documentTitle, crumbs = [], headingLang, children }: DeskPageProps) {
  const { t } = useTranslation('library-desk');
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${documentTitle} · Pro Health`;
  }, [documentTitle]);
  useEffect(() => {
    h1.current?.focus();
  }, []);
  return (
    <div className="desk">
      {crumbs.length > 0 && (
        <nav aria-label={t('breadcrumb')} className="breadcrumbs">
          <ol>
            {crumbs.map((crumb) => (
              <li key={crumb.to}>
                <Link to={crumb.to}>{crumb.label}</Link>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <h1 tabIndex={-1} ref={h1} lang={headingLang}>
        {heading}
      </h1>
      {children}
    </div>
  );
}

/** draft / in review / published, in words (never colour alone); null = this language has no text yet. */
export function StateBadge({ state, outdated = false }: { state: TextState | null; outdated?: boolean }) {
  const { t } = useTranslation('library-desk');
  return (
    <>
      <span className={`badge state-${state ?? 'none'}`}>{t(`state.${state ?? 'none'}`)}</span>
      {outdated && <Tag tone="warning">{t('state.outdated')}</Tag>}
    </>
  );
}

export function useFormatTime(): (date: Date) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (date) => format.format(date);
}

export function Time({ date }: { date: Date }) {
  const format = useFormatTime();
  return <time dateTime={date.toISOString()}>{format(date)}</time>;
}

export function statusOf(error: unknown): number | null {
  return error instanceof ApiRequestError ? error.status : null;
}

/** A desk request that failed: not allowed (no editor or reviewer role here), not found, or anything else. */
export function DeskLoadError({ error }: { error: unknown }) {
  const { t } = useTranslation('library-desk');
  const status = statusOf(error);
  const key = status === 403 ? 'errors.forbidden' : status === 404 ? 'errors.notFound' : 'common:error.generic';
  return (
    <Banner tone="error" role="alert">
      {t(key)}
    </Banner>
  );
}


export const editorPath = (sectionId: string, lang: string) => `/desk/sections/${sectionId}/${lang}`;
