// Deduplicate → decide → account: given a batch of prepared records and what the database knows of their keys, decide
// for each record whether it is inserted, skipped or used as an update, and produce every write and result line of
// the batch. Pure: the writers carry the plan out inside one transaction.
import { accountedLine, successLine, type EncodedCells } from '../accounting/csv-cells.js';
import type { ResultLines } from '../accounting/result-file-writer.js';
import type { DialOptions, ImportOptions } from '../import-options.js';
import type { Preparation, PreparedRecord } from './record-preparation.js';
import type { CellValue, RowLayout, RowValues, StoredRow } from './row-layout.js';

/** One source record as the preparation stage hands it over. */
export type PreparedItem = { line: number; cells: EncodedCells; outcome: Preparation };

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
export type DialEntry = { customer: { id: number } | { insertIndex: number }; phone: string };

export type BatchWork = {
  inserts: RowValues[];
  updates: RowUpdate[];
  dial: DialEntry[];
  /** Keys to remember for later batches (dry run only). */
  seenKeys: Array<[string, number]>;
  results: ResultLines;
  counts: { success: number; error: number; duplicated: number };
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
export function keysOf(items: readonly PreparedItem[], layout: RowLayout): string[] {
  const keys = new Set<string>();
  for (const item of items) {
    if (!item.outcome.ok) continue;
    const key = layout.storedKey(item.outcome.record);
    if (key !== null) keys.add(key);
  }
  return [...keys];
}

export function planBatch(items: readonly PreparedItem[], lookups: BatchLookups, context: PlanContext): BatchWork {
  const { layout, options } = context;
  const work: BatchWork = {
    inserts: [],
    updates: [],
    dial: [],
    seenKeys: [],
    results: { success: [], error: [], duplicated: [] },
    counts: { success: 0, error: 0, duplicated: 0 },
  };
  /** Keys inserted by this batch → index in work.inserts and the line that brought them. */
  const pending = new Map<string, { index: number; line: number }>();
  const isUpdate = options.duplicate === 'update';
  const resets = { resetStatus: options.resetStatus, resetAgent: options.resetAgent };
  const dialPhone = (record: PreparedRecord) => (options.dial ? context.valueOf(record, options.dial.phoneField) : undefined);

  for (const item of items) {
    if (!item.outcome.ok) {
      fail(item, item.outcome.reason);
      continue;
    }
    const record = item.outcome.record;
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
    const phone = dialPhone(record);
    if (phone && options.dial?.duplicates === 'all') work.dial.push({ customer: { insertIndex: earlier.index }, phone });
    duplicate(item, `duplicate of line ${earlier.line}`, isUpdate);
  }
  return work;

  function insert(item: PreparedItem, record: PreparedRecord, key: string | null): void {
    const index = work.inserts.length;
    work.inserts.push(layout.build(record));
    if (key !== null) {
      pending.set(key, { index, line: item.line });
      if (options.dryRun) work.seenKeys.push([key, item.line]);
    }
    const phone = dialPhone(record);
    if (phone) work.dial.push({ customer: { insertIndex: index }, phone });
    work.results.success.push(successLine(item.cells));
    work.counts.success += 1;
  }

  function matchStored(item: PreparedItem, record: PreparedRecord, row: ExistingRow): void {
    const isOwn = row.jobId === context.jobId && row.jobLine !== null;
    const what = isOwn ? `duplicate of line ${row.jobLine}` : `duplicate of ${context.describeRow(row)}`;
    if (context.scope !== null && row.scope !== context.scope) {
      // Found in another of the team's tables: recognised, never changed from here.
      duplicate(item, what, false);
      return;
    }
    const { set, previous } = layout.update(record, row.stored, resets, isUpdate);
    if (Object.keys(set).length > 0) {
      work.updates.push({ id: row.id, set, previous });
      Object.assign(row.stored, set);
    }
    const phone = dialPhone(record);
    const dialDuplicates = options.dial?.duplicates;
    if (phone && (dialDuplicates === 'all' || (dialDuplicates === 'ignore-success' && row.status !== 'success'))) {
      work.dial.push({ customer: { id: row.id }, phone });
    }
    duplicate(item, what, isUpdate);
  }

  function duplicate(item: PreparedItem, what: string, isUpdated: boolean): void {
    work.results.duplicated.push(accountedLine(item.cells, item.line, `${what}: ${isUpdated ? 'updated it' : 'skipped'}`));
    work.counts.duplicated += 1;
  }

  function fail(item: PreparedItem, reason: string): void {
    work.results.error.push(accountedLine(item.cells, item.line, reason));
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
