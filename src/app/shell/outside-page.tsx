import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../language-switch';

/**
 * The frame of the pages outside the app's shell (/sign-in, /setup): the name, the language
 * switch and one page, nothing that needs a session.
 */
export function OutsidePage({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="app">
      <header className="header">
        <div className="header__inner">
          <div className="header__brand">
            <span className="header__name">{t('app.name')}</span>
            <span className="header__tagline">{t('app.tagline')}</span>
          </div>
          <div className="header__tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <div className="page">{children}</div>
      </main>
    </div>
  );
}
