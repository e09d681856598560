import { useEffect, useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { bindLocale, createI18n } from '@/i18n';
import { createQueryClient } from '@/lib/query-client';
import { usePreferences } from '@/stores/preferences';
import { AppProviders } from './providers';
import { createRoutes } from './router';

export function App() {
  const [{ queryClient, i18n, router }] = useState(() => {
    const queryClient = createQueryClient();
    return {
      queryClient,
      i18n: createI18n(usePreferences.getState().locale),
      router: createBrowserRouter(createRoutes(queryClient)),
    };
  });
  useEffect(() => bindLocale(i18n), [i18n]);
  return (
    <AppProviders queryClient={queryClient} i18n={i18n}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
