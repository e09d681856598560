import Papa from 'papaparse';
import { HEADER_SEARCH_ROWS, MAX_COLUMNS, MAX_ROWS } from './limits';
import { AbortedError, DEFAULT_SLICE_MS, type RunOptions } from './progress';
import { buildTable, type Cell, type TableResult } from './table';

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

const SAMPLE_CHARS = 64 * 1024;

/**
 * The delimiter: Excel's "sep=;" first line when there is one; otherwise the candidate that
 * splits the first rows into the same number of columns most often (a title row or two above
 * the header do not change the answer). Semicolon is what Indonesian Excel writes.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const hint = /^sep=(.)\r?\n/.exec(text);
  const hinted = CSV_DELIMITERS.find((d) => d === hint?.[1]);
  if (hinted) return hinted;
  const sample = text.slice(0, SAMPLE_CHARS);
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  for (const delimiter of CSV_DELIMITERS) {
    const parsed = Papa.parse<string[]>(sample, { delimiter, preview: 50, skipEmptyLines: true });
    const rows = sample.length < text.length ? parsed.data.slice(0, -1) : parsed.data;
    const counts = new Map<number, number>();
    for (const row of rows)
      if (row.length > 1) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    let score = 0;
    for (const [width, count] of counts)
      score = Math.max(score, count * 1000 + Math.min(width, 999));
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The line break between records, guessed once on the start of the file (papaparse's guess
 * skips quoted cells), so that a chunk ending between CR and LF cannot guess differently.
 */
function detectNewline(text: string, delimiter: CsvDelimiter): '\r\n' | '\n' | '\r' {
  const { meta } = Papa.parse(text.slice(0, SAMPLE_CHARS), { delimiter, preview: 1 });
  const found = meta.linebreak;
  return found === '\r' || found === '\n' || found === '\r\n' ? found : '\r\n';
}

export type CsvOptions = RunOptions & {
  delimiter?: CsvDelimiter;
  /** Characters handed to the parser at a time (default 64 Ki). */
  chunkChars?: number;
  isKnownHeader?: (normalized: string) => boolean;
  encoding?: string;
};

/**
 * Parses CSV text (already decoded) into a table, a chunk at a time: papaparse pauses after each
 * chunk and resumes on the next turn of the event loop, so a worker can report progress and the
 * longest synchronous step stays short. Quotes, doubled quotes and line breaks inside quoted
 * cells are papaparse's; rows wider than MAX_COLUMNS stop the parse at once.
 */
export function parseCsv(input: string, options: CsvOptions = {}): Promise<TableResult> {
  let text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  let firstRow = 1;
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const hint = /^sep=.\r?\n/.exec(text);
  if (hint) {
    text = text.slice(hint[0].length);
    firstRow = 2;
  }
  const total = text.length;
  const newline = detectNewline(text, delimiter);
  const rows: Cell[][] = [];
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  return new Promise<TableResult>((resolve, reject) => {
    if (text.trim() === '') {
      resolve({ ok: false, problem: { code: 'empty' } });
      return;
    }
    let settled = false;
    const finish = (result: TableResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    let started = performance.now();
    Papa.parse<string[]>(text, {
      delimiter,
      newline,
      quoteChar: '"',
      escapeChar: '"',
      skipEmptyLines: false,
      chunkSize: options.chunkChars ?? 64 * 1024,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        if (settled) return;
        for (const row of results.data) {
          if (row.length > MAX_COLUMNS) {
            // Settled first: abort() calls complete().
            finish({
              ok: false,
              problem: {
                code: 'tooManyColumns',
                params: { max: MAX_COLUMNS, found: row.length, row: firstRow + rows.length },
              },
            });
            parser.abort();
            return;
          }
          rows.push(row);
        }
        if (rows.length > MAX_ROWS + HEADER_SEARCH_ROWS) {
          finish({
            ok: false,
            problem: { code: 'tooManyRows', params: { max: MAX_ROWS, found: rows.length } },
          });
          parser.abort();
          return;
        }
        if (performance.now() - started < sliceMs) return;
        options.onProgress?.({ phase: 'read', done: Math.min(results.meta.cursor, total), total });
        parser.pause();
        setTimeout(() => {
          if (options.signal?.aborted) {
            finish({ ok: false, problem: { code: 'aborted' } });
            parser.abort();
            return;
          }
          started = performance.now();
          parser.resume();
        }, 0);
      },
      complete() {
        if (settled) return;
        options.onProgress?.({ phase: 'read', done: total, total });
        // A final line break leaves one empty record behind: it is not a row.
        const last = rows.at(-1);
        if (last && last.length === 1 && last[0] === '') rows.pop();
        const numbers = rows.map((_, i) => firstRow + i);
        const base = {
          format: 'csv' as const,
          delimiter,
          ...(options.encoding ? { encoding: options.encoding } : {}),
        };
        // Building the table is a step of its own, after the last chunk's.
        setTimeout(() => {
          try {
            finish(buildTable(rows, numbers, base, options.isKnownHeader));
          } catch (error) {
            reject(error instanceof Error ? error : new AbortedError());
          }
        }, 0);
      },
      error(error: Error) {
        if (!settled) reject(error);
      },
    });
  });
}
