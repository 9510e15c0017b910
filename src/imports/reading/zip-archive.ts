// Opens a zip (XLSX, ODS) defensively: refuses absurd entry counts, unsafe entry names and
// declared sizes or ratios of a zip bomb before anything is inflated, and caps inflation while
// reading, since declared sizes can lie.

import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../../shared/app-error.js';
import type { ReadContext, ReadLimits } from './source-types.js';

export type ZipArchive = {
  /** Entry names as stored. */
  names: string[];
  /** Declared inflated size of an entry (0 when missing). */
  sizeOf(name: string): number;
  /** Whether an entry exists (OPC part names are case-insensitive; a leading `/` is ignored). */
  has(name: string): boolean;
  /** Inflated bytes of an entry, at most `maxBytes`. */
  read(name: string, maxBytes: number): Promise<Buffer>;
  /** Inflated chunks of an entry, under the archive's inflation caps. */
  stream(name: string): AsyncIterable<Buffer>;
  close(): void;
};

/** Entries at least this big must respect the compression-ratio limit. */
const RATIO_CHECK_FROM_BYTES = 1024 * 1024;

export async function openZip(context: ReadContext): Promise<ZipArchive> {
  const { file, limits } = context;
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(context.path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, zipfile) => {
      if (error) reject(damaged(file, error));
      else resolve(zipfile);
    });
  });
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      throw new AppError('ZIP_BOMB', `'${file}' holds ${zip.entryCount.toLocaleString('en-US')} entries, more than the ${limits.maxZipEntries.toLocaleString('en-US')} a spreadsheet needs; it was refused as unsafe.`, { file });
    }
    const entries = await readEntries(zip, file);
    checkDeclaredSizes(entries, context);
    return archiveOver(zip, entries, context);
  } catch (error) {
    zip.close();
    throw error;
  }
}

function readEntries(zip: yauzl.ZipFile, file: string): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      const unsafe = unsafeName(entry.fileName);
      if (unsafe) {
        reject(new AppError('FILE_UNREADABLE', `'${file}' contains an entry with an unsafe name ('${entry.fileName}': ${unsafe}); it was refused. Save the workbook again from your spreadsheet program.`, { file }));
        return;
      }
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => {
      if (/relative path|absolute path|invalid characters in fileName/i.test(error.message)) {
        reject(new AppError('FILE_UNREADABLE', `'${file}' contains an entry with an unsafe name (${error.message}); it was refused. Save the workbook again from your spreadsheet program.`, { file }));
      } else {
        reject(damaged(file, error));
      }
    });
    zip.readEntry();
  });
}

function unsafeName(name: string): string | null {
  if (name.includes('\\')) return 'backslash in path';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'absolute path';
  if (name.split('/').includes('..')) return 'path goes up a folder';
  if (name.includes('\0')) return 'NUL in name';
  return null;
}

function checkDeclaredSizes(entries: yauzl.Entry[], { file, limits }: ReadContext): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (inflatesTooMuch(entry.uncompressedSize, entry.compressedSize, limits)) {
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      throw bomb(file, `its entry '${entry.fileName}' inflates ${Math.round(ratio)} times (the limit is ${limits.maxCompressionRatio})`);
    }
  }
  if (total > limits.maxInflatedBytes) {
    throw bomb(file, `it declares ${formatBytes(total)} once inflated (the limit is ${formatBytes(limits.maxInflatedBytes)})`);
  }
}

function archiveOver(zip: yauzl.ZipFile, entries: yauzl.Entry[], context: ReadContext): ZipArchive {
  const { file, limits } = context;
  const byName = new Map<string, yauzl.Entry>();
  for (const entry of entries) byName.set(normalise(entry.fileName), entry);
  let inflatedTotal = 0;
  let isClosed = false;

  const entryFor = (name: string): yauzl.Entry => {
    const entry = byName.get(normalise(name));
    if (!entry) throw new AppError('FILE_UNREADABLE', `'${file}' is damaged: its part '${name}' is missing. Save it again from your spreadsheet program.`, { file });
    return entry;
  };

  async function* stream(name: string): AsyncGenerator<Buffer> {
    const entry = entryFor(name);
    const readable = await new Promise<Readable>((resolve, reject) => {
      zip.openReadStream(entry, (error, opened) => (error ? reject(damaged(file, error)) : resolve(opened)));
    });
    let inflated = 0;
    try {
      for await (const chunk of readable as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        inflatedTotal += chunk.length;
        if (inflatedTotal > limits.maxInflatedBytes) {
          throw bomb(file, `it inflates to more than ${formatBytes(limits.maxInflatedBytes)}`);
        }
        if (inflatesTooMuch(inflated, entry.compressedSize, limits)) {
          throw bomb(file, `its entry '${entry.fileName}' inflates more than ${limits.maxCompressionRatio} times`);
        }
        yield chunk;
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof Error && /too many bytes|inflate|invalid|unexpected end/i.test(error.message)) {
        throw /too many bytes/i.test(error.message) ? bomb(file, `its entry '${entry.fileName}' inflates to more than it declares`) : damaged(file, error);
      }
      throw damaged(file, error);
    } finally {
      readable.destroy();
    }
  }

  return {
    names: entries.map((entry) => entry.fileName),
    sizeOf: (name) => byName.get(normalise(name))?.uncompressedSize ?? 0,
    has: (name) => byName.has(normalise(name)),
    stream,
    async read(name, maxBytes) {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of stream(name)) {
        size += chunk.length;
        if (size > maxBytes) throw bomb(file, `its part '${name}' inflates to more than ${formatBytes(maxBytes)}`);
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    },
    close: () => {
      if (!isClosed) zip.close();
      isClosed = true;
    },
  };
}

function normalise(name: string): string {
  return name.replace(/^\/+/, '').toLowerCase();
}

/** Whether `inflated` bytes of what was `compressed` bytes exceed the compression ratio a big entry may have. */
export function inflatesTooMuch(inflated: number, compressed: number, limits: ReadLimits): boolean {
  return inflated >= RATIO_CHECK_FROM_BYTES && inflated / Math.max(compressed, 1) > limits.maxCompressionRatio;
}

export function bomb(file: string, why: string): AppError {
  return new AppError('ZIP_BOMB', `'${file}' was refused as unsafe: ${why}. If the file is genuine, split it into smaller files.`, { file });
}

function damaged(file: string, error: unknown): AppError {
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('FILE_UNREADABLE', `'${file}' is damaged or not a valid zip archive (${detail}). Save it again from your spreadsheet program.`, { file }, { cause: error });
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1).replace(/\.0$/, '')} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1).replace(/\.0$/, '')} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}
