// Reads XLS (BIFF2–BIFF8) with SheetJS CE, which parses a workbook whole (an XLS holds at most
// 65,536 rows): the file is size-checked first, an encrypted workbook is refused, and cells
// become text by the same rules as XLSX. Also an .xls that is really an Excel 2003 XML spreadsheet (markup-workbook.ts),
// and the older formats Excel opens: SYLK, DIF, SocialCalc, dBASE.

import { readFile } from 'node:fs/promises';
import { decodeHTML } from 'entities';
import type * as SheetJs from '@e965/xlsx';
import { AppError } from '../../shared/app-error.js';
import { formatGeneralNumber, formatNumberCell } from './cell-text.js';
import type { RawSource, ReadContext, SourceFormat, SourceRecord } from './source-types.js';
import { formatBytes } from './zip-archive.js';
import { detectEncoding } from './encoding-detection.js';
import { decodeWhole } from './text-decoding.js';
import { chooseSheet } from './workbook-sheets.js';

/**
 * SheetJS and its code pages are loaded on the first XLS: they take a tenth of a second to load, and a CSV or XLSX
 * import (every thread of it) never needs them.
 */
let sheetJs: Promise<typeof SheetJs> | null = null;
function loadSheetJs(): Promise<typeof SheetJs> {
  sheetJs ??= (async () => {
    const [library, codepages] = await Promise.all([import('@e965/xlsx'), import('@e965/xlsx/dist/cpexcel.full.mjs')]);
    // BIFF5 and older store text in the workbook's code page (e.g. 936 for Chinese).
    library.set_cptable(codepages);
    return library;
  })();
  return sheetJs;
}

export const ENCRYPTED_MESSAGE = 'password-protected files are not supported';
const ROWS_PER_BATCH = 5_000;

const ERROR_TEXTS: ReadonlyMap<number, string> = new Map([
  [0x00, '#NULL!'], [0x07, '#DIV/0!'], [0x0f, '#VALUE!'], [0x17, '#REF!'], [0x1d, '#NAME?'], [0x24, '#NUM!'], [0x2a, '#N/A'], [0x2b, '#GETTING_DATA'],
]);

export function encryptedError(file: string): AppError {
  return new AppError('FILE_ENCRYPTED', `'${file}' is password-protected: ${ENCRYPTED_MESSAGE}. Remove the password in your spreadsheet program, save, and upload it again.`, { file });
}

/** XLS in an OLE2 container, or an encrypted OOXML workbook (which also lives in one). */
export async function openOleWorkbook(context: ReadContext, size: number): Promise<RawSource> {
  const XLSX = await loadSheetJs();
  const data = await readWhole(context, size);
  let container: ReturnType<typeof XLSX.CFB.read>;
  try {
    container = XLSX.CFB.read(data, { type: 'buffer' });
  } catch (error) {
    throw unreadable(context.file, 'its OLE2 container is damaged', error);
  }
  const names = new Set(container.FullPaths.map((path: string) => path.replace(/\/$/, '').split('/').pop()?.toLowerCase() ?? ''));
  if (names.has('encryptioninfo') || names.has('encryptedpackage')) throw encryptedError(context.file);
  const stream = XLSX.CFB.find(container, 'Workbook') ?? XLSX.CFB.find(container, 'Book');
  if (!stream || !stream.content) {
    throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${context.file}' is an Office document but not an Excel workbook. Upload a CSV, XLSX, XLS or ODS file.`, { file: context.file });
  }
  const globals = inspectWorkbookGlobals(Buffer.from(stream.content as Uint8Array));
  if (globals.isEncrypted) throw encryptedError(context.file);
  return readWithSheetJs(XLSX, context, data, 'xls', globals.hiddenSheets);
}

/** BIFF2–4 worksheets saved without an OLE2 container. */
export async function openBareBiff(context: ReadContext, size: number): Promise<RawSource> {
  const XLSX = await loadSheetJs();
  return readWithSheetJs(XLSX, context, await readWhole(context, size), 'xls', []);
}

/**
 * SYLK, DIF, SocialCalc or dBASE (format-detection.ts): SheetJS reads them whole, as Excel opens them. SYLK and
 * SocialCalc are decoded first, in the encoding detected as for a CSV (Excel writes them in the system's code page,
 * other programs in UTF-8); a dBASE table names its own code page; a DIF is read as Excel writes it, in Windows-1252
 * (SheetJS reads no other).
 */
