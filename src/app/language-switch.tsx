import { useTranslation } from 'react-i18next';
import { LOCALES, usePreferences, type Locale } from '@/stores/preferences';

const LANGUAGE_NAMES: Record<Locale, string> = { id: 'Bahasa Indonesia', en: 'English' };

/** The language picker of the header (the shell and the sign-in page). */
export function LanguageSwitch() {
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
