// /desk/sections/:sectionId/:lang — the editor of one section text: its state, the review note, the source text of
// a translation, the editor itself, the review steps; a conflict dialog when someone saved first, and a warning
// before leaving with unsaved changes.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { SectionEdit, SectionSave } from '#shared/library/library-edit.schema.ts';
import { useMe } from '#web/features/account/me.api.ts';
import { isLibraryLanguage } from '#web/features/library/reader-language.ts';
import { Loading } from '#web/components/ui/loading.tsx';
import { ConflictDialog } from './conflict-dialog.tsx';
import { deskKeys } from './desk.api.ts';
import { DeskLoadError, DeskPage, StateBadge, Time, editorPath } from './desk-frame.tsx';
import { EditorForm } from './editor-form.tsx';
import { LeaveGuard } from './leave-guard.tsx';
import { conflictOf, useSectionEdit, useTextAction, type WorkflowAction } from './section.api.ts';
import { SourceText, TranslationNotice } from './translation-panel.tsx';
import { useDraft } from './use-draft.ts';
import { WorkflowPanel } from './workflow-panel.tsx';

export function SectionEditorPage() {
  const { t } = useTranslation('library-desk');
  const { sectionId = '', lang = '' } = useParams();
  const language = isLibraryLanguage(lang) ? lang : null;
  const query = useSectionEdit(sectionId, language);
  if (query.data) return <SectionEditor key={`${sectionId}:${lang}`} edit={query.data} />;
  return (
    <DeskPage heading={t('editor.documentTitle')} documentTitle={t('editor.documentTitle')} crumbs={[{ to: '/desk', label: t('dashboard.title') }]}>
      {!language ? <p className="alert error">{t('errors.notFound')}</p> : query.isError ? <DeskLoadError error={query.error} /> : <Loading />}
    </DeskPage>
  );
}

function SectionEditor({ edit }: { edit: SectionEdit }) {
  const { t } = useTranslation('library-desk');
  const client = useQueryClient();
  const accountId = useMe().data?.account.id ?? '';
  const { draft, setDraft, dirty } = useDraft(edit);
  const action = useTextAction(edit.sectionId, edit.language);
  const [conflict, setConflict] = useState<SectionEdit | null>(null);
  const show = (next: SectionEdit) => client.setQueryData(deskKeys.text(edit.sectionId, edit.language), next);

  const run = async (step: WorkflowAction): Promise<SectionEdit> => {
    try {
      return await action.mutateAsync(step);
    } catch (error) {
      const current = conflictOf(error);
      // NOTE: a stale save asks the editor what to do first; a stale review step just shows the text as it is now.
      if (current && step.kind === 'save') setConflict(current);
      else if (current) show(current);
      throw error;
    }
  };
  const loadNewer = (current: SectionEdit) => {
    setConflict(null);
    show(current);
    setDraft({ title: current.current?.title ?? '', bodyMd: current.current?.bodyMd ?? '' });
  };
  const keepMine = (current: SectionEdit) => {
    setConflict(null);
    show(current);
  };
  const heading = edit.current?.title ?? t('editor.newText', { language: t(`library:languages.${edit.language}`) });
  return (
    <DeskPage
      heading={heading}
      headingLang={edit.current ? edit.language : undefined}
      documentTitle={t('editor.documentTitle')}
      crumbs={[
        { to: '/desk', label: t('dashboard.title') },
        { to: `/desk/publications/${edit.publication.slug}`, label: edit.publication.title },
      ]}
    >
      <TextFacts edit={edit} />
      {edit.reviewNote && (
        <div className="alert notice">
          <p>
            <strong>{t('editor.returned', { name: edit.reviewNote.byName ?? t('editor.aReviewer') })}</strong> <Time date={edit.reviewNote.at} />
          </p>
          <p className="pre-wrap">{edit.reviewNote.note}</p>
        </div>
      )}
      {edit.translation && <TranslationNotice edit={edit} translation={edit.translation} />}
      <div className={edit.translation ? 'editor-layout with-source' : 'editor-layout'}>
        <div className="editor-main">
          <EditorForm edit={edit} draft={draft} onDraft={setDraft} dirty={dirty} pending={action.isPending} save={(input: SectionSave) => run({ kind: 'save', input })} />
        </div>
        {edit.translation && <SourceText translation={edit.translation} />}
      </div>
      <WorkflowPanel edit={edit} accountId={accountId} dirty={dirty} pending={action.isPending} run={run} />
      {conflict && <ConflictDialog current={conflict} onLoad={() => loadNewer(conflict)} onKeep={() => keepMine(conflict)} />}
      <LeaveGuard dirty={dirty} />
    </DeskPage>
  );
}

function TextFacts({ edit }: { edit: SectionEdit }) {
  const { t } = useTranslation('library-desk');
  const revision = edit.current;
  return (
    <>
      <dl className="facts">
        <dt>{t('editor.chapter')}</dt>
        <dd lang={edit.language}>{edit.chapter.title}</dd>
        <dt>{t('editor.language')}</dt>
        <dd>{t(`library:languages.${edit.language}`)}</dd>
        <dt>{t('editor.state')}</dt>
        <dd>
          <StateBadge state={edit.state} outdated={edit.translation?.outdated ?? false} />
        </dd>
        {revision && (
          <>
            <dt>{t('editor.revision')}</dt>
            <dd>
              {revision.authorName ? t('editor.revisionBy', { number: revision.number, name: revision.authorName }) : t('editor.revisionImported', { number: revision.number })}{' '}
              <Time date={revision.createdAt} />
            </dd>
          </>
        )}
        {edit.published && edit.published.id !== revision?.id && (
          <>
            <dt>{t('editor.readersSee')}</dt>
            <dd>{t('editor.readersSeeRevision', { number: edit.published.number })}</dd>
          </>
        )}
      </dl>
      <p className="actions-row">
        {revision && <Link to={`${editorPath(edit.sectionId, edit.language)}/revisions`}>{t('editor.revisionsLink')}</Link>}
        {edit.published && <Link to={`/library/${edit.publication.slug}/${edit.chapter.slug}#${edit.sectionSlug}`}>{t('editor.readerLink')}</Link>}
      </p>
    </>
  );
}
