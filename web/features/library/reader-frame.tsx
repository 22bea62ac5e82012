// The frame of a reader page: a neutral document title (chapter titles never reach the tab or the history), a
// breadcrumb trail, and the h1 that receives focus after navigation unless the page focuses a deep-linked section.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNavigatedInApp } from '#web/components/page.tsx';

export interface Crumb {
  to: string;
  label: string;
}

interface ReaderPageProps {
  heading: string;
  /** Without " · Pro Health"; kept neutral (e.g. "Chapter 3 · Good practice guide"). */
  documentTitle: string;
  crumbs?: Crumb[];
  /** False when the page moves focus itself (a #section deep link). */
  focusHeading?: boolean;
  /** The language of the heading when it differs from the page's (a title shown in the source language). */
  headingLang?: string;
  children: ReactNode;
}

export function ReaderPage({ heading, documentTitle, crumbs = [], focusHeading = true, headingLang, children }: ReaderPageProps) {
  const h1 = useRef<HTMLHeadingElement>(null);
  const navigated = useNavigatedInApp();
  useEffect(() => {
    document.title = `${documentTitle} · Pro Health`;
  }, [documentTitle]);
  useEffect(() => {
    // NOTE: on the page the browser loaded focus stays at the top, so the first Tab reaches the skip link. Only on
    // arrival: later re-renders (language switch) must not steal focus from the language select.
    if (focusHeading && navigated) h1.current?.focus();
  }, []);
  return (
    <div className="reader">
      {crumbs.length > 0 && <Breadcrumbs crumbs={crumbs} />}
      <h1 tabIndex={-1} ref={h1} lang={headingLang}>
        {heading}
      </h1>
      {children}
    </div>
  );
}

function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  const { t } = useTranslation('library');
  return (
    <nav aria-label={t('breadcrumb')} className="breadcrumbs">
      <ol>
        {crumbs.map((crumb) => (
          <li key={crumb.to}>
            <Link to={crumb.to}>{crumb.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
