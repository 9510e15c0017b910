// Deduplicate → decide → account: given a batch of prepared records and what the database knows of their keys, decide
// for each record whether it is inserted, skipped or used as an update, and produce every write and result line of
// the batch. Pure: the writers carry the plan out inside one transaction.
import { accountedLine, successLine } from '../accounting/csv-cells.js';
import type { ResultLines } from '../accounting/result-file-writer.js';
import type { DialOptions, ImportOptions } from '../import-options.js';
import type { PreparedBatch } from './prepared-batches.js';
import type { PreparedRecord } from './record-preparation.js';
import type { CellValue, RowLayout, RowValues, StoredRow } from './row-layout.js';

/** A stored row that holds one of the batch's keys. */
export type ExistingRow = { id: number; jobId: number | null; jobLine: number | null; status: string | null; scope: string | null; stored: StoredRow };

export type BatchLookups = {
  /** Stored rows by key (customers: the duplicate key; lists: the number or prefix). */
  existing: ReadonlyMap<string, ExistingRow>;
  /** Keys met earlier in this file when nothing is stored (dry run), with the line that had them first. */
  seen: ReadonlyMap<string, number>;
  /** Numbers of the batch found on the blacklists checked, with the list they are on. */
  listed: ReadonlyMap<string, string>;
};

export type RowUpdate = { id: number; set: Record<string, CellValue>; previous: Record<string, unknown> };

/** The columns of a job_changes row, and the row that records an update, so that a revert can undo it. */
export const JOB_CHANGE_COLUMNS = ['job_id', 'table_name', 'row_id', 'change', 'previous', 'applied'] as const;
export function jobChangeOf(jobId: number, table: string, update: RowUpdate): CellValue[] {
  // The values set, less the time of the change: a revert compares them with the row to tell whether it changed since.
  const { updated_at: _time, ...applied } = update.set;
  return [jobId, table, update.id, 'update', JSON.stringify(update.previous), JSON.stringify(applied)];
}
export type DialEntry = { customer: { id: number } | { insertIndex: number }; phone: string };

export type BatchWork = {
  inserts: RowValues[];
  updates: RowUpdate[];
  dial: DialEntry[];
  /** Keys to remember for later batches (dry run only). */
  seenKeys: Array<[string, number]>;
  results: ResultLines;
  /** The records accounted for, and the dial-list entries planned (written unless a dry run). */
  counts: { success: number; error: number; duplicated: number; dialQueued: number };
};

export type PlanContext = {
  jobId: number;
  /** The scope this import writes to (customers), to tell a match in another of the team's tables. */
  scope: string | null;
  layout: RowLayout;
  options: Pick<ImportOptions, 'duplicate' | 'resetStatus' | 'resetAgent' | 'dryRun'> & { dial: DialOptions | null };
  valueOf(record: PreparedRecord, key: string): string | undefined;
  /** The numbers of a record checked against the blacklists (its phone-typed values). */
  phonesOf(record: PreparedRecord): string[];
  describeRow(row: ExistingRow): string;
  describeList(list: string): string;
};

/** The keys a batch looks up: every valid record's stored key. */
export function keysOf(records: ReadonlyArray<PreparedRecord | null>, layout: RowLayout): string[] {
  const keys = new Set<string>();
  for (const record of records) {
    const key = record === null ? null : layout.storedKey(record);
    if (key !== null) keys.add(key);
  }
  return [...keys];
}

/**
 * The batches of one transaction, planned one after the other into one body of work: its rows are written when the
 * transaction ends, so a key inserted by an earlier batch of it is known here, not yet in the table.
 */
export type GroupPlan = {
  work: BatchWork;
  /** Keys this group inserts → index in work.inserts and the line that brought them. */
  pending: Map<string, { index: number; line: number }>;
  /**
   * Stored rows this group updates, as they will be once its updates are written: a later batch of the group looks
   * the row up again and reads it as it still is in the table, without them.
   */
  updated: Map<number, StoredRow>;
  /** Records planned, and source records read up to the last batch (covering `fractionRead` of the file). */
  records: number;
  recordsRead: number;
  fractionRead: number;
};

/** A dial-list entry for the transaction, counted. */
function queueDial(work: BatchWork, entry: DialEntry): void {
  work.dial.push(entry);
  work.counts.dialQueued += 1;
}

/** Work with nothing to write yet, keeping the counts so far. */
export function emptyWork(counts: BatchWork['counts'] = { success: 0, error: 0, duplicated: 0, dialQueued: 0 }): BatchWork {
  return { inserts: [], updates: [], dial: [], seenKeys: [], results: { success: [], error: [], duplicated: [] }, counts };
}

export function startGroupPlan(): GroupPlan {
  return {
    work: emptyWork(),
    pending: new Map(),
    updated: new Map(),
    records: 0,
    recordsRead: 0,
    fractionRead: 0,
  };
}

