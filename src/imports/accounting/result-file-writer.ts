// The success / error / duplicated CSV files of an import job, appended once per batch so they follow its checkpoint.
import { AppError } from '../../shared/app-error.js';
import type { FileStorage } from '../../storage/file-storage.js';
import { encodeCsvRow } from './csv-cells.js';

export type ResultKind = 'success' | 'error' | 'duplicated';
export type ResultFilesPositions = Record<ResultKind, number>;

export const RESULT_KINDS: readonly ResultKind[] = ['success', 'error', 'duplicated'];
/** Columns added after the file's own columns in the error and duplicated files. */
export const ACCOUNTING_COLUMNS = ['line', 'reason'] as const;

const BYTE_ORDER_MARK = '\uFEFF';

export function resultFileKey(jobId: number, kind: ResultKind | 'original'): string {
  if (!Number.isSafeInteger(jobId) || jobId <= 0) throw new AppError('BAD_INPUT', `Invalid job id ${jobId}.`);
  return kind === 'original' ? `jobs/${jobId}/original` : `jobs/${jobId}/${kind}.csv`;
}

export type ResultFiles = {
  addSuccess(values: readonly string[]): void;
  addError(values: readonly string[], line: number, reason: string): void;
  addDuplicated(values: readonly string[], line: number, reason: string): void;
  /** Appends what the batch added to each file; returns positions to store in the job's checkpoint (same transaction as the batch's rows). */
  flush(): Promise<ResultFilesPositions>;
  /** Before the first record: cuts each file back to the checkpoint positions, or starts fresh with BOM + header when positions are null. */
  resume(positions: ResultFilesPositions | null): Promise<void>;
};

/**
 * Rows shorter than the header are padded with ''; longer rows keep their extra cells. In the error and duplicated
 * files `line` and `reason` always sit right after the header's columns, and a row's extra cells follow them.
 */
export function createResultFiles(storage: FileStorage, jobId: number, headers: readonly string[]): ResultFiles {
  const keys: Record<ResultKind, string> = {
    success: resultFileKey(jobId, 'success'),
    error: resultFileKey(jobId, 'error'),
    duplicated: resultFileKey(jobId, 'duplicated'),
  };
  const pending: Record<ResultKind, string[]> = { success: [], error: [], duplicated: [] };
  let positions: ResultFilesPositions | null = null;

  function accountedRow(values: readonly string[], line: number, reason: string): string[] {
    const known = headers.map((_, index) => values[index] ?? '');
    return [...known, String(line), reason, ...values.slice(headers.length)];
  }

  return {
    addSuccess(values) {
      pending.success.push(encodeCsvRow(headers.map((_, index) => values[index] ?? '').concat(values.slice(headers.length))));
    },
    addError(values, line, reason) {
      pending.error.push(encodeCsvRow(accountedRow(values, line, reason)));
    },
    addDuplicated(values, line, reason) {
      pending.duplicated.push(encodeCsvRow(accountedRow(values, line, reason)));
    },

    async flush() {
      const current = positions;
      if (!current) {
        throw new AppError('INTERNAL', `The result files of job ${jobId} were not opened: call resume(null) for a new job, or resume(checkpoint).`);
      }
      // Until this flush is checkpointed, a failure here is repaired by resume(previous checkpoint).
      const flushed = await Promise.all(
        RESULT_KINDS.map(async (kind) => {
          const text = pending[kind].join('');
          pending[kind] = [];
          return text === '' ? current[kind] : storage.append(keys[kind], Buffer.from(text, 'utf8'));
        }),
      );
      positions = { success: flushed[0]!, error: flushed[1]!, duplicated: flushed[2]! };
      return { ...positions };
    },

    async resume(checkpoint) {
      for (const kind of RESULT_KINDS) pending[kind] = [];
      if (checkpoint) {
        await Promise.all(RESULT_KINDS.map((kind) => storage.truncate(keys[kind], checkpoint[kind])));
        positions = { ...checkpoint };
        return;
      }
      const headerRows: Record<ResultKind, string> = {
        success: encodeCsvRow(headers),
        error: encodeCsvRow([...headers, ...ACCOUNTING_COLUMNS]),
        duplicated: encodeCsvRow([...headers, ...ACCOUNTING_COLUMNS]),
      };
      const started = await Promise.all(
        RESULT_KINDS.map(async (kind) => {
          await storage.truncate(keys[kind], 0);
          return storage.append(keys[kind], Buffer.from(BYTE_ORDER_MARK + headerRows[kind], 'utf8'));
        }),
      );
      positions = { success: started[0]!, error: started[1]!, duplicated: started[2]! };
    },
  };
}
