/** The browser demo's port (`vite preview` of the demo build). */
export const DEMO_PORT = 4173;

/**
 * The e2e servers of the `server` project: one per worker, each with its own database, so two
 * workers never reset each other's data (tests/e2e/fixtures.ts picks one by the worker's index).
 */
export const SERVER_PORTS = [4174, 4175] as const;

/** The first-run journey's own `npm start` (tests/e2e/first-run.spec.ts). */
export const FIRST_RUN_PORT = 4179;
