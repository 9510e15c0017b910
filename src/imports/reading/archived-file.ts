// A list sent compressed, as big lists are mailed and nightly scripts drop them: a gzip file (`leads.csv.gz`) or a zip
// archive of one file (`leads.zip` holding `leads.csv`, or an XLSX). The file inside is inflated into a temporary file,
// under the caps of any zip (total size, compression ratio), and read as if it had been uploaded itself.

import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { AppError } from '../../shared/app-error.js';
import { createScratchFolder } from '../../shared/scratch-folders.js';
import type { ReadContext } from './source-types.js';
import { bomb, formatBytes, inflatesTooMuch, type ZipArchive } from './zip-archive.js';

/** A file taken out of an archive: where it is, its name, and how to remove it once read. */
export type UnpackedFile = { path: string; name: string; remove(): Promise<void> };

/** Entries a zip holds beside its file that are no part of it: folders, macOS's resource forks, Windows' thumbnails. */
export const NO_FILE = /(?:^|\/)(?:__MACOSX\/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)|\/$/i;

/** The name of the file a gzip file holds: its own without `.gz` (`leads.csv.gz` → `leads.csv`). */
export function gzippedName(file: string): string {
  const inner = file.replace(/\.(?:gz|gzip)$/i, '');
  return inner === file || inner === '' ? `${file}.txt` : inner;
}

/** Inflates a gzip file into a temporary file, at most `limits.maxInflatedBytes` and `maxCompressionRatio` times its size. */
export async function unpackGzip(context: ReadContext, size: number): Promise<UnpackedFile> {
  const { file } = context;
  const name = gzippedName(file);
  return unpackInto(context, name, async (target) => {
    let inflated = 0;
    const gunzip = createGunzip();
    gunzip.on('data', (chunk: Buffer) => {
      inflated += chunk.length;
      const why = inflationProblem(inflated, size, context);
      if (why !== null) gunzip.destroy(bomb(file, why));
    });
    try {
      await pipeline(createReadStream(context.path), gunzip, createWriteStream(target));
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('FILE_UNREADABLE', `'${file}' is a damaged gzip file (${error instanceof Error ? error.message : String(error)}). Compress '${name}' again, or upload it as it is.`, { file }, { cause: error });
    }
    if (inflated === 0) throw new AppError('FILE_EMPTY', `'${file}' holds an empty file. Upload a file with a header row and data.`, { file });
  });
}

/**
 * Takes the one file out of a zip archive that is no workbook (`leads.zip` holding `leads.csv`); an archive of
 * several files, or of none, is refused naming them.
 */
export async function unpackSingleEntry(context: ReadContext, zip: ZipArchive): Promise<UnpackedFile> {
  const { file } = context;
  const files = zip.names.filter((name) => !NO_FILE.test(name));
  if (files.length !== 1) {
    const listed = files.slice(0, 10).map((name) => `'${name}'`).join(', ');
    const what = files.length === 0 ? 'no file' : `${files.length} files (${listed}${files.length > 10 ? ', …' : ''})`;
    throw new AppError('FILE_FORMAT_UNSUPPORTED', `'${file}' is a zip archive of ${what}. Upload the list itself: a zip archive may hold one CSV or spreadsheet.`, { file });
  }
  const entry = files[0] as string;
  return unpackInto(context, basename(entry), async (target) => {
    const output = createWriteStream(target);
    await pipeline(zip.stream(entry), output);
  });
}

/**
 * Writes the inner file into a folder of its own in the scratch directory (the data directory's `tmp`, not a /tmp that
 * may be memory), named as the storage's local copies are, after this process, so that one left by a killed process
 * is swept as they are.
 */
async function unpackInto({ options }: ReadContext, name: string, write: (target: string) => Promise<void>): Promise<UnpackedFile> {
  const folder = await createScratchFolder(options.scratchDir ?? tmpdir());
  const remove = () => rm(folder, { recursive: true, force: true });
  // The inner name keeps its extension (what a CSV's delimiter or a dBASE table is told by); the path is ours.
  const path = join(folder, `file${extensionOf(name)}`);
  try {
    await write(path);
  } catch (error) {
    await remove();
    throw error;
  }
  return { path, name, remove };
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).replace(/[^.\w]/g, '').slice(0, 16);
}

function inflationProblem(inflated: number, compressed: number, { limits }: ReadContext): string | null {
  if (inflated > limits.maxInflatedBytes) return `it inflates to more than ${formatBytes(limits.maxInflatedBytes)}`;
  return inflatesTooMuch(inflated, compressed, limits) ? `it inflates more than ${limits.maxCompressionRatio} times` : null;
}
