/** What other features may use of the dashboard: the figures' queries and keys (no components). */
export { dashboardQueries, statsKeys } from './api/queries';
