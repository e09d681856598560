import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { partnershipHealthQuery } from '../api/health';
import { useFormat } from '@/lib/use-format';

/** The same reasons as the dashboard's "needs attention" panel, for one partnership, as of today. */
export function PartnerHealth({ partnershipId }: { partnershipId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const health = useQuery(partnershipHealthQuery(partnershipId));
  if (!health.data) return null; // quiet while loading or on error: the rest of the page stands
  const reasons = health.data.items.find((r) => r.partnershipId === partnershipId)?.reasons ?? [];
  return (
    <section aria-labelledby="partner-health" className={reasons.length ? 'health health--warn' : 'health'}>
      <h2 id="partner-health">
        {t('partnership.health')} <span className="hint">({t('charts.asOfToday')})</span>
      </h2>
      {reasons.length === 0 ? (
        <p>{t('partnership.healthNone')}</p>
      ) : (
        <ul className="list list--bullet">
          {reasons.map((r) => (
            <li key={r.code}>
              {t(`charts.reasons.${r.code as 'mouExpired'}`, { defaultValue: r.code })}
              {r.code === 'overdueFollowUps' && r.params?.count !== undefined ? ` (${format.number(Number(r.params.count))})` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
