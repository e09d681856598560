import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { onTestFinished } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '@/app/providers';
import { createRoutes } from '@/app/router';
import { bindLocale, createI18n } from '@/i18n';
import { chartsEn } from '@/i18n/locales/charts.en';
import { chartsId } from '@/i18n/locales/charts.id';
import { en } from '@/i18n/locales/en';
import { formsEn } from '@/i18n/locales/forms.en';
import { formsId } from '@/i18n/locales/forms.id';
import { listsEn } from '@/i18n/locales/lists.en';
import { listsId } from '@/i18n/locales/lists.id';
import { id } from '@/i18n/locales/id';
import { partnersEn } from '@/i18n/locales/partners.en';
import { partnersId } from '@/i18n/locales/partners.id';
import { referenceEn } from '@/i18n/locales/reference.en';
import { referenceId } from '@/i18n/locales/reference.id';
import { adminEn } from '@/i18n/locales/admin.en';
import { adminId } from '@/i18n/locales/admin.id';
import { importEn } from '@/i18n/locales/import.en';
import { importId } from '@/i18n/locales/import.id';
import { usePreferences, type Locale } from '@/stores/preferences';

type Tree = { [key: string]: unknown };

/** Deep merge of locale parts, as i18next's addResourceBundle(…, deep) does at run time. */
export function merge(...parts: object[]): Tree {
  const out: Tree = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const existing = out[key];
      out[key] =
        typeof value === 'object' && value !== null && typeof existing === 'object' && existing !== null
          ? merge(existing, value)
          : value;
    }
  }
  return out;
}

/**
 * Renders the real app (providers, router, lazy routes) at a path, against the MSW-served API
 * with a fresh store (tests/setup-dom.ts). A fresh QueryClient without retries per render.
 */
export function renderApp(path = '/', { locale = 'id' as Locale, userId }: { locale?: Locale; userId?: string } = {}) {
  usePreferences.setState({ locale, ...(userId ? { userId } : {}) });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
  // Both languages at hand, so a language switch in a test needs no chunk load.
  const i18n = createI18n(
    locale,
    {
      id: merge(id, formsId, listsId, chartsId, partnersId, adminId, referenceId, importId),
      en: merge(en, formsEn, listsEn, chartsEn, partnersEn, adminEn, referenceEn, importEn),
    },
    ['core', 'forms', 'lists', 'charts', 'partners', 'admin', 'reference', 'import'],
  );
  const unbind = bindLocale(i18n);
  onTestFinished(unbind);
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [path] });
  const user = userEvent.setup();
  const view = render(
    <AppProviders queryClient={queryClient} i18n={i18n}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  const unmount = view.unmount;
  return {
    ...view,
    user,
    router,
    queryClient,
    i18n,
    unmount: () => {
      unbind();
      unmount();
    },
  };
}
