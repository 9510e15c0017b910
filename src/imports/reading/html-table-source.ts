// Reads an .xls that is really a web page (what many web applications' "Export to Excel" write, and Excel opens):
// each top-level <table> is a sheet, named as Excel names them (Sheet1, Sheet2 …). The file is streamed through
// htmlparser2 as it is read and decoded, so a big export never sits in memory whole: one pass counts the tables,
// a second reads the chosen one's rows and stops at its end. Cells are the text a browser shows: runs of white
// space as one space, <br> as a line break, character references decoded; a cell spanning columns is followed
// by empty ones.

import { createReadStream } from 'node:fs';
import { Parser } from 'htmlparser2';
import { AppError } from '../../shared/app-error.js';
import type { RawSource, ReadContext, ReadLimits, SourceRecord } from './source-types.js';
import { createChunkDecoder } from './text-decoding.js';
import { chooseSheet } from './workbook-sheets.js';

const ROWS_PER_BATCH = 5_000;
const CHUNK_BYTES = 64 * 1024;
/** A colspan wider than this is read as this (a page cannot make a row of a million cells with one attribute). */
const MAX_COLSPAN = 1_000;
/** Stands for a <br> inside a cell until the cell's white space is collapsed. */
const LINE_BREAK = '\u2028';
const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'template', 'noscript']);
/**
 * Elements open at once beyond this make the page refused: htmlparser2 keeps them on a list it shifts at every tag,
 * so a page of 200,000 nested elements (2 MB) would take half a minute; real pages nest a few dozen deep.
 */
const MAX_NESTING = 1_000;
/** Elements whose text a browser shows apart from the text before them. */
const SEPARATED_ELEMENTS: ReadonlySet<string> = new Set(['td', 'th', 'tr', 'p', 'div', 'li']);

export async function openHtmlWorkbook(context: ReadContext, size: number, encoding: string, encodingConfidence: number | null): Promise<RawSource> {
  const { file } = context;
  const tables = await countTables(context, encoding);
  if (tables === 0) throw new AppError('FILE_EMPTY', `'${file}' is a web page with no table in it: there is nothing to import.`, { file });
  const sheets = Array.from({ length: tables }, (_, index) => `Sheet${index + 1}`);
  const chosen = chooseSheet(file, sheets.map((name) => ({ name, isHidden: false })), context.options.sheet);
  const progress = { bytesRead: 0 };
  const rows = tableRows(context, encoding, sheets.indexOf(chosen.name), progress);
  return {
    format: 'xls',
    encoding,
    encodingConfidence,
    delimiter: null,
    sheets,
    hiddenSheets: [],
    sheet: chosen.name,
    rows,
    fractionRead: () => Math.min(1, progress.bytesRead / Math.max(1, size)),
    close: async () => {
      await rows.return?.(undefined);
    },
  };
}

/** The file's text as it is read, chunk by chunk, with the bytes read so far. */
async function* decodedChunks(context: ReadContext, encoding: string, progress: { bytesRead: number }): AsyncGenerator<string> {
  const decoder = createChunkDecoder(encoding);
  const stream = createReadStream(context.path, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      progress.bytesRead += chunk.length;
      yield decoder.decode(chunk).text;
    }
    yield decoder.end().text;
  } finally {
    stream.destroy();
  }
}

/** Counts the elements open at once, and refuses a page that nests them too deep (see MAX_NESTING). */
function createNestingGuard(file: string): { open(): void; close(): void } {
  let open = 0;
  return {
    open() {
      if (++open > MAX_NESTING) {
        throw new AppError('FILE_UNREADABLE', `'${file}' is a web page whose elements are nested more than ${MAX_NESTING.toLocaleString('en-US')} deep, as no export writes them. Open it in Excel, save it as XLSX or CSV, and upload that.`, { file });
      }
    },
    close() {
      if (open > 0) open--;
    },
  };
}

async function countTables(context: ReadContext, encoding: string): Promise<number> {
  let depth = 0;
  let tables = 0;
  const nesting = createNestingGuard(context.file);
  const parser = new Parser({
    onopentag(name) {
      nesting.open();
      if (name !== 'table') return;
      if (depth === 0) tables++;
      depth++;
    },
    onclosetag(name) {
      nesting.close();
      if (name === 'table' && depth > 0) depth--;
    },
  }, { decodeEntities: false, lowerCaseTags: true });
  for await (const text of decodedChunks(context, encoding, { bytesRead: 0 })) parser.write(text);
  parser.end();
  return tables;
}

async function* tableRows(context: ReadContext, encoding: string, tableIndex: number, progress: { bytesRead: number }): AsyncGenerator<SourceRecord[]> {
  const collector = createRowCollector(tableIndex, context.limits, createNestingGuard(context.file));
  const parser = new Parser(collector.handler, { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true });
  for await (const text of decodedChunks(context, encoding, progress)) {
    parser.write(text);
    if (collector.rows.length >= ROWS_PER_BATCH || (collector.isDone && collector.rows.length > 0)) yield collector.rows.splice(0);
    if (collector.isDone) return;
  }
  parser.end();
  if (collector.rows.length > 0) yield collector.rows.splice(0);
}

