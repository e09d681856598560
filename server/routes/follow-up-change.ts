import type { z } from 'zod';
import { followUpRuleErrors, type FollowUp, type FollowUpEvent } from '../../src/domain/follow-up';
import type { followUpPatch } from '../../src/domain/schemas';
import { canChangeFollowUp, type Action } from '../../src/domain/permissions';
import type { User } from '../../src/domain/user';
import type { ApiDeps } from '../context';
import { checkRefs, compact, refChecks, sectorChecks } from '../http';
import { problems } from '../problem';
import type { Readers, Tx } from '../store';

/** A valid change to one follow-up: fields, a status, a comment for the history (PATCH or bulk). */
export type FollowUpChange = z.output<typeof followUpPatch>;

/** Any of these lets a request change follow-ups; which ones is decided per item. */
export const FOLLOW_UP_WRITES: readonly Action[] = ['followUp.update', 'followUp.updateOwn', 'followUp.reassign'];

/** Field changes recorded in the history; the status has its own event. */
const TRACKED_FIELDS = [
  'title',
  'description',
  'ownerId',
  'dueDate',
  'sectorIds',
  'priority',
] as const;

/** Who changes which follow-up, the check of its version as stored, and the change. */
type ChangeArgs = [actor: User, id: string, checkVersion: (current: FollowUp) => void, change: FollowUpChange];

/**
 * Applies one change to one follow-up, the one way every write to a follow-up goes (PATCH and
 * bulk): references checked, rules checked on the item as it would be afterwards, every change
 * recorded in its history with who, when and the comment, one transaction.
 *
 * `checkVersion` runs inside the transaction on the item as stored at that moment, so a request
 * that waited (for its body, say) cannot overwrite a change made meanwhile. Problems are thrown
 * (404, the caller's 412, 400 with field errors) and nothing is changed.
 *
 * A change that changes nothing records nothing and returns the item as it was.
 */
export async function applyFollowUpChange(deps: ApiDeps, ...args: ChangeArgs): Promise<FollowUp> {
  await checkChangeRefs(deps.store, args[3]);
  return commitFollowUpChange(deps, ...args);
}

/** The change's references (owner, sectors): 400 naming each field that names nothing. */
export function checkChangeRefs(store: Readers, change: FollowUpChange): Promise<void> {
  return checkRefs([refChecks(store.users, 'ownerId', change.ownerId), sectorChecks(store, 'sectorIds', change.sectorIds)]);
}

/**
 * The change in a transaction of its own, its references already checked (bulk checks them once
 * for every item: one change, the same references).
 */
export function commitFollowUpChange(deps: ApiDeps, ...args: ChangeArgs): Promise<FollowUp> {
  const [actor, , , change] = args;
  return deps.store.transaction((tx) => changeFollowUp(tx, deps.now, ...args), { actorId: actor.id, note: change.comment });
}

/**
 * The change itself, inside a transaction the caller owns (PATCH and bulk: their own; a new
 * meeting: the meeting's, for the progress of the follow-ups it carried over). References are
 * the caller's to check first.
 */
export async function changeFollowUp(tx: Tx, now: () => Date, ...[actor, id, checkVersion, change]: ChangeArgs): Promise<FollowUp> {
  {
    const current = await tx.followUps.get(id);
    if (!current) throw problems.notFound('Follow-up');
    // Who may change this item, this way: an officer their own items, not their owner.
    if (!canChangeFollowUp(actor, current, { ownerId: change.ownerId })) {
      throw problems.forbidden(
        change.ownerId !== undefined && change.ownerId !== current.ownerId
          ? 'Only a manager or the secretariat hands a follow-up to someone else.'
          : 'You may change only the follow-ups you own.',
      );
    }
    checkVersion(current);
    const { comment, status, ...patch } = change;
    const next: FollowUp = compact({
      ...current,
      ...patch,
      dueDate: patch.dueDate === null ? undefined : (patch.dueDate ?? current.dueDate),
      description: patch.description === null ? undefined : (patch.description ?? current.description),
      status: status ?? current.status,
    });
    const statusChanged = status !== undefined && status !== current.status;
    const ruleErrors = followUpRuleErrors(next, statusChanged ? { status, comment } : undefined);
    if (ruleErrors.length > 0) throw problems.validation(ruleErrors);

    const at = now().toISOString();
    const changes = TRACKED_FIELDS.filter(
      (field) => JSON.stringify(current[field]) !== JSON.stringify(next[field]),
    ).map((field) => ({ field, from: current[field] ?? null, to: next[field] ?? null }));
    const events: FollowUpEvent[] = [];
    if (changes.length > 0) events.push({ at, by: actor.id, kind: 'updated', changes });
    if (statusChanged) {
      events.push(
        compact({
          at,
          by: actor.id,
          kind: 'status' as const,
          from: current.status,
          to: status,
          comment,
        }),
      );
    } else if (comment) events.push({ at, by: actor.id, kind: 'comment', comment });
    if (events.length === 0) return current;

    const saved: FollowUp = compact({
      ...next,
      history: [...current.history, ...events],
      completedAt: next.status === 'done' ? (statusChanged ? at : current.completedAt) : undefined,
      version: current.version + 1,
      updatedAt: at,
    });
    await tx.followUps.replace(saved, current);
    return saved;
  }
}
