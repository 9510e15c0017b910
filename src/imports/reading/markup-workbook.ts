// An .xls that is really a web page or an Excel 2003 XML spreadsheet, as web applications' "Export to Excel" write
// them (Excel opens both, after a warning): its encoding told from its BOM, its <meta charset> or XML declaration,
// else from its text outside the tags (or the one the user chose); then a web page goes to html-table-source.ts
// (streamed), an XML spreadsheet to SheetJS (read whole, so only a small one).

import { AppError } from '../../shared/app-error.js';
import { detectEncoding, encodingFromBom } from './encoding-detection.js';
import { openHtmlWorkbook } from './html-table-source.js';
import { openXmlSpreadsheet } from './sheetjs-source.js';
import type { RawSource, ReadContext } from './source-types.js';
import { createChunkDecoder, isKnownEncoding } from './text-decoding.js';
import { formatBytes } from './zip-archive.js';

/**
 * An .xls that is a web page (HTML tables: streamed, html-table-source.ts) or an Excel 2003 XML spreadsheet (read
 * whole by SheetJS, which is why such a file may be no bigger than MAX_XML_SPREADSHEET_BYTES).
 */
export async function openMarkupWorkbook(context: ReadContext, size: number, head: Uint8Array): Promise<RawSource> {
  const { file, options } = context;
  if (options.encoding !== undefined && !isKnownEncoding(options.encoding)) {
    throw new AppError('ENCODING_INVALID', `'${options.encoding}' is not an encoding that can be read. Use a name such as utf-8, utf-16le, gb18030, big5, shift_jis, euc-kr or windows-1252.`, { file });
  }
  const detected = options.encoding === undefined ? markupEncoding(head, options.country) : { encoding: options.encoding.toLowerCase(), confidence: null };
  const headText = createChunkDecoder(detected.encoding).decode(head).text.replace(/^\uFEFF/, '').trimStart();
  const isXmlSpreadsheet = /^<\?xml/i.test(headText) && /<\?mso-application\s+progid="Excel\.Sheet"|<(?:ss:)?Workbook[\s>]|urn:schemas-microsoft-com:office:spreadsheet/.test(headText);
  if (!isXmlSpreadsheet) return openHtmlWorkbook(context, size, detected.encoding, detected.confidence);

  if (size > MAX_XML_SPREADSHEET_BYTES) {
    throw new AppError('FILE_TOO_LARGE', `'${file}' is an Excel 2003 XML spreadsheet of ${formatBytes(size)}; such a file is read whole, and only up to ${formatBytes(MAX_XML_SPREADSHEET_BYTES)}. Open it in Excel, save it as XLSX or CSV, and upload that.`, { file });
  }
  return { ...(await openXmlSpreadsheet(context, size, detected.encoding)), encoding: detected.encoding, encodingConfidence: detected.confidence };
}

/** SheetJS needs about 50 times an XML spreadsheet's size in memory: 4 MiB is about 25,000 rows of 5 cells. */
export const MAX_XML_SPREADSHEET_BYTES = 4 * 1024 * 1024;

/** The encoding a web page or XML file declares (BOM, `<meta charset>`, `<?xml encoding?>`), else the one detected. */
export function markupEncoding(data: Uint8Array, country?: string): { encoding: string; confidence: number | null } {
  const bom = encodingFromBom(data);
  if (bom) return { encoding: bom, confidence: 1 };
  const head = Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, 4096)).toString('latin1');
  const declared = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (declared !== undefined && isKnownEncoding(declared)) return { encoding: declared.toLowerCase(), confidence: 1 };
  return detectEncoding([textBytesOf(data)], country);
}

/**
 * The bytes of a page outside its tags, a line each: what the encoding is told from (the markup is ASCII, and would
 * drown a few names in another script). '<' and '>' are never part of a multi-byte character in the encodings detected.
 */
function textBytesOf(data: Uint8Array): Uint8Array {
  const text = new Uint8Array(data.length);
  let length = 0;
  let isInTag = false;
  for (const byte of data) {
    if (byte === 0x3c) {
      // A tag becomes a line end: the text keeps lines, and cells stay apart.
      if (!isInTag && length > 0 && text[length - 1] !== 0x0a) text[length++] = 0x0a;
      isInTag = true;
    } else if (byte === 0x3e && isInTag) isInTag = false;
    else if (!isInTag) text[length++] = byte;
  }
  return text.subarray(0, length);
}
