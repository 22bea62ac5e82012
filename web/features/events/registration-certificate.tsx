// A part of the person's own registration page, owned by the certificates feature: after a checked-in event has
// ended, "Get your certificate", then the PDF, the credential and the verification link.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { apiError } from '#web/components/ui/form.tsx';
import { CertificateActions } from '#web/features/certificates/certificate-actions.tsx';
import { useIssueForRegistration, useRegistrationCertificate } from '#web/features/certificates/certificates.api.ts';
import type { RegistrationSlotProps } from './registration-slots.ts';

export function RegistrationCertificate(props: RegistrationSlotProps): ReactNode {
  // NOTE: nothing to ask the server before the event has ended with the person checked in and confirmed.
  if (!props.eventEnded || !props.checkedIn || props.status !== 'confirmed') return null;
  return <CertificatePart token={props.token} registrationId={props.registrationId} />;
}

function refusalText(t: (key: string) => string, error: unknown): string {
  const refusal = (apiError(error)?.body.current as { refusal?: string } | undefined)?.refusal;
  return refusal ? t(`refusals.${refusal}`) : t('errors.generic');
}

function CertificatePart({ token, registrationId }: { token: string; registrationId: string }) {
  const { t } = useTranslation('certificates');
  const status = useRegistrationCertificate(token, registrationId);
  const issue = useIssueForRegistration(token, registrationId);
  if (!status.data || (!status.data.eligible && !status.data.certificate)) return null;
  const certificate = status.data.certificate ?? issue.data?.certificate ?? null;
  return (
    <section className="card stack" aria-labelledby="registration-certificate-heading">
      <h2 id="registration-certificate-heading">{t('registration.heading')}</h2>
      {certificate ? (
        <>
          <p>
            {t('registration.ready')} <strong className="certificate-code">{certificate.code}</strong>
          </p>
          <CertificateActions certificate={certificate} source={{ token }} />
        </>
      ) : (
        <>
          <p>{t('registration.eligible')}</p>
          <div>
            <BusyButton busy={issue.isPending} onClick={() => issue.mutate()}>
              {t('registration.get')}
            </BusyButton>
          </div>
          {issue.isError && (
            <p className="alert error" role="alert">
              {refusalText(t, issue.error)}
            </p>
          )}
        </>
      )}
    </section>
  );
}
