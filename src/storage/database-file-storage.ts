// File storage in the database (stored_files + stored_file_chunks), for deployments without a shared disk.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../shared/app-error.js';
import { createScratchFolder, isLeftBehind } from '../shared/scratch-folders.js';
import type { FileSource, FileStorage } from './file-storage.js';
import { readSourceChunks, toBuffer } from './source-chunks.js';
import { assertValidKey, assertValidPrefix, partialKeyFor } from './storage-keys.js';
import type { StoredFilesRepository } from './stored-files.repository.js';

/** Bytes of one stored chunk, at most. */
export const CHUNK_BYTES = 1024 * 1024;
/** Chunks fetched per query when reading: bounds a reader's memory to a few MiB. */
const CHUNKS_PER_READ = 4;

/**
 * Positions are chunk counts: append() stores its data as new chunks, so a position is always a chunk boundary and
 * truncate() is one delete of the chunks from that number on.
 */
export function createDatabaseFileStorage(files: StoredFilesRepository, options: { tempDir: string }): FileStorage {
  async function* readStoredChunks(key: string): AsyncGenerator<Buffer> {
    if ((await files.findSize(key)) === null) throw fileNotFound(key);
    for (let next = 0; ; ) {
      const chunks = await files.readChunks(key, next, CHUNKS_PER_READ);
      for (const chunk of chunks) yield toBuffer(chunk.data);
      if (chunks.length < CHUNKS_PER_READ) return;
      next = chunks[chunks.length - 1]!.seq + 1;
    }
  }

  const storage: FileStorage = {
    async put(key: string, source: FileSource, putOptions: { maxBytes?: number } = {}) {
      assertValidKey(key);
      // Written under a partial key outside any transaction (an upload may be slow), then swapped in atomically.
      const partialKey = partialKeyFor(key, randomBytes(6).toString('hex'));
      await files.ensureFile(partialKey);
      let seq = 0;
      let size = 0;
      try {
        for await (const chunk of rechunk(readSourceChunks(source, putOptions.maxBytes))) {
          await files.insertChunk(partialKey, seq++, chunk);
          size += chunk.length;
        }
        await files.replaceWithPartial(partialKey, key, size);
      } catch (error) {
        await files.remove(partialKey);
        throw error;
      }
      return { size };
    },

    async append(key: string, data: Uint8Array) {
      assertValidKey(key);
      const chunks: Buffer[] = [];
      const bytes = toBuffer(data);
      for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) chunks.push(bytes.subarray(offset, offset + CHUNK_BYTES));
      return files.appendChunks(key, chunks);
    },

    async copyPrefix(fromKey: string, toKey: string, position: number) {
      assertValidKey(fromKey);
      assertValidKey(toKey);
      if (!Number.isSafeInteger(position) || position < 0) {
        throw new AppError('BAD_INPUT', `Invalid position ${position} for ${fromKey}: use a value returned by append().`, { key: fromKey, position });
      }
      const count = await files.countChunks(fromKey);
      if (position > count) {
        throw new AppError('INTERNAL', `Cannot copy ${fromKey} up to position ${position}: it only has ${count} chunks.`, { key: fromKey, position, count });
      }
      await files.copyChunks(fromKey, toKey, position);
      return position;
    },

    async truncate(key: string, position: number) {
      assertValidKey(key);
      if (!Number.isSafeInteger(position) || position < 0) {
        throw new AppError('BAD_INPUT', `Invalid position ${position} for ${key}: use a value returned by append().`, { key, position });
      }
      const count = await files.countChunks(key);
      if (position > count) {
        throw new AppError('INTERNAL', `Cannot cut ${key} back to position ${position}: it only has ${count} chunks.`, { key, position, count });
      }
      await files.keepChunks(key, position);
    },

    read(key: string) {
      assertValidKey(key);
      return Readable.from(readStoredChunks(key), { objectMode: false });
    },

    async size(key: string) {
      assertValidKey(key);
      return files.findSize(key);
    },

    async remove(key: string) {
      assertValidKey(key);
      await files.remove(key);
    },

    async localCopy(key: string) {
      assertValidKey(key);
      if ((await files.findSize(key)) === null) throw fileNotFound(key);
      // Named after the process that holds it, so that a copy left by a process that was killed can be swept.
      const dir = await createScratchFolder(options.tempDir);
      const release = () => rm(dir, { recursive: true, force: true });
      // Keep the key's last segment: some readers look at the extension.
      const path = join(dir, key.slice(key.lastIndexOf('/') + 1));
      try {
        await pipeline(Readable.from(readStoredChunks(key), { objectMode: false }), createWriteStream(path));
      } catch (error) {
        await release();
        throw error;
      }
      return { path, release };
    },

    async listOlderThan(prefix: string, epochMs: number) {
      assertValidPrefix(prefix);
      return files.listOlderThan(prefix, epochMs);
    },

    async sweepLocalCopies(now = Date.now()) {
      const names = await readdir(options.tempDir).catch(() => [] as string[]);
      let swept = 0;
      for (const name of names) {
        const path = join(options.tempDir, name);
        // A copy named before copies carried their process is left behind once it is a day old.
        const isLeft = isLeftBehind(name) ?? (name.startsWith('copy-') && now - (await stat(path).then((info) => info.mtimeMs, () => now)) > LEGACY_COPY_MAX_AGE_MS);
        if (!isLeft) continue;
        await rm(path, { recursive: true, force: true });
        swept += 1;
      }
      return swept;
    },
  };
  return storage;
}

const LEGACY_COPY_MAX_AGE_MS = 24 * 3600_000;

/** Regroups a stream of buffers of any size into chunks of exactly CHUNK_BYTES (the last may be shorter). */
async function* rechunk(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const buffer of source) {
    pending.push(buffer);
    pendingBytes += buffer.length;
    if (pendingBytes < CHUNK_BYTES) continue;
    let joined = Buffer.concat(pending, pendingBytes);
    while (joined.length >= CHUNK_BYTES) {
      yield joined.subarray(0, CHUNK_BYTES);
      joined = joined.subarray(CHUNK_BYTES);
    }
    pending = joined.length > 0 ? [joined] : [];
    pendingBytes = joined.length;
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
}

function fileNotFound(key: string): AppError {
  return new AppError('FILE_NOT_FOUND', `The file ${key} does not exist (it may have expired).`, { key });
}