export async function openLegacySheet(context: ReadContext, size: number): Promise<RawSource> {
  const XLSX = await loadSheetJs();
  const data = await readWhole(context, size);
  const isDecodedFirst = data[0] === 0x49 /* ID;P */ || data[0] === 0x73; /* socialcalc: */
  if (!isDecodedFirst) return readWithSheetJs(XLSX, context, data, 'xls', []);
  return readWithSheetJs(XLSX, context, decodeWhole(data, detectEncoding([data.subarray(0, 64 * 1024)], context.options.country).encoding), 'xls', []);
}

/**
 * An Excel 2003 XML spreadsheet (markup-workbook.ts decoded it), read whole: its character references decoded, a
 * file that declares entities refused.
 */
export async function openXmlSpreadsheet(context: ReadContext, size: number, encoding: string): Promise<RawSource> {
  const { file } = context;
  const XLSX = await loadSheetJs();
  const data = await readWhole(context, size);
  const text = decodeCharacterReferences(decodeWhole(data, encoding).replace(/^\uFEFF/, ''));
  // SheetJS expands no entities, but an XML file that declares its own is refused as everywhere else.
  if (/<!ENTITY/i.test(text)) {
    throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${file}' declares XML entities (a DTD), which are not read. Open it in Excel, save it as XLSX or CSV, and upload that.`, { file });
  }
  return readWithSheetJs(XLSX, context, text, 'xls', []);
}

/**
 * Character references SheetJS leaves as they are (`&eacute;`, `&#233;`, `&#x4E2D;`) become their characters; those
 * that stand for markup (`&amp;`, `&lt;`, `&gt;`, quotes) stay for SheetJS, which reads them in cells.
 */
export function decodeCharacterReferences(markup: string): string {
  return markup.replace(/&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi, (reference) => {
    const character = decodeHTML(reference);
    return character === reference || '&<>"\''.includes(character) ? reference : character;
  });
}

async function readWhole(context: ReadContext, size: number): Promise<Buffer> {
  if (size > context.limits.maxWholeFileBytes) {
    throw new AppError('FILE_TOO_LARGE', `'${context.file}' is ${formatBytes(size)}, more than the ${formatBytes(context.limits.maxWholeFileBytes)} this format can be read with. Save it as XLSX or CSV and upload that.`, { file: context.file });
  }
  return readFile(context.path);
}

/**
 * Reads the workbook globals, which come first in the stream: FILEPASS (0x002F) means the rest
 * is encrypted; each BOUNDSHEET (0x0085) gives a sheet's visibility, in sheet order. SheetJS
 * only reports visibility once it has parsed the sheets, which it is asked not to do at first.
 */
export function inspectWorkbookGlobals(workbookStream: Buffer): { isEncrypted: boolean; hiddenSheets: boolean[] } {
  const hiddenSheets: boolean[] = [];
  let offset = 0;
  while (offset + 4 <= workbookStream.length) {
    const type = workbookStream.readUInt16LE(offset);
    const length = workbookStream.readUInt16LE(offset + 2);
    if (type === 0x002f) return { isEncrypted: true, hiddenSheets };
    if (type === 0x0085 && length >= 6 && offset + 9 <= workbookStream.length) hiddenSheets.push(((workbookStream[offset + 8] as number) & 0x03) !== 0);
    if (type === 0x000a) break; // end of the globals
    offset += 4 + length;
  }
  return { isEncrypted: false, hiddenSheets };
}

function readWithSheetJs(XLSX: typeof SheetJs, context: ReadContext, data: Buffer | string, format: SourceFormat, hiddenSheets: readonly boolean[]): RawSource {
  const { file } = context;
  // Text (an XML spreadsheet's String cells) stays as written: raw keeps SheetJS from reading numbers and dates into it.
  const options: SheetJs.ParsingOptions = { type: typeof data === 'string' ? 'string' : 'buffer', raw: typeof data === 'string', dense: true, cellNF: true, cellText: false, cellDates: false, cellFormula: false, cellHTML: false, cellStyles: false };
  const book = parse(() => XLSX.read(data, { ...options, bookSheets: true }), file);
  const sheetNames = book.SheetNames;
  const chosen = chooseSheet(file, sheetNames.map((name, i) => ({ name, isHidden: hiddenSheets[i] === true })), context.options.sheet).name;
  const workbook = parse(() => XLSX.read(data, { ...options, sheets: [chosen], sheetRows: sheetRowsWanted(context) }), file);
  const sheet = workbook.Sheets[chosen];
  const isDate1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const sheetData = sheet?.['!data'] ?? [];
  const progress = { rowsHandedOut: 0 };
  const formats = XLSX.SSF.get_table();
  const rows = sheetRows(sheetData, isDate1904, context, progress, formats);
  return {
    format, encoding: null, encodingConfidence: null, delimiter: null, sheets: sheetNames, hiddenSheets: sheetNames.filter((_, i) => hiddenSheets[i] === true), sheet: chosen,
    rows,
    fractionRead: () => (sheetData.length === 0 ? 1 : Math.min(1, progress.rowsHandedOut / sheetData.length)),
    close: async () => {
      await rows.return?.(undefined);
    },
  };
}

