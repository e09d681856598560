import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partnership } from '@/domain/partnership';
import { currentStageSince } from '@/domain/partnership';
import { localScriptLang } from '@/domain/region';
import { DescriptionList } from '@/components/ui/description-list';
import { IllustrativeTag } from '@/components/ui/tags';
import { StageTag } from './stage-tag';
import { useFormat } from '@/lib/use-format';
import { useLabels } from '@/reference-data/use-labels';
import { HistoryTable } from '@/components/ui/history-table';

/** The partner's profile, the partnership's stage with its dated history, and its agreements. */
export function PartnershipDetail({ partnership, actions }: { partnership: Partnership; actions?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const region = partnership.partnerRegionId ? labels.maps.regions.get(partnership.partnerRegionId) : undefined;
  const since = currentStageSince(partnership);
  const none = t('common.none');
  const { agreements } = partnership;

  return (
    <>
      <p className="caption">{t(`enums.partnershipType.${partnership.type}`)}</p>
      <h1>
        {labels.partnership(partnership)}{' '}
        {region?.localName && (
          <span className="local-name" lang={localScriptLang(region.countryCode)}>
            {region.localName}
          </span>
        )}{' '}
        {partnership.illustrative && <IllustrativeTag />}
      </h1>
      <p>
        <StageTag stage={partnership.stage} />{' '}
        {since && <span className="hint">{t('partners.detail.since', { date: format.date(since, 'long') })}</span>}
      </p>
      {actions}

      <section aria-labelledby="partner-profile">
        <h2 id="partner-profile">{t('partners.detail.profile')}</h2>
        <DescriptionList
          items={[
            { term: t('partners.detail.localName'), value: region?.localName ?? none, hidden: !region },
            { term: t('partners.detail.level'), value: region ? t(`enums.level.${region.level}`) : none, hidden: !region },
            { term: t('partners.detail.province'), value: region?.province ?? none, hidden: !region },
            { term: t('partners.detail.country'), value: region ? format.country(region.countryCode) : none, hidden: !region },
            {
              term: t('partners.detail.strengths'),
              value: region?.strengths.map(labels.sector).join(', ') || none,
              hidden: !region,
            },
            { term: t('partners.detail.focusSectors'), value: partnership.focusSectorIds.map(labels.sector).join(', ') || none },
            { term: t('partners.detail.facilitators'), value: partnership.facilitatorIds.map(labels.organization).join(', ') || none },
            { term: t('partners.detail.coordinator'), value: labels.user(partnership.coordinatorId) },
            { term: t('partners.detail.loiDate'), value: agreements.loiDate ? format.date(agreements.loiDate) : none },
            { term: t('partners.detail.mouSignedDate'), value: agreements.mouSignedDate ? format.date(agreements.mouSignedDate) : none },
            { term: t('partners.detail.mouExpiresDate'), value: agreements.mouExpiresDate ? format.date(agreements.mouExpiresDate) : none },
            { term: t('partners.detail.notes'), value: partnership.notes, hidden: !partnership.notes },
          ]}
        />
      </section>

      <HistoryTable
        id="partner-stages"
        title={t('partners.detail.stageHistory')}
        entries={partnership.stageHistory}
        columns={[
          { header: t('partners.detail.historyDate'), cell: (entry) => format.date(entry.date, 'long'), nowrap: true },
          {
            header: t('partners.detail.historyChange'),
            cell: (entry) => (
              <>
                {entry.from ? `${t(`enums.stage.${entry.from}`)} → ` : ''}
                {t(`enums.stage.${entry.to}`)}
              </>
            ),
          },
          { header: t('partners.detail.historyNote'), cell: (entry) => entry.note ?? none },
        ]}
      />
    </>
  );
}
