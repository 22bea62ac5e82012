// The sender's "new package version": the package never changes after sending except as a new version, on a consent
// that allows it now (the server checks it again). Prefilled from the current version.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ReferralDetailSchema, type ReferralDetail, type ReferralPackageInput } from '#shared/referrals/referral.schema.ts';
import { Banner } from '#web/components/ui/banner.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { SelectField, apiError } from '#web/components/ui/form.tsx';
import { request } from '#web/lib/api.ts';
import { PackageFields, type PackageDraft } from './package-fields.tsx';
import { CaseConsentChooser } from '#web/features/cases/case-consent-chooser.tsx';
import { referralKeys, useConsentsFor } from './referrals.api.ts';

function draftOf(referral: ReferralDetail): PackageDraft {
  const p = referral.package!;
  return {
    subjectCode: p.subjectCode,
    ageBand: p.ageBand,
    sex: p.sex ?? 'unknown',
    languages: p.languages.join(', '),
    needs: p.needs,
    urgency: p.urgency,
    safeContact: p.safeContact ?? '',
    note: p.note ?? '',
    name: p.identity?.name ?? '',
    birthYear: p.identity?.birthYear ? String(p.identity.birthYear) : '',
    phone: p.identity?.phone ?? '',
  };
}

function bodyOf(v: PackageDraft, consentId: string): ReferralPackageInput {
  const identity = v.name || v.birthYear || v.phone ? { ...(v.name ? { name: v.name } : {}), ...(v.birthYear ? { birthYear: Number(v.birthYear) } : {}), ...(v.phone ? { phone: v.phone } : {}) } : null;
  const languages = v.languages.split(/[\s,;]+/).map((l) => l.trim().toLowerCase()).filter(Boolean);
  return { subjectCode: v.subjectCode.trim(), ageBand: v.ageBand as never, sex: v.sex as never, languages, needs: v.needs as never, urgency: v.urgency as never, safeContact: v.safeContact || null, note: v.note || null, identity, consentId };
}

export function PackageVersionForm({ referral, onDone, onCancel }: { referral: ReferralDetail; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation('referrals');
  const client = useQueryClient();
  const consents = useConsentsFor(referral.serviceId);
  const usable = (consents.data?.consents ?? []).filter((c) => c.state === 'active');
  const [draft, setDraft] = useState(() => draftOf(referral));
  const [consentId, setConsentId] = useState(referral.consentId ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: ReferralPackageInput) => request('POST', `/api/referrals/${referral.id}/package`, { body, schema: ReferralDetailSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: referralKeys.all }),
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await save.mutateAsync(bodyOf(draft, consentId));
      onDone();
    } catch (err) {
      setError(apiError(err)?.body.message ?? t('common:error.generic'));
    }
  };
  // NOTE: a referral made from a case relies on the case's consent in force; its identity stays in the case's vault.
  const fromCase = referral.sourceCaseId ?? null;
  const identityAllowed = !fromCase && !!usable.find((c) => c.id === consentId)?.coversIdentity;
  return (
    <form className="referral-form" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('detail.newVersion')}</h2>
      <p>{t('detail.newVersionLead')}</p>
      {error && (
        <Banner tone="error" role="alert">
          <p>{error}</p>
        </Banner>
      )}
      {fromCase ? (
        <CaseConsentChooser caseId={fromCase} serviceId={referral.serviceId} value={consentId || null} onChange={(id) => setConsentId(id ?? '')} />
      ) : (
        <SelectField id="version-consent" label={t('form.existingConsent')} value={consentId} onChange={setConsentId} options={[{ value: '', label: '—' }, ...usable.map((c) => ({ value: c.id, label: `${c.subjectCode} · ${c.expiresAt.toISOString().slice(0, 10)}` }))]} />
      )}
      <PackageFields value={draft} onChange={setDraft} errors={{}} identityAllowed={identityAllowed} />
      <div className="actions-row">
        <BusyButton type="submit" busy={save.isPending}>
          {t('detail.saveVersion')}
        </BusyButton>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common:form.cancel')}
        </button>
      </div>
    </form>
  );
}
