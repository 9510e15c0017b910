// Opens any supported file (CSV/TSV/TXT, XLSX, XLS, ODS, and the web pages and XML files that Excel or LibreOffice
// open as spreadsheets) as one kind of record source.

import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../shared/app-error.js';
import { openCsv } from './csv-source.js';
import { detectContainer, fileExtension } from './format-detection.js';
import { assembleSource } from './record-assembly.js';
import { openFlatOds, openOds } from './ods-source.js';
import { MAX_XML_SPREADSHEET_BYTES, openMarkupWorkbook } from './markup-workbook.js';
import { openBareBiff, openLegacySheet, openOleWorkbook } from './sheetjs-source.js';
import { DEFAULT_READ_LIMITS, type OpenedSource, type RawSource, type ReadContext, type ReadLimits, type ReadOptions } from './source-types.js';
import { openXlsx } from './xlsx-source.js';
import { openZip, type ZipArchive } from './zip-archive.js';
import { NO_FILE, gzippedName, unpackGzip, unpackSingleEntry, type UnpackedFile } from './archived-file.js';

const HEAD_BYTES = 64 * 1024;
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

export async function openSource(path: string, options: ReadOptions = {}): Promise<OpenedSource> {
  const context = createContext(path, options);
  const raw = await openRaw(context);
  return assembleSource(raw, context);
}

function createContext(path: string, options: ReadOptions): ReadContext {
  const file = options.displayName ?? basename(path);
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS };
  for (const [key, value] of Object.entries(options.limits ?? {}) as [keyof ReadLimits, unknown][]) {
    if (!Object.hasOwn(DEFAULT_READ_LIMITS, key)) continue;
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value > 0)) throw new AppError('BAD_USAGE', `The read limit ${key} must be a positive number (got ${String(value)}).`);
    limits[key] = value;
  }
  const skipTop = options.skipTop ?? 0;
  if (!Number.isInteger(skipTop) || skipTop < 0) {
    throw new AppError('BAD_INPUT', `"Skip top" must be a whole number of records, 0 or more (got ${String(options.skipTop)}).`, { file });
  }
  return { path, file, limits, options };
}

async function openRaw(context: ReadContext): Promise<RawSource> {
  const { path, file } = context;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new AppError('FILE_UNREADABLE', `'${file}' is not a file.`, { file });
    size = info.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('FILE_NOT_FOUND', `'${file}' was not found. Upload it again.`, { file });
    throw new AppError('FILE_UNREADABLE', `'${file}' could not be opened (${code ?? String(error)}).`, { file }, { cause: error });
  }
  if (size === 0) throw new AppError('FILE_EMPTY', `'${file}' is empty (0 bytes). Upload a file with a header row and data.`, { file });

  const handle = await open(path, 'r');
  let isHandedOver = false;
  try {
    const head = await readHead(handle, size);
    const kind = detectContainer(head, file);
    if (kind === 'gzip') {
      refuseNestedArchive(context);
      return await openUnpacked(context, await unpackGzip(context, size));
    }
    if (kind === 'text') {
      const source = await openCsv(context, handle, size, head);
      isHandedOver = true;
      return source;
    }
    if (kind === 'ole') return await openOleWorkbook(context, size);
    if (kind === 'biff') return await openBareBiff(context, size);
    if (kind === 'legacy') return await openLegacySheet(context, size);
    if (kind === 'markup') return await openMarkupWorkbook(context, size, head);
    if (kind === 'flat-ods') return await openFlatOds(context, size);
    return await openZipped(context);
  } finally {
    if (!isHandedOver) await handle.close();
  }
}

/** The first HEAD_BYTES of a file (all of a smaller one): what its kind is told from. */
async function readHead(handle: FileHandle, size: number): Promise<Buffer> {
  const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  return head.subarray(0, bytesRead);
}

/**
 * The heap (MB) a thread needs to read a file whole, or 0 for one that is streamed: an XLS or an XML spreadsheet is
 * parsed whole by SheetJS, about 26 MB of heap for each MB of an XLS (measured: 300 MB for 11 MB), 40 here for room.
 * A file that cannot be opened or told needs nothing here: reading it reports why.
 */
export async function wholeReadHeapMb(path: string, displayName?: string): Promise<number> {
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const name = displayName ?? basename(path);
      const kind = detectContainer(await readHead(handle, size), name);
      if (kind === 'gzip' || kind === 'zip') return await archivedReadHeapMb(path, name, kind, handle, size);
      if (kind === 'ole' || kind === 'biff' || kind === 'legacy') return wholeReadHeap(size, 'sheet');
      // A web page is streamed; an XML spreadsheet is read whole.
      return kind === 'markup' ? wholeReadHeap(size, 'xml') : 0;
    } finally {
      await handle.close();
    }
  } catch {
    return 0;
  }
}
const WHOLE_READ_HEAP_PER_MB = 40;
/** Names of the formats read whole, for a file inside an archive (told by its name: it is not taken out to be told). */
const WHOLE_READ_EXTENSIONS = new Set(['xls', 'xlt', 'slk', 'dif', 'dbf', 'xml']);

