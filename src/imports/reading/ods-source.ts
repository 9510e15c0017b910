// Reads an ODS workbook as a stream of rows, like XLSX: one pass over content.xml finds the sheets
// (and hidden ones), a second parses the chosen sheet's rows as content.xml inflates and stops
// at its end, so a big sheet never sits in memory whole and a preview reads little of it.

import { AppError } from '../../shared/app-error.js';
import { readOdsOutline } from './ods-outline.js';
import { createOdsRowCollector } from './ods-table-rows.js';
import { encryptedError } from './sheetjs-source.js';
import type { RawSource, ReadContext, SourceRecord } from './source-types.js';
import { createXmlFeeder } from './xml-events.js';
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
  const wanted = context.options.sheet;
  const chosen = wanted === undefined
    ? (outline.sheets.find((sheet) => !sheet.isHidden) ?? outline.sheets[0])
    : (outline.sheets.find((sheet) => sheet.name === wanted) ?? outline.sheets.find((sheet) => sheet.name.trim().toLowerCase() === wanted.trim().toLowerCase()));
  if (!chosen) {
    throw new AppError('SHEET_NOT_FOUND', `'${file}' has no sheet named '${wanted}'. Its sheets are: ${sheetNames.map((name) => `'${name}'`).join(', ')}.`, { file, sheets: sheetNames });
  }

  const tableIndex = outline.sheets.indexOf(chosen);
  const declared = Math.max(1, zip.sizeOf(CONTENT_PART));
  let inflated = 0;
  async function* readRows(): AsyncGenerator<SourceRecord[]> {
    // The collector pushes onto `rows`; splice(0) hands those over and empties it in place.
    const rows: SourceRecord[] = [];
    const collector = createOdsRowCollector({ tableIndex, temporalStyles: outline.temporalStyles, nullDate: outline.nullDate, maxColumns: limits.maxColumns, maxCellLength: limits.maxCellLength }, rows);
    const feeder = createXmlFeeder(file, CONTENT_PART, collector);
    for await (const chunk of zip.stream(CONTENT_PART)) {
      feeder.write(chunk);
      inflated += chunk.length;
      if (rows.length > 0) yield rows.splice(0);
      if (collector.isDone()) return;
    }
    feeder.end();
    if (rows.length > 0) yield rows.splice(0);
  }

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
