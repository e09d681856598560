import type { User } from '@/domain/user';
import { AccountMenu } from './account-menu';
import { AdminNavItem } from './admin-nav-item';
import { ImportsNavItem } from './imports-nav-item';
import { ReminderBadge } from './reminder-badge';
import { SessionGate } from './session-gate';

/**
 * The shell's lazily loaded parts, one chunk: the session gate, the account menu, the admin link,
 * the reminder badge (in room its link keeps for it: its arrival moves nothing).
 */
export function ShellPart(
  props:
    | { part: 'gate'; serverMode: boolean }
    | { part: 'account'; user: User }
    | { part: 'badge' }
    | { part: 'admin' }
    | { part: 'imports' },
) {
  if (props.part === 'gate') return <SessionGate serverMode={props.serverMode} />;
  if (props.part === 'account') return <AccountMenu user={props.user} />;
  if (props.part === 'badge') return <ReminderBadge />;
  if (props.part === 'imports') return <ImportsNavItem />;
  return <AdminNavItem />;
}
