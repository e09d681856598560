import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting } from '@/domain/meeting';
import type { Partnership } from '@/domain/partnership';
import { TableScroll } from '@/components/ui/table-scroll';
import { IllustrativeTag } from '@/components/ui/tags';
import { useFormat } from '@/lib/use-format';
import { useLabels } from '@/reference-data/use-labels';

type MeetingTableProps = {
  items: Meeting[];
  partnerships?: ReadonlyMap<string, Partnership>;
  caption: string;
  showPartnership?: boolean;
};

export function MeetingTable({ items, partnerships, caption, showPartnership = true }: MeetingTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  return (
    <TableScroll label={caption}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meetings.columns.date')}</th>
            <th scope="col">{t('meetings.columns.title')}</th>
            {showPartnership && <th scope="col">{t('meetings.columns.partnership')}</th>}
            <th scope="col">{t('meetings.columns.kind')}</th>
            <th scope="col">{t('meetings.columns.sectors')}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </TableScroll>
  );
}
