import { useTranslation } from 'react-i18next';
import { LOCALES, usePreferences, type Locale } from '@/stores/preferences';
import { ToolSelect } from './tool-select';

const LANGUAGE_NAMES: Record<Locale, string> = { id: 'Bahasa Indonesia', en: 'English' };

/** The language picker of the header (the shell and the sign-in page). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = usePreferences((s) => s.locale);
  const setLocale = usePreferences((s) => s.setLocale);
  return (
    <ToolSelect id="language" label={t('toolbar.language')} value={locale} onChange={(value) => setLocale(value as Locale)}>
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LANGUAGE_NAMES[l]}
        </option>
      ))}
    </ToolSelect>
  );
}
