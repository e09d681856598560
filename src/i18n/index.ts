import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { usePreferences, type Locale } from '@/stores/preferences';
import { en } from './locales/en';
import { id } from './locales/id';

export const resources = { id: { translation: id }, en: { translation: en } } as const;

export function createI18n(locale: Locale) {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'id',
    supportedLngs: ['id', 'en'],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = locale;
  return instance;
}

/** Keeps i18next's language and the saved preference in step. */
export function bindLocale(instance: ReturnType<typeof createI18n>) {
  return usePreferences.subscribe((state, previous) => {
    if (state.locale !== previous.locale) void instance.changeLanguage(state.locale);
  });
}
