import { describe, expect, it, vi } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { generateSnapshot } from '../../mocks/generator';
import { createApi } from '../../server/app';
import { EXPORT_MAX_ROWS, EXPORT_RENDER_ROWS } from '../../server/routes/exports';
import { expectProblem } from './fixtures';
import { NOW, testApi } from './helpers';

vi.setConfig({ testTimeout: 60_000 });

const big = () => ({ ...generateSnapshot({ seed: 7, followUps: 6_000, meetings: 200, partnerships: 10 }), users: demoSnapshot().users });

/** Reads a streamed answer chunk by chunk, counting the event-loop turns other work got meanwhile. */
async function readCounting(response: Response): Promise<{ chunks: number; turns: number; text: string; parts: string[] }> {
  let turns = 0;
  let done = false;
  const ticker = (async () => {
    while (!done) {
      await new Promise((next) => setImmediate(next));
      turns += 1;
    }
  })();
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let chunks = 0;
  const parts: string[] = [];
  for (;;) {
    const { value, done: end } = await reader.read();
    if (end) break;
    chunks += 1;
    const part = decoder.decode(value, { stream: true });
    parts.push(part);
    text += part;
  }
  done = true;
  await ticker;
  return { chunks, turns, text, parts };
}

describe('exports never block the server', () => {
  for (const kind of ['csv', 'ics'] as const) {
    it(`streams the ${kind.toUpperCase()} export in chunks, letting other work run between them`, async () => {
      const { store, database } = await testApi(big());
      const api = createApi({ database, now: () => NOW });
      const response = await api.fetch(new Request(`http://mitra.test/api/follow-ups/export.${kind}`, { headers: { 'x-mitra-user': IDS.staff } }));
      // The answer starts at once; the rows follow.
      expect(response.status).toBe(200);
      const { chunks, turns, text, parts } = await readCounting(response);
      expect(chunks).toBeGreaterThan(5);
      expect(turns).toBeGreaterThan(5);
      // Each piece of work between two turns is small: a few rows, never a whole page.
      const rowsPerPart = parts.map((part) => (kind === 'csv' ? part.split('\r\n').length - 1 : (part.match(/BEGIN:VEVENT/g) ?? []).length));
      expect(Math.max(...rowsPerPart.slice(1))).toBeLessThanOrEqual(EXPORT_RENDER_ROWS);
      // Whole and well-formed all the same.
      if (kind === 'csv') expect(text.split('\r\n').length - 2).toBe((await store.followUps.count()));
      else expect(text.match(/BEGIN:VEVENT/g)!.length).toBe((await store.followUps.all()).filter((f) => f.dueDate !== undefined).length);
    });
  }

  it(`refuses more than the maximum (${EXPORT_MAX_ROWS} by default) with a clear problem`, async () => {
    const { database } = await testApi(demoSnapshot());
    const api = createApi({ database, now: () => NOW, exportMaxRows: 3 });
    for (const kind of ['csv', 'ics']) {
      const response = await api.fetch(new Request(`http://mitra.test/api/follow-ups/export.${kind}`, { headers: { 'x-mitra-user': IDS.staff } }));
      const body = await response.json();
      expectProblem({ status: response.status, headers: response.headers, body }, 422, '/problems/export-too-large');
      expect(body.detail).toMatch(/3/);
      // A narrower filter is fine.
      const narrow = await api.fetch(new Request(`http://mitra.test/api/follow-ups/export.${kind}?id=fu-binzhou-forum`, { headers: { 'x-mitra-user': IDS.staff } }));
      expect(narrow.status).toBe(200);
    }
  });
});
