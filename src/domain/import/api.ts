import type { ImportResource } from './fields';
import type { Mapping } from './mapping';
import type { CellError, FileProblem, MappingProblem } from './problems';

/**
 * The import API's shapes (issue 14; the contract in README.md, "Imports"), shared by the API
 * (server/routes/imports.ts) and the UI. Types only.
 *
 *  POST /api/imports?resource=…[&sheet=NAME]   body: the file's bytes            → 201 ImportDetail
 *  POST /api/imports/:id/preview               body: ImportPreviewBody           → 200 ImportDetail
 *  POST /api/imports/:id/commit                body: ImportCommitBody            → 200 ImportCommitResult
 *  POST /api/imports/:id/undo                                                     → 200 ImportUndoResult
 *  GET  /api/imports[?resource=&cursor=&limit=]                                   → 200 ImportList
 *  GET  /api/imports/:id                                                          → 200 ImportDetail
 *  GET  /api/imports/:id/errors.csv?lang=id|en                                    → 200 text/csv
 */

export type ImportStatus = 'previewed' | 'committed' | 'undone';

export type ImportCounts = { created: number; updated: number; unchanged: number; skipped: number };

export type ImportRowOutcome = 'create' | 'update' | 'unchanged' | 'error';

export type ImportUserRef = { id: string; name: string };

export type ImportSummary = {
  id: string;
  resource: ImportResource;
  fileName: string;
  status: ImportStatus;
  createdAt: string;
  createdBy: ImportUserRef;
  /** Data rows in the file. */
  rows: number;
  valid: number;
  invalid: number;
  /** Once committed. */
  counts?: ImportCounts;
  committedAt?: string;
  undoneAt?: string;
  undoneBy?: ImportUserRef;
};

export type ImportPreviewRow = {
  /** The spreadsheet row (1-based, as in CellError.row). */
  row: number;
  outcome: ImportRowOutcome;
  /** The record the row updates or leaves unchanged (after a commit: also the one it created). */
  recordId?: string;
  /** Field key → the cell's text as read. */
  values: Record<string, string>;
  /** outcome 'update': the fields that differ from the record. */
  changed?: string[];
  /** What the import will decide for the row that the file does not say (the UI explains each). */
  notes?: ImportRowNote[];
};

/**
 * `startsToday`: a partnership the row creates has no start date (no "stage date" column or an
 * empty cell), so it starts on the day of the import — as a form's start date, it is the day
 * the stage began (issue 15); the preview says so, so that a date can be added before committing.
 */
export type ImportRowNote = 'startsToday';

/** At most this many errors are returned in ImportDetail.errors (errorsTotal counts them all). */
export const IMPORT_DETAIL_MAX_ERRORS = 1000;
/** At most this many rows are returned in ImportDetail.preview. */
export const IMPORT_DETAIL_MAX_PREVIEW = 200;

export type ImportDetail = ImportSummary & {
  /** The file's header row as read. */
  headers: string[];
  /** XLSX: the visible sheets. */
  sheets?: string[];
  sheet?: string;
  mapping: Mapping;
  mappingProblems: MappingProblem[];
  /** The first IMPORT_DETAIL_MAX_ERRORS (codes; the UI translates). */
  errors: CellError[];
  errorsTotal: number;
  /** The first IMPORT_DETAIL_MAX_PREVIEW rows. */
  preview: ImportPreviewRow[];
};

export type ImportPreviewBody = { mapping: Mapping };

export type ImportCommitBody = { mapping?: Mapping; skipInvalid?: boolean };

export type ImportCommitResult = ImportCounts & { id: string };

export type ImportUndoResult = { removed: number; restored: number };

export type ImportList = { items: ImportSummary[]; nextCursor?: string };

/** Request headers of POST /api/imports. */
export const IMPORT_FILE_NAME_HEADER = 'X-File-Name';
export const IMPORT_MAPPING_HEADER = 'X-Import-Mapping';

/** A record that changed since the import (undo refused, 409). */
export type ImportConflict = {
  entity: 'partnership' | 'region' | 'organization' | 'person' | 'meeting' | 'followUp';
  id: string;
  label: string;
};

/** problem+json bodies of the import API, beyond `{ type, title, status, detail }`. */
export type ImportFileProblemBody = { fileProblem: FileProblem };
/** 422 of commit: rows are invalid and skipInvalid was not true. */
export type ImportInvalidRowsBody = { invalid: number };
/** 409 of undo. */
export type ImportConflictBody = { conflicts: ImportConflict[] };
