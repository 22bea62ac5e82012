// /desk/sections/:sectionId/:lang/revisions — every saved revision of a section text (number, author, time, note),
// a comparison of any revision with the current one (?from=&to= also compares two given revisions; a text in review
// opens compared with its published version), and restoring an old revision as a new draft.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { RevisionSummary, SectionEdit } from '#shared/library/library-edit.schema.ts';
import type { LibraryLanguage } from '#shared/library/library.schema.ts';
import { isLibraryLanguage } from '#web/features/library/reader-language.ts';
import { Loading } from '#web/components/ui/loading.tsx';
import { DeskLoadError, DeskPage, Time, editorPath } from './desk-frame.tsx';
import { DiffView } from './diff-view.tsx';
import { conflictOf, useDiff, useRevisions, useSectionEdit, useTextAction } from './section.api.ts';
import { TableWrap } from '#web/components/ui/table-wrap.tsx';
import { useMe } from '#web/features/account/me.api.ts';
import { WorkflowPanel } from './workflow-panel.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';

export function RevisionsPage() {
  const { t } = useTranslation('library-desk');
  const { sectionId = '', lang = '' } = useParams();
  const language = isLibraryLanguage(lang) ? lang : null;
  const edit = useSectionEdit(sectionId, language);
  const crumbs = [{ to: '/desk', label: t('dashboard.title') }];
  if (!edit.data || !language) {
    return (
      <DeskPage heading={t('revisions.title')} documentTitle={t('revisions.title')} crumbs={crumbs}>
        {!language ? <p className="alert error">{t('errors.notFound')}</p> : edit.isError ? <DeskLoadError error={edit.error} /> : <Loading />}
      </DeskPage>
    );
  }
  crumbs.push({ to: `/desk/publications/${edit.data.publication.slug}`, label: edit.data.publication.title });
  crumbs.push({ to: editorPath(sectionId, language), label: t('revisions.backToEditor') });
  return (
    <DeskPage heading={t('revisions.title')} documentTitle={t('revisions.title')} crumbs={crumbs}>
      <p className="lead">
        <span lang={language}>{edit.data.current?.title ?? edit.data.sectionSlug}</span> · {t(`library:languages.${language}`)}
      </p>
      <History edit={edit.data} lang={language} />
      <ReviewSteps edit={edit.data} lang={language} />
    </DeskPage>
  );
}

