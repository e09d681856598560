import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { LoadingState } from '@/components/ui/states';
import { lazyPage } from './lazy-page';
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
      lazy: lazyPage(() => import('./routes/sign-in'), ['admin'], (m) => ({ Component: m.SignInPage })),
    },
    {
      // The first run (the link `npm start` prints while no administrator can sign in).
      path: '/setup',
      HydrateFallback: () => <LoadingState />,
      ErrorBoundary: RouteError,
      lazy: lazyPage(() => import('./routes/setup'), ['admin'], (m) => ({ Component: m.SetupPage })),
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
              lazy: lazyPage(() => import('./routes/dashboard'), [], (m) => ({ Component: m.DashboardPage, loader: m.dashboardLoader(queryClient) })),
            },
            {
              path: 'follow-ups',
              lazy: lazyPage(() => import('./routes/follow-ups'), ['lists'], (m) => ({ Component: m.FollowUpsPage, loader: m.followUpsLoader(queryClient) })),
            },
            {
              path: 'follow-ups/:followUpId',
              lazy: lazyPage(() => import('./routes/follow-up'), ['lists', 'partners'], (m) => ({ Component: m.FollowUpPage, loader: m.followUpLoader(queryClient) })),
            },
            {
              path: 'meetings',
              lazy: lazyPage(() => import('./routes/meetings'), [], (m) => ({ Component: m.MeetingsPage, loader: m.meetingsLoader(queryClient) })),
            },
            {
              path: 'meetings/new',
              lazy: lazyPage(() => import('./routes/log-visit'), ['forms'], (m) => ({ Component: m.LogVisitPage, loader: m.logVisitLoader(queryClient) })),
            },
            {
              path: 'meetings/:meetingId/edit',
              lazy: lazyPage(() => import('./routes/edit-meeting'), ['forms'], (m) => ({ Component: m.EditMeetingPage, loader: m.editMeetingLoader(queryClient) })),
            },
            {
              path: 'meetings/:meetingId',
              lazy: lazyPage(() => import('./routes/meeting'), ['partners'], (m) => ({ Component: m.MeetingPage, loader: m.meetingLoader(queryClient) })),
            },
            {
              path: 'partners',
              lazy: lazyPage(() => import('./routes/partners'), ['partners'], (m) => ({ Component: m.PartnersPage, loader: m.partnersLoader(queryClient) })),
            },
            {
              path: 'partners/:partnershipId',
              lazy: lazyPage(() => import('./routes/partnership'), ['partners', 'charts', 'lists'], (m) => ({ Component: m.PartnershipPage, loader: m.partnershipLoader(queryClient) })),
            },
            ...referenceRoutes(queryClient),
            {
              path: 'imports',
              lazy: lazyPage(() => import('./routes/imports'), ['import'], (m) => ({ Component: m.ImportsPage, loader: m.importsLoader(queryClient) })),
            },
            {
              path: 'admin/users',
              lazy: lazyPage(() => import('./routes/admin-users'), ['admin'], (m) => ({ Component: m.UsersPage, loader: m.usersLoader(queryClient) })),
            },
            {
              path: 'admin/sectors',
              lazy: lazyPage(() => import('./routes/admin-sectors'), ['admin'], (m) => ({ Component: m.SectorsPage, loader: m.sectorsLoader(queryClient) })),
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
