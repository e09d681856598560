import { describe, expect, it } from 'vitest';
import { IDS } from '../../server/seed/demo-data';
import { MAX_FILE_BYTES } from '../../src/domain/import/limits';
import { expectProblem } from './fixtures';
import { csv, importApi, type ImportTestApi } from './import-helpers';

/**
 * Files as they really come, badly: each refused with a clear problem (a code the UI
 * translates), or read with its cells kept as text — and nothing written, on either engine.
 */

async function records(api: ImportTestApi) {
  const { audit: _a, sequence: _s, ...rest } = await api.store.snapshot();
  return rest;
}

async function importCount(api: ImportTestApi): Promise<number> {
  const rows = await api.database.db.selectFrom('imports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number((rows as { n: unknown }).n);
}

/** Uploads a file that must be refused: the problem, nothing written, no import kept. */
async function refused(api: ImportTestApi, status: number, code: string, upload: () => ReturnType<ImportTestApi['upload']>) {
  const before = await records(api);
  const response = await upload();
  expectProblem(response, status);
  expect(response.body.fileProblem?.code, response.text).toBe(code);
  expect(response.body.detail).toBe('Nothing was imported.');
  expect(await records(api)).toEqual(before);
  expect(await importCount(api)).toBe(0);
  return response;
}

const HEADER = ['Judul', 'Kemitraan', 'Penanggung jawab', 'Tenggat'];
const ROW = ['Laporan', 'Binzhou', 'Budi Santoso', '15/12/2025'];

describe('bad files: a clear problem, nothing written', () => {
  it('an empty file', async () => {
    const api = await importApi();
    await refused(api, 422, 'empty', () => api.upload('follow-ups', ''));
    await refused(api, 422, 'empty', () => api.upload('follow-ups', '\r\n\r\n  \r\n'));
  });

  it('a binary file named .csv', async () => {
    const api = await importApi();
    const bytes = new Uint8Array(2048).map((_, i) => (i * 37) % 256);
    bytes.set([0x25, 0x50, 0x44, 0x46], 0); // %PDF
    await refused(api, 422, 'binary', () => api.upload('follow-ups', bytes, { name: 'tindak-lanjut.csv' }));
  });

  it('a workbook named .csv, and an old .xls workbook', async () => {
    const api = await importApi();
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    await refused(api, 422, 'wrongFormat', () => api.upload('follow-ups', zip, { name: 'data.csv' }));
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await refused(api, 422, 'unsupportedFormat', () => api.upload('follow-ups', ole, { name: 'data.xls', type: 'application/octet-stream' }));
  });

  it('a 100 MB file: refused by its declared size before a byte is read', async () => {
    const api = await importApi();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024 * 1024).fill(0x41));
        if (pulled >= 100) controller.close();
      },
    });
    const response = await refused(api, 413, 'tooLarge', () =>
      api.upload('follow-ups', body as unknown as Uint8Array, { headers: { 'content-length': String(100 * 1024 * 1024) } }),
    );
    expect(response.body.fileProblem.params).toMatchObject({ maxMb: MAX_FILE_BYTES / (1024 * 1024), sizeMb: 100 });
    // A stream's first chunk may be pulled when the request is built; the rest never is.
    expect(pulled).toBeLessThanOrEqual(2);
  });

  it('a 100 MB body without a Content-Length: refused once the count passes the limit', async () => {
    const api = await importApi();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024 * 1024).fill(0x41));
        if (pulled >= 100) controller.close();
      },
    });
    await refused(api, 413, 'tooLarge', () => api.upload('follow-ups', body as unknown as Uint8Array));
    expect(pulled).toBeLessThan(100);
  });

  it('a row of 10,000 columns', async () => {
    const api = await importApi();
    const wide = Array.from({ length: 10_000 }, (_, i) => `K${i}`);
    await refused(api, 422, 'tooManyColumns', () => api.upload('follow-ups', csv([HEADER, ROW, wide])));
  });

  it('duplicated headers', async () => {
    const api = await importApi();
    const response = await refused(api, 422, 'duplicateHeader', () => api.upload('follow-ups', csv([[...HEADER, 'Judul'], [...ROW, 'Lagi']])));
    expect(response.body.fileProblem.params).toBeDefined();
  });

  it('a header row with no data', async () => {
    const api = await importApi();
    await refused(api, 422, 'noRows', () => api.upload('follow-ups', csv([HEADER])));
  });

  it('a wrong encoding (UTF-16 without a byte order mark, bytes no text encoding reads)', async () => {
    const api = await importApi();
    const bytes = new Uint8Array(600).map((_, i) => [0x81, 0x8d, 0x8f, 0x90, 0x9d][i % 5] as number);
    await refused(api, 422, 'encoding', () => api.upload('follow-ups', bytes));
  });

  it('a file whose header matches nothing: previewed with its mapping problem, nothing can be committed', async () => {
    const api = await importApi();
    const before = await records(api);
    const response = await api.upload('follow-ups', csv([['Warna', 'Rasa'], ['merah', 'manis']]));
    expect(response.status, response.text).toBe(201);
    expect(response.body.mappingProblems).toEqual([{ code: 'noColumnsMatched' }]);
    expect(response.body.valid).toBe(0);
    const committed = await api.request('POST', `/imports/${response.body.id}/commit`, { body: {} });
    expectProblem(committed, 422);
    expect(await records(api)).toEqual(before);
  });

  it('unknown partnerships and owners: an error on each cell, nothing written', async () => {
    const api = await importApi();
    const before = await records(api);
    const response = await api.upload('follow-ups', csv([HEADER, ['Laporan', 'Atlantis', 'Budi Santoso', '15/12/2025'], ['Surat', 'Binzhou', 'Joko Anwar', '15/12/2025']]));
    expect(response.body.errors).toEqual([
      expect.objectContaining({ row: 2, column: 1, field: 'partnership', code: 'unknownReference', params: { value: 'Atlantis' } }),
      expect.objectContaining({ row: 3, column: 2, field: 'owner', code: 'unknownReference', params: { value: 'Joko Anwar' } }),
    ]);
    expectProblem(await api.request('POST', `/imports/${response.body.id}/commit`, { body: {} }), 422);
    expect(await records(api)).toEqual(before);
  });

  it('formula-looking cells are kept as text, and never exported as formulas', async () => {
    const api = await importApi();
    const formulas = ['=HYPERLINK("http://evil.example","klik")', '+62 21 555', '-1+2', '@SUM(A1:A2)'];
    const rows = formulas.map((title, i) => [title, 'Binzhou', 'Budi Santoso', `1${i}/12/2025`]);
    const response = await api.upload('follow-ups', csv([HEADER, ...rows]));
    expect(response.body.valid).toBe(4);
    const committed = await api.request('POST', `/imports/${response.body.id}/commit`, { body: {} });
    expect(committed.body).toMatchObject({ created: 4 });
    const titles = (await api.store.followUps.all()).map((f) => f.title);
    for (const formula of formulas) expect(titles).toContain(formula);
    const exported = await api.request('GET', '/follow-ups/export.csv?partnershipId=' + IDS.partnership);
    for (const line of exported.text.split('\r\n').slice(1)) {
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
    }
    // And the errors file neutralises them too.
    const bad = await api.upload('follow-ups', csv([HEADER, ['=1+1', 'Atlantis', 'Budi Santoso', '15/12/2025']]));
    const errors = await api.request('GET', `/imports/${bad.body.id}/errors.csv`);
    expect(errors.text).toContain("'=1+1");
  });

  it('HTML in cells is kept as text (JSON answers, never markup)', async () => {
    const api = await importApi();
    const html = '<img src=x onerror=alert(1)><b>Laporan</b>';
    const response = await api.upload('follow-ups', csv([HEADER, [html, 'Binzhou', 'Budi Santoso', '15/12/2025']]));
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body.preview[0].values.title).toBe(html);
    await api.request('POST', `/imports/${response.body.id}/commit`, { body: {} });
    expect((await api.store.followUps.all()).some((f) => f.title === html)).toBe(true);
  });

  it('refuses an unknown resource, a mapping that is not JSON, and a mapping of other columns', async () => {
    const api = await importApi();
    expectProblem(await api.upload('sectors', csv([HEADER, ROW])), 400);
    expectProblem(await api.upload('follow-ups', csv([HEADER, ROW]), { headers: { 'x-import-mapping': '{nope' } }), 400);
    const other = JSON.stringify([{ column: 0, header: 'Lain', field: 'title', source: 'user' }]);
    expectProblem(await api.upload('follow-ups', csv([HEADER, ROW]), { headers: { 'x-import-mapping': other } }), 400);
    expect(await importCount(api)).toBe(0);
  });
});
