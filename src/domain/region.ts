import type { Region } from './schemas/region';
import type { RegionLevel } from './value-lists';

export type { Region, RegionInput, RegionPatch } from './schemas/region';
export type { RegionLevel, RegionRole } from './value-lists';
export { REGION_LEVELS, REGION_ROLES } from './value-lists';

/** Names a region with its level so that Kabupaten Tangerang is never mistaken for Kota Tangerang. */
export function regionLabel(
  region: Pick<Region, 'name' | 'level'>,
  levelName: (level: RegionLevel) => string,
  locale: string,
): string {
  if (region.level === 'country') return region.name;
  const level = levelName(region.level);
  // Bahasa Indonesia puts the level first (Kabupaten Tangerang), English after (Tangerang Regency).
  return locale.startsWith('id') ? `${level} ${region.name}` : `${region.name} ${level}`;
}

const LOCAL_SCRIPT_LANG: Record<string, string> = {
  CN: 'zh-Hans',
  TW: 'zh-Hant',
  HK: 'zh-Hant',
  JP: 'ja',
  KR: 'ko',
  TH: 'th',
};

/** The language tag of a local-script name, so screen readers and fonts treat 滨州市 as Chinese. */
export function localScriptLang(countryCode: string): string | undefined {
  return LOCAL_SCRIPT_LANG[countryCode];
}
