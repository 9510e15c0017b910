// The success / error / duplicated CSV files of an import job, appended once per batch so they follow its checkpoint.
//
// Each attempt at a job (each claim by a worker) writes files of its own, `jobs/<id>/attempt-<n>/<kind>.csv`. A job
// picked up again copies the previous attempt's files up to the checkpoint, then appends. So a worker that lost its
// lease (stopped, then woken up) can only ever write into its own attempt's files, which nothing reads any more.
import { AppError } from '../../shared/app-error.js';
import type { FileAppender, FileStorage } from '../../storage/file-storage.js';
import { encodeCsvRow } from './csv-cells.js';

export type ResultKind = 'success' | 'error' | 'duplicated';
export type ResultFilesPositions = Record<ResultKind, number>;
export type ResultLines = Record<ResultKind, string[]>;

export const RESULT_KINDS: readonly ResultKind[] = ['success', 'error', 'duplicated'];
/** Columns added after the file's own columns in the error and duplicated files. */
export const ACCOUNTING_COLUMNS = ['line', 'reason'] as const;

const BYTE_ORDER_MARK = '\uFEFF';

export function resultFileKey(jobId: number, attempt: number, kind: ResultKind): string {
  if (!Number.isSafeInteger(jobId) || jobId <= 0 || !Number.isSafeInteger(attempt) || attempt <= 0) {
    throw new AppError('BAD_INPUT', `Invalid job ${jobId} or attempt ${attempt}.`);
  }
  return `jobs/${jobId}/attempt-${attempt}/${kind}.csv`;
}

/** Where a job's files of one attempt stand in its checkpoint. */
export type ResultFilesCheckpoint = { attempt: number; positions: ResultFilesPositions };

export type ResultFiles = {
  readonly attempt: number;
  keyOf(kind: ResultKind): string;
  /** Appends a batch's lines to each file; returns the positions to store in the checkpoint. */
  append(lines: ResultLines): Promise<ResultFilesPositions>;
  /**
   * The same, synchronously (directory storage), for a writer that must not yield inside its transaction; durable
   * only after syncSync(): one fsync for the many batches of one commit.
   */
  appendSync(lines: ResultLines): ResultFilesPositions;
  /** Makes what appendSync wrote since the last sync durable. */
  syncSync(): void;
  /** Where the files end now: the positions the last append returned. */
  positions(): ResultFilesPositions;
  /** Cuts the files back to positions an earlier append returned: the lines after them belong to a transaction that rolled back. */
  rewind(to: ResultFilesPositions): Promise<void>;
  /** Lets go of the files held open for appending; call it once nothing appends any more. */
  close(): Promise<void>;
};

/**
 * Opens the files of `attempt`: fresh (BOM and header) for a new job, or copied from the checkpoint's attempt up to
 * its positions for a job that resumes.
 */
export async function openResultFiles(storage: FileStorage, jobId: number, attempt: number, headers: readonly string[], checkpoint: ResultFilesCheckpoint | null): Promise<ResultFiles> {
  const keyOf = (kind: ResultKind) => resultFileKey(jobId, attempt, kind);
  let positions: ResultFilesPositions;
  if (checkpoint) {
    const copied = await Promise.all(
      RESULT_KINDS.map((kind) => storage.copyPrefix(resultFileKey(jobId, checkpoint.attempt, kind), keyOf(kind), checkpoint.positions[kind])),
    );
    positions = { success: copied[0]!, error: copied[1]!, duplicated: copied[2]! };
  } else {
    const headerRows: Record<ResultKind, string> = {
      success: encodeCsvRow(headers),
      error: encodeCsvRow([...headers, ...ACCOUNTING_COLUMNS]),
      duplicated: encodeCsvRow([...headers, ...ACCOUNTING_COLUMNS]),
    };
    const started = await Promise.all(
      RESULT_KINDS.map(async (kind) => {
        await storage.truncate(keyOf(kind), 0);
        return storage.append(keyOf(kind), Buffer.from(BYTE_ORDER_MARK + headerRows[kind], 'utf8'));
      }),
    );
    positions = { success: started[0]!, error: started[1]!, duplicated: started[2]! };
  }

  const appendSync = storage.appendSync?.bind(storage);
  const syncSync = storage.syncSync?.bind(storage);
  /** Files appended to since the last sync. */
  const unsynced = new Set<ResultKind>();
  /** The files held open for append() where the storage can (a directory), opened at their first append. */
  const appenders = new Map<ResultKind, Promise<FileAppender>>();
  const appenderOf = (kind: ResultKind) => {
    let appender = appenders.get(kind);
    if (!appender && storage.openAppender) {
      appender = storage.openAppender(keyOf(kind));
      appender.catch(() => appenders.delete(kind));
      appenders.set(kind, appender);
    }
    return appender ?? null;
  };
  const appendTo = async (kind: ResultKind, data: Buffer) => {
    const appender = appenderOf(kind);
    return appender ? (await appender).append(data) : storage.append(keyOf(kind), data);
  };
  return {
    attempt,
    keyOf,
    async append(lines) {
      const next = await Promise.all(
        RESULT_KINDS.map((kind) => (lines[kind].length === 0 ? positions[kind] : appendTo(kind, Buffer.from(lines[kind].join(''), 'utf8')))),
      );
      positions = { success: next[0]!, error: next[1]!, duplicated: next[2]! };
      return { ...positions };
    },
    appendSync(lines) {
      if (!appendSync || !syncSync) throw new AppError('INTERNAL', 'This file storage cannot append synchronously; the SQLite import writer needs directory storage.');
      const next = { ...positions };
      for (const kind of RESULT_KINDS) {
        if (lines[kind].length === 0) continue;
        next[kind] = appendSync(keyOf(kind), Buffer.from(lines[kind].join(''), 'utf8'));
        unsynced.add(kind);
      }
      positions = next;
      return { ...positions };
    },
    syncSync() {
      for (const kind of unsynced) syncSync?.(keyOf(kind));
      unsynced.clear();
    },
    positions: () => ({ ...positions }),
    async rewind(to) {
      await Promise.all(
        RESULT_KINDS.map(async (kind) => {
          const appender = appenderOf(kind);
          return appender ? (await appender).truncate(to[kind]) : storage.truncate(keyOf(kind), to[kind]);
        }),
      );
      positions = { ...to };
    },
    async close() {
      const open = [...appenders.values()];
      appenders.clear();
      await Promise.all(open.map(async (appender) => (await appender.catch(() => null))?.close()));
    },
  };
}
