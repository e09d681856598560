/**
 * The audit trail: one entry per stored write, saying who changed what, when, and the values
 * before and after. History panels read it; admins export it. Zod-free, shared by API and UI.
 */
export const AUDITED_ENTITIES = [
  'sector',
  'region',
  'organization',
  'person',
  'user',
  'partnership',
  'meeting',
  'followUp',
] as const;
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];

/** 'delete': only an import's undo removes records (the ones the import created). */
export type AuditAction = 'create' | 'update' | 'delete';

export type FieldChange = { field: string; before?: unknown; after?: unknown };

export type AuditEntry = {
  id: string;
  /** ISO instant of the write. */
  at: string;
  /** The user who made it; "system" for seeding and maintenance. */
  actorId: string;
  action: AuditAction;
  entity: AuditedEntity;
  entityId: string;
  /** The entity's version after the write. */
  version: number;
  /** Only the fields whose value changed (for a create: every field set). */
  changes: FieldChange[];
  /** A note the user gave with the change (a stage change's note, a status comment). */
  note?: string;
};

/** Bookkeeping fields and embedded logs: never reported as changes (they change on every write). */
const IGNORED = new Set(['id', 'version', 'createdAt', 'updatedAt', 'history', 'stageHistory']);

/** JSON with sorted keys, so two equal objects built in different orders compare equal. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  );
}

/**
 * The fields that differ between two versions of a resource, in a stable order (by field name),
 * without unchanged fields. A field missing on one side is `undefined` there (set or cleared).
 */
export function diffFields(before: object | undefined, after: object | undefined): FieldChange[] {
  const b = (after ?? {}) as Record<string, unknown>;
  // A create: every field set (no comparison needed; imports create thousands at once).
  if (before === undefined) {
    return Object.keys(b)
      .filter((f) => !IGNORED.has(f) && !isEmpty(b[f]))
      .sort()
      .map((field) => ({ field, after: b[field] }));
  }
  const a = before as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((f) => !IGNORED.has(f))
    .sort();
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const was = a[field];
    const now = b[field];
    if (stableJson(was) === stableJson(now)) continue;
    // An empty list and no list read the same to a user.
    if (isEmpty(was) && isEmpty(now)) continue;
    const change: FieldChange = { field };
    if (was !== undefined) change.before = was;
    if (now !== undefined) change.after = now;
    changes.push(change);
  }
  return changes;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0);
}
