// Splits decoded CSV text into records, chunk by chunk, with PapaParse doing the RFC 4180 work
// (delimiters, quoting, escaped quotes, line breaks inside quotes). Ours is only what PapaParse
// leaves to its caller: the physical line where each record starts, line ends of every kind in
// one file, bounded memory, and recovery: a record whose quote never closes, or that is longer
// than the limit, becomes an error record and reading resumes on its next line, so one stray
// quote fails one record, not the file.

import Papa from 'papaparse';
import type { SourceRecord } from './source-types.js';

export type CsvSplitterSettings = {
  delimiter: string;
  maxColumns: number;
  maxCellLength: number;
  maxRecordBytes: number;
  /** Encoding name for the invalid-bytes message. */
  encoding: string;
};

/** What PapaParse's Parser returns (its typings say `any`). */
type PapaResult = {
  data: string[][];
  errors: { code: string; row?: number }[];
  meta: { cursor: number };
};

/** Where reading stands: `pos` is the first character of the buffer not yet turned into records. */
type Position = { pos: number; line: number };

const LF = 10;
const CR = 13;
const LONE_CR = /\r(?!\n)/g;
const PIECE_CHARS = 64 * 1024;
/**
 * FileMaker writes a line break inside a field as a vertical tab (its CSV and tab-separated exports keep a record on
 * one line), and the values of a repeating field separated by the group separator: both read as line breaks.
 */
const VERTICAL_TAB = '\v';
const GROUP_SEPARATOR = '\x1d';

export class CsvRecordSplitter {
  private readonly settings: CsvSplitterSettings;
  /** Text of the record being read, from its first character. */
  private pending = '';
  /** Line where `pending` starts. */
  private line = 1;
  /** A chunk ended in CR: whether it is a line end of its own or half of a CRLF shows in the next chunk. */
  private hasCarriedCR = false;
  private isSkippingLongLine = false;
  /** `pending` holds U+FFFD that stand for invalid bytes. */
  private isPendingSuspect = false;
  /** Offsets of the line feeds of the text last parsed, reused from parse to parse. */
  private lineFeeds = new Int32Array(16 * 1024);
  /** Some text read so far holds FileMaker's marks of a line break in a field (looked for in each chunk, not value). */
  private hasFieldLineMarks = false;

  constructor(settings: CsvSplitterSettings) {
    if (settings.delimiter.length === 0) throw new Error('delimiter must not be empty');
    this.settings = settings;
  }

  /**
   * Feeds the next piece of text; returns the records it completes. `isLast` flushes the end of
   * the input. `hasInvalidBytes` says that U+FFFD in this text stands for undecodable bytes.
   */
  push(text: string, isLast: boolean, hasInvalidBytes = false): SourceRecord[] {
    const records: SourceRecord[] = [];
    if (!this.hasFieldLineMarks && (text.includes(VERTICAL_TAB) || text.includes(GROUP_SEPARATOR))) this.hasFieldLineMarks = true;
    let chunk = this.hasCarriedCR ? `\r${text}` : text;
    this.hasCarriedCR = false;
    if (!isLast && chunk.charCodeAt(chunk.length - 1) === CR) {
      chunk = chunk.slice(0, -1);
      this.hasCarriedCR = true;
    }
    // CRLF stays (PapaParse splits on LF; the CR left on a last value is dropped), so a quoted
    // value keeps its own CRLF; a lone CR (old Mac files, or mixed line ends) becomes LF.
    if (chunk.includes('\r')) chunk = chunk.replace(LONE_CR, '\n');
    // Parsed a piece at a time: a megabyte of rows alive at once makes V8's young-generation
    // collections copy them over and over (measured: twice the time). A piece is never smaller
    // than the record under way, so a long record is not parsed again for every small piece.
    let offset = 0;
    do {
      const size = Math.max(PIECE_CHARS, this.pending.length);
      const isLastPiece = offset + size >= chunk.length;
      this.readPiece(isLastPiece && offset === 0 ? chunk : chunk.slice(offset, offset + size), isLast && isLastPiece, hasInvalidBytes, records);
      offset += size;
    } while (offset < chunk.length);
    return records;
  }