/** Plans a batch into its group. `records` are the batch's valid records (null where one failed), as `recordsOf` gives them. */
export function planBatch(batch: PreparedBatch, records: ReadonlyArray<PreparedRecord | null>, lookups: BatchLookups, context: PlanContext, group: GroupPlan): void {
  const { layout, options } = context;
  const { work, pending } = group;
  group.records += records.length;
  group.recordsRead = batch.recordsRead;
  group.fractionRead = batch.fractionRead;
  const isUpdate = options.duplicate === 'update';
  const resets = { resetStatus: options.resetStatus, resetAgent: options.resetAgent };
  const dialPhone = (record: PreparedRecord) => (options.dial ? context.valueOf(record, options.dial.phoneField) : undefined);

  for (let item = 0; item < records.length; item++) {
    const record = records[item];
    if (!record) {
      fail(item, batch.reasons[item] ?? 'the record could not be read');
      continue;
    }
    const blocked = blacklistHit(record);
    if (blocked) {
      fail(item, blocked);
      continue;
    }
    const key = layout.storedKey(record);
    const earlier = key === null ? undefined : pending.get(key);
    if (key === null || earlier === undefined) {
      const row = key === null ? undefined : lookups.existing.get(key);
      if (row) {
        matchStored(item, record, row);
        continue;
      }
      const seenLine = key === null ? undefined : lookups.seen.get(key);
      if (seenLine !== undefined) {
        duplicate(item, `duplicate of line ${seenLine}`, isUpdate);
        continue;
      }
      insert(item, record, key);
      continue;
    }
    // A duplicate of a record of this same batch, not stored yet.
    if (isUpdate) layout.merge(work.inserts[earlier.index]!, record);
    // The row this import inserts is new, never a success: 'ignore-success' dials its duplicates as 'all' does, as
    // it does once the row is stored (a later batch), so that where a duplicate falls in the file changes nothing.
    const phone = dialPhone(record);
    const dialDuplicates = options.dial?.duplicates;
    if (phone && (dialDuplicates === 'all' || dialDuplicates === 'ignore-success')) queueDial(work, { customer: { insertIndex: earlier.index }, phone });
    duplicate(item, `duplicate of line ${earlier.line}`, isUpdate);
  }

  function insert(item: number, record: PreparedRecord, key: string | null): void {
    const index = work.inserts.length;
    work.inserts.push(layout.build(record));
    if (key !== null) {
      pending.set(key, { index, line: record.line });
      if (options.dryRun) work.seenKeys.push([key, record.line]);
    }
    const phone = dialPhone(record);
    if (phone) queueDial(work, { customer: { insertIndex: index }, phone });
    work.results.success.push(successLine(batch.heads[item]!, batch.tails?.[item] ?? ''));
    work.counts.success += 1;
  }

  function matchStored(item: number, record: PreparedRecord, row: ExistingRow): void {
    const isOwn = row.jobId === context.jobId && row.jobLine !== null;
    const what = isOwn ? `duplicate of line ${row.jobLine}` : `duplicate of ${context.describeRow(row)}`;
    if (context.scope !== null && row.scope !== context.scope) {
      // Found in another of the team's tables: recognised, never changed from here.
      duplicate(item, what, false);
      return;
    }
    const stored = group.updated.get(row.id) ?? row.stored;
    const { set, previous } = layout.update(record, stored, resets, isUpdate);
    if (Object.keys(set).length > 0) {
      work.updates.push({ id: row.id, set, previous });
      Object.assign(stored, set);
      group.updated.set(row.id, stored);
    }
    const phone = dialPhone(record);
    const dialDuplicates = options.dial?.duplicates;
    if (phone && (dialDuplicates === 'all' || (dialDuplicates === 'ignore-success' && row.status !== 'success'))) {
      queueDial(work, { customer: { id: row.id }, phone });
    }
    duplicate(item, what, isUpdate);
  }

  function duplicate(item: number, what: string, isUpdated: boolean): void {
    work.results.duplicated.push(accountedLine(batch.heads[item]!, batch.tails?.[item] ?? '', batch.lines[item]!, `${what}: ${isUpdated ? 'updated it' : 'skipped'}`));
    work.counts.duplicated += 1;
  }

  function fail(item: number, reason: string): void {
    work.results.error.push(accountedLine(batch.heads[item]!, batch.tails?.[item] ?? '', batch.lines[item]!, reason));
    work.counts.error += 1;
  }

  function blacklistHit(record: PreparedRecord): string | null {
    if (lookups.listed.size === 0) return null;
    for (const phone of context.phonesOf(record)) {
      const list = lookups.listed.get(phone);
      if (list) return `${phone} is on the ${context.describeList(list)}`;
    }
    return null;
  }
}
