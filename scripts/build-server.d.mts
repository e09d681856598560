export const SERVER_ENTRY: string;
export const SERVER_MAIN: string;
export const SERVER_EXTERNAL: string[];
/** Builds the server into `outDir` (default dist-server); resolves to its main file. */
export function buildServer(outDir?: string): Promise<string>;
/** Why the build in `outDir` must be made again, or undefined when it is current. */
export function serverBuildStale(outDir?: string): string | undefined;
/** Builds the server when `outDir` holds no build or a stale one; resolves to its main file. */
export function buildServerIfStale(outDir?: string): Promise<string>;