  private readPiece(piece: string, isLast: boolean, hasInvalidBytes: boolean, records: SourceRecord[]): void {
    let buffer = this.pending.length > 0 ? this.pending + piece : piece;
    const isSuspect = hasInvalidBytes || this.isPendingSuspect;
    if (this.isSkippingLongLine) {
      const lineFeed = buffer.indexOf('\n');
      if (lineFeed < 0) {
        this.pending = '';
        return;
      }
      buffer = buffer.slice(lineFeed + 1);
      this.isSkippingLongLine = false;
    }

    const at: Position = { pos: 0, line: this.line };
    this.readRange(buffer, buffer.length, isLast, isSuspect, records, at, false);
    while (!isLast && at.pos < buffer.length && this.exceedsLimit(buffer, at.pos, buffer.length)) {
      // The record under way is already longer than a record may be.
      const lineFeed = buffer.indexOf('\n', at.pos);
      if (lineFeed < 0) {
        this.startSkipping(records, at.line);
        return;
      }
      // It spans lines without ending: most likely a quote opened on its first line never closes.
      const reason = buffer.slice(at.pos, lineFeed).includes('"') ? unclosedQuoteMessage(at.line) : overlongMessage(at.line, this.settings.maxRecordBytes);
      records.push({ line: at.line, values: this.firstLineValues(buffer, at.pos, lineFeed), error: reason });
      at.pos = lineFeed + 1;
      at.line++;
      this.readSpan(buffer, buffer.length, false, isSuspect, records, at);
    }

    this.pending = at.pos < buffer.length ? buffer.slice(at.pos) : '';
    this.isPendingSuspect = isSuspect && this.pending.includes('\uFFFD');
    this.line = at.line;
  }

  /**
   * Parses buffer[at.pos, to) with PapaParse into records and moves `at` past them; an incomplete
   * record at the end stays unread unless `isLast`. A record whose quote never closes becomes an
   * error record on its first line and the rest of its text is read again (`readSpan`), so no
   * text is parsed more than three times. With `isFailFast`, the first such record stops
   * everything and the answer is false.
   */
  private readRange(buffer: string, to: number, isLast: boolean, isSuspect: boolean, records: SourceRecord[], at: Position, isFailFast: boolean): boolean {
    const from = at.pos;
    let end = to;
    // At the end, the last line break goes, so PapaParse adds no empty record after it.
    if (isLast && end > from && buffer.charCodeAt(end - 1) === LF) end -= end - 1 > from && buffer.charCodeAt(end - 2) === CR ? 2 : 1;
    if (end === from) {
      if (isLast && to > from) {
        // Nothing but a line break: an empty line.
        records.push({ line: at.line, values: [''] });
        at.line++;
      }
      if (isLast) at.pos = to;
      return true;
    }
    const input = buffer.slice(from, end);
    const { delimiter, maxRecordBytes } = this.settings;
    const result = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' }).parse(input, 0, !isLast) as PapaResult;
    const consumed = isLast ? input.length : result.meta.cursor;
    const rows = result.data;
    const lineFeedCount = this.findLineFeeds(input, consumed);
    const lineFeeds = this.lineFeeds;
    // Unless some record spans lines, each record is one line and its values need no search.
    const isMultiLine = lineFeedCount !== (isLast ? rows.length - 1 : rows.length);
    const quoteErrors = result.errors.length > 0 ? quoteErrorsByRow(result.errors) : undefined;

    let line = at.line;
    let lineFeedIndex = 0;
    for (let r = 0; r < rows.length; r++) {
      const values = rows[r] as string[];
      const inside = isMultiLine ? countLineFeedsInValues(values) : 0;
      const rowStart = lineFeedIndex === 0 ? 0 : (lineFeeds[lineFeedIndex - 1] as number) + 1;
      const endIndex = lineFeedIndex + inside;
      const isTerminated = endIndex < lineFeedCount;
      const rowEnd = isTerminated ? (lineFeeds[endIndex] as number) + 1 : consumed;
      const quoteError = quoteErrors?.get(r);
      // A quote out of place on one line reads as PapaParse reads it ("Dwayne "The Rock" Johnson" is one value), unless
      // a value so read holds the delimiter too: then where it ends is a guess ("Ann,"4155550134" was a customer named
      // `Ann,"4155550134` without a phone).
      const isAmbiguous = quoteError === 'InvalidQuotes' && values.some((value) => value.includes('"') && value.includes(delimiter));
      if (quoteError !== undefined && (quoteError === 'MissingQuotes' || inside > 0 || isAmbiguous)) {
        if (isFailFast) return false;
        const firstLineEnd = lineFeedIndex < lineFeedCount ? (lineFeeds[lineFeedIndex] as number) : consumed;
        records.push({ line, values: this.firstLineValues(input, rowStart, firstLineEnd), error: quoteProblemMessage(line, input.slice(rowStart, firstLineEnd), isAmbiguous && inside === 0) });
        if (inside > 0) {
          const rest: Position = { pos: from + firstLineEnd + 1, line: line + 1 };
          this.readSpan(buffer, from + rowEnd, isLast && !isTerminated, isSuspect, records, rest);
        }
      } else if (exceedsBytes(input, rowStart, rowEnd, maxRecordBytes)) {
        records.push({ line, values: [], error: overlongMessage(line, maxRecordBytes) });
      } else {
        const last = values[values.length - 1];
        if (last !== undefined && last.charCodeAt(last.length - 1) === CR) values[values.length - 1] = last.slice(0, -1);
        records.push(this.checked(line, values, rowEnd - rowStart, isSuspect && hasReplacement(values)));
      }
      line += inside + 1;
      lineFeedIndex = endIndex + 1;
    }
    at.pos = isLast ? to : from + consumed;
    at.line = line;
    return true;
  }

