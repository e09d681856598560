/** The demo data set lives with the server (server/seed), which seeds new databases with it; the
 * browser demo and the tests take it from there. */
export * from '../server/seed/demo-data';
