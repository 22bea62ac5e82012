// The frame of every page: skip link, header (wordmark, quick exit, and a Menu on narrow screens holding the
// navigation, language and sign-in), main landmark, footer.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import type { Me } from '#shared/auth/me.schema.ts';
import { isLanguage, setLanguage } from '#web/lib/i18n.ts';
import { useMe } from '#web/features/account/me.api.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { QuickExit } from './quick-exit.tsx';
import { visibleNav } from './nav-items.ts';
import { MenuIcon } from './menu-icon.tsx';
import { useDisclosureMenu } from './use-disclosure-menu.ts';
import { Wordmark } from './wordmark.tsx';
import { SignOutButton } from './sign-out-button.tsx';
import { OfflineIndicator } from '#web/features/library/offline-indicator.tsx';

export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = me.data ?? null;
  useAccountLanguage(signedIn);
  const menu = useDisclosureMenu();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <header className="site-header">
        <div className="header-bar">
          <NavLink to="/" className="brand">
            <Wordmark />
          </NavLink>
          <div className="header-tools">
            {/* NOTE: one click from every page: emergency numbers must never be more than a tap away. */}
            <NavLink to="/help" className="help-now-link">
              {t('helpNow.link')}
            </NavLink>
            {/* NOTE: on every page, signed in too: someone may need to leave a professional's screen as fast (issue 8). */}
            <QuickExit />
          </div>
          <button className="menu-button" {...menu.buttonProps}>
            <MenuIcon open={menu.open} />
            <span className="menu-button-label">{t('nav.menu')}</span>
          </button>
          {/* NOTE: on a narrow screen this is the Menu's panel; on a wide one its parts join the header's rows. */}
          <div className={menu.open ? 'header-menu open' : 'header-menu'} {...menu.panelProps}>
            <nav className="site-nav" aria-label={t('nav.label')}>
              <ul>
                {visibleNav(signedIn).map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to}>{t(item.label)}</NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="menu-tools">
              <LanguageSwitch />
              {signedIn ? <SignOutButton /> : <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>}
            </div>
          </div>
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
