/** What other features may use of partners: the partnership queries and their keys (no components). */
export { partnershipKeys, partnershipQueries, type PartnershipFilters } from './api/queries';
