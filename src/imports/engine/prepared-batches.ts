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

export async function* prepareBatches(source: OpenedSource, preparer: RecordPreparer, options: { batchSize: number; skip: number }): AsyncGenerator<PreparedBatch> {
  const headerCount = source.headers.length;
  let recordsRead = 0;
  for await (const batch of source.batches(options.batchSize)) {
    const items: PreparedItem[] = [];
    for (const record of batch) {
      recordsRead += 1;
      if (recordsRead <= options.skip) continue;
      const cells = encodeCells(record.values, headerCount);
      const outcome = record.error === undefined ? preparer.prepare(record.line, record.values) : { ok: false as const, reason: record.error };
      items.push({ line: record.line, cells, outcome });
    }
    if (items.length > 0) yield { items, recordsRead };
  }
}
