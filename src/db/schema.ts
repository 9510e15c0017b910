// Table types for Kysely. Timestamps are epoch milliseconds (integers) on both databases, booleans are 0/1,
// JSON is text: one representation for SQLite and PostgreSQL, so repositories need no per-dialect decoding.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AppErrorCode } from '../shared/app-error.js';

type Id = Generated<number>;
type CreatedAt = ColumnType<number, number | undefined, never>;

export type TeamTable = { id: Id; name: string; default_country: string; created_at: CreatedAt };

export type UserTable = {
  id: Id;
  login: string;
  password_hash: string;
  role: 'admin' | 'manager' | 'agent';
  team_id: number;
  created_at: CreatedAt;
};

/** Field definitions of a main table (owner `individual`, `organization`, `mass-target`) or of a campaign (`campaign:<id>`). */
export type FieldDefinitionTable = {
  id: Id;
  team_id: number;
  owner: string;
  key: string;
  label: string;
  type: 'text' | 'email' | 'phone' | 'fax' | 'address' | 'date' | 'number';
  position: number;
  is_custom: number;
  is_visible: number;
  is_editable: number;
};

export type CampaignTable = {
  id: Id;
  team_id: number;
  name: string;
  main_table: 'individual' | 'organization';
  package_name: string;
  has_dialer: number;
  created_at: CreatedAt;
};

export type CampaignAgentTable = { campaign_id: number; user_id: number };

/**
 * Every customer row of a team: main tables (`scope` = individual | organization | mass-target) and campaign
 * packages (`scope` = campaign:<id>). Standard fields are columns; custom fields live in `custom` (JSON object).
 */
export type CustomerTable = {
  id: Id;
  team_id: number;
  scope: string;
  campaign_id: number | null;
  name: string | null;
  contact: string | null;
  phone: string | null;
  mobile: string | null;
  phone2: string | null;
  email: string | null;
  fax: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
  company: string | null;
  title: string | null;
  birthday: string | null;
  gender: string | null;
  website: string | null;
  industry: string | null;
  note: string | null;
  /** Filled from the area-code table by the longest prefix of the phone, so the dialer can respect local hours. */
  area: string | null;
  timezone: string | null;
  custom: string;
  /**
   * The cells as the file had them, for the fields whose stored value was normalised (a phone stored as E.164, an
   * email's domain in lower case, a date as ISO): JSON of field key → text; null when none was. The agent sees these.
   */
  originals: string | null;
  dedupe_key: string | null;
  status: 'new' | 'pending' | 'success' | 'failed' | 'callback';
  agent_id: number | null;
  /** The job that inserted the row, and the record's line in that job's file. */
  job_id: number | null;
  job_line: number | null;
  created_at: CreatedAt;
  updated_at: number;
};

export type DialListTable = {
  id: Id;
  campaign_id: number;
  customer_id: number;
  phone: string;
  priority: number;
  dial_at: number | null;
  status: Generated<'pending' | 'dialed' | 'done'>;
  job_id: number | null;
  created_at: CreatedAt;
};

/** Blacklist, whitelist and campaign blacklists: `list` = blacklist | whitelist | campaign-blacklist:<id>. */
export type NumberListTable = {
  id: Id;
  team_id: number;
  list: string;
  number: string;
  note: string | null;
  job_id: number | null;
  job_line: number | null;
  created_at: CreatedAt;
};

export type AreaCodeTable = {
  id: Id;
  team_id: number;
  prefix: string;
  area: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
  timezone: string | null;
  carrier: string | null;
  job_id: number | null;
  job_line: number | null;
  created_at: CreatedAt;
};

export type DidTable = {
  id: Id;
  team_id: number;
  number: string;
  description: string | null;
  campaign: string | null;
  job_id: number | null;
  job_line: number | null;
  created_at: CreatedAt;
};

export type UploadTable = {
  id: Id;
  team_id: number;
  user_id: number | null;
  storage_key: string;
  original_name: string;
  size: number;
  created_at: CreatedAt;
  expires_at: number | null;
};

export type JobStatus = 'pending' | 'running' | 'close' | 'failed' | 'cancelled';

