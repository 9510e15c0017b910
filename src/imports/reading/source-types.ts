// The public shapes of the reading stage (file → records) and its limits.

export type SourceFormat = 'csv' | 'xlsx' | 'xls' | 'ods';

/**
 * One record of the source. `line` is the 1-based physical line where a CSV record starts, or
 * the sheet's row number. `error` marks a record-level problem (unclosed quote, invalid bytes,
 * too many columns …): that record fails, the file does not.
 */
export type SourceRecord = {
  line: number;
  values: string[];
  error?: string;
  /**
   * Cells whose value the file does not hold (a formula saved without its result, a damaged text reference), each
   * read as '': the record fails only when a column it is imported from is one of them (an ignored column's missing
   * value costs nothing).
   */
  cellErrors?: CellError[];
};

/** A cell of a record whose value could not be read: its column (0-based) and why. */
export type CellError = { column: number; reason: string };

export type ReadLimits = {
  /** Columns a record may have. */
  maxColumns: number;
  /** Characters a single cell may hold (Excel's own limit is 32,767). */
  maxCellLength: number;
  /** Bytes all entries of a zip (XLSX, ODS) may inflate to, declared or actual. */
  maxInflatedBytes: number;
  /** Inflated/compressed ratio allowed for a big zip entry (≥ 1 MiB inflated). */
  maxCompressionRatio: number;
  /** Bytes one CSV record may span (also bounds an unclosed quote or a line without a break). */
  maxRecordBytes: number;
  /** Entries a zip may hold. */
  maxZipEntries: number;
  /**
   * Bytes of a file that must be read whole (XLS): SheetJS needs about 26 times that in heap (1.3 GB at 48 MiB), and
   * an XLS holds at most 65,536 rows (65,000 rows of 10 columns take 11 MB).
   */
  maxWholeFileBytes: number;
};

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxColumns: 2_000,
  maxCellLength: 32_767,
  maxInflatedBytes: 2 * 1024 ** 3,
  maxCompressionRatio: 200,
  maxRecordBytes: 1024 ** 2,
  maxZipEntries: 10_000,
  maxWholeFileBytes: 48 * 1024 ** 2,
});

export type ReadOptions = {
  /** Override the detected encoding of a CSV (any name iconv-lite knows). */
  encoding?: string;
  /**
   * The team's country (ISO 3166 alpha-2): of the encodings a file's bytes read equally well in, its languages' code
   * page is chosen.
   */
  country?: string;
  /** Override the sniffed delimiter of a CSV. */
  delimiter?: string;
  /** Where a file taken out of a gzip or zip archive is written while it is read (default: the system's temp dir). */
  scratchDir?: string;
  /** Sheet name of a workbook; default the first visible sheet. */
  sheet?: string;
  /** Non-empty records to skip before the header row. */
  skipTop?: number;
  limits?: Partial<ReadLimits>;
  /** The file's name as the user knows it, for messages (default: the path's base name). */
  displayName?: string;
  /**
   * Only this many records will be read (a preview): a format read whole (XLS, an XML spreadsheet) keeps only the
   * rows up to them, so a preview of a big one takes a few MB instead of hundreds.
   */
  recordsWanted?: number;
};

export type OpenedSource = {
  format: SourceFormat;
  encoding: string | null;
  encodingConfidence: number | null;
  delimiter: string | null;
  sheets: string[];
  /** Those of `sheets` the workbook hides (lookup lists, a template's workings). */
  hiddenSheets: string[];
  sheet: string | null;
  /** Header names, trimmed, made unique and non-blank. */
  headers: string[];
  /** Data records after skip-top and the header row, in order, empty rows skipped. */
  batches(size: number): AsyncIterable<SourceRecord[]>;
  /** `fractionRead`: how much of the file the records handed out cover, 0 … 1 — for a running job's estimated total. */
  stats(): { emptyRowsSkipped: number; recordsRead: number; fractionRead: number };
  close(): Promise<void>;
};

export type Preview = {
  format: SourceFormat;
  encoding: string | null;
  delimiter: string | null;
  sheets: string[];
  hiddenSheets: string[];
  /** The sheet read (null: the file has none). */
  sheet: string | null;
  headers: string[];
  rows: string[][];
  /**
   * The records among `rows` that could not be read whole (their row holds what was read of them), and why; `columns`
   * when only some cells were lost (a formula without its result): the record fails only if one of them is imported.
   */
  problems: Array<{ row: number; line: number; reason: string; columns?: number[] }>;
};

/** What a format reader hands to the common record assembly: raw rows, header not yet taken. */
export type RawSource = {
  format: SourceFormat;
  encoding: string | null;
  encodingConfidence: number | null;
  delimiter: string | null;
  sheets: string[];
  hiddenSheets: string[];
  sheet: string | null;
  /** Every row of the file in order, in batches of whatever size the reader finds natural. */
  rows: AsyncIterator<SourceRecord[]>;
  /** How much of the file the rows handed out so far cover, 0 … 1 (bytes, or rows of a sheet read whole). */
  fractionRead(): number;
  close(): Promise<void>;
};

/** Everything a reader needs to know about the file it reads. */
export type ReadContext = {
  path: string;
  /** Name of the file for messages. */
  file: string;
  limits: ReadLimits;
  options: ReadOptions;
  /** The file was taken out of this archive (a gzip or zip file): an archive in it is not opened in turn. */
  archive?: string;
};
