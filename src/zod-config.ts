/**
 * Imported first by main.tsx, before anything loads zod: zod 4 would otherwise probe whether
 * `new Function` is allowed, and under the production Content Security Policy (no 'unsafe-eval')
 * that probe is reported as a CSP violation. Jitless parsing is as correct, and fast enough for
 * forms. zod reads this global when it first loads (zod/v4/core: globalThis.__zod_globalConfig).
 */
const host = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
host.__zod_globalConfig = { ...host.__zod_globalConfig, jitless: true };

export {};
