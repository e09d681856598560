import { describe, expect, it } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import { testApi } from './helpers';

describe('GET /search', () => {
  it('finds the Binzhou partnership by its Latin and its local-script name, grouped by kind', async () => {
    const api = await testApi();
    for (const q of ['Binzhou', '滨州', 'binzhou']) {
      const response = await api.request('GET', `/search?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      expect(response.body.partnerships.items.map((p: any) => p.id)).toEqual([IDS.partnership]);
    }
    const binzhou = await api.request('GET', '/search?q=Binzhou');
    expect(binzhou.body.meetings.items.map((m: any) => m.id)).toContain(IDS.visit);
    expect(binzhou.body.people.items.map((p: any) => p.id)).toContain(IDS.qu); // "Deputy Mayor of Binzhou"
    expect(binzhou.body.followUps.items.map((f: any) => f.id)).toContain('fu-binzhou-forum');
  });

  it('matches every word, ignores case and accents, and caps each group while counting all', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/search?q=intan%20HIKMAH');
    expect(response.body.people.items.map((p: any) => p.name)).toEqual(['Intan Nurul Hikmah']);
    const capped = await api.request('GET', '/search?q=a&limit=2');
    expect(capped.body.followUps.items).toHaveLength(2);
    expect(capped.body.followUps.total).toBe((await api.store.followUps.all()).filter((f) => `${f.title} ${f.description ?? ''}`.toLowerCase().includes('a')).length);
  });

  it('refuses an empty or oversized query and unknown parameters with 400 problem+json', async () => {
    const api = await testApi();
    for (const path of ['/search', '/search?q=', `/search?q=${'x'.repeat(201)}`, '/search?q=x&limit=500', '/search?q=x&bogus=1']) {
      const response = await api.request('GET', path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
