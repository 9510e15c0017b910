// Common to every format: skips the top N records, takes the header row (or sees that there is none), drops and
// counts empty rows, fails the rows that are no record (the header again, a totals line), and re-cuts the reader's
// natural batches into batches of the size asked for.

import { AppError } from '../../shared/app-error.js';
import { isEmailValue, isPhoneValue } from '../mapping/value-patterns.js';
import { makeHeaderNames } from './header-names.js';
import type { OpenedSource, RawSource, ReadContext, SourceRecord } from './source-types.js';

export function isEmptyRecord(record: SourceRecord): boolean {
  if (record.error !== undefined) return false;
  for (const value of record.values) {
    if (value.length > 0 && value.trim().length > 0) return false;
  }
  return true;
}

/** How many non-empty records are read ahead to tell title rows from the header. */
const HEADER_LOOKAHEAD = 10;
/** At most this many title rows above a header are passed over. */
const MAX_TITLE_ROWS = 3;
/** A cell that reads as a value, not a column name: a number, phone, date or time, or an e-mail address. */
const VALUE_LIKE = /^[\d\s+().,:/-]*\d[\d\s+().,:/-]*$|@/;

const filledCells = (record: SourceRecord) => record.values.reduce((count, value) => (value.trim() === '' ? count : count + 1), 0);

/**
 * The title rows above a table's header — a report's "Customer list 2026", "Exported 1 Nov 2026", a row of group
 * labels over the columns — which spreadsheet reports and some exports put before it: leading records of one filled
 * cell (or group labels), when the record after them is a row
 * of several column names (none of them a value) and the records under it (if any) are as wide. A file of one
 * column, a header over data that starts with a value, or anything unclear has none.
 */
export function titleRowsAbove(records: readonly SourceRecord[]): number {
  const filled = records.map((record) => (record.error === undefined ? filledCells(record) : -1));
  // A row of group labels over the header ("Contact" over Name, Phone, Email; "Address" over Street, City): merged
  // cells, read as a label in the first cell and blanks in the rest, at most half as many as the row under it.
  // The row under them names every column it spans: no blank among its names.
  const isFull = (at: number) => records[at] !== undefined && filled[at] === records[at]!.values.length - trailingBlanks(records[at]!.values);
  const isGroupRow = (at: number) =>
    (filled[at] ?? 0) >= 2 && (filled[at] ?? 0) * 2 <= (filled[at + 1] ?? 0) && isFull(at + 1) && records[at]!.values.every((value) => !VALUE_LIKE.test(value.trim()));
  let titles = 0;
  while (titles < MAX_TITLE_ROWS && (filled[titles] === 1 || isGroupRow(titles))) titles++;
  const header = records[titles];
  const headerFilled = filled[titles] ?? 0;
  if (titles === 0 || header === undefined || headerFilled < 2) return 0;
  if (header.values.some((value) => VALUE_LIKE.test(value.trim()))) return 0;
  const below = filled.slice(titles + 1);
  if (below.some((count) => count < 0)) return 0;
  // A report with no rows yet: a title and a header.
  if (below.length === 0) return titles;
  const wide = below.filter((count) => count >= 2).length;
  return wide * 2 >= below.length ? titles : 0;
}

function trailingBlanks(values: readonly string[]): number {
  let count = 0;
  while (count < values.length && (values[values.length - 1 - count] as string).trim() === '') count++;
  return count;
}

/** A report's totals line, by its label: "Total", "Grand Total: 1,234", "Total rows: 12 customers", "合计", "Итого". */
const TOTAL_LABEL = /^(?:(?:grand|sub)[\s-]*)?(?:totals?|sum|count|gesamt|summe|totale|итого|toplam|合计|总计|共计|小计|合計|總計|小計)(?:\s*(?:rows?|records?|customers?|contacts?|leads?|count))?\s*[:：=]?\s*[\d,.]*\s*(?:rows?|records?|customers?|contacts?|leads?|entries|items|条(?:记录)?|個|个|人|行|件)?\.?$/iu;
/** What SQL tools print under a result, and Chinese lists' "共 1,234 条": a count of rows. */
const ROW_COUNT = /^(?:\(?[\d,]+\s+(?:rows?|records?|row\(s\))(?:\s+(?:selected|affected|returned|in set|exported))?\)?\.?|共\s*[\d,]+\s*(?:条|個|个|人|行|件)(?:记录|記錄|数据|數據)?)$/iu;
/** A sum or count beside a totals label: short, or written with separators, never a phone number's run of digits. */
const TOTAL_FIGURE = /^[-+]?[$€£¥]?\s?(?:\d{1,3}(?:,\d{3})+|\d{1,6})(?:\.\d+)?%?$/u;

