import type { TestProject } from 'vitest/node';
import { postgresAvailable, startCluster } from './support/postgres-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server the 'postgres' project's tests use (a database each), or '' when none. */
    postgresUrl: string;
  }
}

/**
 * For the tests that run on PostgreSQL: MITRA_TEST_DATABASE_URL if given (a server whose user may
 * create databases), otherwise a throwaway cluster started here and stopped after the run.
 */
export default async function setup(project: TestProject) {
  const given = process.env.MITRA_TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return;
  }
  if (!postgresAvailable()) {
    console.warn('[tests] PostgreSQL is not installed: the postgres project has nothing to run against (apt-get install postgresql).');
    project.provide('postgresUrl', '');
    return;
  }
  const cluster = await startCluster();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
