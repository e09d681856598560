import { describe, expect, it } from 'vitest';
import { IDS } from '../../server/seed/demo-data';
import { expectProblem } from './fixtures';
import { csv, importApi, type ImportTestApi } from './import-helpers';

/**
 * The import API (issue 14): upload → preview (nothing written) → commit → undo, on SQLite
 * ('node') and PostgreSQL ('api-postgres'). Bad input: a clear problem and nothing written.
 */

const HEADER = ['Judul', 'Kemitraan', 'Penanggung jawab', 'Tenggat', 'Status', 'Sektor'];
const FOLLOW_UPS = csv([
  HEADER,
  ['Menyusun laporan kunjungan', 'Binzhou', 'Budi Santoso', '15/12/2025', 'Terbuka', 'Pendidikan; UMKM'],
  ['Mengirim surat terima kasih', 'Kota Binzhou', 'dewi.lestari@example.org', '2025-12-01', 'Open', 'Tourism'],
]);

async function state(api: ImportTestApi) {
  const snapshot = await api.store.snapshot();
  // The id sequence may move (an import takes an id); the records must not.
  const { audit: _audit, sequence: _sequence, ...records } = snapshot;
  return records;
}

async function uploadAndCommit(api: ImportTestApi, text: string, body: unknown = {}) {
  const uploaded = await api.upload('follow-ups', text);
  expect(uploaded.status, uploaded.text).toBe(201);
  const committed = await api.request('POST', `/imports/${uploaded.body.id}/commit`, { body });
  return { uploaded, committed };
}

