import { onTestFinished } from 'vitest';
import { createApi } from '../../server/app';
import { inspect, type Inspect } from '../../server/db/inspect';
import { IDS } from '../../server/seed/demo-data';
import type { Snapshot } from '../../server/store';
import { openSeededDatabase, type TestDatabase } from '../db/harness';
import { NOW } from './helpers';

export type Answer = { status: number; headers: Headers; body: any; text: string };

export type ImportTestApi = {
  store: Inspect;
  database: TestDatabase;
  /** A JSON request (or none), as the UI sends it. */
  request(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string>; user?: string | null }): Promise<Answer>;
  /** Uploads a file's bytes to POST /api/imports. */
  upload(
    resource: string,
    file: string | Uint8Array,
    options?: { name?: string; type?: string; user?: string; headers?: Record<string, string>; query?: string },
  ): Promise<Answer>;
};

/** A fresh API over a fresh database (the demo data unless told otherwise), closed when the test ends. */
export async function importApi(snapshot?: Snapshot): Promise<ImportTestApi> {
  const opening = openSeededDatabase(snapshot);
  try {
    onTestFinished(async () => (await opening).close());
  } catch {
    // outside a test: the caller closes `database`
  }
  const database = await opening;
  const api = createApi({ database, now: () => NOW });
  const send = async (init: RequestInit & { headers: Record<string, string> }, path: string): Promise<Answer> => {
    const response = await api.fetch(new Request(`http://mitra.test/api${path}`, init));
    // The bytes as sent: a byte order mark is kept (TextDecoder would drop it).
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, headers: response.headers, text, body: /json/.test(type) && text ? JSON.parse(text) : undefined };
  };
  return {
    store: inspect(database),
    database,
    request(method, path, { body, headers = {}, user = IDS.staff } = {}) {
      const init = { method, headers: { ...(user ? { 'x-mitra-user': user } : {}), ...headers } } as RequestInit & { headers: Record<string, string> };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        init.headers['content-type'] ??= 'application/json';
      }
      return send(init, path);
    },
    upload(resource, file, { name = 'data.csv', type = 'text/csv', user = IDS.staff, headers = {}, query = '' } = {}) {
      const bytes = typeof file === 'string' ? new TextEncoder().encode(file) : file;
      return send(
        {
          method: 'POST',
          headers: { 'x-mitra-user': user, 'content-type': type, 'x-file-name': encodeURIComponent(name), ...headers },
          body: bytes,
          // A streamed body (the size tests) must say so.
          ...(bytes instanceof ReadableStream ? { duplex: 'half' } : {}),
        } as RequestInit & { headers: Record<string, string> },
        `/imports?resource=${resource}${query}`,
      );
    },
  };
}

/** A CSV file's text from rows of cells (quoted where needed). */
export function csv(rows: ReadonlyArray<ReadonlyArray<string>>, delimiter = ','): string {
  const cell = (value: string) => (/[",;\n\r\t]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `${rows.map((row) => row.map(cell).join(delimiter)).join('\r\n')}\r\n`;
}

/** The import API's write routes: their roles are tested in tests/api/imports-roles.test.ts. */
export const IMPORT_WRITE_ROUTES = ['POST /imports', 'POST /imports/:id/preview', 'POST /imports/:id/commit', 'POST /imports/:id/undo'];
