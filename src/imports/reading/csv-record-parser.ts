// Splits decoded CSV text into records (RFC 4180 quoting, CRLF/LF/CR line ends), chunk by chunk,
// with the physical line where each record starts. A bad record becomes an error record and
// parsing resumes on the next line, so one stray quote fails one record, not the file.
// Hand-written rather than PapaParse: PapaParse gives no line numbers and no way to resume after
// an unclosed quote; this parser finds lines and fields with indexOf, as PapaParse does, and
// measures as fast (see docs/notes-reading.md).

import type { SourceRecord } from './source-types.js';

export type CsvParserSettings = {
  delimiter: string;
  maxColumns: number;
  maxCellLength: number;
  maxRecordBytes: number;
  /** Encoding name for the invalid-bytes message. */
  encoding: string;
};

const LF = 10;
const CR = 13;
const QUOTE = 34;
const NOT_FOUND = Number.MAX_SAFE_INTEGER;

export class CsvRecordParser {
  private readonly settings: CsvParserSettings;
  private pending = '';
  private line = 1;
  private isSkippingLongLine = false;

  constructor(settings: CsvParserSettings) {
    if (settings.delimiter.length === 0) throw new Error('delimiter must not be empty');
    this.settings = settings;
  }

  /**
   * Feeds the next piece of text; returns the records it completes. `isLast` flushes the end of
   * the input. `hasInvalidBytes` says that U+FFFD in this text stands for undecodable bytes.
   */
  push(text: string, isLast: boolean, hasInvalidBytes = false): SourceRecord[] {
    const records: SourceRecord[] = [];
    let buf = this.pending.length > 0 ? this.pending + text : text;
    this.pending = '';
    if (this.isSkippingLongLine) {
      const lineBreak = findLineBreak(buf, 0);
      if (lineBreak < 0) return records;
      if (lineBreak === buf.length - 1 && buf.charCodeAt(lineBreak) === CR && !isLast) {
        this.pending = '\r';
        return records;
      }
      buf = buf.slice(afterLineBreak(buf, lineBreak));
      this.isSkippingLongLine = false;
    }
    const { delimiter, maxRecordBytes } = this.settings;
    const delimiterLength = delimiter.length;
    const delimiterCode = delimiter.charCodeAt(0);
    const len = buf.length;
    let pos = 0;
    let line = this.line;
    let nextLF = -1;
    let nextCR = -1;
    let nextQuote = -1;
    let nextInvalid = hasInvalidBytes ? -1 : NOT_FOUND;

    records: while (pos < len) {
      const recordStart = pos;
      const startLine = line;
      if (nextLF < pos) nextLF = indexOrNotFound(buf, '\n', pos);
      if (nextCR < pos) nextCR = indexOrNotFound(buf, '\r', pos);
      if (nextQuote < pos) nextQuote = indexOrNotFound(buf, '"', pos);
      const firstBreak = nextLF < nextCR ? nextLF : nextCR;
      let lineEnd = firstBreak;
      if (lineEnd === NOT_FOUND) {
        if (!isLast) {
          if (exceedsBytes(buf, pos, len, maxRecordBytes)) {
            records.push(this.overlongLine(startLine));
            this.isSkippingLongLine = true;
            this.line = startLine + 1;
            return records;
          }
          break;
        }
        lineEnd = len;
      }

      if (nextQuote > lineEnd) {
        // Fast path: a line without quotes is one record.
        if (lineEnd === len - 1 && !isLast && buf.charCodeAt(lineEnd) === CR) break;
        if (exceedsBytes(buf, pos, lineEnd, maxRecordBytes)) {
          records.push(this.overlongLine(startLine));
        } else {
          const values = lineEnd === pos ? [''] : buf.slice(pos, lineEnd).split(delimiter);
          if (nextInvalid < pos) nextInvalid = indexOrNotFound(buf, '\uFFFD', pos);
          records.push(this.checked(startLine, values, lineEnd - pos, nextInvalid < lineEnd));
        }
        pos = lineEnd < len ? afterLineBreak(buf, lineEnd) : len;
        line = startLine + 1;
        continue;
      }

      // Slow path: field by field, quoted fields may hold delimiters, quotes and line breaks.
      // Line breaks are found through the cached nextLF/nextCR: a fresh indexOf('\r') per field
      // would scan to the end of a buffer that has none.
      const fieldEnd = (from: number): number => {
        if (nextLF < from) nextLF = indexOrNotFound(buf, '\n', from);
        if (nextCR < from) nextCR = indexOrNotFound(buf, '\r', from);
        const lineBreak = nextLF < nextCR ? nextLF : nextCR;
        const next = buf.indexOf(delimiter, from);
        if (next >= 0 && next < lineBreak) return next;
        return lineBreak === NOT_FOUND ? -1 : lineBreak;
      };
      const values: string[] = [];
      let p = pos;
      let breaksInside = 0;
      let recordEnd = -1;
      let isUnclosed = false;
      fields: for (;;) {
        if (p >= len) {
          if (!isLast) break fields;
          values.push('');
          recordEnd = len;
          break fields;
        }
        let value: string;
        if (buf.charCodeAt(p) === QUOTE) {
          let s = p + 1;
          value = '';
          let closedAt = -1;
          for (;;) {
            const q = buf.indexOf('"', s);
            if (q < 0 || (q === len - 1 && !isLast)) break;
            if (buf.charCodeAt(q + 1) === QUOTE) {
              value += buf.slice(s, q + 1);
              s = q + 2;
              continue;
            }
            value += buf.slice(s, q);
            closedAt = q;
            break;
          }
          if (closedAt < 0) {
            if (isLast) isUnclosed = true;
            break fields;
          }
          const breaksInValue = countLineBreaks(value);
          breaksInside += breaksInValue;
          p = closedAt + 1;
          if (p < len) {
            const c = buf.charCodeAt(p);
            if (c !== LF && c !== CR && !(c === delimiterCode && buf.startsWith(delimiter, p))) {
              if (breaksInValue > 0) {
                // Text after a closing quote that spans lines: the quote most likely opened by
                // mistake on the record's first line and closed on a later record's opening quote.
                isUnclosed = true;
                break fields;
              }
              // `"abc"def` on one line: keep the rest as text, as spreadsheet programs do.
              const end = fieldEnd(p);
              if (end < 0 && !isLast) break fields;
              value += buf.slice(p, end < 0 ? len : end);
              p = end < 0 ? len : end;
            }
          }
        } else {
          const end = fieldEnd(p);
          if (end < 0 && !isLast) break fields;
          value = buf.slice(p, end < 0 ? len : end);
          p = end < 0 ? len : end;
        }
        values.push(value);
        if (p >= len) {
          if (!isLast) break fields;
          recordEnd = len;
          break fields;
        }
        if (buf.charCodeAt(p) === delimiterCode && buf.startsWith(delimiter, p)) {
          p += delimiterLength;
          continue;
        }
        recordEnd = p; // a line break
        break fields;
      }

      if (recordEnd >= 0 && recordEnd === len - 1 && !isLast && buf.charCodeAt(recordEnd) === CR) recordEnd = -1;
      if (recordEnd < 0) {
        const isTooLong = exceedsBytes(buf, recordStart, len, maxRecordBytes);
        if (!isUnclosed && !isTooLong) break records; // wait for more text
        // Give up on this record: report it and resume on the line after its first line.
        const reason = isUnclosed || nextQuote < firstBreak
          ? unclosedQuoteMessage(startLine)
          : overlongMessage(startLine, maxRecordBytes);
        if (firstBreak === NOT_FOUND) {
          records.push({ line: startLine, values: [], error: reason });
          if (isLast) {
            pos = len;
            break records;
          }
          this.isSkippingLongLine = true;
          this.line = startLine + 1;
          return records;
        }
        records.push({ line: startLine, values: this.firstLineValues(buf, recordStart, firstBreak), error: reason });
        pos = afterLineBreak(buf, firstBreak);
        line = startLine + 1;
        continue;
      }
      if (exceedsBytes(buf, recordStart, recordEnd, maxRecordBytes)) {
        records.push(this.overlongLine(startLine));
      } else {
        if (nextInvalid < recordStart) nextInvalid = indexOrNotFound(buf, '\uFFFD', recordStart);
        records.push(this.checked(startLine, values, recordEnd - recordStart, nextInvalid < recordEnd));
      }
      pos = recordEnd < len ? afterLineBreak(buf, recordEnd) : len;
      line = startLine + breaksInside + 1;
    }

    this.pending = pos < len ? buf.slice(pos) : '';
    this.line = line;
    return records;
  }

