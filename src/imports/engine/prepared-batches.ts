// Read → map → validate & normalise, batch by batch: the records of a source as the planning stage takes them, with
// their cells already encoded for the result files. Records already accounted for (a resumed job) are skipped unread.
import type { OpenedSource } from '../reading/source-types.js';
import { encodeCells } from '../accounting/csv-cells.js';
import type { PreparedItem } from './batch-plan.js';
import type { RecordPreparer } from './record-preparation.js';

export type PreparedBatch = {
  items: PreparedItem[];
  /** Source records read so far, this batch included (skipped ones count). */
  recordsRead: number;
};

/** A batch is cut short when its text reaches this size: a file of huge cells must not make a huge batch. */
const MAX_BATCH_CHARS = 4 * 1024 * 1024;

export async function* prepareBatches(source: OpenedSource, preparer: RecordPreparer, options: { batchSize: number; skip: number }): AsyncGenerator<PreparedBatch> {
  const headerCount = source.headers.length;
  let recordsRead = 0;
  let items: PreparedItem[] = [];
  let chars = 0;
  for await (const batch of source.batches(options.batchSize)) {
    for (const record of batch) {
      recordsRead += 1;
      if (recordsRead <= options.skip) continue;
      const cells = encodeCells(record.values, headerCount);
      const outcome = record.error === undefined ? preparer.prepare(record.line, record.values) : { ok: false as const, reason: record.error };
      items.push({ line: record.line, cells, outcome });
      chars += cells.head.length + cells.tail.length;
      if (items.length >= options.batchSize || chars >= MAX_BATCH_CHARS) {
        yield { items, recordsRead };
        items = [];
        chars = 0;
      }
    }
  }
  if (items.length > 0) yield { items, recordsRead };
}
