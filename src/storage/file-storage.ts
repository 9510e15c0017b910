// The streaming file store behind uploads and job result files, and the choice of its backend from the config.
import { join } from 'node:path';
import { scratchDirOf, type Config } from '../config/config.js';
import type { AppDatabase } from '../db/database.js';
import { createDatabaseFileStorage } from './database-file-storage.js';
import { createDirectoryStorage } from './directory-storage.js';
import { createStoredFilesRepository } from './stored-files.repository.js';

/** A stream of bytes, or a local file (the command line's): a directory store copies that in the kernel, with no bytes through the heap. */
export type FileSource = NodeJS.ReadableStream | AsyncIterable<Uint8Array> | LocalFile;
export type LocalFile = { readonly localPath: string };

export function isLocalFile(source: FileSource): source is LocalFile {
  return typeof (source as Partial<LocalFile>).localPath === 'string';
}

export type FileStorage = {
  /** Stores a stream under key (replacing any), returns its size. Streams; bounded memory. maxBytes → AppError('UPLOAD_TOO_LARGE') and nothing left behind. */
  put(key: string, source: FileSource, options?: { maxBytes?: number }): Promise<{ size: number }>;
  /**
   * Appends data to key (creating it) and returns the new position, an opaque integer to give back to truncate().
   * Durable when it resolves (fsync for files). Writes to one key must be serialised by the caller.
   */
  append(key: string, data: Uint8Array): Promise<number>;
  /**
   * append(), synchronously and not yet durable: for a writer that must not yield while it holds a database
   * transaction (SQLite, whose connection the whole process shares), and appends many times before one commit.
   * Only storages that can (a directory) have it, and syncSync with it.
   */
  appendSync?(key: string, data: Uint8Array): number;
  /** Makes everything appendSync wrote to key durable (fsync). */
  syncSync?(key: string): void;
  /**
   * The key held open for many appends by one writer (the result files of a job's attempt): append() and truncate()
   * without opening, examining and closing it each time. Only storages that can (a directory) have it.
   */
  openAppender?(key: string): Promise<FileAppender>;
  /** Makes `toKey` a copy of `fromKey` up to a position returned by append (a job resuming in a new attempt); returns the position in `toKey`. */
  copyPrefix(fromKey: string, toKey: string, position: number): Promise<number>;
  /** Cuts key back to a position returned by append (0 = empty; creates the key if missing). Used when a job resumes from its checkpoint. */
  truncate(key: string, position: number): Promise<void>;
  /** A readable stream of the whole content; the stream fails with AppError('FILE_NOT_FOUND') if missing. */
  read(key: string): NodeJS.ReadableStream;
  /** Bytes, null when missing. */
  size(key: string): Promise<number | null>;
  /** No error when missing. */
  remove(key: string): Promise<void>;
  /**
   * A local file path with the content, for readers that need random access (zip/xlsx). Directory storage returns its
   * own path; database storage streams it to a temp file. Call release() after. AppError('FILE_NOT_FOUND') if missing.
   */
  localCopy(key: string): Promise<{ path: string; release(): Promise<void> }>;
  /** Keys under a prefix (plain string prefix, e.g. `uploads/`) older than a time, for cleaning expired uploads. */
  listOlderThan(prefix: string, epochMs: number): Promise<string[]>;
  /**
   * Removes the local copies (localCopy) that processes of this machine left when they were killed before their
   * release(); returns how many. Only storages that make copies (the database) have it.
   */
  sweepLocalCopies?(now?: number): Promise<number>;
};

/** A key open for appending: the same positions as FileStorage's append() and truncate(), durable when they resolve. */
export type FileAppender = {
  append(data: Uint8Array): Promise<number>;
  truncate(position: number): Promise<void>;
  close(): Promise<void>;
};

export function createFileStorage(config: Pick<Config, 'dataDir' | 'storage'>, database: AppDatabase): FileStorage {
  if (config.storage === 'postgres') {
    return createDatabaseFileStorage(createStoredFilesRepository(database.db), { tempDir: scratchDirOf(config) });
  }
  return createDirectoryStorage(join(config.dataDir, 'files'));
}
