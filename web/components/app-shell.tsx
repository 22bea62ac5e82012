// The frame of every page: skip link, header with navigation and language, main landmark, footer, quick exit.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Me } from '#shared/auth/me.schema.ts';
import { request } from '#web/lib/api.ts';
import { isLanguage, setLanguage } from '#web/lib/i18n.ts';
import { ME_KEY, useMe } from '#web/features/account/me.api.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { QuickExit } from './quick-exit.tsx';
import { visibleNav } from './nav-items.ts';
import { OfflineIndicator } from '#web/features/library/offline-indicator.tsx';
import { clearOfflineLibrary } from '#web/features/library/offline.ts';

export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = me.data ?? null;
  useAccountLanguage(signedIn);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <header className="site-header">
        <NavLink to="/" className="brand">
          Pro Health
        </NavLink>
        <nav aria-label={t('nav.label')}>
          <ul>
            {visibleNav(signedIn).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{t(item.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <LanguageSwitch />
          {signedIn ? <SignOutButton /> : <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>}
          {/* NOTE: one click from every page: emergency numbers must never be more than a tap away. */}
          <NavLink to="/help" className="help-now-link">
            {t('helpNow.link')}
          </NavLink>
          {/* NOTE: on every page, signed in too: someone may need to leave a professional's screen as fast (issue 8). */}
          <QuickExit />
        </div>
        <OfflineIndicator />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('footer.text')}</p>
      </footer>
    </>
  );
}

/** The account's saved language wins over the browser's once the account is known. */
function useAccountLanguage(me: Me | null): void {
  const { i18n } = useTranslation();
  const saved = me?.account.language;
  useEffect(() => {
    if (isLanguage(saved) && saved !== i18n.language) setLanguage(saved);
  }, [saved, i18n]);
}

function SignOutButton() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const signOut = async () => {
    await request('POST', '/api/auth/sign-out').catch(() => undefined);
    client.clear();
    clearOfflineLibrary();
    client.setQueryData(ME_KEY, null);
    await navigate('/sign-in');
  };
  return (
    <button type="button" className="link-button" onClick={() => void signOut()}>
      {t('nav.signOut')}
    </button>
  );
}
