import type { ColumnType, Generated } from 'kysely';

/**
 * The relational schema, as Kysely sees it (server/db/migrations.ts creates it). Snake case, as
 * SQL has it; the mappers (server/db/mappers.ts) turn rows into the domain's resources and back.
 *
 * Conventions, on both engines:
 * - every resource table has `seq` (the primary key, insertion order; on SQLite the rowid that
 *   FTS5 indexes), a unique text `id` that the API and foreign keys use, `version` for
 *   optimistic concurrency, and `created_at`/`updated_at` instants;
 * - calendar days (`IsoDate`) are `date` on PostgreSQL and ISO text on SQLite, instants are
 *   `timestamptz` / ISO text; both come back as the same ISO strings (server/db/engine.ts);
 * - booleans are written as 1/0 (PostgreSQL's boolean input takes both) and read with Boolean();
 * - a list of ids is a join table with a `position`, so an array comes back in its order;
 * - JSON only for free-form parts (outcomes, aims, a source citation, audit values);
 * - `search_text` holds the normalised text a list's `q` searches (FTS5 trigram on SQLite,
 *   pg_trgm on PostgreSQL: server/db/dialect.ts).
 */

/** A calendar day, 'YYYY-MM-DD'. */
type Day = string;
/** An instant, as an ISO string ('2025-11-01T03:00:00.000Z'). */
type Instant = string;
/** 1/0 when written; boolean or 1/0 when read, depending on the engine. */
type Flag = ColumnType<boolean | number, number, number>;
/** JSON: written as text, read as text (SQLite) or parsed (PostgreSQL). */
type Json = ColumnType<unknown, string, string>;
type Count = ColumnType<number, number, number>;

type Resource = {
  seq: Generated<number>;
  id: string;
  version: number;
  created_at: Instant;
  updated_at: Instant;
};

export type SectorTable = Resource & {
  name_id: string;
  name_en: string;
  color: string;
  /** A retired sector stays on old records and leaves the pickers. */
  retired_at: Instant | null;
  search_text: string;
};

export type RegionTable = Resource & {
  name: string;
  local_name: string | null;
  level: string;
  country_code: string;
  province: string | null;
  role: string;
  lat: number | null;
  lng: number | null;
  notes: string | null;
  illustrative: Flag;
  search_text: string;
};

export type OrganizationTable = Resource & {
  name: string;
  acronym: string | null;
  kind: string;
  country_code: string | null;
  city: string | null;
  website: string | null;
  illustrative: Flag;
  search_text: string;
};

export type PersonTable = Resource & {
  name: string;
  position: string | null;
  region_id: string | null;
  organization_id: string | null;
  email: string | null;
  phone: string | null;
  illustrative: Flag;
  search_text: string;
};

export type UserTable = Resource & {
  name: string;
  email: string;
  /** The e-mail in lower case: unique, so no two users share one however it is typed. */
  email_key: string;
  role: string;
  position: string | null;
  active: Flag;
  search_text: string;
};

export type PartnershipTable = Resource & {
  home_region_id: string;
  partner_region_id: string | null;
  partner_organization_id: string | null;
  type: string;
  stage: string;
  coordinator_id: string | null;
  loi_date: Day | null;
  mou_signed_date: Day | null;
  mou_expires_date: Day | null;
  notes: string | null;
  illustrative: Flag;
};

export type StageChangeTable = {
  partnership_id: string;
  position: number;
  from_stage: string | null;
  to_stage: string;
  date: Day;
  note: string | null;
  by_user_id: string;
  at: Instant;
};

export type MeetingTable = Resource & {
  partnership_id: string;
  kind: string;
  title: string;
  date: Day;
  time: string | null;
  time_zone: string;
  place: string | null;
  host_lead_id: string | null;
  delegation_lead_id: string | null;
  summary: string | null;
  outcomes: Json;
  aims: Json;
  source: Json | null;
  illustrative: Flag;
  search_text: string;
};

/** 0006 (issue 15): how large each side's delegation was, as reported; one row per side reported. */
export type MeetingDelegationTable = { meeting_id: string; position: number; side: string; people: number; countries: number | null };

/** 0006 (issue 15): the names as the report spelled them, in order (searched through meetings.search_text). */
export type MeetingNameAsReportedTable = { meeting_id: string; position: number; name: string };

