import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { dashboardFiltersFrom } from '@/features/dashboard/api/filters';
import { dashboardQueries, statsQueries } from '@/features/dashboard/api/queries';
import { loadCharts } from '@/features/dashboard/components/dashboard-page';
import { preload } from '@/lib/api-client';

export { DashboardPage } from '@/features/dashboard/components/dashboard-page';

export function dashboardLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const { filters } = dashboardFiltersFrom(new URL(request.url).searchParams);
    preload(queryClient, statsQueries.kpis(filters));
    // The attention panel's figures beside the charts' code, so the panel comes in whole.
    preload(queryClient, dashboardQueries.health(filters));
    void loadCharts(); // start loading the charts' code beside the data
    return null;
  };
}
