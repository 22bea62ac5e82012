// On a passed course: asks for the course certificate (issued once; asking again gives the same one), then opens
// "My certificates", where the PDF, the credential file and the verification link are.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BusyButton } from '#web/components/ui/busy-button.tsx';
import { useIssueCourse } from '#web/features/certificates/certificates.api.ts';

export function CourseCertificateButton({ enrolmentId }: { enrolmentId: string }) {
  const { t } = useTranslation('learning');
  const issue = useIssueCourse();
  const navigate = useNavigate();
  return (
    <>
      <BusyButton busy={issue.isPending} onClick={() => issue.mutate(enrolmentId, { onSuccess: () => navigate('/certificates') })}>
        {t('course.getCertificate')}
      </BusyButton>
      {issue.isError && (
        <span className="alert error" role="alert">
          {t('course.certificateError')}
        </span>
      )}
    </>
  );
}
