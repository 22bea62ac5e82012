// /verify/:code, public (the QR code on the PDF leads here, no sign-in): the certificate's full claims and status, so
// that an edited PDF shows up against what was issued; and a box to check a credential file.
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '#web/components/page.tsx';
import { apiError } from '#web/components/ui/form.tsx';
import { Loading } from '#web/components/ui/loading.tsx';
import { CredentialCheck } from './credential-check.tsx';
import { useVerification } from './certificates.api.ts';
import { VerificationResult } from './verification-result.tsx';

export function VerifyPage() {
  const { t } = useTranslation('certificates');
  const code = (useParams().code ?? '').toUpperCase();
  const result = useVerification(code);
  const status = apiError(result.error)?.status;
  return (
    <Page title={t('verify.title')}>
      <p>{t('verify.intro')}</p>
      {result.isPending && <Loading />}
      {result.isError && (
        <p className="alert error" role="alert">
          {status === 404 || status === 400 ? t('verify.unknownCode', { code }) : status === 429 ? t('errors.tooMany') : t('errors.generic')}
        </p>
      )}
      {result.data && <VerificationResult verification={result.data} />}
      <CredentialCheck />
    </Page>
  );
}