  private checked(line: number, values: string[], recordLength: number, hasInvalidBytes: boolean): SourceRecord {
    const { maxColumns, maxCellLength, encoding } = this.settings;
    const problems: string[] = [];
    if (hasInvalidBytes) {
      problems.push(`Line ${line} contains bytes that are not valid ${encoding} (shown as \uFFFD); choose the file's real encoding or save it again as UTF-8.`);
    }
    if (values.length > maxColumns) {
      problems.push(`Line ${line} has ${values.length} columns, more than the limit of ${maxColumns}.`);
      values.length = maxColumns;
    }
    if (recordLength > maxCellLength) {
      for (let i = 0; i < values.length; i++) {
        const value = values[i] as string;
        if (value.length > maxCellLength) {
          problems.push(`Line ${line}, column ${i + 1}: the value is ${value.length} characters long, more than the limit of ${maxCellLength}.`);
          values[i] = value.slice(0, maxCellLength);
        }
      }
    }
    return problems.length === 0 ? { line, values } : { line, values, error: problems.join(' ') };
  }

  private overlongLine(line: number): SourceRecord {
    return { line, values: [], error: overlongMessage(line, this.settings.maxRecordBytes) };
  }

  private firstLineValues(buf: string, start: number, end: number): string[] {
    const { delimiter, maxColumns, maxCellLength } = this.settings;
    return buf.slice(start, Math.min(end, start + this.settings.maxRecordBytes))
      .split(delimiter, maxColumns)
      .map((value) => value.slice(0, maxCellLength));
  }
}

