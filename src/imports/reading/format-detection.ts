// Decides how to read a file from its first bytes (magic numbers) first and its extension second,
// refusing early what is clearly no spreadsheet or text (PDF, images, archives, a renamed file).

import { AppError } from '../../shared/app-error.js';

/**
 * zip: XLSX or ODS (decided by content); ole: XLS or encrypted OOXML; biff: bare BIFF2–4; markup: a web page (HTML
 * tables) or an Excel 2003 XML spreadsheet, as web applications' "Export to Excel" write them (mostly as .xls);
 * flat-ods: an OpenDocument spreadsheet in one XML file (.fods); legacy: SYLK, DIF, SocialCalc, dBASE (isLegacySheet); text: CSV;
 * gzip: a compressed file (archived-file.ts), zip also a zip archive of one list.
 */
export type ContainerKind = 'zip' | 'gzip' | 'ole' | 'biff' | 'markup' | 'flat-ods' | 'legacy' | 'text';

/** dBASE's first byte: the version of the table (III, IV, 5, FoxPro, Visual FoxPro, with or without memos). */
const DBASE_VERSIONS: readonly number[] = [0x02, 0x03, 0x04, 0x05, 0x30, 0x31, 0x32, 0x43, 0x63, 0x7b, 0x83, 0x8b, 0x8e, 0xcb, 0xf5, 0xfb];

/**
 * The older sheet formats Excel still opens and SheetJS reads whole: SYLK (`ID;P…` then cell records), DIF
 * (`TABLE` / `0,1`), SocialCalc, and dBASE tables (.dbf, FoxPro's too). Told by content, and a dBASE table by its
 * name as well (its header is a few bytes anything could start with).
 */
