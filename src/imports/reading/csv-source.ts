// Reads a CSV/TSV/TXT file as a stream of records: encoding detected from samples of the file
// (head, middle, tail), delimiter sniffed from the head, then the file decoded and parsed chunk by
// chunk, so memory is bounded by a chunk and a record, never by the file.

import type { FileHandle } from 'node:fs/promises';
import { AppError } from '../../shared/app-error.js';
import { CsvRecordSplitter } from './csv-record-splitter.js';
import { CANDIDATE_DELIMITERS, declaredDelimiter, sniffDelimiter, splitsRecords } from './delimiter-sniffing.js';
import { detectEncoding } from './encoding-detection.js';
import { createFixedWidthSplitter, fixedWidthColumns } from './fixed-width.js';
import { fileExtension } from './format-detection.js';
import type { RawSource, ReadContext, SourceRecord } from './source-types.js';
import { createChunkDecoder, decodeSample, isKnownEncoding } from './text-decoding.js';
import { createRecordUnwrapper, isSplitByDelimiter, unwrappedSample } from './wrapped-lines.js';

const HEAD_BYTES = 64 * 1024;
const SLICE_BYTES = 16 * 1024;
const SLICES = 6;
// Small enough that a chunk's records die young: with 1 MiB chunks V8's young-generation
// collections copy them over and over and reading takes twice as long (measured on 1M rows).
const CHUNK_BYTES = 128 * 1024;
/** The delimiter a fixed-width file's lines are read with, each whole: a character no text holds. */
const NO_DELIMITER = '\u0000';

