import { describe, expect, it, onTestFinished } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import { generateSnapshot } from '../../mocks/generator';
import { createApi } from '../../server/app';
import { toCsv } from '../../server/routes/exports';
import { parseCsv, parseText, previewImport, type ReferenceData } from '../../src/domain/import';
import { openSeededDatabase } from '../db/harness';

/**
 * What Mitra exports imports back unchanged: the follow-ups CSV export (through the API, in both
 * languages) read by the import gives every exported field its stored value again.
 */
const TRICKY = [
  '=HYPERLINK("http://evil.example","klik")',
  '+62 21 5550 123',
  '-tindak lanjut',
  '@tangerang',
  'Rapat "koordinasi", tahap 2; sektor UMKM',
  'Baris satu\nbaris dua',
  '<b>Rapat</b> & <script>alert(1)</script>',
  'Kunjungan ke 滨州市 — édition',
];

function snapshot() {
  const data = generateSnapshot({ seed: 14, followUps: 400, meetings: 40, partnerships: 15 });
  TRICKY.forEach((title, i) => {
    const item = data.followUps[i];
    if (item) data.followUps[i] = { ...item, title };
  });
  return data;
}

async function exportCsv(
  data: ReturnType<typeof snapshot>,
  lang: 'id' | 'en',
): Promise<Uint8Array> {
  // The API over a database holding the data (SQLite in memory), closed when the test ends
  // (registered before the first await, while vitest still knows the running test).
  const opening = openSeededDatabase(data);
  onTestFinished(async () => (await opening).close());
  const database = await opening;
  const api = createApi({
    database,
    now: () => new Date('2025-11-01T03:00:00.000Z'),
  });
  const response = await api.fetch(
    new Request(`http://mitra.test/api/follow-ups/export.csv?lang=${lang}`, {
      headers: { 'x-mitra-user': IDS.staff },
    }),
  );
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

describe("importing Mitra's own CSV export", () => {
  for (const lang of ['id', 'en'] as const) {
    it(`gives back every exported follow-up field (${lang})`, async () => {
      const data = snapshot();
      const refs: ReferenceData = {
        sectors: data.sectors,
        users: data.users,
        regions: data.regions,
        organizations: data.organizations,
        partnerships: data.partnerships,
        meetings: data.meetings,
      };
      const bytes = await exportCsv(data, lang);
      const preview = await previewImport(
        'follow-ups',
        bytes,
        { name: `mitra-tindak-lanjut.csv`, type: 'text/csv' },
        refs,
      );
      expect(preview.ok).toBe(true);
      if (!preview.ok) return;
      expect(preview.mappingProblems).toEqual([]);
      expect(preview.mapping.map((m) => m.field)).toEqual([
        'id',
        'title',
        'status',
        'priority',
        'partnership',
        'owner',
        'dueDate',
        'sectors',
        null,
        null,
        null,
      ]);
      expect(preview.result.errors).toEqual([]);
      expect(preview.result.valid.length).toBeGreaterThan(300);
      const stored = new Map(data.followUps.map((f) => [f.id, f]));
      for (const row of preview.result.valid) {
        const original = stored.get(row.id ?? '');
        expect(original, `row ${row.row}: id ${row.id}`).toBeDefined();
        if (!original) continue;
        expect(row.input).toEqual({
          title: original.title,
          status: original.status,
          priority: original.priority,
          partnershipId: original.partnershipId,
          ownerId: original.ownerId,
          ...(original.dueDate ? { dueDate: original.dueDate } : {}),
          sectorIds: original.sectorIds,
        });
      }
      const titles = preview.result.valid.map((row) => row.input.title);
      for (const title of TRICKY) expect(titles).toContain(title);
    });
  }

  it('reads back any cell toCsv writes, formula-looking ones included', async () => {
    const header = ['ID', 'Judul', 'Catatan'];
    const rows = TRICKY.map((title, i) => [`fu-${i}`, title, i % 2 === 0 ? '' : `=${i}`]);
    const result = await parseCsv(toCsv(header, rows));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.table.headers).toEqual(header);
    expect(result.table.rows.map((row) => row.map((cell) => parseText(cell) ?? ''))).toEqual(rows);
  });
});
