// The messages between the preparation thread and the writing side (batches cross by structured clone).
import type { AppErrorCode, AppErrorDetails } from '../../shared/app-error.js';
import type { PreparedBatch } from './prepared-batches.js';

export type ThreadMessage =
  | { kind: 'opened'; headers: string[] }
  | { kind: 'batch'; batch: PreparedBatch }
  | { kind: 'end'; recordsRead: number }
  | { kind: 'error'; code: AppErrorCode; message: string; details: AppErrorDetails };

/** The slots of the Int32 signal the two sides share: messages sent (to the writing side), batches taken (by it). */
export const SENT = 0;
export const TAKEN = 1;
