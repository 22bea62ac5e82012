// The certificate of a passed course, on the course page: "Get the course certificate" asks the server for it (made
// once; asking again returns the same), then its code, the downloads and the verification link, as on /certificates.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { CertificateActions } from '#web/features/certificates/certificate-actions.tsx';
import { useIssueCourse } from '#web/features/certificates/certificates.api.ts';

export function CourseCertificate({ enrolmentId }: { enrolmentId: string }) {
  const { t } = useTranslation('learning');
  const { t: tc } = useTranslation('certificates');
  const issue = useIssueCourse();
  const certificate = issue.data?.certificate;
  if (certificate) {
    return (
      <div className="stack">
        <p>
          {tc('registration.ready')} <strong className="certificate-code">{certificate.code}</strong>
        </p>
        <CertificateActions certificate={certificate} source={{ owner: true }} />
        <p>
          <Link to="/certificates">{tc('mine.title')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="stack">
      <div>
        <BusyButton busy={issue.isPending} onClick={() => issue.mutate(enrolmentId)}>
          {t('course.getCertificate')}
        </BusyButton>
      </div>
      {issue.isError && (
        <p className="alert error" role="alert">
          {tc('errors.generic')}
        </p>
      )}
    </div>
  );
}
