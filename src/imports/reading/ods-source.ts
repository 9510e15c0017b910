// Reads an ODS workbook as a stream of rows, like XLSX: one pass over content.xml finds the sheets
// (and hidden ones), a second parses the chosen sheet's rows as content.xml inflates and stops
// at its end, so a big sheet never sits in memory whole and a preview reads little of it.

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
  const { file, limits } = context;
  if (zip.has('META-INF/manifest.xml') && (await zip.read('META-INF/manifest.xml', MAX_MANIFEST_BYTES)).includes('encryption-data')) {
    throw encryptedError(file);
  }
  if (!zip.has(CONTENT_PART)) {
    throw new AppError('FILE_UNREADABLE', `'${file}' is damaged: it has no ${CONTENT_PART}. Save it again from your spreadsheet program.`, { file });
  }
  const outline = await readOdsOutline(zip.stream(CONTENT_PART), file, CONTENT_PART);
  if (outline.sheets.length === 0) throw new AppError('FILE_EMPTY', `'${file}' has no sheet to read.`, { file });
  const sheetNames = outline.sheets.map((sheet) => sheet.name);
  const chosen = chooseSheet(file, outline.sheets, context.options.sheet);

  const tableIndex = outline.sheets.indexOf(chosen);
  const declared = Math.max(1, zip.sizeOf(CONTENT_PART));
  let inflated = 0;
  const readRows = () => streamPartRows(zip, file, CONTENT_PART, (rows) => createOdsRowCollector({
    tableIndex, temporalStyles: outline.temporalStyles, nullDate: outline.nullDate, maxColumns: limits.maxColumns, maxCellLength: limits.maxCellLength,
  }, rows), (bytes) => (inflated += bytes));

  return {
    format: 'ods',
    encoding: null,
    encodingConfidence: null,
    delimiter: null,
    sheets: sheetNames,
    sheet: chosen.name,
    rows: readRows(),
    fractionRead: () => Math.min(1, inflated / declared),
    close: async () => zip.close(),
  };
}
