import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Partnership } from '@/domain/partnership';
import type { NextFollowUp } from '../api/queries';
import { localScriptLang } from '@/domain/region';
import { TableScroll } from '@/components/ui/table-scroll';
import { IllustrativeTag, Tag } from '@/components/ui/tags';
import { useFormat } from '@/lib/use-format';
import { useLabels } from '@/features/reference/api/use-labels';

type PartnershipTableProps = {
  items: Partnership[];
  caption: string;
  /** Each partnership's next open follow-up, by partnership id. */
  next?: ReadonlyMap<string, NextFollowUp['followUp']>;
};

export function PartnershipTable({ items, caption, next }: PartnershipTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  return (
    <TableScroll label={caption}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('partners.columns.partner')}</th>
            <th scope="col">{t('partners.columns.country')}</th>
            <th scope="col">{t('partners.columns.type')}</th>
            <th scope="col">{t('partners.columns.stage')}</th>
            <th scope="col">{t('partners.columns.sectors')}</th>
            <th scope="col">{t('partners.columns.next')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => {
            const region = p.partnerRegionId ? labels.maps.regions.get(p.partnerRegionId) : undefined;
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
                </th>
                <td>{region ? format.country(region.countryCode) : t('common.none')}</td>
                <td>{t(`enums.partnershipType.${p.type}`)}</td>
                <td>
                  <Tag tone={p.stage === 'active' || p.stage === 'mou-signed' ? 'green' : p.stage === 'dormant' || p.stage === 'ended' ? 'grey' : 'blue'}>
                    {t(`enums.stage.${p.stage}`)}
                  </Tag>
                </td>
                <td>{p.focusSectorIds.map(labels.sector).join(', ') || t('common.none')}</td>
                <td>
                  {next?.get(p.id) ? (
                    <>
                      <Link to={`/follow-ups/${encodeURIComponent(next.get(p.id)?.id ?? '')}`}>{next.get(p.id)?.title}</Link>
                      <span className="hint nowrap">
                        {' '}
                        {next.get(p.id)?.dueDate ? format.date(next.get(p.id)?.dueDate ?? '', 'medium') : t('followUps.noDueDate')}
                      </span>
                    </>
                  ) : (
                    t('common.none')
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
