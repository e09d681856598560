/**
 * How long the import core (src/domain/import) takes to
 * read, map and validate 50,000 follow-up rows — as a semicolon CSV with a BOM and dd/mm/yyyy
 * dates, and as an XLSX workbook with date cells — and the longest synchronous step while it runs
 * (the longest gap between two turns of the event loop, in wall and CPU time: what a Web Worker
 * would be unable to answer a cancel or post progress for). Beside each, references
 * measured in the same run on the same bytes: papaparse alone in one call, exceljs's load alone.
 * A benchmark, not a test: prints figures, exits 0 whatever they are.
 *
 * Run as `node --expose-gc --import tsx scripts/bench-import-parse.ts` so that each measurement
 * starts with the previous one's garbage collected (without the flag it still runs).
 * Options: --rows N (default 50000), --runs N (default 3; the median is printed).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { generateSnapshot } from '../mocks/generator';
import { createReferenceMatcher, previewImport, type ReferenceData } from '../src/domain/import';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '50000' }, runs: { type: 'string', default: '3' } },
});
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);

const snapshot = generateSnapshot({ seed: 14, followUps: 0, meetings: 0, partnerships: 60 });
const refs: ReferenceData = {
  sectors: snapshot.sectors,
  users: snapshot.users,
  regions: snapshot.regions,
  organizations: snapshot.organizations,
  people: snapshot.people,
  partnerships: snapshot.partnerships,
};
const regionById = new Map(snapshot.regions.map((r) => [r.id, r]));
const partnerNames = snapshot.partnerships.map(
  (p) => regionById.get(p.partnerRegionId ?? '')?.name ?? '',
);
const owners = snapshot.users.filter((u) => u.role === 'officer' || u.role === 'manager');
const sectorNames = snapshot.sectors.map((s) => s.name.id);
const STATUSES = ['Terbuka', 'Sedang berjalan', 'Terhambat', 'Selesai', 'Dibatalkan'];
const PRIORITIES = ['Rendah', 'Sedang', 'Tinggi'];
const HEADER = [
  'Judul',
  'Kemitraan',
  'Penanggung jawab',
  'Tenggat',
  'Sektor',
  'Status',
  'Prioritas',
  'Keterangan',
];

function row(i: number): { cells: string[]; due: Date } {
  const due = new Date(Date.UTC(2025, 0, 1 + (i % 700)));
  const dd = String(due.getUTCDate()).padStart(2, '0');
  const mm = String(due.getUTCMonth() + 1).padStart(2, '0');
  return {
    due,
    cells: [
      `Menyusun laporan kegiatan kerja sama #${i + 1}`,
      partnerNames[i % partnerNames.length] as string,
      i % 2 === 0
        ? (owners[i % owners.length]?.name as string)
        : (owners[i % owners.length]?.email as string),
      `${dd}/${mm}/${due.getUTCFullYear()}`,
      `${sectorNames[i % sectorNames.length]}; ${sectorNames[(i + 3) % sectorNames.length]}`,
      STATUSES[i % STATUSES.length] as string,
      PRIORITIES[i % PRIORITIES.length] as string,
      i % 10 === 0 ? 'Koordinasi dengan dinas terkait; lihat notulen rapat.' : '',
    ],
  };
}

const rows = Array.from({ length: ROWS }, (_, i) => row(i));
const csvText = `\uFEFF${Papa.unparse([HEADER, ...rows.map((r) => r.cells)], { delimiter: ';', newline: '\r\n' })}\r\n`;
const csvBytes = new TextEncoder().encode(csvText);

const book = new ExcelJS.Workbook();
const sheet = book.addWorksheet('Tindak lanjut');
sheet.addRow(HEADER);
for (const r of rows) sheet.addRow([...r.cells.slice(0, 3), r.due, ...r.cells.slice(4)]);
const xlsxBytes = new Uint8Array(await book.xlsx.writeBuffer());

type Figure = {
  ms: number;
  longestMs: number;
  longestCpuMs: number;
  valid?: number;
  invalid?: number;
};

/**
 * Runs `work` while a setImmediate chain notes every turn of the event loop: the longest gap
 * between two turns is the longest synchronous step, in wall time (which a loaded machine
 * stretches when it takes the CPU away) and in this process's CPU time over the same gap
 * (process.cpuUsage: what the step itself cost, whatever else the machine runs).
 */
