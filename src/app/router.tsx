import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { LoadingState } from '@/components/ui/states';
import { ensureLocalePart } from '@/i18n';
import { Layout } from './layout';
import { RouteError } from './route-error';
import { referenceRoutes } from './routes/reference-routes';
import { NotFoundPage } from './routes/not-found';

/**
 * Every page is its own chunk, loaded when first visited; a page's loader starts its data
 * requests beside the chunk download instead of after the first render.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      // Outside the shell: nothing of the app loads before someone signs in.
      path: '/sign-in',
      HydrateFallback: () => <LoadingState />,
      ErrorBoundary: RouteError,
      lazy: async () => {
        const [m] = await Promise.all([import('./routes/sign-in'), ensureLocalePart('admin')]);
        return { Component: m.SignInPage };
      },
    },
    {
      // The first run (the link `npm start` prints while no administrator can sign in).
      path: '/setup',
      HydrateFallback: () => <LoadingState />,
      ErrorBoundary: RouteError,
      lazy: async () => {
        const [m] = await Promise.all([import('./routes/setup'), ensureLocalePart('admin')]);
        return { Component: m.SetupPage };
      },
    },
    {
      path: '/',
      Component: Layout,
      HydrateFallback: () => <LoadingState />,
      ErrorBoundary: RouteError,
      children: [
        {
          ErrorBoundary: RouteError,
          children: [
            {
              index: true,
              lazy: async () => {
                const m = await import('./routes/dashboard');
                return { Component: m.DashboardPage, loader: m.dashboardLoader(queryClient) };
              },
            },
            {
              path: 'follow-ups',
              lazy: async () => {
                const [m] = await Promise.all([import('./routes/follow-ups'), ensureLocalePart('lists')]);
                return { Component: m.FollowUpsPage, loader: m.followUpsLoader(queryClient) };
              },
            },
            {
              path: 'follow-ups/:followUpId',
              lazy: async () => {
                const [m] = await Promise.all([import('./routes/follow-up'), ensureLocalePart('lists'), ensureLocalePart('partners')]);
                return { Component: m.FollowUpPage, loader: m.followUpLoader(queryClient) };
              },
            },
            {
              path: 'meetings',
              lazy: async () => {
                const m = await import('./routes/meetings');
                return { Component: m.MeetingsPage, loader: m.meetingsLoader(queryClient) };
              },
            },
            {
              path: 'meetings/new',
              lazy: async () => {
                const [m] = await Promise.all([import('./routes/log-visit'), ensureLocalePart('forms')]);
                return { Component: m.LogVisitPage, loader: m.logVisitLoader(queryClient) };
              },
            },
            {
              path: 'meetings/:meetingId/edit',
              lazy: async () => {
                const [m] = await Promise.all([import('./routes/edit-meeting'), ensureLocalePart('forms')]);
                return { Component: m.EditMeetingPage, loader: m.editMeetingLoader(queryClient) };
              },
            },
            {
              path: 'meetings/:meetingId',
              lazy: async () => {
                const [m] = await Promise.all([import('./routes/meeting'), ensureLocalePart('partners')]);
                return { Component: m.MeetingPage, loader: m.meetingLoader(queryClient) };
              },
            },
            {
              path: 'partners',
              lazy: async () => {
                const [m] = await Promise.all([import('./routes/partners'), ensureLocalePart('partners')]);
                return { Component: m.PartnersPage, loader: m.partnersLoader(queryClient) };
              },
            },
            {
              path: 'partners/:partnershipId',
              lazy: async () => {
                const [m] = await Promise.all([
                  import('./routes/partnership'),
                  ensureLocalePart('partners'),
                  ensureLocalePart('charts'),
                  ensureLocalePart('lists'),
                ]);
                return { Component: m.PartnershipPage, loader: m.partnershipLoader(queryClient) };
              },
            },
            ...referenceRoutes(queryClient),
            {
              path: 'imports',
              lazy: async () => {
                const [m] = await Promise.all([import('./routes/imports'), ensureLocalePart('import')]);
                return { Component: m.ImportsPage, loader: m.importsLoader(queryClient) };
              },
            },
            {
              path: 'admin/users',
              lazy: async () => {
                const [m] = await Promise.all([import('./routes/admin-users'), ensureLocalePart('admin')]);
                return { Component: m.UsersPage, loader: m.usersLoader(queryClient) };
              },
            },
            {
              path: 'admin/sectors',
              lazy: async () => {
                const [m] = await Promise.all([import('./routes/admin-sectors'), ensureLocalePart('admin')]);
                return { Component: m.SectorsPage, loader: m.sectorsLoader(queryClient) };
              },
            },
            {
              path: '*',
              Component: NotFoundPage,
            },
          ],
        },
      ],
    },
  ];
}
