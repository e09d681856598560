import type { RegionLevel } from '../region';
import {
  LEVEL_WORDS,
  OPTION_VALUES,
  OPTION_WORDS,
  type OptionKind,
  type OptionWords,
} from './labels';

/**
 * Values matched to reference data by name, in either language, against plain arrays the caller
 * passes in (the API reads them from its store; a worker gets them in its first message). Nothing
 * here reads a store. A match is an id, or the reason there is none: nothing by that name
 * (`unknownReference`) or more than one (`ambiguousReference`, with the candidates' names).
 */
export type ReferenceData = {
  sectors?: ReadonlyArray<{ id: string; name: { id: string; en: string } }>;
  users?: ReadonlyArray<{ id: string; name: string; email: string }>;
  regions?: ReadonlyArray<{
    id: string;
    name: string;
    level: RegionLevel;
    countryCode: string;
    localName?: string;
    role?: string;
  }>;
  organizations?: ReadonlyArray<{ id: string; name: string; acronym?: string }>;
  people?: ReadonlyArray<{ id: string; name: string; email?: string }>;
  partnerships?: ReadonlyArray<{
    id: string;
    homeRegionId: string;
    partnerRegionId?: string;
    partnerOrganizationId?: string;
  }>;
  meetings?: ReadonlyArray<{ id: string; title: string; date: string }>;
};

export type Match =
  { id: string } | { error: 'unknownReference' | 'ambiguousReference'; candidates?: string[] };

/** A name as compared: case, accents, punctuation and repeated spaces do not count. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.]+/gu, ' ')
    .replace(/(^|\s)\.+|\.+(\s|$)/g, ' ')
    .trim();
}

/** Names → ids, with the names kept to show the candidates of an ambiguous match. */
class NameIndex {
  private readonly keys = new Map<string, Set<string>>();
  private readonly labels = new Map<string, string>();
  private readonly ids = new Set<string>();

  add(id: string, label: string, ...names: Array<string | undefined>): void {
    this.ids.add(id);
    this.labels.set(id, label);
    for (const name of [label, ...names]) {
      if (!name) continue;
      const key = normalizeName(name);
      if (key === '') continue;
      let set = this.keys.get(key);
      if (!set) {
        set = new Set();
        this.keys.set(key, set);
      }
      set.add(id);
    }
  }

  private result(found: Set<string> | string[]): Match {
    const list = [...found];
    if (list.length === 1) return { id: list[0] as string };
    return {
      error: 'ambiguousReference',
      candidates: list.map((id) => this.labels.get(id) ?? id).sort(),
    };
  }

  /**
   * By id, then by any of the names. With `prefix`, a name that starts another's whole words
   * matches it when only one does: "Pendidikan" is "Pendidikan dan pertukaran pelajar".
   */
  find(text: string, prefix = false): Match {
    // A file names the same few partners and owners on thousands of rows: answer each name once.
    const memo = prefix ? this.prefixMemo : this.memo;
    let match = memo.get(text);
    if (match === undefined) {
      match = this.lookup(text, prefix);
      memo.set(text, match);
    }
    return match;
  }

  private readonly memo = new Map<string, Match>();
  private readonly prefixMemo = new Map<string, Match>();

  private lookup(text: string, prefix: boolean): Match {
    const trimmed = text.trim();
    if (this.ids.has(trimmed)) return { id: trimmed };
    const key = normalizeName(trimmed);
    const exact = this.keys.get(key);
    if (exact) return this.result(exact);
    if (prefix && key !== '') {
      const found = new Set<string>();
      for (const [name, ids] of this.keys)
        if (name.startsWith(`${key} `)) for (const id of ids) found.add(id);
      if (found.size > 0) return this.result(found);
    }
    return { error: 'unknownReference' };
  }
}

function levelName(level: RegionLevel, lang: 'id' | 'en'): string {
  return LEVEL_WORDS[level][lang][0] as string;
}

/** How a region is named: "Binzhou", "Kota Binzhou", "Binzhou City", "滨州市". */
function regionNames(region: { name: string; level: RegionLevel; localName?: string }): string[] {
  if (region.level === 'country') return [region.name, region.localName ?? ''];
  return [
    region.name,
    `${levelName(region.level, 'id')} ${region.name}`,
    `${region.name} ${levelName(region.level, 'en')}`,
    ...LEVEL_WORDS[region.level].id.map((w) => `${w} ${region.name}`),
    ...LEVEL_WORDS[region.level].en.map((w) => `${region.name} ${w}`),
    region.localName ?? '',
  ];
}

let countries: Map<string, string> | undefined;

/** Country names in Indonesian and English (Intl), to ISO 3166-1 alpha-2: "Tiongkok" → CN. */
function countryIndex(): Map<string, string> {
  if (countries) return countries;
  countries = new Map();
  const names = ['id', 'en'].flatMap((lang) => {
    try {
      return [new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' })];
    } catch {
      return [];
    }
  });
  for (let a = 65; a <= 90; a += 1) {
    for (let b = 65; b <= 90; b += 1) {
      const code = String.fromCharCode(a, b);
      for (const display of names) {
        let name: string | undefined;
        try {
          name = display.of(code);
        } catch {
          name = undefined;
        }
        if (name && name !== code) countries.set(normalizeName(name), code);
      }
    }
  }
  for (const [alias, code] of [
    ['china', 'CN'],
    ['rrt', 'CN'],
    ['republik rakyat tiongkok', 'CN'],
    ['korea', 'KR'],
    ['korsel', 'KR'],
    ['south korea', 'KR'],
    ['usa', 'US'],
    ['amerika', 'US'],
    ['amerika serikat', 'US'],
    ['uk', 'GB'],
    ['inggris', 'GB'],
  ] as const)
    countries.set(alias, code);
  return countries;
}

/** A country code from "CN", "cn", "Tiongkok", "China", "Korea Selatan". */
export function matchCountry(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^[a-z]{2}$/i.test(trimmed)) return trimmed.toUpperCase();
  return countryIndex().get(normalizeName(trimmed));
}

