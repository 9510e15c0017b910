// The preview of a file: how it will be read and its first records, reading only its head.

import { openSource } from './open-source.js';
import type { Preview, ReadOptions } from './source-types.js';

export const PREVIEW_RECORDS = 10;

/** The first 10 records after skip-top and the header row; a big CSV is read only at its head. */
export async function previewSource(path: string, options: ReadOptions = {}): Promise<Preview> {
  const source = await openSource(path, { ...options, recordsWanted: PREVIEW_RECORDS });
  try {
    const rows: string[][] = [];
    for await (const batch of source.batches(PREVIEW_RECORDS)) {
      for (const record of batch) rows.push(record.values);
      break;
    }
    return {
      format: source.format,
      encoding: source.encoding,
      delimiter: source.delimiter,
      sheets: source.sheets,
      headers: source.headers,
      rows,
    };
  } finally {
    await source.close();
  }
}
