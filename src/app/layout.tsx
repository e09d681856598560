import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { followUpCountQuery } from '@/features/follow-ups/api/counts';
import { referenceQueries } from '@/features/reference/api/queries';
import { GlobalSearch } from '@/features/search/components/global-search';
import { apiRequest, apiUrl } from '@/lib/api-client';
import { LOCALES, usePreferences, type Locale } from '@/stores/preferences';

const LANGUAGE_NAMES: Record<Locale, string> = { id: 'Bahasa Indonesia', en: 'English' };

/** The demo backend (MSW) can be reset; a real server has no such endpoint. */
const DEMO_BACKEND = import.meta.env.DEV || import.meta.env.MODE === 'demo';

export function Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);

  // After an in-app navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    mainRef.current?.focus();
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="header">
        <div className="header__inner">
          <div className="header__brand">
            <NavLink to="/" className="header__name">
              {t('app.name')}
            </NavLink>
            <span className="header__tagline">{t('app.tagline')}</span>
          </div>
          <div className="header__tools">
            <GlobalSearch />
            <LanguageSwitch />
            <UserSwitch />
          </div>
        </div>
        <nav className="nav" aria-label={t('app.mainNav')}>
          <ul className="nav__list">
            <li>
              <NavLink to="/" end className="nav__link">
                {t('nav.dashboard')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/follow-ups" className="nav__link">
                {t('nav.followUps')}
                <ReminderBadge />
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

/** The current user's overdue and due-today follow-ups, counted by the API. */
function ReminderBadge() {
  const { t } = useTranslation();
  const userId = usePreferences((s) => s.userId);
  const overdue = useQuery(followUpCountQuery({ ownerId: userId, due: 'overdue' }));
  const today = useQuery(followUpCountQuery({ ownerId: userId, due: 'today' }));
  const count = (overdue.data ?? 0) + (today.data ?? 0);
  if (count === 0) return null;
  return (
    <span className="nav__badge">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{`, ${t('followUps.badge', { n: count })}`}</span>
    </span>
  );
}

function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = usePreferences((s) => s.locale);
  const setLocale = usePreferences((s) => s.setLocale);
  return (
    <div className="tool">
      <label htmlFor="language" className="tool__label">
        {t('toolbar.language')}
      </label>
      <select
        id="language"
        className="select select--small"
        value={locale}
        onChange={(e) => setLocale(e.target.value as Locale)}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
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

  const handleChange = (id: string) => {
    setUserId(id);
    // Everything the API answered was for the previous user.
    void queryClient.invalidateQueries();
  };

  return (
    <div className="tool">
      <label htmlFor="demo-user" className="tool__label">
        {t('toolbar.user')}
      </label>
      <select
        id="demo-user"
        className="select select--small"
        value={userId}
        onChange={(e) => handleChange(e.target.value)}
        disabled={active.length === 0}
      >
        {active.length === 0 && <option value={userId}>{t('common.loading')}</option>}
        {active.map((u) => (
          <option key={u.id} value={u.id}>
            {t('toolbar.userOption', { name: u.name, role: t(`enums.role.${u.role}`) })}
          </option>
        ))}
      </select>
    </div>
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