export type ParticipantTable = {
  meeting_id: string;
  position: number;
  side: string;
  person_id: string | null;
  organization_id: string | null;
  description: string | null;
};

export type StatementTable = {
  meeting_id: string;
  position: number;
  person_id: string | null;
  speaker: string | null;
  text: string;
};

export type FollowUpTable = Resource & {
  partnership_id: string;
  /** The meeting that agreed it (the first of its meetings), if any. */
  meeting_id: string | null;
  title: string;
  description: string | null;
  owner_id: string | null;
  due_date: Day | null;
  priority: string;
  status: string;
  completed_at: Instant | null;
  /** The day it was agreed, which the dashboard's periods count by (server/db/mappers.ts). */
  agreed_on: Day;
  search_text: string;
};

export type FollowUpEventTable = {
  follow_up_id: string;
  position: number;
  at: Instant;
  by_user_id: string;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  changes: Json | null;
  comment: string | null;
  meeting_id: string | null;
};

/** A sector link of a region (strengths), partnership (focus), meeting or follow-up. */
export type SectorLinkTable = { owner_id: string; sector_id: string; position: number };
/** An organisation facilitating a partnership or a meeting. */
export type FacilitatorTable = { owner_id: string; organization_id: string; position: number };

/** A follow-up's sector, with a copy of the follow-up's fields that the by-sector figures filter on. */
export type FollowUpSectorTable = SectorLinkTable & {
  status: string;
  due_date: Day | null;
  agreed_on: Day;
  partnership_id: string;
};

export type FollowUpMeetingTable = { follow_up_id: string; meeting_id: string; position: number };

export type UserHomeRegionTable = { user_id: string; region_id: string; role: string };

export type AuditTable = {
  seq: Generated<number>;
  id: string;
  at: Instant;
  actor_id: string;
  action: string;
  entity: string;
  entity_id: string;
  version: number;
  changes: Json;
  note: string | null;
};

export type IdempotencyTable = {
  scope: string;
  request_hash: string;
  status: number | null;
  body: string | null;
  headers: string | null;
  created_at: Instant;
};

export type CredentialTable = { user_id: string; password_hash: string; updated_at: Count };
export type SessionTable = { id_hash: string; user_id: string; created_at: Count; last_seen_at: Count };
export type FailureTable = { key: string; count: Count; last_at: Count };
export type MetaTable = { key: string; value: string };

/** An uploaded spreadsheet (migration 0007; server/db/imports.ts). JSON columns are text on both engines. */
export type ImportTable = {
  id: string;
  resource: string;
  file_name: string;
  status: string;
  created_at: Instant;
  created_by: string;
  row_count: Count;
  valid_count: Count;
  invalid_count: Count;
  counts: string | null;
  committed_at: Instant | null;
  undone_at: Instant | null;
  undone_by: string | null;
  mapping: string;
  table_data: string;
  detail: string;
};

/** A record an import's commit created or updated: what undo removes or restores. */
export type ImportRecordTable = {
  import_id: string;
  position: Count;
  entity: string;
  record_id: string;
  action: string;
  before: string | null;
  version_after: Count;
};

export type DB = {
  sectors: SectorTable;
  regions: RegionTable;
  region_strengths: SectorLinkTable;
  organizations: OrganizationTable;
  people: PersonTable;
  users: UserTable;
  user_home_regions: UserHomeRegionTable;
  partnerships: PartnershipTable;
  partnership_sectors: SectorLinkTable;
  partnership_facilitators: FacilitatorTable;
  stage_changes: StageChangeTable;
  meetings: MeetingTable;
  meeting_sectors: SectorLinkTable;
  meeting_facilitators: FacilitatorTable;
  meeting_participants: ParticipantTable;
  meeting_statements: StatementTable;
  meeting_delegations: MeetingDelegationTable;
  meeting_names_as_reported: MeetingNameAsReportedTable;
  follow_ups: FollowUpTable;
  follow_up_sectors: FollowUpSectorTable;
  follow_up_meetings: FollowUpMeetingTable;
  follow_up_events: FollowUpEventTable;
  audit: AuditTable;
  idempotency: IdempotencyTable;
  auth_credentials: CredentialTable;
  auth_sessions: SessionTable;
  auth_failures: FailureTable;
  meta: MetaTable;
  imports: ImportTable;
  import_records: ImportRecordTable;
};
