// A part of the person's own registration page, owned by the event-evaluation feature: once the event has ended and
// the person was checked in, a link to the questionnaires. The token goes in the fragment, as on the page itself.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RegistrationSlotProps } from './registration-slots.ts';

export function EvaluationLink({ token, checkedIn, eventEnded }: RegistrationSlotProps): ReactNode {
  const { t } = useTranslation('event-evaluation');
  if (!checkedIn || !eventEnded) return null;
  return (
    <section className="card evaluation-link" aria-labelledby="evaluation-link-heading">
      <h2 id="evaluation-link-heading">{t('link.heading')}</h2>
      <p>{t('link.text')}</p>
      <p>
        <Link className="button" to={{ pathname: '/registration/evaluation', hash: token }}>
          {t('link.open')}
        </Link>
      </p>
    </section>
  );
}
