// /desk/publications/:slug — chapters and sections of a publication with the state of each language's text, so an
// editor can open any section, including one with no draft and languages not started yet.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LIBRARY_LANGUAGES } from '#shared/lib/languages.ts';
import { Loading } from '#web/components/ui/loading.tsx';
import { usePublicationTree } from './desk.api.ts';
import { DeskLoadError, DeskPage, StateBadge, editorPath } from './desk-frame.tsx';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';

type TextStatus = { language: string; title: string | null };

/** The section's title in the page's language when that text exists, else in the source language. */
function sectionTitle(texts: TextStatus[], pageLanguage: string, sourceLanguage: string): { title: string; language: string } | null {
  for (const language of [pageLanguage, sourceLanguage]) {
    const title = texts.find((x) => x.language === language)?.title;
    if (title) return { title, language };
  }
  return null;
}

export function PublicationPage() {
  const { t, i18n } = useTranslation('library-desk');
  const { slug = '' } = useParams();
  const tree = usePublicationTree(slug);
  const crumbs = [{ to: '/desk', label: t('dashboard.title') }];
  if (!tree.data) {
    return (
      <DeskPage heading={t('publication.title')} documentTitle={t('publication.title')} crumbs={crumbs}>
        {tree.isPending ? <Loading /> : <DeskLoadError error={tree.error} />}
      </DeskPage>
    );
  }
  const { data } = tree;
  return (
    <DeskPage heading={data.title} documentTitle={t('publication.title')} crumbs={crumbs}>
      <p className="muted">{t('publication.sourceLanguage', { language: t(`library:languages.${data.sourceLanguage}`) })}</p>
      {data.chapters.map((chapter, index) => (
        <section key={chapter.slug} aria-labelledby={`chapter-${chapter.slug}`}>
          <h2 id={`chapter-${chapter.slug}`}>
            <span className="toc-number">{t('publication.chapter', { number: index + 1 })}</span>
            {chapter.title}
          </h2>
          {chapter.audience === 'professionals' && <p className="muted">{t('publication.professionals')}</p>}
          <TableWrap label={t('publication.caption', { chapter: chapter.title })}>
            <table className="desk-tree">
              <caption className="visually-hidden">{t('publication.caption', { chapter: chapter.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('publication.section')}</th>
                  {LIBRARY_LANGUAGES.map((lang) => (
                    <th scope="col" key={lang}>
                      {t(`library:languages.${lang}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {chapter.sections.map((section) => {
                  const shown = sectionTitle(section.texts, i18n.language, data.sourceLanguage) ?? { title: section.slug, language: data.sourceLanguage };
                  return (
                    <tr key={section.id}>
                      <th scope="row" lang={shown.language}>
                        {shown.title}
                      </th>
                      {section.texts.map((text) => (
                        <td key={text.language}>
                          <StateBadge state={text.state} outdated={text.outdated} />{' '}
                          {/* NOTE: the name says which text it opens and still holds the visible word (WCAG 2.5.3). */}
                          <Link to={editorPath(section.id, text.language)} aria-label={t('publication.open', { section: shown.title, language: t(`library:languages.${text.language}`) })}>
                            {t('publication.openShort')}
                          </Link>
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ))}
    </DeskPage>
  );
}
