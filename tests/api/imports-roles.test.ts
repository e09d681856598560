import { describe, expect, it } from 'vitest';
import { IDS } from '../../server/seed/demo-data';
import { IMPORT_ACTION } from '../../server/routes/imports';
import { IMPORT_RESOURCES } from '../../src/domain/import/fields';
import { can } from '../../src/domain/permissions';
import { ROLES, type Role } from '../../src/domain/user';
import { expectProblem } from './fixtures';
import { csv, importApi } from './import-helpers';

/**
 * Who may import what: whoever may create the resource (src/domain/permissions.ts). The routes
 * of the import API (IMPORT_WRITE_ROUTES) count as covered in tests/api/roles-matrix.test.ts.
 */

const USER_OF: Record<Role, string> = { staff: IDS.staff, officer: IDS.officer, manager: IDS.manager, admin: IDS.admin };

const FILES: Record<(typeof IMPORT_RESOURCES)[number], string> = {
  'follow-ups': csv([['Judul', 'Kemitraan', 'Penanggung jawab', 'Tenggat'], ['Laporan', 'Binzhou', 'Budi Santoso', '15/12/2025']]),
  people: csv([['Nama', 'Organisasi', 'Surel'], ['Siti Aminah', 'Indonesia–China Business Council', 'siti@example.org']]),
  meetings: csv([['Kemitraan', 'Jenis pertemuan', 'Judul', 'Tanggal'], ['Binzhou', 'Rapat daring', 'Rapat koordinasi', '03/11/2025']]),
  partnerships: csv([['Daerah mitra', 'Negara', 'Jenis kemitraan'], ['Kota Suwon', 'KR', 'Sister city']]),
};

describe('who may import what', () => {
  it('the rule is the create action of each resource', () => {
    expect(IMPORT_ACTION).toEqual({
      partnerships: 'partnership.create',
      people: 'person.write',
      meetings: 'meeting.create',
      'follow-ups': 'followUp.create',
    });
  });

  for (const resource of IMPORT_RESOURCES) {
    describe(resource, () => {
      for (const role of ROLES) {
        const allowed = can(role, IMPORT_ACTION[resource]);
        it(`${role}: ${allowed ? 'uploads, commits and undoes' : '403, nothing written'}`, async () => {
          const api = await importApi();
          const user = USER_OF[role];
          const { audit: _a, sequence: _s, ...before } = await api.store.snapshot();
          const uploaded = await api.upload(resource, FILES[resource], { user });
          if (!allowed) {
            expectProblem(uploaded, 403, '/problems/forbidden');
            const { audit: _a2, sequence: _s2, ...after } = await api.store.snapshot();
            expect(after).toEqual(before);
            return;
          }
          expect(uploaded.status, uploaded.text).toBe(201);
          expect(uploaded.body.errors, JSON.stringify(uploaded.body.errors)).toEqual([]);
          const committed = await api.request('POST', `/imports/${uploaded.body.id}/commit`, { body: {}, user });
          expect(committed.status, committed.text).toBe(200);
          expect(committed.body.created).toBeGreaterThanOrEqual(1);
          // A role that may not import this resource cannot see, commit or undo it: 403 when it
          // may import nothing, 404 (not its import to see) when it may import other resources.
          for (const other of ROLES.filter((r) => !can(r, IMPORT_ACTION[resource]))) {
            const importsSomething = IMPORT_RESOURCES.some((r) => can(other, IMPORT_ACTION[r]));
            expectProblem(await api.request('POST', `/imports/${uploaded.body.id}/undo`, { user: USER_OF[other] }), importsSomething ? 404 : 403);
            expectProblem(await api.request('GET', `/imports/${uploaded.body.id}`, { user: USER_OF[other] }), 404);
          }
          const undone = await api.request('POST', `/imports/${uploaded.body.id}/undo`, { user });
          expect(undone.status, undone.text).toBe(200);
          const { audit: _a3, sequence: _s3, ...after } = await api.store.snapshot();
          expect(after).toEqual(before);
        });
      }
    });
  }

  it('no user: 401', async () => {
    const api = await importApi();
    const response = await api.request('POST', '/imports?resource=follow-ups', { body: 'x', headers: { 'content-type': 'text/csv' }, user: null });
    expectProblem(response, 401);
  });

  it('lists only the imports of resources the user may import', async () => {
    const api = await importApi();
    await api.upload('people', FILES.people, { user: IDS.admin });
    await api.upload('follow-ups', FILES['follow-ups'], { user: IDS.staff });
    const manager = await api.request('GET', '/imports', { user: IDS.manager });
    expect(manager.body.items.map((i: { resource: string }) => i.resource)).toEqual(['follow-ups']);
    const staff = await api.request('GET', '/imports', { user: IDS.staff });
    expect(staff.body.items.map((i: { resource: string }) => i.resource).sort()).toEqual(['follow-ups', 'people']);
    const officer = await api.request('GET', '/imports', { user: IDS.officer });
    expect(officer.body.items).toEqual([]);
  });
});
