import { describe, expect, it } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import { NOW } from './helpers';
import { csv, importApi } from './import-helpers';

/**
 * Import rules beyond reading a file (issue 14, after issue 15): when a new partnership starts,
 * and the import history a page at a time. Runs on SQLite (node) and PostgreSQL (api-postgres).
 */

const today = NOW.toISOString().slice(0, 10);

describe('a partnership the import creates starts at its stage date, else today (said in the preview)', () => {
  it('takes the start date column; without one the row is noted "starts today" and starts today', async () => {
    const api = await importApi();
    const file = csv([
      ['Daerah mitra', 'Negara', 'Jenis kemitraan', 'Tahap', 'Tanggal mulai tahap ini'],
      ['Kota Suwon', 'KR', 'Sister city', 'Penjajakan', '14/03/2024'],
      ['Kota Daegu', 'KR', 'Sister city', 'Penjajakan', ''],
    ]);
    const uploaded = await api.upload('partnerships', file, { user: IDS.manager });
    expect(uploaded.status, uploaded.text).toBe(201);
    expect(uploaded.body.preview.map((r: { outcome: string; notes?: string[] }) => [r.outcome, r.notes])).toEqual([
      ['create', undefined],
      ['create', ['startsToday']],
    ]);
    // The stored preview says the same when read again.
    expect((await api.request('GET', `/imports/${uploaded.body.id}`, { user: IDS.manager })).body.preview[1].notes).toEqual(['startsToday']);
    const committed = await api.request('POST', `/imports/${uploaded.body.id}/commit`, { body: {}, user: IDS.manager });
    expect(committed.body).toMatchObject({ created: 2 });
    const created = (await api.store.partnerships.all()).slice(-2);
    expect(created.map((p) => p.stageHistory.map((s) => s.date))).toEqual([['2024-03-14'], [today]]);
  });

  it('notes nothing on a partnership the file updates or leaves unchanged', async () => {
    const api = await importApi();
    const exported = await api.request('GET', '/partnerships/export.csv');
    const withoutDates = exported.text.replace(/Tanggal mulai tahap ini/, 'Kolom lain');
    const uploaded = await api.upload('partnerships', withoutDates, { user: IDS.manager });
    expect(uploaded.body.errors).toEqual([]);
    expect(uploaded.body.preview.some((r: { notes?: string[] }) => r.notes)).toBe(false);
  });
});

describe('the import history, a page at a time', () => {
  it('pages newest first with a keyset cursor, every import once, and refuses a bad cursor', async () => {
    const api = await importApi();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const uploaded = await api.upload('people', csv([['Nama', 'Daerah'], [`Orang ${i}`, 'Kabupaten Tangerang']]), { name: `orang-${i}.csv` });
      expect(uploaded.status, uploaded.text).toBe(201);
      ids.push(uploaded.body.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await api.request('GET', `/imports?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status, page.text).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
    expect((await api.request('GET', '/imports?cursor=not-a-cursor')).status).toBe(400);
  });
});
