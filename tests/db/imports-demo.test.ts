import { afterEach, describe, expect, it } from 'vitest';
import { openDemoDatabase, type DemoDatabase } from '../../mocks/demo-database';
import { createApi } from '../../server/app';
import { IDS } from '../../server/seed/demo-data';
import { ENGINE, WASM } from './harness';

/**
 * The import API in the browser demo: the same routes over SQLite in WebAssembly
 * (mocks/demo-database.ts), as MSW hands them requests. Runs wherever SQLite runs in node
 * (it opens the WebAssembly engine itself).
 */
const opened: DemoDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.close()));
});

describe.runIf(ENGINE === 'sqlite' || WASM)('imports in the browser demo (SQLite in WebAssembly)', () => {
  it('uploads, commits and undoes a CSV file; the demo reset clears the imports', async () => {
    const saves: Uint8Array[] = [];
    const demo = await openDemoDatabase({ load: async () => saves.at(-1), save: async (bytes) => void saves.push(bytes) });
    opened.push(demo);
    const api = createApi({ database: demo.database, now: () => new Date('2025-11-01T03:00:00.000Z') });
    const call = async (method: string, path: string, body?: BodyInit, type = 'application/json') => {
      const response = await api.fetch(
        new Request(`http://mitra.demo/api${path}`, {
          method,
          headers: { 'x-mitra-user': IDS.staff, 'content-type': type, 'x-file-name': 'tindak-lanjut.csv' },
          ...(body === undefined ? {} : { body }),
        }),
      );
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const file = '\uFEFFJudul;Kemitraan;Penanggung jawab;Tenggat\r\nLaporan kunjungan;Binzhou;Budi Santoso;15/12/2025\r\n';
    const uploaded = await call('POST', '/imports?resource=follow-ups', new TextEncoder().encode(file), 'text/csv');
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body).toMatchObject({ valid: 1, invalid: 0 });
    const committed = await call('POST', `/imports/${String(uploaded.body.id)}/commit`, '{}');
    expect(committed.body).toMatchObject({ created: 1 });
    await demo.persist();
    const undone = await call('POST', `/imports/${String(uploaded.body.id)}/undo`, '{}');
    expect(undone.body).toEqual({ removed: 1, restored: 0 });
    expect((await call('GET', '/imports')).body.items).toHaveLength(1);
    await demo.reset();
    expect((await call('GET', '/imports')).body.items).toHaveLength(0);
  }, 60_000);
});
