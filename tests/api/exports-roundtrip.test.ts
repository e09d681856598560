import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { demoSnapshot, demoSnapshotWithSecondGovernment, IDS } from '../../mocks/demo-data';
import { importApi, type ImportTestApi } from './import-helpers';

/**
 * Issue 14, item 6: what Mitra exports as CSV imports back as it was. For each resource the
 * export of the demo data, uploaded unchanged, previews every row as "unchanged" and its commit
 * writes nothing; the same file with one cell edited (as in Excel) updates exactly that field of
 * exactly that record. Runs on SQLite (node) and PostgreSQL (api-postgres).
 */

type Case = {
  resource: 'partnerships' | 'people' | 'meetings' | 'follow-ups';
  collection: 'partnerships' | 'people' | 'meetings' | 'followUps';
  /** The import field edited, its column header per language, and the record property it is. */
  field: string;
  header: { id: string; en: string };
  property: string;
};

const CASES: Case[] = [
  { resource: 'partnerships', collection: 'partnerships', field: 'notes', header: { id: 'Catatan', en: 'Notes' }, property: 'notes' },
  { resource: 'people', collection: 'people', field: 'position', header: { id: 'Jabatan', en: 'Position' }, property: 'position' },
  { resource: 'meetings', collection: 'meetings', field: 'place', header: { id: 'Tempat', en: 'Place' }, property: 'place' },
  { resource: 'follow-ups', collection: 'followUps', field: 'title', header: { id: 'Judul', en: 'Title' }, property: 'title' },
];