describe('POST /api/imports → commit → undo', () => {
  it('previews a file without writing a record, then commits it, then undoes it', async () => {
    const api = await importApi();
    const before = await state(api);
    const uploaded = await api.upload('follow-ups', FOLLOW_UPS, { name: 'tindak lanjut.csv' });
    expect(uploaded.status, uploaded.text).toBe(201);
    const detail = uploaded.body;
    expect(detail).toMatchObject({
      resource: 'follow-ups',
      fileName: 'tindak lanjut.csv',
      status: 'previewed',
      createdBy: { id: IDS.staff, name: 'Rina Wulandari' },
      rows: 2,
      valid: 2,
      invalid: 0,
      headers: HEADER,
      errors: [],
      errorsTotal: 0,
      mappingProblems: [],
    });
    expect(detail.mapping.map((m: { field: string | null }) => m.field)).toEqual(['title', 'partnership', 'owner', 'dueDate', 'status', 'sectors']);
    expect(detail.preview).toEqual([
      expect.objectContaining({ row: 2, outcome: 'create', values: expect.objectContaining({ title: 'Menyusun laporan kunjungan' }) }),
      expect.objectContaining({ row: 3, outcome: 'create' }),
    ]);
    expect(await state(api)).toEqual(before);

    const committed = await api.request('POST', `/imports/${detail.id}/commit`, { body: {} });
    expect(committed.status, committed.text).toBe(200);
    expect(committed.body).toEqual({ id: detail.id, created: 2, updated: 0, unchanged: 0, skipped: 0 });
    const items = (await api.store.followUps.all()).filter((f) => f.title === 'Menyusun laporan kunjungan' || f.title === 'Mengirim surat terima kasih');
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      partnershipId: IDS.partnership,
      ownerId: IDS.officer,
      dueDate: '2025-12-15',
      status: 'open',
      sectorIds: ['education', 'msme'],
      version: 1,
    });
    // Every record written carries the import in its change history.
    const audit = (await api.store.audit.all()).filter((e) => e.entityId === items[0]!.id);
    expect(audit).toEqual([expect.objectContaining({ action: 'create', actorId: IDS.staff, note: `import:${detail.id}` })]);

    const shown = await api.request('GET', `/imports/${detail.id}`);
    expect(shown.body).toMatchObject({ status: 'committed', counts: { created: 2, updated: 0, unchanged: 0, skipped: 0 } });
    expect(shown.body.preview[0].recordId).toBe(items[0]!.id);
    const list = await api.request('GET', '/imports');
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([detail.id]);

    // Committed once only.
    expectProblem(await api.request('POST', `/imports/${detail.id}/commit`, { body: {} }), 409);

    const undone = await api.request('POST', `/imports/${detail.id}/undo`);
    expect(undone.status, undone.text).toBe(200);
    expect(undone.body).toEqual({ removed: 2, restored: 0 });
    expect(await state(api)).toEqual(before);
    expect((await api.request('GET', `/imports/${detail.id}`)).body.status).toBe('undone');
    expectProblem(await api.request('POST', `/imports/${detail.id}/undo`), 409);
  });

  it('is idempotent: the same file twice creates nothing the second time', async () => {
    const api = await importApi();
    expect((await uploadAndCommit(api, FOLLOW_UPS)).committed.body).toMatchObject({ created: 2 });
    const between = await state(api);
    const second = await uploadAndCommit(api, FOLLOW_UPS);
    expect(second.uploaded.body.preview.map((r: { outcome: string }) => r.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(second.committed.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, skipped: 0 });
    expect(await state(api)).toEqual(between);
  });

  it('updates only the changed fields of a matched record, against its version, and undo restores it', async () => {
    const api = await importApi();
    const before = await api.store.followUps.get('fu-binzhou-exchange');
    const file = csv([
      ['ID', 'Judul', 'Kemitraan', 'Penanggung jawab', 'Prioritas', 'Tenggat'],
      ['fu-binzhou-exchange', before!.title, 'Binzhou', 'Dewi Lestari', 'Tinggi', before!.dueDate!],
    ]);
    const { uploaded, committed } = await uploadAndCommit(api, file);
    expect(uploaded.body.preview[0]).toMatchObject({ outcome: 'update', recordId: 'fu-binzhou-exchange', changed: ['priority'] });
    expect(committed.body).toMatchObject({ created: 0, updated: 1 });
    const after = await api.store.followUps.get('fu-binzhou-exchange');
    expect(after).toMatchObject({ priority: 'high', version: before!.version + 1, dueDate: before!.dueDate, sectorIds: before!.sectorIds });
    const undone = await api.request('POST', `/imports/${uploaded.body.id}/undo`);
    expect(undone.body).toEqual({ removed: 0, restored: 1 });
    const restored = await api.store.followUps.get('fu-binzhou-exchange');
    expect({ ...restored, version: 0, updatedAt: '' }).toEqual({ ...before, version: 0, updatedAt: '' });
  });

  it('refuses to undo when a record changed since, naming it, and changes nothing', async () => {
    const api = await importApi();
    const { uploaded } = await uploadAndCommit(api, FOLLOW_UPS);
    const item = (await api.store.followUps.all()).find((f) => f.title === 'Menyusun laporan kunjungan')!;
    const patched = await api.request('PATCH', `/follow-ups/${item.id}`, { body: { priority: 'high' }, headers: { 'if-match': '"1"' } });
    expect(patched.status, patched.text).toBe(200);
    const before = await state(api);
    const undone = await api.request('POST', `/imports/${uploaded.body.id}/undo`);
    expectProblem(undone, 409);
    expect(undone.body.conflicts).toEqual([{ entity: 'followUp', id: item.id, label: 'Menyusun laporan kunjungan' }]);
    expect(await state(api)).toEqual(before);
  });

  it('refuses to undo a created partnership that a meeting logged since uses', async () => {
    const api = await importApi();
    const file = csv([['Daerah mitra', 'Negara', 'Jenis kemitraan'], ['Kota Suwon', 'KR', 'Sister city']]);
    const uploaded = await api.upload('partnerships', file, { user: IDS.manager });
    await api.request('POST', `/imports/${uploaded.body.id}/commit`, { body: {}, user: IDS.manager });
    const partnership = (await api.store.partnerships.all()).at(-1)!;
    const meeting = await api.request('POST', '/meetings', {
      body: { partnershipId: partnership.id, kind: 'virtual', title: 'Rapat perkenalan', date: '2025-10-30' },
    });
    expect(meeting.status, meeting.text).toBe(201);
    const before = await state(api);
    const undone = await api.request('POST', `/imports/${uploaded.body.id}/undo`, { user: IDS.manager });
    expectProblem(undone, 409);
    expect(undone.body.conflicts).toEqual([{ entity: 'partnership', id: partnership.id, label: 'Suwon' }]);
    expect(await state(api)).toEqual(before);
  });

  it('refuses a commit with invalid rows unless told to skip them', async () => {
    const api = await importApi();
    const file = csv([HEADER, ['Baris baik', 'Binzhou', 'Budi Santoso', '15/12/2025', 'Terbuka', ''], ['Baris buruk', 'Atlantis', 'Budi Santoso', '15/12/2025', 'Terbuka', '']]);
    const uploaded = await api.upload('follow-ups', file);
    expect(uploaded.body).toMatchObject({ valid: 1, invalid: 1, errorsTotal: 1 });
    expect(uploaded.body.errors).toEqual([expect.objectContaining({ row: 3, column: 1, field: 'partnership', code: 'unknownReference' })]);
    expect(uploaded.body.preview[1]).toMatchObject({ outcome: 'error' });
    const before = await state(api);
    const refused = await api.request('POST', `/imports/${uploaded.body.id}/commit`, { body: {} });
    expectProblem(refused, 422);
    expect(refused.body.invalid).toBe(1);
    expect(await state(api)).toEqual(before);
    const committed = await api.request('POST', `/imports/${uploaded.body.id}/commit`, { body: { skipInvalid: true } });
    expect(committed.body).toMatchObject({ created: 1, skipped: 1 });
    const errors = await api.request('GET', `/imports/${uploaded.body.id}/errors.csv?lang=en`);
    expect(errors.status).toBe(200);
    expect(errors.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(errors.text.split('\r\n')[0]).toBe(`\uFEFFReason,${HEADER.join(',')}`);
    expect(errors.text).toContain('Cell B3: ""Atlantis"" was not found in Mitra (Kemitraan)');
    expect(errors.text).not.toContain('Baris baik');
  });

  it('re-validates with the user’s mapping and remembers it for the next file', async () => {
    const api = await importApi();
    const file = csv([['Apa', 'Kemitraan', 'Penanggung jawab', 'Tenggat'], ['Laporan', 'Binzhou', 'Budi Santoso', '1 Desember 2025']]);
    const uploaded = await api.upload('follow-ups', file);
    expect(uploaded.body.mappingProblems).toEqual([{ code: 'requiredFieldUnmapped', field: 'title' }]);
    expect(uploaded.body.valid).toBe(0);
    const mapping = uploaded.body.mapping.map((m: { column: number }) => (m.column === 0 ? { ...m, field: 'title', source: 'user' } : m));
    const previewed = await api.request('POST', `/imports/${uploaded.body.id}/preview`, { body: { mapping } });
    expect(previewed.status, previewed.text).toBe(200);
    expect(previewed.body).toMatchObject({ valid: 1, invalid: 0, mappingProblems: [] });
    const again = await api.upload('follow-ups', file);
    expect(again.body.mapping[0]).toMatchObject({ field: 'title', source: 'remembered' });
  });

  it('honours an Idempotency-Key on commit', async () => {
    const api = await importApi();
    const uploaded = await api.upload('follow-ups', FOLLOW_UPS);
    const headers = { 'idempotency-key': 'import-commit-0001' };
    const first = await api.request('POST', `/imports/${uploaded.body.id}/commit`, { body: {}, headers });
    const second = await api.request('POST', `/imports/${uploaded.body.id}/commit`, { body: {}, headers });
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
  });

  it('creates the partner region a partnership row names, once, and matches it the second time', async () => {
    const api = await importApi();
    const file = csv([
      ['Daerah mitra', 'Negara', 'Tingkat pemerintahan', 'Jenis kemitraan', 'Sektor fokus'],
      ['Kota Suwon', 'Korea Selatan', '', 'Sister city', 'Pendidikan'],
    ]);
    const uploaded = await api.upload('partnerships', file, { user: IDS.manager });
    expect(uploaded.status, uploaded.text).toBe(201);
    expect(uploaded.body.errors).toEqual([]);
    const committed = await api.request('POST', `/imports/${uploaded.body.id}/commit`, { body: {}, user: IDS.manager });
    expect(committed.body, committed.text).toMatchObject({ created: 1 });
    const region = (await api.store.regions.all()).find((r) => r.name === 'Suwon')!;
    expect(region).toMatchObject({ countryCode: 'KR', level: 'city', role: 'partner' });
    const partnership = (await api.store.partnerships.all()).find((p) => p.partnerRegionId === region.id)!;
    expect(partnership).toMatchObject({ homeRegionId: IDS.tangerang, type: 'sister-city', focusSectorIds: ['education'], stage: 'exploring' });
    const again = await api.upload('partnerships', file, { user: IDS.manager });
    expect(again.body.preview[0].outcome).toBe('unchanged');
    const undone = await api.request('POST', `/imports/${uploaded.body.id}/undo`, { user: IDS.manager });
    expect(undone.body).toEqual({ removed: 2, restored: 0 });
    expect((await api.store.regions.all()).find((r) => r.name === 'Suwon')).toBeUndefined();
  });
});

