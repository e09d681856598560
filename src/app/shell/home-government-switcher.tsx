import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@/domain/user';
import { governmentsOf } from '@/domain/home-governments';
import { referenceQueries } from '@/reference-data/queries';
import { usePreferences } from '@/stores/preferences';

/**
 * The header's home government (issue 15): its name for a user of one government; for a user of
 * several, a native select — every government, or one — switched in one step. The choice is kept
 * (preferences) and sent as `homeRegionId` with lists, figures, search and exports
 * (src/lib/api-client.ts); everything read before is read again.
 */
export function HomeGovernmentSwitcher({ user }: { user: User }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const regions = useQuery(referenceQueries.regions());
  const chosen = usePreferences((s) => s.homeRegionId);
  const setChosen = usePreferences((s) => s.setHomeRegionId);
  const governments = governmentsOf(user, regions.data?.items ?? []);
  if (governments.length === 0) return null;
  if (governments.length === 1) {
    return <span className="header__government">{governments[0]!.name}</span>;
  }
  const value = governments.some((g) => g.id === chosen) ? chosen : '';
  return (
    <span className="header__government">
      <label htmlFor={id}>{t('homeGovernment.label')}</label>{' '}
      <select
        id={id}
        value={value}
        onChange={(event) => {
          setChosen(event.target.value);
          void queryClient.invalidateQueries();
        }}
      >
        <option value="">{t('homeGovernment.all')}</option>
        {governments.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
    </span>
  );
}
