import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import type { LocalePart } from '@/i18n';
import { lazyPage } from '../lazy-page';

/** The form strings (shared with the visit form) and the reference strings, loaded beside the page. */
const STRINGS: LocalePart[] = ['forms', 'reference'];

/**
 * Reference data and its forms: /reference, create and edit of partner regions, organisations
 * and people, and of partnerships (/partners/new, /partners/:id/edit). Each page is its own
 * lazy chunk, like every other route.
 */
export function referenceRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: 'reference',
      lazy: lazyPage(() => import('./reference'), STRINGS, (m) => ({ Component: m.ReferencePage, loader: m.referenceLoader(queryClient) })),
    },
    {
      path: 'regions/new',
      lazy: lazyPage(() => import('./region-form'), STRINGS, (m) => ({ Component: m.NewRegionPage })),
    },
    {
      path: 'regions/:regionId/edit',
      lazy: lazyPage(() => import('./region-form'), STRINGS, (m) => ({ Component: m.EditRegionPage })),
    },
    {
      path: 'organizations/new',
      lazy: lazyPage(() => import('./organization-form'), STRINGS, (m) => ({ Component: m.NewOrganizationPage })),
    },
    {
      path: 'organizations/:organizationId/edit',
      lazy: lazyPage(() => import('./organization-form'), STRINGS, (m) => ({ Component: m.EditOrganizationPage })),
    },
    {
      path: 'people/new',
      lazy: lazyPage(() => import('./person-form'), STRINGS, (m) => ({ Component: m.NewPersonPage })),
    },
    {
      path: 'people/:personId/edit',
      lazy: lazyPage(() => import('./person-form'), STRINGS, (m) => ({ Component: m.EditPersonPage })),
    },
    {
      path: 'partners/new',
      lazy: lazyPage(() => import('./partnership-form'), STRINGS, (m) => ({ Component: m.NewPartnershipPage })),
    },
    {
      path: 'partners/:partnershipId/edit',
      lazy: lazyPage(() => import('./partnership-form'), STRINGS, (m) => ({ Component: m.EditPartnershipPage })),
    },
  ];
}
