import type { Kysely } from 'kysely';
import type { DB } from './schema';

/** The home government's region (the first region with the role `home`), if any. */
export async function homeRegionOf(db: Kysely<DB>): Promise<string | undefined> {
  return (await db.selectFrom('regions').select('id').where('role', '=', 'home').orderBy('seq').executeTakeFirst())?.id;
}
