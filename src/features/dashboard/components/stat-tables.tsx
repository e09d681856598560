import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_STATUSES } from '@/domain/follow-up';
import { MEETING_KINDS } from '@/domain/meeting';
import { TableScroll } from '@/components/ui/table-scroll';
import { useFormat } from '@/lib/use-format';
import { useLabels } from '@/features/reference/api/use-labels';
import type { QuarterKindRow, SectorStatusRow, StageRow } from '../api/queries';

export function SectorStatusTable({ rows, caption }: { rows: SectorStatusRow[]; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  return (
    <TableScroll label={caption}>
      <table className="table table--numeric">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.sector')}</th>
            {FOLLOW_UP_STATUSES.map((s) => (
              <th scope="col" key={s}>
                {t(`enums.status.${s}`)}
              </th>
            ))}
            <th scope="col">{t('dashboard.total')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.sectorId}>
              <th scope="row">{labels.sector(row.sectorId)}</th>
              {FOLLOW_UP_STATUSES.map((s) => (
                <td key={s}>{format.number(row.counts[s])}</td>
              ))}
              <td>{format.number(row.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function QuarterKindTable({ rows, caption }: { rows: QuarterKindRow[]; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <TableScroll label={caption}>
      <table className="table table--numeric">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.quarter')}</th>
            {MEETING_KINDS.map((k) => (
              <th scope="col" key={k}>
                {t(`enums.meetingKind.${k}`)}
              </th>
            ))}
            <th scope="col">{t('dashboard.total')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.quarter}>
              <th scope="row">{row.quarter.replace('-', ' ')}</th>
              {MEETING_KINDS.map((k) => (
                <td key={k}>{format.number(row.counts[k])}</td>
              ))}
              <td>{format.number(row.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function StageTable({ rows, caption }: { rows: StageRow[]; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <TableScroll label={caption}>
      <table className="table table--numeric">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.stage')}</th>
            <th scope="col">{t('dashboard.count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.stage}>
              <th scope="row">{t(`enums.stage.${row.stage}`)}</th>
              <td>{format.number(row.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
