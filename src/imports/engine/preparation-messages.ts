// The messages between the preparation thread and the writing side (batches cross by structured clone).
import type { AppErrorCode, AppErrorDetails } from '../../shared/app-error.js';
import type { PreparedBatch } from './prepared-batches.js';

export type ThreadMessage =
  | { kind: 'opened'; headers: string[] }
  | { kind: 'batch'; batch: PreparedBatch }
  | { kind: 'end'; recordsRead: number }
  | { kind: 'error'; code: AppErrorCode; message: string; details: AppErrorDetails };
