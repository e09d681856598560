import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useCan } from '@/session/use-can';

/** The nav items of the administrators' pages (users, sectors), for administrators only. */
export function AdminNavItem() {
  const { t } = useTranslation();
  const canManageUsers = useCan('user.manage');
  const canManageSectors = useCan('sector.write');
  return (
    <>
      {canManageUsers && (
        <li>
          <NavLink to="/admin/users" className="nav__link">
            {t('nav.users')}
          </NavLink>
        </li>
      )}
      {canManageSectors && (
        <li>
          <NavLink to="/admin/sectors" className="nav__link">
            {t('nav.sectors')}
          </NavLink>
        </li>
      )}
    </>
  );
}
