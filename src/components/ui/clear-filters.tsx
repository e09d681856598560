import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A filter bar's "clear filters" link back to the bare list (`to`), replacing the history entry. */
export function ClearFilters({ to, onClick }: { to: string; onClick?: () => void }) {
  const { t } = useTranslation();
  return (
    <p className="filters__clear">
      <Link to={to} replace onClick={onClick}>
        {t('common.clearFilters')}
      </Link>
    </p>
  );
}