type RowCollector = {
  handler: NonNullable<ConstructorParameters<typeof Parser>[0]>;
  /** Rows of the chosen table not handed out yet. */
  rows: SourceRecord[];
  /** The chosen table has ended. */
  isDone: boolean;
};

type NestingGuard = ReturnType<typeof createNestingGuard>;

/** Turns the parser's events into the rows of the `tableIndex`-th top-level table. */
function createRowCollector(tableIndex: number, limits: Pick<ReadLimits, 'maxColumns' | 'maxCellLength'>, nesting: NestingGuard): RowCollector {
  const collector: RowCollector = { handler: {}, rows: [], isDone: false };
  let depth = 0;
  let tables = -1;
  let skipped = 0;
  let rowNumber = 0;
  let cells: string[] | null = null;
  /** A row with more cells than the limit: the rest are counted, not kept. */
  let cellsBeyond = 0;
  /** The true lengths of the row's cells that were cut short while read, by column. */
  const longCells = new Map<number, number>();
  /** The cell being read; its text stops growing past the longest a cell may be (its length is still counted). */
  let cell: { text: string; length: number; span: number } | null = null;
  const isInTable = () => tables === tableIndex && depth === 1;

  const endCell = () => {
    if (!cell || !cells) return;
    const collapsed = cell.text.split(LINE_BREAK).map((line) => line.replace(/\s+/g, ' ').trim()).join('\n').trim();
    // A cell cut short while read keeps its true length for the message.
    if (cell.length > cell.text.length) longCells.set(cells.length, cell.length);
    for (let index = 0; index < cell.span; index++) {
      if (cells.length <= limits.maxColumns) cells.push(index === 0 ? collapsed : '');
      else cellsBeyond++;
    }
    cell = null;
  };
  const endRow = () => {
    if (!cells) return;
    endCell();
    rowNumber++;
    while (cells.length > 0 && cells.at(-1) === '') cells.pop();
    collector.rows.push(recordOf(rowNumber, cells, { cellsBeyond, longCells }, limits));
    cells = null;
    cellsBeyond = 0;
    longCells.clear();
  };

  collector.handler = {
    onopentag(name, attributes) {
      nesting.open();
      if (SKIPPED_ELEMENTS.has(name)) skipped++;
      if (name === 'table') {
        if (depth === 0) tables++;
        depth++;
      } else if (name === 'tr' && isInTable()) {
        endRow();
        cells = [];
      } else if ((name === 'td' || name === 'th') && isInTable()) {
        endCell();
        cells ??= [];
        const span = Number.parseInt(attributes['colspan'] ?? '1', 10);
        cell = { text: '', length: 0, span: Number.isFinite(span) ? Math.min(Math.max(span, 1), MAX_COLSPAN) : 1 };
      } else if (cell && name === 'br') {
        cell.text += LINE_BREAK;
      } else if (cell && SEPARATED_ELEMENTS.has(name)) {
        // Inside a cell, a layout table's cells and blocks are apart, as a browser shows them.
        cell.text += ' ';
      }
    },
    ontext(text) {
      // Text of a table inside the cell (a layout table) is part of the cell.
      if (!cell || skipped > 0 || tables !== tableIndex || depth < 1) return;
      cell.length += text.length;
      if (cell.text.length <= limits.maxCellLength * 2) cell.text += text;
    },
    onclosetag(name) {
      nesting.close();
      if (SKIPPED_ELEMENTS.has(name) && skipped > 0) skipped--;
      if (name === 'table') {
        if (depth === 1 && tables === tableIndex) {
          endRow();
          collector.isDone = true;
        }
        if (depth > 0) depth--;
        return;
      }
      if (!isInTable()) return;
      if (name === 'td' || name === 'th') endCell();
      else if (name === 'tr') endRow();
    },
  };
  return collector;
}

function recordOf(
  line: number,
  cells: string[],
  { cellsBeyond, longCells }: { cellsBeyond: number; longCells: ReadonlyMap<number, number> },
  limits: Pick<ReadLimits, 'maxColumns' | 'maxCellLength'>,
): SourceRecord {
  const problems: string[] = [];
  let values = cells;
  if (values.length > limits.maxColumns) {
    problems.push(`Row ${line} has ${values.length + cellsBeyond} cells, beyond the limit of ${limits.maxColumns} columns.`);
    values = values.slice(0, limits.maxColumns);
  }
  values = values.map((value, index) => {
    if (value.length <= limits.maxCellLength) return value;
    problems.push(`Row ${line}, column ${index + 1}: the value is ${longCells.get(index) ?? value.length} characters long, more than the limit of ${limits.maxCellLength}.`);
    return value.slice(0, limits.maxCellLength);
  });
  return problems.length === 0 ? { line, values } : { line, values, error: problems.join(' ') };
}
