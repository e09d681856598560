import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayIn } from '@/domain/dates';
import { isDueToday, isOverdue, type FollowUp, type FollowUpStatus } from '@/domain/follow-up';
import { DataTable, type PartnershipRecordsProps } from '@/components/ui/data-table';
import { QueryState } from '@/components/ui/query-state';
import { EmptyState } from '@/components/ui/states';
import { Tag } from '@/components/ui/tags';
import { useFormat } from '@/lib/use-format';
import { useLabels } from '@/reference-data/use-labels';

export const STATUS_TONE: Record<FollowUpStatus, 'blue' | 'yellow' | 'red' | 'green' | 'grey'> = {
  open: 'blue',
  'in-progress': 'yellow',
  blocked: 'red',
  done: 'green',
  cancelled: 'grey',
};

export function StatusTag({ status }: { status: FollowUpStatus }) {
  const { t } = useTranslation();
  return <Tag tone={STATUS_TONE[status]}>{t(`enums.status.${status}`)}</Tag>;
}

export function FollowUpTable({ items, partnerships, caption, showPartnership = true }: PartnershipRecordsProps<FollowUp>) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const today = todayIn();
  return (
    <DataTable caption={caption} columns={[
    t('followUps.columns.title'),
    showPartnership && t('followUps.columns.partnership'),
    t('followUps.columns.owner'),
    t('followUps.columns.due'),
    t('followUps.columns.priority'),
    t('followUps.columns.status'),
    { label: t('followUps.columns.sectors'), className: 'col-sectors' },
      ]}>
      {items.map((item) => (
        <tr key={item.id}>
          <th scope="row" className="table__title">
            <Link to={`/follow-ups/${encodeURIComponent(item.id)}`}>{item.title}</Link>
          </th>
          {showPartnership && <td>{labels.partnership(partnerships?.get(item.partnershipId))}</td>}
          <td>{labels.user(item.ownerId)}</td>
          <td className="nowrap">
            {item.dueDate ? format.date(item.dueDate, 'medium') : t('followUps.noDueDate')}
            {isOverdue(item, today) && (
              <>
                {' '}
                <Tag tone="red">{t('followUps.overdue')}</Tag>
              </>
            )}
            {isDueToday(item, today) && (
              <>
                {' '}
                <Tag tone="yellow">{t('followUps.dueToday')}</Tag>
              </>
            )}
          </td>
          <td>{t(`enums.priority.${item.priority}`)}</td>
          <td>
            <StatusTag status={item.status} />
          </td>
          <td className="col-sectors">{item.sectorIds.map(labels.sector).join(', ') || t('common.none')}</td>
        </tr>
      ))}
    </DataTable>
  );
}

type FollowUpsSectionProps = {
  /** The heading's id, which names the section. */
  id: string;
  title: string;
  emptyText: string;
  query: { isPending: boolean; isError: boolean; error: unknown; data?: { pages: Array<{ items: FollowUp[] }> }; refetch: () => unknown };
};

/** A page's section of the follow-ups of one meeting or partnership: its table, or words when there are none. */
export function FollowUpsSection({ id, title, emptyText, query }: FollowUpsSectionProps) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <QueryState query={query} isEmpty={query.data?.pages[0]?.items.length === 0} empty={<EmptyState>{emptyText}</EmptyState>}>
        {(data) => <FollowUpTable items={data.pages.flatMap((p) => p.items)} caption={title} showPartnership={false} />}
      </QueryState>
    </section>
  );
}