describe('XLSX workbooks', () => {
  it('reads the chosen sheet of a workbook (exceljs, loaded when a workbook comes) and lists the sheets', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Catatan').addRow(['Daftar tindak lanjut kantor']);
    const sheet = workbook.addWorksheet('Tindak lanjut');
    sheet.addRow(['Judul', 'Kemitraan', 'Penanggung jawab', 'Tenggat']);
    sheet.addRow(['Laporan kunjungan', 'Binzhou', 'Budi Santoso', new Date(Date.UTC(2025, 11, 15))]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const api = await importApi();
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const uploaded = await api.upload('follow-ups', bytes, { name: 'kantor.xlsx', type, query: `&sheet=${encodeURIComponent('Tindak lanjut')}` });
    expect(uploaded.status, uploaded.text).toBe(201);
    expect(uploaded.body).toMatchObject({ sheet: 'Tindak lanjut', sheets: ['Catatan', 'Tindak lanjut'], valid: 1, invalid: 0 });
    expect(uploaded.body.preview[0].values).toMatchObject({ title: 'Laporan kunjungan', dueDate: '2025-12-15' });
    const committed = await api.request('POST', `/imports/${uploaded.body.id}/commit`, { body: {} });
    expect(committed.body).toMatchObject({ created: 1 });
    // The same bytes sent as application/octet-stream: the content says it is a workbook.
    const detected = await api.upload('follow-ups', bytes, { name: 'kantor.xlsx', type: 'application/octet-stream', query: '&sheet=Tindak%20lanjut' });
    expect(detected.body.preview[0].outcome).toBe('unchanged');
    const missing = await api.upload('follow-ups', bytes, { name: 'kantor.xlsx', type, query: '&sheet=Tidak%20ada' });
    expectProblem(missing, 422);
    expect(missing.body.fileProblem.code).toBe('sheetNotFound');
  }, 60_000);
});
