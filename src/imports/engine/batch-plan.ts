// Deduplicate → decide: given a batch of prepared records and the rows already stored under their keys, decide
// for each record whether it is inserted, skipped as a duplicate, or used to update the row it duplicates.
import type { ImportOptions } from '../import-options.js';
import type { PreparedRecord } from './record-preparation.js';

export type ExistingRow = { id: number; jobId: number | null; jobLine: number | null; status: string | null; scope: string | null };

/** Which earlier occurrence a duplicate matched: a stored row, or a record of this batch not stored yet. */
export type DuplicateTarget = { kind: 'row'; row: ExistingRow } | { kind: 'pending'; line: number };

export type RecordDecision =
  | { kind: 'insert'; record: PreparedRecord }
  | { kind: 'duplicate'; record: PreparedRecord; target: DuplicateTarget; isUpdate: boolean; reason: string };

export type BatchContext = {
  jobId: number;
  options: Pick<ImportOptions, 'duplicate' | 'dedupeScope'>;
  /** Keys seen in earlier batches of this file, with the line of their first record. */
  seenInFile: Map<string, number>;
  /** Describes a stored row for a reason, e.g. `customer #12 in individual`. */
  describeRow(row: ExistingRow): string;
};

export function planBatch(records: PreparedRecord[], existing: ReadonlyMap<string, ExistingRow>, context: BatchContext): RecordDecision[] {
  const firstInBatch = new Map<string, number>();
  const decisions: RecordDecision[] = [];
  const isUpdate = context.options.duplicate === 'update';
  const usesTable = context.options.dedupeScope !== 'file';
  for (const record of records) {
    const key = record.key;
    if (key === null) {
      decisions.push({ kind: 'insert', record });
      continue;
    }
    const pendingLine = firstInBatch.get(key);
    if (pendingLine !== undefined) {
      decisions.push(duplicate(record, { kind: 'pending', line: pendingLine }, `duplicate of line ${pendingLine}`));
      continue;
    }
    const row = existing.get(key);
    const earlierLine = context.seenInFile.get(key);
    if (row && (usesTable || row.jobId === context.jobId)) {
      const isOwn = row.jobId === context.jobId && row.jobLine !== null;
      const what = isOwn ? `duplicate of line ${row.jobLine}` : `duplicate of ${context.describeRow(row)}`;
      decisions.push(duplicate(record, { kind: 'row', row }, what));
      continue;
    }
    if (earlierLine !== undefined) {
      // Seen earlier in the file but not stored (a dry run, or the earlier record was itself skipped).
      decisions.push(duplicate(record, { kind: 'pending', line: earlierLine }, `duplicate of line ${earlierLine}`));
      continue;
    }
    firstInBatch.set(key, record.line);
    decisions.push({ kind: 'insert', record });
  }
  for (const [key, line] of firstInBatch) if (!context.seenInFile.has(key)) context.seenInFile.set(key, line);
  return decisions;

  function duplicate(record: PreparedRecord, target: DuplicateTarget, what: string): RecordDecision {
    return { kind: 'duplicate', record, target, isUpdate, reason: isUpdate ? `${what}: updated it` : `${what}: skipped` };
  }
}
