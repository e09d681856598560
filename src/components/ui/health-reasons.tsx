import { useTranslation } from 'react-i18next';
import { useFormat } from '@/lib/use-format';

/** A reason for attention as the API gives it (`/stats/health`): its code and the figures it names. */
export type HealthReasonRow = { code: string; params?: Record<string, string | number> };

/** A partnership's reasons for attention in words, with the number of overdue follow-ups. */
export function HealthReasons({ reasons }: { reasons: HealthReasonRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="list list--bullet">
      {reasons.map((r) => (
        <li key={r.code}>
          {t(`charts.reasons.${r.code as 'mouExpired'}`, { defaultValue: r.code })}
          {r.code === 'overdueFollowUps' && r.params?.count !== undefined ? ` (${format.number(Number(r.params.count))})` : ''}
        </li>
      ))}
    </ul>
  );
}
