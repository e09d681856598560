import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { EXPORT_CHUNK_ROWS } from '../../server/routes/exports';
import { IDS } from '../../mocks/demo-data';
import { NOW, testApi } from './helpers';
import { expectFieldErrors, expectProblem, ifMatch, validMeeting, walkPages } from './fixtures';

describe('the audit trail', () => {
  it('records a follow-up change: who, when, only the changed fields before → after, and the comment', async () => {
    const api = await testApi();
    const { version, priority: priorityBefore } = (await api.store.followUps.get('fu-binzhou-agenda'))!;
    const saved = await api.request('PATCH', '/follow-ups/fu-binzhou-agenda', {
      user: IDS.staff,
      headers: ifMatch(version),
      body: { dueDate: '2025-12-01', priority: priorityBefore === 'high' ? 'low' : 'high', comment: 'Disepakati ulang.' },
    });
    expect(saved.status).toBe(200);
    const history = await api.request('GET', '/history?entity=followUp&entityId=fu-binzhou-agenda');
    expect(history.status).toBe(200);
    const [entry] = history.body.items;
    expect(entry).toMatchObject({
      actorId: IDS.staff,
      action: 'update',
      entity: 'followUp',
      entityId: 'fu-binzhou-agenda',
      version: version + 1,
      at: NOW.toISOString(),
      note: 'Disepakati ulang.',
    });
    const fields = entry.changes.map((c: any) => c.field);
    expect(fields).toContain('dueDate');
    expect(fields).toContain('priority');
    expect(fields).not.toContain('title');
    expect(fields).not.toContain('history');
    expect(entry.changes.find((c: any) => c.field === 'dueDate').after).toBe('2025-12-01');
  });

  it('records a stage change with its note, and a partnership edit, newest first', async () => {
    const api = await testApi();
    const notesBefore = (await api.store.partnerships.get(IDS.partnership))!.notes;
    expect(notesBefore).not.toBe('Catatan baru');
    await api.request('POST', `/partnerships/${IDS.partnership}/stage-changes`, {
      user: IDS.manager,
      headers: ifMatch(1),
      body: { to: 'letter-of-intent', date: '2025-10-30', note: 'LoI' },
    });
    await api.request('PATCH', `/partnerships/${IDS.partnership}`, {
      user: IDS.manager,
      headers: ifMatch(2),
      body: { notes: 'Catatan baru' },
    });
    const history = await api.request('GET', `/history?entity=partnership&entityId=${IDS.partnership}`);
    expect(history.body.items.map((e: any) => e.version)).toEqual([3, 2]);
    expect(history.body.items[0].changes).toEqual([{ field: 'notes', before: notesBefore, after: 'Catatan baru' }]);
    expect(history.body.items[1]).toMatchObject({ note: 'LoI' });
    expect(history.body.items[1].changes).toContainEqual({ field: 'stage', before: 'exploring', after: 'letter-of-intent' });
  });

  it('records a whole visit as creates, and nothing for a refused write', async () => {
    const api = await testApi();
    const before = (await api.store.audit.count());
    const refused = await api.request('POST', '/meetings', { body: validMeeting({ title: '' }) });
    expect(refused.status).toBe(400);
    expect((await api.store.audit.count())).toBe(before);
    const created = await api.request('POST', '/meetings', { body: validMeeting() });
    expect(created.status).toBe(201);
    const added = (await api.store.audit.all()).slice(before);
    expect(added.length).toBeGreaterThanOrEqual(1);
    expect(added.every((e) => e.action === 'create' && e.actorId === IDS.staff)).toBe(true);
    expect(added.some((e) => e.entity === 'meeting' && e.entityId === created.body.id)).toBe(true);
  });

  it('pages a history and the whole trail with an offset cursor, newest first, each entry once', async () => {
    const api = await testApi();
    for (let i = 0; i < 5; i += 1) {
      const { version } = (await api.store.followUps.get('fu-binzhou-forum'))!;
      const saved = await api.request('PATCH', '/follow-ups/fu-binzhou-forum', { headers: ifMatch(version), body: { comment: `Catatan ${i}` } });
      expect(saved.status).toBe(200);
    }
    const walk = await walkPages(api, '/history?entity=followUp&entityId=fu-binzhou-forum', 2);
    const all = (await api.store.audit.all()).filter((e) => e.entity === 'followUp' && e.entityId === 'fu-binzhou-forum');
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(walk.ids).toEqual(all.map((e) => e.id).reverse());
    expect(walk.pages).toBe(Math.ceil(all.length / 2));
    expect(new Set(walk.totals)).toEqual(new Set([all.length]));
    // The whole trail, as an administrator, three at a time.
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api.request('GET', `/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { user: IDS.admin });
      expect(page.status).toBe(200);
      ids.push(...page.body.items.map((e: any) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(ids).toEqual((await api.store.audit.all()).map((e) => e.id).reverse());
    expectFieldErrors(await api.request('GET', '/audit?cursor=bm9wZQ', { user: IDS.admin }), { cursor: 'invalidFormat' });
  });

  it('exports a trail longer than one chunk whole, newest first, one row per changed field', async () => {
    const api = await testApi();
    const ids = (await api.store.followUps.all()).map((f) => f.id);
    for (const day of [11, 12, 13, 14, 15, 18, 19, 20, 21, 22]) {
      const dueDate = `2027-01-${day}`;
      const items = await Promise.all(ids.map(async (id) => ({ id, version: (await api.store.followUps.get(id))!.version })));
      const response = await api.request('POST', '/follow-ups/bulk', { body: { items, changes: { dueDate } }, user: IDS.manager });
      expect(response.body.failed).toEqual([]);
    }
    const trail = (await api.store.audit.all()).reverse();
    expect(trail.length).toBeGreaterThan(EXPORT_CHUNK_ROWS);
    const response = await fetchCsv(api, '/audit/export.csv');
    expect(response.status).toBe(200);
    const [header, ...rows] = Papa.parse<string[]>(response.text.replace(/\r\n$/, ''), { newline: '\r\n' }).data;
    expect(header).toEqual(['at', 'actorId', 'actor', 'action', 'entity', 'entityId', 'version', 'field', 'before', 'after', 'note']);
    const expected = trail.flatMap((e) =>
      (e.action === 'create' || e.changes.length === 0 ? [''] : e.changes.map((c) => c.field)).map((field) => [e.entityId, String(e.version), field]),
    );
    expect(rows.map((row) => [row[5], row[6], row[7]])).toEqual(expected);
  });

  it('refuses a bad history query', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('GET', '/history?entity=planet&entityId=x'), { entity: 'invalidOption' });
    expectProblem(await api.request('GET', '/history?entity=meeting'), 400);
    expectProblem(await api.request('GET', '/history?entity=meeting&entityId=x', { user: null }), 401);
  });

  it('lets only administrators read and export the whole trail', async () => {
    const api = await testApi();
    const version = (await api.store.followUps.get('fu-binzhou-agenda'))!.version;
    const saved = await api.request('PATCH', '/follow-ups/fu-binzhou-agenda', { headers: ifMatch(version), body: { title: '=HYPERLINK("x")' } });
    expect(saved.status).toBe(200);
    for (const user of [IDS.staff, IDS.officer, IDS.manager]) {
      expectProblem(await api.request('GET', '/audit', { user }), 403, '/problems/forbidden');
      expectProblem(await api.request('GET', '/audit/export.csv', { user }), 403, '/problems/forbidden');
    }
    const list = await api.request('GET', '/audit?entity=followUp', { user: IDS.admin });
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ entityId: 'fu-binzhou-agenda', actorId: IDS.staff });
    const response = await fetchCsv(api, '/audit/export.csv?entity=followUp');
    expect(response.status).toBe(200);
    expect(response.type).toMatch(/^text\/csv/);
    expect(response.bom).toBe(true);
    expect(response.text.startsWith('at,actorId,actor,action,entity,entityId,version,field,before,after,note')).toBe(true);
    // Formula injection neutralised in the exported values.
    expect(response.text).toContain(`'=HYPERLINK`);
    expect(response.text).toContain('Rina Wulandari');
  });
});

async function fetchCsv(api: Awaited<ReturnType<typeof testApi>>, path: string) {
  // The helper parses JSON; read the CSV through the same API object with a raw request.
  const { createApi } = await import('../../server/app');
  const app = createApi({ database: api.database, now: () => NOW });
  const response = await app.fetch(new Request(`http://mitra.test/api${path}`, { headers: { 'x-mitra-user': IDS.admin } }));
  const bytes = new Uint8Array(await response.arrayBuffer());
  // Response.text() would drop the byte order mark Excel needs: look at the bytes.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { status: response.status, type: response.headers.get('content-type') ?? '', bom, text: new TextDecoder().decode(bytes.subarray(bom ? 3 : 0)) };
}
