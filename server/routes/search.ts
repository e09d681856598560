import type { Hono } from 'hono';
import { z } from 'zod';
import type { ApiDeps } from '../context';
import { json, normalizeText, parseWith, searchParamsToObject } from '../http';

const searchQuery = z.strictObject({
  q: z.string().trim().min(1, { error: 'required' }).max(200),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

/**
 * One search across partners (Latin and local-script names: "Binzhou", "滨州"), people,
 * meetings and follow-ups, grouped by kind; each group gives its first matches and its total.
 */
export function registerSearch(app: Hono, deps: ApiDeps): void {
  const { store } = deps;
  app.get('/search', (c) => {
    const { q, limit } = parseWith(searchQuery, searchParamsToObject(new URL(c.req.url), []));
    const words = normalizeText(q).split(/\s+/).filter(Boolean);
    const matches = (text: string) => {
      const haystack = normalizeText(text);
      return words.every((w) => haystack.includes(w));
    };
    const group = <T, R>(items: readonly T[], text: (item: T) => string, view: (item: T) => R) => {
      const hits = items.filter((item) => matches(text(item)));
      return { total: hits.length, items: hits.slice(0, limit).map(view) };
    };
    const regionText = (id: string | undefined) => {
      const r = id ? store.regions.get(id) : undefined;
      return r ? `${r.name} ${r.localName ?? ''} ${r.province ?? ''}` : '';
    };
    return json({
      q,
      partnerships: group(
        store.partnerships.all(),
        (p) => `${regionText(p.partnerRegionId)} ${p.partnerOrganizationId ? (store.organizations.get(p.partnerOrganizationId)?.name ?? '') : ''}`,
        (p) => ({ id: p.id, partnerRegionId: p.partnerRegionId, partnerOrganizationId: p.partnerOrganizationId, stage: p.stage }),
      ),
      people: group(
        store.people.all(),
        (p) => `${p.name} ${p.position ?? ''}`,
        (p) => ({ id: p.id, name: p.name, position: p.position, regionId: p.regionId }),
      ),
      meetings: group(
        store.meetings.all(),
        (m) => `${m.title} ${m.place ?? ''} ${regionText(store.partnerships.get(m.partnershipId)?.partnerRegionId)}`,
        (m) => ({ id: m.id, title: m.title, date: m.date, partnershipId: m.partnershipId }),
      ),
      followUps: group(
        store.followUps.all(),
        (f) => `${f.title} ${f.description ?? ''}`,
        (f) => ({ id: f.id, title: f.title, status: f.status, dueDate: f.dueDate ?? null }),
      ),
    });
  });
}
