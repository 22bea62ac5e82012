// One section of a chapter (deep-linkable by its slug) and the chapter's in-page table of sections.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabelledTableCells } from '#web/components/ui/label-table-cells.ts';
import type { ChapterSection as Section, LibraryLanguage } from '#shared/library/library.schema.ts';
import { ReportProblem } from './report-problem.tsx';

export function SectionsNav({ sections }: { sections: Section[] }) {
  const { t } = useTranslation('library');
  if (sections.length < 2) return null;
  return (
    <nav aria-labelledby="in-this-chapter" className="sections-nav">
      <h2 id="in-this-chapter">{t('chapter.inThisChapter')}</h2>
      <ol>
        {sections.map((section) => (
          <li key={section.id}>
            <a href={`#${section.slug}`} lang={section.fallback ? section.language : undefined}>
              {section.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function ChapterSection({ section, pageLanguage }: { section: Section; pageLanguage: LibraryLanguage }) {
  const { t } = useTranslation('library');
  const headingId = section.slug;
  const prose = useRef<HTMLDivElement>(null);
  useLabelledTableCells(prose, section.html);
  return (
    <section className="chapter-section" aria-labelledby={headingId} lang={section.language === pageLanguage ? undefined : section.language}>
      <h2 id={headingId} tabIndex={-1} data-section-heading="">
        {section.title}
      </h2>
      {section.outdated && (
        <p className="badge" lang={pageLanguage}>
          {t('chapter.sectionOutdated')}
        </p>
      )}
      {/* NOTE: the only HTML we inject: rendered from Markdown and sanitised by the server (library service). */}
      {/* NOTE: its tables' cells get their column's name (data-label), shown when a phone stacks the rows. */}
      <div className="prose" ref={prose} dangerouslySetInnerHTML={{ __html: section.html }} />
      <div lang={pageLanguage}>
        <ReportProblem sectionId={section.id} language={section.language} />
      </div>
    </section>
  );
}