function isLegacySheet(head: Uint8Array, extension: string): boolean {
  const text = new TextDecoder('latin1').decode(head.subarray(0, 4096));
  if (/^ID;P[^\r\n]*\r?\n/.test(text) && /^C;(?:Y\d+;)?(?:X\d+;)?K/m.test(text)) return true;
  if (/^TABLE\r?\n0,1\r?\n/.test(text) || text.startsWith('socialcalc:version:')) return true;
  if (extension === 'dbf' && head.length >= 32 && DBASE_VERSIONS.includes(head[0] as number)) {
    const headerBytes = (head[8] as number) | ((head[9] as number) << 8);
    const recordBytes = (head[10] as number) | ((head[11] as number) << 8);
    return headerBytes >= 33 && recordBytes >= 1;
  }
  return false;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const BINARY_SIGNATURES: readonly { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
  { bytes: [0x42, 0x5a, 0x68], what: 'a bzip2 archive' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a], what: 'an xz archive' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program' },
];
const SHEET_EXTENSIONS: ReadonlyMap<string, string> = new Map([
  ['xlsx', 'XLSX'], ['xlsm', 'XLSX'], ['xltx', 'XLSX'], ['xltm', 'XLSX'], ['ods', 'ODS'], ['ots', 'ODS'], ['xlsb', 'XLSB'],
]);

export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function detectContainer(head: Uint8Array, file: string): ContainerKind {
  const extension = fileExtension(file);
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(head, OLE_MAGIC)) return 'ole';
  if (extension === 'xls' && isBareBiff(head)) return 'biff';
  if (isLegacySheet(head, extension)) return 'legacy';
  if (head.length >= 262 && new TextDecoder('latin1').decode(head.subarray(257, 262)) === 'ustar') {
    throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${file}' is a tar archive, not a spreadsheet. Take the CSV or spreadsheet out of it and upload that (a zip or gzip file of one list is read).`, { file });
  }
  for (const signature of BINARY_SIGNATURES) {
    if (startsWith(head, signature.bytes)) {
      throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${file}' is ${signature.what}, not a spreadsheet. Upload a CSV, TSV, TXT, XLSX, XLS or ODS file.`, { file });
    }
  }
  const expected = SHEET_EXTENSIONS.get(extension);
  if (expected !== undefined) {
    throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${file}' is named .${extension} but is not an ${expected} file (it is not a zip archive): it may be damaged or renamed. Open it in your spreadsheet program, save it as ${expected === 'XLSB' ? 'XLSX' : expected}, and upload it again.`, { file });
  }
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : null;
  const textOf = (bytes: Uint8Array) => new TextDecoder(utf16 ?? 'latin1').decode(bytes).replace(/^\uFEFF|^\u00ef\u00bb\u00bf/, '').trimStart();
  const lower = textOf(head.subarray(0, 1024)).toLowerCase();
  // Excel opens such a file (after a warning) whatever its name: web applications name them .xls, Excel itself
  // names an XML spreadsheet .xml, a browser a page .htm or .html.
  if (/^<(!doctype html|html|table|\?xml[^>]*>\s*<\?mso-application|\?xml[^>]*>\s*<workbook)/.test(lower) || (extension === 'xls' && lower.startsWith('<'))) return 'markup';
  // Google Drive's shortcut to a sheet: a line of JSON with its address, not its data.
  if (/^\{\s*"url"\s*:\s*"https:\/\/docs\.google\.com\/spreadsheets\//.test(lower)) {
    throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${file}' is a Google Sheets shortcut, not the sheet's data. Open the sheet, choose File → Download → Microsoft Excel (.xlsx) or CSV, and upload that.`, { file });
  }
  // Address books and calendars are exported as text that reads as a one-column CSV of garbage.
  if (lower.startsWith('begin:vcard')) {
    throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${file}' is a vCard file (address-book contacts), not a list. Export the contacts as CSV instead (Google Contacts: Export → Google CSV; Outlook: Export to a file → Comma Separated Values) and upload that.`, { file });
  }
  if (lower.startsWith('begin:vcalendar')) {
    throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${file}' is a calendar (iCalendar) file, not a list. Upload a CSV, TSV, TXT, XLSX, XLS or ODS file.`, { file });
  }
  // A table saved from a word processor (or a CRM's "export to Word") as Rich Text: its cells are markup.
  if (lower.startsWith('{\\rtf')) {
    throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${file}' is an RTF document (a word processor's), not a list. Copy its table into a spreadsheet, save that as XLSX or CSV, and upload it.`, { file });
  }
  if (extension === 'json' || /^(?:\[\s*)?\{\s*"/.test(lower)) {
    throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${file}' is a JSON file, not a spreadsheet. Export the list as CSV or XLSX from the program that made it, and upload that.`, { file });
  }
  if (lower.startsWith('<?xml')) {
    // A flat ODS names its kind on its root element, after namespace declarations that can fill the first 1,024 bytes.
    const document = /^<\?xml[^>]*>\s*(?:<!--(?:(?!-->)[\s\S])*-->\s*)*<office:document[\s>][^>]*?office:mimetype\s*=\s*["']([^"']*)["']/.exec(textOf(head));
    if (document?.[1] === 'application/vnd.oasis.opendocument.spreadsheet') return 'flat-ods';
    // Gnumeric's own workbook (gzipped XML, so it reaches here as the file inside).
    if (/<gnm:Workbook[\s>]/.test(textOf(head))) {
      throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${file}' is a Gnumeric workbook. Open it in Gnumeric, save it as XLSX or ODS (File → Save As), and upload that.`, { file });
    }
    const what = document ? `an OpenDocument file but not a spreadsheet (${document[1]})` : 'an XML file, but neither an Excel 2003 XML spreadsheet nor a flat OpenDocument spreadsheet';
    throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${file}' is ${what}. Upload a CSV, TSV, TXT, XLSX, XLS or ODS file.`, { file });
  }
  return 'text';
}

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  return head.length >= bytes.length && bytes.every((byte, i) => head[i] === byte);
}

/** BIFF2–4 worksheets start with a BOF record: 0x0009, 0x0209, 0x0409 or 0x0809. */
function isBareBiff(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(head[1] as number) && (head[2] as number) < 0x40 && head[3] === 0;
}
