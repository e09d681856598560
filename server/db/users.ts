import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

/** The key an e-mail is unique by and signs in by: trimmed, lower case. */
export const emailKey = (email: string) => email.trim().toLowerCase();

/** Whether another user (not `exceptId`) has this e-mail, in any case. */
export async function emailTaken(db: Kysely<DB>, email: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('users').select('id').where('email_key', '=', emailKey(email));
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** The user signing in with this e-mail (any case), if any. */
export async function userIdByEmail(db: Kysely<DB>, email: string): Promise<string | undefined> {
  return (await db.selectFrom('users').select('id').where('email_key', '=', emailKey(email)).executeTakeFirst())?.id;
}

/** Active administrators other than this user. */
export async function otherActiveAdmins(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)`.as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1 as never)
    .where('id', '!=', userId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Whether any active administrator exists (first-run setup is open until one does). */
export async function hasActiveAdmin(db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1 as never).executeTakeFirst()) !== undefined;
}

/** The ids of active administrators. */
export async function activeAdminIds(db: Kysely<DB>): Promise<string[]> {
  return (await db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1 as never).orderBy('seq').execute()).map((r) => r.id);
}
