import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@/components/ui/form/error-message';
import type { Region } from '@/domain/region';
import type { User } from '@/domain/user';
import { isApiError } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';
import { useRegionLabel } from '@/reference-data/use-labels';
import { useSetHomeRegions } from './api';

/**
 * One user's home governments (issue 15), changed by an administrator: the names, and a
 * disclosure with a checkbox per government, saved in one PATCH (against the user's version).
 * A refusal (none ticked for a non-administrator, a stale version) is shown beside the boxes.
 */
export function UserGovernments({ user, homes }: { user: User; homes: readonly Region[] }) {
  const { t } = useTranslation();
  const save = useSetHomeRegions();
  const label = useRegionLabel();
  const [error, setError] = useState('');
  const names = homes.filter((h) => user.homeRegionIds.includes(h.id)).map(label);
  const errorId = `gov-${user.id}-error`;
  return (
    <>
      {names.join(', ') || t('users.governments.none')}
      <details className="user-governments">
        <summary>{t('users.governments.change', { name: user.name })}</summary>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const ticked = new FormData(event.currentTarget).getAll('homeRegionIds').map(String);
            setError('');
            save.mutate(
              { user, homeRegionIds: ticked },
              {
                onError: (e) =>
                  setError(
                    isApiError(e) && e.status === 400 ? t('users.governments.required') : t('users.errors.failed', { reason: describeError(e, t) }),
                  ),
              },
            );
          }}
        >
          <fieldset className="form-group" aria-describedby={error ? errorId : undefined}>
            <legend>{t('users.create.homeRegionIds')}</legend>
            {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
            {homes.map((h) => (
              <label key={h.id} className="checkbox">
                <input type="checkbox" name="homeRegionIds" value={h.id} defaultChecked={user.homeRegionIds.includes(h.id)} /> {label(h)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button button--secondary button--small" disabled={save.isPending}>
            {t('users.governments.save')}
          </button>
        </form>
      </details>
    </>
  );
}
