import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partnership } from '@/domain/partnership';
import { regionLabel, type Region } from '@/domain/region';
import { referenceQueries } from './queries';

function byId<T extends { id: string }>(items: readonly T[] | undefined): Map<string, T> {
  return new Map((items ?? []).map((item) => [item.id, item]));
}

/**
 * A region's display name in the active language, composed from its name and level
 * (`regionLabel`): "Kabupaten Tangerang" / "Tangerang Regency", never the bare name, which two
 * levels may share (the Regency and the City of Tangerang are both "Tangerang").
 */
export function useRegionLabel(): (r: Pick<Region, 'name' | 'level'>) => string {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  return useCallback((r: Pick<Region, 'name' | 'level'>) => regionLabel(r, (level) => t(`enums.level.${level}`), locale), [t, locale]);
}

/**
 * Names for the ids that resources carry (sectors, users, regions, organisations), in the
 * active language. Until the reference data arrives, an id stands in for its name.
 */
export function useLabels() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'id';
  const sectors = useQuery(referenceQueries.sectors());
  const users = useQuery(referenceQueries.users());
  const regions = useQuery(referenceQueries.regions());
  const organizations = useQuery(referenceQueries.organizations());

  const maps = useMemo(
    () => ({
      sectors: byId(sectors.data?.items),
      users: byId(users.data?.items),
      regions: byId(regions.data?.items),
      organizations: byId(organizations.data?.items),
    }),
    [sectors.data, users.data, regions.data, organizations.data],
  );

  const region = useRegionLabel();

  return useMemo(
    () => ({
      maps,
      sector: (id: string) => maps.sectors.get(id)?.name[locale] ?? id,
      sectorColor: (id: string) => maps.sectors.get(id)?.color,
      user: (id: string | undefined) => (id ? (maps.users.get(id)?.name ?? id) : t('common.none')),
      organization: (id: string) => {
        const org = maps.organizations.get(id);
        return org ? (org.acronym ? `${org.name} (${org.acronym})` : org.name) : id;
      },
      region,
      regionById: (id: string | undefined) => {
        const r = id ? maps.regions.get(id) : undefined;
        return r ? region(r) : (id ?? t('common.none'));
      },
      /** A partnership is named by its partner: "Kota Binzhou". */
      partnership: (p: Pick<Partnership, 'partnerRegionId' | 'partnerOrganizationId'> | undefined) => {
        if (!p) return t('common.unknown');
        if (p.partnerRegionId) {
          const r = maps.regions.get(p.partnerRegionId);
          return r ? region(r) : p.partnerRegionId;
        }
        const org = p.partnerOrganizationId ? maps.organizations.get(p.partnerOrganizationId) : undefined;
        return org?.name ?? p.partnerOrganizationId ?? t('common.unknown');
      },
    }),
    [maps, locale, region, t],
  );
}