function History({ edit, lang }: { edit: SectionEdit; lang: LibraryLanguage }) {
  const { t } = useTranslation('library-desk');
  const revisions = useRevisions(edit.sectionId, lang);
  const [params, setParams] = useSearchParams();
  const restore = useTextAction(edit.sectionId, lang);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const diffHeading = useRef<HTMLHeadingElement>(null);
  // NOTE: a text in review opens on what changed since the published version: that is what the reviewer must read.
  const sincePublished = edit.state === 'in_review' && edit.published && edit.published.id !== edit.current?.id ? edit.published.id : null;
  const from = params.get('from') ?? sincePublished;
  const to = params.get('to') ?? edit.current?.id ?? null;
  const compare = (revision: RevisionSummary) => {
    setParams({ from: revision.id, ...(edit.current ? { to: edit.current.id } : {}) });
    requestAnimationFrame(() => diffHeading.current?.focus());
  };
  const restoreRevision = async (revision: RevisionSummary) => {
    setMessage(null);
    try {
      const next = await restore.mutateAsync({ kind: 'restore', version: edit.version, revisionId: revision.id });
      setMessage({ text: t('revisions.restored', { from: revision.number, number: next.current?.number ?? 0 }), error: false });
    } catch (error) {
      setMessage({ text: t(conflictOf(error) ? 'revisions.changed' : 'common:error.generic'), error: true });
    }
  };
  if (revisions.isPending) return <Loading />;
  if (revisions.isError) return <DeskLoadError error={revisions.error} />;
  return (
    <>
      <div role="status">
        {message && (
          <p className={message.error ? 'alert error' : 'alert success'}>
            {message.text} {!message.error && <Link to={editorPath(edit.sectionId, lang)}>{t('revisions.openEditor')}</Link>}
          </p>
        )}
      </div>
      <TableWrap label={t('revisions.caption')}>
        <table>
          <caption className="visually-hidden">{t('revisions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('revisions.number')}</th>
              <th scope="col">{t('revisions.author')}</th>
              <th scope="col">{t('revisions.time')}</th>
              <th scope="col">{t('revisions.note')}</th>
              <th scope="col">{t('revisions.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {revisions.data.revisions.map((revision) => (
              <tr key={revision.id} aria-current={revision.id === from ? 'true' : undefined}>
                <th scope="row">
                  {t('revisions.numbered', { number: revision.number })}
                  {revision.isCurrent && <span className="badge">{t('revisions.current')}</span>}
                  {revision.isPublished && <span className="badge state-published">{t('revisions.published')}</span>}
                </th>
                <td>{revision.authorName ?? t('revisions.imported')}</td>
                <td>
                  <Time date={revision.createdAt} />
                </td>
                <td className="pre-wrap">{revision.note ?? ''}</td>
                <td>
                  {!revision.isCurrent && (
                    <div className="actions-row">
                      <button type="button" className="secondary" onClick={() => compare(revision)} aria-label={t('revisions.compareNamed', { number: revision.number })}>
                        {t('revisions.compare')}
                      </button>
                      {edit.can.edit && (
                        <BusyButton
                          className="secondary"
                          busy={restore.isPending && restore.variables?.kind === 'restore' && restore.variables.revisionId === revision.id}
                          disabled={restore.isPending}
                          onClick={() => void restoreRevision(revision)}
                          aria-label={t('revisions.restoreNamed', { number: revision.number })}
                        >
                          {t('revisions.restore')}
                        </BusyButton>
                      )}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <section aria-labelledby="diff-heading">
        <h2 id="diff-heading" tabIndex={-1} ref={diffHeading}>
          {t('diff.heading')}
        </h2>
        {from && to ? <Comparison from={from} to={to} /> : <p className="muted">{t('diff.choose')}</p>}
      </section>
    </>
  );
}

/** A text in review is published (or returned) right under its changes: the reviewer need not go back to the editor. */
function ReviewSteps({ edit, lang }: { edit: SectionEdit; lang: LibraryLanguage }) {
  const accountId = useMe().data?.account.id ?? '';
  const action = useTextAction(edit.sectionId, lang);
  // NOTE: decided once when the page opens, so the panel stays to announce the outcome after the text leaves review.
  const [reviewing] = useState(edit.state === 'in_review' && edit.can.review);
  if (!reviewing) return null;
  return <WorkflowPanel edit={edit} accountId={accountId} dirty={false} pending={action.isPending} run={(step) => action.mutateAsync(step)} />;
}

function Comparison({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation('library-desk');
  const [mode, setMode] = useState<'words' | 'lines'>('words');
  const diff = useDiff(from, to, mode);
  return (
    <>
      {diff.data && <p>{t('diff.between', { from: diff.data.from.number, to: diff.data.to.number })}</p>}
      <fieldset className="field diff-mode">
        <legend>{t('diff.mode')}</legend>
        {(['words', 'lines'] as const).map((value) => (
          <label key={value} className="choice">
            <input type="radio" name="diff-mode" value={value} checked={mode === value} onChange={() => setMode(value)} />
            {t(`diff.modes.${value}`)}
          </label>
        ))}
      </fieldset>
      {diff.isPending && <Loading />}
      {diff.isError && <DeskLoadError error={diff.error} />}
      {/* NOTE: the server compares line by line when word by word would take too long (revision-diff.ts). */}
      {diff.data && diff.data.mode !== mode && <p className="alert">{t('diff.fellBack')}</p>}
      {diff.data && <DiffView diff={diff.data} />}
    </>
  );
}
