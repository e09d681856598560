/**
 * Importing spreadsheets (issue 14): the part that runs the same in the API (Node) and in a
 * browser Web Worker. Pure: no store, no React, no Node-only module. The XLSX reader (exceljs)
 * is loaded only when a workbook is read.
 */
export * from './problems';
export * from './limits';
export * from './progress';
export * from './decode';
export * from './table';
export * from './csv';
export * from './values';
export * from './labels';
export * from './reference';
export * from './fields';
export * from './mapping';
export * from './validate';
export * from './errors-file';
export * from './run';
export * from './api';
export type { XlsxOptions } from './xlsx';
export * from './messages';
