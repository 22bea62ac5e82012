// The person's check-in code on their registration page (/registration#<token>): a large black-on-white QR code and
// the short code beneath it for typing by hand, only for a confirmed place. Asked for with the link's secret in a
// POST body and drawn here as SVG, so the secret never appears in a URL and the code prints sharply.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchRegistrationQr } from './check-in.api.ts';
import { qrPath } from './qr-matrix.ts';
import type { RegistrationSlotProps } from './registration-slots.ts';

export function RegistrationQr({ token, status, eventEnded }: RegistrationSlotProps) {
  const { t } = useTranslation('event-check-in');
  const confirmed = status === 'confirmed' && !eventEnded;
  const qr = useQuery({ queryKey: ['registration-qr', token], queryFn: () => fetchRegistrationQr(token), enabled: confirmed, staleTime: Infinity, retry: 1 });
  if (!confirmed) return null;
  return (
    <section className="registration-qr card" aria-labelledby="registration-qr-heading">
      <h2 id="registration-qr-heading">{t('qr.heading')}</h2>
      <p>{t('qr.intro')}</p>
      {qr.isError && (
        <p className="alert error" role="alert">
          {t('qr.failed')}
        </p>
      )}
      {qr.data && <QrImage code={qr.data.code} label={t('qr.alt')} />}
      {qr.data && (
        <p className="registration-qr-short">
          {t('qr.shortLabel')} <strong className="registration-qr-short-code">{qr.data.shortCode}</strong>
        </p>
      )}
      <button type="button" className="button secondary no-print" onClick={() => window.print()}>
        {t('qr.print')}
      </button>
    </section>
  );
}

function QrImage({ code, label }: { code: string; label: string }) {
  const { d, viewBox } = qrPath(code);
  return (
    <svg className="registration-qr-image" viewBox={`0 0 ${viewBox} ${viewBox}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={viewBox} height={viewBox} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
