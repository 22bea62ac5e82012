// Quick exit: leaves for a neutral site and replaces this page in the history (button, or Esc twice within a second).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export const NEUTRAL_SITE = 'https://www.wikipedia.org/';

export function leaveNow(): void {
  document.title = 'Wikipedia';
  document.body.innerHTML = '';
  window.location.replace(NEUTRAL_SITE);
}

export function QuickExit() {
  const { t } = useTranslation();
  useEffect(() => {
    let lastEscape = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const now = Date.now();
      if (now - lastEscape < 1000) leaveNow();
      lastEscape = now;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <button type="button" className="quick-exit" onClick={leaveNow} aria-describedby="quick-exit-hint">
      {t('quickExit.button')}
      <span id="quick-exit-hint" className="visually-hidden">
        {t('quickExit.hint')}
      </span>
    </button>
  );
}
