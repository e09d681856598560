import { expect } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import type { TestApi } from './helpers';

/** What a test gets back from `TestApi.request`. */
export type ApiResponse = Awaited<ReturnType<TestApi['request']>>;

export const PROBLEM_JSON = 'application/problem+json';

/**
 * Every error is RFC 9457 problem+json: right status, right content type, a stable `type`,
 * a human `title`, and the status repeated in the body.
 */
export function expectProblem(response: ApiResponse, status: number, type?: string): void {
  expect({ status: response.status, body: response.body }).toMatchObject({ status });
  expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
  expect(typeof response.body?.type).toBe('string');
  expect(typeof response.body?.title).toBe('string');
  expect(response.body.title.length).toBeGreaterThan(0);
  expect(response.body.status).toBe(status);
  if (type !== undefined) expect(response.body.type).toBe(type);
  // Never a stack trace or an internal message in the body.
  expect(JSON.stringify(response.body)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
}

/**
 * A 400 validation problem whose `errors` name exactly these fields (order free) and, when given,
 * these codes. Every error carries a plain-English message.
 */
export function expectFieldErrors(response: ApiResponse, expected: Record<string, string | undefined>): void {
  expectProblem(response, 400, '/problems/validation');
  const errors = response.body.errors as Array<{ path: string; code: string; message: string }>;
  expect(Array.isArray(errors)).toBe(true);
  expect(errors.map((e) => e.path).sort()).toEqual(Object.keys(expected).sort());
  for (const error of errors) {
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
    const code = expected[error.path];
    if (code !== undefined) expect({ path: error.path, code: error.code }).toEqual({ path: error.path, code });
  }
}

export const ifMatch = (version: number | string) => ({ 'if-match': `"${version}"` });

/** Walks a list through every page with `nextCursor` and returns the ids in order, plus totals seen. */
export async function walkPages(
  api: TestApi,
  path: string,
  limit: number,
): Promise<{ ids: string[]; totals: number[]; pages: number; pageSizes: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  const pageSizes: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  const join = path.includes('?') ? '&' : '?';
  do {
    const url: string = `${path}${join}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await api.request('GET', url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const items = response.body.items as Array<{ id: string }>;
    expect(items.length).toBeLessThanOrEqual(limit);
    pageSizes.push(items.length);
    ids.push(...items.map((i) => i.id));
    totals.push(response.body.total as number);
    cursor = response.body.nextCursor as string | null;
    pages += 1;
    if (pages > 1000) throw new Error('paging never ends');
  } while (cursor !== null);
  return { ids, totals, pages, pageSizes };
}

/** Asserts that walking `path` page by page yields each expected id exactly once, with the right total. */
export async function expectPagingWalk(api: TestApi, path: string, expectedIds: readonly string[], limit: number) {
  const walk = await walkPages(api, path, limit);
  expect(walk.ids.length).toBe(expectedIds.length);
  expect(new Set(walk.ids).size).toBe(walk.ids.length);
  expect([...walk.ids].sort()).toEqual([...expectedIds].sort());
  expect(new Set(walk.totals)).toEqual(new Set([expectedIds.length]));
  expect(walk.pages).toBe(Math.max(1, Math.ceil(expectedIds.length / limit)));
  // Every page but the last is full.
  expect(walk.pageSizes.slice(0, -1).every((size) => size === limit)).toBe(true);
  return walk;
}

export const longText = (length: number) => 'x'.repeat(length);

// ---------------------------------------------------------------------------------------------
// Valid bodies, one per resource, against the demo data.

export const validSector = () => ({
  id: 'digital-economy',
  name: { id: 'Ekonomi digital', en: 'Digital economy' },
  color: '#123456',
});

export const validRegion = () => ({
  name: 'Yantai',
  localName: '烟台市',
  level: 'city',
  countryCode: 'CN',
  province: 'Shandong',
  role: 'partner',
  strengths: ['fisheries', 'trade'],
  coordinates: { lat: 37.46, lng: 121.45 },
});

export const validOrganization = () => ({
  name: 'Kamar Dagang dan Industri Kabupaten Tangerang',
  acronym: 'KADIN',
  kind: 'chamber-of-commerce',
  countryCode: 'ID',
  city: 'Tigaraksa',
  website: 'https://example.org/kadin',
});

export const validPerson = () => ({
  name: 'Li Wei',
  position: 'Director of Foreign Affairs Office',
  regionId: IDS.binzhou,
  email: 'li.wei@example.org',
  phone: '+86 543 123 4567',
});

export const validUser = () => ({
  name: 'Agus Prasetyo',
  email: 'agus.prasetyo@example.org',
  role: 'officer',
  position: 'Analis Kerja Sama',
});

export const validPartnership = () => ({
  homeRegionId: IDS.tangerang,
  partnerRegionId: 'reg-kitakyushu',
  type: 'friendship-city',
  focusSectorIds: ['environment'],
  facilitatorIds: [IDS.icbc],
  coordinatorId: IDS.officer,
  notes: 'A second track with Kitakyushu.',
  stage: 'exploring',
  stageDate: '2025-10-20',
});

export const validFollowUpDraft = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: 'Kirim notulen rapat',
  ownerId: IDS.officer,
  dueDate: '2025-12-01',
  sectorIds: ['tourism'],
  priority: 'high',
  ...overrides,
});

export const validMeeting = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  partnershipId: IDS.partnership,
  kind: 'virtual',
  title: 'Rapat daring persiapan forum teknis',
  date: '2025-10-30',
  time: '14:00',
  place: 'Zoom',
  hostLeadId: IDS.intan,
  delegationLeadId: IDS.qu,
  participants: [
    { side: 'host', personId: IDS.intan },
    { side: 'facilitator', organizationId: IDS.icbc },
    { side: 'guest', description: 'Staf kantor urusan luar negeri Binzhou' },
  ],
  facilitatorIds: [IDS.icbc],
  sectorIds: ['tourism', 'education'],
  summary: 'Persiapan forum teknis.',
  statements: [{ speaker: 'Moderator', text: 'Terima kasih semua.' }],
  outcomes: ['Tanggal forum teknis disepakati.'],
  source: { url: 'https://example.org/berita/1', publisher: 'Contoh' },
  ...overrides,
});

export const validFollowUp = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: 'Menyiapkan daftar peserta forum teknis',
  description: 'Termasuk perwakilan UMKM.',
  partnershipId: IDS.partnership,
  meetingId: IDS.visit,
  ownerId: IDS.officer2,
  dueDate: '2025-11-20',
  sectorIds: ['msme'],
  priority: 'normal',
  ...overrides,
});