export async function openCsv(context: ReadContext, handle: FileHandle, size: number, head: Buffer): Promise<RawSource> {
  const { file, options, limits } = context;
  let encoding: string;
  let encodingConfidence: number | null;
  if (options.encoding !== undefined) {
    if (!isKnownEncoding(options.encoding)) {
      throw new AppError('ENCODING_INVALID', `'${options.encoding}' is not an encoding that can be read. Use a name such as utf-8, utf-16le, gb18030, big5, shift_jis, euc-kr or windows-1252.`, { file });
    }
    encoding = options.encoding.toLowerCase();
    encodingConfidence = null;
  } else {
    ({ encoding, confidence: encodingConfidence } = detectEncoding([head, ...(await sliceSamples(handle, size))], options.country));
    if (!isKnownEncoding(encoding)) {
      throw new AppError('ENCODING_INVALID', `'${file}' is written in ${encoding.toUpperCase()}, which cannot be read. Save it as UTF-8 (Excel: Save As, "CSV UTF-8"), or as Shift_JIS or EUC-JP, and upload it again.`, { file });
    }
  }
  if (!/^utf-?(16|32)/.test(encoding) && looksBinary(head)) {
    throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${file}' does not look like a text (CSV) file: it holds binary data. Upload a CSV, TSV, TXT, XLSX, XLS or ODS file.`, { file });
  }

  // Excel's `sep=;` first line names the delimiter and is left out of the records (their lines keep their numbers).
  const headText = decodeSample(head, encoding);
  const isWholeFile = head.length >= size;
  const declared = declaredDelimiter(headText);
  let delimiter: string;
  if (options.delimiter !== undefined) {
    if (options.delimiter === '' || /["\r\n\uFEFF]/.test(options.delimiter)) {
      throw new AppError('BAD_INPUT', `The delimiter must be one or more characters other than a quote or a line break (got ${JSON.stringify(options.delimiter)}).`, { file });
    }
    delimiter = options.delimiter;
  } else {
    const extension = fileExtension(file);
    const preferred = extension === 'tsv' || extension === 'tab' ? '\t' : extension === 'psv' ? '|' : undefined;
    delimiter = declared ?? sniffDelimiter(headText, preferred, isWholeFile);
  }
  // Lines quoted whole: the delimiter is the one inside them (unless the user named one), and each record is split again.
  let unwrap: ((record: SourceRecord) => SourceRecord) | null = null;
  if (declared === null) {
    const unwrapped = unwrappedSample(headText, options.delimiter === undefined ? CANDIDATE_DELIMITERS : [delimiter], isWholeFile);
    if (unwrapped !== null) {
      const inner = options.delimiter ?? sniffDelimiter(unwrapped, undefined, isWholeFile);
      if (isSplitByDelimiter(unwrapped, inner)) {
        unwrap = createRecordUnwrapper(inner, limits.maxColumns);
        delimiter = inner;
      }
    }
  }

  // A fixed-width report or export, which no delimiter splits: each line (read whole, with a delimiter no text holds)
  // is cut where the head's columns start; it has no delimiter to show.
  let reportedDelimiter: string | null = delimiter;
  if (options.delimiter === undefined && declared === null && unwrap === null && !splitsRecords(headText, delimiter, isWholeFile)) {
    const starts = fixedWidthColumns(headText, isWholeFile);
    if (starts !== null) {
      delimiter = NO_DELIMITER;
      reportedDelimiter = null;
      unwrap = createFixedWidthSplitter(starts, limits.maxColumns);
    }
  }

  const parser = new CsvRecordSplitter({ delimiter, maxColumns: limits.maxColumns, maxCellLength: limits.maxCellLength, maxRecordBytes: limits.maxRecordBytes, encoding });
  const decoder = createChunkDecoder(encoding);
  let isClosed = false;
  let position = head.length;

  async function* readRecords(): AsyncGenerator<SourceRecord[]> {
    // The head is already in memory: parse it first, then read on from where it ends.
    let decoded = decoder.decode(head);
    let records = parser.push(decoded.text, false, decoded.hasInvalidBytes);
    // The `sep=` line is whole within the head (it is its first line): the first record parsed.
    if (declared !== null) records = records.slice(1);
    if (records.length > 0) yield unwrap ? records.map(unwrap) : records;
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    while (!isClosed) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      decoded = decoder.decode(buffer.subarray(0, bytesRead));
      records = parser.push(decoded.text, false, decoded.hasInvalidBytes);
      if (records.length > 0) yield unwrap ? records.map(unwrap) : records;
    }
    decoded = decoder.end();
    records = parser.push(decoded.text, true, decoded.hasInvalidBytes);
    if (records.length > 0) yield unwrap ? records.map(unwrap) : records;
  }

  return {
    format: 'csv',
    encoding,
    encodingConfidence,
    delimiter: reportedDelimiter,
    sheets: [],
    hiddenSheets: [],
    sheet: null,
    rows: readRecords(),
    fractionRead: () => Math.min(1, position / size),
    close: async () => {
      if (isClosed) return;
      isClosed = true;
      await handle.close();
    },
  };
}

/** Slices spread over the rest of a big file, so a non-ASCII byte far from the head counts too. */
async function sliceSamples(handle: FileHandle, size: number): Promise<Buffer[]> {
  if (size <= HEAD_BYTES) return [];
  const slices: Buffer[] = [];
  for (let i = 1; i <= SLICES; i++) {
    const start = Math.max(HEAD_BYTES, Math.floor(((size - SLICE_BYTES) * i) / SLICES));
    const buffer = Buffer.alloc(Math.min(SLICE_BYTES, size - start));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
    if (bytesRead > 0) slices.push(buffer.subarray(0, bytesRead));
  }
  return slices;
}

/**
 * NUL bytes or control characters (text holds almost none besides tab and line breaks) mean binary data. FileMaker's
 * vertical tab (a line break in a field) and group separator (between a repeating field's values) are text.
 */
function looksBinary(head: Uint8Array): boolean {
  const length = Math.min(head.length, 8192);
  let nuls = 0;
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const byte = head[i] as number;
    if (byte === 0) nuls++;
    else if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0b && byte !== 0x0c && byte !== 0x1a && byte !== 0x1b && byte !== 0x1d) controls++;
  }
  return nuls > length * 0.01 || nuls > 16 || controls > Math.max(8, length * 0.01);
}
