import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { followUpCountQuery } from '@/features/follow-ups/api/counts';
import { usePreferences } from '@/stores/preferences';

/** The current user's overdue and due-today follow-ups, counted by the API. */
export function ReminderBadge() {
  const { t } = useTranslation();
  const userId = usePreferences((s) => s.userId);
  const overdue = useQuery(followUpCountQuery({ ownerId: userId, due: 'overdue' }));
  const today = useQuery(followUpCountQuery({ ownerId: userId, due: 'today' }));
  const count = (overdue.data ?? 0) + (today.data ?? 0);
  if (count === 0) return null;
  return (
    <span className="nav__badge">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{`, ${t('followUps.badge', { n: count })}`}</span>
    </span>
  );
}