  /**
   * Reads again the lines after the first line of a failed record, up to `to`: parsed as usual if
   * they make whole records that end where the failed one ended, else one line at a time (a
   * quote must then close on its line), so a stray quote costs its own record and nothing else.
   */
  private readSpan(buffer: string, to: number, isLast: boolean, isSuspect: boolean, records: SourceRecord[], at: Position): void {
    if (at.pos >= to) return;
    const attempt: SourceRecord[] = [];
    const trial: Position = { ...at };
    if (this.readRange(buffer, to, isLast, isSuspect, attempt, trial, true)) {
      const nextLineFeed = buffer.indexOf('\n', trial.pos);
      if (isLast || nextLineFeed < 0 || nextLineFeed >= to) {
        for (const record of attempt) records.push(record);
        at.pos = trial.pos;
        at.line = trial.line;
        return;
      }
    }
    while (at.pos < to) {
      const lineFeed = buffer.indexOf('\n', at.pos);
      const isComplete = lineFeed >= 0 && lineFeed < to;
      if (!isComplete && !isLast) return;
      const lineEnd = isComplete ? lineFeed : to;
      records.push(this.readOneLine(buffer, at.pos, lineEnd, at.line, isSuspect));
      at.pos = lineEnd + 1;
      at.line++;
    }
    at.pos = Math.min(at.pos, to);
  }

  /** A line read on its own, where quotes must close on the line. */
  private readOneLine(buffer: string, start: number, end: number, line: number, isSuspect: boolean): SourceRecord {
    const stop = end > start && buffer.charCodeAt(end - 1) === CR ? end - 1 : end;
    if (stop === start) return { line, values: [''] };
    if (exceedsBytes(buffer, start, stop, this.settings.maxRecordBytes)) {
      return { line, values: [], error: overlongMessage(line, this.settings.maxRecordBytes) };
    }
    const parser = new Papa.Parser({ delimiter: this.settings.delimiter, newline: '\n', quoteChar: '"' });
    const result = parser.parse(buffer.slice(start, stop), 0, false) as PapaResult;
    if (result.errors.some((error) => error.code === 'MissingQuotes')) {
      return { line, values: this.firstLineValues(buffer, start, stop), error: quoteProblemMessage(line, buffer.slice(start, stop), false) };
    }
    const values = result.data[0] ?? [''];
    return this.checked(line, values, stop - start, isSuspect && hasReplacement(values));
  }