/**
 * The rows a preview needs (those skipped, the title rows and header looked through, its records, and room for empty
 * rows among them), or 0 for all. SheetJS keeps every cell of a sheet it parses: an 11 MB XLS of 65,000 rows needs
 * about 300 MB of heap whole, a preview of it 20 MB.
 */
function sheetRowsWanted({ options }: ReadContext): number {
  return options.recordsWanted === undefined ? 0 : (options.skipTop ?? 0) + options.recordsWanted + PREVIEW_ROW_ROOM;
}
const PREVIEW_ROW_ROOM = 1_000;

function parse(read: () => SheetJs.WorkBook, file: string): SheetJs.WorkBook {
  try {
    return read();
  } catch (error) {
    if (error instanceof Error && /password|encrypt/i.test(error.message)) throw encryptedError(file);
    throw unreadable(file, 'it is damaged or in a form that cannot be read', error);
  }
}

type FormatTable = ReturnType<typeof SheetJs.SSF.get_table>;

async function* sheetRows(data: (SheetJs.CellObject | undefined)[][], isDate1904: boolean, { limits }: ReadContext, progress: { rowsHandedOut: number }, formats: FormatTable): AsyncGenerator<SourceRecord[]> {
  let batch: SourceRecord[] = [];
  for (let r = 0; r < data.length; r++) {
    progress.rowsHandedOut = r;
    const cells = data[r];
    if (!cells) continue;
    const line = r + 1;
    const values: string[] = [];
    const problems: string[] = [];
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const text = cellText(cell, isDate1904, formats);
      if (text === '') continue;
      if (c >= limits.maxColumns) {
        problems.push(`Row ${line} has a value in column ${c + 1}, beyond the limit of ${limits.maxColumns} columns.`);
        break;
      }
      while (values.length < c) values.push('');
      if (text.length > limits.maxCellLength) {
        problems.push(`Row ${line}, column ${c + 1}: the value is ${text.length} characters long, more than the limit of ${limits.maxCellLength}.`);
        values.push(text.slice(0, limits.maxCellLength));
      } else {
        values.push(text);
      }
    }
    batch.push(problems.length === 0 ? { line, values } : { line, values, error: problems.join(' ') });
    if (batch.length >= ROWS_PER_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function cellText(cell: SheetJs.CellObject, isDate1904: boolean, formats: FormatTable): string {
  switch (cell.t) {
    case 's':
      return String(cell.v ?? '');
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'n':
      return typeof cell.v === 'number' ? formatNumberCell(cell.v, formatOf(cell, formats), isDate1904) : String(cell.v ?? '');
    case 'e':
      return cell.w ?? (typeof cell.v === 'number' ? (ERROR_TEXTS.get(cell.v) ?? '#ERROR') : '#ERROR');
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 19).replace(/T00:00:00$/, '') : String(cell.v ?? '');
    case 'z':
      return '';
    default:
      return typeof cell.v === 'number' ? formatGeneralNumber(cell.v) : String(cell.v ?? '');
  }
}

function formatOf(cell: SheetJs.CellObject, formats: FormatTable): string | undefined {
  return typeof cell.z === 'string' ? cell.z : typeof cell.z === 'number' ? formats[cell.z] : undefined;
}

function unreadable(file: string, why: string, cause: unknown): AppError {
  const detail = cause instanceof Error ? ` (${cause.message})` : '';
  return new AppError('FILE_UNREADABLE', `'${file}' could not be read: ${why}${detail}. Open it in your spreadsheet program, save it again as XLSX, and upload that.`, { file }, { cause });
}
