import type { DB } from './schema';

/**
 * Every table of the schema, parents before children (foreign keys hold at each insert), with
 * its primary key: the order rows are read, copied and hashed in. A table added to DB and not here
 * fails the type check. `npm run db:copy` copies in this order (server/db/copy.ts); the browser
 * demo clears its database in the reverse order (mocks/demo-database.ts). No Node module here.
 */
export const TABLE_KEYS: { readonly [T in keyof DB]: ReadonlyArray<keyof DB[T] & string> } = {
  meta: ['key'],
  sectors: ['seq'],
  regions: ['seq'],
  region_strengths: ['owner_id', 'sector_id'],
  organizations: ['seq'],
  people: ['seq'],
  users: ['seq'],
  user_home_regions: ['user_id', 'region_id'],
  partnerships: ['seq'],
  partnership_sectors: ['owner_id', 'sector_id'],
  partnership_facilitators: ['owner_id', 'organization_id'],
  stage_changes: ['partnership_id', 'position'],
  meetings: ['seq'],
  meeting_sectors: ['owner_id', 'sector_id'],
  meeting_facilitators: ['owner_id', 'organization_id'],
  meeting_participants: ['meeting_id', 'position'],
  meeting_statements: ['meeting_id', 'position'],
  meeting_delegations: ['meeting_id', 'position'],
  meeting_names_as_reported: ['meeting_id', 'position'],
  follow_ups: ['seq'],
  follow_up_sectors: ['owner_id', 'sector_id'],
  follow_up_meetings: ['follow_up_id', 'meeting_id'],
  follow_up_events: ['follow_up_id', 'position'],
  audit: ['seq'],
  idempotency: ['scope'],
  auth_credentials: ['user_id'],
  auth_sessions: ['id_hash'],
  auth_failures: ['key'],
  imports: ['id'],
  import_records: ['import_id', 'position'],
};

export type TableName = keyof DB;
export const TABLES = Object.keys(TABLE_KEYS) as TableName[];
