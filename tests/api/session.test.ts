import { describe, expect, it } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import { testApi } from './helpers';
import { expectProblem } from './fixtures';

describe('GET /api/session', () => {
  it('names the user who makes the request', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/session', { user: IDS.manager });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ user: (await api.store.users.get(IDS.manager)), mode: 'demo' });
    expect(response.body.user).toMatchObject({ name: 'Hendra Gunawan', role: 'manager' });
  });

  it('answers 401 problem+json without a user header', async () => {
    expectProblem(await (await testApi()).request('GET', '/session', { user: null }), 401, '/problems/unauthenticated');
  });

  it('answers 401 for an unknown user id, an empty one and a prototype name', async () => {
    const api = await testApi();
    for (const user of ['usr-ghost', ' ', '__proto__', 'constructor']) {
      expectProblem(await api.request('GET', '/session', { user }), 401, '/problems/unauthenticated');
    }
  });

  it('is read-only: POST to /session is not an endpoint', async () => {
    expectProblem(await (await testApi()).request('POST', '/session', { body: { user: IDS.admin } }), 404);
  });
});
