// Reads an XLSX workbook as a stream of rows: the small parts (workbook, relationships, styles,
// shared strings) are read first, then the chosen sheet's XML is parsed as it inflates, so a
// 1M-row sheet never sits in memory whole.

import { AppError } from '../../shared/app-error.js';
import type { RawSource, ReadContext } from './source-types.js';
import { chooseSheet, streamPartRows } from './workbook-sheets.js';
import { SharedStringTable } from './shared-string-table.js';
import { createSheetRowCollector } from './xlsx-sheet-rows.js';
import { parseRelationships, parseStyles, parseWorkbookXml, readSharedStrings, type Relationship } from './xlsx-workbook.js';
import type { ZipArchive } from './zip-archive.js';

const MAX_METADATA_BYTES = 64 * 1024 * 1024;
const OFFICE_DOCUMENT = /\/officeDocument$/;

export async function openXlsx(context: ReadContext, zip: ZipArchive): Promise<RawSource> {
  const { file } = context;
  const workbookPart = await findWorkbookPart(zip, file);
  if (workbookPart.toLowerCase().endsWith('.bin')) {
    throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${file}' is an Excel binary workbook (XLSB), which is not supported. Save it as XLSX (Excel Workbook) or CSV and upload that.`, { file });
  }
  const folder = workbookPart.includes('/') ? workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1) : '';
  const workbook = parseWorkbookXml(await zip.read(workbookPart, MAX_METADATA_BYTES), file, workbookPart);
  const relsPart = `${folder}_rels/${workbookPart.slice(folder.length)}.rels`;
  const relationships = zip.has(relsPart)
    ? parseRelationships(await zip.read(relsPart, MAX_METADATA_BYTES), file, relsPart, folder)
    : new Map<string, Relationship>();

  const worksheets = workbook.sheets
    .map((sheet) => ({ ...sheet, part: worksheetPart(sheet.relationshipId, relationships, folder, workbook.sheets.indexOf(sheet)) }))
    .filter((sheet): sheet is typeof sheet & { part: string } => sheet.part !== null && zip.has(sheet.part));
  if (worksheets.length === 0) {
    throw new AppError('FILE_EMPTY', `'${file}' has no worksheet to read.`, { file });
  }
  const sheetNames = worksheets.map((sheet) => sheet.name);
  const chosen = chooseSheet(file, worksheets, context.options.sheet);

  const stylesPart = partOfType(relationships, 'styles');
  const styleFormats = stylesPart && zip.has(stylesPart) ? parseStyles(await zip.read(stylesPart, MAX_METADATA_BYTES), file, stylesPart) : [];
  const stringsPart = partOfType(relationships, 'sharedStrings');
  const sharedStrings = stringsPart && zip.has(stringsPart) ? await readSharedStrings(zip.stream(stringsPart), file, stringsPart) : new SharedStringTable();

  const { limits } = context;
  const sheetPart = chosen.part;
  const declared = Math.max(1, zip.sizeOf(sheetPart));
  let inflated = 0;
  const readRows = () => streamPartRows(() => zip.stream(sheetPart), file, sheetPart, (rows) => createSheetRowCollector({
    sharedStrings, styleFormats, isDate1904: workbook.isDate1904, maxColumns: limits.maxColumns, maxCellLength: limits.maxCellLength,
  }, rows), (bytes) => (inflated += bytes));

  return {
    format: 'xlsx',
    encoding: null,
    encodingConfidence: null,
    delimiter: null,
    sheets: sheetNames,
    hiddenSheets: worksheets.filter((sheet) => sheet.isHidden).map((sheet) => sheet.name),
    sheet: chosen.name,
    rows: readRows(),
    fractionRead: () => Math.min(1, inflated / declared),
    close: async () => zip.close(),
  };
}

async function findWorkbookPart(zip: ZipArchive, file: string): Promise<string> {
  if (zip.has('_rels/.rels')) {
    const rootRelationships = parseRelationships(await zip.read('_rels/.rels', MAX_METADATA_BYTES), file, '_rels/.rels', '');
    for (const relationship of rootRelationships.values()) {
      if (OFFICE_DOCUMENT.test(relationship.type) && zip.has(relationship.target)) return relationship.target;
    }
  }
  for (const candidate of ['xl/workbook.xml', 'xl/workbook.bin']) if (zip.has(candidate)) return candidate;
  throw new AppError('FILE_UNREADABLE', `'${file}' is damaged: it has no workbook part. Save it again from your spreadsheet program as XLSX.`, { file });
}

function worksheetPart(relationshipId: string, relationships: Map<string, Relationship>, folder: string, position: number): string | null {
  const relationship = relationships.get(relationshipId);
  if (relationship) return /\/worksheet$/.test(relationship.type) ? relationship.target : null;
  // Some writers leave out the relationships; fall back on the conventional name.
  return relationships.size === 0 ? `${folder}worksheets/sheet${position + 1}.xml` : null;
}

function partOfType(relationships: Map<string, Relationship>, type: string): string | undefined {
  for (const relationship of relationships.values()) {
    if (relationship.type.endsWith(`/${type}`)) return relationship.target;
  }
  return undefined;
}
