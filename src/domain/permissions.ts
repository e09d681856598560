import type { Role } from './user';

/**
 * Who may do what: one table, read by the API (which enforces it on every request, deny by
 * default) and by the UI (which hides what a role cannot do). Reading is open to every signed-in
 * user; every write is an action below.
 *
 * - staff log and edit meetings and their follow-ups (and add the people, organisations and
 *   partner regions a visit brings);
 * - officers update the follow-ups they own (not their owner: managers reassign);
 * - managers read everything, change partnership stages, keep partnerships and reassign
 *   follow-ups;
 * - admins manage users and reference data (sectors, regions, organisations, people,
 *   partnerships) and read the audit trail.
 */
export const ACTIONS = [
  'meeting.create',
  'meeting.update',
  'followUp.create',
  /** Any field and the status of any follow-up. */
  'followUp.update',
  /** Status, progress, dates and description of a follow-up the user owns (not its owner). */
  'followUp.updateOwn',
  /** Change a follow-up's owner. */
  'followUp.reassign',
  'partnership.create',
  'partnership.update',
  'partnership.changeStage',
  'region.write',
  'organization.write',
  'person.write',
  'sector.write',
  'user.manage',
  'audit.read',
] as const;
export type Action = (typeof ACTIONS)[number];

const GRANTS: Record<Role, readonly Action[]> = {
  staff: [
    'meeting.create',
    'meeting.update',
    'followUp.create',
    'followUp.update',
    'followUp.reassign',
    'region.write',
    'organization.write',
    'person.write',
  ],
  officer: ['followUp.updateOwn'],
  manager: [
    'followUp.create',
    'followUp.update',
    'followUp.reassign',
    'partnership.create',
    'partnership.update',
    'partnership.changeStage',
  ],
  admin: [
    'region.write',
    'organization.write',
    'person.write',
    'sector.write',
    'partnership.create',
    'partnership.update',
    'user.manage',
    'audit.read',
  ],
};

/** Whether a role may take an action. Unknown roles may do nothing. */
export function can(role: Role | undefined, action: Action): boolean {
  return role !== undefined && (GRANTS[role]?.includes(action) ?? false);
}

/**
 * Whether a user may change a follow-up in the way asked. An owner (officer) may change its
 * status and details but not hand it to someone else; only roles with `followUp.reassign`
 * change the owner.
 */
export function canChangeFollowUp(
  user: { id: string; role: Role },
  followUp: { ownerId?: string | undefined },
  change: { ownerId?: string | null | undefined } = {},
): boolean {
  const reassigning = change.ownerId !== undefined && change.ownerId !== followUp.ownerId;
  if (reassigning && !can(user.role, 'followUp.reassign')) return false;
  if (can(user.role, 'followUp.update')) return true;
  return can(user.role, 'followUp.updateOwn') && followUp.ownerId === user.id;
}
