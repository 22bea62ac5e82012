// /cases/new — opening a case, directly or from an accepted referral (its id comes in router state, never in the
// address). The identity is optional; when given, the organisation's cases are searched for a possible duplicate
// (blind index) BEFORE the case is opened, and the identity is saved into the vault right after.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { needsChildPath } from '#shared/cases/case-vocabulary.ts';
import type { CaseDuplicates } from '#shared/cases/case.schema.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { apiError, ErrorSummary, SubmitButton, useFormErrors } from '#web/components/ui/form.tsx';
import { useReferral } from '#web/features/referrals/referrals.api.ts';
import { emptyDraft, fieldsOf, validateDraft, type GeneralDraft } from './case-form-model.ts';
import { useCheckDuplicates, useFirstIdentity, useOpenCase } from './cases.api.ts';
import { DuplicatesNotice } from './duplicates-notice.tsx';
import { PersonFields, StatusFields } from './general-fields.tsx';
import { emptyIdentity, hasSearchable, IdentityFields, identityOf, type IdentityDraft } from './identity-fields.tsx';
import { useErrorItems } from './overview-form.tsx';
import { ChildProtectionFields, SafeContactFields } from './safe-contact-fields.tsx';

/** What the referral page hands over: the referral the case is opened from. */
export interface NewCaseState {
  referralId?: string;
}

function referralIdOf(state: unknown): string | undefined {
  const id = (state as NewCaseState | null)?.referralId;
  return typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id) ? id : undefined;
}

export function NewCasePage() {
  const { t } = useTranslation('cases');
  const referralId = referralIdOf(useLocation().state);
  return (
    <Page title={t('new.title')}>
      <p>
        <Link to={referralId ? `/referrals/${referralId}` : '/cases'}>{referralId ? t('new.backToReferral') : t('page.back')}</Link>
      </p>
      {referralId ? <FromReferral referralId={referralId} /> : <p className="lead">{t('new.lead')}</p>}
      <NewCaseForm referralId={referralId} />
    </Page>
  );
}

function FromReferral({ referralId }: { referralId: string }) {
  const { t } = useTranslation('cases');
  const referral = useReferral(referralId);
  return <Banner title={t('new.fromReferral', { reference: referral.data?.reference ?? '…' })}>{t('new.fromReferralHelp')}</Banner>;
}

function NewCaseForm({ referralId }: { referralId: string | undefined }) {
  const { t } = useTranslation('cases');
  const navigate = useNavigate();
  const [draft, setDraft] = useState<GeneralDraft>(emptyDraft);
  const [withIdentity, setWithIdentity] = useState(false);
  const [identity, setIdentity] = useState<IdentityDraft>(emptyIdentity);
  /** The identity the last duplicate check was made for, and what it found: a changed identity is checked again. */
  const [checked, setChecked] = useState<{ key: string; matches: CaseDuplicates['matches'] } | null>(null);
  const open = useOpenCase();
  const duplicates = useCheckDuplicates();
  const firstIdentity = useFirstIdentity();
  const { errors, formError, summaryRef, fail, clear } = useFormErrors();
  const items = useErrorItems(errors, 'nc');
  const childPath = needsChildPath(draft.ageBand);
  const vault = identityOf(identity, childPath);
  const identityKey = JSON.stringify(vault);
  const emptyKey = JSON.stringify(identityOf(emptyIdentity(), childPath));
  const pending = open.isPending || duplicates.isPending || firstIdentity.isPending;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = validateDraft(draft);
    if (Object.keys(found).length > 0) return fail(found);
    clear();
    try {
      if (withIdentity && hasSearchable(vault) && checked?.key !== identityKey) {
        const { givenName, familyName, birthDate, contacts, documents } = vault;
        const result = await duplicates.mutateAsync({ givenName, familyName, birthDate, contacts, documents });
        setChecked({ key: identityKey, matches: result.matches });
        // NOTE: a possible duplicate stops here; the button then says "open anyway" and the next click opens.
        if (result.matches.length > 0) return;
      }
      const { victimContext: _vc, ...general } = fieldsOf(draft);
      const created = await open.mutateAsync({ ...general, victimContext: {}, ...(referralId ? { referralId } : {}) });
      if (withIdentity && identityKey !== emptyKey) {
        try {
          await firstIdentity.mutateAsync({ caseId: created.id, body: { ...vault, version: 0 } });
        } catch {
          // NOTE: the case exists now; the identity section says the identity was not saved and asks for it again.
          return void navigate(`/cases/${created.id}/identity`, { state: { identityNotSaved: true } });
        }
      }
      void navigate(`/cases/${created.id}`);
    } catch (error) {
      fail({}, apiError(error)?.body.message ?? t('common:error.generic'));
    }
  };
  const openAnyway = checked?.key === identityKey && checked.matches.length > 0;
  const props = { value: draft, onChange: setDraft, errors, idPrefix: 'nc' };
  return (
    <form className="case-form" onSubmit={submit} noValidate>
      <ErrorSummary items={items} formError={formError} summaryRef={summaryRef} />
      <PersonFields {...props} />
      <StatusFields {...props} />
      <ChildProtectionFields {...props} />
      <SafeContactFields {...props} />
      <fieldset className="case-fieldset">
        <legend>{t('identity.title')}</legend>
        <p className="hint">{t('new.identityHint')}</p>
        <label className="checkbox">
          <input type="checkbox" checked={withIdentity} onChange={(e) => setWithIdentity(e.target.checked)} /> {t('new.withIdentity')}
        </label>
        {withIdentity && <IdentityFields value={identity} onChange={setIdentity} childPath={childPath} idPrefix="nc-id" />}
      </fieldset>
      {checked?.key === identityKey && checked.matches.length === 0 && (
        <Banner tone="success" role="status">
          <p>{t('duplicates.none')}</p>
        </Banner>
      )}
      {openAnyway && <DuplicatesNotice matches={checked.matches} role="alert" />}
      <SubmitButton pending={pending}>{openAnyway ? t('new.openAnyway') : withIdentity && hasSearchable(vault) && checked?.key !== identityKey ? t('new.checkAndOpen') : t('new.open')}</SubmitButton>
    </form>
  );
}