function unclosedQuoteMessage(line: number): string {
  return `Line ${line} has a quoted value that is never closed (a " without its closing "); the record was not read. Fix the quotes on this line.`;
}

function overlongMessage(line: number, limit: number): string {
  return `The record on line ${line} is longer than ${limit.toLocaleString('en-US')} bytes (the limit for one record); it was not read. Check that the file is a CSV with line breaks.`;
}

function indexOrNotFound(buf: string, search: string, from: number): number {
  const at = buf.indexOf(search, from);
  return at < 0 ? NOT_FOUND : at;
}

/** Index of the first CR or LF at or after `from`, or -1. */
function findLineBreak(buf: string, from: number): number {
  const lf = buf.indexOf('\n', from);
  const cr = buf.indexOf('\r', from);
  if (lf < 0) return cr;
  if (cr < 0) return lf;
  return lf < cr ? lf : cr;
}

function afterLineBreak(buf: string, at: number): number {
  return buf.charCodeAt(at) === CR && buf.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
}

function countLineBreaks(value: string): number {
  let count = 0;
  let at = value.indexOf('\n');
  while (at >= 0) {
    count++;
    at = value.indexOf('\n', at + 1);
  }
  at = value.indexOf('\r');
  while (at >= 0) {
    if (value.charCodeAt(at + 1) !== LF) count++;
    at = value.indexOf('\r', at + 1);
  }
  return count;
}

/** Whether buf[start, end) takes more than `limit` bytes as UTF-8, measuring only when it may. */
function exceedsBytes(buf: string, start: number, end: number, limit: number): boolean {
  const chars = end - start;
  if (chars > limit) return true;
  if (chars * 3 <= limit) return false;
  return Buffer.byteLength(buf.slice(start, end), 'utf8') > limit;
}
