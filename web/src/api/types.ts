// The shapes of the Intake HTTP API, as the UI uses them.

export const TARGETS = [
  'individual',
  'organization',
  'mass-target',
  'campaign',
  'campaign-blacklist',
  'blacklist',
  'whitelist',
  'area-code',
  'did',
] as const;
export type Target = (typeof TARGETS)[number];
export type ListTarget = 'blacklist' | 'whitelist' | 'campaign-blacklist' | 'area-code' | 'did';

export const FIELD_TYPES = ['text', 'email', 'phone', 'fax', 'address', 'date', 'number'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export type Role = 'admin' | 'manager' | 'agent';
export type User = { id: number; login: string; role: Role; teamId: number; teamName: string };
export type Session = { user: User; csrfToken: string };

export type Team = { id: number; name: string; country: string };
export type TeamUser = { id: number; login: string; role: Role; teamId: number; createdAt?: number };

export type Upload = {
  id: number;
  teamId: number;
  name: string;
  size: number;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  sheets: string[] | null;
  sheet: string | null;
  rowCount?: number | null;
  createdAt: number | string;
  expiresAt: number | string;
};

export type MappingSuggestion = {
  header: string;
  index: number;
  field: string | null;
  confidence: number;
  source: string;
};
export type TargetField = { key: string; label: string; type: FieldType; isRequired: boolean };
export type ProposedField = { header: string; key: string; label: string; type: FieldType };

export type Preview = {
  format: string;
  encoding: string | null;
  delimiter: string | null;
  sheets: string[] | null;
  sheet: string | null;
  headers: string[];
  rows: string[][];
  /** Records among `rows` that cannot be imported (`row`: their index in rows), with their line and why. */
  /** `columns`: cells whose value the file lost; the record fails only if one of those columns is imported. */
  problems: Array<{ row: number; line: number; reason: string; columns?: number[] }>;
  mapping: MappingSuggestion[];
  fields: TargetField[];
  /** Fields of which each record needs one (a customer's name or phone): at least one must be mapped. */
  requiredOneOf: string[];
  proposedFields: ProposedField[] | null;
  /** The list's own "Do Not Call" column: the customers it marks are kept out as blacklisted numbers. */
  doNotCallColumn: string | null;
};

export type PreviewQuery = {
  target: Target;
  campaignId?: number;
  /** Import & Start: the name of the campaign to create (a name no campaign has yet). */
  campaignName?: string;
  encoding?: string;
  sheet?: string;
  skipTop?: number;
  delimiter?: string;
};

export type DuplicateMode = 'skip' | 'update';
export type DialDuplicates = 'ignore' | 'all' | 'ignore-success';
export type DialOptions = { phoneField: string; priority: number; dialAt: string | null; duplicates: DialDuplicates };

export type ImportRequest = {
  uploadId: number;
  target: Target;
  campaignId?: number;
  campaignName?: string;
  mapping?: Record<string, string | null>;
  fieldTypes?: Record<string, FieldType>;
  /** Header → type, or auto: columns that become new custom fields of the customer table or campaign. */
  newFields?: Record<string, FieldType | 'auto'>;
  encoding?: string;
  sheet?: string;
  delimiter?: string;
  skipTop?: number;
  at?: string;
  duplicate?: DuplicateMode;
  resetStatus?: boolean;
  resetAgent?: boolean;
  dial?: DialOptions;
  dedupeKey?: string;
  dedupeScope?: 'file' | 'table' | 'team';
  blacklist?: 'reject' | 'allow';
  dryRun?: boolean;
  confirmNameMismatch?: boolean;
};

export type JobStatus = 'pending' | 'running' | 'close' | 'failed' | 'cancelled';
export const JOB_STATUSES: readonly JobStatus[] = ['pending', 'running', 'close', 'failed', 'cancelled'];
export type ResultKind = 'success' | 'error' | 'duplicated' | 'original';
export const RESULT_KINDS: readonly ResultKind[] = ['success', 'error', 'duplicated', 'original'];

export type Job = {
  id: number;
  teamId: number;
  target: Target;
  campaignId: number | null;
  fileName: string;
  status: JobStatus;
  dueAt: number | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  recordsRead: number;
  total: number | null;
  /** While running: the records the file holds as the part read so far suggests. */
  estimatedTotal?: number | null;
  success: number;
  error: number;
  duplicated: number;
  /** Entries put on the campaign's dial list; null (or absent) for an import without one. */
  dialQueued?: number | null;
  failureReason: string | null;
  isCancelRequested: boolean;
  options: Record<string, unknown>;
  /** The job's revert, while it runs and once done; null (or absent) when never reverted. */
  revert?: RevertSummary | null;
};
export type RevertCounts = { removed: number; restored: number; kept: number; dialRemoved: number };
export type RevertSummary = RevertCounts & { status: 'reverting' | 'reverted'; revertedAt: number | null };
export type KeptRow = { table: string; rowId: number; change: 'insert' | 'update'; reason: string; key: string | null; line: number | null };
export type RevertReport = RevertSummary & { id: number; keptRows: KeptRow[] };
export type JobFile = { kind: ResultKind; size?: number | null; records?: number | null };
export type JobDetail = Job & { files?: JobFile[]; rate?: number | null; etaSeconds?: number | null };

export type Campaign = {
  id: number;
  name: string;
  teamId: number;
  mainTable: 'individual' | 'organization';
  packageName: string;
  hasDialer: boolean;
  createdAt: number;
};
export type CampaignDetail = Campaign & { agentIds: number[] };
export type ImportCreated = {
  job: Job;
  campaign: Campaign | null;
  /** The campaign was made by this import (Import & Start), not found. */
  campaignCreated: boolean;
  createdFields: { key: string; label: string; type: FieldType }[] | null;
  /** A dry run's fields: checked, not made. */
  draftFields: { key: string; label: string; type: FieldType }[];
};

export type FieldSetting = {
  key: string;
  label: string;
  type: FieldType;
  position: number;
  isCustom: boolean;
  isVisible: boolean;
  isEditable: boolean;
};

export type CustomerRow = {
  id: number;
  values: Record<string, string | null>;
  status: string;
  agent: string | null;
  area: string | null;
  timezone: string | null;
};
export type CustomerPage = { fields: { key: string; label: string; type: FieldType }[]; customers: CustomerRow[]; nextAfter: number | null };
export type FieldAction = { kind: 'mailto' | 'tel' | 'sms' | 'fax' | 'map'; href: string };
export type CustomerDetail = {
  id: number;
  campaignId: number | null;
  status: string;
  agent: string | null;
  fields: { key: string; label: string; type: FieldType; value: string | null; isEditable: boolean; actions: FieldAction[] }[];
};
export type ListRow = { id: number; values: Record<string, string | null>; createdAt: number };
export type ListPage = { fields: { key: string; label: string; type: FieldType }[]; rows: ListRow[]; nextAfter: number | null };

export type ApiErrorBody = { code: string; message: string };
