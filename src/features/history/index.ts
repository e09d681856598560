/** What other features may use of the change history: its query and keys (no components). */
export { historyKeys, historyQuery } from './queries';
