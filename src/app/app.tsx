import type { i18n as I18n } from 'i18next';
import { useEffect, useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { bindLocale } from '@/i18n';
import { createQueryClient } from '@/lib/query-client';
import { AppProviders } from './providers';
import { createRoutes } from './router';

/** The app, given an i18n instance whose active language is already loaded (main.tsx). */
export function App({ i18n }: { i18n: I18n }) {
  const [{ queryClient, router }] = useState(() => {
    const queryClient = createQueryClient();
    return { queryClient, router: createBrowserRouter(createRoutes(queryClient)) };
  });
  useEffect(() => bindLocale(i18n), [i18n]);
  return (
    <AppProviders queryClient={queryClient} i18n={i18n}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
