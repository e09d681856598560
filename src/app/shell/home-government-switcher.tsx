import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@/domain/user';
import { governmentsOf } from '@/domain/home-governments';
import { referenceQueries } from '@/reference-data/queries';
import { useRegionLabel } from '@/reference-data/use-labels';
import { usePreferences } from '@/stores/preferences';

/**
 * The home government (issue 15): its name for a user of one government; for a user of several,
 * a native select — every government, or one — switched in one step. The choice is kept
 * (preferences) and sent as `homeRegionId` with lists, figures, search and exports
 * (src/lib/api-client.ts); everything read before is read again. Names are composed with the
 * level ("Kabupaten Tangerang", "Kota Tangerang"): two governments may share a bare name.
 *
 * Shown in two places (src/app/layout.tsx), never both at once (src/styles.css): `header`, beside
 * the product's name from 40rem up; `menu`, inside the phone's menu below 40rem, where the
 * header keeps to one row (issue 17).
 */
export function HomeGovernmentSwitcher({ user, place = 'header' }: { user: User; place?: 'header' | 'menu' }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const regions = useQuery(referenceQueries.regions());
  const label = useRegionLabel();
  const chosen = usePreferences((s) => s.homeRegionId);
  const setChosen = usePreferences((s) => s.setHomeRegionId);
  const governments = governmentsOf(user, regions.data?.items ?? []);
  if (governments.length === 0) return null;
  const inMenu = place === 'menu';
  const className = inMenu ? 'tool menu-government' : 'header__government';
  if (governments.length === 1) {
    const name = label(governments[0]!);
    return inMenu ? (
      <p className={className}>
        <span className="tool__label">{t('homeGovernment.label')}</span> <span>{name}</span>
      </p>
    ) : (
      <span className={className}>{name}</span>
    );
  }
  const value = governments.some((g) => g.id === chosen) ? chosen : '';
  const Wrapper = inMenu ? 'div' : 'span';
  return (
    <Wrapper className={className}>
      <label htmlFor={id} className={inMenu ? 'tool__label' : undefined}>
        {t('homeGovernment.label')}
      </label>{' '}
      <select
        id={id}
        className={inMenu ? 'select select--small' : undefined}
        value={value}
        onChange={(event) => {
          setChosen(event.target.value);
          void queryClient.invalidateQueries();
        }}
      >
        <option value="">{t('homeGovernment.all')}</option>
        {governments.map((g) => (
          <option key={g.id} value={g.id}>
            {label(g)}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}
