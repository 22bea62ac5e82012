// Whether the organisation is offered on the public request form, and the button that changes it.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusSoon } from '#web/components/ui/form.tsx';
import { useSetListing } from './access-requests.api.ts';
import { BusyButton } from '#web/components/ui/busy-button.tsx';

export function ListingCard(props: { listed: boolean }) {
  const { t } = useTranslation('access');
  const setListing = useSetListing();
  const [failed, setFailed] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const toggle = async () => {
    try {
      await setListing.mutateAsync(!props.listed);
      setFailed(false);
    } catch {
      setFailed(true);
      focusSoon(errorRef);
    }
  };
  return (
    <section className="card listing-card" aria-labelledby="listing-heading">
      <h2 id="listing-heading">{t('listing.heading')}</h2>
      <p role="status">{props.listed ? t('listing.on') : t('listing.off')}</p>
      {failed && (
        <p className="alert error" role="alert" tabIndex={-1} ref={errorRef}>
          {t('common:error.generic')}
        </p>
      )}
      <p>
        <BusyButton className="secondary" onClick={() => void toggle()} busy={setListing.isPending}>
          {props.listed ? t('listing.stop') : t('listing.start')}
        </BusyButton>
      </p>
    </section>
  );
}
