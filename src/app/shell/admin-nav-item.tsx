import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useCan } from '@/session/use-can';

/** The nav item of the users page, for administrators only. */
export function AdminNavItem() {
  const { t } = useTranslation();
  const canManageUsers = useCan('user.manage');
  if (!canManageUsers) return null;
  return (
    <li>
      <NavLink to="/admin/users" className="nav__link">
        {t('nav.users')}
      </NavLink>
    </li>
  );
}
