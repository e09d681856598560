import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayIn } from '@/domain/dates';
import { isOverdue } from '@/domain/follow-up';
import { Tag } from '@/components/ui/tags';
import { useFormat } from '@/lib/use-format';
import { followUpPeekQuery } from '../api/counts';

/** The current user's overdue items and those due this week, soonest first. */
export function DueSoon({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const overdue = useQuery(followUpPeekQuery({ ownerId: userId, due: 'overdue', sort: 'dueDate' }));
  const week = useQuery(followUpPeekQuery({ ownerId: userId, due: 'week', sort: 'dueDate' }));
  const today = todayIn();
  const items = [...(overdue.data?.items ?? []), ...(week.data?.items ?? [])].filter(
    (item, index, all) => all.findIndex((x) => x.id === item.id) === index,
  );
  // The box is there from the start, titled, with a line for what comes: less moves when it does.
  const pending = overdue.isPending || week.isPending;
  return (
    <aside className="due-soon" aria-labelledby="due-soon-title" aria-busy={pending || undefined}>
      <h2 id="due-soon-title" className="due-soon__title">
        {t('followUps.dueSoon')}
      </h2>
      {pending ? (
        <p className="hint">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="hint">{t('followUps.dueSoonEmpty')}</p>
      ) : (
        <ul className="due-soon__list">
          {items.map((item) => (
            <li key={item.id}>
              <Link to={`/follow-ups/${encodeURIComponent(item.id)}`}>{item.title}</Link>{' '}
              <span className="hint">{item.dueDate ? format.date(item.dueDate, 'medium') : ''}</span>{' '}
              {isOverdue(item, today) && <Tag tone="red">{t('followUps.overdue')}</Tag>}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