const optionIndexes = new Map<OptionKind, Map<string, string>>();

/** Normalized value or word → value, per option kind (built once). */
function optionIndex(kind: OptionKind): Map<string, string> {
  let index = optionIndexes.get(kind);
  if (index) return index;
  index = new Map();
  const values = OPTION_VALUES[kind] as readonly string[];
  const words = OPTION_WORDS[kind] as OptionWords<string>;
  for (const value of values) index.set(normalizeName(value), value);
  for (const value of values) {
    const w = words[value];
    for (const word of w ? [...w.id, ...w.en] : []) {
      const key = normalizeName(word);
      if (!index.has(key)) index.set(key, value);
    }
  }
  optionIndexes.set(kind, index);
  return index;
}

/** An option of the domain (status, stage, …) from its value or a word for it in either language. */
export function matchOption<K extends OptionKind>(
  kind: K,
  text: string,
): (typeof OPTION_VALUES)[K][number] | undefined {
  return optionIndex(kind).get(normalizeName(text)) as
    (typeof OPTION_VALUES)[K][number] | undefined;
}

export type ReferenceMatcher = ReturnType<typeof createReferenceMatcher>;

/** Builds the indexes once per import (not per row). */
export function createReferenceMatcher(data: ReferenceData) {
  const sectors = new NameIndex();
  for (const s of data.sectors ?? []) sectors.add(s.id, s.name.id, s.name.en);

  const users = new NameIndex();
  for (const u of data.users ?? []) users.add(u.id, u.name, u.email);

  const regions = new NameIndex();
  const regionById = new Map((data.regions ?? []).map((r) => [r.id, r]));
  for (const r of data.regions ?? [])
    regions.add(r.id, `${levelName(r.level, 'id')} ${r.name}`, ...regionNames(r));

  const organizations = new NameIndex();
  const organizationById = new Map((data.organizations ?? []).map((o) => [o.id, o]));
  for (const o of data.organizations ?? []) organizations.add(o.id, o.name, o.acronym);

  const people = new NameIndex();
  for (const p of data.people ?? []) people.add(p.id, p.name, p.email);

  const partnerships = new NameIndex();
  for (const p of data.partnerships ?? []) {
    const region = p.partnerRegionId ? regionById.get(p.partnerRegionId) : undefined;
    const organization = p.partnerOrganizationId
      ? organizationById.get(p.partnerOrganizationId)
      : undefined;
    const home = regionById.get(p.homeRegionId);
    const names = region
      ? regionNames(region)
      : organization
        ? [organization.name, organization.acronym ?? '']
        : [];
    const label = region
      ? `${levelName(region.level, 'id')} ${region.name}`
      : (organization?.name ?? p.id);
    // "Tangerang – Binzhou" names the pair, for a deployment with several home regions.
    const paired = home
      ? names.filter(Boolean).flatMap((n) =>
          regionNames(home)
            .filter(Boolean)
            .map((h) => `${h} ${n}`),
        )
      : [];
    partnerships.add(p.id, label, ...names, ...paired);
  }

  const meetings = new NameIndex();
  for (const m of data.meetings ?? [])
    meetings.add(m.id, `${m.title} (${m.date})`, m.title, `${m.title} ${m.date}`);

  /** Regions by name and country (a natural key): "Binzhou" in CN. */
  const regionsByNameAndCountry = new Map<string, string[]>();
  for (const r of data.regions ?? []) {
    for (const name of regionNames(r)) {
      if (!name) continue;
      const key = `${normalizeName(name)}|${r.countryCode}`;
      regionsByNameAndCountry.set(key, [...(regionsByNameAndCountry.get(key) ?? []), r.id]);
    }
  }

  return {
    sector: (text: string) => sectors.find(text, true),
    user: (text: string) => users.find(text),
    region: (text: string) => regions.find(text),
    organization: (text: string) => organizations.find(text),
    person: (text: string) => people.find(text),
    partnership: (text: string) => partnerships.find(text),
    meeting: (text: string) => meetings.find(text),
    /** An existing region with this name in this country (and level, when given), if any. */
    regionIn(name: string, countryCode: string, level?: RegionLevel): Match {
      const ids = [
        ...new Set(regionsByNameAndCountry.get(`${normalizeName(name)}|${countryCode}`) ?? []),
      ].filter((id) => level === undefined || regionById.get(id)?.level === level);
      if (ids.length === 1) return { id: ids[0] as string };
      if (ids.length === 0) return { error: 'unknownReference' };
      return {
        error: 'ambiguousReference',
        candidates: ids.map((id) => regionById.get(id)?.name ?? id),
      };
    },
    homeRegions: (data.regions ?? []).filter((r) => r.role === 'home').map((r) => r.id),
  };
}