/**
 * Why a record is no record at all, or undefined: the header row again (files joined one after another, or a
 * report that repeats it on each page), or a report's totals line. Such a row fails with this reason instead of
 * one about its cells ("Phone" is not a valid phone number), or being imported as a customer named "Total".
 */
export function notARecordReason(record: SourceRecord, header: readonly string[], unit: string): string | undefined {
  const { values } = record;
  if (values[0]?.trim() === header[0]?.trim() && isHeaderAgain(values, header)) return `${unit} ${record.line} repeats the header row; it is no record.`;
  let first = 0;
  while (first < values.length && (values[first] as string).trim() === '') first++;
  const label = values[first]?.trim();
  if (label === undefined || label.length > 60 || !(TOTAL_LABEL.test(label) || ROW_COUNT.test(label))) return undefined;
  for (let i = first + 1; i < values.length; i++) {
    const value = (values[i] as string).trim();
    if (value !== '' && !TOTAL_FIGURE.test(value)) return undefined;
  }
  return `${unit} ${record.line} is a totals line ("${label}"), not a record.`;
}

function isHeaderAgain(values: readonly string[], header: readonly string[]): boolean {
  let named = 0;
  for (let i = 0; i < Math.max(values.length, header.length); i++) {
    const value = (values[i] ?? '').trim();
    if (value !== (header[i] ?? '').trim()) return false;
    if (value !== '') named++;
  }
  return named >= 2;
}

/** Whether a would-be header holds an e-mail address or a phone number: no column is named so, a record is. */
export function isRecordOfValues(record: SourceRecord): boolean {
  return record.values.some((value) => isEmailValue(value) || isPhoneValue(value));
}

export async function assembleSource(raw: RawSource, context: ReadContext): Promise<OpenedSource> {
  const { file } = context;
  const skipTop = context.options.skipTop ?? 0;
  let header: SourceRecord | undefined;
  let leftover: SourceRecord[] = [];
  /** Empty rows read ahead after the header: counted, not kept (a sheet of a million empty rows holds no memory). */
  let emptyRowsAhead = 0;
  try {
    // The non-empty records after the skipped ones, read ahead (whole batches of the reader) far enough to see title
    // rows, and how many empty rows follow each.
    const candidates: SourceRecord[] = [];
    const emptiesAfter: number[] = [];
    let skipped = 0;
    while (candidates.length < HEADER_LOOKAHEAD) {
      const next = await raw.rows.next();
      if (next.done) break;
      for (const record of next.value) {
        if (isEmptyRecord(record)) {
          if (candidates.length > 0) emptiesAfter[candidates.length - 1]! += 1;
          continue;
        }
        if (skipped < skipTop) {
          skipped++;
          continue;
        }
        candidates.push(record);
        emptiesAfter.push(0);
      }
    }
    const at = titleRowsAbove(candidates.slice(0, HEADER_LOOKAHEAD));
    header = candidates[at];
    leftover = candidates.slice(at + 1);
    for (let i = at; i < emptiesAfter.length; i++) emptyRowsAhead += emptiesAfter[i]!;
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

  // A list exported without a header (a blacklist of bare numbers, a dialer's export): its first row is a record, not
  // column names, and was lost when taken for them. The columns are then "Column 1" … and mapped by their values.
  const isHeaderless = isRecordOfValues(headerRecord);
  if (isHeaderless) leftover = [headerRecord, ...leftover];
  const headerValues = isHeaderless ? [] : headerRecord.values;
  const unit = raw.format === 'csv' ? 'Line' : 'Row';
  let emptyRowsSkipped = emptyRowsAhead;
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
        if (record.error === undefined) {
          const reason = notARecordReason(record, headerValues, unit);
          if (reason !== undefined) record.error = reason;
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
    hiddenSheets: raw.hiddenSheets,
    sheet: raw.sheet,
    headers: makeHeaderNames(isHeaderless ? headerRecord.values.map(() => '') : headerRecord.values),
    batches,
    stats: () => ({ emptyRowsSkipped, recordsRead, fractionRead: isClosed ? 1 : raw.fractionRead() }),
    close,
  };
}
