import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { ensureLocalePart } from '@/i18n';

/** The form strings (shared with the visit form) and the reference strings, loaded beside the page. */
const strings = () => Promise.all([ensureLocalePart('forms'), ensureLocalePart('reference')]);

/**
 * Reference data and its forms: /reference, create and edit of partner regions, organisations
 * and people, and of partnerships (/partners/new, /partners/:id/edit). Each page is its own
 * lazy chunk, like every other route.
 */
export function referenceRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: 'reference',
      lazy: async () => {
        const [m] = await Promise.all([import('./reference'), strings()]);
        return { Component: m.ReferencePage, loader: m.referenceLoader(queryClient) };
      },
    },
    {
      path: 'regions/new',
      lazy: async () => ({ Component: (await Promise.all([import('./region-form'), strings()]))[0].NewRegionPage }),
    },
    {
      path: 'regions/:regionId/edit',
      lazy: async () => ({ Component: (await Promise.all([import('./region-form'), strings()]))[0].EditRegionPage }),
    },
    {
      path: 'organizations/new',
      lazy: async () => ({ Component: (await Promise.all([import('./organization-form'), strings()]))[0].NewOrganizationPage }),
    },
    {
      path: 'organizations/:organizationId/edit',
      lazy: async () => ({ Component: (await Promise.all([import('./organization-form'), strings()]))[0].EditOrganizationPage }),
    },
    {
      path: 'people/new',
      lazy: async () => ({ Component: (await Promise.all([import('./person-form'), strings()]))[0].NewPersonPage }),
    },
    {
      path: 'people/:personId/edit',
      lazy: async () => ({ Component: (await Promise.all([import('./person-form'), strings()]))[0].EditPersonPage }),
    },
    {
      path: 'partners/new',
      lazy: async () => ({ Component: (await Promise.all([import('./partnership-form'), strings()]))[0].NewPartnershipPage }),
    },
    {
      path: 'partners/:partnershipId/edit',
      lazy: async () => ({ Component: (await Promise.all([import('./partnership-form'), strings()]))[0].EditPartnershipPage }),
    },
  ];
}