/** The cells of a CSV file (its byte order mark dropped). */
function parse(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

/** The file again after one cell is changed, as a spreadsheet saves it. */
function edited(text: string, row: number, header: string, value: string): string {
  const cells = parse(text);
  const column = cells[0]!.indexOf(header);
  expect(column, `column ${header} in ${cells[0]!.join(',')}`).toBeGreaterThanOrEqual(0);
  cells[row]![column] = value;
  return `\uFEFF${Papa.unparse(cells, { newline: '\r\n' })}\r\n`;
}

type Versions = Map<string, number>;
async function versions(api: ImportTestApi, collection: Case['collection']): Promise<Versions> {
  const items = (await (api.store[collection] as { all(): Promise<Array<{ id: string; version: number }>> }).all()) as Array<{ id: string; version: number }>;
  return new Map(items.map((item) => [item.id, item.version]));
}

describe('CSV export → import round trip, every resource', { timeout: 60_000 }, () => {
  for (const c of CASES) {
    for (const lang of ['id', 'en'] as const) {
      it(`${c.resource} (${lang}): unchanged file → all unchanged, nothing written; one cell edited → that field only`, async () => {
        const api = await importApi();
        // Whoever may create the resource imports it: partnerships, a manager.
        const user = c.resource === 'partnerships' ? IDS.manager : IDS.staff;
        const exported = await api.request('GET', `/${c.resource}/export.csv?lang=${lang}`);
        expect(exported.status, exported.text).toBe(200);
        expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
        expect(exported.headers.get('cache-control')).toBe('no-store');
        expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="mitra-[\w-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
        expect(exported.text.startsWith('\uFEFF')).toBe(true);
        const rows = parse(exported.text);
        expect(rows[0]![0]).toBe('ID');
        const before = await versions(api, c.collection);
        expect(rows.length - 1).toBe(before.size);
        expect(before.size).toBeGreaterThan(1);

        // Unchanged: every row matched and unchanged, and the commit writes no record.
        const same = await api.upload(c.resource, exported.text, { name: `${c.resource}.csv`, user });
        expect(same.status, same.text).toBe(201);
        expect(same.body.mappingProblems).toEqual([]);
        expect(same.body.errors, JSON.stringify(same.body.errors.slice(0, 3))).toEqual([]);
        expect(same.body.mapping.filter((m: { field: string | null }) => m.field === null).map((m: { header: string }) => m.header)).toEqual(
          c.resource === 'follow-ups' ? (lang === 'id' ? ['Jumlah pertemuan', 'Dibuat', 'Diperbarui'] : ['Meetings', 'Created', 'Updated']) : lang === 'id' ? ['Dibuat', 'Diperbarui'] : ['Created', 'Updated'],
        );
        const outcomes = same.body.preview.map((r: { outcome: string; changed?: string[] }) => `${r.outcome}${r.changed ? ` ${r.changed.join(',')}` : ''}`);
        expect(outcomes).toEqual(outcomes.map(() => 'unchanged'));
        const committed = await api.request('POST', `/imports/${same.body.id}/commit`, { body: {}, user });
        expect(committed.body).toMatchObject({ created: 0, updated: 0, unchanged: before.size, skipped: 0 });
        expect(await versions(api, c.collection)).toEqual(before);

        // One cell edited: that record's field, and nothing else anywhere.
        const id = rows[1]![0]!;
        const value = `Diubah lewat Excel ${lang}`;
        const changed = await api.upload(c.resource, edited(exported.text, 1, c.header[lang], value), { name: `${c.resource}-edited.csv`, user });
        expect(changed.status, changed.text).toBe(201);
        expect(changed.body.errors).toEqual([]);
        expect(changed.body.preview[0]).toMatchObject({ outcome: 'update', recordId: id, changed: [c.field] });
        expect(changed.body.preview.slice(1).every((r: { outcome: string }) => r.outcome === 'unchanged')).toBe(true);
        const reader = api.store[c.collection] as { get(id: string): Promise<Record<string, unknown> | undefined> };
        const old = (await reader.get(id))!;
        const done = await api.request('POST', `/imports/${changed.body.id}/commit`, { body: {}, user });
        expect(done.body).toMatchObject({ created: 0, updated: 1, unchanged: before.size - 1 });
        const now = (await reader.get(id))!;
        const { [c.property]: newValue, version, updatedAt: _u, history: _h, ...rest } = now;
        const { [c.property]: _old, version: oldVersion, updatedAt: _ou, history: _oh, ...oldRest } = old;
        expect(newValue).toBe(value);
        expect(version).toBe((oldVersion as number) + 1);
        expect(rest).toEqual(oldRest);
        const after = await versions(api, c.collection);
        after.delete(id);
        before.delete(id);
        expect(after).toEqual(before);
      });
    }
  }
});

describe('the CSV exports of partnerships, people and meetings', { timeout: 30_000 }, () => {
  it('take the list’s filters and refuse a bad one (400, naming it)', async () => {
    const api = await importApi();
    const active = await api.request('GET', '/partnerships/export.csv?stage=active&lang=en');
    const list = await api.request('GET', '/partnerships?stage=active&limit=100');
    expect(parse(active.text).slice(1).map((row) => row[0])).toEqual(list.body.items.map((p: { id: string }) => p.id));
    const meetings = await api.request('GET', `/meetings/export.csv?partnershipId=${IDS.partnership}`);
    const meetingList = await api.request('GET', `/meetings?partnershipId=${IDS.partnership}&limit=100`);
    expect(parse(meetings.text).slice(1).map((row) => row[0])).toEqual(meetingList.body.items.map((m: { id: string }) => m.id));
    const bad = await api.request('GET', '/meetings/export.csv?year=abc');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('year');
    expect((await api.request('GET', '/people/export.csv?lang=fr')).status).toBe(400);
  });

  it("hold only the user's home governments' partnerships and meetings", async () => {
    const api = await importApi(demoSnapshotWithSecondGovernment());
    const regency = await api.request('GET', '/partnerships/export.csv', { user: IDS.staff });
    const city = await api.request('GET', '/partnerships/export.csv', { user: IDS.kotaStaff });
    expect(regency.text).not.toContain(IDS.kotaPartnership);
    expect(parse(city.text).slice(1).map((row) => row[0])).toEqual([IDS.kotaPartnership]);
    const cityMeetings = await api.request('GET', '/meetings/export.csv', { user: IDS.kotaStaff });
    expect(parse(cityMeetings.text).slice(1).map((row) => row[0])).toEqual([IDS.kotaMeeting]);
    expect((await api.request('GET', '/meetings/export.csv', { user: IDS.staff })).text).not.toContain(IDS.kotaMeeting);
  });
});

describe('a meeting recorded without its kind', () => {
  it('is exported as "kind not stated" and imports back unchanged', async () => {
    const api = await importApi();
    const meeting = (await api.store.meetings.all())[0]!;
    const patched = await api.request('PATCH', `/meetings/${meeting.id}`, { body: { kind: 'not-stated' }, headers: { 'if-match': `"${meeting.version}"` } });
    expect(patched.status, patched.text).toBe(200);
    for (const lang of ['id', 'en'] as const) {
      const exported = await api.request('GET', `/meetings/export.csv?lang=${lang}`);
      const row = parse(exported.text).find((cells) => cells[0] === meeting.id)!;
      expect(row).toContain(lang === 'id' ? 'Jenis tidak disebutkan' : 'Kind not stated');
      const uploaded = await api.upload('meetings', exported.text);
      expect(uploaded.body.errors).toEqual([]);
      expect(uploaded.body.preview.every((r: { outcome: string }) => r.outcome === 'unchanged')).toBe(true);
    }
  });
});

describe('export → import into a database without those records → the same records', { timeout: 60_000 }, () => {
  const strip = (item: object, keep: readonly string[]) =>
    Object.fromEntries(Object.entries(item).filter(([key]) => keep.includes(key)).map(([key, value]) => [key, value === undefined ? null : value]));
  const cases = [
    {
      resource: 'partnerships',
      collection: 'partnerships',
      // Its meetings and follow-ups go too: they cannot be without it.
      empty: ['partnerships', 'meetings', 'followUps'],
      keep: ['homeRegionId', 'partnerRegionId', 'partnerOrganizationId', 'type', 'stage', 'focusSectorIds', 'facilitatorIds', 'coordinatorId', 'agreements', 'notes'],
      key: (p: Record<string, unknown>) => String(p.partnerRegionId ?? p.partnerOrganizationId),
    },
    {
      resource: 'people',
      collection: 'people',
      // Meetings name people: they go too.
      empty: ['people', 'meetings', 'followUps'],
      keep: ['name', 'position', 'regionId', 'organizationId', 'email', 'phone'],
      key: (p: Record<string, unknown>) => String(p.name),
    },
    {
      resource: 'meetings',
      collection: 'meetings',
      empty: ['meetings', 'followUps'],
      keep: ['partnershipId', 'kind', 'title', 'date', 'time', 'timeZone', 'place', 'hostLeadId', 'delegationLeadId', 'facilitatorIds', 'sectorIds', 'summary', 'outcomes', 'source'],
      key: (m: Record<string, unknown>) => `${String(m.date)} ${String(m.title)}`,
    },
  ] as const;
  for (const c of cases) {
    it(c.resource, async () => {
      const source = await importApi();
      const exported = await source.request('GET', `/${c.resource}/export.csv?lang=en`);
      const reader = (api: ImportTestApi) => api.store[c.collection] as { all(): Promise<Array<Record<string, unknown>>> };
      const original = await reader(source).all();
      const target = await importApi({ ...demoSnapshot(), ...Object.fromEntries(c.empty.map((name) => [name, []])), audit: [] });
      const user = c.resource === 'partnerships' ? IDS.manager : IDS.staff;
      const uploaded = await target.upload(c.resource, exported.text, { user });
      expect(uploaded.body.errors, JSON.stringify(uploaded.body.errors.slice(0, 3))).toEqual([]);
      const committed = await target.request('POST', `/imports/${uploaded.body.id}/commit`, { body: {}, user });
      expect(committed.body).toMatchObject({ created: original.length, updated: 0, unchanged: 0, skipped: 0 });
      // The meetings' source keeps only what the export has (link and publisher).
      const shape = (items: Array<Record<string, unknown>>) =>
        items
          .map((item) => strip(c.resource === 'meetings' && item.source ? { ...item, source: strip(item.source as object, ['url', 'publisher']) } : item, c.keep))
          .sort((a, b) => c.key(a).localeCompare(c.key(b)));
      expect(shape(await reader(target).all())).toEqual(shape(original));
    });
  }
});