export type ImportJobTable = {
  id: Id;
  team_id: number;
  user_id: number | null;
  upload_id: number | null;
  target: string;
  campaign_id: number | null;
  file_name: string;
  options: string;
  status: Generated<JobStatus>;
  due_at: number;
  lease_owner: Generated<string | null>;
  lease_expires_at: Generated<number | null>;
  attempts: Generated<number>;
  /** Claims since the job last committed a batch: a job that keeps failing without progress is given up. */
  stalled_attempts: Generated<number>;
  /** Why its last attempt was interrupted (the error that ended it), for the reason of a job given up. */
  last_interruption: Generated<string | null>;
  checkpoint: Generated<string | null>;
  records_read: Generated<number>;
  total: Generated<number | null>;
  /** While a job runs: its file's records as the part read so far suggests, for the ETA. */
  estimated_total: Generated<number | null>;
  success: Generated<number>;
  error: Generated<number>;
  duplicated: Generated<number>;
  failure_reason: Generated<string | null>;
  /** The AppError code of a failed job, so that the command line can tell bad input (exit 2) from other failures. */
  failure_code: Generated<AppErrorCode | null>;
  is_cancel_requested: Generated<number>;
  /** A revert's progress and counts (JSON of RevertState); null when the job was never reverted. */
  revert_state: Generated<string | null>;
  /** The process reverting the job and until when it holds it; a lapsed hold lets another revert resume. */
  revert_owner: Generated<string | null>;
  revert_lease_expires_at: Generated<number | null>;
  /** When the revert finished. */
  reverted_at: Generated<number | null>;
  started_at: Generated<number | null>;
  finished_at: Generated<number | null>;
  created_at: CreatedAt;
  updated_at: number;
};

export type JobFileTable = {
  job_id: number;
  kind: 'success' | 'error' | 'duplicated' | 'original';
  storage_key: string;
  size: number;
  records: number;
};

/** What each job changed, so that it can be reverted: inserted rows, and the previous values of updated rows. */
export type JobChangeTable = {
  id: Id;
  job_id: number;
  table_name: string;
  row_id: number;
  change: 'insert' | 'update';
  previous: string | null;
  /** The values the update set (JSON); null on changes recorded before reverts could check them. */
  applied: Generated<string | null>;
  /** Set by a revert: the update undone, or the row kept (changed since) with the reason in `note`. */
  outcome: Generated<'restored' | 'kept' | null>;
  note: Generated<string | null>;
};

export type ImportSeenKeyTable = { job_id: number; key: string; line: number };

export type SavedMappingTable = {
  id: Id;
  team_id: number;
  owner: string;
  header_signature: string;
  mapping: string;
  updated_at: number;
};

/** A signed-in browser: the cookie holds the session id, the table only its SHA-256 hash. */
export type SessionTable = { id_hash: string; user_id: number; csrf_token: string; created_at: CreatedAt; expires_at: number };

/** A script's bearer token: scoped to one team, acting with its creator's role; only its SHA-256 hash is kept. */
export type ApiTokenTable = {
  id: Id;
  user_id: number;
  team_id: number;
  name: string;
  token_hash: string;
  created_at: CreatedAt;
  last_used_at: number | null;
};

/** A failed login, counted per login and per client IP for the rate limit. */
export type LoginAttemptTable = { id: Id; login: string; ip: string; attempted_at: CreatedAt };

export type StoredFileTable = { key: string; size: number; created_at: CreatedAt };
export type StoredFileChunkTable = { key: string; seq: number; data: Uint8Array };

export type Database = {
  teams: TeamTable;
  users: UserTable;
  field_definitions: FieldDefinitionTable;
  campaigns: CampaignTable;
  campaign_agents: CampaignAgentTable;
  customers: CustomerTable;
  dial_list: DialListTable;
  number_lists: NumberListTable;
  area_codes: AreaCodeTable;
  dids: DidTable;
  uploads: UploadTable;
  import_jobs: ImportJobTable;
  job_files: JobFileTable;
  job_changes: JobChangeTable;
  import_seen_keys: ImportSeenKeyTable;
  saved_mappings: SavedMappingTable;
  stored_files: StoredFileTable;
  stored_file_chunks: StoredFileChunkTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  login_attempts: LoginAttemptTable;
};

export type Team = Selectable<TeamTable>;
export type User = Selectable<UserTable>;
export type Campaign = Selectable<CampaignTable>;
export type FieldDefinitionRow = Selectable<FieldDefinitionTable>;
export type NewFieldDefinition = Insertable<FieldDefinitionTable>;
export type FieldDefinitionUpdate = Updateable<FieldDefinitionTable>;
export type CustomerRow = Selectable<CustomerTable>;
export type NewCustomer = Insertable<CustomerTable>;
export type ImportJob = Selectable<ImportJobTable>;
export type NewImportJob = Insertable<ImportJobTable>;
