import { describe, expect, it } from 'vitest';
import { chartsEn } from '@/i18n/locales/charts.en';
import { chartsId } from '@/i18n/locales/charts.id';
import { en as enCore } from '@/i18n/locales/en';
import { formsEn } from '@/i18n/locales/forms.en';
import { formsId } from '@/i18n/locales/forms.id';
import { id as idCore } from '@/i18n/locales/id';
import { listsEn } from '@/i18n/locales/lists.en';
import { listsId } from '@/i18n/locales/lists.id';
import { partnersEn } from '@/i18n/locales/partners.en';
import { partnersId } from '@/i18n/locales/partners.id';
import { referenceEn } from '@/i18n/locales/reference.en';
import { referenceId } from '@/i18n/locales/reference.id';
import { adminEn } from '@/i18n/locales/admin.en';
import { adminId } from '@/i18n/locales/admin.id';
import { merge } from '../render';

// The strings come in parts (core, forms, lists, charts); together they are what a user reads.
const id = merge(idCore, formsId, listsId, chartsId, partnersId, adminId, referenceId);
const en = merge(enCore, formsEn, listsEn, chartsEn, partnersEn, adminEn, referenceEn);

type Tree = { readonly [key: string]: unknown };

/** Every leaf of a locale as "a.b.c" → value; anything but a string or a nested object is a leaf too. */
function leavesOf(tree: Tree, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [p, v] of leavesOf(value as Tree, path)) leaves.set(p, v);
    } else {
      leaves.set(path, value);
    }
  }
  return leaves;
}

function keyDifference(a: Tree, b: Tree): { onlyInFirst: string[]; onlyInSecond: string[] } {
  const keysA = [...leavesOf(a).keys()];
  const keysB = [...leavesOf(b).keys()];
  return {
    onlyInFirst: keysA.filter((k) => !keysB.includes(k)).sort(),
    onlyInSecond: keysB.filter((k) => !keysA.includes(k)).sort(),
  };
}

/** The {{placeholders}} of a string, by name ("{{count, number}}" counts as "count"). */
function placeholdersOf(text: string): string[] {
  return [
    ...new Set([...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1] ?? '')),
  ].sort();
}

const LOCALES = { id, en } as const;

describe('the locales', () => {
  it('have exactly the same keys in Bahasa Indonesia and English', () => {
    expect(keyDifference(id, en)).toEqual({ onlyInFirst: [], onlyInSecond: [] });
    expect(leavesOf(id).size).toBeGreaterThan(100);
  });

  it('would catch a key missing from either side', () => {
    const withoutRetry = structuredClone(en) as unknown as { common: Record<string, unknown> };
    delete withoutRetry.common.retry;
    expect(keyDifference(id, withoutRetry)).toEqual({
      onlyInFirst: ['common.retry'],
      onlyInSecond: [],
    });

    const withExtra = { ...id, nav: { ...(id.nav as object), reports: 'Laporan' } };
    expect(keyDifference(withExtra, en)).toEqual({
      onlyInFirst: ['nav.reports'],
      onlyInSecond: [],
    });
  });

  it.each(Object.entries(LOCALES))('has only non-empty strings in %s', (_name, locale) => {
    const bad = [...leavesOf(locale)].filter(
      ([, value]) => typeof value !== 'string' || value.trim() === '',
    );
    expect(bad).toEqual([]);
  });

  it('uses the same {{placeholders}} for each key in both languages', () => {
    const english = leavesOf(en);
    const mismatches = [...leavesOf(id)]
      .map(([key, text]) => ({
        key,
        id: placeholdersOf(String(text)),
        en: placeholdersOf(String(english.get(key) ?? '')),
      }))
      .filter((entry) => entry.id.join() !== entry.en.join());
    expect(mismatches).toEqual([]);
  });

  it('reads placeholders the way i18next writes them', () => {
    expect(placeholdersOf('Menampilkan {{shown}} dari {{total}}')).toEqual(['shown', 'total']);
    expect(placeholdersOf('{{ count, number }} of {{count}}')).toEqual(['count']);
    expect(placeholdersOf('No placeholders here')).toEqual([]);
  });
});
