import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { usePreferences, type Locale } from '@/stores/preferences';

/**
 * Strings come in parts and per language, each its own chunk: a user downloads only the
 * language they read, and the form strings only when they open a form.
 */
export type LocalePart = 'core' | 'forms' | 'lists' | 'charts' | 'partners' | 'admin' | 'reference' | 'import';
type Bundle = Record<string, unknown>;

const LOADERS: Record<LocalePart, Record<Locale, () => Promise<Bundle>>> = {
  core: {
    id: () => import('./locales/id').then((m) => m.id),
    en: () => import('./locales/en').then((m) => m.en),
  },
  forms: {
    id: () => import('./locales/forms.id').then((m) => m.formsId),
    en: () => import('./locales/forms.en').then((m) => m.formsEn),
  },
  charts: {
    id: () => import('./locales/charts.id').then((m) => m.chartsId),
    en: () => import('./locales/charts.en').then((m) => m.chartsEn),
  },
  lists: {
    id: () => import('./locales/lists.id').then((m) => m.listsId),
    en: () => import('./locales/lists.en').then((m) => m.listsEn),
  },
  partners: {
    id: () => import('./locales/partners.id').then((m) => m.partnersId),
    en: () => import('./locales/partners.en').then((m) => m.partnersEn),
  },
  admin: {
    id: () => import('./locales/admin.id').then((m) => m.adminId),
    en: () => import('./locales/admin.en').then((m) => m.adminEn),
  },
  reference: {
    id: () => import('./locales/reference.id').then((m) => m.referenceId),
    en: () => import('./locales/reference.en').then((m) => m.referenceEn),
  },
  import: {
    id: () => import('./locales/import.id').then((m) => m.importId),
    en: () => import('./locales/import.en').then((m) => m.importEn),
  },
};

/** The parts wanted so far; a language switch loads all of them for the new language. */
const wanted = new Set<LocalePart>(['core']);
let active: I18n | undefined;

export function loadLocale(locale: Locale, part: LocalePart = 'core'): Promise<Bundle> {
  return LOADERS[part][locale]();
}

/** Which parts of which languages each instance holds. */
const loadedParts = new WeakMap<I18n, Set<string>>();

async function addPart(instance: I18n, locale: Locale, part: LocalePart): Promise<void> {
  const loaded = loadedParts.get(instance) ?? new Set<string>();
  loadedParts.set(instance, loaded);
  if (loaded.has(`${locale}:${part}`)) return;
  const bundle = await loadLocale(locale, part);
  instance.addResourceBundle(locale, 'translation', bundle, true, false);
  loaded.add(`${locale}:${part}`);
}

/** Called by a route before it renders: makes a part's strings available in the active language. */
export async function ensureLocalePart(part: LocalePart): Promise<void> {
  wanted.add(part);
  if (active) await addPart(active, active.language as Locale, part);
}

/**
 * An i18next instance for `locale` from bundles the caller has loaded (boot loads the active
 * language's core; tests pass everything).
 */
export function createI18n(
  locale: Locale,
  bundles: Partial<Record<Locale, Bundle>>,
  parts: readonly LocalePart[] = ['core'],
): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries(bundles).map(([lng, translation]) => [lng, { translation }])),
    lng: locale,
    fallbackLng: false,
    supportedLngs: ['id', 'en'],
    partialBundledLanguages: true,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = locale;
  loadedParts.set(instance, new Set(Object.keys(bundles).flatMap((lng) => parts.map((part) => `${lng}:${part}`))));
  active = instance;
  return instance;
}

/** Keeps i18next's language and the saved preference in step, loading a language on first use. */
export function bindLocale(instance: I18n) {
  return usePreferences.subscribe((state, previous) => {
    if (state.locale === previous.locale) return;
    const locale = state.locale;
    void Promise.all([...wanted].map((part) => addPart(instance, locale, part))).then(() =>
      instance.changeLanguage(locale),
    );
  });
}
