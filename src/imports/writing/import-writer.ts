// The write stage of an import: one batch, one transaction — lease check, lookups, the plan's writes, the result
// files and the checkpoint — so a batch is either wholly done or not at all, and a replay changes nothing.
import type { AppDatabase } from '../../db/database.js';
import type { BatchLookups, BatchWork, ExistingRow, GroupPlan } from '../engine/batch-plan.js';
import type { RowLayout, TargetSpec } from '../engine/row-layout.js';
import type { ResultFiles, ResultFilesPositions } from '../accounting/result-file-writer.js';
import type { PreparedBatch } from '../engine/prepared-batches.js';
import type { PreparedBatchSource } from '../engine/prepared-batch-source.js';
import { createPostgresImportWriter } from './postgres-import-writes.repository.js';
import { createSqliteImportWriter } from './sqlite-import-writes.repository.js';

export type WriterSettings = {
  jobId: number;
  workerId: string;
  leaseMs: number;
  spec: TargetSpec;
  layout: RowLayout;
  isDryRun: boolean;
  /** Lists a customer's numbers are checked against (`blacklist`, `campaign-blacklist:<id>`); empty: no check. */
  blacklists: readonly string[];
  /** The campaign whose dial list gets entries, with their priority and time. */
  dial: { campaignId: number; priority: number; dialAt: number | null } | null;
  /** Records per transaction (INTAKE_BATCH_SIZE); SQLite takes several times more, see its writer. */
  transactionRecords: number;
  /** SQLite's page cache of the import's connection, MiB (INTAKE_SQLITE_CACHE_MB). */
  sqliteCacheMb: number;
  /** Duplicates update the rows they match (and changes need the whole stored row) or reset them. */
  isUpdate: boolean;
};

export type JobProgress = {
  checkpoint: string;
  recordsRead: number;
  /** The file's records as its part read so far suggests (null until a part is read). */
  estimatedTotal: number | null;
  success: number;
  error: number;
  duplicated: number;
  /** Entries put on the campaign's dial list (only in the checkpoint: no column of its own). */
  dialQueued: number;
};

/** A batch ready for its transaction: what to look up, and the pure part that decides once the lookups are in. */
export type OpenedBatch = {
  /** The stored keys of the batch's valid records. */
  keys: string[];
  /** The numbers of the batch to check against the blacklists. */
  phones: string[];
  /** Decides every write and result line of the batch, into its transaction's group. */
  plan(lookups: BatchLookups, group: GroupPlan): void;
};

/** What the writer needs to carry out prepared batches. */
export type BatchHandlers = {
  open(batch: PreparedBatch): OpenedBatch;
  results: ResultFiles;
  /**
   * The job's progress and checkpoint once the group's records are done: its counts added to `since`, what the
   * transaction before committed (null: what the last write or drain returned).
   */
  progress(group: GroupPlan, positions: ResultFilesPositions, since: JobProgress | null): JobProgress;
};

export type WriteOutcome = {
  /** The progress committed last (null when nothing was, or nothing more than before). */
  committed: JobProgress | null;
  isCancelRequested: boolean;
  /** The source has no more batches. */
  isEnd: boolean;
};

export type ImportWriter = {
  /**
   * Commits `first` and the batches that follow it from `source`, up to a transaction's worth, with their result
   * lines and the checkpoint: all or nothing. AppError('LEASE_LOST') when this worker no longer holds the job
   * (nothing is written then).
   */
  write(first: PreparedBatch, source: PreparedBatchSource, handlers: BatchHandlers): Promise<WriteOutcome>;
  /**
   * Waits for the last transaction when its writes were left running (the PostgreSQL writer plans one transaction
   * while the one before writes; `write` then returns what the one before committed): what it committed, or null.
   */
  drain(): Promise<JobProgress | null>;
  /** Forgets what a dry run remembered of the file's keys. */
  finish(): Promise<void>;
  close(): Promise<void>;
};

export function createImportWriter(database: AppDatabase, settings: WriterSettings): ImportWriter {
  return database.dialect === 'postgres' ? createPostgresImportWriter(database, settings) : createSqliteImportWriter(database, settings);
}

/** The key column and the filter of the rows a spec compares with. */
export function lookupScope(spec: TargetSpec): { table: TargetSpec['table']; where: Array<[string, string | number]> } {
  switch (spec.table) {
    case 'customers':
      return { table: 'customers', where: spec.isTeamWide ? [['team_id', spec.teamId]] : [['team_id', spec.teamId], ['scope', spec.scope]] };
    case 'number_lists':
      return { table: 'number_lists', where: [['team_id', spec.teamId], ['list', spec.list]] };
    case 'area_codes':
    case 'dids':
      return { table: spec.table, where: [['team_id', spec.teamId]] };
  }
}

/** The columns that tell a stored row matched by a key: its id, job, line, status and table. */
export function identityColumns(table: TargetSpec['table'], keyColumn: string): string {
  return table === 'customers' ? `id, job_id, job_line, status, scope, ${keyColumn}` : `id, job_id, job_line, ${keyColumn}`;
}

/** What the plan needs of a stored row, whichever table it is in. */
export function existingRowOf(row: Record<string, unknown> & { id: number }): ExistingRow {
  return {
    id: Number(row.id),
    jobId: row['job_id'] === null || row['job_id'] === undefined ? null : Number(row['job_id']),
    jobLine: row['job_line'] === null || row['job_line'] === undefined ? null : Number(row['job_line']),
    status: typeof row['status'] === 'string' ? row['status'] : null,
    scope: typeof row['scope'] === 'string' ? row['scope'] : null,
    stored: row,
  };
}

/** Team-wide lookups may find a key in several tables: this import's own table wins. */
export function preferOwnScope(found: Map<string, ExistingRow>, key: string, row: ExistingRow, spec: TargetSpec): void {
  const current = found.get(key);
  if (!current || (spec.table === 'customers' && current.scope !== spec.scope && row.scope === spec.scope)) found.set(key, row);
}

/** The dial entries of a batch, with the ids of the customers it inserted. */
export function dialRows(work: BatchWork, insertedIds: ReadonlyArray<number | undefined>, settings: WriterSettings): Array<[number, number, string, number, number | null, number]> {
  const { dial } = settings;
  if (!dial) return [];
  const rows: Array<[number, number, string, number, number | null, number]> = [];
  for (const entry of work.dial) {
    const id = 'id' in entry.customer ? entry.customer.id : insertedIds[entry.customer.insertIndex];
    if (id !== undefined) rows.push([dial.campaignId, id, entry.phone, dial.priority, dial.dialAt, settings.jobId]);
  }
  return rows;
}

