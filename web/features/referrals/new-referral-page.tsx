// /referrals/new — refer a person to one service: choose the service, the consent naming its organisation, and fill
// the minimum dataset; send now or keep a draft. The identification aid may hand over a prefill in router state; a
// case page starts it with ?case=<id>: the package carries the case code and the consent is the case's record.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { ReferralPrefill } from '#shared/referrals/referral-vocabulary.ts';
import type { ReferralCreate } from '#shared/referrals/referral.schema.ts';
import { SERVICE_CATEGORIES } from '#shared/directory/taxonomy.ts';
import { Page } from '#web/components/page.tsx';
import { Banner } from '#web/components/ui/banner.tsx';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { ErrorSummary, apiError, useFormErrors } from '#web/components/ui/form.tsx';
import { asSent, request } from '#web/lib/api.ts';
import { CaseConsentChooser } from '#web/features/cases/case-consent-chooser.tsx';
import { useReferringCase } from '#web/features/cases/case-consent.api.ts';
import { ConsentChooser } from './consent-chooser.tsx';
import { PackageFields, emptyPackage, type PackageDraft } from './package-fields.tsx';
import { useConsentsFor, useCreateReferral } from './referrals.api.ts';
import { ServicePicker, type ChosenService } from './service-picker.tsx';

function fromPrefill(p: ReferralPrefill | undefined): PackageDraft {
  if (!p) return emptyPackage;
  return {
    ...emptyPackage,
    ageBand: p.ageBand ?? emptyPackage.ageBand,
    sex: p.sex ?? emptyPackage.sex,
    languages: (p.languages ?? []).join(', '),
    needs: (p.needs ?? []).filter((n) => (SERVICE_CATEGORIES as readonly string[]).includes(n)),
    urgency: p.urgency ?? emptyPackage.urgency,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toBody(service: ChosenService, consentId: string, v: PackageDraft, send: boolean, caseId: string | null): ReferralCreate {
  const identity = v.name || v.birthYear || v.phone ? { ...(v.name ? { name: v.name } : {}), ...(v.birthYear ? { birthYear: Number(v.birthYear) } : {}), ...(v.phone ? { phone: v.phone } : {}) } : null;
  const languages = v.languages.split(/[\s,;]+/).map((l) => l.trim().toLowerCase()).filter(Boolean);
  return {
    serviceId: service.id,
    send,
    ...(caseId ? { caseId } : {}),
    package: { subjectCode: v.subjectCode.trim(), ageBand: v.ageBand as never, sex: v.sex as never, languages, needs: v.needs as never, urgency: v.urgency as never, safeContact: v.safeContact || null, note: v.note || null, identity, consentId },
  };
}

export function NewReferralPage() {
  const { t } = useTranslation('referrals');
  const prefill = (useLocation().state as { prefill?: ReferralPrefill } | null)?.prefill;
  const asked = useSearchParams()[0].get('case');
  const caseId = asked && UUID.test(asked) ? asked : null;
  const fromCase = useReferringCase(caseId);
  const [service, setService] = useState<ChosenService | null>(null);
  const [consentId, setConsentId] = useState<string | null>(null);
  const [pack, setPack] = useState<PackageDraft>(() => fromPrefill(prefill));
  const consents = useConsentsFor(service?.id ?? null);
  // NOTE: from a case, identity stays in the case's vault: the package goes without it.
  const identityAllowed = !caseId && !!consents.data?.consents.find((c) => c.id === consentId)?.coversIdentity;
  const create = useCreateReferral();
  const navigate = useNavigate();
  const form = useFormErrors();
  const caseCode = fromCase.data?.code;
  useEffect(() => {
    if (caseCode) setPack((p) => ({ ...p, subjectCode: caseCode }));
  }, [caseCode]);
  useEffect(() => {
    if (!prefill?.serviceId) return;
    void request('GET', `/api/directory/services/${prefill.serviceId}`, { schema: asSent<ChosenService>() }).then(setService, () => undefined);
  }, [prefill?.serviceId]);

  const submit = async (send: boolean, e?: FormEvent) => {
    e?.preventDefault();
    if (!service) return form.fail({}, t('form.needService'));
    if (!consentId) return form.fail({}, t('form.needConsent'));
    if (!pack.subjectCode.trim()) return form.fail({ subjectCode: t('common:form.required') });
    try {
      const created = await create.mutateAsync(toBody(service, consentId, pack, send, caseId));
      void navigate(`/referrals/${created.id}`);
    } catch (error) {
      const api = apiError(error);
      const fields = Object.fromEntries(Object.entries(api?.body.fields ?? {}).map(([k, m]) => [k.replace(/^package\./, ''), m]));
      form.fail(fields, api?.body.message ?? t('common:error.generic'));
    }
  };
  const items = Object.entries(form.errors).map(([k, message]) => ({ id: `package-${k === 'subjectCode' ? 'code' : k}`, label: k, message: message ?? '' }));
  return (
    <Page title={t('form.title')}>
      <p className="lead">{t('form.lead')}</p>
      {prefill && <Banner>{t('form.prefilled')}</Banner>}
      {caseCode && <Banner>{t('case-consent:fromCase', { code: caseCode })}</Banner>}
      <ErrorSummary items={items} formError={form.formError} summaryRef={form.summaryRef} />
      <Card labelledBy="step-service">
        <h2 id="step-service">{t('form.serviceStep')}</h2>
        {service ? (
          <div className="chosen-service">
            <p>
              <strong>{service.name}</strong> · {service.organizationName}
              {!service.onPlatform && ` · ${t('form.offPlatform')}`}
            </p>
            <button type="button" className="secondary" onClick={() => (setService(null), setConsentId(null))}>
              {t('form.change')}
            </button>
          </div>
        ) : (
          <ServicePicker onChoose={setService} />
        )}
      </Card>
      {service && (
        <form onSubmit={(e) => void submit(true, e)} noValidate className="referral-form">
          <Card labelledBy="step-package">
            <h2 id="step-package" className="visually-hidden">
              {t('form.packageStep')}
            </h2>
            <PackageFields value={pack} onChange={setPack} errors={form.errors} identityAllowed={identityAllowed} />
          </Card>
          <Card>
            {caseId ? (
              <CaseConsentChooser caseId={caseId} serviceId={service.id} value={consentId} onChange={setConsentId} />
            ) : (
              <ConsentChooser serviceId={service.id} subjectCode={pack.subjectCode} value={consentId} onChange={setConsentId} />
            )}
          </Card>
          <div className="actions-row">
            <BusyButton type="submit" busy={create.isPending && create.variables?.send === true}>
              {t('form.send')}
            </BusyButton>
            <BusyButton className="secondary" busy={create.isPending && create.variables?.send === false} onClick={() => void submit(false)}>
              {t('form.saveDraft')}
            </BusyButton>
          </div>
        </form>
      )}
    </Page>
  );
}
