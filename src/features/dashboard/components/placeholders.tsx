import { useTranslation } from 'react-i18next';

/**
 * The dashboard's shapes before its figures: the KPI cards with their labels and the chart cards'
 * frames at their final heights, so that nothing moves when the figures arrive (no layout shift).
 * Light on purpose: no Recharts here, they show while the charts' code loads.
 */

const NBSP = '\u00a0';

/** The five KPI cards, labelled, with room for the value and the hint each will have. */
export function KpiPlaceholder() {
  const { t } = useTranslation();
  const cards: Array<{ label: string; hint: boolean; warning?: boolean }> = [
    { label: t('dashboard.activePartnerships'), hint: true },
    { label: t('dashboard.meetings', { year: '' }), hint: true },
    { label: t('dashboard.openFollowUps'), hint: false },
    { label: t('dashboard.overdueFollowUps'), hint: false, warning: true },
    { label: t('dashboard.completionRate'), hint: true },
  ];
  return (
    <div className="kpis-placeholder">
      <p className="visually-hidden" role="status">
        {t('common.loading')}
      </p>
      <dl className="kpis placeholder" aria-hidden="true">
        {cards.map((card) => (
          <div key={card.label} className={card.warning ? 'kpi kpi--warning' : 'kpi'}>
            <dt className="kpi__label">{card.label}</dt>
            <dd className="kpi__value">{NBSP}</dd>
            {card.hint && <dd className="kpi__hint">{NBSP}</dd>}
          </div>
        ))}
      </dl>
    </div>
  );
}

/** The attention panel's shape (a title and a line) while its figures load. */
export function HealthPlaceholder() {
  const { t } = useTranslation();
  return (
    <div className="health placeholder">
      <h2>{NBSP}</h2>
      <p role="status">{t('common.loading')}</p>
    </div>
  );
}
