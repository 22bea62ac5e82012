// /cases/:id/identity — the identity vault, fetched only when this part is opened (each read is audited, so the page
// says so). Holders of the identity grant view it and, with a team grant, edit it; possible duplicates are shown.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { CaseIdentity } from '#shared/cases/case.schema.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { apiError, ErrorSummary, SubmitOrCancel, useFormErrors } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import type { CaseSectionProps } from './case-sections.ts';
import { useIdentity, useUpdateIdentity } from './cases.api.ts';
import { DuplicatesNotice } from './duplicates-notice.tsx';
import { IdentityFields, identityDraftOf, identityOf, type IdentityDraft } from './identity-fields.tsx';

export function CaseIdentitySection({ detail }: CaseSectionProps) {
  const { t } = useTranslation('cases');
  const identity = useIdentity(detail.id, true);
  const notSaved = (useLocation().state as { identityNotSaved?: boolean } | null)?.identityNotSaved === true;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const mayEdit = detail.grant.teamCategories.includes('identity') && !detail.anonymisedAt;
  return (
    <Card labelledBy="identity-title">
      <h2 id="identity-title">{t('identity.title')}</h2>
      <p className="case-audit-note">{t('identity.auditNote')}</p>
      {notSaved && !identity.data?.version && <Banner tone="error">{t('identity.notSaved')}</Banner>}
      {identity.isPending && <Loading />}
      {identity.isError && (
        <Banner tone="error" role="alert">
          {t('identity.loadError')}
        </Banner>
      )}
      {saved && !editing && (
        <Banner tone="success" role="status">
          <p>{t('identity.saved')}</p>
        </Banner>
      )}
      {identity.data && <DuplicatesNotice matches={identity.data.duplicates} />}
      {identity.data && editing && <IdentityForm caseId={detail.id} childPath={detail.childPath} identity={identity.data} onDone={() => (setEditing(false), setSaved(true))} onCancel={() => setEditing(false)} />}
      {identity.data && !editing && (
        <>
          {mayEdit && (
            <p>
              <button type="button" className="secondary" onClick={() => (setSaved(false), setEditing(true))}>
                {t('identity.edit')}
              </button>
            </p>
          )}
          <IdentityView identity={identity.data} childPath={detail.childPath} />
        </>
      )}
    </Card>
  );
}

function IdentityView({ identity, childPath }: { identity: CaseIdentity; childPath: boolean }) {
  const { t, i18n } = useTranslation('cases');
  const none = t('overview.notRecorded');
  const birth = identity.birthDate ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${identity.birthDate}T00:00:00Z`)) : none;
  const list = (items: string[]) =>
    items.length === 0 ? (
      none
    ) : (
      <ul className="plain-list">
        {items.map((x, i) => (
          <li key={i}>{x}</li>
        ))}
      </ul>
    );
  return (
    <dl className="facts">
      <dt>{t('identity.givenName')}</dt>
      <dd>{identity.givenName ?? none}</dd>
      <dt>{t('identity.familyName')}</dt>
      <dd>{identity.familyName ?? none}</dd>
      <dt>{t('identity.birthDate')}</dt>
      <dd>{birth}</dd>
      <dt>{t('identity.contacts')}</dt>
      <dd>{list(identity.contacts.map((c) => `${t(`contactKind.${c.kind}`)}: ${c.value}`))}</dd>
      <dt>{t('identity.addresses')}</dt>
      <dd>{list(identity.addresses.map((a) => `${t(`addressKind.${a.kind}`)}: ${a.text}`))}</dd>
      <dt>{t('identity.documents')}</dt>
      <dd>{list(identity.documents.map((d) => `${t(`documentType.${d.type}`)}: ${d.number}`))}</dd>
      {childPath && (
        <>
          <dt>{t('identity.guardian')}</dt>
          <dd>{identity.guardian ? [identity.guardian.name, identity.guardian.relationship, identity.guardian.contact].filter(Boolean).join(', ') : none}</dd>
        </>
      )}
    </dl>
  );
}

function IdentityForm(props: { caseId: string; childPath: boolean; identity: CaseIdentity; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation('cases');
  const [draft, setDraft] = useState<IdentityDraft>(() => identityDraftOf(props.identity));
  const save = useUpdateIdentity(props.caseId);
  const [conflict, setConflict] = useState(false);
  const { formError, summaryRef, fail, clear } = useFormErrors();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    try {
      await save.mutateAsync({ ...identityOf(draft, props.childPath), version: props.identity.version });
      props.onDone();
    } catch (error) {
      const api = apiError(error);
      // NOTE: the identity is refetched after a conflict (onSettled); the reader's input stays in this form.
      if (api?.status === 409) setConflict(true);
      fail({}, api?.status === 409 ? t('identity.conflict') : (api?.body.message ?? t('common:error.generic')));
    }
  };
  return (
    <form className="case-form" onSubmit={submit} noValidate aria-label={t('identity.edit')}>
      <ErrorSummary items={[]} formError={formError} summaryRef={summaryRef} />
      {conflict && (
        <details className="case-conflict">
          <summary>{t('overview.theirValues')}</summary>
          <IdentityView identity={props.identity} childPath={props.childPath} />
        </details>
      )}
      <IdentityFields value={draft} onChange={setDraft} childPath={props.childPath} idPrefix="id" />
      <SubmitOrCancel pending={save.isPending} onCancel={props.onCancel}>
        {t('identity.save')}
      </SubmitOrCancel>
    </form>
  );
}
