// Reads an ODS workbook as a stream of rows, like XLSX: one pass over content.xml finds the sheets
// (and hidden ones), a second parses the chosen sheet's rows as content.xml inflates and stops
// at its end, so a big sheet never sits in memory whole and a preview reads little of it.
// A flat ODS (.fods: the same document as one XML file) is read the same way, straight from the file.

import { createReadStream } from 'node:fs';
import { AppError } from '../../shared/app-error.js';
import { readOdsOutline } from './ods-outline.js';
import { createOdsRowCollector } from './ods-table-rows.js';
import { encryptedError } from './sheetjs-source.js';
import type { RawSource, ReadContext } from './source-types.js';
import { chooseSheet, streamPartRows } from './workbook-sheets.js';
import type { ZipArchive } from './zip-archive.js';

const CONTENT_PART = 'content.xml';
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export async function openOds(context: ReadContext, zip: ZipArchive): Promise<RawSource> {
  const { file } = context;
  if (zip.has('META-INF/manifest.xml') && (await zip.read('META-INF/manifest.xml', MAX_MANIFEST_BYTES)).includes('encryption-data')) {
    throw encryptedError(file);
  }
  if (!zip.has(CONTENT_PART)) {
    throw new AppError('FILE_UNREADABLE', `'${file}' is damaged: it has no ${CONTENT_PART}. Save it again from your spreadsheet program.`, { file });
  }
  return openOdsContent(context, () => zip.stream(CONTENT_PART), CONTENT_PART, zip.sizeOf(CONTENT_PART), async () => zip.close());
}

/** A flat ODS: the document (always UTF-8, as LibreOffice writes it) read from the file, twice like content.xml. */
export async function openFlatOds(context: ReadContext, size: number): Promise<RawSource> {
  return openOdsContent(context, () => createReadStream(context.path, { highWaterMark: 256 * 1024 }), 'document', size, async () => {});
}

async function openOdsContent(context: ReadContext, chunks: () => AsyncIterable<Buffer>, part: string, size: number, close: () => Promise<void>): Promise<RawSource> {
  const { file, limits } = context;
  const outline = await readOdsOutline(chunks(), file, part);
  if (outline.sheets.length === 0) throw new AppError('FILE_EMPTY', `'${file}' has no sheet to read.`, { file });
  const chosen = chooseSheet(file, outline.sheets, context.options.sheet);

  const tableIndex = outline.sheets.indexOf(chosen);
  const declared = Math.max(1, size);
  let read = 0;
  const readRows = () => streamPartRows(chunks, file, part, (rows) => createOdsRowCollector({
    tableIndex, temporalStyles: outline.temporalStyles, nullDate: outline.nullDate, maxColumns: limits.maxColumns, maxCellLength: limits.maxCellLength,
  }, rows), (bytes) => (read += bytes));

  return {
    format: 'ods',
    encoding: null,
    encodingConfidence: null,
    delimiter: null,
    sheets: outline.sheets.map((sheet) => sheet.name),
    hiddenSheets: outline.sheets.filter((sheet) => sheet.isHidden).map((sheet) => sheet.name),
    sheet: chosen.name,
    rows: readRows(),
    fractionRead: () => Math.min(1, read / declared),
    close,
  };
}
