import { axeViolations, expect, openPage, secondLocale, test } from './fixtures';

const TEXT = {
  id: { year: 'Tahun', segment: /^Pendidikan dan pertukaran pelajar, Terbuka: (\d+)$/, showing: (n: number) => `Menampilkan ${n} dari ${n}`, chart: 'Tindak lanjut per sektor dan status' },
  en: { year: 'Year', segment: /^Education and student exchange, Open: (\d+)$/, showing: (n: number) => `Showing ${n} of ${n}`, chart: 'Follow-ups by sector and status' },
} as const;

for (const locale of ['id', 'en'] as const) {
  const text = TEXT[locale];
  test(`a manager filters to 2025 and drills from the education segment to the same follow-ups (${locale})`, { tag: secondLocale(locale) }, async ({ page, asUser }) => {
    await asUser('usr-hendra', locale);
    await openPage(page, '/');
    await page.getByRole('combobox', { name: text.year, exact: true }).selectOption('2025');
    await expect(page).toHaveURL(/year=2025/);
    await expect(page.getByRole('heading', { name: text.chart })).toBeVisible();
    const segment = page.getByRole('link', { name: text.segment });
    await expect(segment).toBeVisible();
    const count = Number(text.segment.exec((await segment.getAttribute('aria-label')) ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    // By keyboard: the segment takes focus and Enter follows it (once every chart has its data:
    // a chart that renders again replaces its links, and focus with them).
    await expect(page.locator('.chart-card[aria-busy="true"]')).toHaveCount(0);
    await segment.focus();
    await expect(segment).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/follow-ups\?/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      sectorId: 'education',
      status: 'open',
      agreedFrom: '2025-01-01',
      agreedTo: '2025-12-31',
    });
    await expect(page.getByText(text.showing(count))).toBeVisible();
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(count + 1);
  });
}