async function measure(
  work: () => Promise<{ valid?: number; invalid?: number } | void>,
): Promise<Figure> {
  // The previous step's garbage is collected first, not counted against this one (--expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  let running = true;
  let lastWall = performance.now();
  let lastCpu = process.cpuUsage();
  let longestMs = 0;
  let longestCpuMs = 0;
  const turn = () => {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    longestMs = Math.max(longestMs, wall - lastWall);
    longestCpuMs = Math.max(
      longestCpuMs,
      (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000,
    );
    lastWall = wall;
    lastCpu = cpu;
    if (running) setImmediate(turn);
  };
  setImmediate(turn);
  await new Promise((resolve) => setTimeout(resolve, 5));
  const started = performance.now();
  const counts = await work();
  const ms = performance.now() - started;
  // One more turn, so that a step at the very end (a synchronous reference) is noted too.
  await new Promise((resolve) => setImmediate(resolve));
  running = false;
  return { ms, longestMs, longestCpuMs, ...(counts ?? {}) };
}

function median(figures: Figure[]): Figure {
  const sorted = [...figures].sort((a, b) => a.ms - b.ms);
  const mid = sorted[Math.floor(sorted.length / 2)] as Figure;
  return {
    ...mid,
    longestMs: Math.max(...figures.map((f) => f.longestMs)),
    longestCpuMs: Math.max(...figures.map((f) => f.longestCpuMs)),
  };
}

async function runs(
  work: () => Promise<{ valid?: number; invalid?: number } | void>,
): Promise<Figure> {
  const figures: Figure[] = [];
  for (let i = 0; i < RUNS; i += 1) figures.push(await measure(work));
  return median(figures);
}

let progressEvents = 0;
const onProgress = () => {
  progressEvents += 1;
};

const results: Array<[string, Figure]> = [];

results.push([
  'CSV  reference: papaparse alone, one call (decode + parse)',
  await runs(async () => {
    const text = new TextDecoder().decode(csvBytes);
    Papa.parse(text, { delimiter: ';' });
  }),
]);
results.push([
  'CSV  reference: matcher built once (reference data indexes)',
  await runs(async () => {
    createReferenceMatcher(refs);
  }),
]);
progressEvents = 0;
results.push([
  'CSV  import core: size, decode, parse, header, map, validate',
  await runs(async () => {
    const preview = await previewImport(
      'follow-ups',
      csvBytes,
      { name: 'tindak-lanjut.csv' },
      refs,
      { onProgress },
    );
    if (!preview.ok) throw new Error(preview.problem.code);
    return { valid: preview.result.valid.length, invalid: preview.result.invalid.length };
  }),
]);
const csvProgress = Math.round(progressEvents / RUNS);

results.push([
  'XLSX reference: exceljs load alone',
  await runs(async () => {
    await new ExcelJS.Workbook().xlsx.load(xlsxBytes.slice().buffer);
  }),
]);
progressEvents = 0;
results.push([
  'XLSX import core: load, read cells, header, map, validate',
  await runs(async () => {
    const preview = await previewImport(
      'follow-ups',
      xlsxBytes,
      { name: 'tindak-lanjut.xlsx' },
      refs,
      { onProgress },
    );
    if (!preview.ok) throw new Error(preview.problem.code);
    return { valid: preview.result.valid.length, invalid: preview.result.invalid.length };
  }),
]);
const xlsxProgress = Math.round(progressEvents / RUNS);

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `Import parse benchmark: ${ROWS.toLocaleString('en')} follow-up rows, median of ${RUNS} runs (longest step: max over runs)`,
);
console.log(
  `Node ${process.version}, ${os.cpus().length} × ${cpu}, load average ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
console.log(
  `CSV ${(csvBytes.length / 1e6).toFixed(1)} MB (semicolon, BOM, dd/mm/yyyy); XLSX ${(xlsxBytes.length / 1e6).toFixed(1)} MB (date cells)`,
);
console.log('');
console.log(
  `${'step'.padEnd(64)}${'total ms'.padStart(10)}${'longest step ms (wall)'.padStart(24)}${'(cpu)'.padStart(7)}${'valid'.padStart(8)}${'invalid'.padStart(9)}`,
);
for (const [name, f] of results) {
  console.log(
    `${name.padEnd(64)}${f.ms.toFixed(0).padStart(10)}${f.longestMs.toFixed(0).padStart(24)}${f.longestCpuMs.toFixed(0).padStart(7)}${String(f.valid ?? '').padStart(8)}${String(f.invalid ?? '').padStart(9)}`,
  );
}
console.log('');
console.log(`progress reports per run: CSV ${csvProgress}, XLSX ${xlsxProgress}`);
