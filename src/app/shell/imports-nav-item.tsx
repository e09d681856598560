import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { can } from '@/domain/permissions';
import { usePermissions } from '@/session/use-can';

/** The import page's nav item (issue 14), for the roles that may create some kind of record. */
export function ImportsNavItem() {
  const { t } = useTranslation();
  const { user } = usePermissions();
  const role = user?.role;
  const mayImport = (
    ['partnership.create', 'person.write', 'meeting.create', 'followUp.create'] as const
  ).some((action) => can(role, action));
  if (!mayImport) return null;
  return (
    <li>
      <NavLink to="/imports" className="nav__link">
        {t('nav.imports')}
      </NavLink>
    </li>
  );
}
