import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Partnership } from '@/domain/partnership';
import { localScriptLang } from '@/domain/region';
import { DataTable } from '@/components/ui/data-table';
import { IllustrativeTag } from '@/components/ui/tags';
import { useFormat } from '@/lib/use-format';
import { useLabels } from '@/reference-data/use-labels';
import type { PartnershipActivity } from '../api/queries';
import type { DirectorySort } from '../directory';
import { StageTag } from './stage-tag';

type PartnershipTableProps = {
  items: Partnership[];
  caption: string;
  /** Each partnership's last meeting and next open follow-up, by partnership id. */
  activity: ReadonlyMap<string, PartnershipActivity>;
  sort: DirectorySort;
};

/** The partner directory: one row per partnership, named by its partner. */
export function PartnershipTable({ items, caption, activity, sort }: PartnershipTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const sorted = (key: DirectorySort) => (sort === key ? (key === 'lastMeeting' ? 'descending' : 'ascending') : undefined);
  return (
    <DataTable caption={caption} columns={[
    { label: t('partners.columns.partner'), sort: sorted('partner') },
    { label: t('partners.columns.country'), sort: sorted('country') },
    t('partners.columns.type'),
    { label: t('partners.columns.stage'), sort: sorted('stage') },
    t('partners.columns.sectors'),
    { label: t('directory.lastMeeting'), sort: sorted('lastMeeting') },
    { label: t('partners.columns.next'), sort: sorted('nextDue') },
      ]}>
      {items.map((p) => {
        const region = p.partnerRegionId ? labels.maps.regions.get(p.partnerRegionId) : undefined;
        const act = activity.get(p.id);
        const next = act?.nextFollowUp;
        return (
          <tr key={p.id}>
            <th scope="row" className="table__title">
              <Link to={`/partners/${encodeURIComponent(p.id)}`}>{labels.partnership(p)}</Link>
              {region?.localName && (
                <span className="local-name" lang={localScriptLang(region.countryCode)}>
                  {' '}
                  {region.localName}
                </span>
              )}
              {p.illustrative && (
                <>
                  {' '}
                  <IllustrativeTag />
                </>
              )}
              {region?.province && <span className="hint table__sub">{region.province}</span>}
            </th>
            <td>{region ? format.country(region.countryCode) : t('common.none')}</td>
            <td>{t(`enums.partnershipType.${p.type}`)}</td>
            <td>
              <StageTag stage={p.stage} />
            </td>
            <td>{p.focusSectorIds.map(labels.sector).join(', ') || t('common.none')}</td>
            <td className="nowrap">
              {act?.lastMeeting ? (
                <Link to={`/meetings/${encodeURIComponent(act.lastMeeting.id)}`}>{format.date(act.lastMeeting.date, 'medium')}</Link>
              ) : (
                <span className="hint">{t('directory.noMeeting')}</span>
              )}
            </td>
            <td>
              {next ? (
                <>
                  <Link to={`/follow-ups/${encodeURIComponent(next.id)}`}>{next.title}</Link>
                  <span className="hint nowrap">
                    {' '}
                    {next.dueDate ? t('directory.due', { date: format.date(next.dueDate, 'medium') }) : t('followUps.noDueDate')}
                  </span>
                </>
              ) : (
                <span className="hint">{t('directory.noFollowUp')}</span>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
