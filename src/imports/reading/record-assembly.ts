// Common to every format: skips the top N records, takes the header row, drops and counts empty
// rows, and re-cuts the reader's natural batches into batches of the size asked for.

import { AppError } from '../../shared/app-error.js';
import { makeHeaderNames } from './header-names.js';
import type { OpenedSource, RawSource, ReadContext, SourceRecord } from './source-types.js';

export function isEmptyRecord(record: SourceRecord): boolean {
  if (record.error !== undefined) return false;
  for (const value of record.values) {
    if (value.length > 0 && value.trim().length > 0) return false;
  }
  return true;
}

export async function assembleSource(raw: RawSource, context: ReadContext): Promise<OpenedSource> {
  const { file } = context;
  const skipTop = context.options.skipTop ?? 0;
  let skipped = 0;
  let header: SourceRecord | undefined;
  let leftover: SourceRecord[] = [];
  try {
    while (header === undefined) {
      const next = await raw.rows.next();
      if (next.done) break;
      const batch = next.value;
      for (let i = 0; i < batch.length; i++) {
        const record = batch[i] as SourceRecord;
        if (isEmptyRecord(record)) continue;
        if (skipped < skipTop) {
          skipped++;
          continue;
        }
        header = record;
        leftover = batch.slice(i + 1);
        break;
      }
    }
  } catch (error) {
    await raw.close();
    throw error;
  }
  if (header === undefined) {
    await raw.close();
    const where = raw.sheet === null ? '' : ` (sheet '${raw.sheet}')`;
    throw new AppError('FILE_EMPTY', skipTop > 0
      ? `'${file}'${where} has no header row after skipping the top ${skipTop} records. Skip fewer records.`
      : `'${file}'${where} has no rows: it holds no header and no data.`, { file });
  }
  if (header.error !== undefined) {
    await raw.close();
    throw new AppError('BAD_INPUT', `'${file}': the header row could not be read. ${header.error}`, { file, line: header.line });
  }
  const headerRecord = header;
  if (headerRecord.values.length > context.limits.maxColumns) {
    await raw.close();
    throw new AppError('TOO_MANY_COLUMNS', `'${file}' has ${headerRecord.values.length} columns in its header row (line ${headerRecord.line}), more than the limit of ${context.limits.maxColumns}.`, { file, line: headerRecord.line });
  }

  let emptyRowsSkipped = 0;
  let recordsRead = 0;
  let isClosed = false;
  const close = async (): Promise<void> => {
    if (isClosed) return;
    isClosed = true;
    await raw.close();
  };

  async function* batches(size: number): AsyncGenerator<SourceRecord[]> {
    if (!Number.isInteger(size) || size < 1) throw new AppError('BAD_USAGE', `The batch size must be a whole number of at least 1 (got ${size}).`);
    let out: SourceRecord[] = [];
    const take = (batch: SourceRecord[]): SourceRecord[][] => {
      const full: SourceRecord[][] = [];
      for (const record of batch) {
        if (isEmptyRecord(record)) {
          emptyRowsSkipped++;
          continue;
        }
        out.push(record);
        if (out.length === size) {
          full.push(out);
          out = [];
        }
      }
      return full;
    };
    try {
      let pending = take(leftover);
      leftover = [];
      for (;;) {
        for (const batch of pending) {
          recordsRead += batch.length;
          yield batch;
        }
        if (isClosed) return;
        const next = await raw.rows.next();
        if (next.done) break;
        pending = take(next.value);
      }
      if (out.length > 0) {
        recordsRead += out.length;
        yield out;
      }
      await close();
    } catch (error) {
      await close();
      throw error;
    }
  }

  return {
    format: raw.format,
    encoding: raw.encoding,
    encodingConfidence: raw.encodingConfidence,
    delimiter: raw.delimiter,
    sheets: raw.sheets,
    sheet: raw.sheet,
    headers: makeHeaderNames(headerRecord.values),
    batches,
    stats: () => ({ emptyRowsSkipped, recordsRead, fractionRead: isClosed ? 1 : raw.fractionRead() }),
    close,
  };
}
