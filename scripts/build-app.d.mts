/** Builds the production SPA into `outDir` (default dist) when it is missing or older than its sources. */
export function buildAppIfStale(outDir?: string): void;
