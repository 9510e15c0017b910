// Read → map → validate & normalise, batch by batch: the records of a source as the planning stage takes them, with
// their cells already encoded for the result files. Records already accounted for (a resumed job) are skipped unread.
//
// A batch is columnar — one array per attribute, values flat — because it crosses from the preparation thread to
// the writing side by structured clone, and cloning 5,000 small objects costs five times what a few arrays do.
import type { CellError, OpenedSource } from '../reading/source-types.js';
import { encodeCells } from '../accounting/csv-cells.js';
import type { PreparedRecord, RecordPreparer } from './record-preparation.js';

export type PreparedBatch = {
  /** Source records read so far, this batch included (skipped ones count). */
  recordsRead: number;
  /** How much of the file those records cover, 0 … 1. */
  fractionRead: number;
  /** Slots per record in `values`: the preparer's fields. */
  fieldCount: number;
  lines: number[];
  /** Each record's cells under the file's header, encoded for a result file. */
  heads: string[];
  /** Each record's cells beyond the header ('' mostly); null when no record of the batch has any. */
  tails: string[] | null;
  /** The duplicate key of a valid record; null for none or a failed record. */
  keys: Array<string | null>;
  /** Why a record failed; null for a valid one. */
  reasons: Array<string | null>;
  /** A valid record's cells as the file had them where normalisation changed them (JSON), or null. */
  originals: Array<string | null>;
  /** Record i's normalised value of field j at i × fieldCount + j; null when empty. */
  values: Array<string | null>;
};

/** A batch is cut short when its text reaches this size: a file of huge cells must not make a huge batch. */
const MAX_BATCH_CHARS = 4 * 1024 * 1024;

export async function* prepareBatches(source: OpenedSource, preparer: RecordPreparer, options: { batchSize: number; skip: number }): AsyncGenerator<PreparedBatch> {
  const headerCount = source.headers.length;
  const fieldCount = preparer.fields.length;
  let recordsRead = 0;
  let batch = emptyBatch(fieldCount);
  let tails: string[] = [];
  let hasTails = false;
  let chars = 0;
  const flush = (): PreparedBatch => {
    const done = { ...batch, recordsRead, fractionRead: source.stats().fractionRead, tails: hasTails ? tails : null };
    batch = emptyBatch(fieldCount);
    tails = [];
    hasTails = false;
    chars = 0;
    return done;
  };
  let isFirst = true;
  for await (const records of source.batches(options.batchSize)) {
    if (isFirst) {
      // The first records read, before any a resumed job skips: every attempt settles the same.
      preparer.settleColumns(records.map((record) => record.values));
      isFirst = false;
    }
    for (const record of records) {
      recordsRead += 1;
      if (recordsRead <= options.skip) continue;
      const cells = encodeCells(record.values, headerCount);
      const index = batch.lines.length;
      batch.lines.push(record.line);
      batch.heads.push(cells.head);
      tails.push(cells.tail);
      if (cells.tail !== '') hasTails = true;
      const error = record.error ?? (record.cellErrors === undefined ? undefined : cellErrorOf(record.cellErrors, preparer));
      if (error === undefined) {
        const outcome = preparer.prepare(record.values, batch.values, index * fieldCount);
        batch.keys.push(outcome.isOk ? outcome.key : null);
        batch.reasons.push(outcome.isOk ? null : outcome.reason);
        batch.originals.push(outcome.originals);
      } else {
        for (let slot = 0; slot < fieldCount; slot++) batch.values[index * fieldCount + slot] = null;
        batch.keys.push(null);
        batch.reasons.push(error);
        batch.originals.push(null);
      }
      chars += cells.head.length + cells.tail.length;
      if (batch.lines.length >= options.batchSize || chars >= MAX_BATCH_CHARS) yield flush();
    }
  }
  if (batch.lines.length > 0) yield flush();
}

/** Why a record fails for cells the file lost a value of, when a column it is imported from is one of them. */
function cellErrorOf(cells: readonly CellError[], preparer: RecordPreparer): string | undefined {
  const read = cells.filter((cell) => preparer.readsColumn(cell.column));
  return read.length === 0 ? undefined : read.map((cell) => cell.reason).join(' ');
}

function emptyBatch(fieldCount: number): PreparedBatch {
  return { recordsRead: 0, fractionRead: 0, fieldCount, lines: [], heads: [], tails: null, keys: [], reasons: [], originals: [], values: [] };
}

/** The valid records of a batch as objects (null where a record failed), for the planning stage. */
export function recordsOf(batch: PreparedBatch): Array<PreparedRecord | null> {
  const records: Array<PreparedRecord | null> = new Array<PreparedRecord | null>(batch.lines.length);
  const { fieldCount } = batch;
  for (let index = 0; index < batch.lines.length; index++) {
    records[index] = batch.reasons[index] === null
      ? { line: batch.lines[index]!, values: batch.values.slice(index * fieldCount, (index + 1) * fieldCount), key: batch.keys[index] ?? null, originals: batch.originals[index] ?? null }
      : null;
  }
  return records;
}