  /** Records the offsets of the line feeds of text[0, end) in `lineFeeds`; returns their count. */
  private findLineFeeds(text: string, end: number): number {
    let count = 0;
    let lineFeeds = this.lineFeeds;
    for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) {
      if (count === lineFeeds.length) {
        const grown = new Int32Array(lineFeeds.length * 2);
        grown.set(lineFeeds);
        lineFeeds = grown;
        this.lineFeeds = grown;
      }
      lineFeeds[count++] = at;
    }
    return count;
  }

  private startSkipping(records: SourceRecord[], line: number): void {
    records.push({ line, values: [], error: overlongMessage(line, this.settings.maxRecordBytes) });
    this.isSkippingLongLine = true;
    this.pending = '';
    this.isPendingSuspect = false;
    this.line = line + 1;
  }

  private exceedsLimit(buffer: string, start: number, end: number): boolean {
    return exceedsBytes(buffer, start, end, this.settings.maxRecordBytes);
  }

  private checked(line: number, values: string[], recordLength: number, hasInvalidBytes: boolean): SourceRecord {
    const { maxColumns, maxCellLength } = this.settings;
    // A byte order mark inside the file: files joined one after another, each with its own. It is no text of the record.
    const first = values[0];
    if (first !== undefined && first.charCodeAt(0) === 0xfeff) values[0] = first.slice(1);
    for (let i = 0; i < values.length; i++) {
      if ((values[i] as string).charCodeAt(0) === 0x3d) values[i] = textOfFormula(values[i] as string);
    }
    if (this.hasFieldLineMarks) {
      for (let i = 0; i < values.length; i++) values[i] = (values[i] as string).replaceAll(VERTICAL_TAB, '\n').replaceAll(GROUP_SEPARATOR, '\n');
    }
    // The common case allocates nothing beyond the record itself.
    if (!hasInvalidBytes && values.length <= maxColumns && recordLength <= maxCellLength) return { line, values };
    const problems: string[] = [];
    if (hasInvalidBytes) {
      problems.push(`Line ${line} contains bytes that are not valid ${this.settings.encoding} (shown as \uFFFD); choose the file's real encoding or save it again as UTF-8.`);
    }
    if (values.length > maxColumns) {
      problems.push(tooManyColumnsMessage(line, values.length, maxColumns));
      values.length = maxColumns;
    }
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as string;
      if (value.length > maxCellLength) {
        problems.push(`Line ${line}, column ${i + 1}: the value is ${value.length} characters long, more than the limit of ${maxCellLength}.`);
        values[i] = value.slice(0, maxCellLength);
      }
    }
    return problems.length === 0 ? { line, values } : { line, values, error: problems.join(' ') };
  }

  /** The raw first line of a failed record, split naively, so the error file still shows it. */
  private firstLineValues(buffer: string, start: number, end: number): string[] {
    const { delimiter, maxColumns, maxCellLength, maxRecordBytes } = this.settings;
    const stop = end > start && buffer.charCodeAt(end - 1) === CR ? end - 1 : end;
    return buffer.slice(start, Math.min(stop, start + maxRecordBytes))
      .split(delimiter, maxColumns)
      .map((value) => value.slice(0, maxCellLength));
  }
}

function unclosedQuoteMessage(line: number): string {
  return `Line ${line} has a quoted value that is never closed (a " without its closing "); the record was not read. Fix the quotes on this line.`;
}

/**
 * Why a record's quotes could not be read, from its first line: a quote never closed, or (its quotes pair up on the
 * line) text after a closing quote (`"Big" Bob`), which a quoted value cannot have.
 */
function quoteProblemMessage(line: number, text: string, isTextAfterQuote: boolean): string {
  let quotes = 0;
  for (let at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) quotes++;
  if (!isTextAfterQuote && (quotes === 0 || quotes % 2 === 1)) return unclosedQuoteMessage(line);
  return `Line ${line} has text after the closing quote of a quoted value (as in "Big" Bob); the record was not read. Quote the whole value, each " in it doubled ("""Big"" Bob"), or remove the quotes.`;
}

function overlongMessage(line: number, limit: number): string {
  return `The record on line ${line} is longer than ${limit.toLocaleString('en-US')} bytes (the limit for one record); it was not read. Check that the file is a CSV with line breaks.`;
}

/** The quote problem PapaParse found in each row, by row index (MissingQuotes wins). */
function quoteErrorsByRow(errors: PapaResult['errors']): Map<number, string> {
  const byRow = new Map<number, string>();
  for (const error of errors) {
    if (error.row === undefined || (error.code !== 'MissingQuotes' && error.code !== 'InvalidQuotes')) continue;
    if (byRow.get(error.row) !== 'MissingQuotes') byRow.set(error.row, error.code);
  }
  return byRow;
}

function countLineFeedsInValues(values: readonly string[]): number {
  let count = 0;
  for (const value of values) {
    for (let at = value.indexOf('\n'); at >= 0; at = value.indexOf('\n', at + 1)) count++;
  }
  return count;
}

function hasReplacement(values: readonly string[]): boolean {
  for (const value of values) if (value.includes('\uFFFD')) return true;
  return false;
}

/** Whether text[start, end) takes more than `limit` bytes as UTF-8, measuring only when it may. */
function exceedsBytes(text: string, start: number, end: number, limit: number): boolean {
  const chars = end - start;
  if (chars > limit) return true;
  if (chars * 3 <= limit) return false;
  return Buffer.byteLength(text.slice(start, end), 'utf8') > limit;
}

export function tooManyColumnsMessage(line: number, columns: number, maxColumns: number): string {
  return `Line ${line} has ${columns} columns, more than the limit of ${maxColumns}.`;
}

/** A text formula, `="…"` (its quotes doubled inside): how exports keep the leading zeros of `="02134"` in Excel. */
const TEXT_FORMULA = /^="((?:[^"]|"")*)"$/s;

/** The text of a cell written as a text formula (`="02134"` is 02134), or the cell as it is. */
export function textOfFormula(value: string): string {
  const match = TEXT_FORMULA.exec(value);
  return match ? (match[1] as string).replaceAll('""', '"') : value;
}