/**
 * The heap to read the file in a gzip file or a zip archive of one file: as for that file, by its name and inflated
 * size (gzip's trailer keeps it, modulo 4 GiB; a zip's directory declares it).
 */
async function archivedReadHeapMb(path: string, name: string, kind: 'gzip' | 'zip', handle: FileHandle, size: number): Promise<number> {
  let inner: { name: string; size: number } | null = null;
  if (kind === 'gzip' && size >= 4) {
    const trailer = Buffer.alloc(4);
    await handle.read(trailer, 0, 4, size - 4);
    inner = { name: gzippedName(name), size: trailer.readUInt32LE(0) };
  } else if (kind === 'zip') {
    const zip = await openZip(createContext(path, { displayName: name }));
    try {
      const files = (await zippedKind(zip, name)) === 'archive' ? zip.names.filter((entry) => !NO_FILE.test(entry)) : [];
      inner = files.length === 1 ? { name: files[0] as string, size: zip.sizeOf(files[0] as string) } : null;
    } finally {
      zip.close();
    }
  }
  const extension = inner === null ? '' : fileExtension(inner.name);
  if (inner === null || !WHOLE_READ_EXTENSIONS.has(extension)) return 0;
  return wholeReadHeap(inner.size, extension === 'xml' ? 'xml' : 'sheet');
}

/** The heap (MB) for `bytes` of a file SheetJS reads whole: a sheet format, or an XML spreadsheet (at most its cap). */
function wholeReadHeap(bytes: number, kind: 'sheet' | 'xml'): number {
  const read = kind === 'xml' ? Math.min(bytes, MAX_XML_SPREADSHEET_BYTES) : bytes;
  return Math.ceil((read / 1024 ** 2) * (kind === 'xml' ? XML_SPREADSHEET_HEAP_PER_MB : WHOLE_READ_HEAP_PER_MB)) + 64;
}
/** SheetJS needs about 50 times an XML spreadsheet's size in memory, much of it outside the heap. */
const XML_SPREADSHEET_HEAP_PER_MB = 64;

async function openZipped(context: ReadContext): Promise<RawSource> {
  const zip = await openZip(context);
  let unpacked: UnpackedFile;
  try {
    const kind = await zippedKind(zip, context.file);
    if (kind === 'ods') return await openOds(context, zip);
    if (kind === 'xlsx') return await openXlsx(context, zip);
    refuseNestedArchive(context);
    unpacked = await unpackSingleEntry(context, zip);
  } catch (error) {
    zip.close();
    throw error;
  }
  zip.close();
  return openUnpacked(context, unpacked);
}

/** The file taken out of an archive, read as if uploaded itself, named for messages as in it; removed once closed. */
async function openUnpacked(context: ReadContext, unpacked: UnpackedFile): Promise<RawSource> {
  const inner: ReadContext = { ...context, path: unpacked.path, file: `${unpacked.name} (in ${context.file})`, archive: context.file };
  let raw: RawSource;
  try {
    raw = await openRaw(inner);
  } catch (error) {
    await unpacked.remove();
    throw error;
  }
  return {
    ...raw,
    close: async () => {
      try {
        await raw.close();
      } finally {
        await unpacked.remove();
      }
    },
  };
}

/** An archive inside an archive is not opened: one level is what people send; more is how zip bombs are made. */
function refuseNestedArchive({ file, archive }: ReadContext): void {
  if (archive === undefined) return;
  throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${file}' is an archive inside the archive '${archive}'. Upload the CSV or spreadsheet itself, or an archive of it alone.`, { file });
}

async function zippedKind(zip: ZipArchive, file: string): Promise<'xlsx' | 'ods' | 'archive'> {
  if (zip.has('mimetype')) {
    const mimetype = (await zip.read('mimetype', 1024)).toString('latin1').trim();
    if (mimetype === ODS_MIMETYPE || mimetype === `${ODS_MIMETYPE}-template`) return 'ods';
    if (mimetype.startsWith('application/vnd.oasis.opendocument.')) {
      throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${file}' is an OpenDocument file but not a spreadsheet (${mimetype}). Upload a spreadsheet or a CSV file.`, { file });
    }
  }
  if (zip.has('[Content_Types].xml') || zip.has('xl/workbook.xml') || zip.has('xl/workbook.bin')) {
    if (zip.has('word/document.xml') || zip.has('ppt/presentation.xml')) {
      throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${file}' is a Word or PowerPoint document, not a spreadsheet. Upload a CSV, XLSX, XLS or ODS file.`, { file });
    }
    return 'xlsx';
  }
  if (zip.has('content.xml')) return 'ods';
  if (zip.has('Index/Document.iwa')) {
    throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${file}' is an Apple Numbers document. In Numbers, choose File → Export To → Excel (or CSV), and upload that.`, { file });
  }
  return 'archive';
}
