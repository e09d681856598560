import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { referenceQueries } from '@/reference-data/queries';
import { GlobalSearch } from '@/features/search/components/global-search';
import { ensureLocalePart } from '@/i18n';
import { DEMO_BACKEND, sessionQuery } from '@/session/session';
import { apiRequest, apiUrl } from '@/lib/api-client';
import { usePreferences } from '@/stores/preferences';
import { LanguageSwitch } from './language-switch';
import { HomeGovernmentSwitcher } from './shell/home-government-switcher';
import { ToolSelect } from './tool-select';

// The session logic, the account menu and the admin link load beside the first route, with the
// admin strings (sign-in, 403): none of them is in the first route's bundle.
const Shell = lazy(() =>
  Promise.all([import('@/app/shell/shell-parts'), ensureLocalePart('admin')]).then(([m]) => ({ default: m.ShellPart })),
);

export function Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const navRef = useRef<HTMLUListElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const shownPath = useRef(location.pathname);
  const session = useQuery(sessionQuery());
  const user = session.data?.user;
  // Server mode: the Node server with sign-in; otherwise the in-browser demo API (MSW).
  const serverMode = session.data ? session.data.mode === 'server' : !DEMO_BACKEND;

  // After an in-app navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    mainRef.current?.focus();
  }, [location.pathname]);

  // On a phone the navigation is one row that scrolls sideways: the current page's link is shown.
  // The row is scrolled, nothing else: scrollIntoView would move the browser's starting point for
  // Tab to that link, and the first Tab of a page must reach the skip link.
  useEffect(() => {
    const list = navRef.current;
    const link = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!list || !link || list.scrollWidth <= list.clientWidth) return;
    const left = link.offsetLeft - list.offsetLeft;
    if (left < list.scrollLeft || left + link.offsetWidth > list.scrollLeft + list.clientWidth) list.scrollLeft = Math.max(0, left - 16);
  }, [location.pathname]);

  return (
    <div className="app">
      <Suspense fallback={null}>
        <Shell part="gate" serverMode={serverMode} />
      </Suspense>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      {/* Escape in the header closes the menu and gives the focus back to its button. */}
      <header
        className="header"
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || !menuOpen) return;
          setMenuOpen(false);
          menuButton.current?.focus();
        }}
      >
        <div className="header__inner">
          <div className="header__brand">
            <NavLink to="/" className="header__name">
              {t('app.name')}
            </NavLink>
            <span className="header__tagline">{t('app.tagline')}</span>
            {/* The current home government, or the choice between a user's (issue 15). */}
            {user && <HomeGovernmentSwitcher user={user} />}
          </div>
          {/*
           * On a phone the language and the account fold behind the menu button; on a wide screen
           * they are always shown and the button is not. The account arrives late (with the
           * session and its chunk): it comes first in a right-aligned row that never wraps, so its
           * arrival moves nothing that is already on screen.
           */}
          <div id="header-menu" className="header__tools header__menu" data-open={menuOpen}>
            {/* On a phone the government is named, or switched, here (the header above leaves it out). */}
            {user && <HomeGovernmentSwitcher user={user} place="menu" />}
            {serverMode ? (
              user && (
                <Suspense fallback={null}>
                  <Shell part="account" user={user} />
                </Suspense>
              )
            ) : (
              <UserSwitch />
            )}
            <LanguageSwitch />
          </div>
          <div className="header__bar">
            <GlobalSearch />
            <button
              type="button"
              ref={menuButton}
              className="header__menu-button"
              aria-expanded={menuOpen}
              aria-controls="header-menu"
              onClick={() => setMenuOpen((open) => !open)}
            >
              {t('app.menu')}
            </button>
          </div>
        </div>
        <nav className="nav" aria-label={t('app.mainNav')}>
          <ul className="nav__list" ref={navRef}>
            <li>
              <NavLink to="/" end className="nav__link">
                {t('nav.dashboard')}
              </NavLink>
            </li>
            <li>
              {/* The badge sits in room the link always keeps for it: its arrival moves no link. */}
              <NavLink to="/follow-ups" className="nav__link nav__link--badged">
                {t('nav.followUps')}
                <Suspense fallback={null}>
                  <Shell part="badge" />
                </Suspense>
              </NavLink>
            </li>
            <li>
              <NavLink to="/meetings" className="nav__link">
                {t('nav.meetings')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/partners" className="nav__link">
                {t('nav.partners')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/reference" className="nav__link">
                {t('nav.reference')}
              </NavLink>
            </li>
            {/* Last, so that the links that arrive late (with the session: import, administrators) move no other link. */}
            <Suspense fallback={null}>
              <Shell part="imports" />
              <Shell part="admin" />
            </Suspense>
          </ul>
        </nav>
      </header>
      <main id="main" className="main" tabIndex={-1} ref={mainRef}>
        <Outlet />
      </main>
      <footer className="footer">
        <p>{t('footer.demoNote')}</p>
        {DEMO_BACKEND && <ResetDemo />}
      </footer>
    </div>
  );
}

function UserSwitch() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const userId = usePreferences((s) => s.userId);
  const setUserId = usePreferences((s) => s.setUserId);
  const users = useQuery(referenceQueries.users());
  const active = users.data?.items.filter((u) => u.active) ?? [];

  const setHomeRegionId = usePreferences((s) => s.setHomeRegionId);

  const handleChange = (id: string) => {
    setUserId(id);
    // A government chosen in the header by the previous user may not be the new user's (issue 15).
    setHomeRegionId('');
    // Everything the API answered was for the previous user.
    void queryClient.invalidateQueries();
  };

  return (
    <ToolSelect id="demo-user" label={t('toolbar.user')} value={userId} onChange={handleChange} disabled={active.length === 0}>
      {active.length === 0 && <option value={userId}>{t('common.loading')}</option>}
      {active.map((u) => (
        <option key={u.id} value={u.id}>
          {t('toolbar.userOption', { name: u.name, role: t(`enums.role.${u.role}`) })}
        </option>
      ))}
    </ToolSelect>
  );
}

function ResetDemo() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const handleReset = async () => {
    if (!window.confirm(t('toolbar.resetConfirm'))) return;
    setBusy(true);
    try {
      await apiRequest(apiUrl('/_demo/reset'), { method: 'POST' });
      await queryClient.resetQueries();
      setMessage(t('toolbar.resetDone'));
    } catch {
      setMessage(t('toolbar.resetFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <p className="footer__demo">
      <button type="button" className="button button--secondary" onClick={() => void handleReset()} disabled={busy}>
        {t('toolbar.resetDemo')}
      </button>{' '}
      <span role="status">{message}</span>
    </p>
  );
}
