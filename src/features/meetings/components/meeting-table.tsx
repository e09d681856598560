import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting } from '@/domain/meeting';
import { DataTable, type PartnershipRecordsProps } from '@/components/ui/data-table';
import { IllustrativeTag } from '@/components/ui/tags';
import { useFormat } from '@/lib/use-format';
import { useLabels } from '@/reference-data/use-labels';

export function MeetingTable({ items, partnerships, caption, showPartnership = true }: PartnershipRecordsProps<Meeting>) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  return (
    <DataTable caption={caption} columns={[
    t('meetings.columns.date'),
    t('meetings.columns.title'),
    showPartnership && t('meetings.columns.partnership'),
    t('meetings.columns.kind'),
    t('meetings.columns.sectors'),
      ]}>
      {items.map((meeting) => (
        <tr key={meeting.id}>
          <td className="nowrap">{format.date(meeting.date, 'full')}</td>
          <th scope="row" className="table__title">
            <Link to={`/meetings/${encodeURIComponent(meeting.id)}`}>{meeting.title}</Link>
            {meeting.illustrative && (
              <>
                {' '}
                <IllustrativeTag />
              </>
            )}
          </th>
          {showPartnership && <td>{labels.partnership(partnerships?.get(meeting.partnershipId))}</td>}
          <td>{t(`enums.meetingKind.${meeting.kind}`)}</td>
          <td>{meeting.sectorIds.map(labels.sector).join(', ') || t('common.none')}</td>
        </tr>
      ))}
    </DataTable>
  );
}
