// File storage in a local directory: <root>/<key>. put() writes a partial file and renames it into place.
import { randomBytes } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, fstatSync, fsyncSync, mkdirSync, openSync, writeSync, type Stats } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { copyFile, mkdir, open, opendir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '../shared/app-error.js';
import { isLocalFile, type FileSource, type FileStorage } from './file-storage.js';
import { assertWithinLimit, readSourceChunks } from './source-chunks.js';
import { assertValidKey, assertValidPrefix, partialKeyFor } from './storage-keys.js';

/** Positions are byte sizes. */
export function createDirectoryStorage(rootDir: string): FileStorage {
  const root = resolve(rootDir);

  function pathOf(key: string): string {
    assertValidKey(key);
    const path = resolve(root, key);
    // Defence in depth: validation already rules this out.
    if (!path.startsWith(root + sep)) throw new AppError('BAD_INPUT', `Invalid storage key ${JSON.stringify(key)}: it leaves the store.`);
    return path;
  }

  return {
    async put(key: string, source: FileSource, options: { maxBytes?: number } = {}) {
      const path = pathOf(key);
      const partialPath = pathOf(partialKeyFor(key, randomBytes(6).toString('hex')));
      await mkdir(dirname(path), { recursive: true });
      // A regular local file is copied by the kernel (a pipe or a device is read as a stream).
      let copiedPath: string | null = null;
      if (isLocalFile(source)) {
        const stats = await stat(source.localPath);
        if (stats.isFile()) {
          assertWithinLimit(stats.size, options.maxBytes);
          copiedPath = source.localPath;
        }
      }
      const handle = await open(partialPath, 'wx');
      let size = 0;
      try {
        if (copiedPath !== null) {
          await copyFile(copiedPath, partialPath);
          size = (await handle.stat()).size;
          assertWithinLimit(size, options.maxBytes);
        } else {
          for await (const chunk of readSourceChunks(source, options.maxBytes)) {
            await handle.write(chunk);
            size += chunk.length;
          }
        }
        await handle.sync();
        await handle.close();
        await rename(partialPath, path);
      } catch (error) {
        await handle.close().catch(() => undefined);
        await rm(partialPath, { force: true });
        throw error;
      }
      await syncDirectory(dirname(path));
      return { size };
    },

    async append(key: string, data: Uint8Array) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const handle = await open(path, 'a');
      try {
        const isNew = (await handle.stat()).size === 0;
        if (data.length > 0) await handle.write(data);
        await handle.sync();
        const { size } = await handle.stat();
        if (isNew) await syncDirectory(dirname(path));
        return size;
      } finally {
        await handle.close();
      }
    },

    async openAppender(key: string) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const handle = await open(path, 'a');
      let size: number;
      try {
        size = (await handle.stat()).size;
        // A file created here is made to last in its directory before anything is appended to it.
        if (size === 0) await syncDirectory(dirname(path));
      } catch (error) {
        await handle.close();
        throw error;
      }
      return {
        async append(data: Uint8Array) {
          for (let written = 0; written < data.length; ) written += (await handle.write(data, written)).bytesWritten;
          await handle.sync();
          size += data.length;
          return size;
        },
        async truncate(position: number) {
          await cutBack(handle, key, position, size);
          size = position;
        },
        close: () => handle.close(),
      };
    },

    appendSync(key: string, data: Uint8Array) {
      const path = pathOf(key);
      mkdirSync(dirname(path), { recursive: true });
      const fd = openSync(path, 'a');
      try {
        let written = 0;
        while (written < data.length) written += writeSync(fd, data, written);
        return fstatSync(fd).size;
      } finally {
        closeSync(fd);
      }
    },

    syncSync(key: string) {
      // fsync writes out the file's dirty pages whichever descriptor wrote them.
      const fd = openSync(pathOf(key), 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    },

    async copyPrefix(fromKey: string, toKey: string, position: number) {
      const from = pathOf(fromKey);
      const to = pathOf(toKey);
      assertPosition(fromKey, position);
      const size = (await statOrNull(from))?.size ?? 0;
      if (position > size) {
        throw new AppError('INTERNAL', `Cannot copy ${fromKey} up to byte ${position}: it only has ${size} bytes.`, { key: fromKey, position, size });
      }
      await mkdir(dirname(to), { recursive: true });
      const output = createWriteStream(to, { flags: 'w' });
      if (position === 0) {
        output.end();
        await new Promise<void>((resolve, reject) => output.on('finish', resolve).on('error', reject));
      } else {
        await pipeline(createReadStream(from, { start: 0, end: position - 1 }), output);
      }
      const handle = await open(to, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      return position;
    },

    async truncate(key: string, position: number) {
      const path = pathOf(key);
      assertPosition(key, position);
      await mkdir(dirname(path), { recursive: true });
      const handle = await open(path, 'a');
      try {
        await cutBack(handle, key, position, (await handle.stat()).size);
      } finally {
        await handle.close();
      }
    },

    read(key: string) {
      const path = pathOf(key);
      return Readable.from(readFileChunks(key, path), { objectMode: false });
    },

    async size(key: string) {
      const stats = await statOrNull(pathOf(key));
      return stats?.isFile() ? stats.size : null;
    },

    async remove(key: string) {
      await rm(pathOf(key), { force: true });
    },

    async localCopy(key: string) {
      const path = pathOf(key);
      if (!(await statOrNull(path))?.isFile()) throw fileNotFound(key);
      return { path, release: async () => undefined };
    },

    async listOlderThan(prefix: string, epochMs: number) {
      assertValidPrefix(prefix);
      const base = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
      const keys: string[] = [];
      for await (const [path, stats] of walkFiles(join(root, base))) {
        const key = relative(root, path).split(sep).join('/');
        if (key.startsWith(prefix) && stats.mtimeMs < epochMs) keys.push(key);
      }
      return keys.sort();
    },
  };
}

async function* readFileChunks(key: string, path: string): AsyncGenerator<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (isMissing(error)) throw fileNotFound(key);
    throw error;
  }
  // The stream owns the handle and closes it when done or destroyed.
  yield* handle.createReadStream({ highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>;
}

async function* walkFiles(dir: string): AsyncGenerator<[string, Stats]> {
  let entries;
  try {
    entries = await opendir(dir);
  } catch (error) {
    if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return;
    throw error;
  }
  for await (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFiles(path);
    else if (entry.isFile()) {
      const stats = await statOrNull(path);
      if (stats) yield [path, stats];
    }
  }
}

/** Cuts an open file of `size` bytes back to `position`, durably. */
async function cutBack(handle: FileHandle, key: string, position: number, size: number): Promise<void> {
  assertPosition(key, position);
  if (position > size) throw new AppError('INTERNAL', `Cannot cut ${key} back to byte ${position}: it only has ${size} bytes.`, { key, position, size });
  await handle.truncate(position);
  await handle.sync();
}

function assertPosition(key: string, position: number): void {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new AppError('BAD_INPUT', `Invalid position ${position} for ${key}: use a value returned by append().`, { key, position });
  }
}

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** Makes a rename durable; some platforms cannot open a directory, and there it is best effort. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function fileNotFound(key: string): AppError {
  return new AppError('FILE_NOT_FOUND', `The file ${key} does not exist (it may have expired).`, { key });
}
