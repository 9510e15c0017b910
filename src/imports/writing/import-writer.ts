// The write stage of an import: one batch, one transaction — lease check, lookups, the plan's writes, the result
// files and the checkpoint — so a batch is either wholly done or not at all, and a replay changes nothing.
import type { AppDatabase } from '../../db/database.js';
import type { BatchLookups, BatchWork, ExistingRow } from '../engine/batch-plan.js';
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
};

export type JobProgress = { checkpoint: string; recordsRead: number; success: number; error: number; duplicated: number };

/** What the writer needs to carry out one prepared batch. */
export type BatchHandlers = {
  /** The stored keys of the batch's valid records. */
  keysOf(batch: PreparedBatch): string[];
  /** The numbers of the batch to check against the blacklists. */
  phonesOf(batch: PreparedBatch): string[];
  /** The pure part: decides every write and result line once the lookups are in. */
  plan(batch: PreparedBatch, lookups: BatchLookups): BatchWork;
  results: ResultFiles;
  /** The job's progress and checkpoint once this batch's files stand at `positions` (`base`: progress before it). */
  progress(batch: PreparedBatch, work: BatchWork, positions: ResultFilesPositions, base: JobProgress | null): JobProgress;
};

export type WriteOutcome = {
  /** The progress committed last (null when nothing was). */
  committed: JobProgress | null;
  isCancelRequested: boolean;
  /** The source has no more batches. */
  isEnd: boolean;
};

export type ImportWriter = {
  /**
   * Commits `first` — and, where the database gains from bigger transactions (SQLite), the batches that follow it
   * from `source` — with the checkpoint, all or nothing. AppError('LEASE_LOST') when this worker no longer holds the
   * job (nothing is written then).
   */
  write(first: PreparedBatch, source: PreparedBatchSource, handlers: BatchHandlers): Promise<WriteOutcome>;
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
