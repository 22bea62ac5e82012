// What a verification found: valid or the reason it is not, then every claim (who, what, when, where, issuer, status,
// expiry), from our record and from the signed credential, so a reader can compare them with the paper in hand.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verification } from '#shared/certificates/certificate.schema.ts';
import { FactList } from '#web/components/ui/fact-list.tsx';
import { formatDate, useReaderLanguage } from '#web/features/library/reader-language.ts';

export function VerificationResult({ verification }: { verification: Verification }) {
  const { t } = useTranslation('certificates');
  const lang = useReaderLanguage();
  const day = (value: Date | string | null | undefined) => (value ? formatDate(new Date(value), lang) : null);
  const { record, claims } = verification;
  const rows: [string, ReactNode][] = [];
  const add = (label: string, value: ReactNode | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') rows.push([label, value]);
  };
  add(t('claims.recipient'), record?.recipientName);
  add(t('claims.kind'), record ? t(`kinds.${record.kind}`) : null);
  add(t('claims.title'), record?.title ?? claims?.achievementName);
  add(t('claims.eventType'), record?.eventType ? t(`eventTypes.${record.eventType}`) : null);
  add(t('claims.dates'), record?.startsAt ? `${day(record.startsAt)}${day(record.endsAt) !== day(record.startsAt) ? ` – ${day(record.endsAt)}` : ''}` : claims?.activityStartDate ? `${claims.activityStartDate}${claims.activityEndDate && claims.activityEndDate !== claims.activityStartDate ? ` – ${claims.activityEndDate}` : ''}` : null);
  add(t('claims.place'), record?.place);
  add(t('claims.passedAt'), day(record?.passedAt));
  add(t('claims.organisers'), record?.organisations.join(', ') || claims?.creatorName);
  add(t('claims.issuer'), claims ? `${claims.issuerName ?? ''} (${claims.issuerId})` : null);
  add(t('claims.issuedAt'), day(record?.issuedAt ?? claims?.validFrom));
  add(t('claims.validUntil'), day(record?.validUntil ?? claims?.validUntil) ?? t('claims.noExpiry'));
  add(t('claims.code'), record ? <span className="certificate-code">{record.code}</span> : null);
  // NOTE: the date only: the organisers' reason for revoking may name people and stays with them.
  add(t('claims.revoked'), day(record?.revokedAt));
  return (
    <section className="stack certificate-verification" aria-labelledby="verification-heading">
      <h2 id="verification-heading">{t('verify.resultHeading')}</h2>
      <p className={verification.valid ? 'alert success' : 'alert error'} role="status">
        <strong>{verification.valid ? t('verify.valid') : t('verify.invalid')}</strong> {verification.valid ? t('verify.validHint') : t(`reasons.${verification.reason ?? 'malformed'}`)}
        {verification.valid && !verification.statusChecked && ` ${t('verify.statusUnchecked')}`}
      </p>
      {rows.length > 0 && <FactList rows={rows} className="certificate-claims" />}
    </section>
  );
}
